//! High-score tables: the best finished sessions of a mode, and where one session stands.

use rusqlite::{OptionalExtension, params};

use super::{ProgressDb, ProgressError, SessionId};

/// One line of a high-score table.
#[derive(Clone, Debug, PartialEq)]
pub struct HighScore {
    pub player: String,
    pub ended_at: i64,
    pub points: u32,
    pub correct: u32,
    pub answered: u32,
    pub seconds: f64,
    pub seed: u64,
}

/// A finished session's place in its mode's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub rank: u32,
    pub personal_best: bool,
}

impl ProgressDb {
    /// The best `limit` finished sessions of a mode, highest score first (ties: earlier first).
    pub fn high_scores(&self, mode: &str, limit: usize) -> Result<Vec<HighScore>, ProgressError> {
        self.rows(
            "SELECT p.name, s.ended_at, s.points, s.correct, s.answered, s.seconds, s.seed
             FROM session s JOIN player p ON p.id = s.player_id
             WHERE s.mode = ?1 AND s.ended_at IS NOT NULL
             ORDER BY s.points DESC, s.ended_at ASC, s.id ASC
             LIMIT ?2",
            params![mode, limit as i64],
            |row| {
                Ok(HighScore {
                    player: row.get(0)?,
                    ended_at: row.get(1)?,
                    points: row.get(2)?,
                    correct: row.get(3)?,
                    answered: row.get(4)?,
                    seconds: row.get(5)?,
                    seed: row.get::<_, i64>(6)? as u64,
                })
            },
        )
    }

    /// Where a finished session stands in its mode's table (1 is the top; ties share the
    /// better place), and whether it is its player's best in that mode so far.
    pub fn standing(&self, session: SessionId) -> Result<Option<Standing>, ProgressError> {
        let row: Option<(String, u32, i64)> = self
            .conn
            .query_row(
                "SELECT mode, points, player_id FROM session WHERE id = ?1 AND ended_at IS NOT NULL",
                params![session.0],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()
            .map_err(|err| self.error(err))?;
        let Some((mode, points, player)) = row else {
            return Ok(None);
        };
        let (above, best): (u32, bool) = self
            .conn
            .query_row(
                "SELECT
                    (SELECT COUNT(*) FROM session
                     WHERE mode = ?1 AND ended_at IS NOT NULL AND points > ?2),
                    NOT EXISTS (SELECT 1 FROM session
                     WHERE mode = ?1 AND ended_at IS NOT NULL AND player_id = ?3 AND id != ?4
                       AND points >= ?2)",
                params![mode, points, player, session.0],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map_err(|err| self.error(err))?;
        Ok(Some(Standing {
            rank: above + 1,
            personal_best: best,
        }))
    }
}
