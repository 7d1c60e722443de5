//! The three renderers of calibration notes (Markdown, HTML, PDF) on a fixed document: golden
//! files, escaping of hostile user text, the HTML checker, and the PDF read back with poppler.
//!
//! Goldens live in tests/core/golden/; `UPDATE_GOLDEN=1 cargo test -p trellis-core --test core
//! export_` rewrites them. The HTML and PDF checks need Java (vnu.jar from ui/node_modules)
//! and poppler-utils, which ./scripts/test installs; without them these tests fail.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use trellis_core::export::notes::{
    AdvocateNotes, ArchetypeFit, Brief, CalibrationNotes, ChecklistNotes, EvidenceNotes,
    FeedbackCounts, ManagerOnly, MandateNotes, MentorshipNotes, PrivateNote, QuoteNotes,
    ReportNotes, ReviewNotes, SeenNotes, SignalNotes, SummaryRow,
};
use trellis_core::export::{html, markdown, pdf};

const PRIVACY: &str = "CONTAINS PRIVATE 1:1 NOTES AND NON-QUOTABLE MENTEE FEEDBACK, included on \
                       purpose by the manager: do not share.";
const MARKDOWN_TRAP: &str = "*not bold* [x](javascript:alert(1)) <script>alert(1)</script>";
const XSS: [&str; 5] = [
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=x>",
    "<embed src=x>",
    "javascript:alert(1)",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn evidence(title: &str) -> EvidenceNotes {
    EvidenceNotes {
        title: title.to_owned(),
        flagship: false,
        kind: "Project".to_owned(),
        role: "Co-led".to_owned(),
        period: "since 2026-06-01".to_owned(),
        co_owners: vec![],
        impact: String::new(),
        work_mix: String::new(),
        in_production_since: None,
        seen_by: vec![],
    }
}

/// Every section full, with hostile text in user fields.
fn full_report() -> ReportNotes {
    ReportNotes {
        name: "Ana Sokolova".to_owned(),
        levels: "Senior Engineer → Staff Engineer".to_owned(),
        team: "Payments Platform".to_owned(),
        archetype_worked: "Tech Lead".to_owned(),
        archetype_fit: Some(ArchetypeFit {
            needed: "Architect".to_owned(),
            fits: false,
        }),
        mandate: Some(MandateNotes {
            statement: "Make card payments survive a regional outage".to_owned(),
            priority: "Reliability of checkout".to_owned(),
            sponsor: "Dana Whitfield (VP Engineering)".to_owned(),
            set_on: day(2026, 9, 1),
            review: Some("review by 1 Mar 2027".to_owned()),
        }),
        readiness: "Not ready — scope not yet at staff level".to_owned(),
        readiness_detail: vec![
            "Expected cycle: Autumn 2027".to_owned(),
            "Action: lead the ledger migration design review".to_owned(),
        ],
        evidence: vec![
            EvidenceNotes {
                title: "Multi-region failover for card payments".to_owned(),
                flagship: true,
                kind: "Project".to_owned(),
                role: "Led".to_owned(),
                period: "2026-03-01 – 2026-09-30".to_owned(),
                co_owners: vec![
                    "Priya Raman (Staff Engineer)".to_owned(),
                    "Tom Becker".to_owned(),
                ],
                impact: format!("Cut failover time from 40 min to 90 s. {MARKDOWN_TRAP}"),
                work_mix: "High leverage".to_owned(),
                in_production_since: Some(day(2026, 10, 1)),
                seen_by: vec![
                    SeenNotes {
                        name: "Morgan Lee".to_owned(),
                        committee: true,
                        channel: "demo".to_owned(),
                        seen_on: day(2026, 10, 1),
                    },
                    SeenNotes {
                        name: "Sam Ortiz".to_owned(),
                        committee: false,
                        channel: "doc".to_owned(),
                        seen_on: day(2026, 11, 2),
                    },
                ],
            },
            EvidenceNotes {
                title: "Incident review guild".to_owned(),
                flagship: false,
                kind: "Org-level improvement".to_owned(),
                role: "Advised".to_owned(),
                period: "since 2026-05-01".to_owned(),
                co_owners: vec![],
                impact: String::new(),
                work_mix: String::new(),
                in_production_since: None,
                seen_by: vec![],
            },
        ],
        evidence_considered: 14,
        mentorship: MentorshipNotes {
            mentees: 3,
            feedback: Some(FeedbackCounts {
                positive: 4,
                mixed: 1,
                negative: 0,
            }),
            quotes: vec![
                QuoteNotes {
                    received_on: day(2027, 1, 5),
                    from: "Lee Chen".to_owned(),
                    sentiment: "Positive".to_owned(),
                    words: "She showed me how to write a design doc people read.".to_owned(),
                    quotable: true,
                },
                QuoteNotes {
                    received_on: day(2026, 12, 1),
                    from: "Jo Park's manager".to_owned(),
                    sentiment: "Mixed".to_owned(),
                    words: "Helpful, but our sessions were often cancelled.".to_owned(),
                    quotable: false,
                },
            ],
        },
        advocates: vec![AdvocateNotes {
            name: "Morgan Lee".to_owned(),
            strength: Some("Strong".to_owned()),
            what_seen: format!("The failover demo {}", XSS[0]),
        }],
        manager_only: Some(ManagerOnly {
            packet: "3 versions, last saved 2027-01-10".to_owned(),
            reviews: vec![
                ReviewNotes {
                    reviewer: "Priya Raman".to_owned(),
                    role: "Staff-level peer".to_owned(),
                    requested_on: day(2027, 1, 3),
                    received_on: Some(day(2027, 1, 9)),
                    status: "Received 2027-01-09".to_owned(),
                },
                ReviewNotes {
                    reviewer: "Dana Whitfield".to_owned(),
                    role: "Skip-level".to_owned(),
                    requested_on: day(2027, 1, 5),
                    received_on: None,
                    status: "Awaited since 2027-01-05".to_owned(),
                },
            ],
            checklist: vec![
                ChecklistNotes {
                    wording: "A year in production".to_owned(),
                    status: "Unmet".to_owned(),
                    detail: "In production since 2026-10-01".to_owned(),
                    confirmed: true,
                },
                ChecklistNotes {
                    wording: "A staff project the committee saw".to_owned(),
                    status: "Unknown".to_owned(),
                    detail: String::new(),
                    confirmed: false,
                },
            ],
            signals: vec![SignalNotes {
                severity: "High".to_owned(),
                rule_id: "archetype_mismatch".to_owned(),
                message: format!("Works as Tech Lead; the org needs an Architect {}", XSS[1]),
                since: Some(day(2026, 12, 2)),
                handling: "Acknowledged 2027-01-02: talked to Morgan".to_owned(),
            }],
            earlier: vec![
                "Work mix drifted to snacking, preening or chasing ghosts: Nov 2026 – Jan 2027."
                    .to_owned(),
            ],
            private_notes: vec![PrivateNote {
                on: day(2026, 12, 15),
                body: format!(
                    "Worried about burnout.\nAsked to - drop on-call\n1. for a month {} {} {}",
                    XSS[2], XSS[3], XSS[4]
                ),
            }],
        }),
    }
}

/// A report with nothing recorded yet.
fn empty_report() -> ReportNotes {
    ReportNotes {
        name: "Ben Okafor".to_owned(),
        levels: "Staff Engineer → Principal Engineer".to_owned(),
        team: "Data Infrastructure".to_owned(),
        archetype_worked: "Architect".to_owned(),
        archetype_fit: Some(ArchetypeFit {
            needed: "Architect".to_owned(),
            fits: true,
        }),
        mandate: None,
        readiness: String::new(),
        readiness_detail: vec![],
        evidence: vec![],
        evidence_considered: 0,
        mentorship: MentorshipNotes {
            mentees: 0,
            feedback: Some(FeedbackCounts {
                positive: 0,
                mixed: 0,
                negative: 0,
            }),
            quotes: vec![],
        },
        advocates: vec![],
        manager_only: Some(ManagerOnly {
            packet: "No packet draft yet".to_owned(),
            reviews: vec![],
            checklist: vec![],
            signals: vec![],
            earlier: vec![],
            private_notes: vec![],
        }),
    }
}

fn fixture() -> CalibrationNotes {
    CalibrationNotes {
        brief: Brief::Manager,
        privacy_line: PRIVACY.to_owned(),
        title: "Manager's brief: Spring 2027 calibration".to_owned(),
        context: vec![
            "Cycle opened 2026-10-01; packets due 2027-02-20; calibration on 2027-03-15".to_owned(),
            "Committee: Morgan Lee, Dana Whitfield".to_owned(),
            "Generated by Trellis on 2027-01-15.".to_owned(),
        ],
        generated_on: day(2027, 1, 15),
        includes_private_notes: true,
        includes_non_quotable: true,
        summary: vec![
            SummaryRow {
                name: "Ana Sokolova".to_owned(),
                levels: "Senior Engineer → Staff Engineer".to_owned(),
                readiness: "Not ready".to_owned(),
                flagship: format!("Multi-region failover {MARKDOWN_TRAP}"),
                advocates: vec!["Morgan Lee".to_owned(), XSS[0].to_owned()],
            },
            SummaryRow {
                name: "Ben Okafor".to_owned(),
                levels: "Staff Engineer → Principal Engineer".to_owned(),
                readiness: String::new(),
                flagship: String::new(),
                advocates: vec![],
            },
        ],
        reports: vec![full_report(), empty_report()],
    }
}

pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Compares `actual` with the golden file, or rewrites it when UPDATE_GOLDEN=1.
pub(crate) fn golden(name: &str, actual: &str) {
    let path = repo_root().join("tests/core/golden").join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (exp, act): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut diff = String::new();
    let mut shown = 0;
    for i in 0..exp.len().max(act.len()) {
        let (e, a) = (exp.get(i), act.get(i));
        if e != a && shown < 20 {
            diff.push_str(&format!(
                "line {}:\n  - {}\n  + {}\n",
                i + 1,
                e.unwrap_or(&"<none>"),
                a.unwrap_or(&"<none>")
            ));
            shown += 1;
        }
    }
    panic!(
        "{} differs from the rendered output (expected -, actual +; \
         run with UPDATE_GOLDEN=1 if the change is intended):\n{diff}",
        path.display()
    );
}

/// A tool the checks need, or a failure that says how to get it.
fn require(tool: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is not installed: run ./scripts/test, which installs what the tests need"
    );
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of each page of the PDF, as pdftotext lays it out.
pub(crate) fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    require("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.pdf");
    std::fs::write(&file, bytes).unwrap();
    let text = run(Command::new("pdftotext").arg("-layout").arg(&file).arg("-"));
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Text with every run of whitespace as one space (pdftotext wraps and pads lines).
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// pdftotext output made stable for a golden file: no trailing spaces, pages marked.
pub(crate) fn normalise_pdf_text(pages: &[String]) -> String {
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        out.push_str(&format!("=== page {} ===\n", i + 1));
        let lines: Vec<&str> = page.lines().map(str::trim_end).collect();
        let text = lines.join("\n");
        out.push_str(text.trim_matches('\n'));
        out.push('\n');
    }
    out
}

