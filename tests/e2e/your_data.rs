//! Trusting Trellis with the data, in the real window: links leave only for the system
//! browser; the day's backup is listed and restores; everything exports to an archive and
//! imports back through the native dialogs; and a damaged database is set aside and the
//! newest good backup restored from the recovery screen.

use std::path::Path;

use trellis_core::model::{EvidenceDraft, EvidenceKind, EvidenceRole, Link, RosterFilter};

use crate::harness::{App, Harness};
use crate::roster::{add_report, NewReport};
use crate::steps::nav;

const DOC: &str = "https://docs.example.com/ledger-design";
const OLD_WIKI: &str = "http://intranet.example.com/old-wiki";

/// The demo team, plus one evidence item with an https and an http link, in `data`. Returns
/// the report's id.
fn seed(data: &Path) -> String {
    let (runtime, store) = crate::steps::demo_store(data);
    runtime.block_on(async {
        let report = store
            .reports(RosterFilter::Active)
            .await
            .expect("reports")
            .into_iter()
            .next()
            .expect("a demo report");
        let draft = EvidenceDraft {
            title: "Ledger design review".into(),
            description: String::new(),
            started_on: "2025-01-06".into(),
            ended_on: String::new(),
            kind: Some(EvidenceKind::Project),
            role: Some(EvidenceRole::Led),
            co_owner_ids: vec![],
            impact: String::new(),
            links: vec![
                Link {
                    url: DOC.into(),
                    label: "Design doc".into(),
                },
                Link {
                    url: OLD_WIKI.into(),
                    label: "Old wiki".into(),
                },
            ],
            in_production_since: String::new(),
            archetype: None,
            work_mix: None,
            flagship: false,
        };
        store
            .create_evidence(&report.id, &draft)
            .await
            .expect("evidence");
        store.close().await;
        report.id.as_str().to_owned()
    })
}

fn go(app: &App, route: &str) {
    app.execute(&format!("location.hash = '#{route}'; return null;"))
        .unwrap();
}

