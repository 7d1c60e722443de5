//! Encryption at rest, on real files: a marker written into a report's notes, an evidence
//! title and a 1:1 note never appears (byte search) in the database, its write-ahead log and
//! shared-memory file, or any backup, while the store is open and after it closes, before and
//! after a change of passphrase (a plaintext control shows the search finds it); a wrong
//! passphrase changes no byte and creates nothing; no passphrase on encrypted data is
//! `Locked`; turning encryption on, changing and turning it off convert every backup; the
//! archive round trip still gives the same bytes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use trellis_core::archive;
use trellis_core::backup::{self, backups_dir, BackupKind};
use trellis_core::clock::Clock;
use trellis_core::encryption::{self, is_encrypted};
use trellis_core::opening::{open_data_dir, open_data_dir_with, set_aside_unreadable, Opened};
use trellis_core::passphrase::Passphrase;
use trellis_core::store::DB_FILE;
use trellis_core::{Error, Store};

use crate::backups::{clock_on, report_names};
use crate::support::*;

const MARKER: &str = "ZEBRA-CANARY-7731";

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s).unwrap()
}

/// The database and its journals.
fn live_files(dir: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| dir.join(format!("{DB_FILE}{s}")))
        .collect()
}

fn backup_paths(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(backups_dir(dir))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn holds_marker(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes())
}

/// Every file (live and backups) that holds the marker.
fn files_with_marker(dir: &Path) -> Vec<PathBuf> {
    live_files(dir)
        .into_iter()
        .chain(backup_paths(dir))
        .filter(|p| holds_marker(p))
        .collect()
}

async fn open_with(dir: &Path, clock: Arc<dyn Clock>, p: Option<&Passphrase>) -> Store {
    match open_data_dir_with(dir, clock, p).await {
        Ok(Opened::Ready { store, .. }) => store,
        Ok(other) => panic!("expected the data to open, got {other:?}"),
        Err(e) => panic!("expected the data to open, got {e:?}"),
    }
}

/// The marker in a report's notes, an evidence title and a 1:1 note.
async fn write_marker(store: &Store) {
    let mut draft = draft_named(store, "Ada Lovelace").await;
    draft.notes = format!("Notes: {MARKER}");
    let ada = store.create_report(&draft).await.unwrap();
    store
        .create_evidence(&ada.id, &evidence_draft(&format!("Evidence {MARKER}")))
        .await
        .unwrap();
    let ones = store
        .create_meeting(&ada.id, &meeting_draft("2026-11-10"))
        .await
        .unwrap();
    store
        .add_note(
            &ones.meetings[0].id,
            &note_draft(&format!("1:1 {MARKER}"), true),
        )
        .await
        .unwrap();
}

fn passphrase_error<T: std::fmt::Debug>(result: trellis_core::Result<T>) -> String {
    match result {
        Err(e @ Error::Validation { .. }) => {
            assert_eq!(e.field_issues()[0].field, "passphrase", "{e:?}");
            e.to_string()
        }
        other => panic!("expected a validation error on passphrase, got {other:?}"),
    }
}

fn bytes_of(paths: &[PathBuf]) -> Vec<Option<Vec<u8>>> {
    paths.iter().map(|p| std::fs::read(p).ok()).collect()
}

/// The database file and its write-ahead log (the shared-memory file is only an index that
/// any reader may rebuild).
fn db_and_wal(dir: &Path) -> Vec<PathBuf> {
    vec![dir.join(DB_FILE), dir.join(format!("{DB_FILE}-wal"))]
}

#[test]
fn the_passphrase_is_checked_and_never_printed() {
    for bad in ["", "a\0b"] {
        let e = Passphrase::new(bad).unwrap_err();
        assert_eq!(e.field_issues()[0].field, "passphrase");
    }
    assert!(Passphrase::new("x".repeat(1025)).is_err());
    let p = pass("correct horse");
    assert_eq!(format!("{p:?}"), "Passphrase(…)");
}

