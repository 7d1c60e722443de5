//! Automatic backups on real SQLite files: the daily copy (once per calendar day), rotation
//! (7 daily, every pre-migration copy), a copy that fails its check deleting nothing, the
//! backups list (size, counts, unreadable files), the pre-migration copy of an older database,
//! and restoring (old data back, a pre-restore copy of the current state, names checked).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::{Connection, SqliteConnection};
use trellis_core::backup::{self, backups_dir, BackupInfo, BackupKind, RecordCount};
use trellis_core::clock::{Clock, FixedClock};
use trellis_core::model::RosterFilter;
use trellis_core::opening::{open_data_dir, Opened};
use trellis_core::store::{connect_options, DB_FILE, MIGRATOR};
use trellis_core::{Error, Store};

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Helpers (also used by integrity.rs).
// ---------------------------------------------------------------------------------------------

/// A fixed clock at `hour`:00 UTC on 2026-11-`day`.
pub fn clock_on(day: u32, hour: u32) -> Arc<dyn Clock> {
    Arc::new(FixedClock(at(day, hour)))
}

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

/// Opens the data directory the way the app does; fails the test unless it is ready.
pub async fn open_ready(dir: &Path, clock: Arc<dyn Clock>) -> (Store, Vec<String>) {
    match open_data_dir(dir, clock).await {
        Ok(Opened::Ready { store, notices }) => (store, notices),
        Ok(Opened::Damaged(damage)) => panic!("expected the data to open, got {damage:#?}"),
        Ok(Opened::Locked { data_dir }) => {
            panic!("expected the data to open, locked: {data_dir:?}")
        }
        Err(e) => panic!("expected the data to open, got {e:?}"),
    }
}

/// The file names in the backups folder (every file, not just backups), sorted.
pub fn backup_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(backups_dir(dir)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The backups of one kind, by file name, sorted.
fn files_of(dir: &Path, kind: &str) -> Vec<String> {
    backup_files(dir)
        .into_iter()
        .filter(|n| n.contains(&format!("Z-{kind}")))
        .collect()
}

/// The database of [`crate::older_schema::build_at`] at schema `version`, its write-ahead
/// log checkpointed into the file (so that the file alone holds the data, as after the app's
/// clean close).
pub async fn build_at(dir: &Path, version: i64) {
    crate::older_schema::build_at(dir, version).await;
    settle(&dir.join(DB_FILE)).await;
}

/// Checkpoints the write-ahead log into the database file and removes it.
pub async fn settle(file: &Path) {
    let mut conn = raw_connection(file).await;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    assert!(!file.with_extension("sqlite3-wal").exists());
}

/// A plain connection to a database file, foreign keys off (to write what the app never
/// would).
pub async fn raw_connection(file: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(&connect_options(file).foreign_keys(false))
        .await
        .unwrap()
}

/// Adds a co-owner row that points at no evidence and no person (a foreign key violation, as
/// a bug or a damaged disk could leave).
pub async fn add_orphan_row(file: &Path) {
    let mut conn = raw_connection(file).await;
    sqlx::query(
        "INSERT INTO evidence_co_owners (evidence_id, person_id) VALUES ('no-such-evidence', \
         'no-such-person')",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
}

/// A read-only look into a backup file: the newest migration it applied and a query's rows.
pub async fn backup_version(file: &Path) -> i64 {
    let mut conn = read_only(file).await;
    let version = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    version
}

pub async fn read_only(file: &Path) -> SqliteConnection {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .immutable(true);
    SqliteConnection::connect_with(&options).await.unwrap()
}

/// The names of the reports in a database file, sorted.
pub async fn report_names_in(file: &Path) -> Vec<String> {
    let mut conn = read_only(file).await;
    let names = sqlx::query_scalar(
        "SELECT p.name FROM reports r JOIN people p ON p.id = r.person_id ORDER BY p.name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    names
}

pub async fn report_names(store: &Store) -> Vec<String> {
    let mut names = Vec::new();
    for filter in [RosterFilter::Active, RosterFilter::Archived] {
        names.extend(
            store
                .reports(filter)
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.name),
        );
    }
    names.sort();
    names
}

fn count(info: &BackupInfo, label: &str) -> Option<i32> {
    info.counts
        .iter()
        .find(|c| c.label == label)
        .map(|c| c.count)
}

pub fn storage_message<T: std::fmt::Debug>(result: trellis_core::Result<T>) -> String {
    match result {
        Err(Error::Storage { message }) => message,
        other => panic!("expected a storage error, got {other:?}"),
    }
}

fn latest() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap()
}

fn backup_path(dir: &Path, file_name: &str) -> PathBuf {
    backups_dir(dir).join(file_name)
}

// ---------------------------------------------------------------------------------------------
// The daily copy and rotation.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_daily_backup_is_taken_once_a_day_and_again_the_next_day() {
    let dir = tempfile::tempdir().unwrap();

    let (store, _) = open_ready(dir.path(), clock_on(24, 9)).await;
    assert_eq!(
        backup_files(dir.path()),
        ["trellis-20261124T090000Z-daily.sqlite3"]
    );
    add_report(&store, "Ada Lovelace").await;
    assert_eq!(backup::daily_if_due(&store).await.unwrap(), None);
    store.close().await;

    // Later the same day: no second copy.
    let (store, _) = open_ready(dir.path(), clock_on(24, 18)).await;
    assert_eq!(backup_files(dir.path()).len(), 1);
    store.close().await;

    // The next day: a new copy, with the report added yesterday.
    let (store, _) = open_ready(dir.path(), clock_on(25, 8)).await;
    assert_eq!(
        backup_files(dir.path()),
        [
            "trellis-20261124T090000Z-daily.sqlite3",
            "trellis-20261125T080000Z-daily.sqlite3"
        ]
    );
    let list = backup::list(dir.path()).await.unwrap();
    assert_eq!(list[0].file_name, "trellis-20261125T080000Z-daily.sqlite3");
    assert_eq!(list[0].created_at, "2026-11-25T08:00:00Z");
    assert_eq!(count(&list[0], "Reports"), Some(1));
    assert_eq!(count(&list[1], "Reports"), Some(0));
    assert_eq!(backup::daily_if_due(&store).await.unwrap(), None);
    store.close().await;
}

