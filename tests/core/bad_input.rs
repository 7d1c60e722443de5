//! Bad input: arbitrary strings thrown at every validated text field of every create and
//! update input, through the real store on a real SQLite file.
//!
//! The values mix any Unicode, NUL and the other control characters, text-direction
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069), emoji with ZWJ sequences, skin
//! tones and flags, combining marks, the characters next to the surrogate range,
//! whitespace-only values, leading and trailing whitespace, lengths around each limit and
//! ~1 MB values. Every call must end in one of two ways:
//!
//! - accepted, and the record read back holds exactly the value validation accepted. The
//!   only normalisation the app applies: one-line fields (names, titles, labels, links) are
//!   trimmed; free text has its line endings made `\n` and loses trailing whitespace and
//!   leading blank lines. The signal cause key and the search query are kept as sent;
//! - refused with `Error::Validation`, every issue naming that field;
//!
//! never a panic, a storage error, not-found or conflict. Which of the two is decided here,
//! independently of the core ([`expected`] restates the documented rules), so a value the
//! store wrongly accepts fails as surely as one it wrongly refuses.
//!
//! Deterministic: a fixed seed and case count ([`runner`]); a failure is shrunk to a small
//! input and reported with the field's name. One store per test, reused by every case.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use tokio::runtime::Runtime;
use trellis_core::ids::{AgendaItemId, LevelId};
use trellis_core::model::one_on_one::MAX_ITEM_TEXT;
use trellis_core::model::radar::MAX_CAUSE_KEY;
use trellis_core::model::search::MAX_QUERY;
use trellis_core::model::{
    AckAction, AckDraft, CycleDraft, EvidenceDraft, LevelDraft, MandateStatus, ManualStatus,
    PacketSections, PersonDraft, QuestionDraft, Readiness, ReadinessDraft, RecordKind,
    Relationship, ReportDraft, ReviewerRole, SignalRule,
};
use trellis_core::validate::{MAX_LINE, MAX_TEXT, MAX_URL};
use trellis_core::{Error, Result};

use crate::cycle_support::*;
use crate::support::*;

/// Cases per field. Every field of every input gets this many (a few ~1 MB among them).
const CASES: u32 = 64;

// ---------------------------------------------------------------------------------------------
// The rules, restated.
// ---------------------------------------------------------------------------------------------

/// How a field is validated.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// One line, trimmed: no control characters, no line or paragraph separator, no
    /// text-direction control; at most `MAX_LINE` characters.
    Line { required: bool },
    /// Free text: `\r\n` and `\r` become `\n`, trailing whitespace and leading blank lines
    /// go; tabs and newlines are the only control characters kept; at most `max` characters.
    Text { required: bool, max: usize },
    /// A link: trimmed, https/http/mailto, no control, direction or whitespace character,
    /// at most `MAX_URL` characters.
    Url,
    /// The radar's cause key: kept exactly; not blank, no control character, at most
    /// `MAX_CAUSE_KEY` characters.
    CauseKey,
    /// A search: anything, at most `MAX_QUERY` characters; echoed exactly.
    Query,
}

const LINE: Kind = Kind::Line { required: false };
const LINE_REQUIRED: Kind = Kind::Line { required: true };
const TEXT: Kind = Kind::Text {
    required: false,
    max: MAX_TEXT,
};
const TEXT_REQUIRED: Kind = Kind::Text {
    required: true,
    max: MAX_TEXT,
};
/// Agenda and action items: required, and shorter than other free text.
const ITEM: Kind = Kind::Text {
    required: true,
    max: MAX_ITEM_TEXT,
};

fn limit(kind: Kind) -> usize {
    match kind {
        Kind::Line { .. } => MAX_LINE,
        Kind::Text { max, .. } => max,
        Kind::Url => MAX_URL,
        Kind::CauseKey => MAX_CAUSE_KEY,
        Kind::Query => MAX_QUERY,
    }
}

fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// Free text as the app stores it.
fn normalised_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = s.trim_end().split('\n').collect();
    match lines.iter().position(|l| !l.trim().is_empty()) {
        Some(first) => lines[first..].join("\n"),
        None => String::new(),
    }
}

/// What the store must hold after saving `input` in a field of this kind, or `None` when it
/// must refuse it.
fn expected(kind: Kind, input: &str) -> Option<String> {
    match kind {
        Kind::Line { required } => {
            let v = input.trim();
            let bad = (required && v.is_empty())
                || v.chars()
                    .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
                || v.chars().any(is_direction_control)
                || too_long(v, MAX_LINE);
            (!bad).then(|| v.to_owned())
        }
        Kind::Text { required, max } => {
            let v = normalised_text(input);
            let bad = (required && v.is_empty())
                || v.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
                || too_long(&v, max);
            (!bad).then_some(v)
        }
        Kind::Url => {
            let v = input.trim();
            let lower = v.to_ascii_lowercase();
            let scheme = ["https://", "http://", "mailto:"]
                .iter()
                .any(|s| lower.starts_with(s) && lower.len() > s.len());
            let bad = !scheme
                || v.chars()
                    .any(|c| c.is_control() || c.is_whitespace() || is_direction_control(c))
                || too_long(v, MAX_URL);
            (!bad).then(|| v.to_owned())
        }
        Kind::CauseKey => {
            let bad = input.trim().is_empty()
                || input.chars().any(char::is_control)
                || too_long(input, MAX_CAUSE_KEY);
            (!bad).then(|| input.to_owned())
        }
        Kind::Query => (!too_long(input, MAX_QUERY)).then(|| input.to_owned()),
    }
}

// ---------------------------------------------------------------------------------------------
// The values.
// ---------------------------------------------------------------------------------------------

/// Fragments that have broken text handling somewhere.
const PIECES: &[&str] = &[
    // NUL and other controls, line breaks of every kind.
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{9f}",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\u{2028}",
    "\u{2029}",
    // Text-direction embeddings, overrides and isolates; marks that are allowed.
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{61C}",
    // Invisible and unusual spaces.
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{A0}",
    "\u{3000}",
    "\u{1680}",
    "\u{180E}",
    " ",
    "   ",
    // Emoji: ZWJ sequences, flags, skin tones, keycaps.
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🧑🏿‍💻",
    "🇫🇷",
    "🇯🇵",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "👍🏽",
    "1️⃣",
    "😀",
    // Combining marks, alone and stacked.
    "e\u{301}",
    "\u{301}",
    "\u{20DD}",
    "Z̴̡̪͔a̸l̵g̶o̷",
    // Next to the surrogate range, private use, noncharacters, the last code point.
    "\u{D7FF}",
    "\u{E000}",
    "\u{F8FF}",
    "\u{FFFD}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{10000}",
    "\u{10FFFF}",
    // Scripts and case oddities.
    "مرحبا",
    "שלום",
    "日本語",
    "Ω",
    "ß",
    "İ",
    "ﬁ",
    "K",
    // Quoting and query syntax (SQL, FTS5, HTML, shells, URLs).
    "'",
    "\"",
    "\\",
    "%",
    "_",
    "*",
    "--",
    "; DROP TABLE reports; --",
    "<script>alert(1)</script>",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "^",
    "\"*",
    "{",
    "}",
    "$(",
    "https://",
    "mailto:",
    "javascript:",
    "Ada",
    "ledger",
];