#[tokio::test]
async fn the_marker_is_found_in_plaintext_but_never_in_encrypted_files() {
    // Control: without encryption the byte search finds the marker, in the live files and in
    // a backup.
    let plain = tempfile::tempdir().unwrap();
    let store = open_with(plain.path(), clock_on(24, 9), None).await;
    write_marker(&store).await;
    assert!(!live_files(plain.path())
        .iter()
        .filter(|p| holds_marker(p))
        .collect::<Vec<_>>()
        .is_empty());
    backup::take(&store, BackupKind::PreImport).await.unwrap();
    store.close().await;
    assert!(holds_marker(&plain.path().join(DB_FILE)));
    assert!(backup_paths(plain.path()).iter().any(|p| holds_marker(p)));

    // Encrypted from the first run: a missing database is created encrypted.
    let dir = tempfile::tempdir().unwrap();
    let p = pass("correct horse 'battery' staple");
    let store = open_with(dir.path(), clock_on(24, 9), Some(&p)).await;
    assert!(store.is_encrypted());
    write_marker(&store).await;
    assert!(dir.path().join(format!("{DB_FILE}-wal")).exists());
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
    backup::take(&store, BackupKind::PreImport).await.unwrap();
    store.close().await;
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
    assert!(is_encrypted(&dir.path().join(DB_FILE)).unwrap());

    // The next day's daily backup of the encrypted store is encrypted too.
    let store = open_with(dir.path(), clock_on(25, 9), Some(&p)).await;
    let backups = backup_paths(dir.path());
    assert!(backups
        .iter()
        .any(|b| b.to_string_lossy().contains("20261125")));
    for b in &backups {
        assert!(is_encrypted(b).unwrap(), "{}", b.display());
    }
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
    let listed = backup::list_with(dir.path(), Some(&p)).await.unwrap();
    assert!(listed.iter().all(|b| b.problem.is_none()), "{listed:#?}");
    store.close().await;

    // No passphrase: locked, nothing touched.
    let before = bytes_of(&live_files(dir.path()));
    match open_data_dir(dir.path(), clock_on(25, 10)).await {
        Ok(Opened::Locked { data_dir }) => assert_eq!(data_dir, dir.path()),
        other => panic!("expected Locked, got {other:?}"),
    }
    assert!(
        bytes_of(&live_files(dir.path())) == before,
        "nothing touched"
    );
}

#[tokio::test]
async fn a_wrong_passphrase_changes_no_byte_after_a_clean_close_or_a_killed_writer() {
    let dir = tempfile::tempdir().unwrap();
    let p = pass("right one");
    let store = open_with(dir.path(), clock_on(24, 9), Some(&p)).await;
    write_marker(&store).await;

    // A killed writer: the files as they are on disk while the store is open (database and
    // write-ahead log, and the session marker), copied elsewhere.
    let crashed = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), crashed.path().join(entry.file_name())).unwrap();
        }
    }
    store.close().await;
    assert!(crashed.path().join(format!("{DB_FILE}-wal")).exists());

    for data in [dir.path(), crashed.path()] {
        let files = db_and_wal(data);
        let before = bytes_of(&files);
        let message = passphrase_error(
            open_data_dir_with(data, clock_on(24, 10), Some(&pass("wrong one"))).await,
        );
        assert!(message.contains("does not unlock"), "{message}");
        assert!(message.contains("Nothing was changed"), "{message}");
        assert!(
            bytes_of(&files) == before,
            "bytes changed in {}",
            data.display()
        );
        assert!(!data.join(trellis_core::opening::DAMAGED_DIR).exists());

        let store = open_with(data, clock_on(24, 11), Some(&p)).await;
        assert_eq!(report_names(&store).await, ["Ada Lovelace"]);
        store.close().await;
    }

    // A passphrase for data that is not encrypted is refused too.
    let plain = tempfile::tempdir().unwrap();
    open_with(plain.path(), clock_on(24, 9), None)
        .await
        .close()
        .await;
    passphrase_error(open_data_dir_with(plain.path(), clock_on(24, 10), Some(&p)).await);
}

