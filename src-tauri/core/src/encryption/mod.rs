//! Encryption at rest (optional, off by default): the database, its write-ahead log and every
//! backup encrypted with the manager's passphrase by SQLCipher (the SQLite under sqlx here).
//!
//! [`enable`] turns it on, [`change`] changes the passphrase, [`disable`] turns it off. Each
//! one, in this order:
//!
//! 1. checks the current passphrase ([`change`], [`disable`]) and takes a checked backup
//!    ([`crate::backup::BackupKind::PreEncryption`]) of the data as it is;
//! 2. copies the live database with `sqlcipher_export` into a temp file in the data directory
//!    under the new key, checks that the copy opens with it and passes the full integrity
//!    check, and flushes it to disk;
//! 3. does the same for every backup in `backups/` (temp files beside them), so that no backup
//!    keeps an unencrypted copy or one under the old passphrase;
//! 4. closes the store (every clone of it: they share the pool) and waits for the last
//!    connection to close;
//! 5. puts the new database in place: removes the old write-ahead log and shared-memory files,
//!    renames the temp file over the database, flushes the folder. **This rename is the point
//!    of no return**;
//! 6. renames each converted backup over its original;
//! 7. opens the data directory again with the new passphrase ([`open_data_dir_with`]).
//!
//! A failure in steps 1–3 removes the temp files and changes nothing: the store is still open
//! and usable under the old passphrase (or none). A failure in step 4 leaves everything under
//! the old passphrase with the store closed: open the data again with the old passphrase. A
//! failure after step 5 leaves the database under the new passphrase; the error says so (a
//! backup that could not be replaced keeps the old key and is listed with a problem). The
//! caller must not write through other clones of the store during the call (the app blocks
//! its screens), as for a restore.
//!
//! Not protected: the data in memory while the app runs, archives exported as JSON (plaintext
//! by design) and damaged databases already moved aside into `damaged/` before encryption was
//! turned on. There is no keychain: the passphrase is asked at every start, and a forgotten
//! passphrase makes the data and its backups unreadable.

mod convert;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::backup::{
    self, backups_dir, blocking, is_damage, open_read_only, partial_path, remove_if_present,
    scan_data_dir, storage_error, sync_dir, sync_file, BackupKind,
};
use crate::error::{Error, Result};
use crate::opening::{open_data_dir_with, Opened};
use crate::passphrase::Passphrase;
use crate::store::{Store, DB_FILE};

/// The first 16 bytes of every SQLite database file that is not encrypted.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether `db_file` is encrypted: a non-empty file whose first 16 bytes are not SQLite's
/// header. (A damaged header looks the same: it cannot be told from encryption.) A missing or
/// empty file is not encrypted.
pub fn is_encrypted(db_file: &Path) -> Result<bool> {
    let unreadable =
        |e: std::io::Error| storage_error(format!("Could not read {}: {e}", db_file.display()));
    let mut file = match std::fs::File::open(db_file) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(unreadable(e)),
    };
    let mut head = Vec::with_capacity(SQLITE_HEADER.len());
    file.by_ref()
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    Ok(!head.is_empty() && head.as_slice() != SQLITE_HEADER)
}

/// Checks, with a single read-only connection (so that no byte of the database or its
/// write-ahead log changes and nothing is created), that `passphrase` unlocks the database in
/// `data_dir`. A validation error on `passphrase` when it does not (the sentence
/// [`open_data_dir_with`] gives); a not-found error when there is no database.
pub async fn check_passphrase(data_dir: &Path, passphrase: &Passphrase) -> Result<()> {
    let db_file = data_dir.join(DB_FILE);
    if !db_file.is_file() {
        return Err(Error::NotFound {
            message: format!("There is no database at {}.", db_file.display()),
        });
    }
    if !is_encrypted(&db_file)? {
        return Err(crate::opening::not_encrypted(data_dir));
    }
    let immutable = !crate::store::has_journals(data_dir);
    let mut conn = match open_read_only(&db_file, immutable, Some(passphrase)).await {
        Ok(conn) => conn,
        Err(e) if is_damage(&e) => return Err(crate::opening::wrong_passphrase(data_dir)),
        Err(e) => return Err(e.into()),
    };
    let read = header_decrypts(&mut conn).await;
    // Read-only: closing writes nothing.
    let _ = sqlx::Connection::close(conn).await;
    match read {
        Ok(_) => Ok(()),
        Err(e) if is_damage(&e) => Err(crate::opening::wrong_passphrase(data_dir)),
        Err(e) => Err(e.into()),
    }
}

