//! Integrity on open, on real SQLite files: the session marker (a clean close removes it), an
//! unclean shutdown with an intact database (opens normally), and damaged databases (bytes
//! overwritten on disk, garbage over the header (locked, then set aside on request), a foreign key pointing nowhere, damage found
//! before an upgrade): each is moved aside byte for byte, nothing overwrites it, the newest good
//! backup is offered, and restoring it (or starting empty) works.

use std::path::{Path, PathBuf};

use sqlx::Connection;
use trellis_core::backup::backups_dir;
use trellis_core::opening::{
    open_data_dir, restore_after_damage, set_aside_unreadable, start_empty_after_damage, Damage,
    Opened, DAMAGED_DIR, MARKER_FILE,
};
use trellis_core::store::DB_FILE;
use trellis_core::Store;

use crate::backups::{
    add_orphan_row, backup_files, build_at, clock_on, open_ready, raw_connection, report_names,
    storage_message,
};
use crate::support::*;

fn db(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

fn marker(dir: &Path) -> PathBuf {
    dir.join(MARKER_FILE)
}

/// Leaves the marker an unclean shutdown leaves.
fn crash_marker(dir: &Path) {
    std::fs::write(marker(dir), "Trellis has this data open (process 1).").unwrap();
}

/// Opens the data directory and expects it to be found damaged.
async fn open_damaged(dir: &Path, day: u32) -> Damage {
    match open_data_dir(dir, clock_on(day, 12)).await {
        Ok(Opened::Damaged(damage)) => damage,
        Ok(Opened::Ready { store, notices }) => {
            store.close().await;
            panic!("expected damage, the data opened ({notices:?})")
        }
        Ok(Opened::Locked { data_dir }) => panic!("expected damage, locked: {data_dir:?}"),
        Err(e) => panic!("expected damage, got {e:?}"),
    }
}

/// A data directory with a day-24 backup (empty) and a day-25 backup holding the world; the
/// database holds the world plus Grace Hopper (added after the last backup). Closed cleanly.
async fn data_with_backups() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(24, 9)).await;
    world(&store).await;
    store.close().await;
    let (store, _) = open_ready(dir.path(), clock_on(25, 9)).await;
    add_report(&store, "Grace Hopper").await;
    store.close().await;
    assert_eq!(
        backup_files(dir.path()),
        [
            "trellis-20261124T090000Z-daily.sqlite3",
            "trellis-20261125T090000Z-daily.sqlite3"
        ]
    );
    dir
}

/// The file the damage was moved to, checked to be inside `damaged/`.
fn moved(dir: &Path, damage: &Damage) -> PathBuf {
    let path = PathBuf::from(&damage.moved_to);
    assert_eq!(path.parent().unwrap(), dir.join(DAMAGED_DIR));
    path
}

/// Overwrites the middle of the page that holds the reports (cell pointers and records) with
/// a pattern, as a failing disk or a stray write would.
async fn overwrite_reports_page(file: &Path) {
    let mut conn = raw_connection(file).await;
    let page_size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    let root: i64 = sqlx::query_scalar("SELECT rootpage FROM sqlite_master WHERE name = 'reports'")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let mut bytes = std::fs::read(file).unwrap();
    let start = usize::try_from((root - 1) * page_size).unwrap();
    let page = usize::try_from(page_size).unwrap();
    for (i, b) in bytes[start + 8..start + page - 8].iter_mut().enumerate() {
        *b = [0x5a, 0xa5, 0xff, 0x00][i % 4];
    }
    std::fs::write(file, bytes).unwrap();
}

// ---------------------------------------------------------------------------------------------
// The session marker.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_clean_close_removes_the_session_marker() {
    let dir = tempfile::tempdir().unwrap();
    let (store, notices) = open_ready(dir.path(), clock_on(24, 9)).await;
    assert_eq!(notices, Vec::<String>::new());
    let text = std::fs::read_to_string(marker(dir.path())).unwrap();
    assert!(
        text.contains(&format!("process {}", std::process::id())),
        "{text}"
    );
    store.close().await;
    assert!(!marker(dir.path()).exists());

    let (store, notices) = open_ready(dir.path(), clock_on(24, 10)).await;
    assert_eq!(
        notices,
        Vec::<String>::new(),
        "a clean close is not checked"
    );
    store.close().await;

    // The plain open (tests, scripts) neither writes nor removes a marker.
    let store = Store::open(dir.path()).await.unwrap();
    assert!(!marker(dir.path()).exists());
    store.close().await;
}

