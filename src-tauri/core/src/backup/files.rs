//! File-system steps shared by backups, restores and the safe open: durable writes (fsync of a
//! file and of its directory), temp files, and the error every failed step becomes.

use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::error::Error;

/// How backup and damaged-file names spell an instant: `20261124T093000Z` (UTC).
pub(crate) const TIMESTAMP_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// The start of every temp file's name: a copy being made, never a finished one.
const PARTIAL_PREFIX: &str = ".partial-";

/// An instant as file names spell it.
pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.format(TIMESTAMP_FORMAT).to_string()
}

/// A storage error with a whole sentence for the manager.
pub(crate) fn storage_error(message: impl Into<String>) -> Error {
    Error::Storage {
        message: message.into(),
    }
}

/// Flushes a file's contents to the disk.
pub(crate) fn sync_file(path: &Path) -> io::Result<()> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?
        .sync_all()
}

/// Flushes a directory's entries to the disk, so that a rename into it survives a power cut.
/// (Only Unix can open a directory for this; elsewhere the rename itself is durable enough.)
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// A new temp file's path in `dir` (not created): `.partial-<uuid>.sqlite3`.
pub(crate) fn partial_path(dir: &Path) -> PathBuf {
    dir.join(format!("{PARTIAL_PREFIX}{}.sqlite3", uuid::Uuid::now_v7()))
}

/// Removes temp files an interrupted backup or restore left in `dir`. Called when the data
/// directory is opened, before this process makes any copy of its own.
pub(crate) fn remove_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(PARTIAL_PREFIX)
        {
            // Left behind, it only takes space: the next open tries again.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes a file that may not exist.
pub(crate) fn remove_if_present(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Runs blocking file work (copies, fsyncs) off the async runtime's worker threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> crate::Result<T> + Send + 'static,
) -> crate::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| storage_error(format!("A file operation stopped unexpectedly: {e}")))?
}