#[tokio::test]
async fn rotation_keeps_seven_daily_copies_and_every_pre_migration_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with_clock(dir.path(), clock_on(1, 12))
        .await
        .unwrap();
    for _ in 0..3 {
        backup::take(&store, BackupKind::PreMigration)
            .await
            .unwrap();
    }
    store.close().await;

    for day in 1..=10 {
        let store = Store::open_with_clock(dir.path(), clock_on(day, 12))
            .await
            .unwrap();
        add_report(&store, &format!("Report of day {day}")).await;
        let made = backup::daily_if_due(&store).await.unwrap().unwrap();
        assert_eq!(made.kind, BackupKind::Daily);
        assert_eq!(made.problem, None);
        assert_eq!(count(&made, "Reports"), Some(i32::try_from(day).unwrap()));
        store.close().await;
    }

    let daily = files_of(dir.path(), "daily");
    let expected: Vec<String> = (4..=10)
        .map(|d| format!("trellis-202611{d:02}T120000Z-daily.sqlite3"))
        .collect();
    assert_eq!(daily, expected, "the newest 7 daily copies are kept");
    assert_eq!(
        files_of(dir.path(), "pre-migration"),
        [
            format!(
                "trellis-20261101T120000Z-pre-migration-v{}-2.sqlite3",
                latest()
            ),
            format!(
                "trellis-20261101T120000Z-pre-migration-v{}-3.sqlite3",
                latest()
            ),
            format!(
                "trellis-20261101T120000Z-pre-migration-v{}.sqlite3",
                latest()
            ),
        ],
        "every pre-migration copy is kept"
    );

    // Pre-restore copies rotate on their own (7 kept), even within one second.
    let store = Store::open_with_clock(dir.path(), clock_on(10, 12))
        .await
        .unwrap();
    for _ in 0..9 {
        backup::take(&store, BackupKind::PreRestore).await.unwrap();
    }
    let kept: Vec<String> = backup::list(dir.path())
        .await
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::PreRestore)
        .map(|b| b.file_name)
        .collect();
    let expected: Vec<String> = (3..=9)
        .rev()
        .map(|n| format!("trellis-20261110T120000Z-pre-restore-{n}.sqlite3"))
        .collect();
    assert_eq!(kept, expected, "newest first, the 7 newest kept");
    assert_eq!(files_of(dir.path(), "daily").len(), 7);
    assert_eq!(files_of(dir.path(), "pre-migration").len(), 3);
    store.close().await;
}

