//! Procedural multi-year histories for synthetic reports: evidence every month or so with
//! co-owners and visibility, a mandate every year or so, advocates, mentees and feedback; and
//! the [`Plan`] every report's record (the demo stories' too) is written from.

use chrono::{Months, NaiveDate};

use super::rng::Rng;
use crate::ids::{EvidenceId, MandateId, MentorshipId, PersonId};
use crate::model::advocate::ValidAdvocate;
use crate::model::evidence::ValidEvidence;
use crate::model::manager::ValidManagerChange;
use crate::model::mandate::{ValidClosing, ValidMandate, ValidMandateReview};
use crate::model::mentorship::{ValidFeedback, ValidMentorship};
use crate::model::visibility::ValidVisibility;
use crate::model::{
    Archetype, Assessment, Channel, EvidenceKind, EvidenceRole, FeedbackSource, MandateStatus,
    Sentiment, SupportStrength, WorkMix,
};

const VERBS: [&str; 10] = [
    "Migrated",
    "Redesigned",
    "Automated",
    "Led the rollout of",
    "Wrote the strategy for",
    "Ran the incident review of",
    "Unblocked the team on",
    "Taught the org",
    "Cut the cost of",
    "Hardened",
];
const OBJECTS: [&str; 12] = [
    "the billing pipeline",
    "search indexing",
    "the identity service",
    "feature flags",
    "the on-call rotation",
    "the mobile release train",
    "the data warehouse loads",
    "service-to-service auth",
    "the CI fleet",
    "the notifications fan-out",
    "the fraud rules engine",
    "edge caching",
];
const PRIORITIES: [&str; 5] = [
    "Reliability",
    "Engineering cost",
    "Developer productivity",
    "Security and compliance",
    "International launch",
];
const WORDS_GOOD: [&str; 3] = [
    "Always prepared, asks questions that make me think.",
    "Helped me plan my first design review.",
    "I feel ready to lead a project now.",
];
const WORDS_BAD: [&str; 2] = [
    "Sessions get cancelled a lot.",
    "Mostly tells me what to do instead of helping me decide.",
];

/// A mandate to write: set, reviewed, and perhaps ended.
pub struct PlannedMandate {
    pub id: MandateId,
    pub mandate: ValidMandate,
    /// Reviews in the order they happened, each before the review date then in force.
    pub reviews: Vec<ValidMandateReview>,
    pub closing: Option<ValidClosing>,
}

/// An evidence item to write, with who saw it.
pub struct PlannedEvidence {
    pub id: EvidenceId,
    /// The item as it stands today; what was not known yet when it was entered (its end, its
    /// production date, then its impact) is written on the day it happened.
    pub evidence: ValidEvidence,
    /// When the manager wrote it up: when the work started, or a few days later.
    pub noted_on: NaiveDate,
    pub seen: Vec<ValidVisibility>,
}

/// A mentorship to write, with its feedback (marked addressed on the day it was).
pub struct PlannedMentorship {
    pub id: MentorshipId,
    pub mentorship: ValidMentorship,
    pub feedback: Vec<ValidFeedback>,
}

/// Everything one report's record is written into.
pub struct Plan {
    pub mandates: Vec<PlannedMandate>,
    pub evidence: Vec<PlannedEvidence>,
    /// Entered when they began supporting the report (or with the report, when not known).
    pub advocates: Vec<ValidAdvocate>,
    pub mentorships: Vec<PlannedMentorship>,
    /// The report's manager history, entered with the report.
    pub manager_changes: Vec<ValidManagerChange>,
}

/// Who a synthetic history can refer to.
pub struct People<'a> {
    /// Skip-level and leaders: the audience for visibility, advocates and sponsors.
    pub audience: &'a [PersonId],
    pub mentees: &'a [PersonId],
    /// The people of the other reports, for co-ownership.
    pub colleagues: &'a [PersonId],
}

fn months_before(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today)
}

fn pick_person(rng: &mut Rng, from: &[PersonId], not: &PersonId) -> Option<PersonId> {
    let p = from.get(rng.below(from.len()))?;
    (p != not).then(|| p.clone())
}

