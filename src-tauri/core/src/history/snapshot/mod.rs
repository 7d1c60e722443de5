//! One report's record as it stood at the end of a day, rebuilt from its history: what the
//! radar, the 1:1 prep and the calibration notes read. A record that cannot be read is left
//! out and listed in the record's `problems`; only an unreadable report row fails the whole.

mod candidacy;
mod record;
mod refs;

use std::sync::Arc;

use chrono::NaiveDate;

use super::rows::ReportRow;
use super::{History, RecordProblem};
use crate::ids::{CycleId, ReportId};
use crate::model::{PersonRef, Relationship, Report, Thresholds};
use crate::radar::RadarRecord;
use candidacy::candidacy;
use record::{
    acks, advocates, evidence, ladder, led_elsewhere, manager_changes, mandates, mentorships,
};
use refs::{json, Refs};

/// Which candidacy a record is judged against.
#[derive(Debug, Clone, Copy)]
pub enum CycleChoice<'a> {
    /// The report's candidacy in the next cycle as of the day (the nearest calibration on or
    /// after it, else their latest).
    Next,
    /// Their candidacy in this cycle, if any.
    Cycle(&'a CycleId),
    /// Judged as a report only, without a candidacy.
    None,
}

/// The cycle of the report's candidacy "next" on `d`: the nearest calibration on or after it,
/// else their latest. `None` when they are no candidate.
pub fn next_cycle(h: &History, report: &ReportId, d: NaiveDate) -> Option<CycleId> {
    let cycles: Vec<_> = h.shared.cycles.on(d).filter_map(Result::ok).collect();
    let mine: Vec<(NaiveDate, &CycleId)> = h
        .candidates
        .on(d)
        .filter_map(Result::ok)
        .filter(|c| &c.report_id == report)
        .filter_map(|c| {
            let y = cycles.iter().find(|y| y.id == c.cycle_id)?;
            Some((y.calibration_date, &y.id))
        })
        .collect();
    mine.iter()
        .filter(|(cal, _)| *cal >= d)
        .min()
        .or_else(|| mine.iter().max())
        .map(|(_, id)| (*id).clone())
}

/// The calibration dates of every cycle the report was a candidate in by `d`: the days on
/// which their "next" cycle can change.
pub fn calibration_days(h: &History, report: &ReportId, d: NaiveDate) -> Vec<NaiveDate> {
    let cycles: Vec<_> = h.shared.cycles.on(d).filter_map(Result::ok).collect();
    h.candidates
        .on(d)
        .filter_map(Result::ok)
        .filter(|c| &c.report_id == report)
        .filter_map(|c| {
            cycles
                .iter()
                .find(|y| y.id == c.cycle_id)
                .map(|y| y.calibration_date)
        })
        .collect()
}

/// The report as of `d`; `Ok(None)` when it had not been entered yet.
pub fn report_on(
    h: &History,
    report: &ReportId,
    d: NaiveDate,
) -> Result<Option<Report>, RecordProblem> {
    let mut problems = Vec::new();
    let refs = Refs::on(h, d, &mut problems);
    let Some(row) = h.reports.on(d).find(|r| match r {
        Ok(row) => &row.id == report,
        Err(p) => p.key == report.as_str(),
    }) else {
        return Ok(None);
    };
    report_from(row.map_err(Clone::clone)?, &refs).map(Some)
}

