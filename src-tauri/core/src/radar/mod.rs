//! The surprise radar: a pure function from a report's record and an as-of date to
//! explainable signals, each with a stable rule id, severity, message, causes, action and the
//! date it first fired. Same record and date, same signals in the same order.

mod checks;
pub mod record;
mod rules;
mod view;

use chrono::NaiveDate;

pub use checks::checklist;
pub use record::{Candidacy, LedElsewhere, ManualCheck, RadarRecord, StoredAck};
pub use rules::normalise as title_key;
pub use view::{active_mandate, audience, high_impact};

use crate::model::{AckAction, AckState, Signal, Thresholds};

/// Every signal about `record` as of `as_of`, most severe first.
pub fn radar(record: &RadarRecord, as_of: NaiveDate, thresholds: &Thresholds) -> Vec<Signal> {
    let ctx = rules::Ctx {
        r: record,
        as_of,
        t: thresholds,
        cps: view::checkpoints(record, None),
    };
    let calibration = record
        .candidacy
        .as_ref()
        .filter(|c| c.candidate.added_on <= as_of)
        .map(|c| c.cycle.calibration_date);
    let mut signals: Vec<Signal> = rules::all(&ctx)
        .into_iter()
        .map(|f| {
            let cause_key = format!("{}|{}", f.rule.id(), f.key);
            Signal {
                severity: f.severity.unwrap_or_else(|| f.rule.severity()),
                report_id: record.report.id.clone(),
                report_name: record.report.name.clone(),
                ack: ack_for(record, &f.rule, &cause_key, as_of),
                lead_time_days: calibration
                    .map(|c| i32::try_from((c - f.since).num_days()).unwrap_or(i32::MAX)),
                rule: f.rule,
                message: f.message,
                causes: f.causes,
                action: f.action,
                since: f.since,
                cause_key,
            }
        })
        .collect();
    signals.sort_by(|a, b| {
        (a.severity, a.rule, a.since, &a.cause_key).cmp(&(
            b.severity,
            b.rule,
            b.since,
            &b.cause_key,
        ))
    });
    signals
}

/// The newest acknowledgement of this exact cause made by `as_of` (a snooze only until its
/// date).
fn ack_for(
    record: &RadarRecord,
    rule: &crate::model::SignalRule,
    cause_key: &str,
    as_of: NaiveDate,
) -> Option<AckState> {
    record
        .acks
        .iter()
        .filter(|a| &a.rule == rule && a.cause_key == cause_key && a.acked_on <= as_of)
        .max_by_key(|a| a.acked_on)
        .filter(|a| a.action == AckAction::Acknowledged || a.until.is_some_and(|u| u >= as_of))
        .map(|a| AckState {
            action: a.action,
            reason: a.reason.clone(),
            acked_on: a.acked_on,
            until: a.until,
        })
}
