//! Mentorship: a report's mentees, and what the mentees themselves say about being mentored.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::PersonRef;
use crate::error::Result;
use crate::ids::{FeedbackId, MentorshipId, PersonId, ReportId};
use crate::validate::{present, Checks};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Mentorship {
    pub id: MentorshipId,
    pub report_id: ReportId,
    pub mentee: PersonRef,
    pub goals: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    /// Newest first.
    pub feedback: Vec<Feedback>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MentorshipDraft {
    pub mentee_id: Option<PersonId>,
    pub goals: String,
    /// `YYYY-MM-DD`.
    pub started_on: String,
    /// `YYYY-MM-DD`, or empty while it continues.
    pub ended_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMentorship {
    pub mentee_id: PersonId,
    pub goals: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

impl MentorshipDraft {
    pub fn validate(
        &self,
        people: &HashSet<PersonId>,
        own_person: &PersonId,
        today: NaiveDate,
    ) -> Result<ValidMentorship> {
        let mut c = Checks::new();
        let mentee_id = c.chosen("menteeId", "the mentee", self.mentee_id.clone());
        match &mentee_id {
            Some(id) if id == own_person => c.fail("menteeId", "A report cannot mentor themself."),
            Some(id) if !people.contains(id) => {
                c.fail("menteeId", "That person is not in the people directory.")
            }
            _ => {}
        }
        let goals = c.text("goals", "Goals", &self.goals);
        let started_on = c.date("startedOn", "Started on", &self.started_on, Some(today));
        let ended_on = c.maybe_date("endedOn", "Ended on", &self.ended_on, Some(today));
        c.order(
            "endedOn",
            "Ended on cannot be before it started.",
            started_on,
            ended_on,
        );
        c.finish()?;
        Ok(ValidMentorship {
            mentee_id: present(mentee_id)?,
            goals,
            started_on: present(started_on)?,
            ended_on,
        })
    }
}

impl FeedbackSource {
    /// Whom feedback about mentoring `mentee` is from, as a sentence says it: the mentee, the
    /// mentee's manager, or a survey. Never the mentee unless it was the mentee.
    pub fn from_whom(self, mentee: &str) -> String {
        match self {
            Self::Mentee => mentee.to_owned(),
            Self::MenteeManager => format!("{mentee}'s manager"),
            Self::Survey => format!("a survey about mentoring {mentee}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum FeedbackSource {
    /// The mentee, directly.
    Mentee,
    /// The mentee's manager.
    MenteeManager,
    Survey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Mixed,
    Negative,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub id: FeedbackId,
    pub mentorship_id: MentorshipId,
    pub received_on: NaiveDate,
    pub source: FeedbackSource,
    pub sentiment: Sentiment,
    /// What was said, in their words.
    pub words: String,
    /// Whether it may be quoted in calibration.
    pub quotable: bool,
    /// When the manager acted on it; negative feedback stays flagged until then.
    pub addressed_on: Option<NaiveDate>,
    /// What was done about it.
    pub addressed_action: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackDraft {
    /// `YYYY-MM-DD`.
    pub received_on: String,
    pub source: Option<FeedbackSource>,
    pub sentiment: Option<Sentiment>,
    pub words: String,
    pub quotable: bool,
    /// `YYYY-MM-DD`, or empty while not addressed.
    pub addressed_on: String,
    pub addressed_action: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidFeedback {
    pub received_on: NaiveDate,
    pub source: FeedbackSource,
    pub sentiment: Sentiment,
    pub words: String,
    pub quotable: bool,
    pub addressed_on: Option<NaiveDate>,
    pub addressed_action: String,
}

impl FeedbackDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidFeedback> {
        let mut c = Checks::new();
        let received_on = c.date("receivedOn", "Received on", &self.received_on, Some(today));
        let source = c.chosen("source", "the source", self.source);
        let sentiment = c.chosen("sentiment", "the sentiment", self.sentiment);
        let words = c.text("words", "Their words", &self.words);
        if words.is_empty() {
            c.fail("words", "Their words are required: what did they say?");
        }
        let addressed_on = c.maybe_date(
            "addressedOn",
            "Addressed on",
            &self.addressed_on,
            Some(today),
        );
        c.order(
            "addressedOn",
            "Addressed on cannot be before the feedback was received.",
            received_on,
            addressed_on,
        );
        let addressed_action = c.text("addressedAction", "What was done", &self.addressed_action);
        if addressed_on.is_some() && addressed_action.is_empty() {
            c.fail(
                "addressedAction",
                "Say what was done about it when marking feedback addressed.",
            );
        }
        c.finish()?;
        Ok(ValidFeedback {
            received_on: present(received_on)?,
            source: present(source)?,
            sentiment: present(sentiment)?,
            words,
            quotable: self.quotable,
            addressed_on,
            addressed_action,
        })
    }
}