#[tokio::test]
async fn turning_encryption_on_changing_and_off_converts_the_data_and_every_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_with(dir.path(), clock_on(24, 9), None).await;
    write_marker(&store).await;
    // A backup taken before encryption holds the marker in plaintext.
    backup::take(&store, BackupKind::PreImport).await.unwrap();
    assert!(backup_paths(dir.path()).iter().any(|p| holds_marker(p)));

    let first = pass("first");
    let store = encryption::enable(store, &first).await.unwrap();
    assert!(store.is_encrypted());
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
    let backups = backup_paths(dir.path());
    assert!(backups.len() >= 3, "{backups:?}");
    for b in &backups {
        assert!(is_encrypted(b).unwrap(), "{}", b.display());
    }
    assert!(
        matches!(
            encryption::enable(store.clone(), &first).await,
            Err(Error::Conflict { .. })
        ),
        "already encrypted"
    );

    // Changing needs the current passphrase.
    let second = pass("second");
    let refused = encryption::change(store.clone(), &pass("not it"), &second).await;
    match refused {
        Err(e @ Error::Validation { .. }) => {
            assert_eq!(e.field_issues()[0].field, "currentPassphrase")
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    let store = encryption::change(store, &first, &second).await.unwrap();
    assert_eq!(report_names(&store).await, ["Ada Lovelace"]);
    store.close().await;
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
    passphrase_error(open_data_dir_with(dir.path(), clock_on(24, 10), Some(&first)).await);

    // Backups are readable with the new passphrase: listed with counts, and one restores.
    let store = open_with(dir.path(), clock_on(24, 11), Some(&second)).await;
    let listed = backup::list_with(dir.path(), Some(&second)).await.unwrap();
    assert!(listed.iter().all(|b| b.problem.is_none()), "{listed:#?}");
    let with_ada = listed
        .iter()
        .find(|b| {
            b.counts
                .iter()
                .any(|c| c.label == "Reports" && c.count == 1)
        })
        .expect("a backup holding the report");
    let old = backup::list(dir.path()).await.unwrap();
    assert!(
        old.iter().all(|b| b.problem.is_some()),
        "no passphrase, no check"
    );
    let restored = backup::restore(store, &with_ada.file_name).await.unwrap();
    let store = restored.store;
    assert!(store.is_encrypted());
    assert_eq!(report_names(&store).await, ["Ada Lovelace"]);
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());

    // Off again: plaintext everywhere (the marker is visible), no passphrase needed.
    let store = encryption::disable(store, &second).await.unwrap();
    assert!(!store.is_encrypted());
    store.close().await;
    assert!(holds_marker(&dir.path().join(DB_FILE)));
    for b in backup_paths(dir.path()) {
        assert!(!is_encrypted(&b).unwrap(), "{}", b.display());
    }
    let store = open_with(dir.path(), clock_on(24, 12), None).await;
    assert_eq!(report_names(&store).await, ["Ada Lovelace"]);
    let listed = backup::list(dir.path()).await.unwrap();
    assert!(listed.iter().all(|b| b.problem.is_none()), "{listed:#?}");
    store.close().await;
}

#[tokio::test]
async fn the_archive_round_trip_is_byte_identical_on_encrypted_stores() {
    let p = pass("archive");
    let a = tempfile::tempdir().unwrap();
    let source = open_with(a.path(), clock_on(24, 9), Some(&p)).await;
    write_marker(&source).await;
    let first = archive::export(&source).await.unwrap();
    let b = tempfile::tempdir().unwrap();
    let target = open_with(b.path(), clock_on(24, 9), Some(&p)).await;
    archive::import(&target, &first).await.unwrap();
    let second = archive::export(&target).await.unwrap();
    assert_eq!(first, second);
    source.close().await;
    target.close().await;
    assert_eq!(files_with_marker(b.path()), Vec::<PathBuf>::new());
}

