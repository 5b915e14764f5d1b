//! The player's records kept between runs (the best higher-or-lower streak, the best match-board
//! time per board size), in
//! `records.toml` in the data folder: written atomically, and set aside if unreadable.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::storage::{self, StorageError};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Records {
    /// The longest run of right answers in endless higher or lower.
    pub higher_or_lower_best: u32,
    /// The fastest finished match board per number of pairs ("6"), in milliseconds.
    pub board_best_ms: BTreeMap<String, u32>,
}

impl Records {
    pub const FILE_NAME: &'static str = "records.toml";

    /// Reads the records; a missing file is a first run, an unreadable one is kept aside and
    /// the message says where.
    pub fn load(data_dir: &Path) -> (Records, Option<String>) {
        storage::load_toml_or_default(&data_dir.join(Self::FILE_NAME), "records")
    }

    pub fn save(&self, data_dir: &Path) -> Result<(), StorageError> {
        // Serialising this plain struct of numbers cannot fail.
        let text = toml::to_string(self).unwrap_or_default();
        storage::write_atomic(&data_dir.join(Self::FILE_NAME), text.as_bytes())
    }

    /// Records a higher-or-lower streak; true when it beats the best so far.
    pub fn note_higher_or_lower(&mut self, streak: u32) -> bool {
        let beaten = streak > self.higher_or_lower_best;
        if beaten {
            self.higher_or_lower_best = streak;
        }
        beaten
    }

    /// Records a finished match board of `pairs` pairs; true when it is the fastest so far.
    pub fn note_board(&mut self, pairs: usize, seconds: f64) -> bool {
        let ms = (seconds.max(0.0) * 1000.0).round().min(f64::from(u32::MAX)) as u32;
        let best = self
            .board_best_ms
            .entry(pairs.to_string())
            .or_insert(u32::MAX);
        let beaten = ms < *best;
        if beaten {
            *best = ms;
        }
        beaten
    }

    /// The fastest time for a board of `pairs` pairs, in seconds.
    pub fn board_best(&self, pairs: usize) -> Option<f64> {
        self.board_best_ms
            .get(&pairs.to_string())
            .map(|&ms| f64::from(ms) / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_best_is_kept_and_reloaded_and_a_corrupt_file_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let (mut records, problem) = Records::load(dir.path());
        assert_eq!((records.higher_or_lower_best, problem), (0, None));
        assert!(records.note_higher_or_lower(7));
        assert!(!records.note_higher_or_lower(3));
        records.save(dir.path()).unwrap();
        assert_eq!(Records::load(dir.path()).0.higher_or_lower_best, 7);

        std::fs::write(
            dir.path().join(Records::FILE_NAME),
            "higher_or_lower_best = \"x\"",
        )
        .unwrap();
        let (records, problem) = Records::load(dir.path());
        assert_eq!(records, Records::default());
        assert!(problem.unwrap().contains("records.toml.corrupt-"));
    }

    #[test]
    fn the_fastest_board_per_size_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut records = Records::default();
        assert!(records.note_board(6, 31.25));
        assert!(!records.note_board(6, 40.0));
        assert!(records.note_board(6, 22.5));
        assert!(records.note_board(4, 50.0));
        records.save(dir.path()).unwrap();
        let (loaded, _) = Records::load(dir.path());
        assert_eq!(loaded.board_best(6), Some(22.5));
        assert_eq!(loaded.board_best(4), Some(50.0));
        assert_eq!(loaded.board_best(8), None);
    }
}