#[tokio::test]
async fn a_backup_that_fails_its_check_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for day in 1..=7 {
        let (store, _) = open_ready(dir.path(), clock_on(day, 12)).await;
        add_report(&store, &format!("Report of day {day}")).await;
        store.close().await;
    }
    let before = backup_files(dir.path());
    assert_eq!(before.len(), 7);

    // The live database now holds a row whose foreign key points nowhere: a copy of it fails
    // the check.
    add_orphan_row(&dir.path().join(DB_FILE)).await;
    let store = Store::open_with_clock(dir.path(), clock_on(8, 12))
        .await
        .unwrap();
    let message = storage_message(backup::daily_if_due(&store).await);
    assert!(
        message.starts_with(
            "The backup copy failed its check, so it was discarded and no earlier backup was \
             removed: A row of evidence_co_owners refers to a row of"
        ),
        "{message}"
    );
    assert_eq!(
        backup_files(dir.path()),
        before,
        "no copy was removed and no temp file is left"
    );
    let message = storage_message(backup::take(&store, BackupKind::PreImport).await);
    assert!(message.contains("failed its check"), "{message}");
    assert_eq!(backup_files(dir.path()), before);

    // Every kept copy is still good.
    for b in backup::list(dir.path()).await.unwrap() {
        assert_eq!(b.problem, None, "{}", b.file_name);
    }
    store.close().await;
}

#[tokio::test]
async fn a_backup_that_cannot_be_written_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(1, 12)).await;
    let before = backup_files(dir.path());
    // The folder the copy would go in is replaced by a file of the same name.
    let folder = backups_dir(dir.path());
    std::fs::rename(&folder, dir.path().join("moved-backups")).unwrap();
    std::fs::write(&folder, b"not a folder").unwrap();
    let message = storage_message(backup::take(&store, BackupKind::PreImport).await);
    assert!(
        message.starts_with("Could not create the backups folder"),
        "{message}"
    );
    assert_eq!(std::fs::read(&folder).unwrap(), b"not a folder");
    std::fs::remove_file(&folder).unwrap();
    std::fs::rename(dir.path().join("moved-backups"), &folder).unwrap();
    assert_eq!(backup_files(dir.path()), before);
    store.close().await;
}

// ---------------------------------------------------------------------------------------------
// The backups list.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_list_shows_size_and_counts_and_flags_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(24, 9)).await;
    world(&store).await;
    add_report(&store, "Grace Hopper").await;
    let made = backup::take(&store, BackupKind::PreImport).await.unwrap();
    store.close().await;

    let folder = backups_dir(dir.path());
    // A file that is no database, and a copy cut short, both under backup names.
    std::fs::write(
        folder.join("trellis-20261120T000000Z-daily.sqlite3"),
        b"these are not the pages you are looking for",
    )
    .unwrap();
    let good = std::fs::read(folder.join(&made.file_name)).unwrap();
    std::fs::write(
        folder.join("trellis-20261121T000000Z-pre-import.sqlite3"),
        &good[..good.len() / 2],
    )
    .unwrap();
    // Files that are not backups are not listed.
    std::fs::write(folder.join("notes.txt"), b"mine").unwrap();
    std::fs::write(folder.join(".partial-x.sqlite3"), b"half").unwrap();

    let list = backup::list(dir.path()).await.unwrap();
    let names: Vec<&str> = list.iter().map(|b| b.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "trellis-20261124T090000Z-pre-import.sqlite3",
            "trellis-20261124T090000Z-daily.sqlite3",
            "trellis-20261121T000000Z-pre-import.sqlite3",
            "trellis-20261120T000000Z-daily.sqlite3",
        ],
        "newest first (the pre-import copy sorts before the daily copy of the same second)"
    );

    let newest = &list[0];
    assert_eq!(newest, &made, "take describes the copy as the list does");
    assert_eq!(newest.kind, BackupKind::PreImport);
    assert_eq!(newest.created_at, "2026-11-24T09:00:00Z");
    assert_eq!(newest.size_bytes, good.len() as f64);
    assert_eq!(
        newest.schema_version,
        Some(i32::try_from(latest()).unwrap())
    );
    assert_eq!(newest.problem, None);
    let counts: Vec<(&str, i32)> = newest
        .counts
        .iter()
        .map(|RecordCount { label, count }| (label.as_str(), *count))
        .collect();
    assert_eq!(
        counts,
        [
            ("Reports", 2),
            ("Other people", 3),
            ("Mandates", 1),
            ("Evidence items", 1),
            ("Mentee feedback", 1),
            ("Advocates", 1),
            ("1:1 meetings", 0),
            ("1:1 notes", 0),
            ("Cycles", 0),
            ("Candidates", 0),
            ("Rules of thumb", 0),
        ]
    );

    let cut = &list[2];
    assert_eq!(cut.size_bytes, (good.len() / 2) as f64);
    assert!(cut.problem.is_some(), "{cut:?}");

    let garbage = &list[3];
    assert_eq!(garbage.kind, BackupKind::Daily);
    assert_eq!(garbage.size_bytes, 43.0);
    assert_eq!(garbage.schema_version, None);
    assert!(garbage.counts.is_empty());
    let problem = garbage.problem.as_deref().unwrap();
    assert!(
        problem.starts_with("It cannot be read as a database: ")
            && problem.contains("file is not a database"),
        "{problem}"
    );

    // Listing never changes a file.
    assert_eq!(std::fs::read(folder.join(&made.file_name)).unwrap(), good);
    assert!(!folder.join(format!("{}-wal", made.file_name)).exists());
}

