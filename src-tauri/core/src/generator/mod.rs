//! One deterministic generator for both the demo and the benchmarks. `reports = 6` gives the
//! hand-written demo team and its stories; larger specs add synthetic reports with
//! `years`-long procedural histories from the same seed. Everything is written in one
//! transaction through the store's own insert code (validation-shaped values, search index),
//! and each record is entered on its own day, as by a manager who started using Trellis
//! thirteen months ago (`desk`): a replay of any earlier day sees only what had been entered
//! by then. What each demo story plants for the radar is listed in `stories`.

mod cast;
mod cycle;
mod desk;
mod history;
mod one_on_ones;
mod profiles;
mod rng;
mod stories;

use chrono::{Days, Months, NaiveDate};
use sqlx::SqliteConnection;

use crate::error::{Error, Result};
use crate::ids::{
    AdvocateId, EvidenceId, ManagerChangeId, MandateId, MentorshipId, PersonId, ReportId,
};
use crate::model::advocate::ValidAdvocate;
use crate::model::evidence::ValidEvidence;
use crate::model::manager::ValidManagerChange;
use crate::model::mandate::{ValidClosing, ValidMandate, ValidMandateReview};
use crate::model::mentorship::{ValidFeedback, ValidMentorship};
use crate::model::person::ValidPerson;
use crate::model::visibility::ValidVisibility;
use crate::model::{Archetype, LevelRef, MandateStatus, Relationship, TeamStrength, ValidReport};
use crate::store::{self, Store};
use cast::{Cast, LEADERS, MENTEES};
use desk::Desk;
pub use desk::{onboarding_day, ONBOARDING_MONTHS};
use history::{People, Plan, PlannedEvidence, PlannedMandate, PlannedMentorship};
use profiles::{Profile, DEMO_TEAM, FIRST_NAMES, LAST_NAMES, TEAMS};
pub use rng::Rng;
use stories::{Story, REVIEW_EARLY_DAYS, STORIES};

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
/// A demo never reminds: its reminders are off unless the manager switched some on.
pub async fn seed_demo_if_empty(store: &Store) -> Result<bool> {
    store
        .init_reminder_settings(&crate::model::ReminderSettings::OFF)
        .await?;
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
    let mut desk = Desk::new(store.clock());
    let today = desk.today();
    let onboarding = desk.onboarding();
    let ladder = store::level_refs(tx).await?;
    if ladder.is_empty() {
        return Err(Error::conflict(
            "The ladder has no levels; add one before generating reports.",
        ));
    }
    let mut made = Generated::default();

    // The cast: leaders, then mentees (more of them for bigger teams), entered on the first
    // day.
    let now = desk.on(tx, onboarding).await?;
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

    // The reports: on the first day, or the day they joined the manager.
    let mut entrants = Vec::new();
    for i in 0..spec.reports {
        let report = match DEMO_TEAM.get(i) {
            Some(profile) => from_profile(profile, &ladder, today),
            None => synthetic(i, &mut rng, &ladder, today, spec.years),
        };
        let joined = STORIES
            .get(i)
            .and_then(|s| s.joined.as_ref())
            .map(|j| days_before(today, j.days_ago));
        let entered = desk.day(joined.unwrap_or(onboarding), onboarding);
        let at = desk.on(tx, entered).await?;
        let (report_id, person_id) = store::insert_report(tx, &report, at).await?;
        cast.reports.push(person_id);
        entrants.push(cycle::Entrant {
            report: report_id,
            target: report.target_level.id.clone(),
            index: i,
            entered,
            every_days: report.one_on_one_every_days,
        });
        made.reports += 1;
    }

    // Their records. Synthetic work is co-owned by colleagues entered on the first day (not by
    // someone entered later than the work was).
    let audience: Vec<PersonId> = cast.leaders.iter().map(|(_, id)| id.clone()).collect();
    let colleagues: Vec<PersonId> = entrants
        .iter()
        .zip(&cast.reports)
        .filter(|(e, _)| e.entered == onboarding)
        .map(|(_, person)| person.clone())
        .collect();
    for (i, entrant) in entrants.iter().enumerate() {
        let (plan, start) = match STORIES.get(i) {
            Some(story) => (story_plan(story, &cast, today), entrant.entered),
            None => (
                history::plan(
                    &mut rng,
                    &cast.reports[i],
                    &People {
                        audience: &audience,
                        mentees: &cast.mentees,
                        colleagues: &colleagues,
                    },
                    spec.years,
                    today,
                ),
                months_before(today, spec.years.saturating_mul(12)),
            ),
        };
        write_plan(
            tx,
            &mut desk,
            &entrant.report,
            entrant.entered,
            plan,
            &mut made,
        )
        .await?;
        made.meetings += one_on_ones::write(tx, &mut desk, entrant, start, &mut rng).await?;
    }

    // The calibration cycle they are candidates in.
    cycle::write(tx, &mut desk, &cast, &entrants, &mut rng, &mut made).await?;
    // Later writes are the store's own, dated by its clock.
    desk.on(tx, today).await?;
    Ok(made)
}

