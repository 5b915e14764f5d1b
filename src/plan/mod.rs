//! A quiz as data: a [`Plan`] says everything a quiz is — its title, what it tells the player
//! before it starts, its clock, pass mark and stars, its seed, and its [`Round`]s: which kinds,
//! how many questions, which cities and facts, the kinds' options and how the round runs. The
//! built-in modes and the levels are plans read from `levels/` (`file.rs` reads the format,
//! `built_in.rs` holds the files compiled in); `deal.rs` turns a plan into questions.
//!
//! ## Adding a level (the recipe)
//! One TOML file in `levels/`, in the format `levels/README.md` describes; the Play screen lists
//! it in file-name order. `cityquiz check levels/NAME.toml` says what is wrong, where. Nothing
//! else changes: the build compiles every file of the folder in, and a test plays each one.

mod built_in;
mod deal;
mod fields;
mod file;
mod file_select;
mod select;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

use std::time::Duration;

use crate::dataset::{CityKey, Topic};
use crate::quiz::generate::Kind;
use crate::quiz::placement::Difficulty;
use crate::quiz::population::Measure;

pub use built_in::{built_in_plans, built_in_sources};
pub use deal::{Dealt, EndlessRun, PlanChoices, deal};
pub use file::{is_plan_file, parse_plan};

pub use select::resolve_cities;

/// Where the game offers a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shelf {
    /// The Play screen's list of levels, in file-name order.
    #[default]
    Levels,
    /// The title menu's quick modes.
    Title,
    /// The quiz of the day (its seed is the date).
    Daily,
    /// Started with cities the game chooses (the mastery map's drill); never listed.
    Drill,
}

impl Shelf {
    pub const NAMES: [&'static str; 4] = ["levels", "title", "daily", "drill"];

    pub fn name(self) -> &'static str {
        match self {
            Shelf::Levels => "levels",
            Shelf::Title => "title",
            Shelf::Daily => "daily",
            Shelf::Drill => "drill",
        }
    }
}

/// Everything a quiz is.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Stable: high scores and saved sessions are kept under it.
    pub id: String,
    pub title: String,
    /// One line for the list that offers it.
    pub description: String,
    /// Shown before it starts.
    pub instructions: String,
    pub shelf: Shelf,
    /// Seconds per question for the time bonus; `None` plays untimed.
    pub time_limit: Option<Duration>,
    /// The share of the maximum points (0–100) that passes the level.
    pub pass_mark: u8,
    /// The shares of the maximum points (0–100) for one, two and three stars.
    pub stars: [u8; 3],
    /// The same questions on every computer when set.
    pub seed: Option<u64>,
    pub rounds: Vec<Round>,
    /// Where it came from (`levels/01-largest.toml`), for messages.
    pub file: String,
    /// A hash of the file's text, the same on every machine and Rust release (FNV-1a, 64 bits,
    /// in hex): a saved session says which version of the plan it was dealt from.
    pub content_hash: String,
}

/// FNV-1a over the bytes, 64 bits, as 16 hex digits: tiny, fixed by its definition, and not
/// std's `DefaultHasher`, whose output may change between releases.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl Plan {
    /// The seed a quiz of this plan plays: its own when it has one, the day's for the quiz of
    /// the day (`now` in seconds since 1970, UTC), else the run's.
    pub fn seed_for(&self, run_seed: u64, now: i64) -> u64 {
        match (self.seed, self.shelf) {
            (Some(seed), _) => seed,
            (None, Shelf::Daily) => daily_seed(day_number(now)),
            (None, _) => run_seed,
        }
    }

    /// Whether a score passes.
    pub fn passes(&self, points: u32, max_points: u32) -> bool {
        max_points == 0
            || 100 * u64::from(points) >= u64::from(self.pass_mark) * u64::from(max_points)
    }

    /// Whether any round's cities follow the player's map difficulty: the high-score table then
    /// keeps each difficulty apart.
    pub fn follows_difficulty(&self) -> bool {
        self.rounds
            .iter()
            .any(|round| matches!(round.cities, Cities::ByDifficulty))
    }

    /// The name its sessions are kept under: the id, with the difficulty where it narrows a
    /// round ("map/easy").
    pub fn table_name(&self, difficulty: Difficulty) -> String {
        if self.follows_difficulty() {
            format!("{}/{}", self.id, difficulty_name(difficulty))
        } else {
            self.id.clone()
        }
    }

    /// Whether the plan runs until the first miss (its questions come one at a time).
    pub fn is_endless(&self) -> bool {
        self.rounds.iter().any(|round| round.run == Run::UntilMiss)
    }
}