/// Whitespace of every kind, for values that are only whitespace or are wrapped in it.
const SPACES: &[&str] = &[
    " ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2028}", "\u{2029}", "\u{85}", "\u{b}",
    "\u{c}", "\u{1680}", "\u{2003}",
];

/// Characters to repeat up to a limit: one char each (the limits count chars).
const FILL: &[char] = &['x', 'é', '日', '😀', '\u{301}', 'ا', '\u{10FFFF}'];

fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(PIECES).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        2 => vec(prop::char::range('a', 'z'), 1..8).prop_map(String::from_iter),
    ]
    .boxed()
}

fn spaces(min: usize) -> BoxedStrategy<String> {
    vec(select(SPACES), min..6).prop_map(|v| v.concat()).boxed()
}

/// Short values of any kind.
fn short() -> BoxedStrategy<String> {
    prop_oneof![
        5 => vec(piece(), 0..16).prop_map(|v| v.concat()),
        3 => vec(any::<char>(), 0..48).prop_map(String::from_iter),
        1 => spaces(1),
    ]
    .boxed()
}

/// `prefix` and (half of the time) a short value, padded (or cut) to a few chars either side
/// of `limit`, most often exactly at it or one over.
fn near_limit(limit: usize, prefix: &'static str) -> BoxedStrategy<String> {
    let start = prop_oneof![Just(String::new()), short()];
    let delta = select(vec![-3i64, -2, -1, 0, 0, 0, 1, 1, 1, 2, 3]);
    (start, delta, select(FILL))
        .prop_map(move |(s, delta, fill)| {
            let target = usize::try_from(limit as i64 + delta).unwrap_or(0);
            let s: String = prefix.chars().chain(s.chars()).take(target).collect();
            let n = s.chars().count();
            s + &fill.to_string().repeat(target - n)
        })
        .boxed()
}

/// About a megabyte.
fn huge(prefix: &'static str) -> BoxedStrategy<String> {
    const MB: usize = 1 << 20;
    select(vec![0, 1, 2, 3, 4])
        .prop_map(move |i| {
            let body = match i {
                0 => "x".repeat(MB),
                1 => "😀".repeat(MB / 4),
                2 => "line\n".repeat(MB / 5),
                3 => "\u{202E}".repeat(MB / 3),
                _ => " ".repeat(MB),
            };
            format!("{prefix}{body}")
        })
        .boxed()
}

/// Every kind of value for a field of this kind.
fn values(kind: Kind) -> BoxedStrategy<String> {
    let limit = limit(kind);
    let general = prop_oneof![
        10 => short(),
        3 => (spaces(0), short(), spaces(0)).prop_map(|(a, b, c)| a + &b + &c),
        4 => near_limit(limit, ""),
        1 => huge(""),
    ];
    match kind {
        Kind::Url => {
            let scheme = select(vec![
                "https://", "http://", "mailto:", "HtTpS://", "https:/",
            ]);
            prop_oneof![
                3 => general,
                4 => (spaces(0), scheme, vec(piece(), 0..10), spaces(0))
                    .prop_map(|(a, s, p, b)| format!("{a}{s}{}{b}", p.concat())),
                3 => near_limit(limit, "https://"),
                1 => huge("https://"),
            ]
            .boxed()
        }
        _ => general.boxed(),
    }
}

// ---------------------------------------------------------------------------------------------
// The harness.
// ---------------------------------------------------------------------------------------------

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A fixed case count and a fixed seed per `label` (so that each field of each input gets
/// values of its own); no failure files: a failure is shrunk and printed.
fn runner(label: &str) -> TestRunner {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        max_shrink_iters: 1024,
        ..Config::default()
    };
    // FNV-1a of the field's name, spread over the 32 bytes of a ChaCha seed.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in label.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut seed = [0u8; 32];
    for (i, chunk) in seed.chunks_mut(8).enumerate() {
        let word = hash.rotate_left(16 * i as u32) ^ (i as u64);
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed))
}

/// The start of a value, for messages.
fn show(s: &str) -> String {
    let n = s.chars().count();
    if n <= 80 {
        format!("{s:?}")
    } else {
        let start: String = s.chars().take(40).collect();
        format!("{start:?}… ({n} chars)")
    }
}

/// Whether one outcome keeps the promise for `field`.
fn judge(
    field: &str,
    input: &str,
    want: Option<String>,
    got: Result<String>,
) -> std::result::Result<(), TestCaseError> {
    let fail = |what: String| {
        Err(TestCaseError::fail(format!(
            "{field}: {what} (input {})",
            show(input)
        )))
    };
    match (want, got) {
        (Some(want), Ok(got)) if want == got => Ok(()),
        (Some(want), Ok(got)) => fail(format!("stored {} instead of {}", show(&got), show(&want))),
        (None, Ok(got)) => fail(format!("accepted an invalid value, stored {}", show(&got))),
        (None, Err(Error::Validation { fields, .. }))
            if !fields.is_empty() && fields.iter().all(|f| f.field == field) =>
        {
            Ok(())
        }
        (Some(want), Err(Error::Validation { fields, .. })) => fail(format!(
            "refused a valid value (would store {}): {fields:?}",
            show(&want)
        )),
        (None, Err(Error::Validation { fields, .. })) => fail(format!(
            "refused, but not (only) for this field: {fields:?}"
        )),
        (_, Err(other)) => fail(format!(
            "{other:?}: never a storage, not-found or conflict error"
        )),
    }
}

/// Runs the cases for one field: `attempt(value, update)` saves `value` in the field (as a
/// new record, or as an edit of an existing one when `update`) and returns the field as read
/// back from the store afterwards.
fn check<F, Fut>(rt: &Runtime, field: &str, kind: Kind, attempt: F)
where
    F: Fn(String, bool) -> Fut,
    Fut: Future<Output = Result<String>>,
{
    check_with(
        rt,
        field,
        values(kind),
        |input, _| expected(kind, input),
        attempt,
    );
}

/// [`check`] with its own values and oracle (`oracle(value, update)`).
fn check_with<F, Fut>(
    rt: &Runtime,
    field: &str,
    values: BoxedStrategy<String>,
    oracle: impl Fn(&str, bool) -> Option<String>,
    attempt: F,
) where
    F: Fn(String, bool) -> Fut,
    Fut: Future<Output = Result<String>>,
{
    // The attempt's type names the test it is written in: inputs sharing a field name
    // ("name", "notes") still get values of their own.
    let mut runner = runner(&format!("{}/{field}", std::any::type_name::<F>()));
    let outcome = runner.run(&(values, any::<bool>()), |(input, update)| {
        let got = rt.block_on(attempt(input.clone(), update));
        judge(field, &input, oracle(&input, update), got)
    });
    if let Err(e) = outcome {
        panic!("{field}: {e}");
    }
}

