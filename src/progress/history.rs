//! What the Scores screen shows, read in one go: every mode's top-ten table, the player's bests,
//! their sessions and answers per day for the plots, how well they know each city, and the
//! pairs of cities they confuse.

use std::collections::HashMap;

use rusqlite::params;

use super::city_records::Tally;
use super::{HighScore, PlayerId, ProgressDb, ProgressError, SessionId};
use crate::dataset::CityKey;

/// Rows in a high-score table.
pub const TABLE_SIZE: usize = 10;

/// Everything the Scores screen draws for one player.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoresView {
    /// Every mode with a finished session, in the order asked for (others after, by name).
    pub tables: Vec<(String, Vec<HighScore>)>,
    pub bests: Vec<PersonalBest>,
    /// The player's finished sessions, oldest first.
    pub sessions: Vec<SessionPoint>,
    /// Answers given per day (local time), oldest first.
    pub answers_per_day: Vec<DayCount>,
    /// Every city the player has answered about, by slug.
    pub mastery: Vec<CityMastery>,
    /// The pairs of cities most often mistaken for each other, most often first.
    pub confused: Vec<ConfusedPair>,
}

/// A player's best in one mode.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonalBest {
    pub mode: String,
    pub points: u32,
    pub stars: u8,
    pub sessions: u32,
    /// The best share of the maximum points any session reached, in percent (streak bonuses
    /// count, so it may pass 100).
    pub percent: u32,
}

/// A session's points as a share of its maximum, in percent.
fn percent_of(points: u32, max_points: u32) -> u32 {
    if max_points == 0 {
        100
    } else {
        (u64::from(points) * 100 / u64::from(max_points)) as u32
    }
}

/// One finished session, as the history plots show it.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionPoint {
    pub session: SessionId,
    pub mode: String,
    /// Seconds since 1970.
    pub ended_at: i64,
    /// Local date and time, "2026-12-01 14:05".
    pub when: String,
    pub points: u32,
    pub max_points: u32,
    pub correct: u32,
    pub answered: u32,
    pub stars: u8,
}

impl SessionPoint {
    /// Share of questions right, 0 to 1.
    pub fn accuracy(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            f64::from(self.correct) / f64::from(self.answered)
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DayCount {
    /// "2026-12-01", local time.
    pub day: String,
    /// Days since 1970-01-01 (for a plot's axis).
    pub day_number: i64,
    pub answers: u32,
}

/// How well a player knows one city, across every mode.
#[derive(Clone, Debug, PartialEq)]
pub struct CityMastery {
    pub city: CityKey,
    pub answered: u32,
    pub right: u32,
    /// Right among the latest `MASTERY_WINDOW` answers, 0 to 1.
    pub recent: f64,
    pub level: Mastery,
}

/// A city's standing: what the mastery map colours *and* shapes it by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mastery {
    /// Never asked.
    Unseen,
    /// Under half of the latest answers right.
    Weak,
    /// Half or more right, or too few answers to tell.
    Learning,
    /// At least 80 % of the latest answers right, with 3 answers or more.
    Known,
}

impl Mastery {
    /// The level of `right` out of `recent` latest answers.
    pub fn judge(right: usize, recent: usize) -> Mastery {
        if recent == 0 {
            return Mastery::Unseen;
        }
        let share = right as f64 / recent as f64;
        if share < 0.5 {
            Mastery::Weak
        } else if share >= 0.8 && recent >= 3 {
            Mastery::Known
        } else {
            Mastery::Learning
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mastery::Unseen => "not asked yet",
            Mastery::Weak => "weak",
            Mastery::Learning => "learning",
            Mastery::Known => "known",
        }
    }
}

/// Two cities mistaken for each other (in either direction), with how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfusedPair {
    pub cities: [CityKey; 2],
    pub times: u32,
}

/// The best points and stars in each mode among these sessions, by mode name (read from the
/// sessions the plots show already: a second pass over the table would cost more than the
/// rest of the screen).
pub fn bests(sessions: &[SessionPoint]) -> Vec<PersonalBest> {
    let mut bests: Vec<PersonalBest> = Vec::new();
    for session in sessions {
        match bests.iter_mut().find(|best| best.mode == session.mode) {
            Some(best) => {
                best.points = best.points.max(session.points);
                best.stars = best.stars.max(session.stars);
                best.sessions += 1;
                best.percent = best
                    .percent
                    .max(percent_of(session.points, session.max_points));
            }
            None => bests.push(PersonalBest {
                mode: session.mode.clone(),
                points: session.points,
                stars: session.stars,
                sessions: 1,
                percent: percent_of(session.points, session.max_points),
            }),
        }
    }
    bests.sort_by(|a, b| a.mode.cmp(&b.mode));
    bests
}

impl ProgressDb {
    /// The player's best in every mode played to the end (the Play screen's list).
    pub fn personal_bests(&self, player: PlayerId) -> Result<Vec<PersonalBest>, ProgressError> {
        Ok(bests(&self.session_points(player, 0)?))
    }

    /// Everything the Scores screen shows for `player`; `modes` orders the tables.
    pub fn scores_view(
        &self,
        player: PlayerId,
        modes: &[&str],
    ) -> Result<ScoresView, ProgressError> {
        let offset = self.utc_offset()?;
        let sessions = self.session_points(player, offset)?;
        Ok(ScoresView {
            tables: self.tables(modes)?,
            bests: bests(&sessions),
            sessions,
            answers_per_day: self.answers_per_day(player, offset)?,
            mastery: self.mastery(player)?,
            confused: self.confused_pairs(player, 5)?,
        })
    }

