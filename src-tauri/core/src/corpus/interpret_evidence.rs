//! Entering evidence (new, edited, deleted), who saw it, and advocates.

use chrono::NaiveDate;

use super::interpret::{opt_ymd, why, ymd, Interpreter};
use super::step::{Action, EvidenceFields, Step};
use crate::model::{
    AdvocateDraft, Channel, EvidenceDraft, EvidenceKind, RecordKind, VisibilityDraft,
};

impl Interpreter {
    pub(super) async fn run_evidence(&mut self, step: &Step) -> Result<(), String> {
        let day = step.entered;
        let on = |d: Option<NaiveDate>| ymd(d.unwrap_or(day));
        match &step.action {
            Action::Evidence {
                title,
                report,
                update: false,
                fields,
            } => {
                let who = report
                    .clone()
                    .ok_or("new evidence needs `for \"Report\"`")?;
                let report_id = self.names.report(&who)?;
                let draft = self.evidence_draft(title, day, fields, None)?;
                let e = self
                    .store
                    .create_evidence(&report_id, &draft)
                    .await
                    .map_err(why)?;
                self.names.add_evidence(title, &who, e.id)
            }
            Action::Evidence {
                title,
                report,
                update: true,
                fields,
            } => {
                let id = self.names.evidence(title, report.as_deref())?;
                let current = self.store.evidence_item(&id).await.map_err(why)?;
                let draft = self.evidence_draft(title, day, fields, Some(&current))?;
                self.store
                    .update_evidence(&id, current.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::DeleteEvidence { title, report } => {
                let id = self.names.evidence(title, report.as_deref())?;
                self.store
                    .delete_record(RecordKind::Evidence, id.as_str())
                    .await
                    .map_err(why)
            }
            Action::Seen {
                person,
                title,
                report,
                on: seen_on,
                channel,
                detail,
            } => {
                let draft = VisibilityDraft {
                    person_id: Some(self.names.person(person)?),
                    channel: Some(channel.unwrap_or(Channel::Other)),
                    detail: detail.clone().unwrap_or_default(),
                    seen_on: on(*seen_on),
                };
                let id = self.names.evidence(title, report.as_deref())?;
                self.store.add_visibility(&id, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::Advocate {
                person,
                report,
                update,
                strength,
                what_seen,
                last_checked,
                notes,
                supporting_since,
            } => {
                let report_id = self.names.report(report)?;
                let person_id = self.names.person(person)?;
                let current = self
                    .store
                    .advocates(&report_id)
                    .await
                    .map_err(why)?
                    .into_iter()
                    .find(|a| a.person.id == person_id);
                match (update, current) {
                    (false, _) => {
                        let draft = AdvocateDraft {
                            person_id: Some(person_id),
                            what_seen: what_seen.clone().unwrap_or_default(),
                            strength: Some(strength.ok_or("an advocate needs a strength: strong, moderate, weak or unknown strength")?),
                            last_checked: on(*last_checked),
                            supporting_since: on(*supporting_since),
                            notes: notes.clone().unwrap_or_default(),
                        };
                        self.store
                            .create_advocate(&report_id, &draft)
                            .await
                            .map_err(why)?;
                    }
                    (true, Some(a)) => {
                        let draft = AdvocateDraft {
                            person_id: Some(person_id),
                            what_seen: what_seen.clone().unwrap_or(a.what_seen),
                            strength: Some(strength.unwrap_or(a.strength)),
                            last_checked: on(*last_checked),
                            supporting_since: match supporting_since {
                                Some(d) => on(Some(*d)),
                                None => on(a.supporting_since),
                            },
                            notes: notes.clone().unwrap_or(a.notes),
                        };
                        self.store
                            .update_advocate(&a.id, a.version, &draft)
                            .await
                            .map_err(why)?;
                    }
                    (true, None) => return Err(format!("{person} is not an advocate of {report}")),
                }
                Ok(())
            }
            other => Err(format!("not a step for run_evidence: {other:?}")),
        }
    }

    fn evidence_draft(
        &self,
        title: &str,
        day: NaiveDate,
        f: &EvidenceFields,
        current: Option<&crate::model::Evidence>,
    ) -> Result<EvidenceDraft, String> {
        let co_owners = match (&f.co_owners, current) {
            (Some(names), _) => self.names.people(names)?,
            (None, Some(e)) => e.co_owners.iter().map(|p| p.id.clone()).collect(),
            (None, None) => Vec::new(),
        };
        let role = f
            .role
            .or(current.map(|e| e.role))
            .ok_or("evidence needs the report's role: led, co-led, contributed or advised")?;
        Ok(EvidenceDraft {
            title: title.to_owned(),
            description: f
                .description
                .clone()
                .or(current.map(|e| e.description.clone()))
                .unwrap_or_default(),
            started_on: ymd(f.started.or(current.map(|e| e.started_on)).unwrap_or(day)),
            ended_on: opt_ymd(f.ended.unwrap_or(current.and_then(|e| e.ended_on))),
            kind: Some(
                f.kind
                    .or(current.map(|e| e.kind))
                    .unwrap_or(EvidenceKind::Project),
            ),
            role: Some(role),
            co_owner_ids: co_owners,
            impact: f
                .impact
                .clone()
                .or(current.map(|e| e.impact.clone()))
                .unwrap_or_default(),
            links: current.map(|e| e.links.clone()).unwrap_or_default(),
            flagship: current.is_some_and(|e| e.flagship),
            in_production_since: opt_ymd(
                f.in_production_since
                    .or(current.and_then(|e| e.in_production_since)),
            ),
            archetype: f.archetype.or(current.and_then(|e| e.archetype)),
            work_mix: f.work_mix.or(current.map(|e| e.work_mix)),
        })
    }
}
