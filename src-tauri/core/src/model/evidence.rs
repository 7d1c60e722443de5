//! Evidence: dated records of work, with the report's role, co-owners, impact and links.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Archetype, PersonRef, VisibilityEntry};
use crate::error::Result;
use crate::ids::{EvidenceId, PersonId, ReportId};
use crate::validate::{items_to_check, present, Checks};

pub const MAX_CO_OWNERS: usize = 50;
pub const MAX_LINKS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum EvidenceKind {
    Project,
    OrgImprovement,
    GlueWork,
    CrossFunctionalSupport,
    Strategy,
    Incident,
    UnblockingOthers,
    GrowingOthers,
    Other,
}

/// The report's part in the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum EvidenceRole {
    Led,
    CoLed,
    Contributed,
    Advised,
}

/// The work-mix lens: work that feels high-impact but is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum WorkMix {
    HighLeverage,
    /// Easy, comfortable work that no longer moves anything.
    Snacking,
    /// High-status, low-impact work.
    Preening,
    /// Fixing the previous company's number-one problem, not this one's.
    ChasingGhosts,
    Untagged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub url: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub id: EvidenceId,
    pub report_id: ReportId,
    pub title: String,
    pub description: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub kind: EvidenceKind,
    pub role: EvidenceRole,
    pub co_owners: Vec<PersonRef>,
    /// Quantified impact, in the manager's words ("p99 latency −40%").
    pub impact: String,
    pub links: Vec<Link>,
    pub in_production_since: Option<NaiveDate>,
    /// The archetype this work demonstrates, if any.
    pub archetype: Option<Archetype>,
    pub work_mix: WorkMix,
    /// The project the packet leads with (at most one per report).
    pub flagship: bool,
    /// Who has seen it, oldest first.
    pub visibility: Vec<VisibilityEntry>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceDraft {
    pub title: String,
    pub description: String,
    /// `YYYY-MM-DD`.
    pub started_on: String,
    /// `YYYY-MM-DD`, or empty while ongoing.
    pub ended_on: String,
    pub kind: Option<EvidenceKind>,
    pub role: Option<EvidenceRole>,
    pub co_owner_ids: Vec<PersonId>,
    pub impact: String,
    pub links: Vec<Link>,
    /// `YYYY-MM-DD`, or empty when not in production.
    pub in_production_since: String,
    pub archetype: Option<Archetype>,
    /// None means untagged.
    pub work_mix: Option<WorkMix>,
    /// The project the packet leads with; marking one unmarks the report's previous flagship.
    #[serde(default)]
    pub flagship: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvidence {
    pub title: String,
    pub description: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub kind: EvidenceKind,
    pub role: EvidenceRole,
    pub co_owner_ids: Vec<PersonId>,
    pub impact: String,
    pub links: Vec<Link>,
    pub in_production_since: Option<NaiveDate>,
    pub archetype: Option<Archetype>,
    pub work_mix: WorkMix,
    pub flagship: bool,
}

impl EvidenceDraft {
    /// `people`: the ids among the co-owners that exist; `own_person`: the report themself,
    /// who cannot be their own co-owner.
    pub fn validate(
        &self,
        people: &HashSet<PersonId>,
        own_person: &PersonId,
        today: NaiveDate,
    ) -> Result<ValidEvidence> {
        let mut c = Checks::new();
        let title = c.line("title", "Title", &self.title, true);
        let description = c.text("description", "Description", &self.description);
        let started_on = c.date("startedOn", "Started on", &self.started_on, Some(today));
        let ended_on = c.maybe_date("endedOn", "Ended on", &self.ended_on, Some(today));
        c.order(
            "endedOn",
            "Ended on cannot be before it started.",
            started_on,
            ended_on,
        );
        let kind = c.chosen("kind", "kind", self.kind);
        let role = c.chosen("role", "their role", self.role);
        let distinct: std::collections::BTreeSet<&PersonId> = self.co_owner_ids.iter().collect();
        c.count("coOwnerIds", "Co-owners", distinct.len(), MAX_CO_OWNERS);
        let mut co_owner_ids: Vec<PersonId> = Vec::new();
        for id in &self.co_owner_ids {
            if id == own_person {
                c.fail(
                    "coOwnerIds",
                    "A report cannot be a co-owner of their own evidence.",
                );
            } else if !people.contains(id) {
                c.fail("coOwnerIds", "A co-owner is not in the people directory.");
            } else if !co_owner_ids.contains(id) {
                co_owner_ids.push(id.clone());
            }
        }
        let impact = c.text("impact", "Impact", &self.impact);
        c.count("links", "Links", self.links.len(), MAX_LINKS);
        let links = self
            .links
            .iter()
            .take(items_to_check(self.links.len(), MAX_LINKS))
            .enumerate()
            .map(|(i, l)| Link {
                url: c.url(&format!("links.{i}.url"), "Link", &l.url),
                label: c.line(&format!("links.{i}.label"), "Link label", &l.label, false),
            })
            .collect();
        let in_production_since = c.maybe_date(
            "inProductionSince",
            "In production since",
            &self.in_production_since,
            Some(today),
        );
        c.order(
            "inProductionSince",
            "In production since cannot be before the work started.",
            started_on,
            in_production_since,
        );
        c.finish()?;
        Ok(ValidEvidence {
            title,
            description,
            started_on: present(started_on)?,
            ended_on,
            kind: present(kind)?,
            role: present(role)?,
            co_owner_ids,
            impact,
            links,
            in_production_since,
            archetype: self.archetype,
            work_mix: self.work_mix.unwrap_or(WorkMix::Untagged),
            flagship: self.flagship,
        })
    }
}