    /// Every mode's top-ten table, in `modes`' order.
    pub fn tables(&self, modes: &[&str]) -> Result<Vec<(String, Vec<HighScore>)>, ProgressError> {
        let mut played: Vec<String> = self.rows(
            "SELECT DISTINCT mode FROM session WHERE ended_at IS NOT NULL ORDER BY mode",
            params![],
            |row| row.get(0),
        )?;
        let rank = |mode: &String| modes.iter().position(|m| m == mode).unwrap_or(modes.len());
        played.sort_by_key(|mode| rank(mode));
        played
            .into_iter()
            .map(|mode| {
                let table = self.high_scores(&mode, TABLE_SIZE)?;
                Ok((mode, table))
            })
            .collect()
    }

    /// The local time zone's offset from UTC now, in seconds (SQLite asks the system). Applied
    /// to every date shown: converting each of thousands of rows in SQLite costs more than the
    /// whole screen may, and an hour's daylight-saving error on old sessions changes no day
    /// but those played around midnight.
    pub fn utc_offset(&self) -> Result<i64, ProgressError> {
        self.conn
            .query_row(
                "SELECT CAST(strftime('%s', 'now', 'localtime') AS INTEGER)
                      - CAST(strftime('%s', 'now') AS INTEGER)",
                [],
                |row| row.get(0),
            )
            .map_err(|err| self.error(err))
    }

    /// The player's finished sessions, oldest first; `offset` is the local zone's (seconds).
    pub fn session_points(
        &self,
        player: PlayerId,
        offset: i64,
    ) -> Result<Vec<SessionPoint>, ProgressError> {
        self.rows(
            "SELECT id, mode, ended_at, points, max_points, correct, answered,
                    COALESCE(stars, 0)
             FROM session WHERE player_id = ?1 AND ended_at IS NOT NULL
             ORDER BY ended_at, id",
            params![player.0],
            |row| {
                let ended_at: i64 = row.get(2)?;
                Ok(SessionPoint {
                    session: SessionId(row.get(0)?),
                    mode: row.get(1)?,
                    ended_at,
                    when: crate::format::date_time_of(ended_at + offset),
                    points: row.get(3)?,
                    max_points: row.get(4)?,
                    correct: row.get(5)?,
                    answered: row.get(6)?,
                    stars: row.get(7)?,
                })
            },
        )
    }

    /// The player's answers per local day; `offset` is the local zone's (seconds).
    pub fn answers_per_day(
        &self,
        player: PlayerId,
        offset: i64,
    ) -> Result<Vec<DayCount>, ProgressError> {
        self.rows(
            "SELECT (started_at + ?2) / 86400 AS day, SUM(answered)
             FROM session WHERE player_id = ?1 AND answered > 0
             GROUP BY day ORDER BY day",
            params![player.0, offset],
            |row| {
                let day_number: i64 = row.get(0)?;
                Ok(DayCount {
                    day: crate::format::date_of(day_number * 86_400),
                    day_number,
                    answers: row.get(1)?,
                })
            },
        )
    }

    /// Every city the player answered about: all answers counted, the latest
    /// `MASTERY_WINDOW` judged (from `city_record`, kept with every answer).
    pub fn mastery(&self, player: PlayerId) -> Result<Vec<CityMastery>, ProgressError> {
        let rows: Vec<(String, Tally)> = self.rows(
            "SELECT city, answered, right, recent, recent_count FROM city_record
             WHERE player_id = ?1 ORDER BY city",
            params![player.0],
            |row| Ok((row.get(0)?, Tally::read(row, 1)?)),
        )?;
        Ok(rows
            .into_iter()
            .map(|(city, tally)| CityMastery {
                city: CityKey(city),
                answered: tally.answered,
                right: tally.right,
                recent: if tally.recent_count == 0 {
                    0.0
                } else {
                    f64::from(tally.recent_right()) / f64::from(tally.recent_count)
                },
                level: Mastery::judge(tally.recent_right() as usize, tally.recent_count as usize),
            })
            .collect())
    }

    /// The `limit` pairs of cities the player most often mistook for each other: a click nearer
    /// the other city, a marker of the other clicked, the other named or chosen.
    pub fn confused_pairs(
        &self,
        player: PlayerId,
        limit: usize,
    ) -> Result<Vec<ConfusedPair>, ProgressError> {
        let rows: Vec<(String, String, u32)> = self.rows(
            "SELECT city, other, times FROM city_mixup WHERE player_id = ?1",
            params![player.0],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        // Either way round is one pair.
        let mut counts: HashMap<[String; 2], u32> = HashMap::new();
        for (city, other, times) in rows {
            let mut pair = [city, other];
            pair.sort();
            *counts.entry(pair).or_default() += times;
        }
        let mut pairs: Vec<ConfusedPair> = counts
            .into_iter()
            .map(|([a, b], times)| ConfusedPair {
                cities: [CityKey(a), CityKey(b)],
                times,
            })
            .collect();
        pairs.sort_by(|x, y| y.times.cmp(&x.times).then_with(|| x.cities.cmp(&y.cities)));
        pairs.truncate(limit);
        Ok(pairs)
    }
}