#[tokio::test]
async fn an_unclean_shutdown_with_an_intact_database_opens_normally() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(24, 9)).await;
    world(&store).await;
    add_report(&store, "Grace Hopper").await;

    // What a crash leaves: the files as they are while the app runs (database, write-ahead log
    // with the latest writes, shared memory, marker), copied while no write is under way.
    let crashed = tempfile::tempdir().unwrap();
    let mut copied = 0;
    for name in [
        DB_FILE.to_owned(),
        format!("{DB_FILE}-wal"),
        format!("{DB_FILE}-shm"),
        MARKER_FILE.to_owned(),
    ] {
        if dir.path().join(&name).exists() {
            std::fs::copy(dir.path().join(&name), crashed.path().join(&name)).unwrap();
            copied += 1;
        }
    }
    assert_eq!(
        copied, 4,
        "the running app has a write-ahead log and a marker"
    );
    store.close().await;
    // The copy's folder is as private as the app keeps its own.
    trellis_core::files::tighten(crashed.path()).unwrap();

    let (store, notices) = open_ready(crashed.path(), clock_on(24, 10)).await;
    assert_eq!(
        notices,
        [
            "Trellis did not close properly last time; it checked your data and found no \
          problems."
        ]
    );
    assert_eq!(report_names(&store).await, ["Ada Lovelace", "Grace Hopper"]);
    assert!(!crashed.path().join(DAMAGED_DIR).exists());
    store.close().await;
    assert!(!marker(crashed.path()).exists());
}

// ---------------------------------------------------------------------------------------------
// Damaged databases.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_database_damaged_on_disk_is_moved_aside_unchanged_and_a_good_backup_offered() {
    let dir = data_with_backups().await;
    overwrite_reports_page(&db(dir.path())).await;
    let damaged_bytes = std::fs::read(db(dir.path())).unwrap();
    // A newer backup that is itself damaged is not offered.
    std::fs::write(
        backups_dir(dir.path()).join("trellis-20261125T100000Z-pre-import.sqlite3"),
        b"not a database",
    )
    .unwrap();
    crash_marker(dir.path());

    let damage = open_damaged(dir.path(), 26).await;
    let moved_to = moved(dir.path(), &damage);
    assert_eq!(
        moved_to.file_name().unwrap(),
        "trellis-20261126T120000Z.sqlite3"
    );
    assert!(
        std::fs::read(&moved_to).unwrap() == damaged_bytes,
        "the damaged file is moved byte for byte"
    );
    assert!(!damage.problems.is_empty() && damage.problems.len() <= 10);
    assert_eq!(damage.detected_at, "2026-11-26T12:00:00Z");
    // Nothing new was put in its place, no backup was taken of it, the session is over.
    assert!(!db(dir.path()).exists());
    assert!(!marker(dir.path()).exists());
    assert_eq!(backup_files(dir.path()).len(), 3);

    let offered = damage.newest_good_backup.as_ref().unwrap();
    assert_eq!(offered.file_name, "trellis-20261125T090000Z-daily.sqlite3");
    assert_eq!(offered.problem, None);
    assert_eq!(
        damage.explanation,
        format!(
            "Trellis did not close properly last time, so it checked your data before opening \
             it, and the check found damage. To keep it from getting worse, Trellis did not \
             open it, and nothing was overwritten or deleted: the damaged file was moved, \
             unchanged, to {}. Restoring the newest good backup, from 25 Nov 2026, 09:00 UTC \
             (Reports: 1, Other people: 3, Mandates: 1, Evidence items: 1, Mentee feedback: 1, \
             Advocates: 1), brings your record back as it was then; anything entered after 25 \
             Nov 2026, 09:00 UTC is not in it. You can also start with an empty record. Either \
             way the damaged file stays where it is.",
            moved_to.display()
        )
    );

    // Quitting the recovery screen and starting again shows the same damage.
    let again = open_damaged(dir.path(), 26).await;
    assert_eq!(again.moved_to, damage.moved_to);
    assert_eq!(again.problems, damage.problems);
    assert!(!db(dir.path()).exists());

    // Restoring the offered backup gives a working store with the backup's data.
    let store = restore_after_damage(dir.path(), &offered.file_name, clock_on(26, 12))
        .await
        .unwrap();
    assert_eq!(report_names(&store).await, ["Ada Lovelace"]);
    add_report(&store, "Katherine Johnson").await;
    assert!(marker(dir.path()).exists());
    store.close().await;
    assert!(
        std::fs::read(&moved_to).unwrap() == damaged_bytes,
        "the damaged file is still there, unchanged"
    );
    let (store, notices) = open_ready(dir.path(), clock_on(26, 13)).await;
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        report_names(&store).await,
        ["Ada Lovelace", "Katherine Johnson"]
    );
    store.close().await;
}

