//! Reading a report's record on a day: the helpers the rules share. The record itself is
//! already as it stood on the day (see `history::snapshot`); these only compare the dates it
//! describes with the day.

use chrono::{Months, NaiveDate};

use super::record::RadarRecord;
use crate::ids::PersonId;
use crate::model::{
    Evidence, EvidenceRole, Mandate, PersonRef, Sentiment, SupportStrength, WorkMix,
};

/// A date as a manager reads it in a message: "5 Oct 2026".
pub fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A span of days as of `as_of`: "6 Jul 2026 – 30 Sep 2026", or "since 6 Jul 2026" while it
/// lasts (an end after `as_of` is not known yet).
pub fn span(start: NaiveDate, end: Option<NaiveDate>, as_of: NaiveDate) -> String {
    match end.filter(|d| *d <= as_of) {
        Some(end) => format!("{} – {}", day(start), day(end)),
        None => format!("since {}", day(start)),
    }
}

pub fn months_before(d: NaiveDate, months: i32) -> NaiveDate {
    d.checked_sub_months(Months::new(months.max(0).unsigned_abs()))
        .unwrap_or(NaiveDate::MIN)
}

pub fn months_after(d: NaiveDate, months: i32) -> NaiveDate {
    d.checked_add_months(Months::new(months.max(0).unsigned_abs()))
        .unwrap_or(NaiveDate::MAX)
}

/// Evidence whose work had started by `d`.
pub fn evidence_on(r: &RadarRecord, d: NaiveDate) -> impl Iterator<Item = &Evidence> {
    r.evidence.iter().filter(move |e| e.started_on <= d)
}

/// Tagged as work that feels high-impact but is not (snacking, preening, chasing ghosts).
pub fn drifting(e: &Evidence) -> bool {
    matches!(
        e.work_mix,
        WorkMix::Snacking | WorkMix::Preening | WorkMix::ChasingGhosts
    )
}

/// Work a packet can lean on: led or co-led, with quantified impact, done or running in
/// production (work still under way has nothing to show yet), and never work tagged
/// snacking, preening or chasing ghosts.
pub fn high_impact(e: &Evidence, d: NaiveDate) -> bool {
    matches!(e.role, EvidenceRole::Led | EvidenceRole::CoLed)
        && !e.impact.trim().is_empty()
        && (e.ended_on.is_some_and(|end| end <= d) || e.in_production_since.is_some_and(|p| p <= d))
        && !drifting(e)
}

/// When the period the committee judges began: the candidacy's cycle opening, else a year
/// before `d`.
pub fn period_start(r: &RadarRecord, d: NaiveDate) -> NaiveDate {
    r.candidacy
        .as_ref()
        .map_or(months_before(d, 12), |c| c.cycle.opens_on)
}

/// The candidate's strongest work on `d`, the selection the calibration notes lead with and
/// the visibility rules judge: the flagship first (whenever it ran), then the work a packet can
/// lean on ([`high_impact`]) that had not ended before the period began, newest first.
pub fn strongest(r: &RadarRecord, d: NaiveDate) -> Vec<&Evidence> {
    let from = period_start(r, d);
    let mut out: Vec<&Evidence> = evidence_on(r, d).filter(|e| e.flagship).collect();
    let mut rest: Vec<&Evidence> = evidence_on(r, d)
        .filter(|e| !e.flagship && high_impact(e, d))
        .filter(|e| e.ended_on.is_none_or(|end| end >= from))
        .collect();
    rest.sort_by(|a, b| (b.started_on, &a.id).cmp(&(a.started_on, &b.id)));
    out.extend(rest);
    out
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

/// The people who decide on `d`: the members of the candidacy's committee who had joined by
/// then, else the skip-levels.
pub fn audience(r: &RadarRecord, d: NaiveDate) -> (Vec<PersonId>, &'static str) {
    if let Some(c) = &r.candidacy {
        let members: Vec<PersonId> = c
            .cycle
            .committee
            .iter()
            .filter(|m| m.joined_on.is_none_or(|j| j <= d))
            .map(|m| m.person.id.clone())
            .collect();
        if !members.is_empty() {
            return (members, "the committee");
        }
    }
    (ids(&r.skip_levels), "the skip-level")
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

/// Strong or moderate advocates supporting the report on `d`.
pub fn advocates_on(r: &RadarRecord, d: NaiveDate) -> usize {
    r.advocates
        .iter()
        .filter(|a| a.supporting_since.is_none_or(|s| s <= d))
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

/// When the record starts: the day the report was entered, or its first evidence if earlier.
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
pub fn leaves_window(d: NaiveDate, months: i32) -> NaiveDate {
    let mut day = months_after(d, months);
    while months_before(day, months) < d {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    day
}

/// The day after the last 1:1 on which a report's 1:1s count as lapsed: the first day on
/// which more than one and a half times the cadence the manager set has passed.
pub fn lapsed_after(r: &RadarRecord) -> u64 {
    let every = u64::try_from(r.report.one_on_one_every_days.max(1)).unwrap_or(14);
    every * 3 / 2 + 1
}

/// One and a half times the report's cadence, in words ("21", "10½").
pub fn lapse_limit(r: &RadarRecord) -> String {
    let every = r.report.one_on_one_every_days.max(1);
    if every % 2 == 0 {
        (every * 3 / 2).to_string()
    } else {
        format!("{}\u{bd}", every * 3 / 2)
    }
}

/// The report's advocates, strongest support first, then by name: the order the notes and a
/// drafted packet list them in.
pub fn advocates_strongest_first(r: &RadarRecord) -> Vec<&crate::model::Advocate> {
    let rank = |s: SupportStrength| match s {
        SupportStrength::Strong => 0,
        SupportStrength::Moderate => 1,
        SupportStrength::Weak => 2,
        SupportStrength::Unknown => 3,
    };
    let mut out: Vec<_> = r.advocates.iter().collect();
    out.sort_by(|a, b| (rank(a.strength), &a.person.name).cmp(&(rank(b.strength), &b.person.name)));
    out
}

/// Whether a signal rests on mentee feedback (a record of it or its mentorship, or a rule of
/// thumb that checks it): what is shown outside the manager's own view must not reveal, by a
/// gap or a date, what a mentee (or their manager) said in confidence.
pub fn about_feedback(r: &RadarRecord, s: &crate::model::Signal) -> bool {
    use crate::model::{Check, RecordKind};
    s.causes.iter().any(|c| match c.kind {
        RecordKind::Feedback | RecordKind::Mentorship => true,
        RecordKind::Rule => r.candidacy.as_ref().is_some_and(|cand| {
            cand.rules.iter().any(|rule| {
                rule.id.as_str() == c.id
                    && matches!(rule.check, Some(Check::PositiveMentorshipFeedback { .. }))
            })
        }),
        _ => false,
    })
}
