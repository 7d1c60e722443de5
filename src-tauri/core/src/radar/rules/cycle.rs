//! Rules about the candidacy: the packet and its reviews, the rules of thumb, and changes
//! inside the cycle (a new manager, the ladder).

use chrono::{Days, NaiveDate};

use super::super::checks;
use super::super::record::Candidacy;
use super::super::view::{day, months_before};
use super::{cause, Ctx, Finding};
use crate::model::{
    Cause, CheckStatus, LadderChangeKind, Readiness, RecordKind, ReviewerRole, Severity,
    SignalRule, Thresholds,
};

pub(super) fn weeks_before(d: NaiveDate, weeks: i32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::try_from(weeks.max(0)).unwrap_or(0) * 7))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether the report is, on `as_of`, a candidate who wants the promotion.
pub fn pursued_on(c: &Candidacy, as_of: NaiveDate) -> bool {
    c.candidate.added_on <= as_of && c.candidate.readiness != Readiness::NotInterested
}

/// The candidacy, when the report is a candidate who wants the promotion on the day.
pub(super) fn pursued<'a>(ctx: &Ctx<'a>) -> Option<&'a Candidacy> {
    ctx.r
        .candidacy
        .as_ref()
        .filter(|c| pursued_on(c, ctx.as_of))
}

/// When the first packet draft is due: the threshold's months before calibration.
pub fn draft_due(c: &Candidacy, t: &Thresholds) -> NaiveDate {
    months_before(c.cycle.calibration_date, t.packet_draft_months)
}

pub(super) fn packet(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(c) = pursued(ctx) else {
        return;
    };
    let due = draft_due(c, ctx.t);
    if ctx.as_of < due || c.versions.iter().any(|v| v.saved_on <= ctx.as_of) {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::PacketNoDraft,
        message: format!(
            "No packet draft {} months before calibration ({}).",
            ctx.t.packet_draft_months,
            day(c.cycle.calibration_date)
        ),
        causes: vec![cause(
            RecordKind::Candidate,
            c.candidate.id.as_str(),
            &c.cycle.name,
        )],
        action: "Start the packet with them now: staff-level projects, impact, gaps and a plan."
            .into(),
        key: c.candidate.id.to_string(),
        run: None,
    });
}

/// When a review by `role` is due: the threshold's weeks before packets are due.
pub fn review_due(c: &Candidacy, t: &Thresholds, role: ReviewerRole) -> Option<NaiveDate> {
    let weeks = match role {
        ReviewerRole::StaffPeer => t.staff_peer_review_weeks,
        ReviewerRole::Manager => t.manager_review_weeks,
        ReviewerRole::SkipLevel => t.skip_level_review_weeks,
        ReviewerRole::StaffPlus => return None,
    };
    Some(weeks_before(c.cycle.packet_due, weeks))
}

pub(super) fn reviews(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(c) = pursued(ctx) else { return };
    for (role, rule, who) in [
        (
            ReviewerRole::StaffPeer,
            SignalRule::NoStaffPeerReview,
            "a staff-level peer",
        ),
        (
            ReviewerRole::Manager,
            SignalRule::NoManagerReview,
            "the manager",
        ),
        (
            ReviewerRole::SkipLevel,
            SignalRule::NoSkipLevelReview,
            "the skip-level",
        ),
    ] {
        let Some(due) = review_due(c, ctx.t, role) else {
            continue;
        };
        let received = c
            .reviews
            .iter()
            .any(|v| v.reviewer_role == role && v.received_on.is_some_and(|d| d <= ctx.as_of));
        if ctx.as_of < due || received {
            continue;
        }
        let pending: Vec<Cause> = c
            .reviews
            .iter()
            .filter(|v| v.reviewer_role == role && v.requested_on <= ctx.as_of)
            .map(|v| {
                cause(
                    RecordKind::Review,
                    v.id.as_str(),
                    &format!(
                        "Requested from {} on {}",
                        v.reviewer.name,
                        day(v.requested_on)
                    ),
                )
            })
            .collect();
        let mut causes = vec![cause(
            RecordKind::Candidate,
            c.candidate.id.as_str(),
            &c.cycle.name,
        )];
        let asked = !pending.is_empty();
        causes.extend(pending);
        let late = ctx.as_of > c.cycle.packet_due;
        out.push(Finding {
            severity: None,
            rule,
            message: format!(
                "No review of the packet by {who} {} (packets are due {}){}.",
                if late { "and packets were due" } else { "yet" },
                day(c.cycle.packet_due),
                if asked {
                    "; requested, not received"
                } else {
                    ""
                }
            ),
            causes,
            action: if asked {
                format!("Chase the review by {who}; their comments reveal the rules of thumb.")
            } else {
                format!("Ask {who} to review the packet now, while there is time to act on it.")
            },
            key: c.candidate.id.to_string(),
            run: None,
        });
    }
}