#[tokio::test]
async fn a_data_directory_without_backups_lists_none() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(backup::list(dir.path()).await.unwrap(), []);
}

// ---------------------------------------------------------------------------------------------
// The pre-migration copy.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn opening_an_older_database_backs_it_up_at_its_own_version_before_upgrading() {
    let dir = tempfile::tempdir().unwrap();
    build_at(dir.path(), 3).await;
    let old_reports = report_names_in(&dir.path().join(DB_FILE)).await;
    assert!(!old_reports.is_empty());

    let (store, notices) = open_ready(dir.path(), clock_on(24, 12)).await;
    let copy = "trellis-20261124T120000Z-pre-migration-v3.sqlite3";
    // Older versions left the data readable by others (0644): it is tightened, and said so.
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].contains("readable by you only"), "{notices:?}");
    assert_eq!(
        notices[1],
        format!(
            "Your data was upgraded for this version of Trellis (data format 3 to {}); a copy \
             from before the upgrade is kept in the backups as {copy}.",
            latest()
        )
    );
    assert_eq!(store.schema_version().await.unwrap(), latest());
    assert_eq!(store.pending_migrations().await.unwrap(), Vec::<i64>::new());

    // The copy holds the old data at the old version (no 1:1 tables yet).
    let path = backup_path(dir.path(), copy);
    assert_eq!(backup_version(&path).await, 3);
    assert_eq!(report_names_in(&path).await, old_reports);
    let mut conn = read_only(&path).await;
    let meetings: Option<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE name = 'meetings'")
            .fetch_optional(&mut conn)
            .await
            .unwrap();
    assert_eq!(meetings, None);
    conn.close().await.unwrap();

    // The day's copy comes after the upgrade, at the new version.
    let list = backup::list(dir.path()).await.unwrap();
    let kinds: Vec<(BackupKind, Option<i32>)> =
        list.iter().map(|b| (b.kind, b.schema_version)).collect();
    assert!(
        kinds.contains(&(BackupKind::PreMigration, Some(3))),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(BackupKind::Daily, Some(i32::try_from(latest()).unwrap()))),
        "{kinds:?}"
    );
    assert_eq!(report_names(&store).await, old_reports);
    store.close().await;

    // A current database is not copied again.
    let (store, notices) = open_ready(dir.path(), clock_on(24, 13)).await;
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(files_of(dir.path(), "pre-migration"), [copy]);
    store.close().await;
}

#[tokio::test]
async fn a_new_data_directory_is_not_backed_up_before_its_first_migration() {
    let dir = tempfile::tempdir().unwrap();
    let (store, notices) = open_ready(dir.path(), clock_on(24, 12)).await;
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        backup_files(dir.path()),
        ["trellis-20261124T120000Z-daily.sqlite3"]
    );
    store.close().await;
}

// ---------------------------------------------------------------------------------------------
// Restoring.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn restore_brings_the_old_data_back_and_keeps_a_pre_restore_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(24, 9)).await;
    add_report(&store, "Ada Lovelace").await;
    store.close().await;
    let (store, _) = open_ready(dir.path(), clock_on(25, 9)).await;
    add_report(&store, "Grace Hopper").await;
    assert_eq!(report_names(&store).await, ["Ada Lovelace", "Grace Hopper"]);

    let restored = backup::restore(store, "trellis-20261125T090000Z-daily.sqlite3")
        .await
        .unwrap();
    assert_eq!(report_names(&restored.store).await, ["Ada Lovelace"]);
    // The restored store writes, and what it writes stays.
    add_report(&restored.store, "Katherine Johnson").await;

    let safety = restored.safety_copy;
    assert_eq!(safety.kind, BackupKind::PreRestore);
    assert_eq!(
        safety.file_name,
        "trellis-20261125T090000Z-pre-restore.sqlite3"
    );
    assert_eq!(count(&safety, "Reports"), Some(2));
    assert_eq!(
        report_names_in(&backup_path(dir.path(), &safety.file_name)).await,
        ["Ada Lovelace", "Grace Hopper"]
    );
    restored.store.close().await;

    let (store, _) = open_ready(dir.path(), clock_on(25, 10)).await;
    assert_eq!(
        report_names(&store).await,
        ["Ada Lovelace", "Katherine Johnson"]
    );

    // Restoring the pre-restore copy undoes the restore (after its own safety copy).
    let restored = backup::restore(store, &safety.file_name).await.unwrap();
    assert_eq!(
        report_names(&restored.store).await,
        ["Ada Lovelace", "Grace Hopper"]
    );
    assert_eq!(
        restored.safety_copy.file_name,
        "trellis-20261125T100000Z-pre-restore.sqlite3"
    );
    restored.store.close().await;
}

