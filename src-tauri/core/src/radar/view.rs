//! The record as it stood on a date: only what had happened by then counts.

use chrono::{Months, NaiveDate};

use super::record::RadarRecord;
use crate::ids::PersonId;
use crate::model::{
    Evidence, EvidenceRole, Mandate, PersonRef, Sentiment, SupportStrength, WorkMix,
};

pub fn months_before(d: NaiveDate, months: i32) -> NaiveDate {
    d.checked_sub_months(Months::new(months.max(0).unsigned_abs()))
        .unwrap_or(NaiveDate::MIN)
}

pub fn months_after(d: NaiveDate, months: i32) -> NaiveDate {
    d.checked_add_months(Months::new(months.max(0).unsigned_abs()))
        .unwrap_or(NaiveDate::MAX)
}

/// Evidence that existed on `d`.
pub fn evidence_on(r: &RadarRecord, d: NaiveDate) -> impl Iterator<Item = &Evidence> {
    r.evidence.iter().filter(move |e| e.started_on <= d)
}

/// Led or co-led, and either with quantified impact or tagged high-leverage: the work a
/// packet will lean on.
pub fn high_impact(e: &Evidence) -> bool {
    matches!(e.role, EvidenceRole::Led | EvidenceRole::CoLed)
        && (!e.impact.trim().is_empty() || e.work_mix == WorkMix::HighLeverage)
}

/// Whether anyone in `audience` had seen `e` by `d`.
pub fn seen_by(e: &Evidence, audience: &[PersonId], d: NaiveDate) -> bool {
    e.visibility
        .iter()
        .any(|v| v.seen_on <= d && audience.contains(&v.person.id))
}

/// How many distinct members of `audience` had seen `e` by `d`.
pub fn seen_count(e: &Evidence, audience: &[PersonId], d: NaiveDate) -> usize {
    let mut seen: Vec<&PersonId> = e
        .visibility
        .iter()
        .filter(|v| v.seen_on <= d && audience.contains(&v.person.id))
        .map(|v| &v.person.id)
        .collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

/// The people who decide: the committee of the candidacy's cycle, else the skip-levels.
pub fn audience(r: &RadarRecord) -> (Vec<PersonId>, &'static str) {
    match &r.candidacy {
        Some(c) if !c.cycle.committee.is_empty() => (ids(&c.cycle.committee), "the committee"),
        _ => (ids(&r.skip_levels), "the skip-level"),
    }
}

fn ids(people: &[PersonRef]) -> Vec<PersonId> {
    people.iter().map(|p| p.id.clone()).collect()
}

/// The mandate active on `d`, if any.
pub fn active_mandate(r: &RadarRecord, d: NaiveDate) -> Option<&Mandate> {
    r.mandates
        .iter()
        .filter(|m| m.set_on <= d && m.ended_on.is_none_or(|end| end > d))
        .max_by_key(|m| m.set_on)
}

/// Strong or moderate advocates recorded by `d`.
pub fn advocates_on(r: &RadarRecord, d: NaiveDate) -> usize {
    r.advocates
        .iter()
        .filter(|a| a.created_at.date_naive() <= d)
        .filter(|a| {
            matches!(
                a.strength,
                SupportStrength::Strong | SupportStrength::Moderate
            )
        })
        .count()
}

/// Sentiments of mentee feedback received in `(from, to]`.
pub fn feedback_between(r: &RadarRecord, from: NaiveDate, to: NaiveDate) -> Vec<Sentiment> {
    r.mentorships
        .iter()
        .flat_map(|m| &m.feedback)
        .filter(|f| f.received_on > from && f.received_on <= to)
        .map(|f| f.sentiment)
        .collect()
}

/// When the record starts: the earliest of the report's creation and its first evidence.
pub fn record_start(r: &RadarRecord) -> NaiveDate {
    let created = r.report.created_at.date_naive();
    r.evidence
        .iter()
        .map(|e| e.started_on)
        .min()
        .map_or(created, |first| first.min(created))
}

/// The first day on which something dated `d` is no longer inside a `months`-long window
/// ending that day (`months_before(day, months) >= d`), month ends included.
fn leaves_window(d: NaiveDate, months: i32) -> NaiveDate {
    let mut day = months_after(d, months);
    while months_before(day, months) < d {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    day
}

/// Every date on which something in the record happened, and the same dates shifted by
/// `window` months (when windowed conditions change). A condition that depends only on the
/// record can change only on these dates.
pub fn checkpoints(r: &RadarRecord, window: Option<i32>) -> Vec<NaiveDate> {
    let mut dates = vec![r.report.in_role_since, r.report.created_at.date_naive()];
    for e in &r.evidence {
        dates.push(e.started_on);
        dates.extend(e.visibility.iter().map(|v| v.seen_on));
    }
    for m in &r.mandates {
        dates.push(m.set_on);
        dates.extend(m.ended_on);
        dates.extend(m.review_by.and_then(|d| d.succ_opt()));
    }
    for a in &r.advocates {
        dates.push(a.created_at.date_naive());
    }
    for m in &r.mentorships {
        for f in &m.feedback {
            dates.push(f.received_on);
            dates.extend(f.addressed_on);
        }
    }
    if let Some(c) = &r.candidacy {
        dates.push(c.candidate.added_on);
        dates.extend(c.versions.iter().map(|v| v.saved_on));
        dates.extend(c.reviews.iter().filter_map(|v| v.received_on));
        dates.extend(c.rules.iter().map(|rule| rule.said_on));
        dates.extend(c.manual.iter().map(|m| m.checked_on));
    }
    if let Some(w) = window {
        let left: Vec<NaiveDate> = dates.iter().map(|d| leaves_window(*d, w)).collect();
        dates.extend(left);
    }
    dates.sort();
    dates.dedup();
    dates
}

/// The first date of the run of days, ending at `as_of`, on which `holds` is true, given
/// that `holds` can change only on `checkpoints`. `None` when it does not hold at `as_of`.
pub fn run_start(
    checkpoints: &[NaiveDate],
    as_of: NaiveDate,
    floor: NaiveDate,
    holds: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    if !holds(as_of) {
        return None;
    }
    // Between checkpoints the condition cannot change, so the run reaches back to the
    // earliest of an unbroken series of checkpoints where it holds.
    let mut start = as_of;
    for d in checkpoints.iter().rev().copied().filter(|d| *d <= as_of) {
        if holds(d) {
            start = d;
        } else {
            break;
        }
    }
    Some(start.max(floor))
}
