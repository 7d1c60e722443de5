//! One report judged on a day: its record as it stood, its signals with their first-fired
//! days, its rules-of-thumb checklist and the cycle's work-mix drift, as the radar tab, the
//! cycle dashboard, the 1:1 prep and the calibration notes all show it.

use chrono::NaiveDate;

use super::record::RadarRecord;
use super::replay::Replay;
use crate::model::{ChecklistItem, Period, Signal, SignalRule};

pub struct Judged {
    /// The record as it stood on the day; `None` when the report had not been entered yet or
    /// its own record cannot be read (then `signals` says so).
    pub record: Option<RadarRecord>,
    pub signals: Vec<Signal>,
    pub checklist: Vec<ChecklistItem>,
    pub drifted: Vec<Period>,
}

/// Judges the replay's report on `as_of`. `name`: what to call the report when its own record
/// cannot be read.
pub fn judge(
    replay: &Replay,
    report_id: &crate::ids::ReportId,
    name: &str,
    as_of: NaiveDate,
) -> Judged {
    let signals = match replay.signals_on(as_of) {
        Ok(s) => s,
        Err(problem) => {
            return Judged {
                record: None,
                signals: vec![super::unreadable_report(report_id, name, &problem, as_of)],
                checklist: Vec::new(),
                drifted: Vec::new(),
            }
        }
    };
    let snapshot = replay.record_on(as_of);
    let record = snapshot.as_ref().as_ref().ok().and_then(Clone::clone);
    let checklist = record
        .as_ref()
        .and_then(|r| r.candidacy.as_ref().map(|c| super::checklist(r, c, as_of)))
        .unwrap_or_default();
    let drifted = record
        .as_ref()
        .and_then(|r| r.candidacy.as_ref())
        .map(|c| {
            replay
                .fired_periods(SignalRule::WorkMixDrift, c.cycle.opens_on.min(as_of), as_of)
                .into_iter()
                .map(|(from, until)| Period { from, until })
                .collect()
        })
        .unwrap_or_default();
    Judged {
        record,
        signals,
        checklist,
        drifted,
    }
}
