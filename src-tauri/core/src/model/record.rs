//! The kinds of record in the staff record, for deleting, restoring, searching and linking.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    Type,
    sqlx::Type,
)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum RecordKind {
    Report,
    Person,
    Mandate,
    Evidence,
    Visibility,
    Advocate,
    Mentorship,
    Feedback,
    ManagerChange,
    Cycle,
    Candidate,
    PacketVersion,
    Review,
    Rule,
    LadderChange,
    Meeting,
    Note,
    AgendaItem,
    ActionItem,
}

impl RecordKind {
    /// The table holding records of this kind.
    pub(crate) fn table(self) -> &'static str {
        match self {
            Self::Report => "reports",
            Self::Person => "people",
            Self::Mandate => "mandates",
            Self::Evidence => "evidence",
            Self::Visibility => "visibility",
            Self::Advocate => "advocates",
            Self::Mentorship => "mentorships",
            Self::Feedback => "mentorship_feedback",
            Self::ManagerChange => "manager_changes",
            Self::Cycle => "cycles",
            Self::Candidate => "candidates",
            Self::PacketVersion => "packet_versions",
            Self::Review => "packet_reviews",
            Self::Rule => "rules_of_thumb",
            Self::LadderChange => "ladder_changes",
            Self::Meeting => "meetings",
            Self::Note => "meeting_notes",
            Self::AgendaItem => "agenda_items",
            Self::ActionItem => "action_items",
        }
    }

    /// How the UI names one record of this kind.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Person => "person",
            Self::Mandate => "mandate",
            Self::Evidence => "evidence item",
            Self::Visibility => "visibility entry",
            Self::Advocate => "advocate",
            Self::Mentorship => "mentorship",
            Self::Feedback => "feedback entry",
            Self::ManagerChange => "manager change",
            Self::Cycle => "cycle",
            Self::Candidate => "candidacy",
            Self::PacketVersion => "packet version",
            Self::Review => "packet review",
            Self::Rule => "rule of thumb",
            Self::LadderChange => "ladder change",
            Self::Meeting => "1:1",
            Self::Note => "note",
            Self::AgendaItem => "agenda item",
            Self::ActionItem => "action item",
        }
    }
}
