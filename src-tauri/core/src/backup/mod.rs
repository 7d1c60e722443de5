//! Automatic backups of the database, and restoring one.
//!
//! A backup is a consistent online copy of the whole database (`VACUUM INTO`, so the app keeps
//! working while it is made) in `<data_dir>/backups/`, named by when it was made (UTC) and why:
//!
//! ```text
//! trellis-20261124T093000Z-daily.sqlite3
//! trellis-20261124T093000Z-pre-migration-v3.sqlite3   (the data format it was made at)
//! trellis-20261124T093000Z-pre-restore.sqlite3
//! trellis-20261124T093000Z-pre-import.sqlite3
//! trellis-20261124T093000Z-daily-2.sqlite3            (a second copy within the same second)
//! ```
//!
//! Every copy is written to a temp file first, opened on its own (read-only) and checked
//! (`PRAGMA integrity_check`, `foreign_key_check`, a data format this build can upgrade); only
//! a copy that passes is synced and renamed into place, and only then are older copies of the
//! same kind rotated away: the newest 7 daily, pre-restore and pre-import copies of each kind
//! are kept, and every pre-migration copy. A copy that fails its check is discarded and nothing
//! else is touched, so the folder never loses its last good copy.
//!
//! Backups are read without ever being modified (`immutable` read-only connections).
//!
//! When the data is encrypted (see [`crate::encryption`]), every backup is encrypted with the
//! same passphrase: `VACUUM INTO` writes the copy encrypted, and turning encryption on, changing
//! the passphrase or turning it off converts every backup too.

mod check;
mod files;
mod list;
mod name;
mod restore;
mod rotate;
mod take;

pub(crate) use check::{integrity_problems, is_damage, open_read_only, Depth};
pub(crate) use files::{
    blocking, partial_path, remove_if_present, remove_partials, storage_error, sync_dir, sync_file,
    timestamp,
};
pub(crate) use list::newest_good;
pub(crate) use list::scan_data_dir;
pub use list::{list, list_with};
pub(crate) use restore::{install, verified_backup};
pub use restore::{restore, Restored};
pub(crate) use take::{attempt, daily_due, Taken};
pub use take::{daily_if_due, take};

use std::path::{Path, PathBuf};

use serde::Serialize;
use specta::Type;

/// The folder, inside the data directory, that holds the backups.
pub const BACKUPS_DIR: &str = "backups";

/// How many copies of each rotated kind are kept (daily, pre-restore, pre-import).
pub const KEEP: usize = 7;

/// The backups folder of a data directory.
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The first start of the app on a calendar day. The newest 7 are kept.
    Daily,
    /// Just before the data format was upgraded by a new version of the app. All are kept.
    PreMigration,
    /// The data as it was just before another backup was restored over it. The newest 7 are
    /// kept.
    PreRestore,
    /// The data as it was just before an archive was imported. The newest 7 are kept.
    PreImport,
    /// The data as it was just before encryption was turned on, changed or off (then
    /// protected like every other backup). The newest 7 are kept.
    PreEncryption,
}

impl BackupKind {
    /// How many copies of this kind rotation keeps (`None`: every one).
    pub fn kept(self) -> Option<usize> {
        match self {
            Self::PreMigration => None,
            Self::Daily | Self::PreRestore | Self::PreImport | Self::PreEncryption => Some(KEEP),
        }
    }
}

/// How many records of one kind a backup holds, e.g. `{ label: "Reports", count: 12 }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordCount {
    pub label: String,
    pub count: i32,
}

/// One backup as the backups screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file's name in the backups folder; what [`restore`] takes.
    pub file_name: String,
    pub kind: BackupKind,
    /// When the copy was made, RFC 3339 UTC (`2026-11-24T09:30:00Z`).
    pub created_at: String,
    /// The file's size in bytes (a float so that TypeScript gets a plain number).
    pub size_bytes: f64,
    /// Records in the copy, by kind (only the kinds its data format has).
    pub counts: Vec<RecordCount>,
    /// The data format (newest migration applied) of the copy; `None` if it cannot be read.
    pub schema_version: Option<i32>,
    /// Why this copy cannot be restored (unreadable, failed its check, from a newer Trellis);
    /// `None` when it passed.
    pub problem: Option<String>,
}
