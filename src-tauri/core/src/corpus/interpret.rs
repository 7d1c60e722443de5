//! Applying a history's steps through the store's public API, as a manager would enter them:
//! the clock is set to each step's entry day (18:00 UTC) first, so every record is stamped
//! with the day it was entered. This file applies the staff record's steps;
//! [`super::interpret_cycle`] the cycle's.

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};

use super::error::{CorpusError, CorpusResult};
use super::names::Names;
use super::step::{Action, Ending, EvidenceFields, MandateFields, Step};
use crate::clock::ManualClock;
use crate::error::Error;
use crate::model::{
    AdvocateDraft, Archetype, Assessment, Channel, EvidenceDraft, EvidenceKind, FeedbackDraft,
    FeedbackSource, ManagerChangeDraft, MandateClosing, MandateDraft, MandateStatus,
    MeetingDraft, MentorshipDraft, PersonDraft, RecordKind, Relationship, ReportDraft,
    TeamStrength, VisibilityDraft,
};
use crate::Store;

/// The store a history is entered into, its clock, and the names given so far.
pub struct Interpreter {
    pub store: Store,
    pub clock: Arc<ManualClock>,
    pub names: Names,
}

/// `YYYY-MM-DD`, as drafts carry dates.
pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn opt_ymd(d: Option<NaiveDate>) -> String {
    d.map(ymd).unwrap_or_default()
}

/// The instant a step entered on `day` is stamped with: 18:00 UTC that day.
pub fn entry_instant(day: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(18, 0, 0).unwrap_or_default())
}

/// The store's error in words, with every field issue.
pub fn why(e: Error) -> String {
    match &e {
        Error::Validation { fields, .. } if fields.len() > 1 => fields
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => e.to_string(),
    }
}

impl Interpreter {
    pub fn new(store: Store, clock: Arc<ManualClock>) -> Self {
        Self { store, clock, names: Names::default() }
    }

    /// Enters one step on its entry day.
    pub async fn apply(&mut self, step: &Step) -> CorpusResult<()> {
        if let Some(needs) = step.action.needs() {
            return Err(CorpusError::Unsupported { place: step.place.clone(), step: step.text.clone(), needs });
        }
        self.clock.set(entry_instant(step.entered));
        self.run(step).await.map_err(|message| CorpusError::Step {
            place: step.place.clone(),
            step: step.text.clone(),
            message,
        })
    }