#[test]
fn links_leave_for_the_browser_and_backups_archives_and_recovery_keep_the_data() {
    let harness = Harness::start();
    let data = harness.scratch("your-data");
    let report_id = seed(&data);
    let app = harness.launch(&data, "your-data");

    // An https link opens in the system browser; an http one is only text to copy.
    go(&app, &format!("/reports/{report_id}/evidence"));
    let open = app.wait_for("[data-testid=open-link]").unwrap();
    assert!(app.text(&open).unwrap().contains(DOC));
    assert_eq!(
        app.find_all("[data-testid=open-link]").unwrap().len(),
        1,
        "only the https link opens outside"
    );
    app.wait_for_text("body", OLD_WIKI).unwrap();
    app.click(&open).unwrap();
    app.wait("the browser to be asked for the link", || {
        Ok((harness.opened_links() == vec![DOC.to_owned()]).then_some(()))
    })
    .unwrap();
    assert_eq!(
        app.execute("return location.protocol + '//' + location.host;")
            .unwrap(),
        serde_json::json!("tauri://localhost"),
        "the window itself never follows a link"
    );

    // Start-up made today's backup; the backups screen lists it with what it holds.
    nav(&app, "/data");
    let row = app
        .wait_for_text("[data-testid=backup-row]", "Daily")
        .unwrap();
    let row_text = app.text(&row).unwrap();
    assert!(row_text.contains("reports"), "{row_text}");
    assert!(row_text.contains("evidence items"), "{row_text}");

    // Export everything through the native save dialog.
    let archive = harness.scratch("archives").join("everything.json");
    app.click(&app.button("Export everything…").unwrap())
        .unwrap();
    harness.save_as("Export everything", &archive);
    app.wait_for_text(
        ".mantine-Notification-description",
        &format!("Saved to {}", archive.display()),
    )
    .unwrap();
    let exported = std::fs::read_to_string(&archive).expect("the archive was written");
    assert!(
        exported.contains("\"format\": \"trellis.archive/1\""),
        "{}",
        &exported[..200.min(exported.len())]
    );
    assert!(exported.contains("Ledger design review"));

    // A report added after the backup is gone once the backup is restored, and the data
    // from just before the restore is kept as a backup of its own.
    nav(&app, "/roster");
    add_report(
        &app,
        &NewReport {
            name: "Katherine Johnson",
            current: "Staff",
            target: "Senior Staff",
            team: "Trajectories",
            since: "2022-02-01",
        },
    );
    nav(&app, "/data");
    let restore = app
        .wait_for("[data-testid=backup-row] button[aria-label^='Restore the backup made']")
        .unwrap();
    app.click(&restore).unwrap();
    app.click(&app.wait_for("[data-testid=confirm-restore]").unwrap())
        .unwrap();
    app.wait_for_text(
        ".mantine-Notification-description",
        "Restored the backup made",
    )
    .unwrap();
    app.wait_for_text("[data-testid=backups]", "Before a restore")
        .unwrap();
    nav(&app, "/roster");
    app.wait_for("[data-testid=roster-row]").unwrap();
    app.wait("the roster without the added report", || {
        Ok((!roster_text(&app).contains("Katherine Johnson")).then_some(()))
    })
    .unwrap();

    // Importing the archive replaces everything (after its own backup).
    nav(&app, "/roster");
    add_report(
        &app,
        &NewReport {
            name: "Dorothy Vaughan",
            current: "Staff",
            target: "Senior Staff",
            team: "Numerics",
            since: "2021-03-01",
        },
    );
    nav(&app, "/data");
    app.click(&app.button("Import an archive…").unwrap())
        .unwrap();
    app.click(&app.wait_for("[data-testid=choose-archive]").unwrap())
        .unwrap();
    harness.save_as("Import an archive", &archive);
    app.wait_for_text("[data-testid=import-summary]", "Imported")
        .unwrap();
    app.wait_for_text("[data-testid=backups]", "Before an import")
        .unwrap();
    nav(&app, "/roster");
    app.wait_for("[data-testid=roster-row]").unwrap();
    app.wait(
        "the roster without the report added before the import",
        || Ok((!roster_text(&app).contains("Dorothy Vaughan")).then_some(())),
    )
    .unwrap();
    app.quit();
    released(&data);

    // The database file is damaged on disk: at the next start Trellis does not open it; it is
    // set aside and the newest good backup offered instead.
    // (The killed app left its last writes in the WAL; they reach the file first, as they
    // would at the next checkpoint, so that the damage below is to data SQLite must read.)
    let db = data.join("trellis.sqlite3");
    checkpoint(&db);
    let mut bytes = std::fs::read(&db).expect("database");
    bytes[..100].copy_from_slice(&[0xA5; 100]);
    std::fs::write(&db, &bytes).expect("damage the database");
    let app = harness.launch(&data, "your-data-recovery");
    // A header that is not SQLite's could be a passphrase-protected file: Trellis asks first,
    // and a manager who never set one has the file set aside.
    app.wait_for("[data-testid=unlock]").unwrap();
    app.click(&app.button("I never set a passphrase…").unwrap())
        .unwrap();
    app.click(&app.button("Set the file aside").unwrap())
        .unwrap();
    let recovery = app.wait_for("[data-testid=recovery]").unwrap();
    let explanation = app.text(&recovery).unwrap();
    assert!(explanation.contains("damaged"), "{explanation}");
    assert!(
        data.join("damaged").is_dir(),
        "the damaged file is set aside"
    );
    // The newest good backup is the one made just before the import: it has Dorothy.
    let restore = app.wait_for("[data-testid=restore-newest-backup]").unwrap();
    assert!(app
        .text(&restore)
        .unwrap()
        .starts_with("Restore the backup made"));
    app.click(&restore).unwrap();
    nav(&app, "/roster");
    app.wait_for("[data-testid=roster-row]").unwrap();
    app.wait("the restored roster", || {
        Ok(roster_text(&app).contains("Dorothy Vaughan").then_some(()))
    })
    .unwrap();
}

