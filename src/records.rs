//! The player's records kept between runs (for now the best higher-or-lower streak), in
//! `records.toml` in the data folder: written atomically, and set aside if unreadable.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::storage::{self, StorageError};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Records {
    /// The longest run of right answers in endless higher or lower.
    pub higher_or_lower_best: u32,
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
}
