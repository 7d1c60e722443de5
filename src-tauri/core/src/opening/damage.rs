//! A damaged database: moved aside unchanged into `<data_dir>/damaged/`, remembered until the
//! manager chooses what to do (`damaged/pending.json`), and explained.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::{marker, Damage};
use crate::backup::{
    newest_good, remove_if_present, storage_error, sync_dir, timestamp, BackupInfo,
};
use crate::clock::Clock;
use crate::error::Result;
use crate::export::write::write_atomically;
use crate::passphrase::Passphrase;
use crate::store::DB_FILE;

/// The folder, inside the data directory, that damaged databases are moved to.
pub const DAMAGED_DIR: &str = "damaged";

/// While this file exists (and no database does), start-up offers the recovery choice again.
const PENDING_FILE: &str = "pending.json";

/// The files that make up a database: the file itself, then its journals.
const SUFFIXES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// How the damage was found (it shapes the explanation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Cause {
    /// The check after an unclean shutdown failed.
    UncleanShutdown,
    /// The file could not be read as a database at all.
    Unreadable,
    /// The check before upgrading the data format failed.
    BeforeUpgrade,
    /// The day's backup failed its check, and so did the database.
    BackupCheck,
}

/// The damage found, until the manager restores a backup or starts empty.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Pending {
    pub moved_to: String,
    pub problems: Vec<String>,
    pub detected_at: String,
    pub cause: Cause,
}

fn damaged_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(DAMAGED_DIR)
}

fn pending_path(data_dir: &Path) -> PathBuf {
    damaged_dir(data_dir).join(PENDING_FILE)
}

/// Moves the database's files, byte for byte (a rename), to `damaged/trellis-<time>.sqlite3`
/// (and `-wal`, `-shm`, `-journal` beside it), and returns the new path of the database file.
/// Nothing is modified or deleted. Also used for journals left without their database.
fn move_files(data_dir: &Path, clock: &dyn Clock) -> Result<PathBuf> {
    let to_dir = damaged_dir(data_dir);
    crate::files::create_dir(&to_dir).map_err(|e| {
        storage_error(format!(
            "Could not create the folder {} for the damaged database: {e}",
            to_dir.display()
        ))
    })?;
    let stamp = timestamp(clock.now());
    let base = (1..)
        .map(|n| match n {
            1 => format!("trellis-{stamp}.sqlite3"),
            n => format!("trellis-{stamp}-{n}.sqlite3"),
        })
        .find(|base| {
            SUFFIXES
                .iter()
                .all(|s| !to_dir.join(format!("{base}{s}")).exists())
        })
        .unwrap_or_else(|| format!("trellis-{stamp}.sqlite3"));
    for suffix in SUFFIXES {
        let from = data_dir.join(format!("{DB_FILE}{suffix}"));
        if !from.exists() {
            continue;
        }
        let to = to_dir.join(format!("{base}{suffix}"));
        std::fs::rename(&from, &to).map_err(|e| {
            storage_error(format!(
                "Could not move the damaged file {} to {}: {e}. Nothing was deleted.",
                from.display(),
                to.display()
            ))
        })?;
    }
    sync_dir(&to_dir)
        .and_then(|()| sync_dir(data_dir))
        .map_err(|e| storage_error(format!("Could not flush the moved files to disk: {e}")))?;
    Ok(to_dir.join(base))
}

/// Moves a damaged database aside, records it as pending, and ends the session (its marker).
pub(crate) fn set_aside(
    data_dir: &Path,
    clock: &dyn Clock,
    cause: Cause,
    problems: Vec<String>,
) -> Result<Pending> {
    let moved_to = move_files(data_dir, clock)?;
    let pending = Pending {
        moved_to: moved_to.display().to_string(),
        problems,
        detected_at: clock.now().to_rfc3339_opts(SecondsFormat::Secs, true),
        cause,
    };
    let path = pending_path(data_dir);
    let json = serde_json::to_vec_pretty(&pending)
        .map_err(|e| storage_error(format!("Could not record the damage found: {e}")))?;
    write_atomically(&path, &json)
        .map_err(|e| storage_error(format!("Could not record the damage found: {e}")))?;
    // The session is over; from here the pending record decides what the next start shows.
    let _ = marker::remove(data_dir);
    Ok(pending)
}

