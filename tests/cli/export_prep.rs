//! `trellis-cli export` and `trellis-cli prep` on the demo data: real files, real Markdown.

use std::path::{Path, PathBuf};

use super::{cli, demo};

const MANAGER: &str = "Manager's brief, for you and not the committee: it lists the radar's \
                       risks. Private 1:1 notes and non-quotable mentee feedback are not included.";
const COMMITTEE: &str = "Committee brief: the case for each candidate, to hand to the committee. \
                         It holds no radar risks, no private 1:1 notes and no mentee feedback \
                         that is not marked quotable.";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "stderr: {}", stderr(out));
    String::from_utf8(out.stdout.clone()).expect("UTF-8 on stdout")
}

/// Runs `export` with `args` into `file`, checks it printed the path, returns the bytes.
fn export(dir: &Path, file: &Path, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export", "--out", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = cli(dir, &all);
    assert_eq!(stdout(&out).trim_end(), file.display().to_string());
    std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The files in a directory, except SQLite's own WAL companions.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    names.sort();
    names
}

#[test]
fn export_writes_each_format_for_a_cycle_and_a_report() {
    let dir = demo();
    let out = tempfile::tempdir().unwrap();
    let before = listing(dir.path());
    let radar_before = cli(dir.path(), &["radar", "--as-of", "2026-11-24"]).stdout;
    for (brief, line, document) in [
        ("committee", COMMITTEE, "Committee brief"),
        ("manager", MANAGER, "Manager's brief"),
    ] {
        for (scope, wanted, subject) in [
            ("--cycle", "Winter calibration", "Winter calibration"),
            ("--report", "marcus okafor", "Marcus Okafor"),
        ] {
            let stem = format!("{brief}-{}", &scope[2..]);
            let md = export(
                dir.path(),
                &out.path().join(format!("{stem}.md")),
                &["--brief", brief, scope, wanted, "--format", "md"],
            );
            assert_eq!(first_line(&md), line);
            let text = String::from_utf8(md).unwrap();
            assert!(text.contains(&format!("# {document}: {subject}")), "{text}");
            assert!(text.contains("## Marcus Okafor"), "{text}");
            assert!(
                !text.contains("### Private 1:1 notes"),
                "no private notes unless asked"
            );
            // Risks are the manager's: only in the manager's brief.
            assert_eq!(text.contains("### Signals"), brief == "manager", "{text}");

            let html = export(
                dir.path(),
                &out.path().join(format!("{stem}.html")),
                &["--brief", brief, scope, wanted, "--format", "html"],
            );
            let html = String::from_utf8(html).unwrap();
            assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
            assert!(html.contains(&line.replace('\'', "&#39;")));

            let pdf = export(
                dir.path(),
                &out.path().join(format!("{stem}.pdf")),
                &["--brief", brief, scope, wanted, "--format", "pdf"],
            );
            assert!(pdf.starts_with(b"%PDF"), "a PDF file");
        }
    }
    assert_eq!(
        listing(dir.path()),
        before,
        "nothing is added to the data directory"
    );
    assert_eq!(
        cli(dir.path(), &["radar", "--as-of", "2026-11-24"]).stdout,
        radar_before,
        "the record is unchanged"
    );
}

#[test]
fn private_content_appears_only_when_asked_and_the_first_line_says_so() {
    let dir = demo();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("marcus.md");
    let args = [
        "--brief",
        "manager",
        "--report",
        "Marcus Okafor",
        "--format",
        "md",
        "--as-of",
        "2026-11-24",
    ];

    let plain = String::from_utf8(export(dir.path(), &file, &args)).unwrap();
    assert_eq!(first_line(plain.as_bytes()), MANAGER);
    assert!(!plain.contains("### Private 1:1 notes"));

    let private = String::from_utf8(export(
        dir.path(),
        &file,
        &[&args[..], &["--include-private-notes"]].concat(),
    ))
    .unwrap();
    let first = first_line(private.as_bytes());
    assert!(
        first.starts_with("Manager's brief") && first.contains("CONTAINS PRIVATE 1:1 NOTES"),
        "{first}"
    );
    assert!(
        first.contains("Non-quotable mentee feedback is not included"),
        "{first}"
    );
    assert!(private.contains("### Private 1:1 notes"), "{private}");

    let both = export(
        dir.path(),
        &file,
        &[
            &args[..],
            &["--include-private-notes", "--include-non-quotable"],
        ]
        .concat(),
    );
    assert!(
        first_line(&both).contains("CONTAINS PRIVATE 1:1 NOTES AND NON-QUOTABLE MENTEE FEEDBACK"),
        "{}",
        first_line(&both)
    );

    // The same record, date and options give the same bytes (the file is replaced whole).
    let again = String::from_utf8(export(dir.path(), &file, &args)).unwrap();
    assert_eq!(again, plain);
}

