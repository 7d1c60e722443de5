//! What replaying the corpus found: per planted problem, when it was first flagged and the
//! verdict; per candidate, the medium and high signals nobody planted; and what makes the
//! corpus fail.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::{Severity, SignalRule};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// First flagged on or before the expected day (and not before its `not before`).
    OnTime,
    /// First flagged after the expected day.
    Late,
    /// First flagged before its `not before` day: the radar knew before the record could.
    Early,
    /// Not flagged on the expected day nor on any day after it (up to the last calibration).
    Missed,
    /// The history could not be entered (see its error).
    NotRun,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::OnTime => "on time",
            Self::Late => "LATE",
            Self::Early => "EARLY",
            Self::Missed => "MISSED",
            Self::NotRun => "not run",
        }
    }
}

/// One planted problem and how the radar did on it.
#[derive(Debug, Clone)]
pub struct ProblemRow {
    /// `file:line` of the expectation.
    pub place: String,
    pub report: String,
    pub rule: SignalRule,
    pub about: Option<String>,
    /// The expected day, as a date or (when the history did not run) as written.
    pub expected_by: String,
    pub not_before: Option<NaiveDate>,
    /// The first day of the unbroken run of days on which the replay showed it.
    pub first_flagged: Option<NaiveDate>,
    /// The radar's own `since` for it, on the day it was judged.
    pub radar_since: Option<NaiveDate>,
    pub severity: Option<Severity>,
    /// Calibration − first flagged.
    pub lead_days: Option<i64>,
    /// The radar's own `leadTimeDays`, on the day it was judged.
    pub radar_lead_days: Option<i32>,
    pub verdict: Verdict,
    /// Further problems with this row (a wrong severity, a lead time the radar got wrong).
    pub notes: Vec<String>,
}

/// A medium or high signal on a clean candidate (a false alarm), or on a problem candidate
/// whose story did not plant it (unplanted): one line per report and rule, over the replayed
/// days.
#[derive(Debug, Clone)]
pub struct Alarm {
    pub report: String,
    pub rule: SignalRule,
    /// The most severe it showed as.
    pub severity: Severity,
    /// How many distinct causes (cause keys) it showed with.
    pub causes: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// On how many replayed days it showed.
    pub days: usize,
    /// Its message on the first day it showed.
    pub message: String,
}

/// A day on which the replay of the finished record and the live store disagreed about a
/// rule's signals for a report (see `live.rs`).
#[derive(Debug, Clone)]
pub struct Mismatch {
    pub report: String,
    pub rule: SignalRule,
    /// True: the replay shows a signal the live store did not (hindsight); false: the live
    /// store showed one the replay does not (lost).
    pub hindsight: bool,
    pub first: NaiveDate,
    pub days: std::collections::BTreeSet<NaiveDate>,
    /// One of the differing signals, on the first day: its `since` and message.
    pub example: String,
}

/// One history's result.
#[derive(Debug, Clone)]
pub struct HistoryOutcome {
    pub file: PathBuf,
    pub title: String,
    /// The candidates expected clean.
    pub clean: Vec<String>,
    pub problems: Vec<ProblemRow>,
    pub false_alarms: Vec<Alarm>,
    pub unplanted: Vec<Alarm>,
    /// Where the replay and what Trellis showed on the day disagree.
    pub knowledge: Vec<Mismatch>,
    /// Why the history could not be read or entered, if so.
    pub error: Option<String>,
    /// How many (report, day) replays were made.
    pub replays: usize,
}

/// The whole corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusOutcome {
    pub histories: Vec<HistoryOutcome>,
}

impl CorpusOutcome {
    /// Everything that makes the corpus fail, one line each.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        for h in &self.histories {
            let file = h.file.display();
            if let Some(e) = &h.error {
                out.push(format!("{file}: the history could not be entered: {e}"));
            }
            for p in h.problems.iter().filter(|p| p.verdict != Verdict::NotRun) {
                let what = format!("{}: {} {}", p.place, p.report, p.rule.id());
                match p.verdict {
                    Verdict::Late => out.push(format!(
                        "{what}: flagged late, on {} (expected by {})",
                        day(p.first_flagged),
                        p.expected_by
                    )),
                    Verdict::Early => out.push(format!(
                        "{what}: flagged on {}, before it could be known (not before {})",
                        day(p.first_flagged),
                        day(p.not_before)
                    )),
                    Verdict::Missed => out.push(format!(
                        "{what}: never flagged (expected by {})",
                        p.expected_by
                    )),
                    _ => {}
                }
                out.extend(p.notes.iter().map(|n| format!("{what}: {n}")));
            }
            for m in &h.knowledge {
                out.push(format!(
                    "{file}: {} {}: on {} replayed day(s) from {} the replay {} (e.g. {})",
                    m.report,
                    m.rule.id(),
                    m.days.len(),
                    m.first,
                    if m.hindsight {
                        "shows a signal Trellis did not show on the day (hindsight)"
                    } else {
                        "lacks a signal Trellis showed on the day"
                    },
                    m.example
                ));
            }
            for a in &h.false_alarms {
                out.push(format!(
                    "{file}: false alarm on clean candidate {}: {} ({}) from {} to {} on {} replayed day(s): {}",
                    a.report,
                    a.rule.id(),
                    severity(a.severity),
                    a.first,
                    a.last,
                    a.days,
                    a.message
                ));
            }
        }
        out
    }
}

pub fn day(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
    }
}