#[tokio::test]
async fn garbage_over_the_header_is_locked_and_set_aside_on_request_even_after_a_clean_shutdown() {
    let dir = data_with_backups().await;
    let mut bytes = std::fs::read(db(dir.path())).unwrap();
    bytes[..100].copy_from_slice(&[0x42; 100]);
    std::fs::write(db(dir.path()), &bytes).unwrap();
    assert!(!marker(dir.path()).exists());

    // A header that is not SQLite's cannot be told from encryption: the data is locked, and
    // nothing is touched until the manager says they never set a passphrase.
    assert!(matches!(
        open_data_dir(dir.path(), clock_on(26, 12)).await,
        Ok(Opened::Locked { .. })
    ));
    assert!(std::fs::read(db(dir.path())).unwrap() == bytes);
    let damage = set_aside_unreadable(dir.path(), clock_on(26, 12).as_ref())
        .await
        .unwrap();
    assert!(std::fs::read(moved(dir.path(), &damage)).unwrap() == bytes);
    assert!(
        damage.problems[0].contains("does not start as an unencrypted SQLite database"),
        "{:?}",
        damage.problems
    );
    assert!(
        damage.explanation.starts_with(
            "Trellis could not read your data: the database file is damaged or is not a \
             Trellis database."
        ),
        "{}",
        damage.explanation
    );
    assert_eq!(
        damage.newest_good_backup.unwrap().file_name,
        "trellis-20261125T090000Z-daily.sqlite3"
    );
    assert!(!db(dir.path()).exists());
}

#[tokio::test]
async fn a_foreign_key_pointing_nowhere_after_an_unclean_shutdown_is_damage() {
    let dir = data_with_backups().await;
    add_orphan_row(&db(dir.path())).await;
    let bytes = std::fs::read(db(dir.path())).unwrap();
    crash_marker(dir.path());

    let damage = open_damaged(dir.path(), 26).await;
    assert!(std::fs::read(moved(dir.path(), &damage)).unwrap() == bytes);
    let mut problems = damage.problems.clone();
    problems.sort();
    assert_eq!(
        problems,
        [
            "A row of evidence_co_owners refers to a row of evidence that does not exist.",
            "A row of evidence_co_owners refers to a row of people that does not exist.",
        ]
    );

    // Starting empty instead: a new, empty record; the damaged file and backups stay.
    let store = start_empty_after_damage(dir.path(), clock_on(26, 12))
        .await
        .unwrap();
    assert_eq!(report_names(&store).await, Vec::<String>::new());
    store.close().await;
    assert!(std::fs::read(moved(dir.path(), &damage)).unwrap() == bytes);
    let (store, notices) = open_ready(dir.path(), clock_on(26, 13)).await;
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(report_names(&store).await, Vec::<String>::new());
    store.close().await;
    assert_eq!(
        backup_files(dir.path())[..2],
        [
            "trellis-20261124T090000Z-daily.sqlite3",
            "trellis-20261125T090000Z-daily.sqlite3"
        ]
    );
}