#[test]
fn export_markdown_matches_golden_and_starts_with_the_privacy_line() {
    let notes = fixture();
    let md = markdown::render(&notes);
    golden("notes.md", &md);
    assert_eq!(md.lines().next(), Some(PRIVACY));
    assert_eq!(md, markdown::render(&notes), "same notes, same bytes");
    assert!(
        md.ends_with('\n') && !md.ends_with("\n\n"),
        "one trailing newline"
    );
    assert!(!md.contains('\r'));
}

#[test]
fn export_markdown_escapes_user_text() {
    let md = markdown::render(&fixture());
    // Markdown the manager wrote means what it says (emphasis); a script link keeps only its
    // words; typed markup is escaped.
    assert!(md.contains(r"*not bold* x \<script\>"), "{md}");
    for (i, c) in md.char_indices() {
        if matches!(c, '<' | '[' | ']' | '`') {
            assert_eq!(
                md[..i].chars().last(),
                Some('\\'),
                "unescaped {c:?} at byte {i}"
            );
        }
    }
    // A note's line breaks cannot start list items or headings of their own.
    assert!(
        md.contains("- 15 Dec 2026: Worried about burnout. Asked to - drop on-call 1. for a month")
    );
    for line in md.lines() {
        let body = line.trim_start();
        assert!(!body.starts_with("1."), "{line}");
    }
    assert!(md.contains("NOT QUOTABLE"));
    assert!(md.contains("### Private 1:1 notes"));
    assert!(md.contains("Morgan Lee (committee) — demo, 1 Oct 2026"));
    assert!(md.contains("(2 strongest of 14)"));
    assert!(md.contains("No advocates recorded."));
    assert!(md.contains("No mandate recorded."));
    assert!(md.contains("⚠ differs"));
    assert_eq!(md.matches("### Private 1:1 notes").count(), 1);
}

