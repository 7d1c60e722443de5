//! The radar's precision and recall, measured on the scripted histories in `tests/corpus/`
//! (the format: `tests/corpus/README.md`). Each history is entered into its own store with
//! the clock on each entry day, then replayed on the first of every month and on every
//! expected day: every planted problem must be flagged on time (and not before it could be
//! known), no clean candidate may show a medium or high signal on any replayed day, and the
//! lead time the radar reports must be the one a manager would have seen.
//! `trellis-cli radar-quality` prints the same table (docs/radar-quality.md).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use trellis_core::corpus::expect::Expected;
use trellis_core::corpus::{history_files, run_dir, CorpusError, History};
use trellis_core::model::SignalRule;

fn corpus_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    dir.canonicalize().unwrap_or(dir)
}

#[tokio::test]
async fn the_radar_flags_every_planted_problem_on_time_and_nothing_on_clean_candidates() {
    let outcome = run_dir(&corpus_dir()).await.unwrap();
    println!("{}", outcome.markdown());
    let failures = outcome.failures();
    assert!(
        failures.is_empty(),
        "the radar failed the corpus in {} way(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_plants_every_rule_and_has_enough_clean_candidates() {
    let files = history_files(&corpus_dir()).unwrap();
    let histories: Vec<History> = files.iter().map(|f| History::load(f).unwrap()).collect();
    assert!(histories.len() >= 4, "at least 4 histories");
    let mut candidates = BTreeSet::new();
    let mut clean = BTreeSet::new();
    let mut planted = BTreeSet::new();
    for h in &histories {
        assert!(
            h.steps.len() > 50,
            "{}: a year-ish of entries",
            h.file.display()
        );
        for e in &h.expectations {
            candidates.insert((h.file.clone(), e.report.clone()));
            match &e.expected {
                Expected::Clean => {
                    clean.insert((h.file.clone(), e.report.clone()));
                }
                Expected::Problem(p) => {
                    planted.insert(p.rule);
                }
            }
        }
    }
    assert!(
        candidates.len() >= 12,
        "at least 12 candidates, got {}",
        candidates.len()
    );
    assert!(
        clean.len() >= 4,
        "at least 4 clean candidates, got {}",
        clean.len()
    );
    // A record the radar cannot read is not something a manager enters: it is planted by
    // writing a crafted row, in tests/core/unreadable.rs.
    let missing: Vec<&str> = SignalRule::ALL
        .iter()
        .filter(|r| **r != SignalRule::RecordUnreadable && !planted.contains(r))
        .map(|r| r.id())
        .collect();
    assert!(missing.is_empty(), "rules never planted: {missing:?}");
}

fn parse(text: &str) -> Result<History, CorpusError> {
    History::parse(Path::new("bad.history"), text)
}

#[test]
fn fixture_errors_name_the_file_and_line() {
    let cases = [
        (
            "history: x\non 2026-01-05:\n  evidence \"A\" for \"B\": led; flying\n",
            "bad.history:3: `flying` is not something a evidence step understands",
        ),
        (
            "history: x\non 2026-13-05:\n",
            "bad.history:2: expected `on YYYY-MM-DD:`",
        ),
        (
            "history: x\non 2026-01-05:\n  report \"A: \"Staff\" to \"Senior Staff\"\n",
            "bad.history:3: unclosed quote",
        ),
        (
            "history: x\non 2026-02-05:\n  1:1 with \"A\"\non 2026-01-05:\n",
            "bad.history:4: `on` blocks must be in date order",
        ),
        (
            "history: x\nexpect \"A\":\n  packet.no_drafts expected by 2026-01-05\n",
            "bad.history:3: unknown rule id `packet.no_drafts`",
        ),
        (
            "history: x\nexpect \"A\":\n  packet.no_draft expected by the draft deadline\n",
            "bad.history:3: `the draft deadline` is neither a YYYY-MM-DD date nor a deadline",
        ),
        (
            "on 2026-01-05:\n  1:1 with \"A\"\n",
            "bad.history:1: the file must start with `history: <title>`",
        ),
        (
            "history: x\n  1:1 with \"A\"\n",
            "bad.history:2: an indented line outside any",
        ),
        (
            "history: x\non 2026-01-05:\n  teleport \"A\"\n",
            "bad.history:3: unknown step `teleport \"A\"`",
        ),
    ];
    for (text, want) in cases {
        let got = parse(text).map(|_| ()).unwrap_err().to_string();
        assert!(
            got.starts_with(want),
            "{text:?}\n got: {got}\nwant: {want}…"
        );
    }
}

#[tokio::test]
async fn a_step_naming_someone_unknown_fails_clearly_and_names_must_exist() {
    let text = "history: x\non 2026-01-05:\n  person \"Kim Lee\": other\n  1:1 cadence for \"Kim Lee\": every 28\n";
    let outcome = trellis_core::corpus::run_history(&parse(text).unwrap()).await;
    assert_eq!(
        outcome.error.as_deref(),
        Some("bad.history:4: 1:1 cadence for \"Kim Lee\": every 28: no report called \u{201c}Kim Lee\u{201d} (add them with a `report` step first)")
    );
    let text = "history: x\non 2026-01-05:\n  report \"Ada\": \"Staff\" to \"Senior Staff\"; works as architect\n  \
                cycle \"C\": opens 2026-01-01; packet due 2026-09-15; calibration 2026-10-15\n  \
                candidate \"Ada\" in \"C\"\n";
    let outcome = trellis_core::corpus::run_history(&parse(text).unwrap()).await;
    assert_eq!(
        outcome.error.as_deref(),
        Some("bad.history:5: Ada is a candidate but has no `expect \"Ada\":` block (say `clean` or what was planted)")
    );
    let text = "history: x\non 2026-01-05:\n  1:1 with \"Nobody\"\n";
    let outcome = trellis_core::corpus::run_history(&parse(text).unwrap()).await;
    assert_eq!(
        outcome.error.as_deref(),
        Some("bad.history:3: 1:1 with \"Nobody\": no report called \u{201c}Nobody\u{201d} (add them with a `report` step first)")
    );
}