/// The one id in `after` that is not in `before`: the record just added.
fn added<T: PartialEq + Clone + std::fmt::Debug>(before: &[T], after: &[T]) -> T {
    let new: Vec<&T> = after.iter().filter(|id| !before.contains(id)).collect();
    match new.as_slice() {
        [one] => (*one).clone(),
        other => panic!("expected one new record, found {other:?}"),
    }
}

/// A fresh name, for records that must not repeat one.
fn fresh(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix} {}", N.fetch_add(1, Ordering::Relaxed))
}

// ---------------------------------------------------------------------------------------------
// The fields, input by input.
// ---------------------------------------------------------------------------------------------

type Set<D> = fn(&mut D, String);

#[test]
fn report_fields() {
    type Get = fn(&trellis_core::model::Report) -> String;
    let fields: [(&str, Kind, Set<ReportDraft>, Get); 3] = [
        ("name", LINE_REQUIRED, |d, v| d.name = v, |r| r.name.clone()),
        ("team", LINE_REQUIRED, |d, v| d.team = v, |r| r.team.clone()),
        ("notes", TEXT, |d, v| d.notes = v, |r| r.notes.clone()),
    ];
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let base = rt.block_on(valid_draft(&ts));
    let existing = rt.block_on(ts.create_report(&base)).unwrap().id;
    let (ts, base, existing) = (&ts, &base, &existing);
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let id = if update {
                let version = ts.report(existing).await?.version;
                ts.update_report(existing, version, &draft).await?.id
            } else {
                ts.create_report(&draft).await?.id
            };
            Ok(get(&ts.report(&id).await?))
        });
    }
}

#[test]
fn person_fields() {
    type Get = fn(&trellis_core::model::Person) -> String;
    let fields: [(&str, Kind, Set<PersonDraft>, Get); 3] = [
        ("name", LINE_REQUIRED, |d, v| d.name = v, |p| p.name.clone()),
        ("title", LINE, |d, v| d.title = v, |p| p.title.clone()),
        ("notes", TEXT, |d, v| d.notes = v, |p| p.notes.clone()),
    ];
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let base = person_draft("Morgan Avery", Relationship::Peer);
    let existing = rt.block_on(ts.create_person(&base)).unwrap().id;
    let (ts, base, existing) = (&ts, &base, &existing);
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let id = if update {
                let version = ts.person(existing).await?.version;
                ts.update_person(existing, version, &draft).await?.id
            } else {
                ts.create_person(&draft).await?.id
            };
            Ok(get(&ts.person(&id).await?))
        });
    }
}

#[test]
fn mandate_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let report = rt.block_on(add_report(&ts, "Ada Lovelace")).id;
    let (ts, report) = (&ts, &report);
    let draft = |statement: &str| trellis_core::model::MandateDraft {
        set_on: TODAY.to_owned(),
        ..mandate_draft(statement)
    };
    let done = closing(MandateStatus::Completed, "Shipped.", TODAY);
    let active = || async move {
        let all = ts.mandates(report).await?;
        Ok::<_, Error>(all.into_iter().find(|m| m.status == MandateStatus::Active))
    };
    // The mandate itself: set as the new one (closing the current), or corrected.
    type Set = fn(&mut trellis_core::model::MandateDraft, String);
    type Get = fn(&trellis_core::model::Mandate) -> String;
    let fields: [(&str, Kind, Set, Get); 2] = [
        (
            "statement",
            TEXT_REQUIRED,
            |d, v| d.statement = v,
            |m| m.statement.clone(),
        ),
        (
            "priority",
            LINE,
            |d, v| d.priority = v,
            |m| m.priority.clone(),
        ),
    ];
    for (field, kind, set, get) in fields {
        let (draft, done) = (&draft, &done);
        check(&rt, field, kind, |value, update| async move {
            let mut d = draft("Own ledger consistency.");
            set(&mut d, value);
            let current = active().await?;
            let id = match current {
                Some(m) if update => ts.update_mandate(&m.id, m.version, &d).await?.id,
                _ => {
                    let all = ts.set_mandate(report, &d, Some(done)).await?;
                    all.into_iter()
                        .find(|m| m.status == MandateStatus::Active)
                        .map(|m| m.id)
                        .unwrap()
                }
            };
            let all = ts.mandates(report).await?;
            Ok(get(all.iter().find(|m| m.id == id).unwrap()))
        });
    }
    // How the current one ended: closed on its own, or replaced by a new one.
    check(&rt, "reason", TEXT_REQUIRED, |value, update| async move {
        let current = match active().await? {
            Some(m) => m,
            None => {
                ts.set_mandate(report, &draft("Own ledger consistency."), None)
                    .await?;
                active().await?.unwrap()
            }
        };
        let how = closing(MandateStatus::Dropped, &value, TODAY);
        if update {
            ts.close_mandate(&current.id, current.version, &how).await?;
        } else {
            ts.set_mandate(report, &draft("The next problem."), Some(&how))
                .await?;
        }
        let all = ts.mandates(report).await?;
        Ok(all
            .iter()
            .find(|m| m.id == current.id)
            .unwrap()
            .status_reason
            .clone())
    });
}

#[test]
fn evidence_fields() {
    type Get = fn(&trellis_core::model::Evidence) -> String;
    let fields: [(&str, Kind, Set<EvidenceDraft>, Get); 5] = [
        (
            "title",
            LINE_REQUIRED,
            |d, v| d.title = v,
            |e| e.title.clone(),
        ),
        (
            "description",
            TEXT,
            |d, v| d.description = v,
            |e| e.description.clone(),
        ),
        ("impact", TEXT, |d, v| d.impact = v, |e| e.impact.clone()),
        (
            "links.0.url",
            Kind::Url,
            |d, v| d.links[0].url = v,
            |e| e.links[0].url.clone(),
        ),
        (
            "links.0.label",
            LINE,
            |d, v| d.links[0].label = v,
            |e| e.links[0].label.clone(),
        ),
    ];
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let report = rt.block_on(add_report(&ts, "Ada Lovelace")).id;
    let base = evidence_draft("Ledger migration");
    let existing = rt.block_on(ts.create_evidence(&report, &base)).unwrap().id;
    let (ts, report, base, existing) = (&ts, &report, &base, &existing);
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let id = if update {
                let version = ts.evidence_item(existing).await?.version;
                ts.update_evidence(existing, version, &draft).await?.id
            } else {
                ts.create_evidence(report, &draft).await?.id
            };
            Ok(get(&ts.evidence_item(&id).await?))
        });
    }
}