#[tokio::test]
async fn an_unreadable_header_is_locked_and_can_be_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_with(dir.path(), clock_on(24, 9), None).await;
    add_report(&store, "Grace Hopper").await;
    store.close().await;
    let db = dir.path().join(DB_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&db, &bytes).unwrap();
    assert!(is_encrypted(&db).unwrap());
    assert!(matches!(
        open_data_dir(dir.path(), clock_on(24, 10)).await,
        Ok(Opened::Locked { .. })
    ));
    let damage = set_aside_unreadable(dir.path(), clock_on(24, 10).as_ref())
        .await
        .unwrap();
    assert!(!db.exists());
    assert!(
        std::fs::read(&damage.moved_to).unwrap() == bytes,
        "moved unchanged"
    );
    let offered = damage
        .newest_good_backup
        .expect("the day's backup is offered");
    assert!(offered.counts.iter().any(|c| c.label == "Reports"));
}

#[tokio::test]
async fn a_backup_that_cannot_be_converted_stops_everything_before_anything_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_with(dir.path(), clock_on(24, 9), None).await;
    write_marker(&store).await;
    let bad = backups_dir(dir.path()).join("trellis-20261120T000000Z-daily.sqlite3");
    std::fs::write(&bad, b"these are not the pages you are looking for").unwrap();

    let failed = encryption::enable(store.clone(), &pass("new one")).await;
    match failed {
        Err(Error::Storage { message }) => {
            assert!(
                message.contains("trellis-20261120T000000Z-daily.sqlite3"),
                "{message}"
            );
            assert!(message.contains("nothing was changed"), "{message}");
        }
        other => panic!("expected a storage error, got {other:?}"),
    }
    // Nothing changed: the store is open and usable, the database is not encrypted, and no
    // temp file is left behind.
    assert!(!store.is_encrypted());
    add_report(&store, "Grace Hopper").await;
    assert!(!is_encrypted(&dir.path().join(DB_FILE)).unwrap());
    let leftovers: Vec<PathBuf> = live_files(dir.path())
        .into_iter()
        .chain(backup_paths(dir.path()))
        .chain(
            std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().path()),
        )
        .filter(|p| p.to_string_lossy().contains(".partial-"))
        .collect();
    assert_eq!(leftovers, Vec::<PathBuf>::new());

    // Once the bad file is removed, encryption goes through.
    std::fs::remove_file(&bad).unwrap();
    let store = encryption::enable(store, &pass("new one")).await.unwrap();
    assert_eq!(report_names(&store).await, ["Ada Lovelace", "Grace Hopper"]);
    store.close().await;
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
}

/// The right passphrase on a damaged encrypted file is not taken for a wrong one: the header
/// page decrypts, so the damage further in is damage, set aside with a backup offered.
#[tokio::test]
async fn damage_behind_a_readable_header_is_damage_not_a_wrong_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let p = pass("tea kettle");
    let store = open_with(dir.path(), clock_on(24, 9), None).await;
    write_marker(&store).await;
    let store = encryption::enable(store, &p).await.unwrap();
    store.close().await;
    // An unclean end (the session marker is left), and every page after the first damaged.
    std::fs::write(dir.path().join(trellis_core::opening::MARKER_FILE), b"").unwrap();
    let db = dir.path().join(DB_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 3 * 4096, "a file of several pages");
    bytes[4096..].fill(0xA5);
    std::fs::write(&db, &bytes).unwrap();

    // A wrong passphrase is still refused as one, and changes nothing.
    passphrase_error(open_data_dir_with(dir.path(), clock_on(24, 10), Some(&pass("wrong"))).await);
    assert!(std::fs::read(&db).unwrap() == bytes, "nothing changed");
    match open_data_dir_with(dir.path(), clock_on(24, 10), Some(&p)).await {
        Ok(Opened::Damaged(damage)) => {
            assert!(
                std::fs::read(&damage.moved_to).unwrap() == bytes,
                "moved unchanged"
            );
            assert!(damage.newest_good_backup.is_some(), "a backup is offered");
        }
        other => panic!("expected the damage to be found, got {other:?}"),
    }
}
