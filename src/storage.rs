//! Crash-safe files in the player's data folder: atomic writes, and corrupt files set aside.
//!
//! Every save goes to a temporary file in the same folder, is flushed to disk, and is then
//! renamed over the old file, so a crash mid-write leaves either the old or the new file whole.
//! A file that cannot be read back is never overwritten: it is renamed to
//! `<name>.corrupt-<unix seconds>` and the caller starts from defaults, telling the player.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StorageError {
    #[error("could not create the folder {path}: {source}")]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("could not write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("could not read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("could not set aside the unreadable file {path}: {source}")]
    SetAside { path: PathBuf, source: io::Error },
}

/// Writes `contents` to `path` atomically: temp file in the same folder, fsync, rename.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), StorageError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(|source| StorageError::CreateDir {
        path: folder.to_path_buf(),
        source,
    })?;
    let write_err = |source| StorageError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut temp = tempfile::NamedTempFile::new_in(folder).map_err(write_err)?;
    temp.write_all(contents).map_err(write_err)?;
    temp.as_file().sync_all().map_err(write_err)?;
    temp.persist(path).map_err(|e| write_err(e.error))?;
    // The rename itself is only durable once the folder entry is on disk.
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// What reading a saved file found.
#[derive(Debug, PartialEq)]
pub enum Loaded<T> {
    /// No file yet: a first run.
    Missing,
    Ok(T),
    /// The file could not be parsed; it was renamed to `kept_as` and nothing was lost.
    SetAside {
        kept_as: PathBuf,
        reason: String,
    },
}

/// Reads and parses `path`. A file that fails to parse is renamed aside, never overwritten.
pub fn load_or_set_aside<T>(
    path: &Path,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Loaded<T>, StorageError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::Missing),
        Err(source) => {
            return Err(StorageError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let parsed = String::from_utf8(bytes)
        .map_err(|_| "the file is not UTF-8 text".to_string())
        .and_then(|text| parse(&text));
    match parsed {
        Ok(value) => Ok(Loaded::Ok(value)),
        Err(reason) => {
            let kept_as = set_aside(path)?;
            Ok(Loaded::SetAside { kept_as, reason })
        }
    }
}

/// Reads a TOML file of the player's into `T`, or `T::default()`: on a first run silently, and
/// when the file is unreadable with a message for the player that names what was kept where.
/// `what` names the file for the player ("settings", "records").
pub fn load_toml_or_default<T>(path: &Path, what: &str) -> (T, Option<String>)
where
    T: Default + serde::de::DeserializeOwned,
{
    let parse = |text: &str| toml::from_str::<T>(text).map_err(|e| e.to_string());
    match load_or_set_aside(path, parse) {
        Ok(Loaded::Ok(value)) => (value, None),
        Ok(Loaded::Missing) => (T::default(), None),
        Ok(Loaded::SetAside { kept_as, reason }) => (
            T::default(),
            Some(format!(
                "Your {what} file could not be read ({reason}). It was kept as {} and the defaults are in use.",
                kept_as.display()
            )),
        ),
        Err(err) => (
            T::default(),
            Some(format!("{err}. The default {what} are in use.")),
        ),
    }
}

/// Renames `path` to a free `<name>.corrupt-<unix seconds>[-n]` beside it.
fn set_aside(path: &Path) -> Result<PathBuf, StorageError> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let mut candidate = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(path, &candidate).map_err(|source| StorageError::SetAside {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(candidate)
}

/// The platform's data folder for cityquiz (e.g. ~/.local/share/cityquiz), if there is one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cityquiz").map(|dirs| dirs.data_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_number(text: &str) -> Result<u32, String> {
        text.trim().parse().map_err(|e| format!("{e}"))
    }

    #[test]
    fn write_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/value.txt");
        write_atomic(&path, b"42").unwrap();
        assert_eq!(
            load_or_set_aside(&path, parse_number).unwrap(),
            Loaded::Ok(42)
        );
    }

    #[test]
    fn overwrite_replaces_whole_file_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("value.txt");
        write_atomic(&path, b"123456789").unwrap();
        write_atomic(&path, b"7").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "7");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn missing_file_is_a_first_run() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load_or_set_aside(&dir.path().join("none"), parse_number).unwrap();
        assert_eq!(loaded, Loaded::Missing);
    }

    #[test]
    fn corrupt_file_is_kept_aside_with_its_bytes_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("value.txt");
        fs::write(&path, "not a number").unwrap();
        let Loaded::SetAside { kept_as, reason } = load_or_set_aside(&path, parse_number).unwrap()
        else {
            panic!("a corrupt file must be set aside");
        };
        assert!(reason.contains("invalid digit"), "{reason}");
        assert!(!path.exists());
        assert_eq!(fs::read_to_string(&kept_as).unwrap(), "not a number");
        // A second corrupt file in the same second gets its own name.
        fs::write(&path, "also bad").unwrap();
        let Loaded::SetAside {
            kept_as: second, ..
        } = load_or_set_aside(&path, parse_number).unwrap()
        else {
            panic!("a corrupt file must be set aside");
        };
        assert_ne!(kept_as, second);
        assert_eq!(fs::read_to_string(&kept_as).unwrap(), "not a number");
        assert_eq!(fs::read_to_string(&second).unwrap(), "also bad");
    }

    #[test]
    fn non_utf8_file_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("value.txt");
        fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let loaded = load_or_set_aside(&path, parse_number).unwrap();
        assert!(matches!(loaded, Loaded::SetAside { .. }));
    }
}