#[test]
fn visibility_and_advocate_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let report = rt.block_on(add_report(&ts, "Ada Lovelace")).id;
    let skip = rt
        .block_on(add_person(&ts, "Morgan Avery", Relationship::SkipLevel))
        .id;
    let evidence = rt
        .block_on(ts.create_evidence(&report, &evidence_draft("Ledger migration")))
        .unwrap()
        .id;
    let seen_draft = visibility_draft(&skip, "2026-07-01");
    let entry = rt
        .block_on(ts.add_visibility(&evidence, &seen_draft))
        .unwrap()
        .visibility[0]
        .clone();
    let (ts, evidence, seen_draft, entry) = (&ts, &evidence, &seen_draft, &entry);
    // A new entry is read back, then deleted: one evidence item holds at most 100.
    check(&rt, "detail", LINE, |value, update| async move {
        let mut draft = seen_draft.clone();
        draft.detail = value;
        let ids = |e: trellis_core::model::Evidence| -> Vec<_> {
            e.visibility
                .into_iter()
                .map(|v| (v.id, v.version))
                .collect()
        };
        let before = ids(ts.evidence_item(evidence).await?);
        let id = if update {
            let version = before.iter().find(|(id, _)| id == &entry.id).unwrap().1;
            ts.update_visibility(&entry.id, version, &draft).await?;
            entry.id.clone()
        } else {
            let after = ids(ts.add_visibility(evidence, &draft).await?);
            added(&before, &after).0
        };
        let back = ts.evidence_item(evidence).await?;
        let detail = back
            .visibility
            .iter()
            .find(|v| v.id == id)
            .unwrap()
            .detail
            .clone();
        if id != entry.id {
            ts.delete_record(RecordKind::Visibility, id.as_str())
                .await?;
        }
        Ok(detail)
    });

    let vp = rt
        .block_on(add_person(ts, "Samira Whitfield", Relationship::Leadership))
        .id;
    let other = rt
        .block_on(add_person(ts, "Priya Raman", Relationship::Leadership))
        .id;
    let report = &report;
    let base = advocate_draft(&vp);
    let existing = rt.block_on(ts.create_advocate(report, &base)).unwrap().id;
    let (base, existing, other) = (&base, &existing, &other);
    type Get = fn(&trellis_core::model::Advocate) -> String;
    type SetA = Set<trellis_core::model::AdvocateDraft>;
    let fields: [(&str, Kind, SetA, Get); 2] = [
        (
            "whatSeen",
            TEXT,
            |d, v| d.what_seen = v,
            |a| a.what_seen.clone(),
        ),
        ("notes", TEXT, |d, v| d.notes = v, |a| a.notes.clone()),
    ];
    // A person is an advocate once: a new entry (for another person) is deleted after.
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let id = if update {
                let all = ts.advocates(report).await?;
                let version = all.iter().find(|a| &a.id == existing).unwrap().version;
                ts.update_advocate(existing, version, &draft).await?.id
            } else {
                draft.person_id = Some(other.clone());
                ts.create_advocate(report, &draft).await?.id
            };
            let all = ts.advocates(report).await?;
            let value = get(all.iter().find(|a| a.id == id).unwrap());
            if &id != existing {
                ts.delete_record(RecordKind::Advocate, id.as_str()).await?;
            }
            Ok(value)
        });
    }
}

#[test]
fn mentorship_and_feedback_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let report = rt.block_on(add_report(&ts, "Ada Lovelace")).id;
    let mentee = rt
        .block_on(add_person(&ts, "Jamie Chen", Relationship::MyOrg))
        .id;
    let base = mentorship_draft(&mentee);
    let mentorship = rt.block_on(ts.create_mentorship(&report, &base)).unwrap();
    let (ts, report, base, existing) = (&ts, &report, &base, &mentorship.id);
    check(&rt, "goals", TEXT, |value, update| async move {
        let draft = trellis_core::model::MentorshipDraft {
            goals: value,
            ..base.clone()
        };
        let id = if update {
            let all = ts.mentorships(report).await?;
            let version = all.iter().find(|m| &m.id == existing).unwrap().version;
            ts.update_mentorship(existing, version, &draft).await?.id
        } else {
            ts.create_mentorship(report, &draft).await?.id
        };
        let all = ts.mentorships(report).await?;
        Ok(all.iter().find(|m| m.id == id).unwrap().goals.clone())
    });

    // Feedback that was addressed: what was done is then required.
    let base = trellis_core::model::FeedbackDraft {
        addressed_on: "2026-06-01".to_owned(),
        addressed_action: "Paired on the next design review.".to_owned(),
        ..feedback_draft("Helpful, if rushed.")
    };
    let first = rt
        .block_on(ts.add_feedback(existing, &base))
        .unwrap()
        .feedback[0]
        .id
        .clone();
    let (base, first) = (&base, &first);
    type Get = fn(&trellis_core::model::Feedback) -> String;
    type SetF = Set<trellis_core::model::FeedbackDraft>;
    let fields: [(&str, Kind, SetF, Get); 2] = [
        (
            "words",
            TEXT_REQUIRED,
            |d, v| d.words = v,
            |f| f.words.clone(),
        ),
        (
            "addressedAction",
            TEXT_REQUIRED,
            |d, v| d.addressed_action = v,
            |f| f.addressed_action.clone(),
        ),
    ];
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let find = |m: &trellis_core::model::Mentorship, id: &trellis_core::ids::FeedbackId| {
                m.feedback.iter().find(|f| &f.id == id).cloned().unwrap()
            };
            let id = if update {
                let all = ts.mentorships(report).await?;
                let m = all.iter().find(|m| &m.id == existing).unwrap();
                let version = find(m, first).version;
                ts.update_feedback(first, version, &draft).await?;
                first.clone()
            } else {
                let ids = |m: &trellis_core::model::Mentorship| -> Vec<_> {
                    m.feedback.iter().map(|f| f.id.clone()).collect()
                };
                let all = ts.mentorships(report).await?;
                let before = ids(all.iter().find(|m| &m.id == existing).unwrap());
                added(&before, &ids(&ts.add_feedback(existing, &draft).await?))
            };
            let all = ts.mentorships(report).await?;
            let m = all.iter().find(|m| &m.id == existing).unwrap();
            Ok(get(&find(m, &id)))
        });
    }
}

