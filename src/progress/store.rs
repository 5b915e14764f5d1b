//! What the progress database keeps: players (the last one remembered), sessions with their
//! tally, and every answer with its question, what was given and what it hit instead, each
//! committed on its own. Questions and answers are stored as TOML by their stable ids (city
//! slugs, fact ids), so history stays readable when the dataset changes.

use rusqlite::{OptionalExtension, params};

use super::{ProgressDb, ProgressError, now};
use crate::quiz::{Answer, Feedback, QuestionResult, Summary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlayerId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SessionId(pub i64);

/// How a session began: who, which mode (or level), which seed, and its questions (none for an
/// endless run, whose questions come one at a time) so that it can be resumed.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionStart {
    pub player: PlayerId,
    pub mode: String,
    pub seed: u64,
    pub questions: Vec<crate::quiz::Question>,
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

/// The setting that remembers the last player.
const LAST_PLAYER: &str = "last_player";

impl ProgressDb {
    /// Adds a player; a name already taken (in any case) is an error that says so.
    pub fn add_player(&self, name: &str) -> Result<PlayerId, ProgressError> {
        let name = checked_name(name)?;
        self.conn
            .execute(
                "INSERT INTO player (name, created_at) VALUES (?1, ?2)",
                params![name, now()],
            )
            .map_err(|err| self.name_error(err, name))?;
        Ok(PlayerId(self.conn.last_insert_rowid()))
    }

    pub fn rename_player(&self, player: PlayerId, name: &str) -> Result<(), ProgressError> {
        let name = checked_name(name)?;
        self.conn
            .execute(
                "UPDATE player SET name = ?1 WHERE id = ?2",
                params![name, player.0],
            )
            .map_err(|err| self.name_error(err, name))?;
        Ok(())
    }

    /// Deletes a player with every session and answer of theirs (the screen asks first).
    pub fn delete_player(&self, player: PlayerId) -> Result<(), ProgressError> {
        self.conn
            .execute("DELETE FROM player WHERE id = ?1", params![player.0])
            .map_err(|err| self.error(err))?;
        Ok(())
    }

    /// How many finished sessions a player has (what deleting them would lose).
    pub fn finished_sessions(&self, player: PlayerId) -> Result<u32, ProgressError> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM session WHERE player_id = ?1 AND ended_at IS NOT NULL",
                params![player.0],
                |row| row.get(0),
            )
            .map_err(|err| self.error(err))
    }

    /// Every player, by name.
    pub fn players(&self) -> Result<Vec<(PlayerId, String)>, ProgressError> {
        self.rows(
            "SELECT id, name FROM player ORDER BY name COLLATE NOCASE",
            [],
            |row| Ok((PlayerId(row.get(0)?), row.get(1)?)),
        )
    }

    pub fn set_last_player(&self, player: PlayerId) -> Result<(), ProgressError> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![LAST_PLAYER, player.0.to_string()],
            )
            .map_err(|err| self.error(err))?;
        Ok(())
    }

    /// The player who played last, if they still exist.
    pub fn last_player(&self) -> Result<Option<PlayerId>, ProgressError> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                params![LAST_PLAYER],
                |row| row.get(0),
            )
            .optional()
            .map_err(|err| self.error(err))?;
        let Some(id) = value.and_then(|v| v.parse::<i64>().ok()) else {
            return Ok(None);
        };
        let exists: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM player WHERE id = ?1)",
                params![id],
                |row| row.get(0),
            )
            .map_err(|err| self.error(err))?;
        Ok(exists.then_some(PlayerId(id)))
    }

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
                "INSERT INTO session (player_id, mode, seed, started_at, questions)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    start.player.0,
                    start.mode,
                    start.seed as i64,
                    started_at,
                    questions
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
                super::history::add_to_city_records(
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
                    answered = ?6, stars = ?7, seconds = ?8
                 WHERE id = ?1",
                params![
                    session.0,
                    ended_at,
                    summary.points,
                    summary.max_points,
                    summary.correct as i64,
                    summary.answered as i64,
                    summary.stars,
                    summary.time.as_secs_f64()
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
            super::history::rebuild_city_records(&tx, player).map_err(sqlite)?;
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

    fn name_error(&self, err: rusqlite::Error, name: &str) -> ProgressError {
        if err.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
            ProgressError::Invalid(format!(
                "there is already a player called \"{name}\": choose another name"
            ))
        } else {
            self.error(err)
        }
    }
}

/// A player's name, trimmed: 1 to 40 characters.
fn checked_name(name: &str) -> Result<&str, ProgressError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 40 {
        return Err(ProgressError::Invalid(
            "a player's name is 1 to 40 characters, e.g. \"Mina\"".into(),
        ));
    }
    Ok(name)
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

fn to_toml<T: serde::Serialize>(value: &T) -> Result<String, ProgressError> {
    toml::to_string(value).map_err(|err| ProgressError::Invalid(err.to_string()))
}

fn from_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ProgressError> {
    toml::from_str(text).map_err(|err| ProgressError::Invalid(err.to_string()))
}
