//! The command line is as careful as the window: a closed standard output ends it quietly,
//! and what it writes is its owner's only.

use std::process::Stdio;

use super::demo;

#[test]
fn a_closed_standard_output_ends_the_command_quietly() {
    let dir = demo();
    let mut child = super::cli_command(dir.path(), &["radar"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the command has opened the data (`| head -0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "quietly: {stderr}");
    assert_eq!(
        out.status.code(),
        Some(141),
        "as a Unix tool ended by SIGPIPE"
    );
}

#[test]
fn text_from_a_crafted_archive_is_escaped_in_errors() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let archive = files.path().join("archive.json");
    let out = super::cli(
        dir.path(),
        &["data", "export", "--out", archive.to_str().unwrap()],
    );
    assert!(out.status.success());
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&archive).unwrap()).unwrap();
    let forged = "\u{1b}[2J\ntrellis-cli: FORGED\u{202e}";
    doc["tables"][0]["rows"][0][forged] = serde_json::json!(1);
    doc[forged] = serde_json::json!(1);
    std::fs::write(&archive, serde_json::to_vec(&doc).unwrap()).unwrap();
    let out = super::cli(
        dir.path(),
        &["data", "import", archive.to_str().unwrap(), "--replace"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown field"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no escape sequence: {stderr:?}");
    assert!(
        !stderr.contains('\u{202e}'),
        "no direction override: {stderr:?}"
    );
    assert!(
        !stderr.lines().any(|l| l.starts_with("trellis-cli: FORGED")),
        "no forged line: {stderr}"
    );
    assert!(
        stderr.contains("\\u{1b}[2J\\ntrellis-cli: FORGED\\u{202e}"),
        "{stderr}"
    );
}

#[test]
fn names_match_in_any_script_and_an_ambiguous_one_is_refused_with_the_ids() {
    let dir = demo();
    // Any case, in any script.
    let out = super::cli(dir.path(), &["radar", "--report", "TOMÁS HERRERA"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A second report with the same name as one already there.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (first, second) = rt.block_on(async {
        let store = trellis_core::Store::open(dir.path()).await.unwrap();
        let reports = store
            .reports(trellis_core::model::RosterFilter::Active)
            .await
            .unwrap();
        let marcus = reports.iter().find(|r| r.name == "Marcus Okafor").unwrap();
        let twin = store
            .create_report(&trellis_core::model::ReportDraft {
                name: "marcus okafor".into(),
                current_level_id: Some(marcus.current_level.id.clone()),
                target_level_id: Some(marcus.target_level.id.clone()),
                team: "Search".into(),
                in_role_since: "2024-03-01".into(),
                archetype_worked: Some(trellis_core::model::Archetype::TechLead),
                archetype_needed: Some(trellis_core::model::Archetype::TechLead),
                team_strength: Some(trellis_core::model::TeamStrength::Strong),
                notes: String::new(),
                one_on_one_every_days: None,
            })
            .await
            .unwrap();
        store.close().await;
        (marcus.id.to_string(), twin.id.to_string())
    });
    let out = super::cli(dir.path(), &["radar", "--report", "Marcus Okafor"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 reports are named"), "{stderr}");
    assert!(
        stderr.contains(&first) && stderr.contains(&second),
        "{stderr}"
    );
    // The id picks one.
    let out = super::cli(dir.path(), &["radar", "--report", &second]);
    assert!(out.status.success());
}

/// The data directory's files and their bytes (the folder as a script leaves it). The bytes
/// of a `-shm` file are left out: it is SQLite's shared-memory index, which a reader updates
/// when the write-ahead log is still there (the data is not in it).
fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walk(dir)
        .into_iter()
        .map(|p| {
            let shm = p.to_string_lossy().ends_with("-shm");
            let bytes = if shm {
                Vec::new()
            } else {
                std::fs::read(&p).unwrap_or_default()
            };
            (p.strip_prefix(dir).unwrap().display().to_string(), bytes)
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
    files.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn read_commands_write_nothing_and_create_no_journal_files() {
    let dir = demo();
    let before = snapshot(dir.path());
    let files = tempfile::tempdir().unwrap();
    let notes = files.path().join("notes.md");
    let archive = files.path().join("archive.json");
    for args in [
        vec!["radar"],
        vec!["radar", "--cycle", "Winter calibration"],
        vec!["prep", "--report", "Marcus Okafor"],
        vec![
            "export",
            "--brief",
            "committee",
            "--report",
            "Marcus Okafor",
            "--format",
            "md",
            "--out",
            notes.to_str().unwrap(),
        ],
        vec!["data", "export", "--out", archive.to_str().unwrap()],
    ] {
        let out = super::cli(dir.path(), &args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = snapshot(dir.path());
        assert_eq!(
            names(&after),
            names(&before),
            "{args:?} created or removed files"
        );
        assert!(after == before, "{args:?} changed a file");
    }
}

#[test]
fn data_of_an_older_format_is_refused_by_reads_not_upgraded() {
    let dir = demo();
    // As a Trellis one version older left it: its newest data-format step not applied yet.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect_with(&trellis_core::store::connect_options(
            &dir.path().join(trellis_core::store::DB_FILE),
        ))
        .await
        .unwrap();
        sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    });
    for x in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(
            dir.path()
                .join(format!("{}{x}", trellis_core::store::DB_FILE)),
        );
    }
    let before = snapshot(dir.path());
    let out = super::cli(dir.path(), &["radar"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("open it in Trellis once to upgrade it"),
        "{stderr}"
    );
    assert!(snapshot(dir.path()) == before, "nothing was changed");
}

#[test]
fn an_import_is_refused_while_the_app_has_the_data_open_and_reads_still_work() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let archive = files.path().join("archive.json");
    assert!(super::cli(
        dir.path(),
        &["data", "export", "--out", archive.to_str().unwrap()]
    )
    .status
    .success());
    // The app's hold on the folder, as the window takes it.
    let lock = trellis_core::data_dir::lock(dir.path()).unwrap();
    let before = snapshot(dir.path());
    let out = super::cli(
        dir.path(),
        &["data", "import", archive.to_str().unwrap(), "--replace"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Trellis has the data in"), "{stderr}");
    assert!(stderr.contains("Quit it"), "{stderr}");
    assert!(snapshot(dir.path()) == before, "nothing was changed");
    assert!(
        super::cli(dir.path(), &["radar"]).status.success(),
        "reads work alongside"
    );
    drop(lock);
    let out = super::cli(
        dir.path(),
        &["data", "import", archive.to_str().unwrap(), "--replace"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn out_writes_only_regular_files_or_standard_output() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    for bad in ["/dev/null", "/dev/zero"] {
        let out = super::cli(
            dir.path(),
            &[
                "export",
                "--brief",
                "committee",
                "--report",
                "Marcus Okafor",
                "--format",
                "md",
                "--out",
                bad,
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
            "{bad}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device_like());
    // A link to a device is refused and stays a link.
    let link = files.path().join("notes.md");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = super::cli(
        dir.path(),
        &["data", "export", "--out", link.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    // A link to a regular file writes the file and keeps the link.
    let real = files.path().join("real.json");
    std::fs::write(&real, b"old").unwrap();
    let link2 = files.path().join("via-link.json");
    std::os::unix::fs::symlink(&real, &link2).unwrap();
    let out = super::cli(
        dir.path(),
        &["data", "export", "--out", link2.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::symlink_metadata(&link2)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read(&real).unwrap().starts_with(b"{"));
    // `-` streams the file itself to standard output, and nothing else.
    let out = super::cli(dir.path(), &["data", "export", "--out", "-"]);
    assert!(out.status.success());
    assert_eq!(out.stdout, std::fs::read(&real).unwrap());
    let out = super::cli(
        dir.path(),
        &[
            "export",
            "--brief",
            "committee",
            "--report",
            "Marcus Okafor",
            "--format",
            "pdf",
            "--out",
            "-",
        ],
    );
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"%PDF-"));
    assert!(out.stdout.ends_with(b"%%EOF\n") || out.stdout.ends_with(b"%%EOF"));
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn a_refused_import_changes_nothing_anywhere() {
    let files = tempfile::tempdir().unwrap();
    let bad = files.path().join("bad.json");
    std::fs::write(
        &bad,
        br#"{"format": "trellis.archive/1", "schemaVersion": 5, "tables": 7}"#,
    )
    .unwrap();
    // No data folder is created for a file that fails its check.
    let new_dir = files.path().join("new-data");
    let out = super::cli(&new_dir, &["data", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!new_dir.exists(), "no new data folder");
    // A folder with records: no backup is taken (or rotated away) for a refused file.
    let dir = demo();
    let before = snapshot(dir.path());
    for _ in 0..9 {
        let out = super::cli(
            dir.path(),
            &["data", "import", bad.to_str().unwrap(), "--replace"],
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was changed"));
    }
    let good = files.path().join("good.json");
    assert!(super::cli(
        dir.path(),
        &["data", "export", "--out", good.to_str().unwrap()]
    )
    .status
    .success());
    let out = super::cli(dir.path(), &["data", "import", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "records there and no --replace");
    let after = snapshot(dir.path());
    assert_eq!(names(&after), names(&before));
    let changed: Vec<&str> = after
        .iter()
        .zip(&before)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.as_str())
        .collect();
    assert!(changed.is_empty(), "nothing was changed, but: {changed:?}");
}

#[test]
fn an_import_with_a_passphrase_writes_encrypted_data_or_refuses() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let archive = files.path().join("archive.json");
    assert!(super::cli(
        dir.path(),
        &["data", "export", "--out", archive.to_str().unwrap()]
    )
    .status
    .success());
    let with_passphrase = |data: &std::path::Path, args: &[&str]| {
        super::cli_command(data, args)
            .env("TRELLIS_PASSPHRASE", "correct horse battery")
            .output()
            .unwrap()
    };
    // A new data directory is created encrypted.
    let new_dir = files.path().join("new-data");
    let out = with_passphrase(&new_dir, &["data", "import", archive.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = new_dir.join(trellis_core::store::DB_FILE);
    assert!(
        trellis_core::encryption::is_encrypted(&db).unwrap(),
        "written encrypted"
    );
    assert!(with_passphrase(&new_dir, &["radar"]).status.success());
    // Data that is not encrypted is not silently written in the clear with a passphrase given.
    let before = snapshot(dir.path());
    let out = with_passphrase(
        dir.path(),
        &["data", "import", archive.to_str().unwrap(), "--replace"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not encrypted"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(snapshot(dir.path()) == before);
}

/// `trellis-cli --passphrase-stdin ARGS` on `data`, the passphrase as standard input.
fn with_stdin_passphrase(
    data: &std::path::Path,
    args: &[&str],
    passphrase: &str,
) -> std::process::Output {
    use std::io::Write;
    let mut child = super::cli_command(data, &[&["--passphrase-stdin"], args].concat())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{passphrase}").unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn encrypted_data_is_read_without_journal_files_and_imported_with_a_passphrase_on_stdin() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let archive = files.path().join("archive.json");
    assert!(super::cli(
        dir.path(),
        &["data", "export", "--out", archive.to_str().unwrap()]
    )
    .status
    .success());
    // Encrypted data: a new folder imported with the passphrase on standard input.
    let secret = "correct horse battery";
    let data = files.path().join("encrypted");
    let out = with_stdin_passphrase(
        &data,
        &["data", "import", archive.to_str().unwrap()],
        secret,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        trellis_core::encryption::is_encrypted(&data.join(trellis_core::store::DB_FILE)).unwrap()
    );
    // Reads of encrypted data create nothing and change nothing.
    let before = snapshot(&data);
    let out = with_stdin_passphrase(&data, &["radar"], secret);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        snapshot(&data) == before,
        "a read of encrypted data changed the folder"
    );
    // Importing again into the existing encrypted data, passphrase read once from stdin.
    let out = with_stdin_passphrase(
        &data,
        &["data", "import", archive.to_str().unwrap(), "--replace"],
        secret,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_closed_output_while_streaming_a_file_ends_with_the_closed_output_status() {
    let dir = demo();
    let mut child = super::cli_command(dir.path(), &["data", "export", "--out", "-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(141),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_archive_with_a_word_the_app_does_not_know_is_refused_before_any_backup() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let archive = files.path().join("archive.json");
    assert!(super::cli(
        dir.path(),
        &["data", "export", "--out", archive.to_str().unwrap()]
    )
    .status
    .success());
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&archive).unwrap()).unwrap();
    let reports = doc["tables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == "reports")
        .unwrap();
    reports["rows"][0]["team_strength"] = serde_json::json!("medium");
    std::fs::write(&archive, serde_json::to_vec(&doc).unwrap()).unwrap();
    let before = snapshot(dir.path());
    for _ in 0..9 {
        let out = super::cli(
            dir.path(),
            &["data", "import", archive.to_str().unwrap(), "--replace"],
        );
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("reports[0].team_strength"), "{stderr}");
        assert!(stderr.contains("\"medium\""), "{stderr}");
    }
    assert!(
        snapshot(dir.path()) == before,
        "no backup taken, none rotated away"
    );
}