#[tokio::test]
async fn restoring_an_older_backup_upgrades_it_after_a_pre_migration_copy() {
    let dir = tempfile::tempdir().unwrap();
    build_at(dir.path(), 3).await;
    let old_reports = report_names_in(&dir.path().join(DB_FILE)).await;
    let (store, _) = open_ready(dir.path(), clock_on(24, 12)).await;
    add_report(&store, "Someone New").await;

    let restored = backup::restore(store, "trellis-20261124T120000Z-pre-migration-v3.sqlite3")
        .await
        .unwrap();
    assert_eq!(report_names(&restored.store).await, old_reports);
    assert_eq!(restored.store.schema_version().await.unwrap(), latest());
    assert!(
        restored.notices[0].starts_with("Your data was upgraded"),
        "{:?}",
        restored.notices
    );
    assert_eq!(
        files_of(dir.path(), "pre-migration"),
        [
            "trellis-20261124T120000Z-pre-migration-v3-2.sqlite3",
            "trellis-20261124T120000Z-pre-migration-v3.sqlite3",
        ]
    );
    restored.store.close().await;
}

#[tokio::test]
async fn restore_refuses_paths_and_unknown_names_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(24, 12)).await;
    add_report(&store, "Ada Lovelace").await;
    // A real file outside the backups folder, reachable by a relative path.
    std::fs::copy(
        backup_path(dir.path(), "trellis-20261124T120000Z-daily.sqlite3"),
        dir.path().join("trellis-20261101T000000Z-daily.sqlite3"),
    )
    .unwrap();
    let before = backup_files(dir.path());

    for name in [
        "../x",
        "../trellis-20261101T000000Z-daily.sqlite3",
        "..\\trellis-20261101T000000Z-daily.sqlite3",
        "/etc/passwd",
        "",
        "trellis.sqlite3",
    ] {
        let (message, fields) = validation(backup::restore(store.clone(), name).await);
        assert_eq!(
            message,
            format!("“{name}” is not the name of a Trellis backup."),
            "{name}"
        );
        assert_eq!(fields[0].field, "fileName");
    }
    let message =
        not_found(backup::restore(store.clone(), "trellis-20261101T000000Z-daily.sqlite3").await);
    assert!(
        message.starts_with("There is no backup called trellis-20261101T000000Z-daily.sqlite3"),
        "{message}"
    );

    // A backup that fails its full check is refused too.
    std::fs::write(
        backup_path(dir.path(), "trellis-20261123T000000Z-daily.sqlite3"),
        b"garbage",
    )
    .unwrap();
    let message = storage_message(
        backup::restore(store.clone(), "trellis-20261123T000000Z-daily.sqlite3").await,
    );
    assert!(
        message
            .starts_with("The backup trellis-20261123T000000Z-daily.sqlite3 cannot be restored:")
            && message.ends_with("Nothing was changed."),
        "{message}"
    );

    // The store is still open and unchanged; no safety copy was made.
    assert_eq!(report_names(&store).await, ["Ada Lovelace"]);
    let mut after = backup_files(dir.path());
    after.retain(|n| n != "trellis-20261123T000000Z-daily.sqlite3");
    assert_eq!(after, before);
    store.close().await;
}

// ---------------------------------------------------------------------------------------------
// A copy is taken while the app keeps writing.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_backup_is_a_consistent_snapshot_while_writes_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(24, 12)).await;
    world(&store).await;
    let writer = {
        let store = store.clone();
        tokio::spawn(async move {
            for i in 0..30 {
                add_report(&store, &format!("Concurrent {i}")).await;
            }
        })
    };
    let mut made = Vec::new();
    for _ in 0..5 {
        made.push(backup::take(&store, BackupKind::PreImport).await.unwrap());
    }
    writer.await.unwrap();
    for b in &made {
        assert_eq!(b.problem, None);
    }
    let reports: Vec<i32> = made.iter().filter_map(|b| count(b, "Reports")).collect();
    assert!(reports.windows(2).all(|w| w[0] <= w[1]), "{reports:?}");
    store.close().await;
}
