//! cityquiz: a quiz and flashcard game about the cities of North Korea.
//!
//! The core modules are plain Rust with no Bevy types; `game` is the Bevy layer that draws,
//! reads input and calls them; `testing` builds the headless app the integration tests drive.

pub mod cli;
pub mod dataset;
pub mod diagnostics;
pub mod game;
pub mod geography;
pub mod map_geometry;
pub mod map_view;
pub mod names;
pub mod quiz;
pub mod records;
pub mod settings;
pub mod storage;
pub mod testing;
