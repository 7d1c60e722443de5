//! One chronological view of every dated record about a report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::RecordKind;

/// What happened on a date, as the timeline filters it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    RoleStarted,
    MandateSet,
    MandateEnded,
    EvidenceStarted,
    EvidenceEnded,
    InProduction,
    Seen,
    AdvocateChecked,
    MentorshipStarted,
    MentorshipEnded,
    Feedback,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    pub date: NaiveDate,
    pub kind: TimelineKind,
    /// The record to open: its kind and id (a visibility entry opens its evidence).
    pub record_kind: RecordKind,
    pub record_id: String,
    pub title: String,
    pub detail: String,
}
