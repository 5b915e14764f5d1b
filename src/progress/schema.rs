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

pub const MIGRATIONS: [&str; 2] = [V1, V2];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;