fn report_from(r: &ReportRow, refs: &Refs) -> Result<Report, RecordProblem> {
    let key = r.id.as_str();
    let person = refs.person("reports", key, "person_id", &r.person_id)?;
    Ok(Report {
        id: r.id.clone(),
        person_id: r.person_id.clone(),
        name: person.name,
        current_level: refs.level("reports", key, "current_level_id", &r.current_level_id)?,
        target_level: refs.level("reports", key, "target_level_id", &r.target_level_id)?,
        team: r.team.clone(),
        in_role_since: r.in_role_since,
        archetype_worked: r.archetype_worked,
        archetype_needed: r.archetype_needed,
        team_strength: r.team_strength,
        notes: r.notes.clone(),
        archived_at: r.archived_at,
        one_on_one_every_days: r.one_on_one_every_days,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// The thresholds in force on `d` (the defaults until the manager changed them).
pub fn thresholds_on(h: &History, d: NaiveDate) -> Result<Thresholds, RecordProblem> {
    match h.shared.settings.on(d).find(|s| match s {
        Ok(row) => row.key == crate::store::THRESHOLDS_KEY,
        Err(p) => p.key == crate::store::THRESHOLDS_KEY,
    }) {
        None => Ok(Thresholds::default()),
        Some(Err(p)) => Err(p.clone()),
        Some(Ok(row)) => json::<Thresholds>("settings", &row.key, "value", &row.value),
    }
}

/// The people and ladder levels as they stood on a day (and the problems of those that cannot
/// be read), resolved once for every snapshot until one of them changes
/// ([`History::reference_days`]).
pub struct References {
    refs: Refs,
    problems: Vec<RecordProblem>,
}

impl References {
    pub fn on(h: &History, d: NaiveDate) -> References {
        let mut problems = Vec::new();
        let refs = Refs::on(h, d, &mut problems);
        References { refs, problems }
    }
}

/// One report's radar record as it stood at the end of `d`, with the references as they stood
/// then. `Ok(None)`: the report had not been entered by then. `Err`: the report's own row
/// cannot be read.
pub fn radar_record(
    h: &History,
    references: &References,
    report: &ReportId,
    cycle: CycleChoice,
    d: NaiveDate,
) -> Result<Option<RadarRecord>, RecordProblem> {
    let mut problems = references.problems.clone();
    let refs = &references.refs;
    let Some(row) = h.reports.on(d).find(|r| match r {
        Ok(row) => &row.id == report,
        Err(p) => p.key == report.as_str(),
    }) else {
        return Ok(None);
    };
    let report_row = row.map_err(Clone::clone)?;
    let report_model = report_from(report_row, refs)?;
    let thresholds = match thresholds_on(h, d) {
        Ok(t) => t,
        Err(p) => {
            problems.push(p);
            Thresholds::default()
        }
    };

    let mandates = mandates(h, refs, d, &mut problems);
    let evidence = evidence(h, refs, d, &mut problems);
    let advocates = advocates(h, refs, d, &mut problems);
    let mentorships = mentorships(h, refs, d, &mut problems);
    let manager_changes = manager_changes(h, d, &mut problems);
    let ladder = ladder(h, d, &mut problems);
    let mut skip_levels: Vec<PersonRef> = refs
        .people
        .values()
        .filter(|p| p.relationship == Relationship::SkipLevel)
        .cloned()
        .collect();
    skip_levels.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    let led_titles: std::collections::HashSet<String> = evidence
        .iter()
        .filter(|e| e.role == crate::model::EvidenceRole::Led)
        .map(|e| crate::radar::title_key(&e.title))
        .collect();
    let led_everywhere = Arc::new(led_elsewhere(h, refs, d, &led_titles));
    let candidacy = candidacy(h, refs, &report_model, cycle, d, &mut problems);
    let acks = acks(h, d, &mut problems);
    let (meeting_rows, p) = h.meetings.split_on(d);
    problems.extend(p);
    let mut meetings: Vec<_> = meeting_rows
        .into_iter()
        .map(|m| (m.id.clone(), m.held_on))
        .collect();
    meetings.sort_by_key(|(id, day)| (*day, id.clone()));
    problems.sort();
    problems.dedup();
    Ok(Some(RadarRecord {
        report: report_model,
        mandates,
        evidence,
        advocates,
        mentorships,
        manager_changes,
        ladder,
        skip_levels,
        led_everywhere,
        candidacy,
        acks,
        meetings,
        thresholds,
        problems,
    }))
}
