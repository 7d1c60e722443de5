//! What the demo team's record says: a mandate, a year or two of evidence with who saw it,
//! advocates and mentees. Each story carries the kind of problem Trellis exists to surface
//! early (work nobody important saw, a stale mandate, an archetype mismatch, negative mentee
//! feedback, two people claiming to have led the same work).

use super::cast::Cast;
use crate::model::{
    Assessment, Channel, EvidenceKind, EvidenceRole, FeedbackSource, Sentiment, SupportStrength,
    WorkMix,
};

pub struct MandateStory {
    pub statement: &'static str,
    pub priority: &'static str,
    pub room: Assessment,
    pub attention: Assessment,
    pub sponsor: Option<Cast>,
    pub months_ago: u32,
    /// Months from now until review; negative when the review date has passed.
    pub review_in_months: i32,
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
    pub co_owners: &'static [Cast],
    /// Who saw it, how, and how many months ago.
    pub seen_by: &'static [(Cast, Channel, u32)],
}

pub struct AdvocateStory {
    pub who: Cast,
    pub what_seen: &'static str,
    pub strength: SupportStrength,
    pub checked_months_ago: Option<u32>,
}

pub struct MentorshipStory {
    pub mentee: usize,
    pub goals: &'static str,
    pub months_ago: u32,
    pub feedback: &'static [(u32, FeedbackSource, Sentiment, &'static str, bool)],
}

pub struct Story {
    pub mandate: MandateStory,
    pub past: Option<PastMandate>,
    pub evidence: &'static [EvidenceStory],
    pub advocates: &'static [AdvocateStory],
    pub mentorship: Option<MentorshipStory>,
}

use Assessment as A;
use Channel as Ch;
use EvidenceKind as K;
use EvidenceRole as R;
use FeedbackSource as Src;
use Sentiment as Sen;
use SupportStrength as S;

