//! Restoring a backup over the current database, after backing the current state up.

use std::path::{Path, PathBuf};

use super::check::{inspect_file, Depth};
use super::files::{blocking, partial_path, remove_if_present, storage_error, sync_dir, sync_file};
use super::list::{describe, find};
use super::{backups_dir, take, BackupInfo, BackupKind};
use crate::error::Result;
use crate::opening::{open_data_dir_with, Opened};
use crate::passphrase::Passphrase;
use crate::store::{Store, DB_FILE};

/// A restore's outcome: the store on the restored data, and the copy of the data it replaced.
#[derive(Debug)]
pub struct Restored {
    pub store: Store,
    /// The pre-restore backup of the data as it was just before the restore.
    pub safety_copy: BackupInfo,
    /// What the reopen has to say (e.g. that an older backup was upgraded), for the UI.
    pub notices: Vec<String>,
}

/// Restores the backup called `file_name` (one that [`super::list`] lists) over the store's
/// database.
///
/// The backup is fully checked first; then the current data is backed up (a pre-restore copy);
/// only then is the store closed (every clone of it too: they share the pool, so the caller
/// must replace them with [`Restored::store`]), the backup copied next to the database, flushed,
/// and renamed over it. The data directory is then opened again as at start-up
/// ([`open_data_dir_with`], with the store's passphrase), which upgrades an older backup after a pre-migration copy. If the
/// check or the pre-restore copy fails, nothing has changed and the store is still open.
pub async fn restore(store: Store, file_name: &str) -> Result<Restored> {
    let data_dir = store.data_dir().to_owned();
    let passphrase = store.passphrase().cloned();
    let (backup, _) = verified_backup(&data_dir, file_name, passphrase.as_ref()).await?;
    let safety_copy = take(&store, BackupKind::PreRestore).await?;
    let clock = store.shared_clock();
    store.close().await;
    if store.pool().size() > 0 {
        return Err(storage_error(
            "Trellis could not close the database to put the backup in place; nothing was \
             restored. Restart Trellis and try again.",
        ));
    }
    install(&data_dir, &backup).await?;
    match open_data_dir_with(&data_dir, clock, passphrase.as_ref()).await? {
        Opened::Ready { store, notices } => Ok(Restored {
            store,
            safety_copy,
            notices,
        }),
        Opened::Damaged(damage) => Err(storage_error(damage.explanation)),
        Opened::Locked { data_dir } => Err(storage_error(format!(
            "The restored data in {} is protected by a passphrase; open it again with the \
             passphrase.",
            data_dir.display()
        ))),
    }
}

/// The path of the backup called `file_name` and its description, once it has passed a full
/// check (with `passphrase`, the one the data is encrypted with). A backup that fails is
/// refused with the reason.
pub(crate) async fn verified_backup(
    data_dir: &Path,
    file_name: &str,
    passphrase: Option<&Passphrase>,
) -> Result<(PathBuf, BackupInfo)> {
    let name = find(data_dir, file_name)?;
    let path = backups_dir(data_dir).join(&name.file_name);
    let size = std::fs::metadata(&path)
        .map(|m| m.len())
        .map_err(|e| storage_error(format!("Could not read the backup {}: {e}", path.display())))?;
    let info = describe(
        &name,
        size,
        inspect_file(&path, Depth::Full, passphrase).await,
    );
    if let Some(problem) = &info.problem {
        return Err(storage_error(format!(
            "The backup {file_name} cannot be restored: {problem} Nothing was changed."
        )));
    }
    Ok((path, info))
}

/// Puts a copy of `backup` in place as the data directory's database: copied to a temp file
/// beside it, flushed, any write-ahead log and shared-memory file of the old database removed
/// (they must never be applied to another file), renamed over the database, folder flushed.
/// No store may be open on the data directory.
pub(crate) async fn install(data_dir: &Path, backup: &Path) -> Result<()> {
    let data_dir = data_dir.to_owned();
    let backup = backup.to_owned();
    blocking(move || {
        let partial = partial_path(&data_dir);
        let db_file = data_dir.join(DB_FILE);
        let placed = crate::files::copy(&backup, &partial)
            .and_then(|_| sync_file(&partial))
            .and_then(|()| remove_if_present(&data_dir.join(format!("{DB_FILE}-wal"))))
            .and_then(|()| remove_if_present(&data_dir.join(format!("{DB_FILE}-shm"))))
            .and_then(|()| std::fs::rename(&partial, &db_file))
            .and_then(|()| sync_dir(&data_dir));
        placed.map_err(|e| {
            let _ = remove_if_present(&partial);
            storage_error(format!(
                "Could not put the backup {} in place of {}: {e}",
                backup.display(),
                db_file.display()
            ))
        })
    })
    .await
}
