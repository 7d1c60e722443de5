//! The domain model: the words of DOMAIN.md as types, with their validation rules.
//! Nothing here touches the database.

pub mod advocate;
pub mod archetype;
pub mod calendar;
pub mod cycle;
pub mod evidence;
pub mod ladder;
pub mod manager;
pub mod mandate;
pub mod mentorship;
pub mod one_on_one;
pub mod packet;
pub mod person;
pub mod prep;
pub mod question;
pub mod radar;
pub mod record;
pub mod reminder;
pub mod report;
pub mod rule_of_thumb;
pub mod search;
pub mod timeline;
pub mod today;
pub mod visibility;

pub use advocate::{Advocate, AdvocateDraft, SupportStrength};
pub use archetype::{Archetype, TeamStrength};
pub use calendar::{
    CalendarChoice, CalendarImported, CalendarPreview, CalendarReport, InvitationPreview,
};
pub use cycle::{
    Candidate, CandidateDraft, CommitteeMember, Cycle, CycleDraft, JoinedDraft, Readiness,
    ReadinessDraft,
};
pub use evidence::{Evidence, EvidenceDraft, EvidenceKind, EvidenceRole, Link, WorkMix};
pub use ladder::{LadderChange, LadderChangeKind, LadderLevel, LevelDraft, LevelRef};
pub use manager::{ManagerChange, ManagerChangeDraft};
pub use mandate::{
    Assessment, Mandate, MandateClosing, MandateDraft, MandateReview, MandateReviewDraft,
    MandateStatus, ReviewOutcome,
};
pub use mentorship::{
    Feedback, FeedbackDraft, FeedbackSource, Mentorship, MentorshipDraft, Sentiment,
};
pub use one_on_one::{
    ActionItem, ActionItemDraft, ActionOwner, AgendaEntry, AgendaItem, AgendaItemDraft,
    AgendaOutcome, AgendaStatus, DerivedLink, Meeting, MeetingDraft, MeetingNote, NoteDraft,
    OneOnOneOrigin, OneOnOnes, SourceKind, SourceRef,
};
pub use packet::{
    DiffLine, DiffOp, KnownGap, PacketDiff, PacketItem, PacketReview, PacketSections,
    PacketVersion, ReviewDraft, ReviewerRole, SectionDiff, StaffProject,
};
pub use person::{Person, PersonDraft, PersonRef, Relationship};
pub use prep::{
    ClearedSignal, EvidenceChange, FeedbackChange, MandateCheck, MandateState, Prep,
    PrepAgendaItem, PrepChanges, ReviewChange, SuggestedQuestion, VisibilityChange,
};
pub use question::{Question, QuestionDraft, QuestionTrigger};
pub use radar::{
    AckAction, AckDraft, AckState, CandidateRadar, Cause, CycleDashboard, Period, ReportRadar,
    Severity, Signal, SignalAck, SignalRule, Thresholds,
};
pub use record::RecordKind;
pub use reminder::{
    DeadlineKind, PacketDeadline, Reminder, ReminderKind, ReminderSettings, ReminderTarget,
};
pub use report::{Report, ReportDraft, RosterFilter, ValidReport};
pub use rule_of_thumb::{
    Check, CheckStatus, ChecklistItem, ManualStatus, RuleDraft, RuleOfThumb, RuleSource,
};
pub use search::{SearchHit, SearchResults, SnippetPart};
pub use timeline::{TimelineEntry, TimelineKind};
pub use today::{
    CycleDeadline, MandateReviewDue, OverdueAction, ReportGlance, Today, UpcomingOneOnOne,
};
pub use visibility::{Channel, UnseenEvidence, VisibilityDraft, VisibilityEntry, VisibilityGaps};
