//! Making a backup: copy, check, keep, rotate; and the daily copy.

use std::path::{Path, PathBuf};

use super::check::{inspect_file, Depth};
use super::files::{blocking, partial_path, remove_if_present, storage_error, sync_dir, sync_file};
use super::list::{describe, scan_data_dir};
use super::name::BackupName;
use super::rotate::rotate;
use super::{backups_dir, BackupInfo, BackupKind};
use crate::error::Result;
use crate::store::Store;

/// Makes a backup of the store's database now.
///
/// The copy is made online with `VACUUM INTO` (a consistent snapshot; the app keeps working;
/// the copy of encrypted data is encrypted with the same passphrase)
/// into a temp file in `backups/`, opened separately, read-only, and checked: the integrity
/// check must say "ok", no foreign key may point nowhere, and its data format must be one this
/// build can upgrade. Only then is it flushed to disk, renamed into place and the folder
/// flushed; then older copies of the same kind are rotated away. If the copy or its check
/// fails, the temp file is removed, no other file is touched, and a storage error says why.
pub async fn take(store: &Store, kind: BackupKind) -> Result<BackupInfo> {
    match attempt(store, kind).await? {
        Taken::Kept(info) => Ok(info),
        Taken::FailedCheck(problems) => Err(storage_error(format!(
            "The backup copy failed its check, so it was discarded and no earlier backup was \
             removed: {}",
            problems.join(" ")
        ))),
    }
}

/// What an attempt at a backup came to, when nothing went wrong on the way.
#[derive(Debug)]
pub(crate) enum Taken {
    /// The copy passed its check and is in place.
    Kept(BackupInfo),
    /// The copy was made but failed its check (the problems found), so it was discarded: the
    /// database it was copied from may be damaged.
    FailedCheck(Vec<String>),
}

/// [`take`], telling a copy that failed its check apart from a copy that could not be made.
pub(crate) async fn attempt(store: &Store, kind: BackupKind) -> Result<Taken> {
    let dir = backups_dir(store.data_dir());
    crate::files::create_dir(&dir)
        .and_then(|()| sync_dir(store.data_dir()))
        .map_err(|e| {
            storage_error(format!(
                "Could not create the backups folder {}: {e}",
                dir.display()
            ))
        })?;
    let from_version = match kind {
        BackupKind::PreMigration => Some(store.schema_version().await?),
        _ => None,
    };
    let partial = partial_path(&dir);
    let copied = copy_into(store, &partial).await;
    let checked = match copied {
        Ok(()) => inspect_file(&partial, Depth::Full, store.passphrase()).await,
        Err(e) => {
            let _ = remove_if_present(&partial);
            return Err(e);
        }
    };
    if !checked.problems.is_empty() {
        let _ = remove_if_present(&partial);
        return Ok(Taken::FailedCheck(checked.problems));
    }
    let name = free_name(&dir, store, kind, from_version)?;
    let size = keep(&dir, partial, name.file_name.clone(), kind).await?;
    Ok(Taken::Kept(describe(&name, size, checked)))
}

/// `VACUUM INTO` the temp file (which must not exist yet; it is created empty, the owner's
/// only, for SQLite to fill).
async fn copy_into(store: &Store, partial: &Path) -> Result<()> {
    crate::files::ensure_file(partial).map_err(|e| {
        storage_error(format!(
            "Could not create a file in the backups folder {}: {e}",
            partial.display()
        ))
    })?;
    let target = partial.to_str().ok_or_else(|| {
        storage_error(format!(
            "The backups folder's path is not valid Unicode, which SQLite needs: {}",
            partial.display()
        ))
    })?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(store.pool())
        .await
        .map_err(|e| {
            storage_error(format!(
                "Could not copy the database into the backups folder: {e}"
            ))
        })?;
    Ok(())
}

/// A name for a new copy made now: within one second, copies of a kind are numbered after the
/// highest number already there (never reusing a number rotation freed), so that names sort
/// in the order the copies were made.
fn free_name(
    dir: &Path,
    store: &Store,
    kind: BackupKind,
    from_version: Option<i64>,
) -> Result<BackupName> {
    let unreadable = |e: std::io::Error| {
        storage_error(format!(
            "Could not read the backups folder {}: {e}",
            dir.display()
        ))
    };
    let at = BackupName::new(store.clock().now(), kind, from_version, 1).at;
    let mut seq = scan_data_dir(store.data_dir())?
        .iter()
        .filter(|n| n.at == at && n.kind == kind && n.from_version == from_version)
        .map(|n| n.seq + 1)
        .max()
        .unwrap_or(1);
    loop {
        let name = BackupName::new(at, kind, from_version, seq);
        if !dir.join(&name.file_name).try_exists().map_err(unreadable)? {
            return Ok(name);
        }
        seq += 1;
    }
}

/// Flushes the checked temp file, renames it into place, flushes the folder and rotates.
/// Returns the copy's size.
async fn keep(dir: &Path, partial: PathBuf, file_name: String, kind: BackupKind) -> Result<u64> {
    let dir = dir.to_owned();
    blocking(move || {
        let target = dir.join(&file_name);
        let placed = sync_file(&partial)
            .and_then(|()| std::fs::rename(&partial, &target))
            .and_then(|()| sync_dir(&dir));
        if let Err(e) = placed {
            let _ = remove_if_present(&partial);
            return Err(storage_error(format!(
                "Could not save the backup {}: {e}",
                target.display()
            )));
        }
        let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        // The new copy is in place; an older copy that cannot be removed now only takes space
        // until the next rotation.
        let _ = rotate(&dir, kind, &file_name);
        Ok(size)
    })
    .await
}

/// Makes the day's backup if none was made yet on the clock's calendar day (in the user's time
/// zone); `None` when one already exists. Call it at start-up (the safe open does).
pub async fn daily_if_due(store: &Store) -> Result<Option<BackupInfo>> {
    if !daily_due(store)? {
        return Ok(None);
    }
    take(store, BackupKind::Daily).await.map(Some)
}

/// Whether no daily backup was made yet on the clock's calendar day.
pub(crate) fn daily_due(store: &Store) -> Result<bool> {
    let clock = store.clock();
    let today = clock.today();
    Ok(!scan_data_dir(store.data_dir())?
        .iter()
        .any(|n| n.kind == BackupKind::Daily && clock.date_of(n.at) == today))
}
