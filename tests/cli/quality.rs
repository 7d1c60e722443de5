//! `trellis-cli radar-quality`: runs a corpus of histories in temporary data directories and
//! prints the Markdown table; `--check` exits 1 when the radar fails the corpus.

use std::path::Path;
use std::process::Command;

const HISTORY: &str = r#"history: One candidate

on 2026-01-05:
  person "Morgan Avery": skip-level
  report "Ada Lovelace": "Staff" to "Senior Staff"; works as architect
  mandate of "Ada Lovelace": "Own the ledger"; priority "Reliability"; review by 2027-01-31
  advocate "Morgan Avery" for "Ada Lovelace": strong
  cycle "H2 2026": opens 2026-01-01; packet due 2026-09-15; calibration 2026-10-15;
      committee "Morgan Avery"
  candidate "Ada Lovelace" in "H2 2026"

expect "Ada Lovelace":
  packet.no_draft expected EXPECTED
"#;

fn corpus(expected: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("one.history"),
        HISTORY.replace("EXPECTED", expected),
    )
    .unwrap();
    dir
}

fn quality(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_trellis-cli"))
        .arg("--data-dir")
        .arg(data)
        .arg("radar-quality")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn radar_quality_prints_the_table_and_never_touches_the_data_directory() {
    let dir = corpus("on the packet draft deadline");
    let data = tempfile::tempdir().unwrap();
    let out = quality(data.path(), &[dir.path().to_str().unwrap(), "--check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("Corpus: `"), "{stdout}");
    assert!(stdout.contains(
        "| problem | expected by | first flagged | rule | severity | lead days | verdict |"
    ));
    assert!(
        stdout.contains("| Ada Lovelace: No packet draft | 2026-06-15 (not earlier) | 2026-06-15 | `packet.no_draft` | high | 122 | on time |"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
}

#[test]
fn radar_quality_check_fails_when_a_problem_is_flagged_late() {
    let dir = corpus("by 2026-05-01");
    let data = tempfile::tempdir().unwrap();
    let out = quality(data.path(), &[dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "without --check it only reports");
    assert!(String::from_utf8_lossy(&out.stdout).contains("| LATE |"));
    let out = quality(data.path(), &[dir.path().to_str().unwrap(), "--check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("one.history:13: Ada Lovelace packet.no_draft: flagged late, on 2026-06-15 (expected by 2026-05-01)"),
        "{stderr}"
    );
}

#[test]
fn radar_quality_names_a_broken_history_by_file_and_line() {
    let dir = corpus("by 2026-13-01");
    let data = tempfile::tempdir().unwrap();
    let out = quality(data.path(), &[dir.path().to_str().unwrap(), "--check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("one.history:13: `2026-13-01` is neither a YYYY-MM-DD date nor a deadline"),
        "{stderr}"
    );
}
