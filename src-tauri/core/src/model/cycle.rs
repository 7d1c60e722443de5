//! Cycles (promotion/calibration rounds), their committees, and the reports who are
//! candidates in them with the packet's readiness call.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{LevelRef, PersonRef};
use crate::error::Result;
use crate::ids::{CandidateId, CycleId, LevelId, PersonId, ReportId};
use crate::validate::{present, Checks};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Cycle {
    pub id: CycleId,
    pub name: String,
    /// When the period the committee judges began.
    pub opens_on: NaiveDate,
    pub packet_due: NaiveDate,
    pub calibration_date: NaiveDate,
    pub committee: Vec<CommitteeMember>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A member of a cycle's committee, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CommitteeMember {
    pub person: PersonRef,
    /// When they joined the committee; `None`: a member since the cycle opened.
    pub joined_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CycleDraft {
    pub name: String,
    pub opens_on: String,
    pub packet_due: String,
    pub calibration_date: String,
    pub committee_ids: Vec<PersonId>,
    /// Members who joined the committee after the cycle opened, with the day they joined.
    #[serde(default)]
    pub joined: Vec<JoinedDraft>,
}

/// A committee member who joined after the cycle opened.
#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JoinedDraft {
    pub person_id: PersonId,
    /// `YYYY-MM-DD`; empty: a member since the cycle opened.
    pub joined_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCycle {
    pub name: String,
    pub opens_on: NaiveDate,
    pub packet_due: NaiveDate,
    pub calibration_date: NaiveDate,
    /// Each member, with the day they joined when after the opening.
    pub committee: Vec<(PersonId, Option<NaiveDate>)>,
}

pub const MAX_COMMITTEE: usize = 50;

impl CycleDraft {
    /// Cycles are planned ahead, so dates may be in the future; they must be in order:
    /// opens on ≤ packet due ≤ calibration.
    pub fn validate(&self, people: &HashSet<PersonId>) -> Result<ValidCycle> {
        let mut c = Checks::new();
        let name = c.line("name", "Name", &self.name, true);
        let opens_on = c.date("opensOn", "Opens on", &self.opens_on, None);
        let packet_due = c.date("packetDue", "Packet due", &self.packet_due, None);
        let calibration_date = c.date(
            "calibrationDate",
            "Calibration date",
            &self.calibration_date,
            None,
        );
        c.order(
            "packetDue",
            "Packet due cannot be before the cycle opens.",
            opens_on,
            packet_due,
        );
        c.order(
            "calibrationDate",
            "Calibration cannot be before the packet is due.",
            packet_due,
            calibration_date,
        );
        let distinct: std::collections::BTreeSet<&PersonId> = self.committee_ids.iter().collect();
        c.count(
            "committeeIds",
            "Committee members",
            distinct.len(),
            MAX_COMMITTEE,
        );
        let mut committee: Vec<(PersonId, Option<NaiveDate>)> = Vec::new();
        for id in &self.committee_ids {
            if !people.contains(id) {
                c.fail(
                    "committeeIds",
                    "A committee member is not in the people directory.",
                );
            } else if !committee.iter().any(|(m, _)| m == id) {
                committee.push((id.clone(), None));
            }
        }
        c.count("joined", "Join dates", self.joined.len(), MAX_COMMITTEE);
        for (i, j) in self
            .joined
            .iter()
            .take(crate::validate::items_to_check(
                self.joined.len(),
                MAX_COMMITTEE,
            ))
            .enumerate()
        {
            let field = format!("joined.{i}.joinedOn");
            let day = c.maybe_date(&field, "Joined the committee on", &j.joined_on, None);
            c.order(
                &field,
                "A member cannot join the committee after calibration.",
                day,
                calibration_date,
            );
            match committee.iter_mut().find(|(m, _)| m == &j.person_id) {
                Some((_, on)) => *on = day.filter(|d| opens_on.is_none_or(|o| *d > o)),
                None => c.fail(&field, "Only a committee member can have a join date."),
            }
        }
        c.finish()?;
        Ok(ValidCycle {
            name,
            opens_on: present(opens_on)?,
            packet_due: present(packet_due)?,
            calibration_date: present(calibration_date)?,
            committee,
        })
    }
}

/// The packet's readiness call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Readiness {
    Undecided,
    Ready,
    NotReady,
    NotInterested,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub id: CandidateId,
    pub cycle_id: CycleId,
    pub report_id: ReportId,
    pub report_name: String,
    pub target_level: LevelRef,
    pub added_on: NaiveDate,
    pub readiness: Readiness,
    pub readiness_reason: String,
    pub expected_cycle: String,
    pub actions: String,
    /// How many packet versions are saved; 0 means no draft yet.
    pub packet_versions: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CandidateDraft {
    pub report_id: Option<ReportId>,
    /// Defaults to the report's target level.
    pub target_level_id: Option<LevelId>,
    /// `YYYY-MM-DD`.
    pub added_on: String,
}

impl CandidateDraft {
    /// The report chosen and the day they were added (not after `today`).
    pub fn validate(&self, today: NaiveDate) -> Result<(ReportId, NaiveDate)> {
        let mut c = Checks::new();
        let report_id = c.chosen("reportId", "the report", self.report_id.clone());
        let added_on = c.date("addedOn", "Added on", &self.added_on, Some(today));
        c.finish()?;
        Ok((present(report_id)?, present(added_on)?))
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessDraft {
    pub readiness: Option<Readiness>,
    pub reason: String,
    pub expected_cycle: String,
    pub actions: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReadiness {
    pub readiness: Readiness,
    pub reason: String,
    pub expected_cycle: String,
    pub actions: String,
}

impl ReadinessDraft {
    /// "Not ready" needs a reason, an expected cycle and actions; the others need nothing.
    pub fn validate(&self) -> Result<ValidReadiness> {
        let mut c = Checks::new();
        let readiness = c.chosen("readiness", "the readiness call", self.readiness);
        let reason = c.text("reason", "Reason", &self.reason);
        let expected_cycle = c.line(
            "expectedCycle",
            "Expected cycle",
            &self.expected_cycle,
            false,
        );
        let actions = c.text("actions", "Actions", &self.actions);
        if readiness == Some(Readiness::NotReady) {
            if reason.is_empty() {
                c.fail("reason", "Say why the packet is not ready.");
            }
            if expected_cycle.is_empty() {
                c.fail("expectedCycle", "Say which cycle is expected instead.");
            }
            if actions.is_empty() {
                c.fail("actions", "Say what will be done before then.");
            }
        }
        c.finish()?;
        Ok(ValidReadiness {
            readiness: present(readiness)?,
            reason,
            expected_cycle,
            actions,
        })
    }
}