async fn add_person(
    tx: &mut SqliteConnection,
    person: &ValidPerson,
    now: chrono::DateTime<chrono::Utc>,
    made: &mut Generated,
) -> Result<PersonId> {
    let id = PersonId::new();
    store::insert_person(tx, &id, person, now).await?;
    made.people += 1;
    Ok(id)
}

/// Writes a report's record, each fact on the day it was entered: not before the report
/// (`entered`), and what became known later about a record (an end, a production date, an
/// impact, a review, a check, feedback addressed) on the day it happened.
async fn write_plan(
    tx: &mut SqliteConnection,
    desk: &mut Desk<'_>,
    report_id: &ReportId,
    entered: NaiveDate,
    plan: Plan,
    made: &mut Generated,
) -> Result<()> {
    for change in &plan.manager_changes {
        let at = desk.on(tx, entered).await?;
        store::insert_manager_change(tx, &ManagerChangeId::new(), report_id, change, at).await?;
    }
    for m in &plan.mandates {
        let mut day = desk.day(m.mandate.set_on, entered);
        let at = desk.on(tx, day).await?;
        store::insert_mandate(tx, &m.id, report_id, &m.mandate, at).await?;
        for review in &m.reviews {
            day = desk.day(review.reviewed_on, day);
            let at = desk.on(tx, day).await?;
            store::review_mandate(tx, &m.id, review, at).await?;
        }
        if let Some(closing) = &m.closing {
            day = desk.day(closing.ended_on, day);
            let at = desk.on(tx, day).await?;
            store::close_mandate(tx, &m.id, closing, at).await?;
        }
        made.mandates += 1;
    }
    for p in &plan.evidence {
        write_evidence(tx, desk, report_id, entered, p).await?;
        made.evidence += 1;
        made.visibility += p.seen.len();
    }
    for a in &plan.advocates {
        let since = desk.day(a.supporting_since.unwrap_or(entered), entered);
        let checked_later = a.last_checked.filter(|c| *c > since);
        let first = ValidAdvocate {
            last_checked: a.last_checked.filter(|c| *c <= since),
            ..a.clone()
        };
        let id = AdvocateId::new();
        let at = desk.on(tx, since).await?;
        store::insert_advocate(tx, &id, report_id, &first, at).await?;
        if let Some(checked) = checked_later {
            let at = desk.on(tx, checked).await?;
            store::check_advocate(tx, &id, checked, at).await?;
        }
        made.advocates += 1;
    }
    for p in &plan.mentorships {
        let started = desk.day(p.mentorship.started_on, entered);
        let ends_later = p.mentorship.ended_on.filter(|d| *d > started);
        let first = ValidMentorship {
            ended_on: p.mentorship.ended_on.filter(|d| *d <= started),
            ..p.mentorship.clone()
        };
        let at = desk.on(tx, started).await?;
        store::insert_mentorship(tx, &p.id, report_id, &first, at).await?;
        for f in &p.feedback {
            let received = desk.day(f.received_on, started);
            let addressed_later = f.addressed_on.filter(|d| *d > received);
            let first = match addressed_later {
                Some(_) => ValidFeedback {
                    addressed_on: None,
                    addressed_action: String::new(),
                    ..f.clone()
                },
                None => f.clone(),
            };
            let at = desk.on(tx, received).await?;
            let id = store::insert_feedback(tx, &p.id, &first, at).await?;
            if let Some(addressed) = addressed_later {
                let at = desk.on(tx, addressed).await?;
                store::address_feedback(tx, &id, addressed, &f.addressed_action, at).await?;
            }
        }
        if let Some(ended) = ends_later {
            let at = desk.on(tx, ended).await?;
            store::end_mentorship(tx, &p.id, ended, at).await?;
        }
        made.mentorships += 1;
        made.feedback += p.feedback.len();
    }
    Ok(())
}