#[tokio::test]
async fn an_older_damaged_database_is_neither_backed_up_nor_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    build_at(dir.path(), 3).await;
    add_orphan_row(&db(dir.path())).await;
    let bytes = std::fs::read(db(dir.path())).unwrap();

    let damage = open_damaged(dir.path(), 26).await;
    assert!(std::fs::read(moved(dir.path(), &damage)).unwrap() == bytes);
    assert!(
        damage.explanation.starts_with(
            "Before upgrading your data for this version, Trellis checked it and found damage."
        ),
        "{}",
        damage.explanation
    );
    assert!(damage.explanation.ends_with(
        "No backup passes its check, so Trellis can start with an empty record; the damaged \
         file stays where it is, in case it can be repaired."
    ));
    assert_eq!(damage.newest_good_backup, None);
    assert_eq!(backup_files(dir.path()), Vec::<String>::new());
}

#[tokio::test]
async fn an_upgrade_whose_backup_cannot_be_made_leaves_the_data_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    build_at(dir.path(), 3).await;
    let bytes = std::fs::read(db(dir.path())).unwrap();
    // The backups folder cannot be created: a file has its name.
    std::fs::write(backups_dir(dir.path()), b"in the way").unwrap();

    let message = storage_message(open_data_dir(dir.path(), clock_on(26, 12)).await);
    assert!(
        message.starts_with(
            "Trellis needs to upgrade your data for this version, but could not save a copy of \
             it first, so it left your data as it was. Could not create the backups folder"
        ),
        "{message}"
    );
    assert!(
        std::fs::read(db(dir.path())).unwrap() == bytes,
        "the database file is unchanged"
    );
    assert!(!marker(dir.path()).exists());

    // Once a backup can be made, the same database upgrades.
    std::fs::remove_file(backups_dir(dir.path())).unwrap();
    let (store, notices) = open_ready(dir.path(), clock_on(26, 13)).await;
    assert!(
        notices[0].starts_with("Your data was upgraded"),
        "{notices:?}"
    );
    store.close().await;
}

#[tokio::test]
async fn restoring_after_damage_is_refused_while_a_database_is_in_place() {
    let dir = data_with_backups().await;
    let message = conflict(
        restore_after_damage(
            dir.path(),
            "trellis-20261125T090000Z-daily.sqlite3",
            clock_on(26, 12),
        )
        .await,
    );
    assert!(
        message.starts_with("There is already a database at"),
        "{message}"
    );
    let (store, _) = open_ready(dir.path(), clock_on(26, 12)).await;
    assert_eq!(report_names(&store).await, ["Ada Lovelace", "Grace Hopper"]);
    store.close().await;
}

#[tokio::test]
async fn journals_left_without_their_database_are_moved_aside_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{DB_FILE}-wal")), b"stray log").unwrap();
    let (store, _) = open_ready(dir.path(), clock_on(26, 12)).await;
    assert_eq!(report_names(&store).await, Vec::<String>::new());
    store.close().await;
    let aside = dir
        .path()
        .join(DAMAGED_DIR)
        .join("trellis-20261126T120000Z.sqlite3-wal");
    assert_eq!(std::fs::read(aside).unwrap(), b"stray log");
}

#[tokio::test]
async fn damage_found_by_the_daily_backup_is_set_aside_and_the_older_backups_kept() {
    let dir = data_with_backups().await;
    add_orphan_row(&db(dir.path())).await;
    let bytes = std::fs::read(db(dir.path())).unwrap();

    // A clean shutdown, so the start-up does not check; the day's backup does.
    let damage = open_damaged(dir.path(), 26).await;
    assert!(std::fs::read(moved(dir.path(), &damage)).unwrap() == bytes);
    assert!(
        damage.explanation.starts_with(
            "While making today's backup, Trellis found damage in your data and checked it \
             again: the damage is in the database itself."
        ),
        "{}",
        damage.explanation
    );
    assert_eq!(damage.problems.len(), 2, "{:?}", damage.problems);
    assert_eq!(
        backup_files(dir.path()),
        [
            "trellis-20261124T090000Z-daily.sqlite3",
            "trellis-20261125T090000Z-daily.sqlite3"
        ],
        "no copy of the damaged data was kept, none was removed"
    );
    assert_eq!(
        damage.newest_good_backup.unwrap().file_name,
        "trellis-20261125T090000Z-daily.sqlite3"
    );
    assert!(!marker(dir.path()).exists());
}
