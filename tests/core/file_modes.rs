//! Nobody else on the machine can read the data: after every kind of write (open, backup,
//! export, archive import, restore, encryption on / changed / off, a damaged file set aside,
//! an empty start) every folder under the data directory is 0700 and every file 0600, and so
//! is every file written outside it. A data folder that others could read is tightened when
//! Trellis opens it, with one notice.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use trellis_core::backup::{self, BackupKind};
use trellis_core::data_dir;
use trellis_core::encryption;
use trellis_core::opening::{set_aside_unreadable, start_empty_after_damage};
use trellis_core::passphrase::Passphrase;
use trellis_core::store::DB_FILE;

use crate::backups::{clock_on, open_ready};
use crate::support::*;

/// A typical desktop session's umask (022): files come out 0644 unless Trellis says otherwise.
/// The test sets it so that it fails when a write path relies on a stricter umask by chance.
fn usual_umask() {
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
}

/// Every path under `dir` (and `dir`) whose mode is not the owner's only, with its mode.
fn readable_by_others(dir: &Path) -> Vec<(PathBuf, u32)> {
    let mut open = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(p) = stack.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        if meta.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
        if mode & 0o077 != 0 {
            open.push((p, mode));
        }
    }
    open.sort();
    open
}

fn assert_private(dir: &Path, after: &str) {
    let open = readable_by_others(dir);
    assert!(
        open.is_empty(),
        "after {after}, readable by others: {:?}",
        open.iter()
            .map(|(p, m)| format!("{} {m:o}", p.strip_prefix(dir).unwrap_or(p).display()))
            .collect::<Vec<_>>()
    );
}

fn passphrase(s: &str) -> Passphrase {
    Passphrase::new(s).unwrap()
}

#[tokio::test]
async fn every_write_leaves_the_data_readable_by_its_owner_only() {
    usual_umask();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("data");
    let outside = root.path().join("exports");
    std::fs::create_dir(&outside).unwrap();

    // The app's hold on the folder, then the safe open (database, journals, marker, daily
    // backup).
    let lock = data_dir::lock(&dir).unwrap();
    let (store, _) = open_ready(&dir, clock_on(24, 9)).await;
    let draft = valid_draft(&store).await;
    store.create_report(&draft).await.unwrap();
    assert_private(&dir, "opening the data");

    let taken = backup::take(&store, BackupKind::PreImport).await.unwrap();
    assert_private(&dir, "a backup");

    // Files written outside the data folder: an archive and calibration notes.
    let archive = outside.join("trellis-archive.json");
    trellis_core::archive::export_to_file(&store, &archive)
        .await
        .unwrap();
    trellis_core::export::write::write_atomically(&outside.join("notes.md"), b"# Notes\n").unwrap();
    for file in ["trellis-archive.json", "notes.md"] {
        let mode = trellis_core::files::mode(&outside.join(file)).unwrap();
        assert_eq!(mode, Some(0o600), "{file}, written outside the data folder");
    }

    let bytes = std::fs::read(&archive).unwrap();
    trellis_core::archive::import(&store, &bytes).await.unwrap();
    assert_private(&dir, "an archive import");

    let restored = backup::restore(store, &taken.file_name).await.unwrap();
    assert_private(&dir, "a restore");

    let store = encryption::enable(restored.store, &passphrase("correct horse"))
        .await
        .unwrap();
    assert_private(&dir, "turning encryption on");
    let store = encryption::change(
        store,
        &passphrase("correct horse"),
        &passphrase("battery staple"),
    )
    .await
    .unwrap();
    assert_private(&dir, "changing the passphrase");
    let store = encryption::disable(store, &passphrase("battery staple"))
        .await
        .unwrap();
    assert_private(&dir, "turning encryption off");
    store.close().await;
    drop(lock);

    // A damaged database set aside, then an empty start.
    let db = dir.join(DB_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&db, &bytes).unwrap();
    set_aside_unreadable(&dir, clock_on(24, 10).as_ref())
        .await
        .unwrap();
    assert_private(&dir, "setting a damaged database aside");
    let store = start_empty_after_damage(&dir, clock_on(24, 10))
        .await
        .unwrap();
    store.close().await;
    assert_private(&dir, "starting empty");
}

#[tokio::test]
async fn a_folder_others_can_read_is_tightened_on_open_with_one_notice() {
    usual_umask();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("data");
    let (store, _) = open_ready(&dir, clock_on(24, 9)).await;
    store.close().await;
    // As an older Trellis left it: folder 0755, files 0644.
    let mut stack = vec![dir.clone()];
    while let Some(p) = stack.pop() {
        let mode = if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            0o755
        } else {
            0o644
        };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    assert!(!readable_by_others(&dir).is_empty());

    let (store, notices) = open_ready(&dir, clock_on(24, 10)).await;
    store.close().await;
    assert_private(&dir, "opening a folder others could read");
    let told: Vec<_> = notices
        .iter()
        .filter(|n| n.contains("readable by you only"))
        .collect();
    assert_eq!(told.len(), 1, "{notices:?}");
    assert!(told[0].contains(&dir.display().to_string()), "{told:?}");

    let (store, notices) = open_ready(&dir, clock_on(24, 11)).await;
    store.close().await;
    assert!(
        notices.iter().all(|n| !n.contains("readable by you only")),
        "said once: {notices:?}"
    );
}