/// An evidence item, written up on its `noted_on` day with what was known then; its end and
/// production date (with the impact measured by then) on the days they happened; each sighting
/// on its day.
async fn write_evidence(
    tx: &mut SqliteConnection,
    desk: &mut Desk<'_>,
    report_id: &ReportId,
    entered: NaiveDate,
    p: &PlannedEvidence,
) -> Result<()> {
    let e = &p.evidence;
    let noted = desk.day(p.noted_on, entered);
    let known = |d: Option<NaiveDate>, by: NaiveDate| d.filter(|x| *x <= by);
    let mut later: Vec<NaiveDate> = [e.ended_on, e.in_production_since]
        .into_iter()
        .flatten()
        .filter(|d| *d > noted)
        .collect();
    later.sort();
    later.dedup();
    let first = ValidEvidence {
        ended_on: known(e.ended_on, noted),
        in_production_since: known(e.in_production_since, noted),
        impact: if later.is_empty() {
            e.impact.clone()
        } else {
            String::new()
        },
        ..e.clone()
    };
    let at = desk.on(tx, noted).await?;
    store::insert_evidence(tx, &p.id, report_id, &first, at).await?;
    for sighting in &p.seen {
        let day = desk.day(sighting.seen_on, noted);
        let at = desk.on(tx, day).await?;
        store::insert_visibility(tx, &p.id, sighting, at).await?;
    }
    for day in later {
        let at = desk.on(tx, day).await?;
        store::record_outcome(
            tx,
            &p.id,
            known(e.ended_on, day),
            known(e.in_production_since, day),
            &e.impact,
            at,
        )
        .await?;
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

fn days_before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

/// A demo story as the records to write.
fn story_plan(story: &Story, cast: &CastIds, today: NaiveDate) -> Plan {
    let mut mandates = Vec::new();
    if let Some(past) = &story.past {
        mandates.push(PlannedMandate {
            id: MandateId::new(),
            mandate: ValidMandate {
                statement: past.statement.to_owned(),
                priority: past.priority.to_owned(),
                room: crate::model::Assessment::Yes,
                attention: crate::model::Assessment::Yes,
                sponsor_id: None,
                set_on: months_before(today, past.set_months_ago),
                review_by: None,
            },
            reviews: Vec::new(),
            closing: Some(ValidClosing {
                status: if past.completed {
                    MandateStatus::Completed
                } else {
                    MandateStatus::Dropped
                },
                reason: past.reason.to_owned(),
                ended_on: months_before(today, past.ended_months_ago),
            }),
        });
    }
    let m = &story.mandate;
    // Each review a week before the review date then in force, setting the next one.
    let mut review_by = months_from(today, m.review_in_months);
    let reviews = m
        .reviews
        .iter()
        .map(|r| {
            let reviewed_on = review_by
                .checked_sub_days(Days::new(REVIEW_EARLY_DAYS))
                .unwrap_or(review_by);
            review_by = months_from(today, r.next_in_months);
            ValidMandateReview {
                reviewed_on,
                outcome: r.outcome,
                note: r.note.to_owned(),
                next_review_on: Some(review_by),
                changed: None,
            }
        })
        .collect();
    mandates.push(PlannedMandate {
        id: MandateId::new(),
        mandate: ValidMandate {
            statement: m.statement.to_owned(),
            priority: m.priority.to_owned(),
            room: m.room,
            attention: m.attention,
            sponsor_id: m.sponsor.and_then(|who| cast.id(who)),
            set_on: months_before(today, m.months_ago),
            review_by: Some(months_from(today, m.review_in_months)),
        },
        reviews,
        closing: None,
    });
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
                flagship: e.flagship,
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
            PlannedEvidence {
                id: EvidenceId::new(),
                noted_on: started_on
                    .checked_add_days(Days::new(e.noted_after_days))
                    .unwrap_or(started_on),
                evidence: valid,
                seen,
            }
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
                supporting_since: a.supporting_months_ago.map(|ago| months_before(today, ago)),
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
                .map(|f| ValidFeedback {
                    received_on: months_before(today, f.months_ago),
                    source: f.source,
                    sentiment: f.sentiment,
                    words: f.words.to_owned(),
                    quotable: f.quotable,
                    addressed_on: f.addressed.map(|(ago, _)| months_before(today, ago)),
                    addressed_action: f
                        .addressed
                        .map(|(_, action)| action.to_owned())
                        .unwrap_or_default(),
                })
                .collect();
            Some(PlannedMentorship {
                id: MentorshipId::new(),
                mentorship: ValidMentorship {
                    mentee_id,
                    goals: m.goals.to_owned(),
                    started_on: months_before(today, m.months_ago),
                    ended_on: None,
                },
                feedback,
            })
        })
        .collect();
    // A report who joined the manager: the previous manager's tenure, then the manager's.
    let manager_changes = story
        .joined
        .iter()
        .flat_map(|j| {
            let joined = days_before(today, j.days_ago);
            [
                ValidManagerChange {
                    changed_on: months_before(today, j.previous_since_months),
                    manager: j.previous_manager.to_owned(),
                    note: String::new(),
                    ended_on: Some(joined),
                    is_me: false,
                },
                ValidManagerChange {
                    changed_on: joined,
                    manager: "Me".to_owned(),
                    note: j.note.to_owned(),
                    ended_on: None,
                    is_me: true,
                },
            ]
        })
        .collect();
    Plan {
        mandates,
        evidence,
        advocates,
        mentorships,
        manager_changes,
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
        one_on_one_every_days: p.one_on_one_every_days,
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
