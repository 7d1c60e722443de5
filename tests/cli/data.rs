//! `trellis-cli data export` / `data import` (docs/archive-json.md): the round trip through a
//! file gives the same bytes, a data directory with records is only replaced on request, and a
//! bad file exits 1 naming the record and the field, changing nothing.

use std::path::Path;
use std::process::Output;

use serde_json::{json, Value};

use super::{cli, demo};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "stderr: {}", stderr(out));
    String::from_utf8(out.stdout.clone()).expect("UTF-8 on stdout")
}

/// Runs `data export --out file` on `dir`, checks it printed the path, returns the bytes.
fn export(dir: &Path, file: &Path) -> Vec<u8> {
    let out = cli(dir, &["data", "export", "--out", file.to_str().unwrap()]);
    assert_eq!(stdout(&out).trim_end(), file.display().to_string());
    std::fs::read(file).unwrap()
}

fn import(dir: &Path, file: &Path, replace: bool) -> Output {
    let mut args = vec!["data", "import", file.to_str().unwrap()];
    if replace {
        args.push("--replace");
    }
    cli(dir, &args)
}

/// The count a successful import printed for `table`.
fn printed_rows(stdout: &str, table: &str) -> u64 {
    stdout
        .lines()
        .find_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some(table)).then(|| words.next()?.parse().ok())?
        })
        .unwrap_or_else(|| panic!("no count for {table} in {stdout}"))
}

#[test]
fn export_import_into_an_empty_directory_and_export_again_gives_the_same_bytes() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let first = export(dir.path(), &files.path().join("first.json"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(files.path().join("first.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let empty = tempfile::tempdir().unwrap();
    let target = empty.path().join("new data dir");
    let out = import(&target, &files.path().join("first.json"), false);
    let printed = stdout(&out);
    assert!(printed.starts_with("Imported "), "{printed}");
    assert_eq!(printed_rows(&printed, "reports"), 6);
    let doc: Value = serde_json::from_slice(&first).unwrap();
    for table in doc["tables"].as_array().unwrap() {
        let name = table["name"].as_str().unwrap();
        let rows = table["rows"].as_array().unwrap().len() as u64;
        assert_eq!(printed_rows(&printed, name), rows, "{name}");
    }

    let second = export(&target, &files.path().join("second.json"));
    assert!(first == second, "the second export differs from the first");

    // The imported data is the demo's: the radar reads it.
    let radar = cli(&target, &["radar", "--report", "Marcus Okafor"]);
    assert!(radar.status.success(), "{}", stderr(&radar));
}

#[test]
fn a_directory_with_records_is_replaced_only_with_replace() {
    let source = demo();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("archive.json");
    let archive = export(source.path(), &file);

    let other = demo();
    let before = export(other.path(), &files.path().join("before.json"));
    let refused = import(other.path(), &file, false);
    assert_eq!(refused.status.code(), Some(1));
    let says = stderr(&refused);
    assert!(says.contains("already holds Trellis data"), "{says}");
    assert!(says.contains("--replace"), "{says}");
    assert!(says.contains("Nothing was changed"), "{says}");
    assert!(before == export(other.path(), &files.path().join("after.json")));

    let replaced = import(other.path(), &file, true);
    assert_eq!(printed_rows(&stdout(&replaced), "reports"), 6);
    assert!(archive == export(other.path(), &files.path().join("replaced.json")));

    // What was replaced is kept as a pre-import backup, and that backup holds the old data.
    let said = stdout(&replaced);
    let copy = said
        .lines()
        .find_map(|l| l.strip_prefix("The data it replaced is in "))
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("no backup named in: {said}"));
    assert!(copy.ends_with("-pre-import.sqlite3"), "{copy}");
    let restored = tempfile::tempdir().unwrap();
    std::fs::copy(copy, restored.path().join("trellis.sqlite3")).unwrap();
    assert!(before == export(restored.path(), &files.path().join("restored.json")));
}

#[test]
fn a_bad_file_exits_1_naming_the_record_and_field_and_changes_nothing() {
    let dir = demo();
    let files = tempfile::tempdir().unwrap();
    let before = export(dir.path(), &files.path().join("before.json"));
    let mut doc: Value = serde_json::from_slice(&before).unwrap();
    let reports = doc["tables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == "reports")
        .unwrap()["rows"]
        .as_array_mut()
        .unwrap();
    let id = reports[3]["id"].as_str().unwrap().to_owned();
    reports[3]["team"] = json!(5);
    let bad = files.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

    let out = import(dir.path(), &bad, true);
    assert_eq!(out.status.code(), Some(1));
    let says = stderr(&out);
    assert!(says.contains("nothing was changed"), "{says}");
    assert!(says.contains("reports[3].team"), "{says}");
    assert!(
        says.contains(&format!(
            "Record reports[3] (id {id}) has the number 5 in team"
        )),
        "{says}"
    );
    assert!(before == export(dir.path(), &files.path().join("after.json")));

    // Into a data directory that does not exist yet: nothing is created.
    let empty = tempfile::tempdir().unwrap();
    let target = empty.path().join("never");
    let out = import(&target, &bad, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("reports[3].team"));
    assert!(
        !target.exists(),
        "a refused import creates no data directory"
    );

    // Not an archive at all.
    std::fs::write(&bad, "name,team\nAda,Payments\n").unwrap();
    let out = import(dir.path(), &bad, true);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("file: The file is not valid JSON"));
}

#[test]
fn export_refuses_a_directory_without_data_or_a_file_inside_it() {
    let dir = demo();
    let inside = dir.path().join("archive.json");
    let out = cli(
        dir.path(),
        &["data", "export", "--out", inside.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("inside the data directory"));
    assert!(!inside.exists());

    let empty = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let out = cli(
        empty.path(),
        &[
            "data",
            "export",
            "--out",
            files.path().join("a.json").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no Trellis data"));

    let missing = cli(dir.path(), &["data", "import"]);
    assert_eq!(missing.status.code(), Some(2), "FILE is required");
}