#[test]
fn cycle_candidacy_review_and_rule_check_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let base = cycle_draft("Spring calibration", &[]);
    let cycle = rt.block_on(ts.create_cycle(&base)).unwrap().id;
    let (ts, base_cycle, cycle) = (&ts, &base, &cycle);
    check(&rt, "name", LINE_REQUIRED, |value, update| async move {
        let draft = CycleDraft {
            name: value,
            ..base_cycle.clone()
        };
        let id = if update {
            let version = ts.cycle(cycle).await?.version;
            ts.update_cycle(cycle, version, &draft).await?.id
        } else {
            ts.create_cycle(&draft).await?.id
        };
        Ok(ts.cycle(&id).await?.name)
    });

    let report = rt.block_on(add_report(ts, "Ada Lovelace")).id;
    let candidate = rt
        .block_on(ts.add_candidate(cycle, &candidate_draft(&report, "2026-06-01")))
        .unwrap()
        .id;
    let candidate = &candidate;
    type Get = fn(&trellis_core::model::Candidate) -> String;
    let fields: [(&str, Kind, Set<ReadinessDraft>, Get); 3] = [
        (
            "reason",
            TEXT,
            |d, v| d.reason = v,
            |c| c.readiness_reason.clone(),
        ),
        (
            "expectedCycle",
            LINE,
            |d, v| d.expected_cycle = v,
            |c| c.expected_cycle.clone(),
        ),
        ("actions", TEXT, |d, v| d.actions = v, |c| c.actions.clone()),
    ];
    // The readiness call is only ever set on a candidacy (an edit).
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, _| async move {
            let mut draft = ReadinessDraft {
                readiness: Some(Readiness::Ready),
                reason: String::new(),
                expected_cycle: String::new(),
                actions: String::new(),
            };
            set(&mut draft, value);
            let version = ts.candidate(candidate).await?.version;
            ts.set_readiness(candidate, version, &draft).await?;
            Ok(get(&ts.candidate(candidate).await?))
        });
    }

    let reviewer = rt
        .block_on(add_person(ts, "Jordan Lee", Relationship::Peer))
        .id;
    let base = review_draft(&reviewer, ReviewerRole::StaffPeer, "2026-10-01", "");
    let first = rt.block_on(ts.add_review(candidate, &base)).unwrap().id;
    let (base, first) = (&base, &first);
    check(&rt, "comments", TEXT, |value, update| async move {
        let draft = trellis_core::model::ReviewDraft {
            comments: value,
            ..base.clone()
        };
        let id = if update {
            let all = ts.reviews(candidate).await?;
            let version = all.iter().find(|r| &r.id == first).unwrap().version;
            ts.update_review(first, version, &draft).await?.id
        } else {
            ts.add_review(candidate, &draft).await?.id
        };
        let all = ts.reviews(candidate).await?;
        Ok(all.iter().find(|r| r.id == id).unwrap().comments.clone())
    });

    let rule = rt
        .block_on(ts.create_rule(&rule_draft("Needs a staff project", "2026-06-01", None)))
        .unwrap()
        .id;
    let rule = &rule;
    // The manager's call on a rule replaces the previous one: always a "create".
    check(&rt, "note", TEXT, |value, _| async move {
        ts.set_rule_check(candidate, rule, Some(ManualStatus::Met), &value)
            .await?;
        let note: String = sqlx::query_scalar(
            "SELECT note FROM rule_checks WHERE candidate_id = ? AND rule_id = ?",
        )
        .bind(candidate.as_str())
        .bind(rule.as_str())
        .fetch_one(ts.pool())
        .await
        .unwrap();
        Ok(note)
    });
}

#[test]
fn packet_fields() {
    type Get = fn(&PacketSections) -> String;
    let fields: [(&str, Kind, Set<PacketSections>, Get); 14] = [
        (
            "staffProjects.0.title",
            LINE_REQUIRED,
            |s, v| s.staff_projects[0].title = v,
            |s| s.staff_projects[0].title.clone(),
        ),
        (
            "staffProjects.0.goal",
            TEXT,
            |s, v| s.staff_projects[0].goal = v,
            |s| s.staff_projects[0].goal.clone(),
        ),
        (
            "staffProjects.0.complexity",
            TEXT,
            |s, v| s.staff_projects[0].complexity = v,
            |s| s.staff_projects[0].complexity.clone(),
        ),
        (
            "staffProjects.0.impact",
            TEXT,
            |s, v| s.staff_projects[0].impact = v,
            |s| s.staff_projects[0].impact.clone(),
        ),
        (
            "staffProjects.0.designDocs",
            TEXT,
            |s, v| s.staff_projects[0].design_docs = v,
            |s| s.staff_projects[0].design_docs.clone(),
        ),
        (
            "orgImprovements.0.title",
            LINE_REQUIRED,
            |s, v| s.org_improvements[0].title = v,
            |s| s.org_improvements[0].title.clone(),
        ),
        (
            "orgImprovements.0.body",
            TEXT,
            |s, v| s.org_improvements[0].body = v,
            |s| s.org_improvements[0].body.clone(),
        ),
        (
            "glueWork.0.title",
            LINE_REQUIRED,
            |s, v| s.glue_work[0].title = v,
            |s| s.glue_work[0].title.clone(),
        ),
        (
            "glueWork.0.body",
            TEXT,
            |s, v| s.glue_work[0].body = v,
            |s| s.glue_work[0].body.clone(),
        ),
        (
            "quantifiedImpact",
            TEXT,
            |s, v| s.quantified_impact = v,
            |s| s.quantified_impact.clone(),
        ),
        (
            "mentorship",
            TEXT,
            |s, v| s.mentorship = v,
            |s| s.mentorship.clone(),
        ),
        (
            "advocates",
            TEXT,
            |s, v| s.advocates = v,
            |s| s.advocates.clone(),
        ),
        (
            "knownGaps.0.gap",
            LINE_REQUIRED,
            |s, v| s.known_gaps[0].gap = v,
            |s| s.known_gaps[0].gap.clone(),
        ),
        (
            "knownGaps.0.plan",
            TEXT_REQUIRED,
            |s, v| s.known_gaps[0].plan = v,
            |s| s.known_gaps[0].plan.clone(),
        ),
    ];
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let ts = &ts;
    let cycle = rt
        .block_on(ts.create_cycle(&cycle_draft("Spring calibration", &[])))
        .unwrap()
        .id;
    // A candidacy per field, so that reading a packet back reads that field's versions only.
    let candidacy = |rt: &Runtime| {
        let report = rt.block_on(add_report(ts, &fresh("Candidate"))).id;
        rt.block_on(ts.add_candidate(&cycle, &candidate_draft(&report, "2026-06-01")))
            .unwrap()
            .id
    };
    let base = sections(&[]);
    let base = &base;
    for (field, kind, set, get) in fields {
        let candidate = candidacy(&rt);
        let candidate = &candidate;
        // A packet version is never edited: every save is a new version.
        check(&rt, field, kind, |value, _| async move {
            let mut s = base.clone();
            set(&mut s, value);
            let saved = ts.save_packet(candidate, &s, "").await?;
            let versions = ts.packet_versions(candidate).await?;
            let back = versions.iter().find(|v| v.number == saved.number).unwrap();
            Ok(get(&back.sections))
        });
    }
    let candidate = candidacy(&rt);
    let candidate = &candidate;
    check(&rt, "note", LINE, |value, _| async move {
        let saved = ts.save_packet(candidate, base, &value).await?;
        let versions = ts.packet_versions(candidate).await?;
        Ok(versions
            .iter()
            .find(|v| v.number == saved.number)
            .unwrap()
            .note
            .clone())
    });
}