/// A `years`-long history for `report` (whose person is `own`), ending at `today`.
pub fn plan(rng: &mut Rng, own: &PersonId, people: &People, years: u32, today: NaiveDate) -> Plan {
    let months = years.max(1) * 12;
    let mut plan = Plan {
        mandates: Vec::new(),
        evidence: Vec::new(),
        advocates: Vec::new(),
        mentorships: Vec::new(),
        manager_changes: Vec::new(),
    };

    // Mandates: a new one every 9-15 months; all but the newest are closed.
    let mut set_ago = months;
    while set_ago > 0 {
        let next_ago = set_ago.saturating_sub(9 + rng.below(7) as u32);
        let set_on = months_before(today, set_ago);
        let mandate = ValidMandate {
            statement: format!("{} {}", rng.pick(&VERBS), rng.pick(&OBJECTS)),
            priority: if rng.chance(85) {
                rng.pick(&PRIORITIES).to_string()
            } else {
                String::new()
            },
            room: *rng.pick(&[
                Assessment::Yes,
                Assessment::Yes,
                Assessment::Partly,
                Assessment::Unknown,
            ]),
            attention: *rng.pick(&[Assessment::Yes, Assessment::Partly, Assessment::No]),
            sponsor_id: pick_person(rng, people.audience, own),
            set_on,
            review_by: Some(months_before(today, next_ago.saturating_sub(3)))
                .filter(|r| *r >= set_on),
        };
        let closing = (next_ago > 0).then(|| ValidClosing {
            status: if rng.chance(70) {
                MandateStatus::Completed
            } else {
                MandateStatus::Dropped
            },
            reason: "Priorities moved on.".to_owned(),
            ended_on: months_before(today, next_ago),
        });
        plan.mandates.push(PlannedMandate {
            id: MandateId::new(),
            mandate,
            reviews: Vec::new(),
            closing,
        });
        set_ago = next_ago;
    }

    // Evidence: most months have some.
    for ago in (1..=months).rev() {
        if !rng.chance(80) {
            continue;
        }
        let started_on = months_before(today, ago);
        let length = 1 + rng.below(4) as u32;
        let ended_on = (length < ago).then(|| months_before(today, ago - length));
        let kind = *rng.pick(&[
            EvidenceKind::Project,
            EvidenceKind::Project,
            EvidenceKind::OrgImprovement,
            EvidenceKind::GlueWork,
            EvidenceKind::CrossFunctionalSupport,
            EvidenceKind::Strategy,
            EvidenceKind::Incident,
            EvidenceKind::UnblockingOthers,
            EvidenceKind::GrowingOthers,
        ]);
        let in_production_since = (kind == EvidenceKind::Project && rng.chance(60))
            .then_some(ended_on)
            .flatten();
        let impact = match rng.below(5) {
            0 => format!("{}% fewer pages", 10 + rng.below(60)),
            1 => format!("p99 latency down {}%", 5 + rng.below(50)),
            2 => format!("${}k a year saved", 20 + rng.below(500)),
            3 => format!("{} teams adopted it", 2 + rng.below(9)),
            _ => String::new(),
        };
        let object = rng.pick(&OBJECTS);
        let co_owner_ids = (0..rng.below(3))
            .filter_map(|_| pick_person(rng, people.colleagues, own))
            .fold(Vec::new(), |mut v, p| {
                if !v.contains(&p) {
                    v.push(p);
                }
                v
            });
        let evidence = ValidEvidence {
            // An epic key keeps titles apart across reports, as a tracker does: two reports
            // claiming to have led the same work are the demo's story, not every record's.
            title: format!(
                "{} {} ({}-{})",
                rng.pick(&VERBS),
                object,
                rng.pick(&["PLAT", "INFRA", "DATA", "PAY", "SRE"]),
                100 + rng.below(900)
            ),
            description: format!("Work on {object}, month {ago} before today."),
            started_on,
            ended_on,
            kind,
            role: *rng.pick(&[
                EvidenceRole::Led,
                EvidenceRole::CoLed,
                EvidenceRole::Contributed,
                EvidenceRole::Advised,
            ]),
            co_owner_ids,
            impact,
            links: Vec::new(),
            in_production_since,
            archetype: rng.chance(50).then(|| *rng.pick(&Archetype::ALL)),
            work_mix: *rng.pick(&[
                WorkMix::HighLeverage,
                WorkMix::HighLeverage,
                WorkMix::HighLeverage,
                WorkMix::Untagged,
                WorkMix::Untagged,
                WorkMix::Snacking,
                WorkMix::Preening,
                WorkMix::ChasingGhosts,
            ]),
            flagship: false,
        };
        let sightings = (0..rng.below(4))
            .filter_map(|_| {
                let person_id = pick_person(rng, people.audience, own)?;
                let seen_ago = ago.saturating_sub(rng.below(ago as usize) as u32);
                Some(ValidVisibility {
                    person_id,
                    channel: *rng.pick(&[
                        Channel::Demo,
                        Channel::Doc,
                        Channel::Review,
                        Channel::SkipOneOnOne,
                        Channel::Presentation,
                    ]),
                    detail: format!("Saw the {object} work"),
                    seen_on: months_before(today, seen_ago),
                })
            })
            .collect();
        plan.evidence.push(PlannedEvidence {
            id: EvidenceId::new(),
            noted_on: evidence.started_on,
            evidence,
            seen: sightings,
        });
    }

    // Advocates: up to three leaders.
    let mut advocates: Vec<PersonId> = Vec::new();
    for _ in 0..rng.below(4) {
        if let Some(person_id) =
            pick_person(rng, people.audience, own).filter(|p| !advocates.contains(p))
        {
            advocates.push(person_id.clone());
            plan.advocates.push(ValidAdvocate {
                person_id,
                what_seen: "Recent project work.".to_owned(),
                strength: *rng.pick(&[
                    SupportStrength::Strong,
                    SupportStrength::Moderate,
                    SupportStrength::Weak,
                ]),
                last_checked: rng
                    .chance(70)
                    .then(|| months_before(today, rng.below(12) as u32)),
                supporting_since: None,
                notes: String::new(),
            });
        }
    }

    // Mentorships: roughly one a year, each with a few feedback entries.
    for year in 0..years.max(1) {
        let Some(mentee_id) = pick_person(rng, people.mentees, own) else {
            continue;
        };
        let start_ago = (years - year) * 12 - rng.below(6) as u32;
        let started_on = months_before(today, start_ago.max(1));
        let ended_on = (start_ago > 12).then(|| months_before(today, start_ago - 10));
        let feedback = (0..1 + rng.below(3))
            .map(|_| {
                let ago = start_ago.saturating_sub(1 + rng.below(9) as u32);
                let sentiment = match rng.below(10) {
                    0 => Sentiment::Negative,
                    1 | 2 => Sentiment::Mixed,
                    _ => Sentiment::Positive,
                };
                let addressed = sentiment != Sentiment::Positive && ago > 2 && rng.chance(60);
                ValidFeedback {
                    received_on: months_before(today, ago),
                    source: *rng.pick(&[
                        FeedbackSource::Mentee,
                        FeedbackSource::Mentee,
                        FeedbackSource::MenteeManager,
                        FeedbackSource::Survey,
                    ]),
                    sentiment,
                    words: if sentiment == Sentiment::Positive {
                        rng.pick(&WORDS_GOOD)
                    } else {
                        rng.pick(&WORDS_BAD)
                    }
                    .to_string(),
                    quotable: rng.chance(60),
                    addressed_on: addressed.then(|| months_before(today, ago.saturating_sub(1))),
                    addressed_action: if addressed {
                        "Talked it through; agreed a fixed weekly slot.".to_owned()
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        plan.mentorships.push(PlannedMentorship {
            id: MentorshipId::new(),
            mentorship: ValidMentorship {
                mentee_id,
                goals: "Grow towards the next level.".to_owned(),
                started_on,
                ended_on,
            },
            feedback,
        });
    }
    plan
}
