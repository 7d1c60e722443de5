//! The parts of a report's record as of a day: the ladder's changes, mandates, evidence with
//! who saw it, advocates, mentorships, manager changes, other reports' claims of the lead, and
//! acknowledgements.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::super::rows::EvidenceRow;
use super::super::{History, RecordProblem};
use super::refs::{keep, Refs};
use crate::ids::{LevelId, ReportId};
use crate::model::{
    Advocate, Evidence, Feedback, LadderChange, Link, ManagerChange, Mandate, MandateReview,
    Mentorship, SignalRule, VisibilityEntry,
};
use crate::radar::{LadderStep, LedElsewhere, StoredAck};

/// Every ladder change entered by `d`, oldest first, with the ladder's ranks the day before
/// the change and on its day.
pub(super) fn ladder(
    h: &History,
    d: NaiveDate,
    problems: &mut Vec<RecordProblem>,
) -> Vec<LadderStep> {
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

pub(super) fn mandates(
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

pub(super) fn evidence(
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

pub(super) fn advocates(
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

pub(super) fn mentorships(
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

pub(super) fn manager_changes(
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

/// Led evidence of every other report as of `d` under one of `titles` (the title keys of the
/// work this report led), for duplicate claims.
pub(super) fn led_elsewhere(
    h: &History,
    refs: &Refs,
    d: NaiveDate,
    titles: &std::collections::HashSet<String>,
) -> Vec<LedElsewhere> {
    if titles.is_empty() {
        return Vec::new();
    }
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
        .filter(|e| e.role == crate::model::EvidenceRole::Led && titles.contains(&e.key))
        .filter_map(|e| {
            Some(LedElsewhere {
                key: e.key.clone(),
                report_id: e.report_id.clone(),
                report_name: (*names.get(&e.report_id)?).to_owned(),
                evidence_id: e.id.clone(),
                title: e.title.clone(),
                started_on: e.started_on,
            })
        })
        .collect()
}

pub(super) fn acks(h: &History, d: NaiveDate, problems: &mut Vec<RecordProblem>) -> Vec<StoredAck> {
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
