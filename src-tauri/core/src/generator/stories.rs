//! What the demo team's record says: mandates with their reviews, a year or two of evidence
//! with who saw it, advocates and mentees, entered over the thirteen months the demo manager
//! has used Trellis (see `desk`). Each story plants the problems Trellis exists to surface
//! early, and only those: on the "Spring calibration" dashboard today, every signal is one
//! listed here (`tests/core/demo_record.rs` pins them, with the day each was first seen). Dates
//! below are for a "today" of 2026-11-24 (the tests' clock); the demo moves with the clock.
//! Candidates joined the cycle 60 days ago (2026-09-25); the draft deadline passed 10 days ago.
//!
//! - **Priya Raman** (Architect, Staff → Senior Staff). *High*: the confirmed rule of thumb
//!   "an architect's big bet must have run in production for a year before calibration" is
//!   unmet (her flagship ledger migration went live five months ago), from the day she became
//!   a candidate; Hiro's packet review is what revealed it. *High*: she and Elena both claim to
//!   have led the ledger migration, from the day Elena's claim was written up (a month after
//!   the work started). Otherwise strong: all her led work seen by the committee, a strong
//!   advocate, two drafts, her impact checked by hand, positive mentee feedback.
//! - **Marcus Okafor** (Tech Lead, Senior → Staff). *High*: no packet draft four months before
//!   calibration. *High*: nobody who decides has seen his strongest work (the checkout
//!   re-platforming, his flagship, and the onboarding guide he keeps up), since the guide came
//!   into use; *medium*: so none of it has been seen. *High*: his mentee's negative
//!   feedback, a month old, is unaddressed; *medium*: so the hearsay rule "mentees speak well
//!   of them" is unmet. *Medium*: no leader is recorded as ready to speak for him. *Low*: his
//!   impact is not checked by hand, and his recent record is thin.
//! - **Elena Sokolova** (Solver where an Architect is needed, Staff → Senior Staff). *High*:
//!   the duplicate claim to the ledger migration. *Medium*: archetype mismatch; her mandate's
//!   review date passed six months ago; her 1:1s lapsed (incidents keep bumping them; the last
//!   was five weeks ago); her mentee's survey feedback is mixed, so the hearsay mentee rule is
//!   unmet. *Low*: her mandate serves no named priority, her impact is not checked by hand,
//!   and her recent record is one round of alert tuning.
//! - **Tomás Herrera** (Right Hand, Senior Staff → Principal). Joined the manager in a re-org
//!   90 days ago, inside the cycle, and was entered in Trellis that day with the handoff of his
//!   record (his previous manager's tenure, then the manager's own, marked as theirs). *High*:
//!   "you became their manager inside the cycle", from the day he became a candidate. *High*:
//!   the confirmed rule "has led a staff-level project" is unmet: a Right Hand's work is
//!   strategy and forums, not a project. *Low*: no mentee feedback on record, his impact not
//!   checked by hand, little recent evidence in the handoff.
//! - **Aiko Tanaka** (Tech Lead, Senior → Staff): **the clean candidate**. Her flagship (the
//!   iOS build cache) has run in production for five months and was seen by the skip-level the
//!   day it started, then by the rest of the committee; every other piece of work she led was
//!   seen the day it started; her mandate is reviewed a week before each review date; a strong
//!   advocate since before the manager used Trellis; positive mentee feedback; two drafts well
//!   before the deadline, the staff-peer and skip-level reviews already in, her impact checked
//!   by hand; fortnightly 1:1s on her fortnightly cadence; no drift. No medium or high signal
//!   on any day since she was entered, and no signal at all today.
//! - **Dev Patel** (Architect, content at Staff; not a candidate). Nothing above low today (his
//!   recent record is thin): his mandate is reviewed on time twice a year, and his mentee's
//!   negative feedback from the cluster cut-over was addressed a month after it came (a replay
//!   of that month shows it open).

use super::cast::Cast;
use crate::model::{
    Assessment, Channel, EvidenceKind, EvidenceRole, FeedbackSource, ReviewOutcome, Sentiment,
    SupportStrength, WorkMix,
};