#[test]
fn rule_and_manager_change_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let base = rule_draft("Impact must be in numbers", "2026-06-01", None);
    let existing = rt.block_on(ts.create_rule(&base)).unwrap().id;
    let (ts, base, existing) = (&ts, &base, &existing);
    type Get = fn(&trellis_core::model::RuleOfThumb) -> String;
    type SetR = Set<trellis_core::model::RuleDraft>;
    let fields: [(&str, Kind, SetR, Get); 2] = [
        (
            "wording",
            LINE_REQUIRED,
            |d, v| d.wording = v,
            |r| r.wording.clone(),
        ),
        (
            "sourceDetail",
            LINE,
            |d, v| d.source_detail = v,
            |r| r.source_detail.clone(),
        ),
    ];
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let id = if update {
                let all = ts.rules().await?;
                let version = all.iter().find(|r| &r.id == existing).unwrap().version;
                ts.update_rule(existing, version, &draft).await?.id
            } else {
                ts.create_rule(&draft).await?.id
            };
            let all = ts.rules().await?;
            Ok(get(all.iter().find(|r| r.id == id).unwrap()))
        });
    }

    let report = rt.block_on(add_report(ts, "Ada Lovelace")).id;
    let base = manager_change_draft("2026-06-01", "Chris Doe");
    let existing = rt
        .block_on(ts.add_manager_change(&report, &base))
        .unwrap()
        .id;
    let (report, base, existing) = (&report, &base, &existing);
    type GetM = fn(&trellis_core::model::ManagerChange) -> String;
    type SetM = Set<trellis_core::model::ManagerChangeDraft>;
    let fields: [(&str, Kind, SetM, GetM); 2] = [
        (
            "manager",
            LINE_REQUIRED,
            |d, v| d.manager = v,
            |m| m.manager.clone(),
        ),
        ("note", TEXT, |d, v| d.note = v, |m| m.note.clone()),
    ];
    for (field, kind, set, get) in fields {
        check(&rt, field, kind, |value, update| async move {
            let mut draft = base.clone();
            set(&mut draft, value);
            let id = if update {
                let all = ts.manager_changes(report).await?;
                let version = all.iter().find(|m| &m.id == existing).unwrap().version;
                ts.update_manager_change(existing, version, &draft)
                    .await?
                    .id
            } else {
                ts.add_manager_change(report, &draft).await?.id
            };
            let all = ts.manager_changes(report).await?;
            Ok(get(all.iter().find(|m| m.id == id).unwrap()))
        });
    }
}

#[test]
fn one_on_one_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let report = rt.block_on(add_report(&ts, "Ada Lovelace")).id;
    let meeting = rt.block_on(hold_meeting(&ts, &report, TODAY));
    let first_note = rt
        .block_on(ts.add_note(&meeting.id, &note_draft("Talked about the RFC.", true)))
        .unwrap();
    let first_note = meeting_on(&first_note, TODAY).notes[0].id.clone();
    let (ts, report, meeting, first_note) = (&ts, &report, &meeting.id, &first_note);
    let note_of = |ones: &trellis_core::model::OneOnOnes, id: &trellis_core::ids::NoteId| {
        ones.meetings
            .iter()
            .flat_map(|m| &m.notes)
            .find(|n| &n.id == id)
            .cloned()
            .unwrap()
    };
    check(&rt, "body", TEXT_REQUIRED, |value, update| async move {
        let draft = note_draft(&value, true);
        let id = if update {
            let version = note_of(&ts.one_on_ones(report).await?, first_note).version;
            ts.update_note(first_note, version, &draft).await?;
            first_note.clone()
        } else {
            let ids = |ones: &trellis_core::model::OneOnOnes| -> Vec<_> {
                let notes = &meeting_on(ones, TODAY).notes;
                notes.iter().map(|n| n.id.clone()).collect()
            };
            let before = ids(&ts.one_on_ones(report).await?);
            added(&before, &ids(&ts.add_note(meeting, &draft).await?))
        };
        Ok(note_of(&ts.one_on_ones(report).await?, &id).body)
    });

    // Agenda items: a new one is read back, then deleted (a report has at most 100 open).
    let ones = rt
        .block_on(ts.add_agenda_item(report, None, &agenda_draft("Promotion timeline")))
        .unwrap();
    let first_item = ones.open_agenda[0].id.clone();
    let first_item = &first_item;
    let item_of = |ones: &trellis_core::model::OneOnOnes, id: &AgendaItemId| {
        ones.open_agenda
            .iter()
            .find(|i| &i.id == id)
            .cloned()
            .unwrap()
    };
    check(&rt, "text", ITEM, |value, update| async move {
        let draft = agenda_draft(&value);
        if update {
            let version = item_of(&ts.one_on_ones(report).await?, first_item).version;
            ts.update_agenda_item(first_item, version, &draft).await?;
            return Ok(item_of(&ts.one_on_ones(report).await?, first_item).text);
        }
        let ids = |ones: &trellis_core::model::OneOnOnes| -> Vec<_> {
            ones.open_agenda.iter().map(|i| i.id.clone()).collect()
        };
        let before = ids(&ts.one_on_ones(report).await?);
        let id = added(
            &before,
            &ids(&ts.add_agenda_item(report, None, &draft).await?),
        );
        let text = item_of(&ts.one_on_ones(report).await?, &id).text;
        ts.delete_record(RecordKind::AgendaItem, id.as_str())
            .await?;
        Ok(text)
    });

    let ones = rt
        .block_on(ts.add_action_item(report, None, &action_draft("Send the RFC", "")))
        .unwrap();
    let first_action = ones.open_actions[0].id.clone();
    let first_action = &first_action;
    let action_of = |ones: &trellis_core::model::OneOnOnes,
                     id: &trellis_core::ids::ActionItemId| {
        ones.open_actions
            .iter()
            .find(|a| &a.id == id)
            .cloned()
            .unwrap()
    };
    check(&rt, "text", ITEM, |value, update| async move {
        let draft = action_draft(&value, "");
        let id = if update {
            let version = action_of(&ts.one_on_ones(report).await?, first_action).version;
            ts.update_action_item(first_action, version, &draft).await?;
            first_action.clone()
        } else {
            let ids = |ones: &trellis_core::model::OneOnOnes| -> Vec<_> {
                ones.open_actions.iter().map(|a| a.id.clone()).collect()
            };
            let before = ids(&ts.one_on_ones(report).await?);
            added(
                &before,
                &ids(&ts.add_action_item(report, None, &draft).await?),
            )
        };
        Ok(action_of(&ts.one_on_ones(report).await?, &id).text)
    });
}

