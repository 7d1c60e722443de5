//! Promotion packets: sections written by the report with the manager, saved as versions
//! (drafts) that can be compared, and reviewed in rounds.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::PersonRef;
use crate::error::Result;
use crate::ids::{CandidateId, EvidenceId, PacketVersionId, PersonId, ReviewId, RuleId};
use crate::validate::{items_to_check, present, Checks};

/// A staff-level project: goal, complexity, impact, design docs, and the evidence behind it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct StaffProject {
    pub title: String,
    pub goal: String,
    pub complexity: String,
    pub impact: String,
    pub design_docs: String,
    pub evidence_ids: Vec<EvidenceId>,
}

/// An item of a list section (org improvements, glue work).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PacketItem {
    pub title: String,
    pub body: String,
    pub evidence_ids: Vec<EvidenceId>,
}

/// A known gap and the plan for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct KnownGap {
    pub gap: String,
    pub plan: String,
}

/// Every section of a packet. Stored whole in each version (as JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PacketSections {
    pub staff_projects: Vec<StaffProject>,
    pub org_improvements: Vec<PacketItem>,
    pub quantified_impact: String,
    pub mentorship: String,
    pub glue_work: Vec<PacketItem>,
    pub advocates: String,
    pub known_gaps: Vec<KnownGap>,
}

pub const MAX_ITEMS: usize = 30;
/// The most evidence one project or item of a packet may link to.
pub const MAX_ITEM_EVIDENCE: usize = 50;

impl PacketSections {
    /// Every text bounded, lists bounded, gaps with a plan. Field names point into the
    /// structure ("staffProjects.0.goal").
    pub fn validate(&self) -> Result<PacketSections> {
        let mut c = Checks::new();
        let mut out = PacketSections::default();
        c.count(
            "staffProjects",
            "Staff-level projects",
            self.staff_projects.len(),
            MAX_ITEMS,
        );
        let n = items_to_check(self.staff_projects.len(), MAX_ITEMS);
        for (i, p) in self.staff_projects.iter().take(n).enumerate() {
            let f = |name: &str| format!("staffProjects.{i}.{name}");
            let title = c.line(&f("title"), "Project title", &p.title, true);
            c.count(
                &f("evidenceIds"),
                "Linked evidence",
                p.evidence_ids.len(),
                MAX_ITEM_EVIDENCE,
            );
            out.staff_projects.push(StaffProject {
                title,
                goal: c.text(&f("goal"), "Goal", &p.goal),
                complexity: c.text(&f("complexity"), "Complexity", &p.complexity),
                impact: c.text(&f("impact"), "Impact", &p.impact),
                design_docs: c.text(&f("designDocs"), "Design docs", &p.design_docs),
                evidence_ids: p.evidence_ids.clone(),
            });
        }
        for (list, name, label) in [
            (
                &self.org_improvements,
                "orgImprovements",
                "Org improvements",
            ),
            (&self.glue_work, "glueWork", "Glue work"),
        ] {
            c.count(name, label, list.len(), MAX_ITEMS);
            let items = list
                .iter()
                .take(items_to_check(list.len(), MAX_ITEMS))
                .enumerate()
                .map(|(i, item)| {
                    c.count(
                        &format!("{name}.{i}.evidenceIds"),
                        "Linked evidence",
                        item.evidence_ids.len(),
                        MAX_ITEM_EVIDENCE,
                    );
                    PacketItem {
                        title: c.line(&format!("{name}.{i}.title"), "Title", &item.title, true),
                        body: c.text(&format!("{name}.{i}.body"), "Text", &item.body),
                        evidence_ids: item.evidence_ids.clone(),
                    }
                })
                .collect();
            if name == "orgImprovements" {
                out.org_improvements = items;
            } else {
                out.glue_work = items;
            }
        }
        out.quantified_impact = c.text(
            "quantifiedImpact",
            "Quantified impact",
            &self.quantified_impact,
        );
        out.mentorship = c.text("mentorship", "Mentorship", &self.mentorship);
        out.advocates = c.text("advocates", "Advocates", &self.advocates);
        c.count("knownGaps", "Known gaps", self.known_gaps.len(), MAX_ITEMS);
        let n = items_to_check(self.known_gaps.len(), MAX_ITEMS);
        for (i, g) in self.known_gaps.iter().take(n).enumerate() {
            let gap = c.line(&format!("knownGaps.{i}.gap"), "Gap", &g.gap, true);
            let plan = c.text(&format!("knownGaps.{i}.plan"), "Plan", &g.plan);
            if plan.is_empty() {
                c.fail(
                    &format!("knownGaps.{i}.plan"),
                    "Every known gap needs a plan.",
                );
            }
            out.known_gaps.push(KnownGap { gap, plan });
        }
        c.finish()?;
        Ok(out)
    }

    /// Evidence the packet points at.
    pub fn evidence_ids(&self) -> impl Iterator<Item = &EvidenceId> {
        self.staff_projects
            .iter()
            .flat_map(|p| &p.evidence_ids)
            .chain(self.org_improvements.iter().flat_map(|i| &i.evidence_ids))
            .chain(self.glue_work.iter().flat_map(|i| &i.evidence_ids))
    }

