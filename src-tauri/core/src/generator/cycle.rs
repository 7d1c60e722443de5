//! The calibration cycle of the demo (and of synthetic histories): a committee, the
//! organisation's rules of thumb, candidates with packet drafts and reviews, and a manager
//! change inside the cycle, so the dashboard shows what the radar is for.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::cast::Cast;
use super::rng::Rng;
use super::{CastIds, Generated};
use crate::error::Result;
use crate::ids::{
    CandidateId, CycleId, LevelId, ManagerChangeId, PacketVersionId, ReportId, ReviewId, RuleId,
};
use crate::model::cycle::ValidCycle;
use crate::model::manager::ValidManagerChange;
use crate::model::packet::ValidReview;
use crate::model::rule_of_thumb::ValidRule;
use crate::model::{
    Check, EvidenceKind, KnownGap, PacketSections, ReviewerRole, RuleSource, StaffProject,
};
use crate::store;

/// A report joining the cycle.
pub struct Entrant {
    pub report: ReportId,
    pub target: LevelId,
    /// Index in the demo team, for the hand-written parts.
    pub index: usize,
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

pub async fn write(
    tx: &mut SqliteConnection,
    cast: &CastIds,
    entrants: &[Entrant],
    rng: &mut Rng,
    today: NaiveDate,
    now: DateTime<Utc>,
    made: &mut Generated,
) -> Result<()> {
    // Calibration is about three and a half months away: the packet-draft deadline (four
    // months before) has just passed.
    let calibration = days(today, 110);
    let cycle_id = CycleId::new();
    let committee = [Cast::Skip, Cast::Vp, Cast::PrincipalPeer]
        .iter()
        .filter_map(|who| cast.id(*who).map(|id| (id, None)))
        .collect();
    store::insert_cycle(
        tx,
        &cycle_id,
        &ValidCycle {
            name: "Spring calibration".into(),
            opens_on: today.checked_sub_months(Months::new(7)).unwrap_or(today),
            packet_due: days(today, 80),
            calibration_date: calibration,
            committee,
        },
        now,
    )
    .await?;

    let rules = [
        (
            "A staff-level project must run in production for a year before calibration",
            Cast::PrincipalPeer,
            RuleSource::PastCalibration,
            true,
            Some(Check::TopEvidenceInProduction { months: 12 }),
        ),
        (
            "Has led a staff-level project, not just contributed",
            Cast::Vp,
            RuleSource::ReviewComment,
            true,
            Some(Check::LedEvidenceOfKind {
                kinds: vec![EvidenceKind::Project],
            }),
        ),
        (
            "Mentees speak well of them",
            Cast::Skip,
            RuleSource::Conversation,
            false,
            Some(Check::PositiveMentorshipFeedback { months: 12 }),
        ),
        (
            "Is the impact big enough for the level?",
            Cast::Vp,
            RuleSource::PastCalibration,
            false,
            None,
        ),
    ];
    let mut first_rule = None;
    for (i, (wording, who, source, confirmed, check)) in rules.into_iter().enumerate() {
        let id = RuleId::new();
        store::insert_rule(
            tx,
            &id,
            &ValidRule {
                wording: wording.into(),
                said_by_id: cast.id(who),
                said_on: today
                    .checked_sub_months(Months::new(14 - i as u32))
                    .unwrap_or(today),
                source,
                source_detail: String::new(),
                confirmed,
                levels: Vec::new(),
                archetypes: Vec::new(),
                retired: false,
                check,
            },
            now,
        )
        .await?;
        first_rule.get_or_insert(id);
    }

    for e in entrants {
        // Dev Patel (index 5) is not seeking promotion this year.
        if e.index == 5 {
            continue;
        }
        let candidate = CandidateId::new();
        store::insert_candidate(
            tx,
            &candidate,
            &cycle_id,
            &e.report,
            &e.target,
            days(today, -60),
            now,
        )
        .await?;
        made.candidates += 1;
        // Marcus Okafor (index 1) has no draft; synthetic candidates have one most of the time.
        let drafts = match e.index {
            0 => 2,
            1 => 0,
            i if i < 6 => 1,
            _ => usize::from(rng.chance(60)),
        };
        for n in 0..drafts {
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
            let saved_on = days(today, -35 + 25 * i64::from(number - 1));
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
        if drafts > 0 && (e.index == 0 || (e.index >= 6 && rng.chance(50))) {
            if let Some(reviewer) = cast.id(Cast::PrincipalPeer) {
                store::insert_review(
                    tx,
                    &ReviewId::new(),
                    &candidate,
                    &ValidReview {
                        reviewer_id: reviewer,
                        reviewer_role: ReviewerRole::StaffPeer,
                        version_number: Some(1),
                        requested_on: days(today, -20),
                        received_on: Some(days(today, -6)),
                        comments: "Strong design; the committee will ask how long it has run in production.".into(),
                        revealed_rule_id: first_rule.clone(),
                    },
                    now,
                )
                .await?;
                made.reviews += 1;
            }
        }
        // Tomás Herrera (index 3) changed manager inside the cycle.
        if e.index == 3 {
            store::insert_manager_change(
                tx,
                &ManagerChangeId::new(),
                &e.report,
                &ValidManagerChange {
                    changed_on: days(today, -90),
                    manager: "Dana Cole, Director, Office of the CTO".into(),
                    note: "Re-org; Dana has not seen the vendor work yet.".into(),
                    ended_on: None,
                    is_me: false,
                },
                now,
            )
            .await?;
        }
    }
    Ok(())
}