/// Reads the database header, which is all SQLCipher needs to tell a wrong passphrase ("file
/// is not a database" on the first page). Once the header decrypts, the passphrase is right:
/// a page further in that fails its check is damage, not a wrong passphrase.
pub(crate) async fn header_decrypts(
    conn: &mut sqlx::SqliteConnection,
) -> std::result::Result<(), sqlx::Error> {
    sqlx::query_scalar::<_, i64>("PRAGMA schema_version")
        .fetch_one(conn)
        .await
        .map(|_| ())
}

/// Turns encryption on: the data and every backup are encrypted with `new`. Refused (a
/// conflict) when the data is already encrypted. See the module documentation for the steps
/// and what a failure leaves.
pub async fn enable(store: Store, new: &Passphrase) -> Result<Store> {
    if store.is_encrypted() {
        return Err(Error::conflict(
            "Your data is already protected by a passphrase; change it instead.",
        ));
    }
    convert(store, Some(new)).await
}

/// Changes the passphrase from `current` (which must be the one in use: a validation error
/// on `currentPassphrase` otherwise) to `new`, for the data and every backup.
pub async fn change(store: Store, current: &Passphrase, new: &Passphrase) -> Result<Store> {
    check_current(&store, current)?;
    convert(store, Some(new)).await
}

/// Turns encryption off after `current` is re-entered: the data and every backup are written
/// unencrypted.
pub async fn disable(store: Store, current: &Passphrase) -> Result<Store> {
    check_current(&store, current)?;
    convert(store, None).await
}

fn check_current(store: &Store, current: &Passphrase) -> Result<()> {
    match store.passphrase() {
        None => Err(Error::conflict(
            "Your data is not protected by a passphrase; turn encryption on instead.",
        )),
        Some(in_use) if in_use == current => Ok(()),
        Some(_) => Err(Error::invalid(
            "currentPassphrase",
            "This is not the passphrase your data is protected by; nothing was changed.",
        )),
    }
}

/// A converted copy waiting to be renamed over its original.
struct Prepared {
    temp: PathBuf,
    original: PathBuf,
}

async fn convert(store: Store, to_key: Option<&Passphrase>) -> Result<Store> {
    let data_dir = store.data_dir().to_owned();
    let from_key = store.passphrase().cloned();
    backup::take(&store, BackupKind::PreEncryption).await?;
    let mut prepared = Vec::new();
    if let Err(e) = prepare_all(&store, from_key.as_ref(), to_key, &mut prepared).await {
        discard(&prepared);
        return Err(e);
    }
    let clock = store.shared_clock();
    store.close().await;
    if store.pool().size() > 0 {
        discard(&prepared);
        return Err(storage_error(
            "Trellis could not close the database to put the converted copy in place; nothing \
             was changed. Restart Trellis and try again.",
        ));
    }
    commit(&data_dir, prepared).await?;
    match open_data_dir_with(&data_dir, clock, to_key).await? {
        Opened::Ready { store, .. } => Ok(store),
        Opened::Damaged(damage) => Err(storage_error(damage.explanation)),
        Opened::Locked { .. } => Err(storage_error(
            "The converted data could not be opened with the new passphrase.",
        )),
    }
}