/// How many days before the review date in force a story's mandate review happens.
pub const REVIEW_EARLY_DAYS: u64 = 7;

pub struct MandateReviewStory {
    pub outcome: ReviewOutcome,
    pub note: &'static str,
    /// Months from now until the next review date it sets; negative when that has passed.
    pub next_in_months: i32,
}

pub struct MandateStory {
    pub statement: &'static str,
    pub priority: &'static str,
    pub room: Assessment,
    pub attention: Assessment,
    pub sponsor: Option<Cast>,
    pub months_ago: u32,
    /// Months from now until the review date it was set with; negative when that has passed.
    pub review_in_months: i32,
    /// Reviews, each [`REVIEW_EARLY_DAYS`] before the review date then in force.
    pub reviews: &'static [MandateReviewStory],
}

pub struct PastMandate {
    pub statement: &'static str,
    pub priority: &'static str,
    pub set_months_ago: u32,
    pub ended_months_ago: u32,
    pub completed: bool,
    pub reason: &'static str,
}

pub struct EvidenceStory {
    pub title: &'static str,
    pub description: &'static str,
    pub kind: EvidenceKind,
    pub role: EvidenceRole,
    pub months_ago: u32,
    /// How long it ran; `None` while ongoing.
    pub months_long: Option<u32>,
    pub impact: &'static str,
    pub in_production_months_ago: Option<u32>,
    pub work_mix: WorkMix,
    /// The project the packet leads with.
    pub flagship: bool,
    pub co_owners: &'static [Cast],
    /// Who saw it, how, and how many months ago.
    pub seen_by: &'static [(Cast, Channel, u32)],
    /// How many days after the work started the manager wrote it up.
    pub noted_after_days: u64,
}

pub struct AdvocateStory {
    pub who: Cast,
    pub what_seen: &'static str,
    pub strength: SupportStrength,
    pub checked_months_ago: Option<u32>,
    /// Since when they have supported the report; entered that day (or with the report).
    pub supporting_months_ago: Option<u32>,
}