pub(super) fn rules_of_thumb(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = pursued(ctx) else { return };
    for rule in checks::applicable(r, c, ctx.as_of) {
        let outcome = checks::status(rule, r, c, ctx.as_of);
        if outcome.status == CheckStatus::Met {
            continue;
        }
        let unmet = outcome.status == CheckStatus::Unmet;
        let mut causes = vec![cause(RecordKind::Rule, rule.id.as_str(), &rule.wording)];
        causes.extend(outcome.record.clone());
        out.push(Finding {
            // Hearsay weighs less than a confirmed rule.
            severity: (unmet && !rule.confirmed).then_some(Severity::Medium),
            rule: if unmet { SignalRule::RuleOfThumbUnmet } else { SignalRule::RuleOfThumbUnchecked },
            message: format!(
                "{} rule of thumb {}: \u{201c}{}\u{201d}. {}",
                if rule.confirmed { "Confirmed" } else { "Hearsay" },
                if unmet { "unmet" } else { "not checked" },
                rule.wording,
                outcome.detail
            ),
            causes,
            action: if unmet {
                "Plan how to meet it before calibration, or prepare the argument for why it does not apply.".into()
            } else {
                "Check it by hand on the candidate's checklist.".into()
            },
            key: format!("{}:{}", rule.id, c.candidate.id),
            run: None,
        });
    }
}

pub(super) fn manager_changes(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = &r.candidacy else { return };
    let end = ctx.as_of.min(c.cycle.calibration_date);
    for change in r
        .manager_changes
        .iter()
        .filter(|m| m.changed_on >= c.cycle.opens_on && m.changed_on <= end)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ManagerChangedInCycle,
            message: if change.is_me {
                format!(
                    "You became their manager inside the cycle ({}).",
                    day(change.changed_on)
                )
            } else {
                format!(
                    "Manager changed inside the cycle ({}): {}.",
                    day(change.changed_on),
                    change.manager
                )
            },
            causes: vec![cause(
                RecordKind::ManagerChange,
                change.id.as_str(),
                &change.manager,
            )],
            action: if change.is_me {
                "Ask for the handoff and see their strongest work yourself before you argue for it."
                    .into()
            } else {
                "Hand over the record, and make sure the new manager has seen the strongest work."
                    .into()
            },
            key: change.id.to_string(),
            run: None,
        });
    }
}

/// A ladder change inside the cycle that touches the candidate's path from their level to
/// the target: a level added, moved or removed between the two, or either of them renamed
/// or moved.
pub(super) fn ladder_changes(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = &r.candidacy else { return };
    let end = ctx.as_of.min(c.cycle.calibration_date);
    let current = &r.report.current_level;
    let target = &c.candidate.target_level;
    for step in r.ladder.iter().filter(|s| {
        let day = s.change.changed_at.date_naive();
        day >= c.cycle.opens_on && day <= end
    }) {
        let change = &step.change;
        let own = change.level_id == current.id || change.level_id == target.id;
        // Strictly between their level and the target, on the ladder as it was then.
        let between = |rank: Option<i32>, after: bool| match (
            rank,
            step.span(&current.id, &target.id, after),
        ) {
            (Some(x), Some((low, high))) => x > low && x < high,
            _ => false,
        };
        let touches = match change.change {
            LadderChangeKind::Renamed => own,
            LadderChangeKind::Added => between(step.rank_after(), true),
            LadderChangeKind::Removed => between(step.rank_before(), false),
            LadderChangeKind::Moved => {
                own || between(step.rank_before(), false) || between(step.rank_after(), true)
            }
        };
        if !touches {
            continue;
        }
        out.push(Finding {
            severity: None,
            rule: SignalRule::LadderChangedInCycle,
            message: format!(
                "The ladder changed inside the cycle, on their path from {} to {}: {}.",
                current.name, target.name, change.detail
            ),
            causes: vec![cause(
                RecordKind::LadderChange,
                change.id.as_str(),
                &change.detail,
            )],
            action: format!(
                "Check what the change means for their case for {}, and tell them.",
                target.name
            ),
            key: change.id.to_string(),
            run: None,
        });
    }
}
