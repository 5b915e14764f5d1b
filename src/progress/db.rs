//! The progress file itself: opened (or made) in the data folder, checked, migrated forward,
//! set aside when unreadable; and the query helpers every reader shares.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;

use super::schema;

/// How long a write waits for another copy of the game holding the file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    #[error(
        "{} was written by a newer cityquiz (progress schema {found}; this one knows up to \
         {known}). It was left untouched: update cityquiz, or play with --data-dir set to \
         another folder",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("the progress file {}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("could not make the data folder {}: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not keep the unreadable {} aside: {source}", path.display())]
    SetAside {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

/// The open progress database.
pub struct ProgressDb {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
}

impl std::fmt::Debug for ProgressDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProgressDb")
            .field("path", &self.path)
            .finish()
    }
}

impl ProgressDb {
    pub const FILE_NAME: &'static str = "progress.sqlite";

    /// Opens (or creates) `progress.sqlite` in the data folder. The notice, if any, says that an
    /// unreadable file was kept aside and where.
    pub fn open_in(data_dir: &Path) -> Result<(ProgressDb, Option<String>), ProgressError> {
        std::fs::create_dir_all(data_dir).map_err(|source| ProgressError::Folder {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Self::open(&data_dir.join(Self::FILE_NAME))
    }

    /// Opens (or creates) the database at `path`, bringing its schema up to date.
    pub fn open(path: &Path) -> Result<(ProgressDb, Option<String>), ProgressError> {
        match Self::open_checked(path) {
            Ok(db) => Ok((db, None)),
            Err(OpenFailure::Fatal(err)) => Err(err),
            Err(OpenFailure::Unreadable(why)) => {
                let kept = set_aside(path)?;
                let db = Self::open_checked(path).map_err(|failure| match failure {
                    OpenFailure::Fatal(err) => err,
                    OpenFailure::Unreadable(why) => ProgressError::Invalid(format!(
                        "a fresh progress file at {} could not be made: {why}",
                        path.display()
                    )),
                })?;
                let notice = format!(
                    "Your progress file could not be read ({why}). It was kept as {} and a new \
                     one was started.",
                    kept.display()
                );
                Ok((db, Some(notice)))
            }
        }
    }

    fn open_checked(path: &Path) -> Result<ProgressDb, OpenFailure> {
        let sqlite = |source| {
            OpenFailure::Fatal(ProgressError::Sqlite {
                path: path.to_path_buf(),
                source,
            })
        };
        let conn = Connection::open(path).map_err(sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        // The first read of the file: a file that is no database fails here.
        let integrity: String = match conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        {
            Ok(result) => result,
            Err(err) if is_unreadable(&err) => {
                return Err(OpenFailure::Unreadable(err.to_string()));
            }
            Err(err) => return Err(sqlite(err)),
        };
        if integrity != "ok" {
            return Err(OpenFailure::Unreadable(format!(
                "the integrity check says: {integrity}"
            )));
        }
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(sqlite)?;
        if version > schema::LATEST {
            return Err(OpenFailure::Fatal(ProgressError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                known: schema::LATEST,
            }));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        // A crash loses at most the transaction being written; NORMAL is durable in WAL mode
        // but for the very last commit before a power cut, so the game asks for FULL.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        let mut db = ProgressDb {
            conn,
            path: path.to_path_buf(),
        };
        db.migrate(version).map_err(sqlite)?;
        Ok(db)
    }

    /// Runs every migration after `from`, each step in its own transaction with its version.
    fn migrate(&mut self, from: u32) -> rusqlite::Result<()> {
        for (index, step) in schema::MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(step.sql)?;
            if let Some(then) = step.then {
                then(&tx)?;
            }
            tx.pragma_update(None, "user_version", index as u32 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// SQLite's own check of the whole file: "ok", or what is wrong.
    pub fn integrity_check(&self) -> Result<String, ProgressError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(|source| self.error(source))
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32, ProgressError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|source| self.error(source))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs a query and collects its rows.
    pub(super) fn rows<T>(
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

    pub(super) fn error(&self, source: rusqlite::Error) -> ProgressError {
        ProgressError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// For tests: the database at a given schema version, as an older build left it.
    #[cfg(test)]
    pub(super) fn create_at_version(path: &Path, version: u32) -> rusqlite::Result<()> {
        let conn = Connection::open(path)?;
        for (index, step) in schema::MIGRATIONS.iter().enumerate().take(version as usize) {
            conn.execute_batch(step.sql)?;
            conn.pragma_update(None, "user_version", index as u32 + 1)?;
        }
        Ok(())
    }
}

enum OpenFailure {
    /// The file is no readable database: keep it aside and start afresh.
    Unreadable(String),
    Fatal(ProgressError),
}

/// Errors that mean the file is not a (whole) SQLite database.
fn is_unreadable(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Renames an unreadable file (with its WAL and shared-memory files) to
/// `progress.corrupt-<unix time>.sqlite` beside it; returns the new path.
fn set_aside(path: &Path) -> Result<PathBuf, ProgressError> {
    let stamp = now();
    let stem = path
        .file_stem()
        .map_or_else(|| "progress".into(), |s| s.to_string_lossy().into_owned());
    let mut kept = path.with_file_name(format!("{stem}.corrupt-{stamp}.sqlite"));
    let mut n = 1;
    while kept.exists() {
        kept = path.with_file_name(format!("{stem}.corrupt-{stamp}-{n}.sqlite"));
        n += 1;
    }
    std::fs::rename(path, &kept).map_err(|source| ProgressError::SetAside {
        path: path.to_path_buf(),
        source,
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{suffix}", kept.display()));
        }
    }
    Ok(kept)
}

/// Seconds since 1970: what the database stores as a time.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64)
}

pub(crate) fn to_toml<T: serde::Serialize>(value: &T) -> Result<String, ProgressError> {
    toml::to_string(value).map_err(|err| ProgressError::Invalid(err.to_string()))
}

pub(crate) fn from_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ProgressError> {
    toml::from_str(text).map_err(|err| ProgressError::Invalid(err.to_string()))
}
