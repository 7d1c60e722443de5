//! Mandates: what the company currently values from a report, with history.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::PersonRef;
use crate::error::Result;
use crate::ids::{MandateId, MandateReviewId, PersonId, ReportId};
use crate::validate::{present, Checks};

/// A yes/partly/no judgement (room: nobody else is doing it; attention: leadership agrees it
/// matters now).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Assessment {
    Yes,
    Partly,
    No,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum MandateStatus {
    Active,
    Completed,
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Mandate {
    pub id: MandateId,
    pub report_id: ReportId,
    /// The problem they own now.
    pub statement: String,
    /// The company priority it serves; empty when none is named.
    pub priority: String,
    pub room: Assessment,
    pub attention: Assessment,
    pub sponsor: Option<PersonRef>,
    pub set_on: NaiveDate,
    pub review_by: Option<NaiveDate>,
    pub status: MandateStatus,
    /// Why it was completed or dropped.
    pub status_reason: String,
    pub ended_on: Option<NaiveDate>,
    /// Its reviews, newest first.
    pub reviews: Vec<MandateReview>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a mandate review decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// Still the right problem, still valued: kept as it is.
    Kept,
    /// Still theirs, but reworded, re-prioritised or re-sponsored.
    Changed,
    /// No longer theirs: the mandate ends on the review's day.
    Dropped,
}

/// A mandate reviewed on a date, without closing and copying it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateReview {
    pub id: MandateReviewId,
    pub mandate_id: MandateId,
    pub reviewed_on: NaiveDate,
    pub outcome: ReviewOutcome,
    pub note: String,
    /// When to review it next (none once dropped).
    pub next_review_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the review form sends.
#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateReviewDraft {
    /// `YYYY-MM-DD`.
    pub reviewed_on: String,
    pub outcome: Option<ReviewOutcome>,
    /// What was discussed and decided (why, when dropped).
    pub note: String,
    /// `YYYY-MM-DD`; required unless dropped.
    pub next_review_on: String,
    /// When changed: the mandate as it reads from now on (its set-on date is kept).
    pub changed: Option<MandateDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMandateReview {
    pub reviewed_on: NaiveDate,
    pub outcome: ReviewOutcome,
    pub note: String,
    pub next_review_on: Option<NaiveDate>,
    pub changed: Option<ValidMandate>,
}

impl MandateReviewDraft {
    /// `set_on`: when the mandate reviewed began; `people`: the ids among the changed
    /// mandate's sponsor that exist.
    pub fn validate(
        &self,
        set_on: NaiveDate,
        people: &HashSet<PersonId>,
        today: NaiveDate,
    ) -> Result<ValidMandateReview> {
        let mut c = Checks::new();
        let reviewed_on = c.date("reviewedOn", "Reviewed on", &self.reviewed_on, Some(today));
        c.order(
            "reviewedOn",
            "Reviewed on cannot be before the mandate was set.",
            Some(set_on),
            reviewed_on,
        );
        let outcome = c.chosen("outcome", "what the review decided", self.outcome);
        let note = c.text("note", "Note", &self.note);
        if outcome == Some(ReviewOutcome::Dropped) && note.is_empty() {
            c.fail("note", "Say why the mandate was dropped.");
        }
        let next_review_on =
            c.maybe_date("nextReviewOn", "Next review", &self.next_review_on, None);
        match (outcome, next_review_on) {
            (Some(ReviewOutcome::Dropped), Some(_)) => c.fail(
                "nextReviewOn",
                "A dropped mandate has no next review; leave it empty.",
            ),
            (Some(_), None)
                if outcome != Some(ReviewOutcome::Dropped) && !c.has_issue("nextReviewOn") =>
            {
                c.fail(
                    "nextReviewOn",
                    "Next review is required: when to look at it again.",
                )
            }
            (_, Some(next)) if reviewed_on.is_some_and(|r| next <= r) => {
                c.fail("nextReviewOn", "Next review must be after the review.")
            }
            _ => {}
        }
        let changed = match (outcome, &self.changed) {
            (Some(ReviewOutcome::Changed), Some(draft)) => {
                let mandate = MandateDraft {
                    set_on: set_on.to_string(),
                    review_by: String::new(),
                    ..draft.clone()
                };
                match mandate.validate(people, today.max(set_on)) {
                    Ok(v) => Some(v),
                    Err(crate::Error::Validation { fields, .. }) => {
                        for f in fields {
                            c.fail(&format!("changed.{}", f.field), f.message);
                        }
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            (Some(ReviewOutcome::Changed), None) => {
                c.fail("changed", "Say how the mandate changed.");
                None
            }
            _ => None,
        };
        c.finish()?;
        Ok(ValidMandateReview {
            reviewed_on: present(reviewed_on)?,
            outcome: present(outcome)?,
            note,
            next_review_on,
            changed,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateDraft {
    pub statement: String,
    pub priority: String,
    pub room: Option<Assessment>,
    pub attention: Option<Assessment>,
    pub sponsor_id: Option<PersonId>,
    /// `YYYY-MM-DD`.
    pub set_on: String,
    /// `YYYY-MM-DD`, or empty for no review date.
    pub review_by: String,
}

/// How the current mandate ended, when it is closed or replaced.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateClosing {
    pub status: MandateStatus,
    pub reason: String,
    /// `YYYY-MM-DD`.
    pub ended_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMandate {
    pub statement: String,
    pub priority: String,
    pub room: Assessment,
    pub attention: Assessment,
    pub sponsor_id: Option<PersonId>,
    pub set_on: NaiveDate,
    pub review_by: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidClosing {
    pub status: MandateStatus,
    pub reason: String,
    pub ended_on: NaiveDate,
}

impl MandateDraft {
    /// `people` holds the ids (among those the draft names) that exist in the directory.
    pub fn validate(&self, people: &HashSet<PersonId>, today: NaiveDate) -> Result<ValidMandate> {
        let mut c = Checks::new();
        let statement = c.text("statement", "Mandate", &self.statement);
        if statement.trim().is_empty() {
            c.fail(
                "statement",
                "Mandate is required: the problem they own now.",
            );
        }
        let priority = c.line("priority", "Company priority", &self.priority, false);
        let room = c.chosen("room", "room", self.room);
        let attention = c.chosen("attention", "attention", self.attention);
        if let Some(id) = &self.sponsor_id {
            if !people.contains(id) {
                c.fail("sponsorId", "Sponsor is not in the people directory.");
            }
        }
        let set_on = c.date("setOn", "Set on", &self.set_on, Some(today));
        let review_by = c.maybe_date("reviewBy", "Review by", &self.review_by, None);
        c.order(
            "reviewBy",
            "Review by cannot be before the date it was set.",
            set_on,
            review_by,
        );
        c.finish()?;
        Ok(ValidMandate {
            statement,
            priority,
            room: present(room)?,
            attention: present(attention)?,
            sponsor_id: self.sponsor_id.clone(),
            set_on: present(set_on)?,
            review_by,
        })
    }
}

impl MandateClosing {
    /// `set_on` is when the mandate being closed began; it cannot end before that.
    pub fn validate(&self, set_on: NaiveDate, today: NaiveDate) -> Result<ValidClosing> {
        let mut c = Checks::new();
        if self.status == MandateStatus::Active {
            c.fail(
                "status",
                "Say whether the mandate was completed or dropped.",
            );
        }
        let reason = c.text("reason", "Reason", &self.reason);
        if reason.is_empty() {
            c.fail(
                "reason",
                "Reason is required: what happened to this mandate.",
            );
        }
        let ended_on = c.date("endedOn", "Ended on", &self.ended_on, Some(today));
        c.order(
            "endedOn",
            "Ended on cannot be before the mandate was set.",
            Some(set_on),
            ended_on,
        );
        c.finish()?;
        Ok(ValidClosing {
            status: self.status,
            reason,
            ended_on: present(ended_on)?,
        })
    }
}
