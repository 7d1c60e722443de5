//! One report's record as it stood at the end of a day, rebuilt from its history: what the
//! radar, the 1:1 prep and the calibration notes read. A record that cannot be read is left
//! out and listed in the record's `problems`; only an unreadable report row fails the whole.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::rows::{CandidateRow, EvidenceRow, ReportRow};
use super::{History, RecordProblem};
use crate::ids::{CycleId, LevelId, PersonId, ReportId};
use crate::model::{
    Advocate, Candidate, Check, CommitteeMember, Cycle, Evidence, Feedback, LadderChange, LevelRef,
    Link, ManagerChange, Mandate, MandateReview, Mentorship, PacketReview, PacketSections,
    PacketVersion, PersonRef, Relationship, Report, RuleOfThumb, SignalRule, Thresholds,
    VisibilityEntry,
};
use crate::radar::{Candidacy, LadderStep, LedElsewhere, ManualCheck, RadarRecord, StoredAck};

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

/// The people and ladder levels as of the day, to resolve references.
struct Refs {
    people: HashMap<PersonId, PersonRef>,
    levels: HashMap<LevelId, LevelRef>,
}

impl Refs {
    fn on(h: &History, d: NaiveDate, problems: &mut Vec<RecordProblem>) -> Refs {
        let (people, p1) = h.shared.people.split_on(d);
        let (levels, p2) = h.shared.levels.split_on(d);
        problems.extend(p1);
        problems.extend(p2);
        Refs {
            people: people
                .into_iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        PersonRef {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            title: p.title.clone(),
                            relationship: p.relationship,
                        },
                    )
                })
                .collect(),
            levels: levels
                .into_iter()
                .map(|l| {
                    (
                        l.id.clone(),
                        LevelRef {
                            id: l.id.clone(),
                            name: l.name.clone(),
                            rank: l.rank,
                        },
                    )
                })
                .collect(),
        }
    }

    fn person(
        &self,
        table: &str,
        key: &str,
        field: &str,
        id: &PersonId,
    ) -> Result<PersonRef, RecordProblem> {
        self.people
            .get(id)
            .cloned()
            .ok_or_else(|| missing(table, key, field, "person", id.as_str()))
    }

    fn level(
        &self,
        table: &str,
        key: &str,
        field: &str,
        id: &LevelId,
    ) -> Result<LevelRef, RecordProblem> {
        self.levels
            .get(id)
            .cloned()
            .ok_or_else(|| missing(table, key, field, "ladder level", id.as_str()))
    }
}

fn missing(table: &str, key: &str, field: &str, what: &str, _id: &str) -> RecordProblem {
    RecordProblem {
        table: table.to_owned(),
        key: key.to_owned(),
        field: Some(field.to_owned()),
        message: format!("it names a {what} that is not in the record"),
        label: None,
    }
}

fn json<T: serde::de::DeserializeOwned>(
    table: &str,
    key: &str,
    field: &str,
    text: &str,
) -> Result<T, RecordProblem> {
    serde_json::from_str(text).map_err(|e| RecordProblem {
        table: table.to_owned(),
        key: key.to_owned(),
        field: Some(field.to_owned()),
        message: format!("not readable: {e}"),
        label: None,
    })
}

