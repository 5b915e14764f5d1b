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

/// A player's run of days with a daily quiz.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DailyRun {
    /// Today's is finished.
    pub done_today: bool,
    /// Days in a row up to today (or up to yesterday, while today's is still to play).
    pub days: u32,
}

/// The run from the days (numbers from 1970, any order) a daily quiz was finished on.
pub fn daily_run(mut days: Vec<i64>, today: i64) -> DailyRun {
    days.sort_unstable();
    days.dedup();
    let done_today = days.last() == Some(&today);
    let mut expected = if done_today { today } else { today - 1 };
    let mut run = 0;
    for &day in days.iter().rev() {
        if day == expected {
            run += 1;
            expected -= 1;
        } else if day < expected {
            break;
        }
    }
    DailyRun {
        done_today,
        days: run,
    }
}

impl ProgressDb {
    /// `player`'s run of days with the daily quiz kept under `mode`; days are UTC days, as the
    /// quiz's seed is (`today` from [`crate::plan::day_number`]).
    pub fn daily_run(
        &self,
        player: PlayerId,
        mode: &str,
        today: i64,
    ) -> Result<DailyRun, ProgressError> {
        let days: Vec<i64> = self.rows(
            "SELECT DISTINCT started_at / 86400 FROM session
             WHERE player_id = ?1 AND mode = ?2 AND ended_at IS NOT NULL",
            params![player.0, mode],
            |row| row.get(0),
        )?;
        Ok(daily_run(days, today))
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_days_counts_back_from_today_or_yesterday() {
        assert_eq!(
            daily_run(vec![], 100),
            DailyRun {
                done_today: false,
                days: 0
            }
        );
        assert_eq!(
            daily_run(vec![98, 99, 100], 100),
            DailyRun {
                done_today: true,
                days: 3
            }
        );
        // Today's not played yet: the run up to yesterday still stands.
        assert_eq!(
            daily_run(vec![99, 98, 96], 100),
            DailyRun {
                done_today: false,
                days: 2
            }
        );
        // A missed day ends it.
        assert_eq!(
            daily_run(vec![97, 98], 100),
            DailyRun {
                done_today: false,
                days: 0
            }
        );
        assert_eq!(
            daily_run(vec![100, 100, 99], 100),
            DailyRun {
                done_today: true,
                days: 2
            }
        );
    }
}