pub struct FeedbackStory {
    pub months_ago: u32,
    pub source: FeedbackSource,
    pub sentiment: Sentiment,
    pub words: &'static str,
    pub quotable: bool,
    /// When it was addressed (months ago) and how.
    pub addressed: Option<(u32, &'static str)>,
}

pub struct MentorshipStory {
    pub mentee: usize,
    pub goals: &'static str,
    pub months_ago: u32,
    pub feedback: &'static [FeedbackStory],
}

/// The report joined the manager (the user) in a re-org: entered in Trellis that day, with
/// the previous manager's tenure.
pub struct JoinedStory {
    pub days_ago: u64,
    pub previous_manager: &'static str,
    /// Since when (months ago) the previous manager had them.
    pub previous_since_months: u32,
    pub note: &'static str,
}

pub struct Story {
    pub mandate: MandateStory,
    pub past: Option<PastMandate>,
    pub evidence: &'static [EvidenceStory],
    pub advocates: &'static [AdvocateStory],
    pub mentorship: Option<MentorshipStory>,
    pub joined: Option<JoinedStory>,
}

use Assessment as A;
use Channel as Ch;
use EvidenceKind as K;
use EvidenceRole as R;
use FeedbackSource as Src;
use Sentiment as Sen;
use SupportStrength as S;

const fn said(
    months_ago: u32,
    source: FeedbackSource,
    sentiment: Sentiment,
    words: &'static str,
    quotable: bool,
) -> FeedbackStory {
    FeedbackStory {
        months_ago,
        source,
        sentiment,
        words,
        quotable,
        addressed: None,
    }
}

pub const STORIES: [Story; 6] = [
    // Priya Raman: strong Architect whose flagship has not run in production long enough for
    // the committee's rule, and whose lead on it Elena also claims.
    Story {
        mandate: MandateStory {
            statement: "Make ledger consistency a property of the payments platform, not of each team.",
            priority: "Payments reliability (FY goal #2)",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Vp),
            months_ago: 10,
            review_in_months: 2,
            reviews: &[],
        },
        past: Some(PastMandate {
            statement: "Own the double-entry ledger design for card payments.",
            priority: "Card payments launch",
            set_months_ago: 30,
            ended_months_ago: 10,
            completed: true,
            reason: "Design shipped and adopted by three teams.",
        }),
        evidence: &[
            EvidenceStory {
                title: "Ledger consistency migration",
                description: "Moved all payment writes to the shared ledger with idempotent postings; wrote the design doc and ran the rollout.",
                kind: K::Project,
                role: R::Led,
                months_ago: 9,
                months_long: Some(4),
                impact: "Reconciliation breaks down from 40 to 2 per month",
                in_production_months_ago: Some(5),
                work_mix: WorkMix::HighLeverage,
                flagship: true,
                co_owners: &[Cast::Mentee(0)],
                seen_by: &[(Cast::Skip, Ch::Doc, 9), (Cast::Vp, Ch::Demo, 5)],
                noted_after_days: 3,
            },
            EvidenceStory {
                title: "Payments architecture review forum",
                description: "Started a fortnightly review where teams bring designs touching money movement.",
                kind: K::OrgImprovement,
                role: R::Led,
                months_ago: 14,
                months_long: None,
                impact: "11 designs reviewed; two outages avoided by early changes",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::Skip, Ch::Review, 13), (Cast::PrincipalPeer, Ch::Review, 12)],
                noted_after_days: 0,
            },
            EvidenceStory {
                title: "Unblocked Growth's refunds integration",
                description: "Paired with Growth for two weeks to untangle their refunds flow.",
                kind: K::UnblockingOthers,
                role: R::Advised,
                months_ago: 3,
                months_long: Some(1),
                impact: "",
                in_production_months_ago: None,
                work_mix: WorkMix::Untagged,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::PeerManager, Ch::Other, 3)],
                noted_after_days: 2,
            },
            EvidenceStory {
                title: "Idempotency-key library for payment writes",
                description: "Extracted the migration's idempotency keys into a library every payments team can use.",
                kind: K::Project,
                role: R::Led,
                months_ago: 4,
                months_long: Some(2),
                impact: "Adopted by 4 teams; duplicate postings down to zero",
                in_production_months_ago: Some(2),
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::Skip, Ch::Doc, 4), (Cast::PrincipalPeer, Ch::Review, 3)],
                noted_after_days: 0,
            },
            EvidenceStory {
                title: "Coached the reconciliation on-call through its first quarter",
                description: "Weekly reviews of every reconciliation page with the new on-call rotation.",
                kind: K::GrowingOthers,
                role: R::Advised,
                months_ago: 2,
                months_long: None,
                impact: "3 incidents handled without escalation",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[Cast::Mentee(0)],
                seen_by: &[],
                noted_after_days: 7,
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Vp,
            what_seen: "The card-payments ledger design, and now the migration demo and its reconciliation numbers.",
            strength: S::Strong,
            checked_months_ago: Some(2),
            supporting_months_ago: Some(17),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 0,
            goals: "Grow into owning the reconciliation service end to end.",
            months_ago: 12,
            feedback: &[
                said(7, Src::MenteeManager, Sen::Positive, "Jamie's design docs got noticeably sharper.", true),
                said(2, Src::Mentee, Sen::Positive, "Priya makes time every week and lets me drive the hard parts.", true),
            ],
        }),
        joined: None,
    },
    // Marcus Okafor: Tech Lead whose work nobody who decides has seen, with no draft, no
    // advocate, and a mentee who is unhappy.
    Story {
        mandate: MandateStory {
            statement: "Lead Checkout's re-platforming onto the shared payments APIs.",
            priority: "Checkout conversion",
            room: A::Yes,
            attention: A::Partly,
            sponsor: Some(Cast::ProductLead),
            months_ago: 8,
            review_in_months: 1,
            reviews: &[],
        },
        past: Some(PastMandate {
            statement: "Keep Checkout's payment success rate above 99.5% through the holiday peaks.",
            priority: "Checkout conversion",
            set_months_ago: 26,
            ended_months_ago: 8,
            completed: true,
            reason: "Handed to the new checkout reliability rotation.",
        }),
        evidence: &[
            EvidenceStory {
                title: "Checkout re-platforming, phase 1",
                description: "Cut the checkout service over to the shared payments APIs behind a flag.",
                kind: K::Project,
                role: R::Led,
                months_ago: 7,
                months_long: None,
                impact: "p95 checkout latency down 30%",
                in_production_months_ago: Some(2),
                work_mix: WorkMix::HighLeverage,
                flagship: true,
                co_owners: &[Cast::Mentee(1)],
                seen_by: &[(Cast::ProductLead, Ch::Demo, 2)],
                noted_after_days: 5,
            },
            EvidenceStory {
                title: "Onboarding guide for the checkout codebase",
                description: "Wrote and keeps up the guide every new checkout engineer now starts with.",
                kind: K::GlueWork,
                role: R::Led,
                months_ago: 11,
                months_long: None,
                impact: "Time to first merged change for new joiners from 3 weeks to 5 days",
                // In use by every new joiner since it was written.
                in_production_months_ago: Some(10),
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[],
                seen_by: &[],
                noted_after_days: 14,
            },
            EvidenceStory {
                title: "Cross-team API contract with Mobile",
                description: "Negotiated the checkout API contract with Mobile Foundations.",
                kind: K::CrossFunctionalSupport,
                role: R::CoLed,
                months_ago: 5,
                months_long: Some(2),
                impact: "",
                in_production_months_ago: None,
                work_mix: WorkMix::Untagged,
                flagship: false,
                co_owners: &[Cast::Report(4)],
                seen_by: &[],
                noted_after_days: 7,
            },
        ],
        advocates: &[],
        mentorship: Some(MentorshipStory {
            mentee: 1,
            goals: "Lead a project end to end.",
            months_ago: 9,
            feedback: &[said(1, Src::Mentee, Sen::Negative, "Our sessions keep getting cancelled and when they happen he mostly reviews my code for me.", false)],
        }),
        joined: None,
    },
    // Elena Sokolova: a Solver where an Architect is needed; her mandate's review is overdue,
    // incidents crowd out her 1:1s, and she also claims the lead on the ledger migration.
    Story {
        mandate: MandateStory {
            statement: "Keep payments incidents down while the platform team rebuilds.",
            priority: "",
            room: A::Partly,
            attention: A::No,
            sponsor: None,
            months_ago: 20,
            review_in_months: -6,
            reviews: &[],
        },
        past: None,
        evidence: &[
            EvidenceStory {
                title: "Ledger consistency migration",
                description: "Ran the reliability side of the ledger migration: alerts, runbooks, rollback drills.",
                kind: K::Project,
                role: R::Led,
                months_ago: 9,
                months_long: Some(4),
                impact: "",
                in_production_months_ago: Some(5),
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[Cast::Report(0)],
                seen_by: &[(Cast::Skip, Ch::Review, 8)],
                noted_after_days: 30,
            },
            EvidenceStory {
                title: "Incident commander for the March payments outage",
                description: "Led the response and the review of a four-hour degradation.",
                kind: K::Incident,
                role: R::Led,
                months_ago: 8,
                months_long: Some(1),
                impact: "Restored service in 4 h; 6 follow-ups landed",
                in_production_months_ago: None,
                work_mix: WorkMix::Untagged,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::Skip, Ch::IncidentReview, 8), (Cast::Vp, Ch::IncidentReview, 8)],
                noted_after_days: 2,
            },
            EvidenceStory {
                title: "Tuned alert thresholds again",
                description: "Another round of alert tuning on the legacy payments stack.",
                kind: K::Other,
                role: R::Contributed,
                months_ago: 2,
                months_long: Some(1),
                impact: "",
                in_production_months_ago: None,
                work_mix: WorkMix::Snacking,
                flagship: false,
                co_owners: &[],
                seen_by: &[],
                noted_after_days: 3,
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Skip,
            what_seen: "Her incident command during the March outage.",
            strength: S::Moderate,
            checked_months_ago: Some(7),
            supporting_months_ago: Some(8),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 2,
            goals: "Learn incident command.",
            months_ago: 10,
            feedback: &[said(4, Src::Survey, Sen::Mixed, "Very knowledgeable but hard to get time with.", false)],
        }),
        joined: None,
    },
    // Tomás Herrera: a Right Hand who joined me in a re-org inside the cycle, with no
    // "staff project" to show the committee.
    Story {
        mandate: MandateStory {
            statement: "Consolidate observability vendors across engineering.",
            priority: "Engineering cost (-15% tooling spend)",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Cto),
            months_ago: 6,
            review_in_months: 3,
            reviews: &[],
        },
        past: None,
        evidence: &[
            EvidenceStory {
                title: "Observability vendor consolidation",
                description: "Ran the evaluation, negotiated with two vendors, planned the migration.",
                kind: K::Strategy,
                role: R::Led,
                months_ago: 5,
                months_long: None,
                impact: "$1.2M a year saved at signed prices",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                flagship: true,
                co_owners: &[],
                seen_by: &[
                    (Cast::Skip, Ch::Doc, 5),
                    (Cast::Cto, Ch::Presentation, 3),
                    (Cast::Vp, Ch::Presentation, 3),
                ],
                noted_after_days: 0,
            },
            EvidenceStory {
                title: "Architecture review forum for the CTO",
                description: "Runs the CTO's monthly architecture review and writes its decisions up.",
                kind: K::OrgImprovement,
                role: R::Led,
                months_ago: 18,
                months_long: None,
                impact: "",
                in_production_months_ago: None,
                work_mix: WorkMix::Preening,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::Cto, Ch::Review, 1)],
                noted_after_days: 0,
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Cto,
            what_seen: "The vendor consolidation plan and savings.",
            strength: S::Strong,
            checked_months_ago: Some(1),
            supporting_months_ago: Some(5),
        }],
        mentorship: None,
        joined: Some(JoinedStory {
            days_ago: 90,
            previous_manager: "Dana Cole, Director, Office of the CTO",
            previous_since_months: 22,
            note: "Re-org: the Office of the CTO's staff engineers moved to my team. Dana handed over her notes; I have not seen his vendor work first-hand.",
        }),
    },
    // Aiko Tanaka: the clean candidate. Everything a committee will look for is in place, and
    // was on every day of the cycle.
    Story {
        mandate: MandateStory {
            statement: "Make iOS builds fast and boring for every mobile team.",
            priority: "Mobile developer productivity",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Skip),
            months_ago: 10,
            review_in_months: -7,
            reviews: &[
                MandateReviewStory {
                    outcome: ReviewOutcome::Kept,
                    note: "The build cache is landing; keep going, with flaky tests next.",
                    next_in_months: -3,
                },
                MandateReviewStory {
                    outcome: ReviewOutcome::Kept,
                    note: "Builds are fast; the CI runbook makes them boring. Still the right problem.",
                    next_in_months: 3,
                },
            ],
        },
        past: Some(PastMandate {
            statement: "Keep the iOS release train on its two-week schedule.",
            priority: "Mobile release quality",
            set_months_ago: 22,
            ended_months_ago: 10,
            completed: true,
            reason: "The new mobile release team took the train over.",
        }),
        evidence: &[
            EvidenceStory {
                title: "iOS build cache",
                description: "Introduced a remote build cache for the iOS monorepo.",
                kind: K::Project,
                role: R::Led,
                months_ago: 9,
                months_long: Some(4),
                impact: "Median CI build from 38 to 11 minutes",
                in_production_months_ago: Some(5),
                work_mix: WorkMix::HighLeverage,
                flagship: true,
                co_owners: &[Cast::Mentee(4)],
                seen_by: &[
                    (Cast::Skip, Ch::Doc, 9),
                    (Cast::PrincipalPeer, Ch::Review, 8),
                    (Cast::Vp, Ch::Demo, 5),
                    (Cast::DesignLead, Ch::Demo, 4),
                ],
                noted_after_days: 0,
            },
            EvidenceStory {
                title: "Helped three teams ship their first SwiftUI screens",
                description: "Office hours and pairing for teams new to SwiftUI.",
                kind: K::GrowingOthers,
                role: R::Advised,
                months_ago: 9,
                months_long: Some(4),
                impact: "3 teams shipped; 2 now mentor others",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[],
                seen_by: &[],
                noted_after_days: 3,
            },
            EvidenceStory {
                title: "Flaky test quarantine for the iOS monorepo",
                description: "Quarantines flaky UI tests automatically and files them with their owners.",
                kind: K::OrgImprovement,
                role: R::Led,
                months_ago: 4,
                months_long: Some(1),
                impact: "Flaky CI failures down 80%",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::Skip, Ch::SkipOneOnOne, 4)],
                noted_after_days: 0,
            },
            EvidenceStory {
                title: "Mobile CI on-call runbook",
                description: "Wrote the runbook the mobile on-call uses for CI incidents, and trained the rotation.",
                kind: K::GlueWork,
                role: R::Led,
                months_ago: 2,
                months_long: None,
                impact: "9 of 10 CI pages now resolved without escalation",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                flagship: false,
                co_owners: &[],
                seen_by: &[(Cast::Skip, Ch::Doc, 2), (Cast::PrincipalPeer, Ch::Review, 1)],
                noted_after_days: 0,
            },
            EvidenceStory {
                title: "Paired with Payments on their iOS SDK build",
                description: "Two days with the payments SDK team moving their build onto the cache.",
                kind: K::UnblockingOthers,
                role: R::Advised,
                months_ago: 1,
                months_long: Some(1),
                impact: "",
                in_production_months_ago: None,
                work_mix: WorkMix::Untagged,
                flagship: false,
                co_owners: &[],
                seen_by: &[],
                noted_after_days: 2,
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Skip,
            what_seen: "The release-train turnaround last year, and now the build cache numbers.",
            strength: S::Strong,
            checked_months_ago: Some(1),
            supporting_months_ago: Some(16),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 4,
            goals: "Own the build tooling roadmap.",
            months_ago: 8,
            feedback: &[
                said(5, Src::MenteeManager, Sen::Positive, "Mina grew more in six months than in the previous year.", true),
                said(1, Src::Mentee, Sen::Positive, "Aiko explains the why, not just the how. I can now run build infra on my own.", true),
            ],
        }),
        joined: None,
    },
    // Dev Patel: content at Staff; keeps his mandate fresh and his storage work visible.
    Story {
        mandate: MandateStory {
            statement: "Own the storage layer's direction: cost, durability, and the migration off the legacy cluster.",
            priority: "Data platform cost",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Vp),
            months_ago: 14,
            review_in_months: -8,
            reviews: &[
                MandateReviewStory {
                    outcome: ReviewOutcome::Kept,
                    note: "Cluster retired; cost and durability are still his.",
                    next_in_months: -2,
                },
                MandateReviewStory {
                    outcome: ReviewOutcome::Kept,
                    note: "Still the right problem; next up is tiered storage.",
                    next_in_months: 4,
                },
            ],
        },
        past: None,
        evidence: &[EvidenceStory {
            title: "Legacy storage cluster retirement",
            description: "Planned and ran the move off the legacy cluster, team by team.",
            kind: K::Project,
            role: R::Led,
            months_ago: 20,
            months_long: Some(10),
            impact: "$400k a year saved; zero data-loss incidents",
            in_production_months_ago: Some(10),
            work_mix: WorkMix::HighLeverage,
            flagship: true,
            co_owners: &[Cast::Mentee(5)],
            seen_by: &[(Cast::Skip, Ch::Doc, 14), (Cast::Vp, Ch::Presentation, 10), (Cast::PrincipalPeer, Ch::Review, 11)],
            noted_after_days: 0,
        }],
        advocates: &[AdvocateStory {
            who: Cast::PrincipalPeer,
            what_seen: "The storage retirement design and rollout.",
            strength: S::Strong,
            checked_months_ago: Some(3),
            supporting_months_ago: Some(18),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 5,
            goals: "Take over the storage on-call rotation's tooling.",
            months_ago: 15,
            feedback: &[
                FeedbackStory {
                    months_ago: 9,
                    source: Src::Mentee,
                    sentiment: Sen::Negative,
                    words: "Our sessions got cancelled a lot during the cluster cut-over.",
                    quotable: false,
                    addressed: Some((8, "Moved our sessions to a fixed Thursday slot; none missed since.")),
                },
                said(6, Src::Mentee, Sen::Positive, "Calm, generous with context.", true),
            ],
        }),
        joined: None,
    },
];
