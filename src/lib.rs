//! cityquiz: a quiz and flashcard game about the cities of North Korea.
//!
//! Every module here but `game` is the core: plain Rust with no Bevy type, built and unit-tested
//! without the `game` feature. `game` is the Bevy layer that draws, reads input and calls the
//! core; `game::testing` builds the headless app the integration tests drive.

pub mod check;
pub mod cli;
pub mod dataset;
pub mod diagnostics;
pub mod export;
pub mod format;
#[cfg(feature = "game")]
pub mod game;
pub mod geography;
#[cfg(test)]
mod import_rules;
pub mod map_geometry;
pub mod map_view;
pub mod names;
pub mod plan;
pub mod progress;
pub mod quiz;
pub mod settings;
pub mod storage;
pub mod text;
