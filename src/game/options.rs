//! What a run of the game was asked to do: the command line converts its arguments into these
//! (see `crate::cli`), and the headless tests build them directly.

use std::path::PathBuf;

use bevy::prelude::*;

use super::automation::script::Script;
use super::screen::Screen;
use crate::settings::Theme;

/// What the command line chose for this run.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct GameOptions {
    /// Seed of the one RNG every random choice comes from.
    pub seed: u64,
    /// Where settings, scores and progress are kept; `None` if no folder could be found.
    pub data_dir: Option<PathBuf>,
    /// The screen shown once loading is done.
    pub start_screen: Screen,
    /// `--theme`: this run's theme, not saved.
    pub theme: Option<Theme>,
    /// `--dataset`: a city dataset to use instead of the built-in one.
    pub dataset: Option<PathBuf>,
    /// `--city`, `--zoom`, `--hangul`: how the Explore screen opens.
    pub explore: ExploreStart,
    /// `--quiz` or `--level`: the id of the plan to start.
    pub quiz: Option<String>,
    /// No `--screen` or `--quiz`: a first start may ask who is playing before the title.
    pub may_ask_name: bool,
    /// `--script`, `--steps` or `--screenshot`: steps the game plays by itself (see
    /// `game::automation`).
    pub script: Option<Script>,
    /// Every quiz without a time limit (tests: points then do not depend on the machine's
    /// speed).
    pub untimed: bool,
    /// The window's size in logical pixels.
    pub window_size: (u32, u32),
}

/// How the Explore screen opens (the command line sets it for screenshots and links).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExploreStart {
    /// A city id whose card opens, with the map centred on it.
    pub city: Option<String>,
    /// Zoom factor from the whole-country view.
    pub zoom: Option<f64>,
    pub hangul: bool,
}

impl GameOptions {
    /// The screen loading hands over to (asking for the loading screen itself gives the title).
    pub fn first_screen(&self) -> Screen {
        match self.start_screen {
            Screen::Loading => Screen::Title,
            screen => screen,
        }
    }
}

/// A fresh seed for a run without `--seed`: the clock's nanoseconds are different every run.
pub fn seed_from_clock() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos() as u64)
}
