//! Progress kept in one SQLite file (`progress.sqlite` in the data folder): players, sessions and
//! every answer, through rusqlite with SQLite compiled in. Settings stay in TOML.
//!
//! Nothing a player earned may be lost or overwritten:
//! - the journal is WAL and every finished answer is committed in its own transaction, so a
//!   crash loses at most the answer being written;
//! - the schema has a version (`user_version`) with forward migrations in `schema`; a file of a
//!   newer version than this build knows is refused, never touched;
//! - a file that is not a readable database, or fails `PRAGMA integrity_check`, is renamed aside
//!   (`progress.corrupt-<time>.sqlite`) and a fresh one started, with a notice saying where;
//! - two copies of the game on one folder wait for each other (busy timeout), and foreign keys
//!   are on.

mod city_records;
mod db;
mod history;
mod players;
mod records;
mod rows;
mod sample;
mod schema;
mod sessions;
mod tables;
#[cfg(test)]
mod tests;

pub use city_records::MASTERY_WINDOW;
pub use db::{ProgressDb, ProgressError, now};
pub(crate) use db::{from_toml, to_toml};
pub use history::{
    CityMastery, ConfusedPair, DayCount, Mastery, PersonalBest, ScoresView, SessionPoint,
    TABLE_SIZE, bests,
};
pub use records::{DailyRun, PlayerRecords, daily_run};
pub use rows::{AnswerRow, SessionRow};
pub use sample::{SAMPLE_MODES, SampleCounts, SampleHistory};
pub use schema::LATEST as SCHEMA_VERSION;
pub use sessions::{SessionStart, Unfinished};
pub use tables::{HighScore, Standing};

/// A player, by the database's row id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlayerId(pub i64);

/// A session (one quiz played), by the database's row id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SessionId(pub i64);
