//! Words for the model's enums in exported notes (the UI has its own, in ui/src/lib/labels.ts).

use crate::model::{
    Channel, CheckStatus, EvidenceKind, EvidenceRole, Readiness, ReviewerRole, Sentiment, Severity,
    SupportStrength, WorkMix,
};

pub fn kind(k: EvidenceKind) -> &'static str {
    match k {
        EvidenceKind::Project => "Project",
        EvidenceKind::OrgImprovement => "Org-level improvement",
        EvidenceKind::GlueWork => "Glue work",
        EvidenceKind::CrossFunctionalSupport => "Cross-functional support",
        EvidenceKind::Strategy => "Strategy",
        EvidenceKind::Incident => "Incident",
        EvidenceKind::UnblockingOthers => "Unblocking others",
        EvidenceKind::GrowingOthers => "Growing others",
        EvidenceKind::Other => "Other",
    }
}

pub fn role(r: EvidenceRole) -> &'static str {
    match r {
        EvidenceRole::Led => "Led",
        EvidenceRole::CoLed => "Co-led",
        EvidenceRole::Contributed => "Contributed",
        EvidenceRole::Advised => "Advised",
    }
}

pub fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Demo => "demo",
        Channel::Doc => "doc",
        Channel::IncidentReview => "incident review",
        Channel::SkipOneOnOne => "1:1 with the skip-level",
        Channel::Presentation => "presentation",
        Channel::Review => "review",
        Channel::Other => "other",
    }
}

pub fn sentiment(s: Sentiment) -> &'static str {
    match s {
        Sentiment::Positive => "Positive",
        Sentiment::Mixed => "Mixed",
        Sentiment::Negative => "Negative",
    }
}

pub fn strength(s: SupportStrength) -> &'static str {
    match s {
        SupportStrength::Strong => "Strong",
        SupportStrength::Moderate => "Moderate",
        SupportStrength::Weak => "Weak",
        SupportStrength::Unknown => "Unknown",
    }
}

pub fn reviewer_role(r: ReviewerRole) -> &'static str {
    match r {
        ReviewerRole::StaffPeer => "Staff-level peer",
        ReviewerRole::Manager => "Manager",
        ReviewerRole::SkipLevel => "Skip-level",
        ReviewerRole::StaffPlus => "Other staff-plus engineer",
    }
}

pub fn readiness(r: Readiness) -> &'static str {
    match r {
        Readiness::Undecided => "Undecided",
        Readiness::Ready => "Ready",
        Readiness::NotReady => "Not ready",
        Readiness::NotInterested => "Not interested",
    }
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    }
}

pub fn check_status(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Met => "Met",
        CheckStatus::Unmet => "Unmet",
        CheckStatus::Unknown => "Unknown",
    }
}

/// A work-mix tag as the notes print it; "" for untagged work.
pub fn work_mix(m: WorkMix) -> &'static str {
    match m {
        WorkMix::HighLeverage => "High leverage",
        WorkMix::Snacking => "Snacking",
        WorkMix::Preening => "Preening",
        WorkMix::ChasingGhosts => "Chasing ghosts",
        WorkMix::Untagged => "",
    }
}