/// Moves aside journal files (`-wal`, `-shm`, `-journal`) that have no database beside them,
/// so that they are never applied to a new or restored database.
pub(crate) fn set_aside_orphans(data_dir: &Path, clock: &dyn Clock) -> Result<()> {
    let orphans = SUFFIXES[1..]
        .iter()
        .any(|s| data_dir.join(format!("{DB_FILE}{s}")).exists());
    if orphans {
        move_files(data_dir, clock)?;
    }
    Ok(())
}

/// The damage still waiting for the manager's choice, if any.
pub(crate) fn read_pending(data_dir: &Path) -> Option<Pending> {
    let path = pending_path(data_dir);
    let bytes = std::fs::read(&path).ok()?;
    Some(serde_json::from_slice(&bytes).unwrap_or_else(|e| Pending {
        moved_to: damaged_dir(data_dir).display().to_string(),
        problems: vec![format!(
            "The record of what was found could not be read: {e}"
        )],
        detected_at: String::new(),
        cause: Cause::Unreadable,
    }))
}

/// Forgets the pending damage (the damaged files stay where they are).
pub(crate) fn clear_pending(data_dir: &Path) -> Result<()> {
    let path = pending_path(data_dir);
    remove_if_present(&path)
        .map_err(|e| storage_error(format!("Could not remove {}: {e}", path.display())))
}

/// The damage as the recovery screen shows it, with the newest backup that passes a full
/// check now with `passphrase` (the one the data is encrypted with, if any).
pub(crate) async fn describe(
    data_dir: &Path,
    pending: Pending,
    passphrase: Option<&Passphrase>,
) -> Damage {
    let backup = newest_good(data_dir, passphrase).await;
    let explanation = explanation(&pending, backup.as_ref());
    Damage {
        moved_to: pending.moved_to,
        problems: pending.problems,
        detected_at: pending.detected_at,
        newest_good_backup: backup,
        explanation,
    }
}

/// `24 Nov 2026, 09:30 UTC`.
fn when(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&Utc)
                .format("%-d %b %Y, %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

fn explanation(pending: &Pending, backup: Option<&BackupInfo>) -> String {
    let found = match pending.cause {
        Cause::UncleanShutdown => {
            "Trellis did not close properly last time, so it checked your data before opening \
             it, and the check found damage."
        }
        Cause::Unreadable => {
            "Trellis could not read your data: the database file is damaged or is not a \
             Trellis database."
        }
        Cause::BeforeUpgrade => {
            "Before upgrading your data for this version, Trellis checked it and found damage."
        }
        Cause::BackupCheck => {
            "While making today's backup, Trellis found damage in your data and checked it \
             again: the damage is in the database itself."
        }
    };
    let kept = format!(
        "To keep it from getting worse, Trellis did not open it, and nothing was overwritten or \
         deleted: the damaged file was moved, unchanged, to {}.",
        pending.moved_to
    );
    let offer = match backup {
        Some(b) => {
            let held: Vec<String> = b
                .counts
                .iter()
                .filter(|c| c.count > 0)
                .map(|c| format!("{}: {}", c.label, c.count))
                .collect();
            let held = if held.is_empty() {
                String::new()
            } else {
                format!(" ({})", held.join(", "))
            };
            let date = when(&b.created_at);
            format!(
                "Restoring the newest good backup, from {date}{held}, brings your record back \
                 as it was then; anything entered after {date} is not in it. You can also \
                 start with an empty record. Either way the damaged file stays where it is."
            )
        }
        None => "No backup passes its check, so Trellis can start with an empty record; the \
                 damaged file stays where it is, in case it can be repaired."
            .to_owned(),
    };
    format!("{found} {kept} {offer}")
}