/// Every roster row's text.
fn roster_text(app: &App) -> String {
    app.find_all("[data-testid=roster-row]")
        .unwrap_or_default()
        .iter()
        .map(|row| app.text(row).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Moves everything in the WAL into the database file, without opening it as the app does.
fn checkpoint(db: &Path) {
    use sqlx::Connection;
    let runtime = tokio::runtime::Runtime::new().expect("tokio");
    runtime.block_on(async {
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(db);
        let mut conn = sqlx::SqliteConnection::connect_with(&options)
            .await
            .expect("connect");
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut conn)
            .await
            .expect("checkpoint");
        conn.close().await.expect("close");
    });
}

#[test]
fn a_passphrase_protects_the_data_and_is_asked_for_at_every_start() {
    let harness = Harness::start();
    let data = harness.scratch("protected");
    seed(&data);
    let app = harness.launch(&data, "protected");

    // Protect the data from Your data.
    nav(&app, "/data");
    app.wait_for_text("[data-testid=encryption-status]", "not encrypted")
        .unwrap();
    app.fill("New passphrase", "correct horse battery").unwrap();
    app.fill("Repeat the new passphrase", "correct horse battery")
        .unwrap();
    app.click(&app.button("Protect with this passphrase").unwrap())
        .unwrap();
    app.wait_for_text(
        "[data-testid=encryption-status]",
        "encrypted with your passphrase",
    )
    .unwrap();
    app.quit();
    released(&data);
    let db = std::fs::read(data.join("trellis.sqlite3")).expect("database");
    assert!(
        !db.windows(b"Ledger design review".len())
            .any(|w| w == b"Ledger design review"),
        "an evidence title is readable in the database file"
    );

    // The next start asks for the passphrase; a wrong one is refused at its field.
    let app = harness.launch(&data, "protected-unlock");
    app.wait_for("[data-testid=unlock]").unwrap();
    app.fill("Passphrase", "wrong horse").unwrap();
    app.click(&app.button("Unlock").unwrap()).unwrap();
    app.wait_for_text("[data-testid=unlock]", "does not unlock")
        .unwrap();
    app.fill("Passphrase", "correct horse battery").unwrap();
    app.click(&app.button("Unlock").unwrap()).unwrap();
    nav(&app, "/roster");
    app.wait_for("[data-testid=roster-row]").unwrap();
    app.quit();
}

/// Waits until the quit app has let go of its data folder (the session ends before the
/// process does), so that the next start is not refused as a second window.
fn released(data: &Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while trellis_core::data_dir::lock(data).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "the quit app still holds {}",
            data.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn logging_out_with_the_app_open_closes_the_data_cleanly() {
    let harness = Harness::start();
    let data = harness.scratch("signals");
    seed(&data);
    let app = harness.launch(&data, "signals");
    app.wait_for("[data-testid=glance-row]").unwrap();
    let marker = data.join(trellis_core::opening::MARKER_FILE);
    assert!(marker.exists(), "a running app marks its session");

    // The desktop session ends (logout sends SIGTERM): the app closes its data as when its
    // window is closed, so the next start has nothing to report.
    let pid = app_process(&data);
    let killed = std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .expect("run kill");
    assert!(killed.success(), "kill -TERM {pid}");
    released(&data);
    assert!(!marker.exists(), "the session marker outlived a SIGTERM");
    drop(app);

    let app = harness.launch(&data, "signals-restart");
    app.wait_for("[data-testid=glance-row]").unwrap();
    let body = app.text(&app.wait_for("body").unwrap()).unwrap();
    assert!(
        !body.contains("did not close properly"),
        "a SIGTERM was reported as an unclean end: {body}"
    );
    app.quit();
}

/// The process id of the app running on `data` (its command line names the folder).
fn app_process(data: &Path) -> u32 {
    let wanted = data.as_os_str().as_encoded_bytes();
    let entries = std::fs::read_dir("/proc").expect("/proc");
    let found = entries.flatten().find_map(|entry| {
        let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
        let mut args = cmdline.split(|b| *b == 0);
        let program = args.next()?;
        (program.ends_with(b"/trellis") && args.any(|arg| arg == wanted)).then_some(pid)
    });
    found.unwrap_or_else(|| panic!("no trellis process runs on {}", data.display()))
}
