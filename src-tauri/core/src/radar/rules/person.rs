//! Rules about the report themself: mandate, archetype, advocates, 1:1s.

use chrono::Days;

use super::super::view::{active_mandate, advocates_on, day, lapse_limit, lapsed_after};
use super::{cause, Ctx, Finding};
use crate::model::{Archetype, RecordKind, SignalRule};

pub(super) fn mandate(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    match active_mandate(r, ctx.as_of) {
        None => out.push(Finding {
            severity: None,
            rule: SignalRule::MandateMissing,
            message: "No current mandate: nobody has said what the company values from them now."
                .into(),
            causes: Vec::new(),
            action: "Agree a mandate: the problem they own, the priority it serves, a sponsor."
                .into(),
            key: String::new(),
            run: None,
        }),
        Some(m) => {
            if let Some(review) = m.review_by.filter(|rb| *rb < ctx.as_of) {
                out.push(Finding {
                    severity: None,
                    rule: SignalRule::MandateReviewOverdue,
                    message: format!("The mandate's review date ({}) has passed.", day(review)),
                    causes: vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
                    action: "Review the mandate: still the right problem, still valued? Record the review (kept, changed or dropped) with the next date.".into(),
                    key: format!("{}:{review}", m.id),
                    run: None,
                });
            }
            if m.priority.trim().is_empty() {
                out.push(Finding {
                    severity: None,
                    rule: SignalRule::MandateNoPriority,
                    message: "The mandate is tied to no company priority.".into(),
                    causes: vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
                    action:
                        "Name the priority it serves, or find work where leadership's attention is."
                            .into(),
                    key: m.id.to_string(),
                    run: None,
                });
            }
        }
    }
}

pub(super) fn archetype(ctx: &Ctx, out: &mut Vec<Finding>) {
    let report = &ctx.r.report;
    let unclear = report.archetype_worked == Archetype::Unclear
        || report.archetype_needed == Archetype::Unclear;
    let key = format!(
        "{:?}:{:?}",
        report.archetype_worked, report.archetype_needed
    );
    if unclear {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ArchetypeUnclear,
            message: "The archetype they work as, or the one needed, is unclear.".into(),
            causes: vec![cause(RecordKind::Report, report.id.as_str(), &report.name)],
            action: "Decide together which archetype the role is, and what the organisation needs."
                .into(),
            key,
            run: None,
        });
    } else if report.archetype_worked != report.archetype_needed {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ArchetypeMismatch,
            message: format!(
                "Works as {} while the organisation needs {}.",
                report.archetype_worked.label(),
                report.archetype_needed.label()
            ),
            causes: vec![cause(RecordKind::Report, report.id.as_str(), &report.name)],
            action: "Discuss the gap: change the work, or make the case for the archetype they practise.".into(),
            key,
            run: None,
        });
    }
}

pub(super) fn advocates(ctx: &Ctx, out: &mut Vec<Finding>) {
    if advocates_on(ctx.r, ctx.as_of) > 0 {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::NoAdvocate,
        message: "No leader is recorded as ready to speak for their work.".into(),
        causes: Vec::new(),
        action: "Find who has seen their best work and would speak for it; check with them.".into(),
        key: String::new(),
        run: None,
    });
}

/// No 1:1 for more than one and a half times the report's cadence, counted from the last 1:1
/// on or before the day. Only for reports with at least one recorded 1:1: without any, the
/// record cannot tell "never met" from "meets outside Trellis", and every report would be
/// flagged.
pub(super) fn one_on_ones(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some((id, last)) = ctx
        .r
        .meetings
        .iter()
        .filter(|(_, d)| *d <= ctx.as_of)
        .max_by_key(|(_, d)| *d)
    else {
        return;
    };
    let Some(lapsed) = last.checked_add_days(Days::new(lapsed_after(ctx.r))) else {
        return;
    };
    if ctx.as_of < lapsed {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::OneOnOneLapsed,
        message: format!(
            "No 1:1 for more than {} days (the last was on {}), for a 1:1 every {} days.",
            lapse_limit(ctx.r),
            day(*last),
            ctx.r.report.one_on_one_every_days
        ),
        causes: vec![cause(
            RecordKind::Meeting,
            id.as_str(),
            &format!("1:1 on {}", day(*last)),
        )],
        action: "Put a 1:1 in the calendar; the prep view lists what to raise.".into(),
        key: last.to_string(),
        // The same lapse while it lasts, even when a forgotten earlier 1:1 is entered late.
        run: Some(String::new()),
    });
}
