//! Opening the app's data safely: the start-up path of the desktop app.
//!
//! [`open_data_dir`] checks the database before using it whenever there is reason to doubt it
//! (the last session did not shut down cleanly, the file cannot be read as a database, or the
//! data format is about to be upgraded). A database that fails is never used, modified or
//! deleted: it is moved aside into `<data_dir>/damaged/` and the manager is offered the newest
//! good backup ([`Opened::Damaged`]). Otherwise the data format is upgraded (after a
//! pre-migration backup), the session marker is written and the day's backup is made.
//!
//! After [`Opened::Damaged`] the recovery screen offers two ways on:
//! - [`restore_after_damage`]: put a backup in place and open it;
//! - [`start_empty_after_damage`]: start with an empty record.
//!
//! Until one is chosen, every start shows the same damage again (it is recorded in
//! `damaged/pending.json`), so quitting the recovery screen never silently starts empty.
//!
//! Encrypted data (see [`crate::encryption`]): [`open_data_dir_with`] takes the passphrase.
//! Without one, an encrypted database (or one whose header cannot be read as SQLite's) is
//! [`Opened::Locked`] and nothing is touched. A wrong passphrase is a validation error on the
//! field `passphrase`, found with a single read-only connection, so that no byte of the
//! database or its write-ahead log changes and no database is ever created. A manager who never
//! set a passphrase and whose file is only damaged uses [`set_aside_unreadable`].

mod damage;
mod marker;

pub use damage::DAMAGED_DIR;
pub use marker::MARKER_FILE;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use specta::Type;
use sqlx::{Connection, SqliteConnection};

use crate::backup::{
    self, backups_dir, integrity_problems, is_damage, open_read_only, remove_partials,
    storage_error, verified_backup, BackupInfo, BackupKind, Taken,
};
use crate::clock::Clock;
use crate::encryption::is_encrypted;
use crate::error::{Error, Result};
use crate::passphrase::Passphrase;
use crate::store::{applied_versions, schema_problem, Store, DB_FILE, MIGRATOR};
use damage::Cause;

/// What opening the data directory found.
#[derive(Debug)]
pub enum Opened {
    /// The data is open. `notices` are sentences for the manager (the data was checked after
    /// an unclean shutdown, the data format was upgraded, today's backup failed…).
    Ready { store: Store, notices: Vec<String> },
    /// The database was damaged and has been moved aside; nothing is open.
    Damaged(Damage),
    /// The database is protected by a passphrase (or its header is not SQLite's: it may be
    /// damaged) and none was given; nothing was opened or changed. Ask for the passphrase and
    /// call [`open_data_dir_with`], or, for a manager who never set one,
    /// [`set_aside_unreadable`].
    Locked { data_dir: PathBuf },
}

/// A damaged database, for the recovery screen.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Damage {
    /// Where the damaged database file now is (its journals, if any, beside it).
    pub moved_to: String,
    /// The first problems the checks found, as SQLite words them.
    pub problems: Vec<String>,
    /// When the damage was found, RFC 3339 UTC.
    pub detected_at: String,
    /// The newest backup that passes a full check now, to offer.
    pub newest_good_backup: Option<BackupInfo>,
    /// What happened, that nothing was overwritten, where the file is and what restoring the
    /// offered backup brings back, in sentences for the manager.
    pub explanation: String,
}

