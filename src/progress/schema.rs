//! The progress database's schema, as forward migrations: `MIGRATIONS[i]` takes a database at
//! version `i` (SQLite's `user_version`) to `i + 1`. Published steps are never edited; a change
//! is a new step.

/// Version 0 → 1: players, sessions and every answer.
const V1: &str = "
CREATE TABLE player (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at  INTEGER NOT NULL
);
CREATE TABLE session (
    id          INTEGER PRIMARY KEY,
    player_id   INTEGER NOT NULL REFERENCES player(id) ON DELETE CASCADE,
    mode        TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    points      INTEGER NOT NULL DEFAULT 0,
    max_points  INTEGER NOT NULL DEFAULT 0,
    correct     INTEGER NOT NULL DEFAULT 0,
    answered    INTEGER NOT NULL DEFAULT 0,
    stars       INTEGER,
    seconds     REAL NOT NULL DEFAULT 0
);
CREATE TABLE answer (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    question     TEXT NOT NULL,
    given        TEXT NOT NULL,
    points       INTEGER NOT NULL,
    streak_bonus INTEGER NOT NULL,
    correct      INTEGER NOT NULL,
    seconds      REAL NOT NULL,
    UNIQUE (session_id, position)
);
";

/// Version 1 → 2: what an answer hit instead (the city clicked, the province chosen), kept for
/// the pairs a player confuses; the last player; indexes for the Scores screen.
const V2: &str = "
ALTER TABLE answer ADD COLUMN hit_instead TEXT;
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
CREATE INDEX session_by_mode ON session (mode, points DESC);
CREATE INDEX session_by_player ON session (player_id, started_at);
";

/// Version 2 → 3: a session keeps its questions (so one left mid-way can be resumed), and an
/// answer the one city it asked about; `city_record` sums each player's answers per city for
/// the mastery map and `city_mixup` the cities they mistook for each other (both kept with
/// every answer, so the Scores screen reads a few dozen rows, not 100,000).
/// `backfill_subjects` fills both in for older answers.
const V3: &str = "
ALTER TABLE session ADD COLUMN questions TEXT;
ALTER TABLE answer ADD COLUMN city TEXT;
CREATE TABLE city_record (
    player_id     INTEGER NOT NULL REFERENCES player(id) ON DELETE CASCADE,
    city          TEXT NOT NULL,
    answered      INTEGER NOT NULL,
    right         INTEGER NOT NULL,
    -- The latest answers, one bit each (1 right), the newest lowest; at most 8.
    recent        INTEGER NOT NULL,
    recent_count  INTEGER NOT NULL,
    PRIMARY KEY (player_id, city)
) WITHOUT ROWID;
-- How often each player mistook one city for another (either way round when read).
CREATE TABLE city_mixup (
    player_id  INTEGER NOT NULL REFERENCES player(id) ON DELETE CASCADE,
    city       TEXT NOT NULL,
    other      TEXT NOT NULL,
    times      INTEGER NOT NULL,
    PRIMARY KEY (player_id, city, other)
) WITHOUT ROWID;
-- The high-score tables read finished sessions by mode, best first.
CREATE INDEX finished_by_mode ON session (mode, points DESC, ended_at)
    WHERE ended_at IS NOT NULL;
-- The history plots read a player's finished sessions, and the answers per day all of theirs,
-- from these indexes alone.
CREATE INDEX finished_by_player ON session
    (player_id, ended_at, mode, points, max_points, correct, answered, stars)
    WHERE ended_at IS NOT NULL;
CREATE INDEX answered_by_player ON session (player_id, started_at, answered);
";

/// Version 3 → 4: a session keeps its best streak (the records of endless higher or lower are
/// read per player from it, no longer from a file shared by everyone) and the content hash of
/// the plan it was made from (`backfill_streaks` fills the streaks in for older sessions).
const V4: &str = "
ALTER TABLE session ADD COLUMN best_streak INTEGER;
ALTER TABLE session ADD COLUMN plan_hash TEXT;
";

/// One step: its SQL, then (for a few) a pass in Rust over the rows it changed.
pub struct Migration {
    pub sql: &'static str,
    pub then: Option<fn(&rusqlite::Transaction) -> rusqlite::Result<()>>,
}

pub const MIGRATIONS: [Migration; 4] = [
    Migration {
        sql: V1,
        then: None,
    },
    Migration {
        sql: V2,
        then: None,
    },
    Migration {
        sql: V3,
        then: Some(backfill_subjects),
    },
    Migration {
        sql: V4,
        then: Some(backfill_streaks),
    },
];

/// Version 4's `session.best_streak` for older sessions: the longest run of right answers in
/// their recorded answers, in order.
fn backfill_streaks(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let rows: Vec<(i64, bool)> = {
        let mut statement =
            tx.prepare("SELECT session_id, correct FROM answer ORDER BY session_id, position")?;
        statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut best: std::collections::BTreeMap<i64, (u32, u32)> = Default::default();
    for (session, correct) in rows {
        let (run, longest) = best.entry(session).or_default();
        *run = if correct { *run + 1 } else { 0 };
        *longest = (*longest).max(*run);
    }
    let mut update = tx.prepare("UPDATE session SET best_streak = ?2 WHERE id = ?1")?;
    for (session, (_, longest)) in best {
        update.execute(rusqlite::params![session, longest])?;
    }
    Ok(())
}

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Version 3's new `answer.city` for answers recorded before it: read from each saved question.
/// A question this build cannot read keeps no city (it still counts in every table).
fn backfill_subjects(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String)> = {
        let mut statement = tx.prepare("SELECT id, question FROM answer WHERE city IS NULL")?;
        statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut update = tx.prepare("UPDATE answer SET city = ?1 WHERE id = ?2")?;
    for (id, question) in rows {
        let subject = toml::from_str::<crate::quiz::Question>(&question)
            .ok()
            .and_then(|question| question.subject());
        if let Some(city) = subject {
            update.execute(rusqlite::params![city.0, id])?;
        }
    }
    let players: Vec<i64> = {
        let mut statement = tx.prepare("SELECT id FROM player")?;
        statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for player in players {
        super::city_records::rebuild_city_records(tx, player)?;
    }
    Ok(())
}
