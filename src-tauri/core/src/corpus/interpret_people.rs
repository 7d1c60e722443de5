//! Entering people, reports (new and edited), manager changes and 1:1s.

use chrono::NaiveDate;

use super::interpret::{why, ymd, Interpreter};
use super::step::{Action, Step};
use crate::model::{
    ManagerChangeDraft, MeetingDraft, PersonDraft, Relationship, ReportDraft, TeamStrength,
};

impl Interpreter {
    pub(super) async fn run_people(&mut self, step: &Step) -> Result<(), String> {
        let day = step.entered;
        let on = |d: Option<NaiveDate>| ymd(d.unwrap_or(day));
        match &step.action {
            Action::Person {
                name,
                relationship,
                title,
                notes,
            } => {
                let p = self
                    .store
                    .create_person(&PersonDraft {
                        name: name.clone(),
                        title: title.clone().unwrap_or_default(),
                        relationship: Some(relationship.unwrap_or(Relationship::Other)),
                        notes: notes.clone().unwrap_or_default(),
                    })
                    .await
                    .map_err(why)?;
                self.names.add_person(name, p.id)
            }
            Action::Report {
                name,
                update: false,
                fields: f,
            } => {
                let level = |n: &Option<String>, what: &str| {
                    n.clone().ok_or_else(|| {
                        format!("a new report needs their {what} (`\"Level\" to \"Target level\"`)")
                    })
                };
                let works_as = f
                    .works_as
                    .ok_or("a new report needs `works as ARCHETYPE` (unclear is an archetype)")?;
                let draft = ReportDraft {
                    name: name.clone(),
                    current_level_id: Some(self.level(&level(&f.level, "level")?).await?),
                    target_level_id: Some(self.level(&level(&f.target, "target level")?).await?),
                    team: f.team.clone().unwrap_or_else(|| "Engineering".to_owned()),
                    in_role_since: on(f.in_role_since),
                    archetype_worked: Some(works_as),
                    archetype_needed: Some(f.needed_as.unwrap_or(works_as)),
                    team_strength: Some(f.team_strength.unwrap_or(TeamStrength::Strong)),
                    notes: f.notes.clone().unwrap_or_default(),
                    one_on_one_every_days: None,
                };
                let r = self.store.create_report(&draft).await.map_err(why)?;
                self.names.add_report(name, r.id, r.person_id, day)
            }
            Action::Report {
                name,
                update: true,
                fields: f,
            } => {
                let id = self.names.report(name)?;
                let r = self.store.report(&id).await.map_err(why)?;
                let draft = ReportDraft {
                    name: r.name.clone(),
                    current_level_id: Some(match &f.level {
                        Some(l) => self.level(l).await?,
                        None => r.current_level.id.clone(),
                    }),
                    target_level_id: Some(match &f.target {
                        Some(l) => self.level(l).await?,
                        None => r.target_level.id.clone(),
                    }),
                    team: f.team.clone().unwrap_or(r.team),
                    in_role_since: ymd(f.in_role_since.unwrap_or(r.in_role_since)),
                    archetype_worked: Some(f.works_as.unwrap_or(r.archetype_worked)),
                    archetype_needed: Some(f.needed_as.unwrap_or(r.archetype_needed)),
                    team_strength: Some(f.team_strength.unwrap_or(r.team_strength)),
                    notes: f.notes.clone().unwrap_or(r.notes),
                    one_on_one_every_days: Some(r.one_on_one_every_days),
                };
                self.store
                    .update_report(&id, r.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::ManagerChange {
                report,
                on: changed,
                manager,
                note,
            } => {
                let id = self.names.report(report)?;
                let draft = ManagerChangeDraft {
                    changed_on: on(*changed),
                    manager: manager.clone(),
                    note: note.clone().unwrap_or_default(),
                    ended_on: String::new(),
                    is_me: false,
                };
                self.store
                    .add_manager_change(&id, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::OneOnOne { report, on: held } => {
                let id = self.names.report(report)?;
                self.store
                    .create_meeting(&id, &MeetingDraft { held_on: on(*held) })
                    .await
                    .map_err(why)?;
                Ok(())
            }
            other => Err(format!("not a step for run_people: {other:?}")),
        }
    }
}