#[test]
fn question_fields() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let base = QuestionDraft {
        text: "What would your skip-level say you own?".to_owned(),
        trigger: "general".to_owned(),
        retired: false,
    };
    let existing = rt.block_on(ts.create_question(&base)).unwrap().id;
    let (ts, base, existing) = (&ts, &base, &existing);
    let save = |draft: QuestionDraft, update: bool| async move {
        let id = if update {
            let all = ts.questions(true).await?;
            let version = all.iter().find(|q| &q.id == existing).unwrap().version;
            ts.update_question(existing, version, &draft).await?.id
        } else {
            ts.create_question(&draft).await?.id
        };
        let all = ts.questions(true).await?;
        Ok::<_, Error>(all.into_iter().find(|q| q.id == id).unwrap())
    };
    check(&rt, "text", LINE_REQUIRED, |value, update| async move {
        let draft = QuestionDraft {
            text: value,
            ..base.clone()
        };
        Ok(save(draft, update).await?.text)
    });

    // A trigger is one of the known ones (trimmed), whatever else is sent.
    let known: Vec<String> = trellis_core::model::question::triggers()
        .into_iter()
        .map(|t| t.id)
        .collect();
    let triggers = prop_oneof![
        2 => values(LINE),
        2 => (spaces(0), select(known.clone()), spaces(0)).prop_map(|(a, t, b)| a + &t + &b),
        1 => select(known.clone()).prop_map(|t| t.to_uppercase()),
    ]
    .boxed();
    check_with(
        &rt,
        "trigger",
        triggers,
        |input, _| {
            let t = input.trim();
            known.iter().any(|k| k == t).then(|| t.to_owned())
        },
        |value, update| async move {
            let draft = QuestionDraft {
                trigger: value,
                ..base.clone()
            };
            Ok(save(draft, update).await?.trigger)
        },
    );
}

#[test]
fn ladder_level_names() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let spare = rt
        .block_on(ts.add_level(LevelDraft {
            name: "Spare".to_owned(),
            rank: 6,
        }))
        .unwrap()
        .into_iter()
        .find(|l| l.name == "Spare")
        .unwrap()
        .id;
    let ts = &ts;
    let names: Vec<String> = rt.block_on(level_names(ts));
    let spare = &spare;
    // Names already taken, in other cases and with spaces, among the values.
    let taken = prop_oneof![
        3 => values(LINE_REQUIRED),
        1 => (spaces(0), select(names.clone()), spaces(0))
            .prop_map(|(a, n, b)| a + &n.to_uppercase() + &b),
    ]
    .boxed();
    check_with(
        &rt,
        "name",
        taken,
        |input, update| {
            let name = expected(LINE_REQUIRED, input)?;
            // Renaming the spare level may keep its own name; a new level may not.
            let clash = names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase() && (!update || n != "Spare"));
            (!clash).then_some(name)
        },
        |value, update| async move {
            if update {
                let ladder = ts.rename_level(spare, &value).await?;
                let name = ladder.iter().find(|l| &l.id == spare).unwrap().name.clone();
                ts.rename_level(spare, "Spare").await.unwrap();
                return Ok(name);
            }
            let before: Vec<LevelId> = ts.ladder().await?.into_iter().map(|l| l.id).collect();
            let ladder = ts
                .add_level(LevelDraft {
                    name: value,
                    rank: 1,
                })
                .await?;
            let added = ladder.iter().find(|l| !before.contains(&l.id)).unwrap();
            ts.remove_level(&added.id).await.unwrap();
            Ok(added.name.clone())
        },
    );
}

#[test]
fn acknowledgement_fields_and_the_search_query() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let report = rt.block_on(add_report(&ts, "Ada Lovelace")).id;
    let (ts, report) = (&ts, &report);
    let ack = |cause_key: String, reason: String| AckDraft {
        rule: SignalRule::ALL[0],
        cause_key,
        action: Some(AckAction::Acknowledged),
        reason,
        until: String::new(),
    };
    let save = move |draft: AckDraft| async move {
        let id = ts.acknowledge_signal(report, &draft).await?.id;
        let all = ts.signal_acks(report).await?;
        Ok::<_, Error>(all.into_iter().find(|a| a.id == id).unwrap())
    };
    // Acknowledgements are kept as history: never edited.
    check(&rt, "reason", TEXT_REQUIRED, |value, _| async move {
        let key = format!("{}|", SignalRule::ALL[0].id());
        Ok(save(ack(key, value)).await?.reason)
    });
    check(&rt, "causeKey", Kind::CauseKey, |value, _| async move {
        Ok(save(ack(value, "Seen; handled in the 1:1.".to_owned()))
            .await?
            .cause_key)
    });

    rt.block_on(ts.create_evidence(report, &evidence_draft("Ledger migration")))
        .unwrap();
    check(&rt, "query", Kind::Query, |value, _| async move {
        Ok(ts.search(&value, 20).await?.query)
    });
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates.
// ---------------------------------------------------------------------------------------------

/// Some values in range, most of them anywhere an `i32` can be.
fn numbers(min: i32, max: i32) -> BoxedStrategy<i32> {
    prop_oneof![
        2 => min..=max,
        1 => select(vec![i32::MIN, -1, 0, min - 1, min, max, max + 1, i32::MAX]),
        1 => any::<i32>(),
    ]
    .boxed()
}

#[test]
fn thresholds_are_stored_in_range_or_refused() {
    use trellis_core::model::Thresholds;
    type SetT = fn(&mut Thresholds, i32);
    let fields: [(&str, i32, i32, SetT); 10] = [
        ("packetDraftMonths", 1, 24, |t, v| t.packet_draft_months = v),
        ("staffPeerReviewWeeks", 1, 52, |t, v| {
            t.staff_peer_review_weeks = v
        }),
        ("managerReviewWeeks", 1, 52, |t, v| {
            t.manager_review_weeks = v
        }),
        ("skipLevelReviewWeeks", 1, 52, |t, v| {
            t.skip_level_review_weeks = v
        }),
        ("seenSharePercent", 1, 100, |t, v| t.seen_share_percent = v),
        ("workMixMonths", 1, 36, |t, v| t.work_mix_months = v),
        ("workMixPercent", 1, 100, |t, v| t.work_mix_percent = v),
        ("evidenceMonths", 1, 36, |t, v| t.evidence_months = v),
        ("evidenceMinItems", 1, 100, |t, v| t.evidence_min_items = v),
        ("unquantifiedPercent", 1, 100, |t, v| {
            t.unquantified_percent = v
        }),
    ];
    let rt = runtime();
    let ts = rt.block_on(open_store());
    for (field, min, max, set) in fields {
        let mut runner = runner(field);
        let outcome = runner.run(&numbers(min, max), |n| {
            let mut t = Thresholds::default();
            set(&mut t, n);
            let got = rt.block_on(async {
                ts.set_thresholds(&t).await?;
                ts.thresholds().await
            });
            let want = (min..=max).contains(&n).then(|| format!("{t:?}"));
            judge(field, &n.to_string(), want, got.map(|t| format!("{t:?}")))
        });
        if let Err(e) = outcome {
            panic!("{field}: {e}");
        }
    }
}

