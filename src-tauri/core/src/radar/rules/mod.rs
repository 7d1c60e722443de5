//! The radar's rules. Each looks at the record as it stood on a day (see `history::snapshot`)
//! and says what is wrong on that day, because of which records, and what to do. When a
//! problem first showed is not theirs to say: the replay (`radar::replay`) finds the first day
//! of the unbroken run of days on which a rule found the same cause.

mod cycle;
mod evidence;
mod person;
mod visibility;

use std::collections::HashSet;

use chrono::NaiveDate;

use super::record::RadarRecord;
use crate::model::{Cause, RecordKind, Severity, SignalRule, Thresholds};
use cycle::{ladder_changes, manager_changes, packet, reviews, rules_of_thumb};
use evidence::{duplicate_lead, evidence_volume, unreadable, work_mix};
use person::{advocates, archetype, mandate, one_on_ones};
use visibility::{negative_feedback, visibility};

pub use cycle::{draft_due, pursued_on, review_due};
pub use evidence::{drifts, normalise};

/// A signal before acknowledgements, first-fired dates and lead times are applied.
pub struct Finding {
    pub rule: SignalRule,
    /// When not the rule's own severity (a hearsay rule of thumb weighs less).
    pub severity: Option<Severity>,
    pub message: String,
    pub causes: Vec<Cause>,
    pub action: String,
    /// What tells one cause from another (with the causes' ids): an acknowledgement covers
    /// this exact cause.
    pub key: String,
    /// What the replay follows from day to day when it is not the key (a visibility gap stays
    /// the same problem while the items behind it change).
    pub run: Option<String>,
}

impl Finding {
    /// The identity the replay follows: the same rule and run on consecutive days is the same
    /// signal.
    pub fn identity(&self) -> (SignalRule, &str) {
        (self.rule, self.run.as_deref().unwrap_or(&self.key))
    }
}

pub struct Ctx<'a> {
    pub r: &'a RadarRecord,
    pub as_of: NaiveDate,
    pub t: &'a Thresholds,
}

fn cause(kind: RecordKind, id: &str, title: &str) -> Cause {
    Cause {
        kind,
        id: id.to_owned(),
        title: title.to_owned(),
        report_id: None,
    }
}

type RuleFn = fn(&Ctx, &mut Vec<Finding>);

/// Every rule, with the signal rules it can produce.
const RULES: &[(&[SignalRule], RuleFn)] = &[
    (&[SignalRule::PacketNoDraft], packet),
    (
        &[
            SignalRule::NoStaffPeerReview,
            SignalRule::NoManagerReview,
            SignalRule::NoSkipLevelReview,
        ],
        reviews,
    ),
    (
        &[
            SignalRule::RuleOfThumbUnmet,
            SignalRule::RuleOfThumbUnchecked,
        ],
        rules_of_thumb,
    ),
    (
        &[SignalRule::HighImpactUnseen, SignalRule::SeenShareLow],
        visibility,
    ),
    (
        &[SignalRule::NegativeFeedbackUnaddressed],
        negative_feedback,
    ),
    (
        &[
            SignalRule::MandateMissing,
            SignalRule::MandateReviewOverdue,
            SignalRule::MandateNoPriority,
        ],
        mandate,
    ),
    (
        &[SignalRule::ArchetypeMismatch, SignalRule::ArchetypeUnclear],
        archetype,
    ),
    (&[SignalRule::ManagerChangedInCycle], manager_changes),
    (&[SignalRule::LadderChangedInCycle], ladder_changes),
    (&[SignalRule::DuplicateLead], duplicate_lead),
    (&[SignalRule::WorkMixDrift], work_mix),
    (
        &[SignalRule::EvidenceThin, SignalRule::EvidenceUnquantified],
        evidence_volume,
    ),
    (&[SignalRule::NoAdvocate], advocates),
    (&[SignalRule::OneOnOneLapsed], one_on_ones),
    (&[SignalRule::RecordUnreadable], unreadable),
];

/// The history tables (as `record_history` names them; `claims`: other reports' work under
/// this report's titles) whose changes can change what `rule` finds, beyond the report, its
/// candidacy and the thresholds, which every rule reads. A replay following only some rules
/// needs to look again only on the days one of these changed.
pub fn reads(rule: SignalRule) -> &'static [&'static str] {
    use SignalRule::*;
    match rule {
        PacketNoDraft => &["packet_versions"],
        NoStaffPeerReview | NoManagerReview | NoSkipLevelReview => &["packet_reviews"],
        RuleOfThumbUnmet | RuleOfThumbUnchecked => &[
            "rules_of_thumb",
            "rule_checks",
            "evidence",
            "visibility",
            "mentorships",
            "mentorship_feedback",
            "advocates",
            "cycle_committee",
            "people",
            "ladder_levels",
        ],
        HighImpactUnseen | SeenShareLow => &["evidence", "visibility", "cycle_committee", "people"],
        NegativeFeedbackUnaddressed => &["mentorships", "mentorship_feedback"],
        MandateMissing | MandateReviewOverdue | MandateNoPriority => &["mandates"],
        ArchetypeMismatch | ArchetypeUnclear => &[],
        ManagerChangedInCycle => &["manager_changes"],
        LadderChangedInCycle => &["ladder_levels", "ladder_changes"],
        DuplicateLead => &["evidence", "claims"],
        WorkMixDrift | EvidenceThin | EvidenceUnquantified => &["evidence"],
        NoAdvocate => &["advocates"],
        OneOnOneLapsed => &["meetings"],
        RecordUnreadable => &["*"],
    }
}

/// What the rules find on the day, all of them or only those producing `only`.
pub fn all(ctx: &Ctx, only: Option<&HashSet<SignalRule>>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (produces, rule) in RULES {
        if only.is_none_or(|o| produces.iter().any(|p| o.contains(p))) {
            rule(ctx, &mut out);
        }
    }
    out
}
