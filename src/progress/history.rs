//! What the Scores screen shows, read in one go: every mode's top-ten table, the player's bests,
//! their sessions and answers per day for the plots, how well they know each city, and the
//! pairs of cities they confuse.

use std::collections::HashMap;

use rusqlite::params;

use super::store::HighScore;
use super::{PlayerId, ProgressDb, ProgressError, SessionId};
use crate::dataset::CityKey;

/// Rows in a high-score table.
pub const TABLE_SIZE: usize = 10;

/// How many of a city's latest answers its mastery is judged on.
pub const MASTERY_WINDOW: usize = 8;

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

/// The kinds whose "hit instead" is a city (not a province).
const CITY_MIXUPS: &str = "('where-is', 'find-on-map', 'name-marked', 'which-city')";

impl ProgressDb {
    /// Everything the Scores screen shows for `player`; `modes` orders the tables.
    pub fn scores_view(
        &self,
        player: PlayerId,
        modes: &[&str],
    ) -> Result<ScoresView, ProgressError> {
        Ok(ScoresView {
            tables: self.tables(modes)?,
            bests: self.bests(player)?,
            sessions: self.session_points(player)?,
            answers_per_day: self.answers_per_day(player)?,
            mastery: self.mastery(player)?,
            confused: self.confused_pairs(player, 5)?,
        })
    }

    fn tables(&self, modes: &[&str]) -> Result<Vec<(String, Vec<HighScore>)>, ProgressError> {
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

    fn bests(&self, player: PlayerId) -> Result<Vec<PersonalBest>, ProgressError> {
        self.rows(
            "SELECT mode, MAX(points), COALESCE(MAX(stars), 0), COUNT(*) FROM session
             WHERE player_id = ?1 AND ended_at IS NOT NULL GROUP BY mode ORDER BY mode",
            params![player.0],
            |row| {
                Ok(PersonalBest {
                    mode: row.get(0)?,
                    points: row.get(1)?,
                    stars: row.get(2)?,
                    sessions: row.get(3)?,
                })
            },
        )
    }

    fn session_points(&self, player: PlayerId) -> Result<Vec<SessionPoint>, ProgressError> {
        self.rows(
            "SELECT id, mode, ended_at,
                    strftime('%Y-%m-%d %H:%M', ended_at, 'unixepoch', 'localtime'),
                    points, max_points, correct, answered
             FROM session WHERE player_id = ?1 AND ended_at IS NOT NULL
             ORDER BY ended_at, id",
            params![player.0],
            |row| {
                Ok(SessionPoint {
                    session: SessionId(row.get(0)?),
                    mode: row.get(1)?,
                    ended_at: row.get(2)?,
                    when: row.get(3)?,
                    points: row.get(4)?,
                    max_points: row.get(5)?,
                    correct: row.get(6)?,
                    answered: row.get(7)?,
                })
            },
        )
    }

    fn answers_per_day(&self, player: PlayerId) -> Result<Vec<DayCount>, ProgressError> {
        self.rows(
            "SELECT date(started_at, 'unixepoch', 'localtime') AS day,
                    CAST(julianday(date(started_at, 'unixepoch', 'localtime'))
                         - julianday('1970-01-01') AS INTEGER),
                    SUM(answered)
             FROM session WHERE player_id = ?1 AND answered > 0
             GROUP BY day ORDER BY day",
            params![player.0],
            |row| {
                Ok(DayCount {
                    day: row.get(0)?,
                    day_number: row.get(1)?,
                    answers: row.get(2)?,
                })
            },
        )
    }

    /// Every city the player answered about: all answers counted, the latest
    /// `MASTERY_WINDOW` judged.
    pub fn mastery(&self, player: PlayerId) -> Result<Vec<CityMastery>, ProgressError> {
        // Newest first, numbered per city by SQLite, so only the window comes back per city
        // besides the totals.
        let rows: Vec<(String, u32, u32, u32, u32)> = self.rows(
            "SELECT city, COUNT(*), SUM(correct),
                    SUM(CASE WHEN recent <= ?2 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN recent <= ?2 THEN correct ELSE 0 END)
             FROM (SELECT a.city AS city, a.correct AS correct,
                          ROW_NUMBER() OVER (PARTITION BY a.city ORDER BY a.id DESC) AS recent
                   FROM answer a JOIN session s ON s.id = a.session_id
                   WHERE s.player_id = ?1 AND a.city IS NOT NULL)
             GROUP BY city ORDER BY city",
            params![player.0, MASTERY_WINDOW as i64],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            },
        )?;
        Ok(rows
            .into_iter()
            .map(
                |(city, answered, right, recent, recent_right)| CityMastery {
                    city: CityKey(city),
                    answered,
                    right,
                    recent: if recent == 0 {
                        0.0
                    } else {
                        f64::from(recent_right) / f64::from(recent)
                    },
                    level: Mastery::judge(recent_right as usize, recent as usize),
                },
            )
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
            &format!(
                "SELECT a.city, a.hit_instead, COUNT(*)
                 FROM answer a JOIN session s ON s.id = a.session_id
                 WHERE s.player_id = ?1 AND a.city IS NOT NULL AND a.hit_instead IS NOT NULL
                   AND a.kind IN {CITY_MIXUPS}
                 GROUP BY a.city, a.hit_instead"
            ),
            params![player.0],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        let mut counts: HashMap<[String; 2], u32> = HashMap::new();
        for (city, hits, times) in rows {
            // A find-it question lists every marker missed, separated by spaces.
            for hit in hits.split_whitespace().filter(|hit| *hit != city) {
                let mut pair = [city.clone(), hit.to_string()];
                pair.sort();
                *counts.entry(pair).or_default() += times;
            }
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

    /// Runs a query and collects its rows.
    fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, ProgressError> {
        let mut statement = self.conn.prepare(sql).map_err(|err| self.error(err))?;
        let rows = statement
            .query_map(params, map)
            .map_err(|err| self.error(err))?;
        rows.collect::<Result<_, _>>()
            .map_err(|err| self.error(err))
    }
}
