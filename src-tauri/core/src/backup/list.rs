//! The backups in a data directory, newest first, each read (never modified) for its size,
//! data format, record counts and any problem; and finding one by name for a restore.

use std::path::Path;

use chrono::SecondsFormat;

use super::check::{inspect_file, Depth, Inspection};
use super::files::storage_error;
use super::name::BackupName;
use super::{backups_dir, BackupInfo};
use crate::error::{Error, Result};
use crate::passphrase::Passphrase;

/// The backup files in `dir` (by name only), newest first. A missing folder has none.
pub(crate) fn scan(dir: &Path) -> std::io::Result<Vec<BackupName>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        if let Some(name) = entry.file_name().to_str().and_then(BackupName::parse) {
            names.push(name);
        }
    }
    names.sort_by(BackupName::newest_first);
    Ok(names)
}

/// [`scan`] of the data directory's backups folder, failing with a storage error.
pub(crate) fn scan_data_dir(data_dir: &Path) -> Result<Vec<BackupName>> {
    let dir = backups_dir(data_dir);
    scan(&dir).map_err(|e| {
        storage_error(format!(
            "Could not read the backups folder {}: {e}",
            dir.display()
        ))
    })
}

/// What the backups screen shows for one file, given its check.
pub(crate) fn describe(name: &BackupName, size: u64, inspection: Inspection) -> BackupInfo {
    BackupInfo {
        file_name: name.file_name.clone(),
        kind: name.kind,
        created_at: name.at.to_rfc3339_opts(SecondsFormat::Secs, true),
        // Exact up to 2^53 bytes.
        size_bytes: size as f64,
        schema_version: inspection
            .schema_version
            .and_then(|v| i32::try_from(v).ok()),
        problem: inspection.summary(),
        counts: inspection.counts,
    }
}

/// Reads one backup in `dir`, with the passphrase in use.
pub(crate) async fn info(
    dir: &Path,
    name: &BackupName,
    depth: Depth,
    passphrase: Option<&Passphrase>,
) -> BackupInfo {
    let path = dir.join(&name.file_name);
    let (size, inspection) = match std::fs::metadata(&path) {
        Ok(meta) => (meta.len(), inspect_file(&path, depth, passphrase).await),
        Err(e) => (
            0,
            Inspection {
                problems: vec![format!("It cannot be read: {e}")],
                ..Inspection::default()
            },
        ),
    };
    describe(name, size, inspection)
}

/// Every backup in the data directory's `backups/` folder, newest first, each with its size,
/// data format and record counts, and `problem` set when it cannot be read or fails a quick
/// check (restoring one checks it fully first). Files are opened read-only and immutable.
/// For data that is not encrypted; see [`list_with`].
pub async fn list(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    list_with(data_dir, None).await
}

/// [`list`] for encrypted data: `passphrase` is the one the data (and so every backup) is
/// encrypted with ([`Store::is_encrypted`](crate::Store::is_encrypted)). A copy whose
/// encryption does not match (encrypted without a passphrase given, unencrypted with one, or
/// another passphrase) is listed with its `problem`.
pub async fn list_with(
    data_dir: &Path,
    passphrase: Option<&Passphrase>,
) -> Result<Vec<BackupInfo>> {
    let dir = backups_dir(data_dir);
    let mut out = Vec::new();
    for name in scan_data_dir(data_dir)? {
        out.push(info(&dir, &name, Depth::Quick, passphrase).await);
    }
    Ok(out)
}

/// The newest backup that passes a full check now with `passphrase`, if any.
pub(crate) async fn newest_good(
    data_dir: &Path,
    passphrase: Option<&Passphrase>,
) -> Option<BackupInfo> {
    let dir = backups_dir(data_dir);
    for name in scan_data_dir(data_dir).ok()? {
        let info = info(&dir, &name, Depth::Full, passphrase).await;
        if info.problem.is_none() {
            return Some(info);
        }
    }
    None
}

/// The backup called `file_name`: only a name the backups folder lists is accepted, so no
/// path can reach outside it.
pub(crate) fn find(data_dir: &Path, file_name: &str) -> Result<BackupName> {
    if file_name.is_empty()
        || file_name.contains(['/', '\\'])
        || file_name.contains("..")
        || BackupName::parse(file_name).is_none()
    {
        return Err(Error::invalid(
            "fileName",
            format!("“{file_name}” is not the name of a Trellis backup."),
        ));
    }
    scan_data_dir(data_dir)?
        .into_iter()
        .find(|n| n.file_name == file_name)
        .ok_or_else(|| Error::NotFound {
            message: format!(
                "There is no backup called {file_name} in {}; it may have been removed.",
                backups_dir(data_dir).display()
            ),
        })
}
