//! The 1:1 prep view: what changed since the last 1:1, what carries over, what is due, and a
//! few questions worth asking — one screen, readable in two minutes.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::{ActionItem, AgendaItem, Mandate, Signal, SignalRule};
use crate::ids::{EvidenceId, FeedbackId, QuestionId, ReportId, ReviewId, VisibilityId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Prep {
    pub report_id: ReportId,
    pub report_name: String,
    pub as_of: NaiveDate,
    /// The latest 1:1 before the as-of date.
    pub last_one_on_one: Option<NaiveDate>,
    /// The next 1:1 on or after the as-of date (planned), if any.
    pub next_one_on_one: Option<NaiveDate>,
    /// Changes are those dated after this day, up to and including the as-of date: the last
    /// 1:1, or four weeks back when none is recorded.
    pub since: NaiveDate,
    pub changes: PrepChanges,
    /// Open agenda items, oldest first, each with how many 1:1s it has already been on.
    pub agenda: Vec<PrepAgendaItem>,
    /// Action items not done, by due date (undated last).
    pub actions: Vec<ActionItem>,
    pub mandate: MandateCheck,
    /// Three to six questions from the question bank, the most pressing first.
    pub questions: Vec<SuggestedQuestion>,
}

/// What changed in the record since the last 1:1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PrepChanges {
    pub evidence: Vec<EvidenceChange>,
    pub feedback: Vec<FeedbackChange>,
    pub visibility: Vec<VisibilityChange>,
    pub review_comments: Vec<ReviewChange>,
    /// Radar signals that fired since the last 1:1.
    pub signals_appeared: Vec<Signal>,
    /// Radar signals that were open at the last 1:1 and are not now.
    pub signals_cleared: Vec<ClearedSignal>,
}

impl PrepChanges {
    pub fn is_empty(&self) -> bool {
        self.evidence.is_empty()
            && self.feedback.is_empty()
            && self.visibility.is_empty()
            && self.review_comments.is_empty()
            && self.signals_appeared.is_empty()
            && self.signals_cleared.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceChange {
    pub evidence_id: EvidenceId,
    pub title: String,
    /// What happened in the window: "started", "in production", "finished" (in that order).
    pub what: Vec<String>,
    /// The latest of those dates.
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackChange {
    pub feedback_id: FeedbackId,
    pub mentee: String,
    /// Whom the feedback is from, as recorded: the mentee, the mentee's manager, a survey.
    pub from: String,
    pub sentiment: super::Sentiment,
    pub received_on: NaiveDate,
    /// Set when the change is that it was addressed in the window.
    pub addressed_on: Option<NaiveDate>,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisibilityChange {
    pub visibility_id: VisibilityId,
    pub evidence_id: EvidenceId,
    pub evidence_title: String,
    pub person: String,
    pub channel: super::Channel,
    pub seen_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewChange {
    pub review_id: ReviewId,
    pub reviewer: String,
    pub role: super::ReviewerRole,
    pub received_on: NaiveDate,
    pub comments: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClearedSignal {
    pub rule: SignalRule,
    pub message: String,
    pub cause_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PrepAgendaItem {
    pub item: AgendaItem,
    /// How many 1:1s it has been on already.
    pub carried: i32,
}

/// The state of the mandate, as far as the next 1:1 is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MandateState {
    /// No active mandate.
    Missing,
    /// Its review date has passed.
    ReviewOverdue,
    /// Its review date is within the next 30 days.
    ReviewDue,
    /// Active with no review date.
    NoReviewDate,
    /// Active, review more than 30 days away.
    OnTrack,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateCheck {
    pub state: MandateState,
    pub mandate: Option<Mandate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedQuestion {
    pub question_id: QuestionId,
    pub text: String,
    /// Why it is suggested: "Radar: High-impact work unseen", "Works as an architect"…
    pub because: String,
}
