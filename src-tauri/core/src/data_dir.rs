//! Where the data lives. The embedded default is the OS data directory for the app (the
//! shell passes it in); `--data-dir PATH` and the `TRELLIS_DATA_DIR` variable override it,
//! and the demo uses a sibling directory so that demo records never mix with real ones.

use std::ffi::OsString;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};

/// The lock file the app holds while it has a data directory open.
pub const LOCK_FILE: &str = "trellis.lock";

/// The environment variable that overrides the default data directory.
pub const ENV_VAR: &str = "TRELLIS_DATA_DIR";

/// The app's identifier (tauri.conf.json), which names its folder in the OS data directory.
pub const APP_IDENTIFIER: &str = "org.trellis.desktop";

/// The app's default data directory, as Tauri's `app_data_dir` resolves it, for tools that
/// run without Tauri: `$XDG_DATA_HOME` or `~/.local/share` on Linux, `~/Library/Application
/// Support` on macOS, `%APPDATA%` on Windows; then the app's identifier.
pub fn os_default() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(target_os = "windows") {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|h| h.join(".local/share")))
    };
    base.map(|b| b.join(APP_IDENTIFIER))
}

/// Why this data directory was chosen, shown in the app's "about your data" panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DataDirSource {
    /// `--data-dir PATH` on the command line.
    Flag,
    /// The `TRELLIS_DATA_DIR` environment variable.
    Environment,
    /// `--demo` without an explicit directory: the demo's own directory.
    Demo,
    /// The OS data directory for the app.
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub path: PathBuf,
    pub source: DataDirSource,
}

/// Picks the data directory: the flag, else the variable (if set and not empty), else the
/// demo directory when `demo` is asked for, else `default`.
pub fn resolve(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    demo: bool,
    default: PathBuf,
) -> DataDir {
    if let Some(path) = flag {
        return DataDir {
            path,
            source: DataDirSource::Flag,
        };
    }
    if let Some(path) = env.filter(|v| !v.is_empty()) {
        return DataDir {
            path: PathBuf::from(path),
            source: DataDirSource::Environment,
        };
    }
    if demo {
        return DataDir {
            path: demo_dir(&default),
            source: DataDirSource::Demo,
        };
    }
    DataDir {
        path: default,
        source: DataDirSource::Default,
    }
}

/// The demo's directory: a sibling of the default one, named `<default>-demo`.
pub fn demo_dir(default: &std::path::Path) -> PathBuf {
    let mut name = default
        .file_name()
        .map(OsString::from)
        .unwrap_or_else(|| OsString::from("trellis"));
    name.push("-demo");
    default.with_file_name(name)
}

/// The app's hold on a data directory: while it lives, no other Trellis window can open the
/// same folder. Two apps on one database would each take the other's session for a crash
/// and check it, and one could set the database aside while the other was writing to it.
/// The operating system releases the lock when the process ends, however it ends.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

/// Takes the data directory (creating it if needed) for this process, or says that another
/// Trellis has it open.
pub fn lock(dir: &Path) -> Result<DataDirLock> {
    let storage = |what: String| Error::Storage { message: what };
    crate::files::create_dir(dir).map_err(|e| {
        storage(format!(
            "Could not create the data directory {}: {e}",
            dir.display()
        ))
    })?;
    let path = dir.join(LOCK_FILE);
    let file = crate::files::ensure_file(&path)
        .and_then(|()| File::options().write(true).open(&path))
        .map_err(|e| {
            storage(format!(
                "Could not open the lock file {}: {e}",
                path.display()
            ))
        })?;
    match file.try_lock() {
        Ok(()) => Ok(DataDirLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(Error::conflict(format!(
            "Trellis is already open on the data in {} (in another window). Use that window, \
             or quit it and start Trellis again; nothing was changed.",
            dir.display()
        ))),
        Err(TryLockError::Error(e)) => {
            Err(storage(format!("Could not lock {}: {e}", path.display())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = "/home/m/.local/share/org.trellis.desktop";

    #[test]
    fn flag_beats_environment_beats_demo_beats_default() {
        let flag = Some(PathBuf::from("/flag"));
        let env = Some(OsString::from("/env"));
        let pick = |f: &Option<PathBuf>, e: &Option<OsString>, demo| {
            resolve(f.clone(), e.clone(), demo, PathBuf::from(DEFAULT))
        };
        assert_eq!(pick(&flag, &env, true).source, DataDirSource::Flag);
        assert_eq!(pick(&None, &env, true).path, PathBuf::from("/env"));
        assert_eq!(
            pick(&None, &None, true).path,
            PathBuf::from("/home/m/.local/share/org.trellis.desktop-demo")
        );
        assert_eq!(pick(&None, &None, false).source, DataDirSource::Default);
    }

    #[test]
    fn a_data_directory_is_held_by_one_app_at_a_time() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().join("data");
        let first = lock(&data).unwrap_or_else(|e| panic!("{e}"));
        match lock(&data) {
            Err(Error::Conflict { message }) => {
                assert!(message.contains("already open"), "{message}")
            }
            other => panic!("a second hold must be refused, got {other:?}"),
        }
        drop(first);
        assert!(lock(&data).is_ok(), "released when the first app lets go");
    }

    #[test]
    fn an_empty_variable_is_ignored() {
        let dir = resolve(None, Some(OsString::new()), false, PathBuf::from(DEFAULT));
        assert_eq!(dir.source, DataDirSource::Default);
    }
}