    async fn run(&mut self, step: &Step) -> Result<(), String> {
        let day = step.entered;
        let on = |d: Option<NaiveDate>| ymd(d.unwrap_or(day));
        match &step.action {
            Action::Person { name, relationship, title, notes } => {
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
            Action::Report { name, update: false, fields: f } => {
                let level = |n: &Option<String>, what: &str| n.clone().ok_or_else(|| format!("a new report needs their {what} (`\"Level\" to \"Target level\"`)"));
                let draft = ReportDraft {
                    name: name.clone(),
                    current_level_id: Some(self.level(&level(&f.level, "level")?).await?),
                    target_level_id: Some(self.level(&level(&f.target, "target level")?).await?),
                    team: f.team.clone().unwrap_or_else(|| "Engineering".to_owned()),
                    in_role_since: on(f.in_role_since),
                    archetype_worked: Some(f.works_as.unwrap_or(Archetype::Unclear)),
                    archetype_needed: Some(f.needed_as.or(f.works_as).unwrap_or(Archetype::Unclear)),
                    team_strength: Some(f.team_strength.unwrap_or(TeamStrength::Strong)),
                    notes: f.notes.clone().unwrap_or_default(),
                };
                let r = self.store.create_report(&draft).await.map_err(why)?;
                self.names.add_report(name, r.id, r.person_id, day)
            }
            Action::Report { name, update: true, fields: f } => {
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
                };
                self.store.update_report(&id, r.version, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::Evidence { title, report, update: false, fields } => {
                let who = report.clone().ok_or("new evidence needs `for \"Report\"`")?;
                let report_id = self.names.report(&who)?;
                let draft = self.evidence_draft(title, day, fields, None)?;
                let e = self.store.create_evidence(&report_id, &draft).await.map_err(why)?;
                self.names.add_evidence(title, &who, e.id)
            }
            Action::Evidence { title, report, update: true, fields } => {
                let id = self.names.evidence(title, report.as_deref())?;
                let current = self.store.evidence_item(&id).await.map_err(why)?;
                let draft = self.evidence_draft(title, day, fields, Some(&current))?;
                self.store.update_evidence(&id, current.version, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::DeleteEvidence { title, report } => {
                let id = self.names.evidence(title, report.as_deref())?;
                self.store.delete_record(RecordKind::Evidence, id.as_str()).await.map_err(why)
            }
            Action::Seen { person, title, report, on: seen_on, channel, detail } => {
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
            Action::Advocate { person, report, update, strength, what_seen, last_checked, notes, .. } => {
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
                            notes: notes.clone().unwrap_or_default(),
                        };
                        self.store.create_advocate(&report_id, &draft).await.map_err(why)?;
                    }
                    (true, Some(a)) => {
                        let draft = AdvocateDraft {
                            person_id: Some(person_id),
                            what_seen: what_seen.clone().unwrap_or(a.what_seen),
                            strength: Some(strength.unwrap_or(a.strength)),
                            last_checked: on(*last_checked),
                            notes: notes.clone().unwrap_or(a.notes),
                        };
                        self.store.update_advocate(&a.id, a.version, &draft).await.map_err(why)?;
                    }
                    (true, None) => return Err(format!("{person} is not an advocate of {report}")),
                }
                Ok(())
            }
            Action::Mandate { report, update, fields, ending } => self.mandate(report, *update, fields, ending.as_ref(), day).await,
            Action::CloseMandate { report, ending } => {
                let m = self.active_mandate(report).await?;
                self.store.close_mandate(&m.id, m.version, &closing(ending, day)).await.map_err(why)?;
                Ok(())
            }
            Action::Mentorship { report, mentee, goals, started, ended } => {
                let report_id = self.names.report(report)?;
                let draft = MentorshipDraft {
                    mentee_id: Some(self.names.person(mentee)?),
                    goals: goals.clone().unwrap_or_default(),
                    started_on: on(*started),
                    ended_on: opt_ymd(*ended),
                };
                let m = self.store.create_mentorship(&report_id, &draft).await.map_err(why)?;
                self.names.add_mentorship(report, mentee, m.id);
                Ok(())
            }
            Action::Feedback { mentee, report, received, sentiment, source, quotable, words } => {
                let id = self.names.mentorship(report, mentee)?;
                let draft = FeedbackDraft {
                    received_on: on(*received),
                    source: Some(source.unwrap_or(FeedbackSource::Mentee)),
                    sentiment: Some(*sentiment),
                    words: words.clone(),
                    quotable: *quotable,
                    addressed_on: String::new(),
                    addressed_action: String::new(),
                };
                self.store.add_feedback(&id, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::AddressFeedback { mentee, report, received, on: addressed, action } => {
                let id = self.names.mentorship(report, mentee)?;
                let report_id = self.names.report(report)?;
                let mentorship = self
                    .store
                    .mentorships(&report_id)
                    .await
                    .map_err(why)?
                    .into_iter()
                    .find(|m| m.id == id)
                    .ok_or("the mentorship is gone")?;
                let f = mentorship
                    .feedback
                    .into_iter()
                    .filter(|f| f.addressed_on.is_none() && received.is_none_or(|r| r == f.received_on))
                    .min_by_key(|f| f.received_on)
                    .ok_or_else(|| format!("no unaddressed feedback from {mentee} about {report} to address"))?;
                let draft = FeedbackDraft {
                    received_on: ymd(f.received_on),
                    source: Some(f.source),
                    sentiment: Some(f.sentiment),
                    words: f.words.clone(),
                    quotable: f.quotable,
                    addressed_on: on(*addressed),
                    addressed_action: action.clone(),
                };
                self.store.update_feedback(&f.id, f.version, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::ManagerChange { report, on: changed, manager, note } => {
                let id = self.names.report(report)?;
                let draft = ManagerChangeDraft {
                    changed_on: on(*changed),
                    manager: manager.clone(),
                    note: note.clone().unwrap_or_default(),
                };
                self.store.add_manager_change(&id, &draft).await.map_err(why)?;
                Ok(())
            }
            Action::OneOnOne { report, on: held } => {
                let id = self.names.report(report)?;
                self.store.create_meeting(&id, &MeetingDraft { held_on: on(*held) }).await.map_err(why)?;
                Ok(())
            }
            _ => self.run_cycle(step).await,
        }
    }

    /// A ladder level's id by its current name.
    pub async fn level(&self, name: &str) -> Result<crate::ids::LevelId, String> {
        self.store
            .ladder()
            .await
            .map_err(why)?
            .into_iter()
            .find(|l| l.name == name)
            .map(|l| l.id)
            .ok_or_else(|| format!("no level called \u{201c}{name}\u{201d} on the ladder"))
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
        let role = f.role.or(current.map(|e| e.role)).ok_or("evidence needs the report's role: led, co-led, contributed or advised")?;
        Ok(EvidenceDraft {
            title: title.to_owned(),
            description: f.description.clone().or(current.map(|e| e.description.clone())).unwrap_or_default(),
            started_on: ymd(f.started.or(current.map(|e| e.started_on)).unwrap_or(day)),
            ended_on: opt_ymd(f.ended.unwrap_or(current.and_then(|e| e.ended_on))),
            kind: Some(f.kind.or(current.map(|e| e.kind)).unwrap_or(EvidenceKind::Project)),
            role: Some(role),
            co_owner_ids: co_owners,
            impact: f.impact.clone().or(current.map(|e| e.impact.clone())).unwrap_or_default(),
            links: current.map(|e| e.links.clone()).unwrap_or_default(),
            in_production_since: opt_ymd(f.in_production_since.or(current.and_then(|e| e.in_production_since))),
            archetype: f.archetype.or(current.and_then(|e| e.archetype)),
            work_mix: f.work_mix.or(current.map(|e| e.work_mix)),
        })
    }

    async fn active_mandate(&self, report: &str) -> Result<crate::model::Mandate, String> {
        let id = self.names.report(report)?;
        self.store
            .mandates(&id)
            .await
            .map_err(why)?
            .into_iter()
            .find(|m| m.status == MandateStatus::Active)
            .ok_or_else(|| format!("{report} has no active mandate"))
    }

    async fn mandate(&self, report: &str, update: bool, f: &MandateFields, ending: Option<&Ending>, day: NaiveDate) -> Result<(), String> {
        let report_id = self.names.report(report)?;
        let sponsor = f.sponsor.as_deref().map(|s| self.names.person(s)).transpose()?;
        if update {
            let m = self.active_mandate(report).await?;
            let draft = MandateDraft {
                statement: f.statement.clone().unwrap_or(m.statement.clone()),
                priority: f.priority.clone().unwrap_or(m.priority.clone()),
                room: Some(f.room.unwrap_or(m.room)),
                attention: Some(f.attention.unwrap_or(m.attention)),
                sponsor_id: sponsor.or(m.sponsor.as_ref().map(|p| p.id.clone())),
                set_on: ymd(f.set_on.unwrap_or(m.set_on)),
                review_by: opt_ymd(f.review_by.or(m.review_by)),
            };
            self.store.update_mandate(&m.id, m.version, &draft).await.map_err(why)?;
            return Ok(());
        }
        let draft = MandateDraft {
            statement: f.statement.clone().ok_or("a mandate needs its statement, quoted: \"the problem they own\"")?,
            priority: f.priority.clone().unwrap_or_default(),
            room: Some(f.room.unwrap_or(Assessment::Yes)),
            attention: Some(f.attention.unwrap_or(Assessment::Yes)),
            sponsor_id: sponsor,
            set_on: ymd(f.set_on.unwrap_or(day)),
            review_by: opt_ymd(f.review_by),
        };
        let closing = ending.map(|e| closing(e, day));
        self.store.set_mandate(&report_id, &draft, closing.as_ref()).await.map_err(why)?;
        Ok(())
    }
}

fn closing(e: &Ending, day: NaiveDate) -> MandateClosing {
    MandateClosing {
        status: e.status,
        reason: e.reason.clone(),
        ended_on: ymd(e.on.unwrap_or(day)),
    }
}
