//! Entering mandates (set, edited, closed or replaced), mentorships and mentee feedback
//! (given, and later marked addressed).

use chrono::NaiveDate;

use super::interpret::{opt_ymd, why, ymd, Interpreter};
use super::step::{Action, Ending, MandateFields, Step};
use crate::model::{
    Assessment, FeedbackDraft, FeedbackSource, MandateClosing, MandateDraft, MandateStatus,
    MentorshipDraft,
};

impl Interpreter {
    pub(super) async fn run_mandates(&mut self, step: &Step) -> Result<(), String> {
        let day = step.entered;
        let on = |d: Option<NaiveDate>| ymd(d.unwrap_or(day));
        match &step.action {
            Action::Mandate {
                report,
                update,
                fields,
                ending,
            } => {
                self.mandate(report, *update, fields, ending.as_ref(), day)
                    .await
            }
            Action::CloseMandate { report, ending } => {
                let m = self.active_mandate(report).await?;
                self.store
                    .close_mandate(&m.id, m.version, &closing(ending, day))
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::Mentorship {
                report,
                mentee,
                goals,
                started,
                ended,
            } => {
                let report_id = self.names.report(report)?;
                let draft = MentorshipDraft {
                    mentee_id: Some(self.names.person(mentee)?),
                    goals: goals.clone().unwrap_or_default(),
                    started_on: on(*started),
                    ended_on: opt_ymd(*ended),
                };
                let m = self
                    .store
                    .create_mentorship(&report_id, &draft)
                    .await
                    .map_err(why)?;
                self.names.add_mentorship(report, mentee, m.id);
                Ok(())
            }
            Action::Feedback {
                mentee,
                report,
                received,
                sentiment,
                source,
                quotable,
                words,
            } => {
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
            Action::AddressFeedback {
                mentee,
                report,
                received,
                on: addressed,
                action,
            } => {
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
                    .filter(|f| {
                        f.addressed_on.is_none() && received.is_none_or(|r| r == f.received_on)
                    })
                    .min_by_key(|f| f.received_on)
                    .ok_or_else(|| {
                        format!("no unaddressed feedback from {mentee} about {report} to address")
                    })?;
                let draft = FeedbackDraft {
                    received_on: ymd(f.received_on),
                    source: Some(f.source),
                    sentiment: Some(f.sentiment),
                    words: f.words.clone(),
                    quotable: f.quotable,
                    addressed_on: on(*addressed),
                    addressed_action: action.clone(),
                };
                self.store
                    .update_feedback(&f.id, f.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            other => Err(format!("not a step for run_mandates: {other:?}")),
        }
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

    async fn mandate(
        &self,
        report: &str,
        update: bool,
        f: &MandateFields,
        ending: Option<&Ending>,
        day: NaiveDate,
    ) -> Result<(), String> {
        let report_id = self.names.report(report)?;
        let sponsor = f
            .sponsor
            .as_deref()
            .map(|s| self.names.person(s))
            .transpose()?;
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
            self.store
                .update_mandate(&m.id, m.version, &draft)
                .await
                .map_err(why)?;
            return Ok(());
        }
        let draft = MandateDraft {
            statement: f
                .statement
                .clone()
                .ok_or("a mandate needs its statement, quoted: \"the problem they own\"")?,
            priority: f.priority.clone().unwrap_or_default(),
            room: Some(f.room.unwrap_or(Assessment::Yes)),
            attention: Some(f.attention.unwrap_or(Assessment::Yes)),
            sponsor_id: sponsor,
            set_on: ymd(f.set_on.unwrap_or(day)),
            review_by: opt_ymd(f.review_by),
        };
        let closing = ending.map(|e| closing(e, day));
        self.store
            .set_mandate(&report_id, &draft, closing.as_ref())
            .await
            .map_err(why)?;
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
