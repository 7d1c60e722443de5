//! Entering the cycle's steps: cycles and their committees, candidacies, readiness, packet
//! drafts and review rounds.

use chrono::NaiveDate;

use super::interpret::{why, ymd, Interpreter};
use super::step::{Action, Step};
use crate::ids::RuleId;
use crate::model::{
    CandidateDraft, CycleDraft, KnownGap, PacketSections, ReadinessDraft, ReviewDraft, StaffProject,
};

impl Interpreter {
    pub(super) async fn run_cycle(&mut self, step: &Step) -> Result<(), String> {
        let day = step.entered;
        let on = |d: Option<NaiveDate>| ymd(d.unwrap_or(day));
        match &step.action {
            Action::Cycle {
                name,
                update: false,
                opens,
                packet_due,
                calibration,
                committee,
            } => {
                let need = |d: &Option<NaiveDate>, what: &str| {
                    d.map(ymd)
                        .ok_or_else(|| format!("a new cycle needs `{what} DATE`"))
                };
                let draft = CycleDraft {
                    name: name.clone(),
                    opens_on: need(opens, "opens")?,
                    packet_due: need(packet_due, "packet due")?,
                    calibration_date: need(calibration, "calibration")?,
                    committee_ids: self
                        .names
                        .people(committee.as_deref().unwrap_or_default())?,
                    joined: Vec::new(),
                };
                let c = self.store.create_cycle(&draft).await.map_err(why)?;
                self.names.add_cycle(name, c.id);
                Ok(())
            }
            Action::Cycle {
                name,
                update: true,
                opens,
                packet_due,
                calibration,
                committee,
            } => {
                let id = self.names.cycle(name)?;
                let c = self.store.cycle(&id).await.map_err(why)?;
                let committee_ids = match committee {
                    Some(names) => self.names.people(names)?,
                    None => c.committee.iter().map(|m| m.person.id.clone()).collect(),
                };
                let draft = CycleDraft {
                    name: c.name.clone(),
                    opens_on: ymd(opens.unwrap_or(c.opens_on)),
                    packet_due: ymd(packet_due.unwrap_or(c.packet_due)),
                    calibration_date: ymd(calibration.unwrap_or(c.calibration_date)),
                    committee_ids: committee_ids.clone(),
                    joined: joined_of(&c, &committee_ids),
                };
                self.store
                    .update_cycle(&id, c.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::Candidate {
                report,
                cycle,
                added_on,
                target,
            } => {
                let cycle_id = self.names.cycle(cycle)?;
                let draft = CandidateDraft {
                    report_id: Some(self.names.report(report)?),
                    target_level_id: match target {
                        Some(t) => Some(self.level(t).await?),
                        None => None,
                    },
                    added_on: on(*added_on),
                };
                let c = self
                    .store
                    .add_candidate(&cycle_id, &draft)
                    .await
                    .map_err(why)?;
                self.names.add_candidate(report, cycle, c.id, &step.place);
                Ok(())
            }
            Action::Readiness {
                report,
                cycle,
                readiness,
                reason,
                expected_cycle,
                actions,
            } => {
                let id = self.names.candidate(report, cycle)?;
                let c = self.store.candidate(&id).await.map_err(why)?;
                let draft = ReadinessDraft {
                    readiness: Some(*readiness),
                    reason: reason.clone().unwrap_or_default(),
                    expected_cycle: expected_cycle.clone().unwrap_or_default(),
                    actions: actions.clone().unwrap_or_default(),
                };
                self.store
                    .set_readiness(&id, c.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::PacketDraft {
                report,
                cycle,
                note,
                projects,
                gaps,
            } => {
                let id = self.names.candidate(report, cycle)?;
                let mut sections = PacketSections::default();
                for title in projects {
                    let e = self.names.evidence(title, Some(report))?;
                    let e = self.store.evidence_item(&e).await.map_err(why)?;
                    sections.staff_projects.push(StaffProject {
                        title: e.title.clone(),
                        goal: e.description.clone(),
                        impact: e.impact.clone(),
                        evidence_ids: vec![e.id.clone()],
                        ..StaffProject::default()
                    });
                    if !e.impact.is_empty() {
                        sections
                            .quantified_impact
                            .push_str(&format!("{}: {}\n", e.title, e.impact));
                    }
                }
                sections.known_gaps = gaps
                    .iter()
                    .map(|(gap, plan)| KnownGap {
                        gap: gap.clone(),
                        plan: plan.clone(),
                    })
                    .collect();
                let versions = self
                    .store
                    .candidate(&id)
                    .await
                    .map_err(why)?
                    .packet_versions;
                let note = note
                    .clone()
                    .unwrap_or_else(|| format!("Draft {}", versions + 1));
                self.store
                    .save_packet(&id, &sections, &note)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::ReviewRequest {
                report,
                cycle,
                reviewer,
                role,
                requested,
            } => {
                let id = self.names.candidate(report, cycle)?;
                let draft = ReviewDraft {
                    reviewer_id: Some(self.names.person(reviewer)?),
                    reviewer_role: Some(*role),
                    version_number: None,
                    requested_on: on(*requested),
                    received_on: String::new(),
                    comments: String::new(),
                    revealed_rule_id: None,
                };
                self.store.add_review(&id, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::ReviewReceived {
                report,
                cycle,
                reviewer,
                role,
                on: received,
                comments,
                reveals,
            } => {
                let id = self.names.candidate(report, cycle)?;
                let reviewer_id = self.names.person(reviewer)?;
                let revealed: Option<RuleId> =
                    reveals.as_deref().map(|w| self.names.rule(w)).transpose()?;
                let pending = self
                    .store
                    .reviews(&id)
                    .await
                    .map_err(why)?
                    .into_iter()
                    .find(|r| {
                        r.reviewer.id == reviewer_id
                            && r.received_on.is_none()
                            && role.is_none_or(|x| x == r.reviewer_role)
                    });
                match pending {
                    Some(r) => {
                        let draft = ReviewDraft {
                            reviewer_id: Some(reviewer_id),
                            reviewer_role: Some(r.reviewer_role),
                            version_number: r.version_number,
                            requested_on: ymd(r.requested_on),
                            received_on: on(*received),
                            comments: comments.clone().unwrap_or(r.comments),
                            revealed_rule_id: revealed.or(r.revealed_rule_id),
                        };
                        self.store
                            .update_review(&r.id, r.version, &draft)
                            .await
                            .map_err(why)?;
                    }
                    None => {
                        let role = role.ok_or_else(|| format!("no review was requested from {reviewer}: say their role (staff peer, manager, skip-level, staff-plus)"))?;
                        let draft = ReviewDraft {
                            reviewer_id: Some(reviewer_id),
                            reviewer_role: Some(role),
                            version_number: None,
                            requested_on: on(*received),
                            received_on: on(*received),
                            comments: comments.clone().unwrap_or_default(),
                            revealed_rule_id: revealed,
                        };
                        self.store.add_review(&id, &draft).await.map_err(why)?;
                    }
                }
                Ok(())
            }
            other => Err(format!("this step cannot be entered yet ({other:?})")),
        }
    }
}

/// The join dates a cycle's committee already has, to keep them through an edit, for the
/// members who stay on it.
pub(super) fn joined_of(
    c: &crate::model::Cycle,
    members: &[crate::ids::PersonId],
) -> Vec<crate::model::JoinedDraft> {
    c.committee
        .iter()
        .filter(|m| members.contains(&m.person.id))
        .filter_map(|m| {
            m.joined_on.map(|d| crate::model::JoinedDraft {
                person_id: m.person.id.clone(),
                joined_on: ymd(d),
            })
        })
        .collect()
}