#[test]
fn export_html_matches_golden_and_starts_with_the_privacy_line() {
    let notes = fixture();
    let html = html::render(&notes);
    golden("notes.html", &html);
    assert_eq!(html, html::render(&notes));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let body = html.split_once("<body>").unwrap().1.trim_start();
    assert!(
        body.starts_with(&format!("<p class=\"privacy\">{PRIVACY}</p>")),
        "first in body: {}",
        &body[..80]
    );
}

#[test]
fn export_html_is_self_contained_and_escapes_user_text() {
    let html = html::render(&fixture());
    let lower = html.to_lowercase();
    for banned in [
        "<script", "http:", "https:", "//", "url(", "@import", "<img", "<iframe", "<link",
        "<embed", "<object", "<svg", "<a ", "src=\"", "href=",
    ] {
        assert!(!lower.contains(banned), "HTML contains {banned:?}");
    }
    for payload in XSS {
        let escaped = payload.replace('<', "&lt;").replace('>', "&gt;");
        assert!(html.contains(&escaped), "{payload} not escaped");
    }
    assert!(
        html.contains("*not bold* [x](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assert!(html.contains("Morgan Lee <strong>(committee)</strong> — demo, 1 Oct 2026"));
    assert!(html.contains("NOT QUOTABLE"));
    assert!(html.contains("No advocates recorded."));
}

#[test]
fn export_html_passes_the_nu_html_checker() {
    let root = repo_root();
    let jar = root.join("ui/node_modules/vnu-jar/build/dist/vnu.jar");
    require("java");
    assert!(
        jar.is_file(),
        "{} is missing: run ./scripts/test, which installs the UI packages",
        jar.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let fixture_file = dir.path().join("notes.html");
    std::fs::write(&fixture_file, html::render(&fixture())).unwrap();
    // Hostile text is checked too, without language detection: it is not English.
    let exotic_file = dir.path().join("exotic.html");
    std::fs::write(&exotic_file, html::render(&exotic_notes())).unwrap();
    // The documents the store builds, both briefs (their goldens match the renderers' output).
    let golden_dir = root.join("tests/core/golden");
    let committee = golden_dir.join("committee_from_store.html");
    let manager = golden_dir.join("notes_from_store.html");
    for (file, extra) in [
        (&fixture_file, None),
        (&exotic_file, Some("--no-langdetect")),
        (&committee, None),
        (&manager, None),
    ] {
        let out = Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .arg("--Werror")
            .args(extra)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "vnu reported problems in {}:\n{}{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn export_pdf_reads_back_with_every_report_on_its_own_page() {
    let notes = fixture();
    let started = Instant::now();
    let bytes = pdf::render(&notes).unwrap();
    eprintln!("PDF render of the fixture: {:?}", started.elapsed());
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(
        bytes,
        pdf::render(&notes).unwrap(),
        "same notes, same bytes"
    );

    require("pdftoppm");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.pdf");
    std::fs::write(&file, &bytes).unwrap();
    run(Command::new("pdftoppm")
        .args(["-r", "50", "-png"])
        .arg(&file)
        .arg(dir.path().join("page")));
    let images = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".png")
        })
        .count();
    assert!(images >= notes.reports.len(), "{images} page images");

    let pages = pdf_pages(&bytes);
    assert_eq!(pages.len(), images);
    let all = squash(&pages.concat());
    assert!(
        squash(&pages[0]).starts_with(PRIVACY),
        "page 1 starts: {}",
        &pages[0][..200.min(pages[0].len())]
    );
    for needle in [
        "Ana Sokolova",
        "Ben Okafor",
        "Make card payments survive a regional outage",
        "Multi-region failover for card payments",
        "Priya Raman (Staff Engineer)",
        "Morgan Lee (committee) — demo, 1 Oct 2026",
        "NOT QUOTABLE",
        "No advocates recorded.",
        "Page 1 of",
    ] {
        assert!(all.contains(needle), "PDF text lacks {needle:?}");
    }
    // The summary page names both; then each report starts a page, right under the page
    // header.
    let summary = squash(&pages[0]);
    assert!(summary.contains("The cycle at a glance"), "{summary}");
    assert!(summary.contains("Ana Sokolova") && summary.contains("Ben Okafor"));
    let page_of = |name: &str| 1 + pages[1..].iter().position(|p| p.contains(name)).unwrap();
    let (ana, ben) = (page_of("Ana Sokolova"), page_of("Ben Okafor"));
    assert!(
        ben > ana && ana == 1,
        "Ana on page {}, Ben on page {}",
        ana + 1,
        ben + 1
    );
    for (page, name) in [(ana, "Ana Sokolova"), (ben, "Ben Okafor")] {
        let (above, _) = pages[page].split_once(name).unwrap();
        assert_eq!(squash(above), PRIVACY, "above {name}'s name on the page");
    }
    golden("notes.pdf.txt", &normalise_pdf_text(&pages));
}

#[test]
fn export_pdf_of_a_long_report_spans_pages_without_losing_text() {
    let mut report = full_report();
    report.evidence = (1..=60)
        .map(|i| {
            let mut e = evidence(&format!("Evidence item number {i}"));
            e.impact = "Saved the on-call rotation a great deal of time, ".repeat(3);
            e
        })
        .collect();
    report.evidence_considered = 60;
    let mut notes = fixture();
    notes.reports = vec![report, empty_report()];
    let pages = pdf_pages(&pdf::render(&notes).unwrap());
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let all = pages.concat();
    for i in 1..=60 {
        assert!(
            all.contains(&format!("Evidence item number {i}\n"))
                || all.contains(&format!("Evidence item number {i} ")),
            "item {i} missing"
        );
    }
    let last = pages.len();
    assert!(pages[last - 1].contains(&format!("Page {last} of {last}")));
    // From page 2 on, the privacy line heads every page.
    for page in &pages[1..] {
        assert!(squash(page).starts_with(PRIVACY), "{page}");
    }
}

/// A word longer than a line, emoji, right-to-left scripts, control characters, forbidden
/// code points, a decomposed accent and every kind of line break, everywhere.
fn exotic_notes() -> CalibrationNotes {
    let exotic = format!(
        "{} 😀👩‍💻 שלום עולם مرحبا \u{0}\u{1}\u{7f}\u{85}\u{fffe}\u{fdd0}\u{202e}tab\there\r\n\
         CRLF\rCR e\u{301} {}",
        "x".repeat(700),
        "ﬀ".repeat(50)
    );
    let mut report = full_report();
    report.name = exotic.clone();
    report.evidence[0].title = exotic.clone();
    if let Some(m) = report.manager_only.as_mut() {
        m.private_notes[0].body = exotic.clone();
    }
    let mut summary = fixture().summary;
    summary[0].name = exotic.clone();
    summary[0].flagship = exotic.clone();
    report.mentorship.quotes[0].words = exotic.clone();
    let mut blank = empty_report();
    blank.name = String::new();
    CalibrationNotes {
        privacy_line: exotic.clone(),
        title: String::new(),
        context: vec![exotic, String::new()],
        summary,
        reports: vec![report, blank],
        ..fixture()
    }
}

#[test]
fn export_renderers_survive_hostile_and_exotic_text() {
    let notes = exotic_notes();
    let md = markdown::render(&notes);
    assert!(!md.contains('\u{0}') && md.ends_with('\n'));
    let html = html::render(&notes);
    assert!(!html.contains('\u{0}') && !html.contains('\u{fffe}'));
    assert!(
        html.contains("CR é") && md.contains("CR é"),
        "composed to NFC"
    );
    let bytes = pdf::render(&notes).unwrap();
    let pages = pdf_pages(&bytes);
    assert!(pages.len() >= 2);
    assert!(pages.concat().contains(&"x".repeat(40)));

    let nothing = CalibrationNotes {
        privacy_line: String::new(),
        title: String::new(),
        context: vec![],
        reports: vec![],
        ..fixture()
    };
    assert!(markdown::render(&nothing).ends_with('\n'));
    assert!(html::render(&nothing).contains("<title>(untitled)</title>"));
    assert_eq!(pdf_pages(&pdf::render(&nothing).unwrap()).len(), 1);
}
