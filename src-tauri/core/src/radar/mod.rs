//! The surprise radar: pure functions from a report's history and a day to explainable
//! signals, each with a stable rule id, severity, message, causes, action and the first day a
//! manager using Trellis every day would have seen it. Same history and day, same signals in
//! the same order.
//!
//! - [`record`]: what the rules read, the record as it stood at the end of a day;
//! - `rules` and `checks`: what is wrong on a day;
//! - [`replay`]: the signals on a day with their first-fired days, over the history.

mod checkpoints;
mod checks;
pub mod deadlines;
mod judge;
pub mod record;
pub mod replay;
mod rules;
mod view;

pub use checks::checklist;
pub use judge::{judge, Judged};
pub use record::{Candidacy, LadderStep, LedElsewhere, ManualCheck, RadarRecord, StoredAck};
pub use replay::Replay;
pub use rules::{drifts, normalise as title_key, reads, review_due};
pub use view::{
    about_feedback, active_mandate, advocates_strongest_first, audience, day, drifting,
    high_impact, span, strongest,
};

use crate::history::RecordProblem;
use crate::ids::ReportId;
use crate::model::{Cause, RecordKind, Severity, Signal, SignalRule};

/// The one signal of a report whose own record cannot be read.
pub fn unreadable_report(
    report_id: &ReportId,
    name: &str,
    problem: &RecordProblem,
    as_of: chrono::NaiveDate,
) -> Signal {
    Signal {
        rule: SignalRule::RecordUnreadable,
        severity: Severity::High,
        report_id: report_id.clone(),
        report_name: name.to_owned(),
        message: match &problem.field {
            Some(f) => format!(
                "{name}'s record cannot be read, so the radar cannot judge them: its {} holds something that is not right ({}).",
                f.replace('_', " "),
                problem.message
            ),
            None => format!(
                "{name}'s record cannot be read, so the radar cannot judge them ({}).",
                problem.message
            ),
        },
        causes: vec![Cause {
            kind: RecordKind::Report,
            id: report_id.to_string(),
            title: name.to_owned(),
            report_id: None,
        }],
        action: "Correct the record (or restore a backup from before it changed).".into(),
        since: as_of,
        lead_time_days: None,
        cause_key: format!("{}|{}", SignalRule::RecordUnreadable.id(), problem.key),
        ack: None,
    }
}
