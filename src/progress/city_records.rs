//! Each player's record of each city, kept beside the answers in the answer's own transaction:
//! a tally of right and wrong (the mastery map's rule) and the cities it was mistaken for. A
//! rebuild folds the answers again (after a migration or a discarded session).

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::SessionId;

/// How many of a city's latest answers its mastery is judged on.
pub const MASTERY_WINDOW: usize = 8;

/// A player's answers about one city, as `city_record` keeps them: every answer counted, the
/// latest `MASTERY_WINDOW` one bit each (1 right, the newest lowest). The one place the rule
/// lives: each answer adds to it, a rebuild folds it, the mastery map reads it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Tally {
    pub(super) answered: u32,
    pub(super) right: u32,
    recent: u32,
    pub(super) recent_count: u32,
}

impl Tally {
    const WINDOW_MASK: u32 = (1 << MASTERY_WINDOW) - 1;

    fn add(&mut self, correct: bool) {
        self.answered += 1;
        self.right += u32::from(correct);
        self.recent = ((self.recent << 1) | u32::from(correct)) & Self::WINDOW_MASK;
        self.recent_count = (self.recent_count + 1).min(MASTERY_WINDOW as u32);
    }

    pub(super) fn recent_right(&self) -> u32 {
        self.recent.count_ones()
    }

    pub(super) fn read(row: &rusqlite::Row<'_>, from: usize) -> rusqlite::Result<Tally> {
        Ok(Tally {
            answered: row.get(from)?,
            right: row.get(from + 1)?,
            recent: row.get(from + 2)?,
            recent_count: row.get(from + 3)?,
        })
    }

    fn write(&self, tx: &rusqlite::Transaction, player: i64, city: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT OR REPLACE INTO city_record
                (player_id, city, answered, right, recent, recent_count)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                player,
                city,
                self.answered,
                self.right,
                self.recent,
                self.recent_count
            ],
        )?;
        Ok(())
    }
}

/// The kinds whose "hit instead" is a city (not a province): what counts as a mix-up.
const MIXUP_KINDS: [&str; 4] = ["where-is", "find-on-map", "name-marked", "which-city"];

/// The other cities an answer about `city` mistook it for: none unless its kind hits cities; a
/// find-it question lists every marker missed, separated by spaces.
fn mixed_up_with<'a>(
    kind: &str,
    city: &'a str,
    hit_instead: Option<&'a str>,
) -> impl Iterator<Item = &'a str> {
    hit_instead
        .filter(|_| MIXUP_KINDS.contains(&kind))
        .into_iter()
        .flat_map(str::split_whitespace)
        .filter(move |other| *other != city)
}

/// Adds one answer about `city` to its player's records (inside the answer's transaction): the
/// city's tally, and each other city it was mistaken for.
pub(super) fn add_to_city_records(
    tx: &rusqlite::Transaction,
    session: SessionId,
    city: &str,
    correct: bool,
    kind: &str,
    hit_instead: Option<&str>,
) -> rusqlite::Result<()> {
    let player: i64 = tx.query_row(
        "SELECT player_id FROM session WHERE id = ?1",
        params![session.0],
        |row| row.get(0),
    )?;
    let mut tally = tx
        .query_row(
            "SELECT answered, right, recent, recent_count FROM city_record
             WHERE player_id = ?1 AND city = ?2",
            params![player, city],
            |row| Tally::read(row, 0),
        )
        .optional()?
        .unwrap_or_default();
    tally.add(correct);
    tally.write(tx, player, city)?;
    for other in mixed_up_with(kind, city, hit_instead) {
        tx.execute(
            "INSERT INTO city_mixup (player_id, city, other, times) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (player_id, city, other) DO UPDATE SET times = times + 1",
            params![player, city, other],
        )?;
    }
    Ok(())
}

/// Rebuilds a player's city records and mix-ups from their answers (after a migration or a
/// discarded session): folded in memory, then one row each.
pub(super) fn rebuild_city_records(
    tx: &rusqlite::Transaction,
    player: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM city_record WHERE player_id = ?1",
        params![player],
    )?;
    tx.execute(
        "DELETE FROM city_mixup WHERE player_id = ?1",
        params![player],
    )?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut mixups: HashMap<(String, String), u32> = HashMap::new();
    {
        let mut statement = tx.prepare(
            "SELECT a.city, a.correct, a.kind, a.hit_instead FROM answer a
             JOIN session s ON s.id = a.session_id
             WHERE s.player_id = ?1 AND a.city IS NOT NULL ORDER BY a.id",
        )?;
        let mut rows = statement.query(params![player])?;
        while let Some(row) = rows.next()? {
            let (city, correct, kind, hit): (String, bool, String, Option<String>) =
                row.try_into()?;
            for other in mixed_up_with(&kind, &city, hit.as_deref()) {
                *mixups.entry((city.clone(), other.to_string())).or_default() += 1;
            }
            tallies.entry(city).or_default().add(correct);
        }
    }
    for (city, tally) in tallies {
        tally.write(tx, player, &city)?;
    }
    let mut insert = tx.prepare(
        "INSERT INTO city_mixup (player_id, city, other, times) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for ((city, other), times) in mixups {
        insert.execute(params![player, city, other, times])?;
    }
    Ok(())
}
