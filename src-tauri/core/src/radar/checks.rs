//! Rules-of-thumb machine checks, evaluated for a candidacy as of a date.

use chrono::NaiveDate;

use super::record::{Candidacy, RadarRecord};
use super::view::{
    audience, day, evidence_on, feedback_between, high_impact, months_after, months_before,
    seen_count, strongest,
};
use crate::model::{
    Cause, Check, CheckStatus, ChecklistItem, Evidence, EvidenceRole, ManualStatus, RecordKind,
    RuleOfThumb, Sentiment,
};

/// Where a candidate stands on one rule on a day, why, and the record that decided it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: CheckStatus,
    pub detail: String,
    pub record: Option<Cause>,
}

fn outcome(status: CheckStatus, detail: String, record: Option<&Evidence>) -> Outcome {
    Outcome {
        status,
        detail,
        record: record.map(|e| Cause {
            kind: RecordKind::Evidence,
            id: e.id.to_string(),
            title: e.title.clone(),
            report_id: None,
        }),
    }
}

/// The work a production check judges: the flagship when there is one, else the led or
/// co-led work with quantified impact that has run in production longest.
fn production_candidate(r: &RadarRecord, d: NaiveDate) -> Option<&Evidence> {
    if let Some(flagship) = evidence_on(r, d).find(|e| e.flagship) {
        return Some(flagship);
    }
    evidence_on(r, d)
        .filter(|e| matches!(e.role, EvidenceRole::Led | EvidenceRole::CoLed))
        .filter(|e| !e.impact.trim().is_empty())
        .filter_map(|e| e.in_production_since.filter(|p| *p <= d).map(|p| (p, e)))
        .min_by_key(|(p, e)| (*p, e.id.clone()))
        .map(|(_, e)| e)
}

/// Where the candidate stands on `check` on `d`, and why.
pub fn evaluate(check: &Check, r: &RadarRecord, c: &Candidacy, d: NaiveDate) -> Outcome {
    let calibration = c.cycle.calibration_date;
    match check {
        Check::TopEvidenceInProduction { months } => {
            let months = *months;
            let Some(e) = production_candidate(r, d) else {
                return outcome(
                    CheckStatus::Unmet,
                    "No led or co-led work with quantified impact is in production yet.".into(),
                    None,
                );
            };
            let what = if e.flagship {
                format!("The flagship, \u{201c}{}\u{201d},", e.title)
            } else {
                format!("\u{201c}{}\u{201d}", e.title)
            };
            match e.in_production_since.filter(|p| *p <= d) {
                None => outcome(
                    CheckStatus::Unmet,
                    format!("{what} is not in production yet."),
                    Some(e),
                ),
                Some(since) if months_after(since, months) <= calibration => outcome(
                    CheckStatus::Met,
                    format!("{what} has run in production since {}.", day(since)),
                    Some(e),
                ),
                Some(since) => outcome(
                    CheckStatus::Unmet,
                    format!(
                        "{what} went into production on {}: under {months} months by calibration ({}).",
                        day(since),
                        day(calibration)
                    ),
                    Some(e),
                ),
            }
        }
        Check::LedEvidenceOfKind { kinds } => {
            match evidence_on(r, d)
                .filter(|e| kinds.contains(&e.kind) && e.role == EvidenceRole::Led)
                .min_by_key(|e| (!e.flagship, e.started_on, e.id.clone()))
            {
                Some(e) => outcome(
                    CheckStatus::Met,
                    format!("Led \u{201c}{}\u{201d}.", e.title),
                    Some(e),
                ),
                None => outcome(
                    CheckStatus::Unmet,
                    "No evidence of that kind that they led.".into(),
                    None,
                ),
            }
        }
        Check::PositiveMentorshipFeedback { months } => {
            let to = d.min(calibration);
            let found = feedback_between(r, months_before(calibration, *months), to);
            let (status, detail) = if found.is_empty() {
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
            };
            outcome(status, detail, None)
        }
        Check::MinAdvocates { count } => {
            let n = super::view::advocates_on(r, d);
            let status = if n >= usize::try_from(*count).unwrap_or(usize::MAX) {
                CheckStatus::Met
            } else {
                CheckStatus::Unmet
            };
            outcome(
                status,
                format!("{n} advocate(s) with strong or moderate support."),
                None,
            )
        }
        Check::SeenByCommittee { count } => {
            let (committee, who) = audience(r, d);
            if who != "the committee" {
                return outcome(
                    CheckStatus::Unknown,
                    "The cycle has no committee recorded.".into(),
                    None,
                );
            }
            // Their best-seen piece among the strongest work and any work a packet can lean
            // on, whenever it ran.
            let best = strongest(r, d)
                .into_iter()
                .chain(evidence_on(r, d).filter(|e| high_impact(e, d)))
                .map(|e| (seen_count(e, &committee, d), e))
                .max_by_key(|(n, e)| (*n, e.flagship, e.started_on));
            match best {
                Some((n, e)) if n >= usize::try_from(*count).unwrap_or(usize::MAX) => outcome(
                    CheckStatus::Met,
                    format!("\u{201c}{}\u{201d} was seen by {n} committee members.", e.title),
                    Some(e),
                ),
                Some((n, e)) => outcome(
                    CheckStatus::Unmet,
                    format!("Their best-seen work, \u{201c}{}\u{201d}, was seen by {n} committee member(s).", e.title),
                    Some(e),
                ),
                None => outcome(
                    CheckStatus::Unmet,
                    "No led or co-led work with impact to show yet.".into(),
                    None,
                ),
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
pub fn status(rule: &RuleOfThumb, r: &RadarRecord, c: &Candidacy, d: NaiveDate) -> Outcome {
    if let Some(check) = &rule.check {
        return evaluate(check, r, c, d);
    }
    match c
        .manual
        .iter()
        .find(|m| m.rule_id == rule.id && m.checked_on <= d)
    {
        Some(m) => Outcome {
            status: match m.status {
                ManualStatus::Met => CheckStatus::Met,
                ManualStatus::Unmet => CheckStatus::Unmet,
            },
            detail: if m.note.is_empty() {
                "Checked by hand.".into()
            } else {
                m.note.clone()
            },
            record: None,
        },
        None => Outcome {
            status: CheckStatus::Unknown,
            detail: "No machine check; not checked by hand yet.".into(),
            record: None,
        },
    }
}

/// The candidate's rules-of-thumb checklist on `d`.
pub fn checklist(r: &RadarRecord, c: &Candidacy, d: NaiveDate) -> Vec<ChecklistItem> {
    applicable(r, c, d)
        .map(|rule| {
            let o = status(rule, r, c, d);
            ChecklistItem {
                rule_id: rule.id.clone(),
                wording: rule.wording.clone(),
                confirmed: rule.confirmed,
                check: rule.check.clone(),
                status: o.status,
                detail: o.detail,
                record: o.record,
            }
        })
        .collect()
}
