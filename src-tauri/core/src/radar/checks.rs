//! Rules-of-thumb machine checks, evaluated for a candidacy as of a date.

use chrono::NaiveDate;

use super::record::{Candidacy, RadarRecord};
use super::view::{
    evidence_on, feedback_between, high_impact, months_after, months_before, seen_count,
};
use crate::ids::PersonId;
use crate::model::{
    Check, CheckStatus, ChecklistItem, EvidenceRole, ManualStatus, RuleOfThumb, Sentiment,
};

/// Where the candidate stands on `check` on `d`, and why.
pub fn evaluate(
    check: &Check,
    r: &RadarRecord,
    c: &Candidacy,
    d: NaiveDate,
) -> (CheckStatus, String) {
    let calibration = c.cycle.calibration_date;
    match *check {
        Check::TopEvidenceInProduction { months } => {
            let live = evidence_on(r, d)
                .filter(|e| matches!(e.role, EvidenceRole::Led | EvidenceRole::CoLed))
                .filter(|e| !e.impact.trim().is_empty())
                .filter_map(|e| e.in_production_since.filter(|p| *p <= d).map(|p| (p, e)))
                .min_by_key(|(p, _)| *p);
            match live {
                None => (
                    CheckStatus::Unmet,
                    "No led or co-led work with quantified impact is in production yet.".into(),
                ),
                Some((since, e)) if months_after(since, months) <= calibration => (
                    CheckStatus::Met,
                    format!("\u{201c}{}\u{201d} has run in production since {since}.", e.title),
                ),
                Some((since, e)) => (
                    CheckStatus::Unmet,
                    format!(
                        "\u{201c}{}\u{201d} went into production on {since}: under {months} months by calibration ({calibration}).",
                        e.title
                    ),
                ),
            }
        }
        Check::LedEvidenceOfKind { kind } => {
            match evidence_on(r, d).find(|e| e.kind == kind && e.role == EvidenceRole::Led) {
                Some(e) => (
                    CheckStatus::Met,
                    format!("Led \u{201c}{}\u{201d}.", e.title),
                ),
                None => (
                    CheckStatus::Unmet,
                    "No evidence of that kind that they led.".into(),
                ),
            }
        }
        Check::PositiveMentorshipFeedback { months } => {
            let to = d.min(calibration);
            let found = feedback_between(r, months_before(calibration, months), to);
            if found.is_empty() {
                (
                    CheckStatus::Unknown,
                    format!("No mentee feedback in the {months} months before calibration."),
                )
            } else if found.contains(&Sentiment::Negative) {
                (
                    CheckStatus::Unmet,
                    "Some recent mentee feedback is negative.".into(),
                )
            } else if found.contains(&Sentiment::Positive) {
                (
                    CheckStatus::Met,
                    format!("{} recent feedback entries, none negative.", found.len()),
                )
            } else {
                (
                    CheckStatus::Unmet,
                    "Recent mentee feedback is mixed at best.".into(),
                )
            }
        }
        Check::MinAdvocates { count } => {
            let n = super::view::advocates_on(r, d);
            let status = if n >= usize::try_from(count).unwrap_or(usize::MAX) {
                CheckStatus::Met
            } else {
                CheckStatus::Unmet
            };
            (
                status,
                format!("{n} advocate(s) with strong or moderate support."),
            )
        }
        Check::SeenByCommittee { count } => {
            let committee: Vec<PersonId> = c.cycle.committee.iter().map(|p| p.id.clone()).collect();
            if committee.is_empty() {
                return (
                    CheckStatus::Unknown,
                    "The cycle has no committee recorded.".into(),
                );
            }
            let best = evidence_on(r, d)
                .filter(|e| high_impact(e))
                .map(|e| (seen_count(e, &committee, d), e))
                .max_by_key(|(n, _)| *n);
            match best {
                Some((n, e)) if n >= usize::try_from(count).unwrap_or(usize::MAX) => (
                    CheckStatus::Met,
                    format!("\u{201c}{}\u{201d} was seen by {n} committee members.", e.title),
                ),
                Some((n, e)) => (
                    CheckStatus::Unmet,
                    format!("Their best-seen work, \u{201c}{}\u{201d}, was seen by {n} committee member(s).", e.title),
                ),
                None => (CheckStatus::Unmet, "No led or co-led work with impact to show yet.".into()),
            }
        }
    }
}

/// The rules of the register that applied to the candidacy on `d`.
pub fn applicable<'a>(
    r: &'a RadarRecord,
    c: &'a Candidacy,
    d: NaiveDate,
) -> impl Iterator<Item = &'a RuleOfThumb> {
    c.rules.iter().filter(move |rule| {
        rule.said_on <= d
            && rule.applies_to(&c.candidate.target_level.id, r.report.archetype_worked)
    })
}

/// One rule's status on `d`: its machine check, else the manager's own call, else unknown.
pub fn status(
    rule: &RuleOfThumb,
    r: &RadarRecord,
    c: &Candidacy,
    d: NaiveDate,
) -> (CheckStatus, String) {
    if let Some(check) = &rule.check {
        return evaluate(check, r, c, d);
    }
    match c
        .manual
        .iter()
        .find(|m| m.rule_id == rule.id && m.checked_on <= d)
    {
        Some(m) => (
            match m.status {
                ManualStatus::Met => CheckStatus::Met,
                ManualStatus::Unmet => CheckStatus::Unmet,
            },
            if m.note.is_empty() {
                "Checked by hand.".into()
            } else {
                m.note.clone()
            },
        ),
        None => (
            CheckStatus::Unknown,
            "No machine check; not checked by hand yet.".into(),
        ),
    }
}

/// The candidate's rules-of-thumb checklist on `d`.
pub fn checklist(r: &RadarRecord, c: &Candidacy, d: NaiveDate) -> Vec<ChecklistItem> {
    applicable(r, c, d)
        .map(|rule| {
            let (status, detail) = status(rule, r, c, d);
            ChecklistItem {
                rule_id: rule.id.clone(),
                wording: rule.wording.clone(),
                confirmed: rule.confirmed,
                check: rule.check,
                status,
                detail,
            }
        })
        .collect()
}