/// Opens the data in `data_dir` as the app does at start-up. See the module documentation.
///
/// Errors (a storage error; nothing was changed) when the database is busy or unreadable for
/// another reason than damage, was written by a newer Trellis, or needs an upgrade but cannot
/// be backed up first.
pub async fn open_data_dir(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Opened> {
    open_data_dir_with(data_dir, clock, None).await
}

/// [`open_data_dir`] with the passphrase of encrypted data (`None`: not encrypted).
///
/// - No database yet: a new one is created, encrypted with `passphrase` when one is given.
/// - An encrypted database and no passphrase: [`Opened::Locked`], nothing touched.
/// - A wrong passphrase: a validation error on `passphrase`; nothing was changed.
/// - A passphrase for data that is not encrypted: a validation error on `passphrase`.
pub async fn open_data_dir_with(
    data_dir: &Path,
    clock: Arc<dyn Clock>,
    passphrase: Option<&Passphrase>,
) -> Result<Opened> {
    match open_data_dir_for_first_screen(data_dir, clock, passphrase).await? {
        Opened::Ready { store, mut notices } => {
            let later = daily_backup_after_opening(&store).await?;
            notices.extend(later.notices);
            Ok(match later.damage {
                Some(damage) => Opened::Damaged(damage),
                None => Opened::Ready { store, notices },
            })
        }
        other => Ok(other),
    }
}

/// What the day's backup, made after opening, had to say.
#[derive(Debug, Default)]
pub struct AfterOpening {
    /// Sentences for the manager (today's backup failed, and why).
    pub notices: Vec<String>,
    /// The backup's check failed and so did the database's: the store was closed and the
    /// database set aside like any damage found at start-up.
    pub damage: Option<Damage>,
}

/// [`open_data_dir_with`] without the day's backup, for an app that shows its first screen
/// first: call [`daily_backup_after_opening`] once it is on screen.
pub async fn open_data_dir_for_first_screen(
    data_dir: &Path,
    clock: Arc<dyn Clock>,
    passphrase: Option<&Passphrase>,
) -> Result<Opened> {
    crate::trace::mark("opening: start");
    if let Some(locked) = lock_state(data_dir, passphrase)? {
        return Ok(locked);
    }
    crate::files::create_dir(data_dir).map_err(|e| {
        storage_error(format!(
            "Could not create the data directory {}: {e}",
            data_dir.display()
        ))
    })?;
    let mut notices = Vec::new();
    // Said when there was data to expose; a new folder is only made private.
    let had_data = data_dir.join(DB_FILE).exists();
    let tightened = crate::files::tighten(data_dir).map_err(|e| {
        storage_error(format!(
            "Could not make the data directory {} readable by you only: {e}",
            data_dir.display()
        ))
    })?;
    if tightened.changed && had_data {
        notices.push(format!(
            "Other accounts on this computer could read your data in {}. Trellis has made the \
             folder and every file in it (the database and its backups) readable by you only.",
            data_dir.display()
        ));
    }
    if let Some((path, e)) = tightened.failed.first() {
        notices.push(format!(
            "Trellis could not make {} readable by you only ({e}){}. Check who owns the data \
             folder {} and its files.",
            path.display(),
            match tightened.failed.len() {
                1 => String::new(),
                n => format!(", nor {} other files", n - 1),
            },
            data_dir.display()
        ));
    }
    // No copy of this process is under way yet: temp files are from an interrupted one.
    remove_partials(data_dir);
    remove_partials(&backups_dir(data_dir));
    crate::trace::mark("opening: folder made private, partial copies removed");
    if let Some(damage) =
        look_before_opening(data_dir, clock.as_ref(), &mut notices, passphrase).await?
    {
        return Ok(Opened::Damaged(damage));
    }
    crate::trace::mark("opening: looked at the database before opening");
    let store = open_and_upgrade(data_dir, clock, &mut notices, passphrase).await?;
    crate::trace::mark("opening: connected and upgraded");
    Ok(Opened::Ready { store, notices })
}

/// The day's backup, if due, for data opened with [`open_data_dir_for_first_screen`]. A
/// failure is only a notice, except when the copy fails its check and the database, checked
/// again in full (read-only), fails too: then the store is closed and the database set aside.
pub async fn daily_backup_after_opening(store: &Store) -> Result<AfterOpening> {
    let mut notices = Vec::new();
    let damage = daily_backup(store, &mut notices).await?;
    crate::trace::mark("opening: daily backup");
    Ok(AfterOpening { notices, damage })
}

/// Whether the database is encrypted and no passphrase was given (locked), or a passphrase was
/// given for data that is not encrypted (an error). Reads at most the file's first 16 bytes.
fn lock_state(data_dir: &Path, passphrase: Option<&Passphrase>) -> Result<Option<Opened>> {
    let db_file = data_dir.join(DB_FILE);
    if !db_file.is_file() {
        return Ok(None);
    }
    let encrypted = is_encrypted(&db_file)?;
    let empty = std::fs::metadata(&db_file)
        .map(|m| m.len() == 0)
        .unwrap_or(false);
    match (encrypted, passphrase) {
        (true, None) => Ok(Some(Opened::Locked {
            data_dir: data_dir.to_owned(),
        })),
        (false, Some(_)) if !empty => Err(not_encrypted(data_dir)),
        _ => Ok(None),
    }
}

/// The error for a passphrase given for data that is not encrypted.
pub(crate) fn not_encrypted(data_dir: &Path) -> Error {
    Error::invalid(
        "passphrase",
        format!(
            "The data in {} is not protected by a passphrase; open it without one. Nothing was \
             changed.",
            data_dir.display()
        ),
    )
}

/// The error for a passphrase that does not unlock the database.
pub(crate) fn wrong_passphrase(data_dir: &Path) -> Error {
    Error::invalid(
        "passphrase",
        format!(
            "This passphrase does not unlock the data in {}. Nothing was changed. If you never \
             set a passphrase, the file may be damaged: Trellis can set it aside, unchanged, \
             and offer the newest good backup instead.",
            data_dir.display()
        ),
    )
}

/// For a manager who never set a passphrase and whose database cannot be read (what
/// [`Opened::Locked`] also says about a damaged header): moves the database aside, unchanged,
/// into `damaged/` as damage found at start-up is, and offers the newest good backup.
///
/// Only backups that are not encrypted can be checked without a passphrase, so only those are
/// offered (an encrypted backup is listed with its problem and skipped): a manager who did set
/// a passphrase should enter it instead, which never moves anything. The files are moved,
/// never modified or deleted, so this can be undone by moving them back. Refused (not found)
/// when there is no database.
pub async fn set_aside_unreadable(data_dir: &Path, clock: &dyn Clock) -> Result<Damage> {
    let db_file = data_dir.join(DB_FILE);
    if !db_file.is_file() {
        return Err(Error::NotFound {
            message: format!(
                "There is no database at {} to set aside.",
                db_file.display()
            ),
        });
    }
    let pending = damage::set_aside(
        data_dir,
        clock,
        Cause::Unreadable,
        vec![
            "The file does not start as an unencrypted SQLite database does, and no \
              passphrase was given for it."
                .to_owned(),
        ],
    )?;
    Ok(damage::describe(data_dir, pending, None).await)
}

/// Before anything opens the database for writing: the damage still waiting for a choice, a
/// database that fails its checks (set aside), or journals without their database (set aside).
async fn look_before_opening(
    data_dir: &Path,
    clock: &dyn Clock,
    notices: &mut Vec<String>,
    passphrase: Option<&Passphrase>,
) -> Result<Option<Damage>> {
    let db_file = data_dir.join(DB_FILE);
    let exists = db_file.try_exists().map_err(|e| {
        storage_error(format!(
            "Could not look for the database {}: {e}",
            db_file.display()
        ))
    })?;
    if !exists {
        if let Some(pending) = damage::read_pending(data_dir) {
            return Ok(Some(damage::describe(data_dir, pending, passphrase).await));
        }
        damage::set_aside_orphans(data_dir, clock)?;
        return Ok(None);
    }
    let unclean = marker::present(data_dir);
    let probed = probe(&db_file, unclean, passphrase)
        .await
        .map_err(|e| match e {
            ProbeError::WrongPassphrase => wrong_passphrase(data_dir),
            ProbeError::Other(e) => e,
        })?;
    // A database in place settles any earlier damage (a restore finished).
    damage::clear_pending(data_dir)?;
    match probed {
        Probe::Sound => {
            if unclean {
                notices.push(
                    "Trellis did not close properly last time; it checked your data and found \
                     no problems."
                        .to_owned(),
                );
            }
            Ok(None)
        }
        Probe::Damaged(cause, problems) => {
            let pending = damage::set_aside(data_dir, clock, cause, problems)?;
            Ok(Some(damage::describe(data_dir, pending, passphrase).await))
        }
    }
}

/// Opens the store, writes the session marker and upgrades the data format (after a
/// pre-migration backup). On failure the store is closed again.
async fn open_and_upgrade(
    data_dir: &Path,
    clock: Arc<dyn Clock>,
    notices: &mut Vec<String>,
    passphrase: Option<&Passphrase>,
) -> Result<Store> {
    let store = Store::connect_unmigrated_keyed(data_dir, Arc::clone(&clock), passphrase).await?;
    let store = match marker::write(data_dir, clock.as_ref()) {
        Ok(marker) => store.with_session_marker(marker),
        Err(e) => {
            store.close().await;
            return Err(e);
        }
    };
    match upgrade(&store).await {
        Ok(notice) => {
            notices.extend(notice);
            Ok(store)
        }
        Err(e) => {
            store.close().await;
            Err(e)
        }
    }
}

/// The day's backup, if due. A failure is only a notice, except when the copy fails its check
/// and the database, checked again in full (read-only), fails too: then the store is closed
/// (which folds the write-ahead log into the file; nothing else is written) and the database
/// set aside like any damage found at start-up.
async fn daily_backup(store: &Store, notices: &mut Vec<String>) -> Result<Option<Damage>> {
    let failed_check = match daily(store).await {
        Ok(None) => return Ok(None),
        Ok(Some(problems)) => problems,
        Err(e) => {
            notices.push(format!(
                "Today's automatic backup could not be made; your data is not affected and \
                 Trellis tries again at the next start. {e}"
            ));
            return Ok(None);
        }
    };
    match probe(store.db_file(), true, store.passphrase()).await {
        Ok(Probe::Damaged(_, problems)) => {
            store.close().await;
            let data_dir = store.data_dir();
            let pending = damage::set_aside(data_dir, store.clock(), Cause::BackupCheck, problems)?;
            Ok(Some(
                damage::describe(data_dir, pending, store.passphrase()).await,
            ))
        }
        Ok(Probe::Sound) | Err(_) => {
            notices.push(format!(
                "Today's automatic backup failed its check and was discarded, though your data \
                 passed the same check; Trellis tries again at the next start. ({})",
                failed_check.join(" ")
            ));
            Ok(None)
        }
    }
}

/// Makes the day's backup if it is due. `Some(problems)` when the copy failed its check.
async fn daily(store: &Store) -> Result<Option<Vec<String>>> {
    if !backup::daily_due(store)? {
        return Ok(None);
    }
    Ok(match backup::attempt(store, BackupKind::Daily).await? {
        Taken::Kept(_) => None,
        Taken::FailedCheck(problems) => Some(problems),
    })
}

/// What the read-only look at the database before opening it found.
enum Probe {
    Sound,
    Damaged(Cause, Vec<String>),
}

/// Why the read-only look failed.
enum ProbeError {
    /// The passphrase given does not unlock the file (SQLCipher reads it as not a database).
    WrongPassphrase,
    Other(Error),
}

impl From<Error> for ProbeError {
    fn from(e: Error) -> Self {
        Self::Other(e)
    }
}

/// Looks at the database read-only (so that a damaged file is never written): can it be read
/// at all (with `passphrase`, when encrypted), can this build open its data format, and, after
/// an unclean shutdown or before an upgrade, do the integrity and foreign key checks pass.
async fn probe(
    db_file: &Path,
    unclean: bool,
    passphrase: Option<&Passphrase>,
) -> Result<Probe, ProbeError> {
    let keyed = passphrase.is_some();
    let mut conn = match open_read_only(db_file, false, passphrase).await {
        Ok(conn) => conn,
        Err(e) if keyed && is_damage(&e) => return Err(ProbeError::WrongPassphrase),
        Err(e) if is_damage(&e) => {
            return Ok(Probe::Damaged(Cause::Unreadable, vec![e.to_string()]))
        }
        Err(e) => return Err(unopenable(db_file, &e).into()),
    };
    let outcome = probe_conn(&mut conn, db_file, unclean, keyed).await;
    // Read-only: closing writes nothing.
    let _ = conn.close().await;
    outcome
}

async fn probe_conn(
    conn: &mut SqliteConnection,
    db_file: &Path,
    unclean: bool,
    keyed: bool,
) -> Result<Probe, ProbeError> {
    // Reading the header of an encrypted file tells a wrong passphrase: SQLCipher then reads
    // the file as "not a database". Such a file is never set aside.
    if keyed {
        match crate::encryption::header_decrypts(conn).await {
            Ok(()) => {}
            Err(e) if is_damage(&e) => return Err(ProbeError::WrongPassphrase),
            Err(e) => return Err(unopenable(db_file, &e).into()),
        }
    }
    let unreadable = |e: sqlx::Error| {
        if is_damage(&e) {
            Ok(Probe::Damaged(Cause::Unreadable, vec![e.to_string()]))
        } else {
            Err(unopenable(db_file, &e).into())
        }
    };
    let applied = match applied_versions(conn).await {
        Ok(applied) => applied,
        Err(e) => return unreadable(e),
    };
    match schema_problem(conn).await {
        Ok(None) => {}
        Ok(Some(problem)) => {
            return Err(storage_error(format!(
                "This version of Trellis cannot open the data in {}. {problem} Nothing was \
                 changed.",
                db_file.display()
            ))
            .into())
        }
        Err(e) => return unreadable(e),
    }
    let upgrading = !applied.is_empty() && MIGRATOR.iter().any(|m| !applied.contains(&m.version));
    if !unclean && !upgrading {
        return Ok(Probe::Sound);
    }
    let cause = if unclean {
        Cause::UncleanShutdown
    } else {
        Cause::BeforeUpgrade
    };
    match integrity_problems(conn, backup::Depth::Full).await {
        Ok(problems) if problems.is_empty() => Ok(Probe::Sound),
        Ok(problems) => Ok(Probe::Damaged(cause, problems)),
        Err(e) if is_damage(&e) => Ok(Probe::Damaged(cause, vec![e.to_string()])),
        Err(e) => Err(unopenable(db_file, &e).into()),
    }
}

fn unopenable(db_file: &Path, e: &sqlx::Error) -> Error {
    storage_error(format!(
        "Could not open the database {}: {e}. Nothing was changed.",
        db_file.display()
    ))
}

/// Applies pending migrations; when the database already holds data, only after a
/// pre-migration backup has been made and checked (if it cannot be, nothing is migrated).
/// Returns a notice when an upgrade happened.
async fn upgrade(store: &Store) -> Result<Option<String>> {
    if store.pending_migrations().await?.is_empty() {
        return Ok(None);
    }
    let from = store.schema_version().await?;
    if from == 0 {
        // A new database: nothing to keep.
        store.migrate().await?;
        return Ok(None);
    }
    let copy = backup::take(store, BackupKind::PreMigration)
        .await
        .map_err(|e| {
            storage_error(format!(
                "Trellis needs to upgrade your data for this version, but could not save a copy \
                 of it first, so it left your data as it was. {e}"
            ))
        })?;
    store.migrate().await?;
    let to = store.schema_version().await?;
    Ok(Some(format!(
        "Your data was upgraded for this version of Trellis (data format {from} to {to}); a \
         copy from before the upgrade is kept in the backups as {}.",
        copy.file_name
    )))
}

/// The store of a data directory opened after a restore, or the damage as an error.
fn ready(opened: Opened) -> Result<Store> {
    match opened {
        Opened::Ready { store, .. } => Ok(store),
        Opened::Damaged(damage) => Err(storage_error(damage.explanation)),
        Opened::Locked { data_dir } => Err(storage_error(format!(
            "The data in {} is protected by a passphrase; open it with the passphrase.",
            data_dir.display()
        ))),
    }
}

/// For the recovery screen: puts the backup called `file_name` in place of the damaged
/// database (already moved aside by [`open_data_dir`]) and opens it. The backup is fully
/// checked first; it is copied, never moved. Refused (a conflict) while a database is in place:
/// restore over open data with [`backup::restore`].
pub async fn restore_after_damage(
    data_dir: &Path,
    file_name: &str,
    clock: Arc<dyn Clock>,
) -> Result<Store> {
    restore_after_damage_with(data_dir, file_name, clock, None).await
}

/// [`restore_after_damage`] for encrypted data: the backup is checked with `passphrase` and
/// the data opened with it.
pub async fn restore_after_damage_with(
    data_dir: &Path,
    file_name: &str,
    clock: Arc<dyn Clock>,
    passphrase: Option<&Passphrase>,
) -> Result<Store> {
    let db_file = data_dir.join(DB_FILE);
    if db_file.exists() {
        return Err(Error::conflict(format!(
            "There is already a database at {}; restore a backup from the backups screen \
             instead.",
            db_file.display()
        )));
    }
    let (backup, _) = verified_backup(data_dir, file_name, passphrase).await?;
    damage::set_aside_orphans(data_dir, clock.as_ref())?;
    backup::install(data_dir, &backup).await?;
    damage::clear_pending(data_dir)?;
    ready(open_data_dir_with(data_dir, clock, passphrase).await?)
}

/// For the recovery screen: starts with an empty record (the damaged file stays in
/// `damaged/`, the backups in `backups/`). If a database is in place, it is opened instead.
pub async fn start_empty_after_damage(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
    start_empty_after_damage_with(data_dir, clock, None).await
}

/// [`start_empty_after_damage`]; the new database is encrypted with `passphrase` if given.
pub async fn start_empty_after_damage_with(
    data_dir: &Path,
    clock: Arc<dyn Clock>,
    passphrase: Option<&Passphrase>,
) -> Result<Store> {
    if !data_dir.join(DB_FILE).exists() {
        damage::clear_pending(data_dir)?;
    }
    ready(open_data_dir_with(data_dir, clock, passphrase).await?)
}