    /// The packet as titled blocks of lines, the unit of comparison between versions.
    pub fn blocks(&self) -> Vec<(String, Vec<String>)> {
        let lines = |s: &str| s.lines().map(str::to_owned).collect::<Vec<_>>();
        let mut blocks = Vec::new();
        for p in &self.staff_projects {
            let mut l = vec![format!("Goal: {}", p.goal.replace('\n', " "))];
            l.push(format!("Complexity: {}", p.complexity.replace('\n', " ")));
            l.push(format!("Impact: {}", p.impact.replace('\n', " ")));
            l.push(format!("Design docs: {}", p.design_docs.replace('\n', " ")));
            blocks.push((format!("Staff-level project: {}", p.title), l));
        }
        for i in &self.org_improvements {
            blocks.push((format!("Org improvement: {}", i.title), lines(&i.body)));
        }
        blocks.push(("Quantified impact".into(), lines(&self.quantified_impact)));
        blocks.push(("Mentorship".into(), lines(&self.mentorship)));
        for i in &self.glue_work {
            blocks.push((format!("Glue work: {}", i.title), lines(&i.body)));
        }
        blocks.push(("Advocates".into(), lines(&self.advocates)));
        for g in &self.known_gaps {
            blocks.push((format!("Known gap: {}", g.gap), lines(&g.plan)));
        }
        blocks
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PacketVersion {
    pub id: PacketVersionId,
    pub candidate_id: CandidateId,
    /// 1 for the first draft.
    pub number: i32,
    pub saved_on: NaiveDate,
    pub note: String,
    pub sections: PacketSections,
    pub created_at: DateTime<Utc>,
}

/// One line of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DiffLine {
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SectionDiff {
    pub title: String,
    /// Whether the whole block appeared or disappeared between the versions.
    pub change: DiffOp,
    pub lines: Vec<DiffLine>,
}

/// What changed from one packet version to another, block by block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PacketDiff {
    pub from: i32,
    pub to: i32,
    pub sections: Vec<SectionDiff>,
}

/// Who reviews a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ReviewerRole {
    /// A staff-level peer of the candidate.
    StaffPeer,
    Manager,
    SkipLevel,
    /// Another staff-plus engineer.
    StaffPlus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PacketReview {
    pub id: ReviewId,
    pub candidate_id: CandidateId,
    pub reviewer: PersonRef,
    pub reviewer_role: ReviewerRole,
    pub version_number: Option<i32>,
    pub requested_on: NaiveDate,
    pub received_on: Option<NaiveDate>,
    pub comments: String,
    pub revealed_rule_id: Option<RuleId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDraft {
    pub reviewer_id: Option<PersonId>,
    pub reviewer_role: Option<ReviewerRole>,
    pub version_number: Option<i32>,
    pub requested_on: String,
    /// Empty while the review is awaited.
    pub received_on: String,
    pub comments: String,
    pub revealed_rule_id: Option<RuleId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReview {
    pub reviewer_id: PersonId,
    pub reviewer_role: ReviewerRole,
    pub version_number: Option<i32>,
    pub requested_on: NaiveDate,
    pub received_on: Option<NaiveDate>,
    pub comments: String,
    pub revealed_rule_id: Option<RuleId>,
}

impl ReviewDraft {
    /// `people`/`rules`: which of the referenced ids exist; `versions`: how many versions the
    /// packet has.
    pub fn validate(
        &self,
        people: &std::collections::HashSet<PersonId>,
        rule_exists: bool,
        versions: i32,
        today: NaiveDate,
    ) -> Result<ValidReview> {
        let mut c = Checks::new();
        let reviewer_id = c.chosen("reviewerId", "the reviewer", self.reviewer_id.clone());
        if reviewer_id.as_ref().is_some_and(|id| !people.contains(id)) {
            c.fail("reviewerId", "The reviewer is not in the people directory.");
        }
        let reviewer_role = c.chosen("reviewerRole", "the reviewer's role", self.reviewer_role);
        if let Some(n) = self.version_number {
            if n < 1 || n > versions {
                c.fail("versionNumber", format!("There is no packet version {n}."));
            }
        }
        let requested_on = c.date(
            "requestedOn",
            "Requested on",
            &self.requested_on,
            Some(today),
        );
        let received_on = c.maybe_date("receivedOn", "Received on", &self.received_on, Some(today));
        c.order(
            "receivedOn",
            "Received on cannot be before it was requested.",
            requested_on,
            received_on,
        );
        let comments = c.text("comments", "Comments", &self.comments);
        if self.revealed_rule_id.is_some() && !rule_exists {
            c.fail(
                "revealedRuleId",
                "That rule of thumb is not in the register.",
            );
        }
        c.finish()?;
        Ok(ValidReview {
            reviewer_id: present(reviewer_id)?,
            reviewer_role: present(reviewer_role)?,
            version_number: self.version_number,
            requested_on: present(requested_on)?,
            received_on,
            comments,
            revealed_rule_id: self.revealed_rule_id.clone(),
        })
    }
}
