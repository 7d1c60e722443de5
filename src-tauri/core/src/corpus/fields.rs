//! The fields a step gives: for a report, evidence, a mandate, a rule of thumb. Fields left
//! `None` keep their current value (edits) or take the default (new records).

use chrono::NaiveDate;

use crate::model::{
    Archetype, Assessment, Check, EvidenceKind, EvidenceRole, MandateStatus, RuleSource,
    TeamStrength, WorkMix,
};

#[derive(Debug, Clone, Default)]
pub struct ReportFields {
    pub level: Option<String>,
    pub target: Option<String>,
    pub team: Option<String>,
    pub in_role_since: Option<NaiveDate>,
    pub works_as: Option<Archetype>,
    pub needed_as: Option<Archetype>,
    pub team_strength: Option<TeamStrength>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct EvidenceFields {
    pub description: Option<String>,
    pub started: Option<NaiveDate>,
    /// `Some(None)`: ongoing again.
    pub ended: Option<Option<NaiveDate>>,
    pub kind: Option<EvidenceKind>,
    pub role: Option<EvidenceRole>,
    pub co_owners: Option<Vec<String>>,
    pub impact: Option<String>,
    pub in_production_since: Option<NaiveDate>,
    pub archetype: Option<Archetype>,
    pub work_mix: Option<WorkMix>,
}

#[derive(Debug, Clone, Default)]
pub struct MandateFields {
    pub statement: Option<String>,
    pub priority: Option<String>,
    pub room: Option<Assessment>,
    pub attention: Option<Assessment>,
    pub sponsor: Option<String>,
    pub set_on: Option<NaiveDate>,
    pub review_by: Option<NaiveDate>,
}

/// How a mandate ended (closing it, or replacing it with a new one).
#[derive(Debug, Clone)]
pub struct Ending {
    pub status: MandateStatus,
    pub on: Option<NaiveDate>,
    pub reason: String,
}

/// The outcome of a mandate review (a fact the store cannot record yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MandateOutcome {
    Kept,
    Changed,
    Dropped,
}

#[derive(Debug, Clone, Default)]
pub struct RuleFields {
    pub said_by: Option<String>,
    pub said_on: Option<NaiveDate>,
    pub source: Option<RuleSource>,
    pub detail: Option<String>,
    pub confirmed: Option<bool>,
    pub levels: Option<Vec<String>>,
    pub archetypes: Option<Vec<Archetype>>,
    pub retired: Option<bool>,
    pub check: Option<RuleCheck>,
}

/// A rule's machine check; a check accepting several evidence kinds cannot be stored yet.
#[derive(Debug, Clone)]
pub enum RuleCheck {
    Check(Check),
    LedAnyOf(Vec<EvidenceKind>),
}
