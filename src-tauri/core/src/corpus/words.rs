//! The fixture's words for the model's choices (`skip-level`, `co-led`, `chasing ghosts`…),
//! read case-insensitively, with `-` and spaces interchangeable.

use crate::model::{
    Archetype, Assessment, Channel, EvidenceKind, EvidenceRole, FeedbackSource, MandateStatus,
    ManualStatus, Readiness, Relationship, ReviewerRole, RuleSource, Sentiment, Severity,
    SupportStrength, WorkMix,
};

/// `words` with `-` and `_` read as spaces, lower-cased, single-spaced.
fn norm(words: &str) -> String {
    words
        .to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Looks `words` up in a table of (spelling, value).
fn pick<T: Copy>(words: &str, table: &[(&str, T)]) -> Option<T> {
    let w = norm(words);
    table.iter().find(|(name, _)| *name == w).map(|(_, v)| *v)
}

pub fn relationship(w: &str) -> Option<Relationship> {
    use Relationship::*;
    pick(
        w,
        &[
            ("skip level", SkipLevel),
            ("leadership", Leadership),
            ("peer", Peer),
            ("my org", MyOrg),
            ("cross functional", CrossFunctional),
            ("other", Other),
        ],
    )
}

pub fn archetype(w: &str) -> Option<Archetype> {
    use Archetype::*;
    let w = norm(w);
    let w = w
        .strip_prefix("a ")
        .or_else(|| w.strip_prefix("an "))
        .unwrap_or(&w);
    pick(
        w,
        &[
            ("tech lead", TechLead),
            ("architect", Architect),
            ("solver", Solver),
            ("right hand", RightHand),
            ("unclear", Unclear),
        ],
    )
}

pub fn kind(w: &str) -> Option<EvidenceKind> {
    use EvidenceKind::*;
    pick(
        w,
        &[
            ("project", Project),
            ("org improvement", OrgImprovement),
            ("glue work", GlueWork),
            ("cross functional support", CrossFunctionalSupport),
            ("strategy", Strategy),
            ("incident", Incident),
            ("unblocking others", UnblockingOthers),
            ("growing others", GrowingOthers),
            ("other work", Other),
        ],
    )
}

pub fn role(w: &str) -> Option<EvidenceRole> {
    use EvidenceRole::*;
    pick(
        w,
        &[
            ("led", Led),
            ("co led", CoLed),
            ("contributed", Contributed),
            ("advised", Advised),
        ],
    )
}

pub fn work_mix(w: &str) -> Option<WorkMix> {
    use WorkMix::*;
    pick(
        w,
        &[
            ("high leverage", HighLeverage),
            ("snacking", Snacking),
            ("preening", Preening),
            ("chasing ghosts", ChasingGhosts),
            ("untagged", Untagged),
        ],
    )
}

pub fn channel(w: &str) -> Option<Channel> {
    use Channel::*;
    pick(
        w,
        &[
            ("demo", Demo),
            ("doc", Doc),
            ("incident review", IncidentReview),
            ("skip level 1:1", SkipOneOnOne),
            ("presentation", Presentation),
            ("review", Review),
            ("other channel", Other),
        ],
    )
}

pub fn strength(w: &str) -> Option<SupportStrength> {
    use SupportStrength::*;
    pick(
        w,
        &[
            ("strong", Strong),
            ("moderate", Moderate),
            ("weak", Weak),
            ("unknown strength", Unknown),
        ],
    )
}

pub fn assessment(w: &str) -> Option<Assessment> {
    use Assessment::*;
    pick(
        w,
        &[
            ("yes", Yes),
            ("partly", Partly),
            ("no", No),
            ("unknown", Unknown),
        ],
    )
}

pub fn ending(w: &str) -> Option<MandateStatus> {
    pick(
        w,
        &[
            ("completed", MandateStatus::Completed),
            ("dropped", MandateStatus::Dropped),
        ],
    )
}

pub fn sentiment(w: &str) -> Option<Sentiment> {
    use Sentiment::*;
    pick(
        w,
        &[
            ("positive", Positive),
            ("mixed", Mixed),
            ("negative", Negative),
        ],
    )
}

pub fn source(w: &str) -> Option<FeedbackSource> {
    use FeedbackSource::*;
    pick(
        w,
        &[
            ("mentee", Mentee),
            ("mentee's manager", MenteeManager),
            ("survey", Survey),
        ],
    )
}

pub fn readiness(w: &str) -> Option<Readiness> {
    use Readiness::*;
    pick(
        w,
        &[
            ("undecided", Undecided),
            ("ready", Ready),
            ("not ready", NotReady),
            ("not interested", NotInterested),
        ],
    )
}

pub fn reviewer_role(w: &str) -> Option<ReviewerRole> {
    use ReviewerRole::*;
    pick(
        w,
        &[
            ("staff peer", StaffPeer),
            ("manager", Manager),
            ("skip level", SkipLevel),
            ("staff plus", StaffPlus),
        ],
    )
}

pub fn rule_source(w: &str) -> Option<RuleSource> {
    use RuleSource::*;
    pick(
        w,
        &[
            ("review comment", ReviewComment),
            ("past calibration", PastCalibration),
            ("conversation", Conversation),
            ("other source", Other),
        ],
    )
}

pub fn manual(w: &str) -> Option<ManualStatus> {
    pick(
        w,
        &[("met", ManualStatus::Met), ("unmet", ManualStatus::Unmet)],
    )
}

pub fn severity(w: &str) -> Option<Severity> {
    use Severity::*;
    pick(w, &[("high", High), ("medium", Medium), ("low", Low)])
}
