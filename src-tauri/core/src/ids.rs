//! Record ids: UUIDv7 text everywhere (sortable by creation time, safe to export to
//! TypeScript as `string`, unlike 64-bit integers).

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, specta::Type, sqlx::Type,
        )]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh id (UUIDv7).
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A person in the directory (reports, peers, leaders…).
    PersonId
);
id_type!(
    /// A report record.
    ReportId
);
id_type!(
    /// A level of the company ladder.
    LevelId
);
id_type!(
    /// An entry of the ladder's change history.
    LadderChangeId
);
id_type!(
    /// A mandate (current or past) of a report.
    MandateId
);
id_type!(
    /// A review of a mandate (kept, changed or dropped on a date).
    MandateReviewId
);
id_type!(
    /// An evidence item.
    EvidenceId
);
id_type!(
    /// A visibility entry: someone saw a piece of evidence.
    VisibilityId
);
id_type!(
    /// An advocate of a report.
    AdvocateId
);
id_type!(
    /// A report's mentorship of a mentee.
    MentorshipId
);
id_type!(
    /// A mentorship feedback entry.
    FeedbackId
);
id_type!(
    /// A report's manager change.
    ManagerChangeId
);
id_type!(
    /// A promotion/calibration cycle.
    CycleId
);
id_type!(
    /// A report's candidacy in a cycle.
    CandidateId
);
id_type!(
    /// A saved version of a packet.
    PacketVersionId
);
id_type!(
    /// A review round of a packet.
    ReviewId
);
id_type!(
    /// A rule of thumb in the register.
    RuleId
);
id_type!(
    /// An acknowledgement or snooze of a radar signal.
    AckId
);
id_type!(
    /// A 1:1 meeting with a report.
    MeetingId
);
id_type!(
    /// A note taken in a 1:1.
    NoteId
);
id_type!(
    /// An agenda item for 1:1s (carried over until done or dropped).
    AgendaItemId
);
id_type!(
    /// An action item from a 1:1.
    ActionItemId
);
id_type!(
    /// A question in the 1:1 question bank.
    QuestionId
);
