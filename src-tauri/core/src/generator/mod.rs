//! One deterministic generator for both the demo and the benchmarks. `reports = 6` gives the
//! hand-written demo team and its stories; larger specs add synthetic reports with
//! `years`-long procedural histories from the same seed. Everything is written in one
//! transaction through the store's own insert code (validation-shaped values, search index).

mod cast;
mod cycle;
mod history;
mod one_on_ones;
mod profiles;
mod rng;
mod stories;

use chrono::{DateTime, Months, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::error::{Error, Result};
use crate::ids::{AdvocateId, EvidenceId, MandateId, MentorshipId, PersonId, ReportId};
use crate::model::advocate::ValidAdvocate;
use crate::model::evidence::ValidEvidence;
use crate::model::mandate::{ValidClosing, ValidMandate};
use crate::model::mentorship::{ValidFeedback, ValidMentorship};
use crate::model::person::ValidPerson;
use crate::model::visibility::ValidVisibility;
use crate::model::{Archetype, LevelRef, MandateStatus, Relationship, TeamStrength, ValidReport};
use crate::store::{self, Store};
use cast::{Cast, LEADERS, MENTEES};
use history::{People, Plan};
use profiles::{Profile, DEMO_TEAM, FIRST_NAMES, LAST_NAMES, TEAMS};
pub use rng::Rng;
use stories::{Story, STORIES};

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratorSpec {
    pub reports: usize,
    /// How far back synthetic histories reach.
    pub years: u32,
    pub seed: u64,
}

impl GeneratorSpec {
    /// The demo: the hand-written team of six and their stories.
    pub const DEMO: GeneratorSpec = GeneratorSpec {
        reports: DEMO_TEAM.len(),
        years: 5,
        seed: 2026,
    };
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Generated {
    pub reports: usize,
    pub people: usize,
    pub mandates: usize,
    pub evidence: usize,
    pub visibility: usize,
    pub advocates: usize,
    pub mentorships: usize,
    pub feedback: usize,
    pub candidates: usize,
    pub packet_versions: usize,
    pub reviews: usize,
    pub meetings: usize,
}

/// Writes a generated record into `store` in one transaction, as of the store's clock.
pub async fn generate(store: &Store, spec: GeneratorSpec) -> Result<Generated> {
    let mut tx = store.write().await?;
    let generated = generate_in(&mut tx, store, spec).await?;
    tx.commit().await?;
    Ok(generated)
}

/// Fills an empty store with the demo team; a store holding any report is left alone.
/// The check and the writes share one transaction. Returns whether it generated anything.
pub async fn seed_demo_if_empty(store: &Store) -> Result<bool> {
    let mut tx = store.write().await?;
    let count = sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i32" FROM reports"#)
        .fetch_one(&mut *tx)
        .await?;
    if count > 0 {
        return Ok(false);
    }
    generate_in(&mut tx, store, GeneratorSpec::DEMO).await?;
    tx.commit().await?;
    Ok(true)
}

/// The ids of the people the stories name.
struct CastIds {
    leaders: Vec<(Cast, PersonId)>,
    mentees: Vec<PersonId>,
    reports: Vec<PersonId>,
}

impl CastIds {
    fn id(&self, who: Cast) -> Option<PersonId> {
        match who {
            Cast::Mentee(i) => self.mentees.get(i).cloned(),
            Cast::Report(i) => self.reports.get(i).cloned(),
            _ => self
                .leaders
                .iter()
                .find(|(c, _)| *c == who)
                .map(|(_, id)| id.clone()),
        }
    }
}

async fn generate_in(
    tx: &mut SqliteConnection,
    store: &Store,
    spec: GeneratorSpec,
) -> Result<Generated> {
    let mut rng = Rng::new(spec.seed);
    let today = store.clock().today();
    let now = store.clock().now();
    let ladder = store::level_refs(tx).await?;
    if ladder.is_empty() {
        return Err(Error::conflict(
            "The ladder has no levels; add one before generating reports.",
        ));
    }
    let mut made = Generated::default();

    // The cast: leaders, then mentees (more of them for bigger teams).
    let mut cast = CastIds {
        leaders: Vec::new(),
        mentees: Vec::new(),
        reports: Vec::new(),
    };
    for (who, m) in &LEADERS {
        let person = ValidPerson {
            name: m.name.to_owned(),
            title: m.title.to_owned(),
            relationship: m.relationship,
            notes: m.notes.to_owned(),
        };
        cast.leaders
            .push((*who, add_person(tx, &person, now, &mut made).await?));
    }
    let extra_mentees = spec.reports.saturating_sub(DEMO_TEAM.len());
    for i in 0..MENTEES.len() + extra_mentees {
        let (name, title) = match MENTEES.get(i) {
            Some((name, title)) => ((*name).to_owned(), (*title).to_owned()),
            None => (
                format!(
                    "{} {} (mentee {})",
                    rng.pick(&FIRST_NAMES),
                    rng.pick(&LAST_NAMES),
                    i + 1
                ),
                "Software Engineer".to_owned(),
            ),
        };
        let person = ValidPerson {
            name,
            title,
            relationship: Relationship::MyOrg,
            notes: String::new(),
        };
        cast.mentees
            .push(add_person(tx, &person, now, &mut made).await?);
    }

    // The reports.
    let mut reports: Vec<(ReportId, PersonId)> = Vec::new();
    let mut entrants = Vec::new();
    for i in 0..spec.reports {
        let report = match DEMO_TEAM.get(i) {
            Some(profile) => from_profile(profile, &ladder, today),
            None => synthetic(i, &mut rng, &ladder, today, spec.years),
        };
        let ids = store::insert_report(tx, &report, now).await?;
        cast.reports.push(ids.1.clone());
        entrants.push(cycle::Entrant {
            report: ids.0.clone(),
            target: report.target_level.id.clone(),
            index: i,
        });
        reports.push(ids);
        made.reports += 1;
    }

    // Their records.
    let audience: Vec<PersonId> = cast.leaders.iter().map(|(_, id)| id.clone()).collect();
    for (i, (report_id, person_id)) in reports.iter().enumerate() {
        let plan = match STORIES.get(i) {
            Some(story) => story_plan(story, &cast, today),
            None => history::plan(
                &mut rng,
                person_id,
                &People {
                    audience: &audience,
                    mentees: &cast.mentees,
                    colleagues: &cast.reports,
                },
                spec.years,
                today,
            ),
        };
        write_plan(tx, report_id, plan, now, &mut made).await?;
        let start = months_before(today, spec.years.saturating_mul(12));
        made.meetings += one_on_ones::write(tx, report_id, i, start, &mut rng, today, now).await?;
    }

    // The calibration cycle they are candidates in.
    cycle::write(tx, &cast, &entrants, &mut rng, today, now, &mut made).await?;
    Ok(made)
}

async fn add_person(
    tx: &mut SqliteConnection,
    person: &ValidPerson,
    now: DateTime<Utc>,
    made: &mut Generated,
) -> Result<PersonId> {
    let id = PersonId::new();
    store::insert_person(tx, &id, person, now).await?;
    made.people += 1;
    Ok(id)
}

async fn write_plan(
    tx: &mut SqliteConnection,
    report_id: &ReportId,
    plan: Plan,
    now: DateTime<Utc>,
    made: &mut Generated,
) -> Result<()> {
    for (id, mandate, closing) in &plan.mandates {
        store::insert_mandate(tx, id, report_id, mandate, now).await?;
        if let Some(closing) = closing {
            store::close_mandate(tx, id, closing, now).await?;
        }
        made.mandates += 1;
    }
    for (id, evidence, sightings) in &plan.evidence {
        store::insert_evidence(tx, id, report_id, evidence, now).await?;
        for sighting in sightings {
            store::insert_visibility(tx, id, sighting, now).await?;
        }
        made.evidence += 1;
        made.visibility += sightings.len();
    }
    for advocate in &plan.advocates {
        store::insert_advocate(tx, &AdvocateId::new(), report_id, advocate, now).await?;
        made.advocates += 1;
    }
    for (id, mentorship, feedback) in &plan.mentorships {
        store::insert_mentorship(tx, id, report_id, mentorship, now).await?;
        for entry in feedback {
            store::insert_feedback(tx, id, entry, now).await?;
        }
        made.mentorships += 1;
        made.feedback += feedback.len();
    }
    Ok(())
}

fn months_before(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today)
}

fn months_from(today: NaiveDate, months: i32) -> NaiveDate {
    if months >= 0 {
        today
            .checked_add_months(Months::new(months.unsigned_abs()))
            .unwrap_or(today)
    } else {
        months_before(today, months.unsigned_abs())
    }
}

/// A demo story as the records to write.
fn story_plan(story: &Story, cast: &CastIds, today: NaiveDate) -> Plan {
    let mut mandates = Vec::new();
    if let Some(past) = &story.past {
        mandates.push((
            MandateId::new(),
            ValidMandate {
                statement: past.statement.to_owned(),
                priority: past.priority.to_owned(),
                room: crate::model::Assessment::Yes,
                attention: crate::model::Assessment::Yes,
                sponsor_id: None,
                set_on: months_before(today, past.set_months_ago),
                review_by: None,
            },
            Some(ValidClosing {
                status: if past.completed {
                    MandateStatus::Completed
                } else {
                    MandateStatus::Dropped
                },
                reason: past.reason.to_owned(),
                ended_on: months_before(today, past.ended_months_ago),
            }),
        ));
    }
    let m = &story.mandate;
    mandates.push((
        MandateId::new(),
        ValidMandate {
            statement: m.statement.to_owned(),
            priority: m.priority.to_owned(),
            room: m.room,
            attention: m.attention,
            sponsor_id: m.sponsor.and_then(|who| cast.id(who)),
            set_on: months_before(today, m.months_ago),
            review_by: Some(months_from(today, m.review_in_months)),
        },
        None,
    ));
    let evidence = story
        .evidence
        .iter()
        .map(|e| {
            let started_on = months_before(today, e.months_ago);
            let valid = ValidEvidence {
                title: e.title.to_owned(),
                description: e.description.to_owned(),
                started_on,
                ended_on: e
                    .months_long
                    .map(|len| months_before(today, e.months_ago.saturating_sub(len))),
                kind: e.kind,
                role: e.role,
                co_owner_ids: e.co_owners.iter().filter_map(|who| cast.id(*who)).collect(),
                impact: e.impact.to_owned(),
                links: Vec::new(),
                in_production_since: e
                    .in_production_months_ago
                    .map(|ago| months_before(today, ago)),
                archetype: None,
                work_mix: e.work_mix,
                flagship: false,
            };
            let seen = e
                .seen_by
                .iter()
                .filter_map(|(who, channel, ago)| {
                    Some(ValidVisibility {
                        person_id: cast.id(*who)?,
                        channel: *channel,
                        detail: String::new(),
                        seen_on: months_before(today, *ago),
                    })
                })
                .collect();
            (EvidenceId::new(), valid, seen)
        })
        .collect();
    let advocates = story
        .advocates
        .iter()
        .filter_map(|a| {
            Some(ValidAdvocate {
                person_id: cast.id(a.who)?,
                what_seen: a.what_seen.to_owned(),
                strength: a.strength,
                last_checked: a.checked_months_ago.map(|ago| months_before(today, ago)),
                supporting_since: None,
                notes: String::new(),
            })
        })
        .collect();
    let mentorships = story
        .mentorship
        .iter()
        .filter_map(|m| {
            let mentee_id = cast.id(Cast::Mentee(m.mentee))?;
            let feedback = m
                .feedback
                .iter()
                .map(|(ago, source, sentiment, words, quotable)| ValidFeedback {
                    received_on: months_before(today, *ago),
                    source: *source,
                    sentiment: *sentiment,
                    words: (*words).to_owned(),
                    quotable: *quotable,
                    addressed_on: None,
                    addressed_action: String::new(),
                })
                .collect();
            Some((
                MentorshipId::new(),
                ValidMentorship {
                    mentee_id,
                    goals: m.goals.to_owned(),
                    started_on: months_before(today, m.months_ago),
                    ended_on: None,
                },
                feedback,
            ))
        })
        .collect();
    Plan {
        mandates,
        evidence,
        advocates,
        mentorships,
    }
}

fn level_at(ladder: &[LevelRef], index: usize) -> LevelRef {
    ladder[index.min(ladder.len() - 1)].clone()
}

fn from_profile(p: &Profile, ladder: &[LevelRef], today: NaiveDate) -> ValidReport {
    ValidReport {
        name: p.name.to_owned(),
        current_level: level_at(ladder, p.level),
        target_level: level_at(ladder, p.target.max(p.level)),
        team: p.team.to_owned(),
        in_role_since: months_before(today, p.months_in_role),
        archetype_worked: p.worked,
        archetype_needed: p.needed,
        team_strength: p.strength,
        notes: p.notes.to_owned(),
        one_on_one_every_days: crate::model::report::DEFAULT_ONE_ON_ONE_DAYS,
    }
}

fn synthetic(
    i: usize,
    rng: &mut Rng,
    ladder: &[LevelRef],
    today: NaiveDate,
    years: u32,
) -> ValidReport {
    let name = format!(
        "{} {} {}",
        rng.pick(&FIRST_NAMES),
        rng.pick(&LAST_NAMES),
        i + 1
    );
    // Most staff-plus reports sit at the lower levels of the ladder.
    let level = [0, 0, 1, 1, 1, 2, 2, 3][rng.below(8)];
    let target = if rng.chance(75) { level + 1 } else { level };
    let worked = *rng.pick(&Archetype::ALL);
    let needed = if rng.chance(70) {
        worked
    } else {
        *rng.pick(&Archetype::ALL)
    };
    let strength = if rng.chance(65) {
        TeamStrength::Strong
    } else {
        TeamStrength::Weak
    };
    let months = 3 + rng.below((years.max(1) * 12) as usize) as u32;
    ValidReport {
        name,
        current_level: level_at(ladder, level),
        target_level: level_at(ladder, target),
        team: rng.pick(&TEAMS).to_string(),
        in_role_since: months_before(today, months),
        archetype_worked: worked,
        archetype_needed: needed,
        team_strength: strength,
        notes: format!("Synthetic report {} for benchmarks.", i + 1),
        one_on_one_every_days: crate::model::report::DEFAULT_ONE_ON_ONE_DAYS,
    }
}