pub const STORIES: [Story; 6] = [
    // Priya Raman: strong Architect whose top project has not run in production long.
    Story {
        mandate: MandateStory {
            statement: "Make ledger consistency a property of the payments platform, not of each team.",
            priority: "Payments reliability (FY goal #2)",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Vp),
            months_ago: 10,
            review_in_months: 2,
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
                co_owners: &[Cast::Mentee(0)],
                seen_by: &[(Cast::Skip, Ch::Doc, 8), (Cast::Vp, Ch::Demo, 5)],
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
                co_owners: &[],
                seen_by: &[(Cast::PrincipalPeer, Ch::Review, 12)],
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
                co_owners: &[],
                seen_by: &[(Cast::PeerManager, Ch::Other, 3)],
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Vp,
            what_seen: "The ledger migration demo and its reconciliation numbers.",
            strength: S::Strong,
            checked_months_ago: Some(2),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 0,
            goals: "Grow into owning the reconciliation service end to end.",
            months_ago: 12,
            feedback: &[
                (2, Src::Mentee, Sen::Positive, "Priya makes time every week and lets me drive the hard parts.", true),
                (7, Src::MenteeManager, Sen::Positive, "Jamie's design docs got noticeably sharper.", true),
            ],
        }),
    },
    // Marcus Okafor: Tech Lead whose glue work nobody above him has seen.
    Story {
        mandate: MandateStory {
            statement: "Lead Checkout's re-platforming onto the shared payments APIs.",
            priority: "Checkout conversion",
            room: A::Yes,
            attention: A::Partly,
            sponsor: Some(Cast::ProductLead),
            months_ago: 8,
            review_in_months: 1,
        },
        past: None,
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
                co_owners: &[Cast::Mentee(1)],
                seen_by: &[(Cast::ProductLead, Ch::Demo, 2)],
            },
            EvidenceStory {
                title: "Onboarding guide for the checkout codebase",
                description: "Wrote and keeps up the guide every new checkout engineer now starts with.",
                kind: K::GlueWork,
                role: R::Led,
                months_ago: 11,
                months_long: Some(2),
                impact: "Time to first merged change for new joiners from 3 weeks to 5 days",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                co_owners: &[],
                seen_by: &[],
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
                co_owners: &[Cast::Report(4)],
                seen_by: &[],
            },
        ],
        advocates: &[],
        mentorship: Some(MentorshipStory {
            mentee: 1,
            goals: "Lead a project end to end.",
            months_ago: 9,
            feedback: &[(1, Src::Mentee, Sen::Negative, "Our sessions keep getting cancelled and when they happen he mostly reviews my code for me.", false)],
        }),
    },
    // Elena Sokolova: a Solver where an Architect is needed; her mandate's review is overdue.
    Story {
        mandate: MandateStory {
            statement: "Keep payments incidents down while the platform team rebuilds.",
            priority: "",
            room: A::Partly,
            attention: A::No,
            sponsor: None,
            months_ago: 20,
            review_in_months: -6,
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
                co_owners: &[Cast::Report(0)],
                seen_by: &[],
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
                co_owners: &[],
                seen_by: &[(Cast::Skip, Ch::IncidentReview, 8), (Cast::Vp, Ch::IncidentReview, 8)],
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
                co_owners: &[],
                seen_by: &[],
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Skip,
            what_seen: "Her incident command during the March outage.",
            strength: S::Moderate,
            checked_months_ago: Some(9),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 2,
            goals: "Learn incident command.",
            months_ago: 10,
            feedback: &[(4, Src::Survey, Sen::Mixed, "Very knowledgeable but hard to get time with.", false)],
        }),
    },
    // Tomás Herrera: a Right Hand with a new manager above who has not seen his work.
    Story {
        mandate: MandateStory {
            statement: "Consolidate observability vendors across engineering.",
            priority: "Engineering cost (-15% tooling spend)",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Cto),
            months_ago: 6,
            review_in_months: 3,
        },
        past: None,
        evidence: &[
            EvidenceStory {
                title: "Observability vendor consolidation",
                description: "Ran the evaluation, negotiated with two vendors, planned the migration.",
                kind: K::Strategy,
                role: R::Led,
                months_ago: 6,
                months_long: None,
                impact: "$1.2M a year saved at signed prices",
                in_production_months_ago: None,
                work_mix: WorkMix::HighLeverage,
                co_owners: &[],
                seen_by: &[(Cast::Cto, Ch::Presentation, 3)],
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
                co_owners: &[],
                seen_by: &[(Cast::Cto, Ch::Review, 1)],
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Cto,
            what_seen: "The vendor consolidation plan and savings.",
            strength: S::Strong,
            checked_months_ago: Some(1),
        }],
        mentorship: None,
    },
    // Aiko Tanaka: lots of glue work and mentoring, archetype still unclear.
    Story {
        mandate: MandateStory {
            statement: "Make iOS builds fast and boring for every mobile team.",
            priority: "Mobile developer productivity",
            room: A::Yes,
            attention: A::Partly,
            sponsor: Some(Cast::Skip),
            months_ago: 5,
            review_in_months: 4,
        },
        past: None,
        evidence: &[
            EvidenceStory {
                title: "iOS build cache",
                description: "Introduced a remote build cache for the iOS monorepo.",
                kind: K::Project,
                role: R::Led,
                months_ago: 5,
                months_long: Some(3),
                impact: "Median CI build from 38 to 11 minutes",
                in_production_months_ago: Some(2),
                work_mix: WorkMix::HighLeverage,
                co_owners: &[Cast::Mentee(4)],
                seen_by: &[(Cast::Skip, Ch::SkipOneOnOne, 1), (Cast::DesignLead, Ch::Demo, 2)],
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
                co_owners: &[],
                seen_by: &[],
            },
        ],
        advocates: &[AdvocateStory {
            who: Cast::Skip,
            what_seen: "The build cache numbers.",
            strength: S::Moderate,
            checked_months_ago: None,
        }],
        mentorship: Some(MentorshipStory {
            mentee: 4,
            goals: "Own the build tooling roadmap.",
            months_ago: 8,
            feedback: &[
                (1, Src::Mentee, Sen::Positive, "Aiko explains the why, not just the how. I can now run build infra on my own.", true),
                (5, Src::MenteeManager, Sen::Positive, "Mina grew more in six months than in the previous year.", true),
            ],
        }),
    },
    // Dev Patel: content at Staff; keeps storage work visible.
    Story {
        mandate: MandateStory {
            statement: "Own the storage layer's direction: cost, durability, and the migration off the legacy cluster.",
            priority: "Data platform cost",
            room: A::Yes,
            attention: A::Yes,
            sponsor: Some(Cast::Vp),
            months_ago: 14,
            review_in_months: 0,
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
            co_owners: &[Cast::Mentee(5)],
            seen_by: &[(Cast::Skip, Ch::Doc, 12), (Cast::Vp, Ch::Presentation, 10), (Cast::PrincipalPeer, Ch::Review, 11)],
        }],
        advocates: &[AdvocateStory {
            who: Cast::PrincipalPeer,
            what_seen: "The storage retirement design and rollout.",
            strength: S::Strong,
            checked_months_ago: Some(3),
        }],
        mentorship: Some(MentorshipStory {
            mentee: 5,
            goals: "Take over the storage on-call rotation's tooling.",
            months_ago: 15,
            feedback: &[(6, Src::Mentee, Sen::Positive, "Calm, generous with context.", true)],
        }),
    },
];
