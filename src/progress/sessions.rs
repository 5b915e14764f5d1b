//! Sessions and their answers: a session starts with its questions (so it can be resumed), each
//! answer is committed on its own with what it hit instead and the city records it moves, and
//! the session closes with its tally. A session left mid-way is resumed or discarded here.
//! Questions and answers are stored as TOML by their stable ids (city slugs, fact ids), so
//! history stays readable when the dataset changes.

use rusqlite::{OptionalExtension, params};

use super::city_records::{add_to_city_records, rebuild_city_records};
use super::{PlayerId, ProgressDb, ProgressError, SessionId, from_toml, now, to_toml};
use crate::quiz::{Answer, Feedback, QuestionResult, Summary};

/// How a session began: who, which mode (or level), which seed, and its questions (none for an
/// endless run, whose questions come one at a time) so that it can be resumed.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionStart {
    pub player: PlayerId,
    pub mode: String,
    pub seed: u64,
    pub questions: Vec<crate::quiz::Question>,
    /// The content hash of the plan the questions were dealt from (`Plan::content_hash`).
    pub plan_hash: Option<String>,
}

/// A session left mid-way that can be taken up again: its questions and the answers given.
#[derive(Clone, Debug, PartialEq)]
pub struct Unfinished {
    pub session: SessionId,
    pub mode: String,
    pub seed: u64,
    pub started_at: i64,
    pub questions: Vec<crate::quiz::Question>,
    /// Each answer given, with the seconds it took, in order.
    pub answers: Vec<(Answer, f64)>,
}

/// How a session's questions are saved: a TOML table with one array.
#[derive(serde::Serialize, serde::Deserialize)]
struct SavedQuestions {
    questions: Vec<crate::quiz::Question>,
}

impl ProgressDb {
    /// Starts a session; its answers follow one by one.
    pub fn start_session(&self, start: &SessionStart) -> Result<SessionId, ProgressError> {
        self.start_session_at(start, now())
    }

