//! Every session and every answer as rows for an export (see `crate::export`).

use super::{ProgressDb, ProgressError, from_toml};
use crate::quiz::Answer;

/// One session, as exports list it.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionRow {
    pub player: String,
    pub mode: String,
    /// UTC, "2026-12-01 14:05:00".
    pub started: String,
    pub finished: bool,
    pub points: u32,
    pub max_points: u32,
    pub correct: u32,
    pub answered: u32,
    pub seconds: f64,
    pub seed: u64,
}

/// One answer, as exports list it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    pub player: String,
    pub mode: String,
    pub started: String,
    pub position: usize,
    pub question: crate::quiz::Question,
    pub given: Answer,
    pub points: u32,
    pub correct: bool,
    pub seconds: f64,
    pub hit_instead: Option<String>,
}

impl ProgressDb {
    /// Every session for an export, oldest first: player, mode, start (UTC, as SQLite writes
    /// it), finished or not, points, maximum, right, answered, seconds, seed.
    pub fn session_rows(&self) -> Result<Vec<SessionRow>, ProgressError> {
        self.rows(
            "SELECT p.name, s.mode, strftime('%Y-%m-%d %H:%M:%S', s.started_at, 'unixepoch'),
                    s.ended_at IS NOT NULL, s.points, s.max_points, s.correct, s.answered,
                    s.seconds, s.seed
             FROM session s JOIN player p ON p.id = s.player_id
             ORDER BY s.started_at, s.id",
            [],
            |row| {
                Ok(SessionRow {
                    player: row.get(0)?,
                    mode: row.get(1)?,
                    started: row.get(2)?,
                    finished: row.get(3)?,
                    points: row.get(4)?,
                    max_points: row.get(5)?,
                    correct: row.get(6)?,
                    answered: row.get(7)?,
                    seconds: row.get(8)?,
                    seed: row.get::<_, i64>(9)? as u64,
                })
            },
        )
    }

    /// Every answer for an export, by session and position: the player, mode, session start,
    /// the position, the question and answer as saved, points, right or not, seconds, and what
    /// it hit instead.
    pub fn answer_rows(&self) -> Result<Vec<AnswerRow>, ProgressError> {
        type Raw = (
            String,
            String,
            String,
            i64,
            String,
            String,
            u32,
            bool,
            f64,
            Option<String>,
        );
        self.rows(
            "SELECT p.name, s.mode, strftime('%Y-%m-%d %H:%M:%S', s.started_at, 'unixepoch'),
                    a.position, a.question, a.given, a.points, a.correct, a.seconds,
                    a.hit_instead
             FROM answer a JOIN session s ON s.id = a.session_id
             JOIN player p ON p.id = s.player_id
             ORDER BY s.started_at, s.id, a.position",
            [],
            |row| Raw::try_from(row),
        )?
        .into_iter()
        .map(
            |(player, mode, started, position, question, given, points, correct, seconds, hit)| {
                Ok(AnswerRow {
                    player,
                    mode,
                    started,
                    position: position as usize,
                    question: from_toml(&question)?,
                    given: from_toml(&given)?,
                    points,
                    correct,
                    seconds,
                    hit_instead: hit,
                })
            },
        )
        .collect()
    }
}