/// Collects readable records and the problems of the others.
fn keep<T>(out: &mut Vec<T>, problems: &mut Vec<RecordProblem>, r: Result<T, RecordProblem>) {
    match r {
        Ok(v) => out.push(v),
        Err(p) => problems.push(p),
    }
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

/// One report's radar record as it stood at the end of `d`. `Ok(None)`: the report had not
/// been entered by then. `Err`: the report's own row cannot be read.
pub fn radar_record(
    h: &History,
    report: &ReportId,
    cycle: CycleChoice,
    d: NaiveDate,
) -> Result<Option<RadarRecord>, RecordProblem> {
    let mut problems = Vec::new();
    let refs = Refs::on(h, d, &mut problems);
    let Some(row) = h.reports.on(d).find(|r| match r {
        Ok(row) => &row.id == report,
        Err(p) => p.key == report.as_str(),
    }) else {
        return Ok(None);
    };
    let report_row = row.map_err(Clone::clone)?;
    let report_model = report_from(report_row, &refs)?;
    let thresholds = match thresholds_on(h, d) {
        Ok(t) => t,
        Err(p) => {
            problems.push(p);
            Thresholds::default()
        }
    };

    let mandates = mandates(h, &refs, d, &mut problems);
    let evidence = evidence(h, &refs, d, &mut problems);
    let advocates = advocates(h, &refs, d, &mut problems);
    let mentorships = mentorships(h, &refs, d, &mut problems);
    let manager_changes = manager_changes(h, d, &mut problems);
    let ladder = ladder(h, d, &mut problems);
    let mut skip_levels: Vec<PersonRef> = refs
        .people
        .values()
        .filter(|p| p.relationship == Relationship::SkipLevel)
        .cloned()
        .collect();
    skip_levels.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    let led_everywhere = Arc::new(led_elsewhere(h, &refs, d));
    let candidacy = candidacy(h, &refs, &report_model, cycle, d, &mut problems);
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

/// Every ladder change entered by `d`, oldest first, with the ladder's ranks the day before
/// the change and on its day.
fn ladder(h: &History, d: NaiveDate, problems: &mut Vec<RecordProblem>) -> Vec<LadderStep> {
    let (rows, p) = h.shared.ladder_changes.split_on(d);
    problems.extend(p);
    let ranks_on = |day: Option<NaiveDate>| -> Vec<(LevelId, i32)> {
        day.map(|day| {
            h.shared
                .levels
                .on(day)
                .filter_map(Result::ok)
                .map(|l| (l.id.clone(), l.rank))
                .collect()
        })
        .unwrap_or_default()
    };
    let mut steps: Vec<LadderStep> = rows
        .into_iter()
        .map(|l| {
            let day = l.changed_at.date_naive();
            LadderStep {
                ranks_before: ranks_on(day.pred_opt()),
                ranks_after: ranks_on(Some(day.min(d))),
                change: LadderChange {
                    id: l.id.clone(),
                    level_id: l.level_id.clone(),
                    change: l.change,
                    detail: l.detail.clone(),
                    changed_at: l.changed_at,
                },
            }
        })
        .collect();
    steps.sort_by(|a, b| {
        (a.change.changed_at, &a.change.id).cmp(&(b.change.changed_at, &b.change.id))
    });
    steps
}

fn mandates(
    h: &History,
    refs: &Refs,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<Mandate> {
    let mut reviews: HashMap<_, Vec<MandateReview>> = HashMap::new();
    for r in h.mandate_reviews.on(d) {
        match r {
            Ok(r) => reviews
                .entry(r.mandate_id.clone())
                .or_default()
                .push(MandateReview {
                    id: r.id.clone(),
                    mandate_id: r.mandate_id.clone(),
                    reviewed_on: r.reviewed_on,
                    outcome: r.outcome,
                    note: r.note.clone(),
                    next_review_on: r.next_review_on,
                    version: r.version,
                    created_at: r.created_at,
                    updated_at: r.updated_at,
                }),
            Err(p) => problems.push(p.clone()),
        }
    }
    let mut out = Vec::new();
    for row in h.mandates.on(d) {
        let m = row.map_err(Clone::clone).and_then(|m| {
            let sponsor = m
                .sponsor_id
                .as_ref()
                .map(|id| refs.person("mandates", m.id.as_str(), "sponsor_id", id))
                .transpose()?;
            Ok(Mandate {
                id: m.id.clone(),
                report_id: m.report_id.clone(),
                statement: m.statement.clone(),
                priority: m.priority.clone(),
                room: m.room,
                attention: m.attention,
                sponsor,
                set_on: m.set_on,
                review_by: m.review_by,
                status: m.status,
                status_reason: m.status_reason.clone(),
                ended_on: m.ended_on,
                reviews: {
                    let mut r = reviews.remove(&m.id).unwrap_or_default();
                    r.sort_by(|a, b| {
                        (b.reviewed_on, b.created_at, &b.id).cmp(&(
                            a.reviewed_on,
                            a.created_at,
                            &a.id,
                        ))
                    });
                    r
                },
                version: m.version,
                created_at: m.created_at,
                updated_at: m.updated_at,
            })
        });
        keep(&mut out, problems, m);
    }
    // As the mandate card lists them: the active one first, then newest first.
    out.sort_by(|a, b| {
        let active = |m: &Mandate| m.status == crate::model::MandateStatus::Active;
        (active(b), b.set_on, &b.id).cmp(&(active(a), a.set_on, &a.id))
    });
    out
}

fn evidence(
    h: &History,
    refs: &Refs,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<Evidence> {
    let (co_owner_rows, p) = h.co_owners.split_on(d);
    problems.extend(p);
    let (link_rows, p) = h.links.split_on(d);
    problems.extend(p);
    let mut visibility: HashMap<_, Vec<VisibilityEntry>> = HashMap::new();
    for v in h.visibility.on(d) {
        let entry = v.map_err(Clone::clone).and_then(|v| {
            Ok(VisibilityEntry {
                id: v.id.clone(),
                evidence_id: v.evidence_id.clone(),
                person: refs.person("visibility", v.id.as_str(), "person_id", &v.person_id)?,
                channel: v.channel,
                detail: v.detail.clone(),
                seen_on: v.seen_on,
                version: v.version,
                created_at: v.created_at,
                updated_at: v.updated_at,
            })
        });
        match entry {
            Ok(e) => visibility.entry(e.evidence_id.clone()).or_default().push(e),
            Err(p) => problems.push(p),
        }
    }
    let mut out = Vec::new();
    for row in h.evidence.on(d) {
        let e = row.map_err(Clone::clone).and_then(|e: &EvidenceRow| {
            let key = e.id.as_str();
            let mut co_owners = Vec::new();
            for c in co_owner_rows.iter().filter(|c| c.evidence_id == e.id) {
                co_owners.push(refs.person(
                    "evidence_co_owners",
                    key,
                    "person_id",
                    &c.person_id,
                )?);
            }
            co_owners.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
            let mut links: Vec<_> = link_rows.iter().filter(|l| l.evidence_id == e.id).collect();
            links.sort_by_key(|l| l.position);
            let mut seen = visibility.remove(&e.id).unwrap_or_default();
            seen.sort_by(|a, b| (a.seen_on, &a.id).cmp(&(b.seen_on, &b.id)));
            Ok(Evidence {
                id: e.id.clone(),
                report_id: e.report_id.clone(),
                title: e.title.clone(),
                description: e.description.clone(),
                started_on: e.started_on,
                ended_on: e.ended_on,
                kind: e.kind,
                role: e.role,
                co_owners,
                impact: e.impact.clone(),
                links: links
                    .into_iter()
                    .map(|l| Link {
                        url: l.url.clone(),
                        label: l.label.clone(),
                    })
                    .collect(),
                in_production_since: e.in_production_since,
                archetype: e.archetype,
                work_mix: e.work_mix,
                flagship: e.flagship,
                visibility: seen,
                version: e.version,
                created_at: e.created_at,
                updated_at: e.updated_at,
            })
        });
        keep(&mut out, problems, e);
    }
    out.sort_by(|a, b| (b.started_on, &b.id).cmp(&(a.started_on, &a.id)));
    out
}

fn advocates(
    h: &History,
    refs: &Refs,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<Advocate> {
    let mut out = Vec::new();
    for row in h.advocates.on(d) {
        let a = row.map_err(Clone::clone).and_then(|a| {
            Ok(Advocate {
                id: a.id.clone(),
                report_id: a.report_id.clone(),
                person: refs.person("advocates", a.id.as_str(), "person_id", &a.person_id)?,
                what_seen: a.what_seen.clone(),
                strength: a.strength,
                last_checked: a.last_checked,
                supporting_since: a.supporting_since,
                notes: a.notes.clone(),
                version: a.version,
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
        });
        keep(&mut out, problems, a);
    }
    // As the advocates tab lists them: strongest support first, then by name.
    let rank = |a: &Advocate| match a.strength {
        crate::model::SupportStrength::Strong => 0,
        crate::model::SupportStrength::Moderate => 1,
        crate::model::SupportStrength::Weak => 2,
        crate::model::SupportStrength::Unknown => 3,
    };
    out.sort_by(|a, b| (rank(a), &a.person.name, &a.id).cmp(&(rank(b), &b.person.name, &b.id)));
    out
}

fn mentorships(
    h: &History,
    refs: &Refs,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<Mentorship> {
    let mut feedback: HashMap<_, Vec<Feedback>> = HashMap::new();
    for f in h.feedback.on(d) {
        match f {
            Ok(f) => feedback
                .entry(f.mentorship_id.clone())
                .or_default()
                .push(Feedback {
                    id: f.id.clone(),
                    mentorship_id: f.mentorship_id.clone(),
                    received_on: f.received_on,
                    source: f.source,
                    sentiment: f.sentiment,
                    words: f.words.clone(),
                    quotable: f.quotable,
                    addressed_on: f.addressed_on,
                    addressed_action: f.addressed_action.clone(),
                    version: f.version,
                    created_at: f.created_at,
                    updated_at: f.updated_at,
                }),
            Err(p) => problems.push(p.clone()),
        }
    }
    let mut out = Vec::new();
    for row in h.mentorships.on(d) {
        let m = row.map_err(Clone::clone).and_then(|m| {
            let mut fb = feedback.remove(&m.id).unwrap_or_default();
            fb.sort_by(|a, b| (b.received_on, &b.id).cmp(&(a.received_on, &a.id)));
            Ok(Mentorship {
                id: m.id.clone(),
                report_id: m.report_id.clone(),
                mentee: refs.person("mentorships", m.id.as_str(), "mentee_id", &m.mentee_id)?,
                goals: m.goals.clone(),
                started_on: m.started_on,
                ended_on: m.ended_on,
                feedback: fb,
                version: m.version,
                created_at: m.created_at,
                updated_at: m.updated_at,
            })
        });
        keep(&mut out, problems, m);
    }
    out.sort_by(|a, b| (b.started_on, &b.id).cmp(&(a.started_on, &a.id)));
    out
}

fn manager_changes(
    h: &History,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<ManagerChange> {
    let (rows, p) = h.manager_changes.split_on(d);
    problems.extend(p);
    let mut out: Vec<ManagerChange> = rows
        .into_iter()
        .map(|m| ManagerChange {
            id: m.id.clone(),
            report_id: m.report_id.clone(),
            changed_on: m.changed_on,
            manager: m.manager.clone(),
            note: m.note.clone(),
            ended_on: m.ended_on,
            is_me: m.is_me,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
        .collect();
    out.sort_by(|a, b| (a.changed_on, &a.id).cmp(&(b.changed_on, &b.id)));
    out
}

/// Led evidence of every other report as of `d`, for duplicate claims.
fn led_elsewhere(h: &History, refs: &Refs, d: NaiveDate) -> Vec<LedElsewhere> {
    let names: HashMap<&ReportId, &str> = h
        .shared
        .report_people
        .on(d)
        .filter_map(Result::ok)
        .filter_map(|r| {
            refs.people
                .get(&r.person_id)
                .map(|p| (&r.id, p.name.as_str()))
        })
        .collect();
    h.shared
        .claims
        .on(d)
        .filter_map(Result::ok)
        .filter(|e| e.role == crate::model::EvidenceRole::Led)
        .filter_map(|e| {
            Some(LedElsewhere {
                key: crate::radar::title_key(&e.title),
                report_id: e.report_id.clone(),
                report_name: (*names.get(&e.report_id)?).to_owned(),
                evidence_id: e.id.clone(),
                title: e.title.clone(),
                started_on: e.started_on,
            })
        })
        .collect()
}

fn candidacy(
    h: &History,
    refs: &Refs,
    report: &Report,
    choice: CycleChoice,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Option<Candidacy> {
    let (cycle_rows, p) = h.shared.cycles.split_on(d);
    problems.extend(p);
    let (candidate_rows, p) = h.candidates.split_on(d);
    problems.extend(p);
    let mine: Vec<(&CandidateRow, &super::rows::CycleRow)> = candidate_rows
        .iter()
        .filter(|c| c.report_id == report.id)
        .filter_map(|c| Some((*c, *cycle_rows.iter().find(|y| y.id == c.cycle_id)?)))
        .collect();
    let (c, y) = match choice {
        CycleChoice::None => return None,
        CycleChoice::Cycle(id) => mine.iter().find(|(_, y)| &y.id == id).copied()?,
        CycleChoice::Next => mine
            .iter()
            .filter(|(_, y)| y.calibration_date >= d)
            .min_by_key(|(_, y)| (y.calibration_date, y.id.clone()))
            .or_else(|| {
                mine.iter()
                    .max_by_key(|(_, y)| (y.calibration_date, y.id.clone()))
            })
            .copied()?,
    };
    let key = c.id.as_str();
    let target_level = match refs.level("candidates", key, "target_level_id", &c.target_level_id) {
        Ok(l) => l,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let mut committee = Vec::new();
    for m in h.shared.committee.on(d) {
        match m {
            Ok(m) if m.cycle_id == y.id => {
                match refs.person(
                    "cycle_committee",
                    &format!("{}|{}", m.cycle_id, m.person_id),
                    "person_id",
                    &m.person_id,
                ) {
                    Ok(person) => committee.push(CommitteeMember {
                        person,
                        joined_on: m.joined_on,
                    }),
                    Err(p) => problems.push(p),
                }
            }
            Ok(_) => {}
            Err(p) => problems.push(p.clone()),
        }
    }
    committee.sort_by(|a, b| (&a.person.name, &a.person.id).cmp(&(&b.person.name, &b.person.id)));
    let mut versions = Vec::new();
    for v in h.packet_versions.on(d) {
        let v = v.map_err(Clone::clone).and_then(|v| {
            if v.candidate_id != c.id {
                return Ok(None);
            }
            Ok(Some(PacketVersion {
                id: v.id.clone(),
                candidate_id: v.candidate_id.clone(),
                number: v.number,
                saved_on: v.saved_on,
                note: v.note.clone(),
                sections: json::<PacketSections>(
                    "packet_versions",
                    v.id.as_str(),
                    "sections",
                    &v.sections,
                )
                .map_err(|p| RecordProblem {
                    label: Some(format!("version {}", v.number)),
                    ..p
                })?,
                created_at: v.created_at,
            }))
        });
        match v {
            Ok(Some(v)) => versions.push(v),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    versions.sort_by_key(|v| v.number);
    let mut reviews = Vec::new();
    for r in h.reviews.on(d) {
        let r = r.map_err(Clone::clone).and_then(|r| {
            if r.candidate_id != c.id {
                return Ok(None);
            }
            Ok(Some(PacketReview {
                id: r.id.clone(),
                candidate_id: r.candidate_id.clone(),
                reviewer: refs.person(
                    "packet_reviews",
                    r.id.as_str(),
                    "reviewer_id",
                    &r.reviewer_id,
                )?,
                reviewer_role: r.reviewer_role,
                version_number: r.version_number,
                requested_on: r.requested_on,
                received_on: r.received_on,
                comments: r.comments.clone(),
                revealed_rule_id: r.revealed_rule_id.clone(),
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            }))
        });
        match r {
            Ok(Some(r)) => reviews.push(r),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    reviews.sort_by(|a, b| (a.requested_on, &a.id).cmp(&(b.requested_on, &b.id)));
    let rules = rules(h, refs, d, problems);
    let mut manual = Vec::new();
    for m in h.rule_checks.on(d) {
        match m {
            Ok(m) if m.candidate_id == c.id => manual.push(ManualCheck {
                rule_id: m.rule_id.clone(),
                status: m.status,
                note: m.note.clone(),
                checked_on: m.checked_on,
            }),
            Ok(_) => {}
            Err(p) => problems.push(p.clone()),
        }
    }
    let candidate = Candidate {
        id: c.id.clone(),
        cycle_id: c.cycle_id.clone(),
        report_id: c.report_id.clone(),
        report_name: report.name.clone(),
        target_level,
        added_on: c.added_on,
        readiness: c.readiness,
        readiness_reason: c.readiness_reason.clone(),
        expected_cycle: c.expected_cycle.clone(),
        actions: c.actions.clone(),
        packet_versions: i32::try_from(versions.len()).unwrap_or(i32::MAX),
        version: c.version,
        created_at: c.created_at,
        updated_at: c.updated_at,
    };
    let cycle = Cycle {
        id: y.id.clone(),
        name: y.name.clone(),
        opens_on: y.opens_on,
        packet_due: y.packet_due,
        calibration_date: y.calibration_date,
        committee,
        version: y.version,
        created_at: y.created_at,
        updated_at: y.updated_at,
    };
    Some(Candidacy {
        candidate,
        cycle,
        versions,
        reviews,
        rules,
        manual,
    })
}

fn rules(
    h: &History,
    refs: &Refs,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<RuleOfThumb> {
    let mut out = Vec::new();
    for r in h.shared.rules.on(d) {
        let r = r.map_err(Clone::clone).and_then(|r| {
            let key = r.id.as_str();
            Ok(RuleOfThumb {
                id: r.id.clone(),
                wording: r.wording.clone(),
                said_by: r
                    .said_by_id
                    .as_ref()
                    .map(|id| refs.person("rules_of_thumb", key, "said_by_id", id))
                    .transpose()?,
                said_on: r.said_on,
                source: r.source,
                source_detail: r.source_detail.clone(),
                confirmed: r.confirmed,
                levels: json("rules_of_thumb", key, "levels", &r.levels)?,
                archetypes: json("rules_of_thumb", key, "archetypes", &r.archetypes)?,
                retired: r.retired,
                check: r
                    .check_spec
                    .as_deref()
                    .map(|s| json::<Check>("rules_of_thumb", key, "check_spec", s))
                    .transpose()
                    .map_err(|p| RecordProblem {
                        label: Some(r.wording.clone()),
                        ..p
                    })?,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        });
        keep(&mut out, problems, r);
    }
    out.sort_by(|a, b| {
        (a.retired, std::cmp::Reverse(a.said_on), &a.id).cmp(&(
            b.retired,
            std::cmp::Reverse(b.said_on),
            &b.id,
        ))
    });
    out
}

fn acks(h: &History, d: NaiveDate, problems: &mut Vec<RecordProblem>) -> Vec<StoredAck> {
    let mut out: Vec<(chrono::DateTime<chrono::Utc>, StoredAck)> = Vec::new();
    for a in h.acks.on(d) {
        let a = match a {
            Ok(a) => a,
            Err(p) => {
                problems.push(p.clone());
                continue;
            }
        };
        // An acknowledgement of a rule this version does not know covers nothing.
        if let Some(rule) = SignalRule::ALL.into_iter().find(|s| s.id() == a.rule_id) {
            out.push((
                a.created_at,
                StoredAck {
                    rule,
                    cause_key: a.cause_key.clone(),
                    action: a.action,
                    reason: a.reason.clone(),
                    until: a.until,
                    acked_on: a.acked_on,
                },
            ));
        }
    }
    out.sort_by_key(|(created, a)| (a.acked_on, *created));
    out.into_iter().map(|(_, a)| a).collect()
}