#[test]
fn export_says_which_brief_it_wrote_and_the_committee_brief_refuses_private_content() {
    let dir = demo();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("brief.md");
    let path = file.to_str().unwrap();
    let base = [
        "export",
        "--cycle",
        "Winter calibration",
        "--format",
        "md",
        "--out",
        path,
        "--brief",
    ];
    for (brief, said) in [
        ("committee", "Wrote the committee brief."),
        ("manager", "Wrote the manager's brief."),
    ] {
        let run = cli(dir.path(), &[&base[..], &[brief]].concat());
        assert!(run.status.success(), "{}", stderr(&run));
        assert_eq!(stderr(&run).trim_end(), said);
    }
    std::fs::remove_file(&file).unwrap();
    for (flag, what) in [
        ("--include-private-notes", "private 1:1 notes"),
        ("--include-non-quotable", "non-quotable mentee feedback"),
    ] {
        let run = cli(dir.path(), &[&base[..], &["committee", flag]].concat());
        assert_eq!(run.status.code(), Some(1));
        let err = stderr(&run);
        assert!(
            err.contains(&format!(
                "{flag}: The committee brief never includes {what}"
            )),
            "{err}"
        );
        assert!(!file.exists(), "nothing written");
    }
}

#[test]
fn export_refuses_bad_input_without_writing() {
    let dir = demo();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("notes.md");
    let path = file.to_str().unwrap();

    let unknown = cli(
        dir.path(),
        &[
            "export",
            "--brief",
            "committee",
            "--report",
            "Nobody",
            "--format",
            "md",
            "--out",
            path,
        ],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no report named or with id \"Nobody\""));
    let unknown_cycle = cli(
        dir.path(),
        &[
            "export",
            "--brief",
            "committee",
            "--cycle",
            "Autumn",
            "--format",
            "md",
            "--out",
            path,
        ],
    );
    assert_eq!(unknown_cycle.status.code(), Some(1));
    assert!(stderr(&unknown_cycle).contains("no cycle named"));

    let folder = cli(
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
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(folder.status.code(), Some(1));
    assert!(
        stderr(&folder).contains("is a directory"),
        "{}",
        stderr(&folder)
    );

    let db = dir.path().join(trellis_core::store::DB_FILE);
    let clobber = cli(
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
            db.to_str().unwrap(),
        ],
    );
    assert_eq!(clobber.status.code(), Some(1));
    assert!(stderr(&clobber).contains("inside the data directory"));

    let bad_date = cli(
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
            path,
            "--as-of",
            "2026-13-01",
        ],
    );
    assert_eq!(bad_date.status.code(), Some(1));
    assert!(stderr(&bad_date).contains("--as-of"));

    for usage in [
        vec![
            "export",
            "--brief",
            "committee",
            "--report",
            "Marcus Okafor",
            "--out",
            path,
        ],
        vec![
            "export",
            "--brief",
            "committee",
            "--format",
            "md",
            "--out",
            path,
        ],
        vec![
            "export",
            "--brief",
            "committee",
            "--report",
            "Marcus Okafor",
            "--format",
            "docx",
            "--out",
            path,
        ],
        vec![
            "export",
            "--brief",
            "committee",
            "--report",
            "Marcus Okafor",
            "--format",
            "md",
        ],
        // Which document is always said.
        vec![
            "export",
            "--report",
            "Marcus Okafor",
            "--format",
            "md",
            "--out",
            path,
        ],
        vec![
            "export",
            "--brief",
            "both",
            "--report",
            "Marcus Okafor",
            "--format",
            "md",
            "--out",
            path,
        ],
        vec![
            "export",
            "--brief",
            "committee",
            "--report",
            "a",
            "--cycle",
            "b",
            "--format",
            "md",
            "--out",
            path,
        ],
    ] {
        let run = cli(dir.path(), &usage);
        assert_eq!(run.status.code(), Some(2), "{usage:?}: {}", stderr(&run));
    }
    assert!(!file.exists(), "no file after a failure");

    let empty = tempfile::tempdir().unwrap();
    let missing = cli(
        empty.path(),
        &[
            "export",
            "--brief",
            "committee",
            "--report",
            "Marcus Okafor",
            "--format",
            "md",
            "--out",
            path,
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no Trellis data"));
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "nothing is created"
    );
}

#[test]
fn prep_prints_markdown_and_the_same_date_gives_the_same_output() {
    let dir = demo();
    let args = ["prep", "--report", "Marcus Okafor", "--as-of", "2026-11-24"];
    let first = stdout(&cli(dir.path(), &args));
    assert!(first.starts_with("# 1:1 prep: Marcus Okafor\n"), "{first}");
    assert!(first.contains("as of 2026-11-24"), "{first}");
    assert!(first.contains("\n## Questions to ask\n"), "{first}");
    assert!(first.contains("\n1. "), "at least one question: {first}");
    assert!(first.ends_with('\n') && !first.ends_with("\n\n"));
    let second = stdout(&cli(dir.path(), &args));
    assert_eq!(first, second, "same record and date, same output");

    let by_id = {
        let doc: serde_json::Value = serde_json::from_str(&stdout(&cli(
            dir.path(),
            &["radar", "--report", "Marcus Okafor"],
        )))
        .unwrap();
        doc["reports"][0]["reportId"].as_str().unwrap().to_owned()
    };
    let third = stdout(&cli(
        dir.path(),
        &["prep", "--report", &by_id, "--as-of", "2026-11-24"],
    ));
    assert_eq!(third, first, "by id or by name, the same report");

    let unknown = cli(dir.path(), &["prep", "--report", "Nobody"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no report named"));
    assert_eq!(cli(dir.path(), &["prep"]).status.code(), Some(2));
}
