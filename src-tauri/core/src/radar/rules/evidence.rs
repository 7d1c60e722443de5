//! Rules about the evidence itself: two claims of the lead, the work mix, how much was
//! recorded and quantified, and records that cannot be read.

use chrono::NaiveDate;

use super::super::record::RadarRecord;
use super::super::view::{drifting, evidence_on, months_before, record_start};
use super::{cause, Ctx, Finding};
use crate::model::{Cause, EvidenceRole, RecordKind, SignalRule, Thresholds};

/// Titles compare case-, spacing- and punctuation-blind.
pub fn normalise(title: &str) -> String {
    title
        .to_lowercase()
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn duplicate_lead(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    for e in evidence_on(r, ctx.as_of).filter(|e| e.role == EvidenceRole::Led) {
        let mine = normalise(&e.title);
        for other in r
            .led_everywhere
            .iter()
            .filter(|o| o.report_id != r.report.id && o.started_on <= ctx.as_of && o.key == mine)
        {
            out.push(Finding {
                severity: None,
                rule: SignalRule::DuplicateLead,
                message: format!("{} is also recorded as having led \u{201c}{}\u{201d}.", other.report_name, e.title),
                causes: vec![
                    cause(RecordKind::Evidence, e.id.as_str(), &e.title),
                    Cause {
                        report_id: Some(other.report_id.clone()),
                        ..cause(
                            RecordKind::Evidence,
                            other.evidence_id.as_str(),
                            &format!("{} ({})", other.title, other.report_name),
                        )
                    },
                ],
                action: "Settle who led what (co-led, led a part) before two managers argue it in the room.".into(),
                key: format!("{}:{}", e.id, other.evidence_id),
                run: None,
            });
        }
    }
}

/// Whether, on `d`, the last months' tagged work drifts to snacking, preening or chasing
/// ghosts (at least two items and the threshold's share).
pub fn drifts(r: &RadarRecord, t: &Thresholds, d: NaiveDate) -> bool {
    let from = months_before(d, t.work_mix_months);
    let tagged: Vec<_> = evidence_on(r, d)
        .filter(|e| e.started_on > from && e.work_mix != crate::model::WorkMix::Untagged)
        .collect();
    let n = tagged.iter().filter(|e| drifting(e)).count();
    n >= 2 && n * 100 >= tagged.len() * usize::try_from(t.work_mix_percent).unwrap_or(100)
}

pub(super) fn work_mix(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    if !drifts(r, ctx.t, ctx.as_of) {
        return;
    }
    let months = ctx.t.work_mix_months;
    let from = months_before(ctx.as_of, months);
    let causes: Vec<Cause> = evidence_on(r, ctx.as_of)
        .filter(|e| e.started_on > from && drifting(e))
        .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
        .collect();
    out.push(Finding {
        severity: None,
        rule: SignalRule::WorkMixDrift,
        message: format!(
            "{} of the last {months} months' work is snacking, preening or chasing ghosts.",
            causes.len()
        ),
        causes,
        action: "Steer them back to work that moves what this company cares about now.".into(),
        key: String::new(),
        run: None,
    });
}

pub(super) fn evidence_volume(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let months = ctx.t.evidence_months;
    let from = months_before(ctx.as_of, months);
    let window: Vec<_> = evidence_on(r, ctx.as_of)
        .filter(|e| e.started_on > from)
        .collect();
    // Thin: only once the record is old enough to hold a full window.
    if from >= record_start(r)
        && window.len() < usize::try_from(ctx.t.evidence_min_items).unwrap_or(0)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::EvidenceThin,
            message: match window.len() {
                0 => format!("No evidence recorded in the last {months} months."),
                1 => format!("Only one evidence item in the last {months} months."),
                n => format!("Only {n} evidence items in the last {months} months."),
            },
            causes: Vec::new(),
            action: "Record what they did recently, glue work included; ask them for their brag document.".into(),
            key: String::new(),
            run: None,
        });
    }
    let bare: Vec<_> = window
        .iter()
        .filter(|e| e.impact.trim().is_empty())
        .collect();
    if bare.len() >= 2
        && bare.len() * 100
            >= window.len() * usize::try_from(ctx.t.unquantified_percent).unwrap_or(100)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::EvidenceUnquantified,
            message: format!(
                "{} recent evidence items have no quantified impact.",
                bare.len()
            ),
            causes: bare
                .iter()
                .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
                .collect(),
            action: "Put numbers on the impact while the details are fresh.".into(),
            key: String::new(),
            run: None,
        });
    }
}

/// A stored record the radar cannot read: named, so the manager can correct it; the rest of
/// the report is judged without it.
pub(super) fn unreadable(ctx: &Ctx, out: &mut Vec<Finding>) {
    for p in &ctx.r.problems {
        out.push(Finding {
            severity: None,
            rule: SignalRule::RecordUnreadable,
            message: format!("A stored record cannot be read, so the radar left it out: {}.", p.describe()),
            causes: Vec::new(),
            action: "Correct the record (or restore a backup from before it changed); until then the signals here do not count it.".into(),
            key: format!("{}:{}:{}", p.table, p.key, p.field.as_deref().unwrap_or("")),
            run: None,
        });
    }
}
