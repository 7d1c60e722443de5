//! The calibration cycle of the demo (and of synthetic histories): a committee, the
//! organisation's rules of thumb, candidates with packet drafts, reviews and the manager's own
//! checks, each entered on its day, so the dashboard shows what the radar is for.

use chrono::{Days, Months, NaiveDate};
use sqlx::SqliteConnection;

use super::cast::Cast;
use super::desk::Desk;
use super::rng::Rng;
use super::{CastIds, Generated};
use crate::error::Result;
use crate::ids::{CandidateId, CycleId, LevelId, PacketVersionId, ReportId, ReviewId, RuleId};
use crate::model::cycle::ValidCycle;
use crate::model::packet::ValidReview;
use crate::model::rule_of_thumb::ValidRule;
use crate::model::{
    Archetype, Check, EvidenceKind, KnownGap, ManualStatus, PacketSections, ReviewerRole,
    RuleSource, StaffProject,
};
use crate::store;

/// A report of the generated team, as the cycle and the 1:1s need it.
pub struct Entrant {
    pub report: ReportId,
    pub target: LevelId,
    /// Index in the demo team, for the hand-written parts.
    pub index: usize,
    /// The day the report was entered in Trellis.
    pub entered: NaiveDate,
    /// Their 1:1 cadence, in days.
    pub every_days: i32,
}

fn days(today: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        today
            .checked_add_days(Days::new(n.unsigned_abs()))
            .unwrap_or(today)
    } else {
        today
            .checked_sub_days(Days::new(n.unsigned_abs()))
            .unwrap_or(today)
    }
}

/// A review round of a demo candidate: who, as what, requested and received (days from today),
/// what they said, and whether it revealed the production rule.
struct DemoReview {
    who: Cast,
    role: ReviewerRole,
    requested: i64,
    received: i64,
    comments: &'static str,
    reveals_production_rule: bool,
}

