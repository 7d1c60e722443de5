//! Entering the facts the radar's precision needs: the flagship, a mandate review, a manager's
//! tenure, a report's 1:1 cadence, a committee member who joined late.

use super::fields::MandateOutcome;
use super::interpret::{why, ymd, Interpreter};
use super::step::{Action, Step};
use crate::model::{
    EvidenceDraft, JoinedDraft, ManagerChangeDraft, MandateDraft, MandateReviewDraft,
    MandateStatus, ReportDraft, ReviewOutcome,
};

impl Interpreter {
    pub(super) async fn run_facts(&mut self, step: &Step) -> Result<(), String> {
        let today = step.entered;
        match &step.action {
            Action::Flagship { title, report } => {
                let id = self.names.evidence(title, report.as_deref())?;
                let e = self.store.evidence_item(&id).await.map_err(why)?;
                let draft = EvidenceDraft {
                    title: e.title.clone(),
                    description: e.description.clone(),
                    started_on: ymd(e.started_on),
                    ended_on: e.ended_on.map(ymd).unwrap_or_default(),
                    kind: Some(e.kind),
                    role: Some(e.role),
                    co_owner_ids: e.co_owners.iter().map(|p| p.id.clone()).collect(),
                    impact: e.impact.clone(),
                    links: e.links.clone(),
                    in_production_since: e.in_production_since.map(ymd).unwrap_or_default(),
                    archetype: e.archetype,
                    work_mix: Some(e.work_mix),
                    flagship: true,
                };
                self.store
                    .update_evidence(&id, e.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::ReviewMandate {
                report,
                outcome,
                next_review,
            } => {
                let report_id = self.names.report(report)?;
                let m = self
                    .store
                    .mandates(&report_id)
                    .await
                    .map_err(why)?
                    .into_iter()
                    .find(|m| m.status == MandateStatus::Active)
                    .ok_or_else(|| format!("{report} has no current mandate to review"))?;
                let outcome = match outcome {
                    MandateOutcome::Kept => ReviewOutcome::Kept,
                    MandateOutcome::Changed => ReviewOutcome::Changed,
                    MandateOutcome::Dropped => ReviewOutcome::Dropped,
                };
                let draft = MandateReviewDraft {
                    reviewed_on: ymd(today),
                    outcome: Some(outcome),
                    note: "Reviewed together.".into(),
                    next_review_on: next_review.map(ymd).unwrap_or_default(),
                    changed: (outcome == ReviewOutcome::Changed).then(|| MandateDraft {
                        statement: m.statement.clone(),
                        priority: m.priority.clone(),
                        room: Some(m.room),
                        attention: Some(m.attention),
                        sponsor_id: m.sponsor.as_ref().map(|p| p.id.clone()),
                        set_on: ymd(m.set_on),
                        review_by: String::new(),
                    }),
                };
                self.store
                    .review_mandate(&m.id, m.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::ManagerTenure {
                report,
                manager,
                from,
                to,
                me,
            } => {
                let report_id = self.names.report(report)?;
                let draft = ManagerChangeDraft {
                    changed_on: ymd(from.unwrap_or(today)),
                    manager: manager.clone(),
                    note: String::new(),
                    ended_on: to.map(ymd).unwrap_or_default(),
                    is_me: *me,
                };
                self.store
                    .add_manager_change(&report_id, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::Cadence { report, days } => {
                let report_id = self.names.report(report)?;
                let r = self.store.report(&report_id).await.map_err(why)?;
                let draft = ReportDraft {
                    name: r.name.clone(),
                    current_level_id: Some(r.current_level.id.clone()),
                    target_level_id: Some(r.target_level.id.clone()),
                    team: r.team.clone(),
                    in_role_since: ymd(r.in_role_since),
                    archetype_worked: Some(r.archetype_worked),
                    archetype_needed: Some(r.archetype_needed),
                    team_strength: Some(r.team_strength),
                    notes: r.notes.clone(),
                    one_on_one_every_days: Some(*days),
                };
                self.store
                    .update_report(&report_id, r.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::JoinCommittee { person, cycle, on } => {
                let cycle_id = self.names.cycle(cycle)?;
                let person_id = self.names.person(person)?;
                let c = self.store.cycle(&cycle_id).await.map_err(why)?;
                let mut committee_ids: Vec<_> =
                    c.committee.iter().map(|m| m.person.id.clone()).collect();
                if !committee_ids.contains(&person_id) {
                    committee_ids.push(person_id.clone());
                }
                let mut joined = super::interpret_cycle::joined_of(&c, &committee_ids);
                joined.retain(|j| j.person_id != person_id);
                joined.push(JoinedDraft {
                    person_id,
                    joined_on: ymd(on.unwrap_or(today)),
                });
                let draft = crate::model::CycleDraft {
                    name: c.name.clone(),
                    opens_on: ymd(c.opens_on),
                    packet_due: ymd(c.packet_due),
                    calibration_date: ymd(c.calibration_date),
                    committee_ids,
                    joined,
                };
                self.store
                    .update_cycle(&cycle_id, c.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            other => Err(format!("not a step for run_facts: {other:?}")),
        }
    }
}