/// What the player calls the quiz a table name stands for: "Map quiz (easy)" for "map/easy",
/// the plan's title for its id; `None` for a table no plan keeps.
pub fn table_title(plans: &[Plan], mode: &str) -> Option<String> {
    let (id, difficulty) = match mode.split_once('/') {
        Some((id, difficulty)) => (id, Some(difficulty)),
        None => (mode, None),
    };
    let plan = plans.iter().find(|plan| plan.id == id)?;
    Some(match difficulty {
        Some(difficulty) => format!("{} ({difficulty})", plan.title),
        None => plan.title.clone(),
    })
}

/// The day (from 1970-01-01, UTC) a moment in seconds since 1970 falls on.
pub fn day_number(now: i64) -> i64 {
    now.div_euclid(86_400)
}

/// The quiz of the day's seed: the same for everyone on that day, different every day (the
/// day's number through a fixed mix, so close days give unrelated quizzes).
pub fn daily_seed(day: i64) -> u64 {
    let mut x = (day as u64) ^ 0x9E37_79B9_7F4A_7C15;
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The name of a difficulty in table names and files.
pub fn difficulty_name(difficulty: Difficulty) -> &'static str {
    match difficulty {
        Difficulty::Easy => "easy",
        Difficulty::Normal => "normal",
        Difficulty::Hard => "hard",
    }
}

/// Which cities a round asks about.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Cities {
    /// Every city, in the dataset's order.
    #[default]
    All,
    /// The player's map difficulty: the 12 largest (easy), 20 largest (normal) or all (hard),
    /// largest first.
    ByDifficulty,
    /// These cities, in this order (resolved from any spelling when the plan was read).
    Listed(Vec<CityKey>),
    /// The cities that match every criterion given.
    Matching(CityFilter),
    /// The cities the game gives when it starts (a drill's).
    Given,
}

/// Criteria a city must all meet; `largest` then keeps the N largest (census total).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CityFilter {
    /// Province slugs.
    pub provinces: Vec<String>,
    pub statuses: Vec<crate::dataset::CityStatus>,
    pub largest: Option<usize>,
}

/// Which facts a round's fact questions use (always facts of its cities, never generic ones).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Only these topics; empty: any.
    pub topics: Vec<Topic>,
}

/// How a round runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Run {
    /// Its questions, kinds mixed in the shares listed, in random order.
    #[default]
    Mixed,
    /// One question after another until the first miss (endless higher or lower).
    UntilMiss,
    /// Each kind once about each given city, in random order (a drill).
    EachGiven,
}

/// One part of a quiz.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    /// The kinds in the shares asked: the list repeats to make the questions, then is shuffled.
    pub kinds: Vec<Kind>,
    /// How many questions (a mixed round).
    pub questions: usize,
    pub cities: Cities,
    pub facts: Facts,
    /// Each question about another city while the cities last.
    pub each_city_once: bool,
    pub run: Run,
    /// Cities in an ordering; `None`: the player's setting.
    pub order_size: Option<usize>,
    /// The census figure; `None`: the player's setting.
    pub measure: Option<Measure>,
    /// Pairs on a match board.
    pub board_size: Option<usize>,
}