/// A demo candidate's packet: drafts saved (days from today), reviews, and the manager's own
/// call on the "is the impact big enough" rule (days from today, and the note).
struct DemoPacket {
    drafts: &'static [i64],
    reviews: &'static [DemoReview],
    impact_checked: Option<(i64, &'static str)>,
}

/// The demo team's packets, by index (Dev Patel, index 5, is not a candidate).
const DEMO_PACKETS: [DemoPacket; 5] = [
    // Priya: two drafts; Hiro's review revealed the production rule; her impact checked by hand.
    DemoPacket {
        drafts: &[-35, -10],
        reviews: &[DemoReview {
            who: Cast::PrincipalPeer,
            role: ReviewerRole::StaffPeer,
            requested: -20,
            received: -6,
            comments: "Strong design; the committee will ask how long it has run in production.",
            reveals_production_rule: true,
        }],
        impact_checked: Some((
            -60,
            "Reconciliation breaks down from 40 to 2 a month across three teams: enough for Senior Staff.",
        )),
    },
    // Marcus: no draft.
    DemoPacket {
        drafts: &[],
        reviews: &[],
        impact_checked: None,
    },
    // Elena.
    DemoPacket {
        drafts: &[-35],
        reviews: &[],
        impact_checked: None,
    },
    // Tomás.
    DemoPacket {
        drafts: &[-35],
        reviews: &[],
        impact_checked: None,
    },
    // Aiko, the clean candidate: drafted early, reviewed, the impact rule checked by hand.
    DemoPacket {
        drafts: &[-50, -20],
        reviews: &[
            DemoReview {
                who: Cast::PrincipalPeer,
                role: ReviewerRole::StaffPeer,
                requested: -30,
                received: -16,
                comments: "Clear numbers; lead with the build minutes saved across teams.",
                reveals_production_rule: false,
            },
            DemoReview {
                who: Cast::Skip,
                role: ReviewerRole::SkipLevel,
                requested: -25,
                received: -9,
                comments: "Ready. Add the CI runbook to the glue-work section.",
                reveals_production_rule: false,
            },
        ],
        impact_checked: Some((
            -60,
            "About 2,000 engineer-hours a quarter saved across 40 iOS engineers: enough for Staff here.",
        )),
    },
];

pub async fn write(
    tx: &mut SqliteConnection,
    desk: &mut Desk<'_>,
    cast: &CastIds,
    entrants: &[Entrant],
    rng: &mut Rng,
    made: &mut Generated,
) -> Result<()> {
    let today = desk.today();
    // Calibration is about three and a half months away: the packet-draft deadline (four
    // months before) has just passed. The cycle is entered the day it opened.
    let calibration = days(today, 110);
    let opens_on = today.checked_sub_months(Months::new(7)).unwrap_or(today);
    let cycle_id = CycleId::new();
    let committee = [Cast::Skip, Cast::Vp, Cast::PrincipalPeer]
        .iter()
        .filter_map(|who| cast.id(*who).map(|id| (id, None)))
        .collect();
    let opened = desk.day(opens_on, opens_on);
    let now = desk.on(tx, opened).await?;
    store::insert_cycle(
        tx,
        &cycle_id,
        &ValidCycle {
            name: "Spring calibration".into(),
            opens_on,
            packet_due: days(today, 80),
            calibration_date: calibration,
            committee,
        },
        now,
    )
    .await?;

    // The organisation's rules of thumb, each entered the day it was said.
    let architects = vec![Archetype::Architect];
    let rules = [
        (
            "An architect's big bet must have run in production for a year before calibration",
            Cast::PrincipalPeer,
            RuleSource::PastCalibration,
            true,
            architects,
            Some(Check::TopEvidenceInProduction { months: 12 }),
        ),
        (
            "Has led a staff-level project, not just contributed",
            Cast::Vp,
            RuleSource::ReviewComment,
            true,
            Vec::new(),
            Some(Check::LedEvidenceOfKind {
                kinds: vec![EvidenceKind::Project],
            }),
        ),
        (
            "Mentees speak well of them",
            Cast::Skip,
            RuleSource::Conversation,
            false,
            Vec::new(),
            Some(Check::PositiveMentorshipFeedback { months: 12 }),
        ),
        (
            "Is the impact big enough for the level?",
            Cast::Vp,
            RuleSource::PastCalibration,
            false,
            Vec::new(),
            None,
        ),
    ];
    let mut rule_ids = Vec::new();
    for (i, (wording, who, source, confirmed, archetypes, check)) in rules.into_iter().enumerate() {
        let id = RuleId::new();
        let said_on = today
            .checked_sub_months(Months::new(14 - i as u32))
            .unwrap_or(today);
        let now = desk.on(tx, said_on).await?;
        store::insert_rule(
            tx,
            &id,
            &ValidRule {
                wording: wording.into(),
                said_by_id: cast.id(who),
                said_on,
                source,
                source_detail: String::new(),
                confirmed,
                levels: Vec::new(),
                archetypes,
                retired: false,
                check,
            },
            now,
        )
        .await?;
        rule_ids.push(id);
    }
    let production_rule = rule_ids.first().cloned();
    let impact_rule = rule_ids.last().cloned();

    for e in entrants {
        // Dev Patel (index 5) is not seeking promotion this year.
        if e.index == 5 {
            continue;
        }
        let demo = DEMO_PACKETS.get(e.index);
        let candidate = CandidateId::new();
        let added_on = days(today, -60);
        let added = desk.day(added_on, e.entered.max(opened));
        let now = desk.on(tx, added).await?;
        store::insert_candidate(
            tx, &candidate, &cycle_id, &e.report, &e.target, added_on, now,
        )
        .await?;
        made.candidates += 1;
        // Synthetic candidates have a draft most of the time.
        let drafts: Vec<i64> = match demo {
            Some(p) => p.drafts.to_vec(),
            None if rng.chance(60) => vec![-35],
            None => Vec::new(),
        };
        for (n, saved) in drafts.iter().enumerate() {
            let sections = PacketSections {
                staff_projects: vec![StaffProject {
                    title: "The work this packet leans on".into(),
                    goal: "What the company needed and why it was hard.".into(),
                    complexity: "Teams involved, migrations, risks.".into(),
                    impact: if n == 0 {
                        "Numbers to come.".into()
                    } else {
                        "Numbers from the dashboards.".into()
                    },
                    ..StaffProject::default()
                }],
                known_gaps: vec![KnownGap {
                    gap: "Visibility with the committee".into(),
                    plan: "Demo to the VP".into(),
                }],
                ..PacketSections::default()
            };
            let number = i32::try_from(n + 1).unwrap_or(1);
            let saved_on = days(today, *saved);
            let now = desk.on(tx, desk.day(saved_on, added)).await?;
            store::insert_packet_version(
                tx,
                &PacketVersionId::new(),
                &candidate,
                number,
                saved_on,
                "",
                &sections,
                now,
            )
            .await?;
            made.packet_versions += 1;
        }
        let synthetic_review = DemoReview {
            who: Cast::PrincipalPeer,
            role: ReviewerRole::StaffPeer,
            requested: -20,
            received: -6,
            comments: "Strong design; the committee will ask how long it has run in production.",
            reveals_production_rule: true,
        };
        let reviews: Vec<&DemoReview> = match demo {
            Some(p) => p.reviews.iter().collect(),
            None if !drafts.is_empty() && rng.chance(50) => vec![&synthetic_review],
            None => Vec::new(),
        };
        for r in reviews {
            let Some(reviewer) = cast.id(r.who) else {
                continue;
            };
            // Requested on one day (of the first draft), received later with its comments.
            let id = ReviewId::new();
            let requested_on = days(today, r.requested);
            let requested = desk.day(requested_on, added);
            let now = desk.on(tx, requested).await?;
            store::insert_review(
                tx,
                &id,
                &candidate,
                &ValidReview {
                    reviewer_id: reviewer,
                    reviewer_role: r.role,
                    version_number: Some(1),
                    requested_on,
                    received_on: None,
                    comments: String::new(),
                    revealed_rule_id: None,
                },
                now,
            )
            .await?;
            let received_on = days(today, r.received);
            let now = desk.on(tx, desk.day(received_on, requested)).await?;
            let revealed = production_rule
                .as_ref()
                .filter(|_| r.reveals_production_rule);
            store::receive_review(tx, &id, received_on, r.comments, revealed, now).await?;
            made.reviews += 1;
        }
        if let (Some((checked, note)), Some(rule)) =
            (demo.and_then(|p| p.impact_checked), &impact_rule)
        {
            let checked_on = days(today, checked);
            desk.on(tx, desk.day(checked_on, added)).await?;
            store::insert_rule_check(tx, &candidate, rule, ManualStatus::Met, note, checked_on)
                .await?;
        }
    }
    Ok(())
}
