//! A report's candidacy as of a day: the cycle and its committee, the packet's versions and
//! reviews, the rules of thumb and the manager's own calls on them.

use chrono::NaiveDate;

use super::super::rows::{CandidateRow, CycleRow};
use super::super::{History, RecordProblem};
use super::refs::{keep, Refs};
use super::CycleChoice;
use crate::model::{
    Candidate, CommitteeMember, Cycle, PacketReview, PacketVersion, Report, RuleOfThumb,
};
use crate::radar::{Candidacy, ManualCheck};

pub(super) fn candidacy(
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
    let mine: Vec<(&CandidateRow, &CycleRow)> = candidate_rows
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
        match v {
            Ok(v) if v.candidate_id == c.id => versions.push(PacketVersion {
                id: v.id.clone(),
                candidate_id: v.candidate_id.clone(),
                number: v.number,
                saved_on: v.saved_on,
                note: v.note.clone(),
                sections: v.sections.clone(),
                created_at: v.created_at,
            }),
            Ok(_) => {}
            Err(p) => problems.push(p.clone()),
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

pub(super) fn rules(
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
                levels: r.levels.clone(),
                archetypes: r.archetypes.clone(),
                retired: r.retired,
                check: r.check_spec.clone(),
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