/// Step 2 and 3: the live database, then every backup, into checked temp files.
async fn prepare_all(
    store: &Store,
    from_key: Option<&Passphrase>,
    to_key: Option<&Passphrase>,
    prepared: &mut Vec<Prepared>,
) -> Result<()> {
    let data_dir = store.data_dir();
    let live = prepare(store.db_file(), from_key, to_key, data_dir)
        .await
        .map_err(|e| {
            storage_error(format!(
                "Your data could not be converted; nothing was changed. {e}"
            ))
        })?;
    prepared.extend(live);
    let dir = backups_dir(data_dir);
    for name in scan_data_dir(data_dir)? {
        let path = dir.join(&name.file_name);
        // A backup's own encryption decides how it is read (it may be unencrypted after an
        // earlier interrupted conversion).
        let key = if is_encrypted(&path)? { from_key } else { None };
        if key.is_none() && to_key.is_none() {
            // Already unencrypted, as wanted.
            continue;
        }
        match prepare(&path, key, to_key, &dir).await {
            Ok(copy) => prepared.extend(copy),
            Err(e) => {
                return Err(storage_error(format!(
                    "The backup {} could not be converted, so nothing was changed: {e} Remove \
                     it from {} if it is no longer needed, and try again.",
                    name.file_name,
                    dir.display()
                )))
            }
        }
    }
    Ok(())
}

/// Converts one file into a checked, flushed temp file in `dir`. `None` when the file is
/// already under `to_key` (an earlier conversion was interrupted after replacing it).
async fn prepare(
    original: &Path,
    from_key: Option<&Passphrase>,
    to_key: Option<&Passphrase>,
    dir: &Path,
) -> Result<Option<Prepared>> {
    let temp = partial_path(dir);
    let exported = convert::export(original, from_key, &temp, to_key).await;
    if let Err(e) = exported {
        let _ = remove_if_present(&temp);
        // Already converted? (Only worth asking when the key differs.)
        if from_key != to_key && convert::check(original, to_key).await.is_none() {
            return Ok(None);
        }
        return Err(e);
    }
    if let Some(problems) = convert::check(&temp, to_key).await {
        let _ = remove_if_present(&temp);
        return Err(storage_error(format!(
            "The converted copy failed its check: {}",
            problems.join(" ")
        )));
    }
    if let Err(e) = sync_file(&temp) {
        let _ = remove_if_present(&temp);
        return Err(storage_error(format!(
            "Could not flush {} to disk: {e}",
            temp.display()
        )));
    }
    Ok(Some(Prepared {
        temp,
        original: original.to_owned(),
    }))
}

fn discard(prepared: &[Prepared]) {
    for p in prepared {
        // Left behind, a temp file is removed at the next start.
        let _ = remove_if_present(&p.temp);
    }
}

/// Steps 5 and 6: the database first (its journals removed), then the backups.
async fn commit(data_dir: &Path, prepared: Vec<Prepared>) -> Result<()> {
    let data_dir = data_dir.to_owned();
    blocking(move || {
        let db_file = data_dir.join(DB_FILE);
        let mut failed = Vec::new();
        for p in &prepared {
            let result = if p.original == db_file {
                remove_if_present(&data_dir.join(format!("{DB_FILE}-wal")))
                    .and_then(|()| remove_if_present(&data_dir.join(format!("{DB_FILE}-shm"))))
                    .and_then(|()| std::fs::rename(&p.temp, &p.original))
                    .and_then(|()| sync_dir(&data_dir))
            } else {
                std::fs::rename(&p.temp, &p.original)
            };
            if let Err(e) = result {
                if p.original == db_file {
                    discard(&prepared);
                    return Err(storage_error(format!(
                        "Could not put the converted database in place of {}: {e}. Your data \
                         is unchanged, under its old passphrase (or none); open it again.",
                        db_file.display()
                    )));
                }
                failed.push(format!("{}: {e}", p.original.display()));
            }
        }
        let _ = sync_dir(&backups_dir(&data_dir));
        if failed.is_empty() {
            Ok(())
        } else {
            Err(storage_error(format!(
                "Your data now uses the new passphrase (or none), but some backups could not be \
                 replaced and keep the old one: {}",
                failed.join("; ")
            )))
        }
    })
    .await
}
