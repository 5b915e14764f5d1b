//! Each player's records, read from the sessions and answers the database keeps: the longest
//! run of endless higher or lower, and the fastest match board of each size. In a classroom,
//! one child's record is theirs alone.

use std::collections::BTreeMap;

use rusqlite::params;

use super::{PlayerId, ProgressDb, ProgressError};
use crate::quiz::{Answer, Question};

/// One player's records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlayerRecords {
    /// The longest run of right answers in a finished session of an endless mode.
    pub best_streak: u32,
    /// The fastest match board per number of pairs, in seconds.
    pub board_best: BTreeMap<usize, f64>,
}

impl PlayerRecords {
    /// The fastest board of `pairs` pairs.
    pub fn board_best(&self, pairs: usize) -> Option<f64> {
        self.board_best.get(&pairs).copied()
    }
}

impl ProgressDb {
    /// `player`'s records; `endless_modes` are the table names of the plans that run until the
    /// first miss.
    pub fn player_records(
        &self,
        player: PlayerId,
        endless_modes: &[&str],
    ) -> Result<PlayerRecords, ProgressError> {
        let mut records = PlayerRecords::default();
        for mode in endless_modes {
            let best: Option<u32> = self
                .conn
                .query_row(
                    "SELECT MAX(best_streak) FROM session
                     WHERE player_id = ?1 AND mode = ?2 AND ended_at IS NOT NULL",
                    params![player.0, mode],
                    |row| row.get(0),
                )
                .map_err(|err| self.error(err))?;
            records.best_streak = records.best_streak.max(best.unwrap_or(0));
        }
        let boards: Vec<(String, String)> = self.rows(
            "SELECT answer.question, answer.given FROM answer
             JOIN session ON session.id = answer.session_id
             WHERE session.player_id = ?1 AND answer.kind = 'match-board'",
            params![player.0],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        for (question, given) in boards {
            // A board this build cannot read counts for no record.
            let (Ok(Question::MatchBoard(question)), Ok(Answer::MatchBoard(answer))) =
                (toml::from_str(&question), toml::from_str(&given))
            else {
                continue;
            };
            let best = records
                .board_best
                .entry(question.facts.len())
                .or_insert(f64::INFINITY);
            *best = best.min(answer.seconds);
        }
        Ok(records)
    }
}