    /// Starts a session at a given time (seconds since 1970): for filled-in histories.
    pub fn start_session_at(
        &self,
        start: &SessionStart,
        started_at: i64,
    ) -> Result<SessionId, ProgressError> {
        let questions = if start.questions.is_empty() {
            None
        } else {
            Some(to_toml(&SavedQuestions {
                questions: start.questions.clone(),
            })?)
        };
        self.conn
            .execute(
                "INSERT INTO session (player_id, mode, seed, started_at, questions, plan_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    start.player.0,
                    start.mode,
                    start.seed as i64,
                    started_at,
                    questions,
                    start.plan_hash
                ],
            )
            .map_err(|err| self.error(err))?;
        Ok(SessionId(self.conn.last_insert_rowid()))
    }

    /// Records one answered question of the main round (numbered from 0) in its own
    /// transaction, with the running tally of its session: once this returns, it is on disk.
    pub fn record_answer(
        &mut self,
        session: SessionId,
        position: usize,
        result: &QuestionResult,
    ) -> Result<(), ProgressError> {
        let question = to_toml(&result.question)?;
        let given = to_toml(&result.answer)?;
        let hit_instead = hit_instead(&result.grade.feedback);
        let subject = result.question.subject();
        let path = self.path.clone();
        let sqlite = |source| ProgressError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        let write = || -> rusqlite::Result<()> {
            tx.execute(
                "INSERT INTO answer (session_id, position, kind, question, given, points,
                                     streak_bonus, correct, seconds, hit_instead, city)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    session.0,
                    position as i64,
                    result.question.kind_name(),
                    question,
                    given,
                    result.points,
                    result.streak_bonus,
                    result.grade.correct,
                    result.time.as_secs_f64(),
                    hit_instead,
                    subject.as_ref().map(|city| city.0.as_str()),
                ],
            )?;
            if let Some(city) = &subject {
                add_to_city_records(
                    &tx,
                    session,
                    &city.0,
                    result.grade.correct,
                    result.question.kind_name(),
                    hit_instead.as_deref(),
                )?;
            }
            tx.execute(
                "UPDATE session SET
                    points = points + ?2, correct = correct + ?3, answered = answered + 1,
                    seconds = seconds + ?4
                 WHERE id = ?1",
                params![
                    session.0,
                    result.points + result.streak_bonus,
                    u32::from(result.grade.correct),
                    result.time.as_secs_f64()
                ],
            )?;
            Ok(())
        };
        write().map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    /// Closes a session with its final tally.
    pub fn finish_session(
        &self,
        session: SessionId,
        summary: &Summary,
    ) -> Result<(), ProgressError> {
        self.finish_session_at(session, summary, now())
    }

    /// Closes a session at a given time (seconds since 1970): for filled-in histories.
    pub fn finish_session_at(
        &self,
        session: SessionId,
        summary: &Summary,
        ended_at: i64,
    ) -> Result<(), ProgressError> {
        self.conn
            .execute(
                "UPDATE session SET ended_at = ?2, points = ?3, max_points = ?4, correct = ?5,
                    answered = ?6, stars = ?7, seconds = ?8, best_streak = ?9
                 WHERE id = ?1",
                params![
                    session.0,
                    ended_at,
                    summary.points,
                    summary.max_points,
                    summary.correct as i64,
                    summary.answered as i64,
                    summary.stars,
                    summary.time.as_secs_f64(),
                    summary.best_streak
                ],
            )
            .map_err(|err| self.error(err))?;
        Ok(())
    }

    /// A player's sessions left mid-way (quit or crashed), newest first: resumable.
    pub fn unfinished_sessions(&self, player: PlayerId) -> Result<Vec<SessionId>, ProgressError> {
        self.rows(
            "SELECT id FROM session WHERE player_id = ?1 AND ended_at IS NULL
             ORDER BY started_at DESC, id DESC",
            params![player.0],
            |row| Ok(SessionId(row.get(0)?)),
        )
    }

    /// The player's latest session left mid-way that can be resumed (it kept its questions and
    /// has some still to answer).
    pub fn resumable(&self, player: PlayerId) -> Result<Option<Unfinished>, ProgressError> {
        let row: Option<(i64, String, i64, i64, String)> = self
            .conn
            .query_row(
                "SELECT id, mode, seed, started_at, questions FROM session
                 WHERE player_id = ?1 AND ended_at IS NULL AND questions IS NOT NULL
                   AND answered > 0
                 ORDER BY started_at DESC, id DESC LIMIT 1",
                params![player.0],
                |row| row.try_into(),
            )
            .optional()
            .map_err(|err| self.error(err))?;
        let Some((id, mode, seed, started_at, questions)) = row else {
            return Ok(None);
        };
        let questions = from_toml::<SavedQuestions>(&questions)?.questions;
        let answers = self
            .rows(
                "SELECT given, seconds FROM answer WHERE session_id = ?1 ORDER BY position",
                params![id],
                |row| <(String, f64)>::try_from(row),
            )?
            .into_iter()
            .map(|(given, seconds)| Ok((from_toml(&given)?, seconds)))
            .collect::<Result<Vec<_>, ProgressError>>()?;
        if answers.len() >= questions.len() {
            return Ok(None);
        }
        Ok(Some(Unfinished {
            session: SessionId(id),
            mode,
            seed: seed as u64,
            started_at,
            questions,
            answers,
        }))
    }

    /// Discards a session left mid-way with its answers (and their part in the player's city
    /// records). A finished session is never deleted.
    pub fn discard_session(&mut self, session: SessionId) -> Result<(), ProgressError> {
        let path = self.path.clone();
        let sqlite = |source| ProgressError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        let player: Option<i64> = tx
            .query_row(
                "SELECT player_id FROM session WHERE id = ?1 AND ended_at IS NULL",
                params![session.0],
                |row| row.get(0),
            )
            .optional()
            .map_err(sqlite)?;
        if let Some(player) = player {
            tx.execute("DELETE FROM session WHERE id = ?1", params![session.0])
                .map_err(sqlite)?;
            rebuild_city_records(&tx, player).map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)
    }

    /// The answers a session recorded, in order: each question and answer as saved.
    pub fn session_answers(
        &self,
        session: SessionId,
    ) -> Result<Vec<(crate::quiz::Question, Answer, u32)>, ProgressError> {
        self.rows(
            "SELECT question, given, points FROM answer WHERE session_id = ?1 ORDER BY position",
            params![session.0],
            |row| <(String, String, u32)>::try_from(row),
        )?
        .into_iter()
        .map(|(question, given, points)| Ok((from_toml(&question)?, from_toml(&given)?, points)))
        .collect()
    }
}

/// What an answer hit instead of the right one, by stable id: the city a click was nearer,
/// the cities missed, the city or province named.
fn hit_instead(feedback: &Feedback) -> Option<String> {
    match feedback {
        Feedback::WhereIs(f) => f
            .guess
            .as_ref()
            .and_then(|placed| placed.hit_instead.as_ref())
            .map(|city| city.0.clone()),
        Feedback::FindOnMap(f) if !f.misses.is_empty() => Some(
            f.misses
                .iter()
                .map(|city| city.0.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Feedback::NameMarked(f) => f
            .named
            .as_ref()
            .filter(|named| **named != f.city)
            .map(|city| city.0.clone()),
        Feedback::WhichProvince(f) => f.chosen.clone().filter(|chosen| *chosen != f.right),
        Feedback::WhichCity(f) => f
            .chosen
            .as_ref()
            .filter(|chosen| **chosen != f.city)
            .map(|city| city.0.clone()),
        _ => None,
    }
}
