//! Who plays: players by name (unique in any case), the last one remembered between runs.

use rusqlite::{OptionalExtension, params};

use super::{PlayerId, ProgressDb, ProgressError, now};

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