#[test]
fn rule_check_parameters_and_ladder_positions_are_in_range_or_refused() {
    use trellis_core::model::Check;
    type Make = fn(i32) -> Check;
    let checks: [(i32, i32, Make); 4] = [
        (1, 120, |months| Check::TopEvidenceInProduction { months }),
        (1, 60, |months| Check::PositiveMentorshipFeedback { months }),
        (1, 20, |count| Check::MinAdvocates { count }),
        (1, 50, |count| Check::SeenByCommittee { count }),
    ];
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let ts = &ts;
    for (min, max, make) in checks {
        let mut runner = runner(&format!("check {min}-{max}"));
        let outcome = runner.run(&numbers(min, max), |n| {
            let draft = rule_draft("Impact in numbers", "2026-06-01", Some(make(n)));
            let got = rt.block_on(async {
                let id = ts.create_rule(&draft).await?.id;
                let all = ts.rules().await?;
                Ok(format!(
                    "{:?}",
                    all.iter().find(|r| r.id == id).unwrap().check
                ))
            });
            let want = (min..=max)
                .contains(&n)
                .then(|| format!("{:?}", Some(make(n))));
            judge("check", &n.to_string(), want, got)
        });
        if let Err(e) = outcome {
            panic!("check: {e}");
        }
    }

    // Positions run from 1 to the number of levels (one more for a new level).
    let levels = rt.block_on(ts.ladder()).unwrap().len() as i32;
    let spare = rt
        .block_on(ts.add_level(LevelDraft {
            name: "Spare".to_owned(),
            rank: levels + 1,
        }))
        .unwrap()
        .into_iter()
        .find(|l| l.name == "Spare")
        .unwrap()
        .id;
    let spare = &spare;
    let mut runner = runner("rank");
    let outcome = runner.run(
        &(numbers(1, levels + 2), any::<bool>()),
        |(rank, update)| {
            let got = rt.block_on(async {
                let ladder = if update {
                    ts.move_level(spare, rank).await?
                } else {
                    ts.add_level(LevelDraft {
                        name: "Extra".to_owned(),
                        rank,
                    })
                    .await?
                };
                let name = if update { "Spare" } else { "Extra" };
                let level = ladder.iter().find(|l| l.name == name).unwrap().clone();
                if !update {
                    ts.remove_level(&level.id).await.unwrap();
                }
                Ok(level.rank.to_string())
            });
            // With the spare level the ladder has `levels + 1`; a new level makes one more.
            let max = if update { levels + 1 } else { levels + 2 };
            let want = (1..=max).contains(&rank).then(|| rank.to_string());
            judge("rank", &rank.to_string(), want, got)
        },
    );
    if let Err(e) = outcome {
        panic!("rank: {e}");
    }
}

/// Strings that are, or are nearly, `YYYY-MM-DD` dates, and anything else.
fn date_strings() -> BoxedStrategy<String> {
    // Real dates from 1940 to 2210, around every bound.
    let start = chrono::NaiveDate::from_ymd_opt(1940, 1, 1).unwrap();
    let real = prop_oneof![0i64..32_870, 0i64..98_990]
        .prop_map(move |days| ymd(start + chrono::Duration::days(days)));
    let shaped =
        (0u32..10_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    let edges = select(vec![
        "1949-12-31",
        "1950-01-01",
        "2024-02-29",
        "2023-02-29",
        "2026-11-24",
        "2026-11-25",
        "2199-12-31",
        "2200-01-01",
        "9999-12-31",
        "0000-01-01",
        "2024-3-1",
        "+2024-03-01",
        "2024/03/01",
        "24-03-01",
        "２０２４-０３-０１",
        "٢٠٢٤-٠٣-٠١",
        "2024-03-01T00:00",
        "2024-03-01\0",
        "\u{202E}2024-03-01",
        "",
    ])
    .prop_map(str::to_owned);
    prop_oneof![
        4 => (spaces(0), real, spaces(0)).prop_map(|(a, d, b)| a + &d + &b),
        2 => shaped,
        3 => edges,
        2 => short(),
        1 => huge(""),
    ]
    .boxed()
}

/// What a date field must hold: `None` when the value must be refused; `Some("")` for an
/// optional date left empty.
fn expected_date(input: &str, required: bool, latest: &str) -> Option<String> {
    let v = input.trim();
    if v.is_empty() {
        return (!required).then(String::new);
    }
    let shaped = v.len() == 10
        && v.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let date = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
    let in_range = shaped && ymd(date).as_str() >= "1950-01-01" && ymd(date).as_str() <= latest;
    in_range.then(|| ymd(date))
}

#[test]
fn dates_are_stored_as_given_or_refused() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    let base = rt.block_on(valid_draft(&ts));
    let existing = rt.block_on(ts.create_report(&base)).unwrap().id;
    let (ts, base, existing) = (&ts, &base, &existing);
    // Required, and not after today.
    check_with(
        &rt,
        "inRoleSince",
        date_strings(),
        |input, _| expected_date(input, true, TODAY),
        |value, update| async move {
            let draft = ReportDraft {
                in_role_since: value,
                ..base.clone()
            };
            let id = if update {
                let version = ts.report(existing).await?.version;
                ts.update_report(existing, version, &draft).await?.id
            } else {
                ts.create_report(&draft).await?.id
            };
            Ok(ymd(ts.report(&id).await?.in_role_since))
        },
    );
    // Optional, and may be planned far ahead (but not past 2199).
    check_with(
        &rt,
        "dueOn",
        date_strings(),
        |input, _| expected_date(input, false, "2199-12-31"),
        |value, _| async move {
            let ids = |ones: &trellis_core::model::OneOnOnes| -> Vec<_> {
                ones.open_actions.iter().map(|a| a.id.clone()).collect()
            };
            let before = ids(&ts.one_on_ones(existing).await?);
            let draft = action_draft("Send the RFC", &value);
            let ones = ts.add_action_item(existing, None, &draft).await?;
            let id = added(&before, &ids(&ones));
            let action = ones.open_actions.iter().find(|a| a.id == id).unwrap();
            Ok(action.due_on.map(ymd).unwrap_or_default())
        },
    );
}

#[test]
fn a_search_limit_of_any_size_is_clamped_not_refused() {
    let rt = runtime();
    let ts = rt.block_on(open_store());
    rt.block_on(add_report(&ts, "Ada Lovelace"));
    let mut runner = runner("limit");
    let outcome = runner.run(&any::<u32>(), |limit| {
        let got = rt.block_on(ts.search("Ada", limit));
        match got {
            Ok(r) if r.hits.len() <= 100 => Ok(()),
            other => Err(TestCaseError::fail(format!("limit {limit}: {other:?}"))),
        }
    });
    if let Err(e) = outcome {
        panic!("limit: {e}");
    }
}
