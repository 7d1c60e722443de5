//! 1:1s: meetings with a report, the notes taken in them (private by default), agenda items
//! that carry over from meeting to meeting until done or dropped, and action items with an
//! owner and a due date. Any note or item can become evidence or a feedback entry, keeping a
//! link back.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::RecordKind;
use crate::error::Result;
use crate::ids::{ActionItemId, AgendaItemId, MeetingId, NoteId, ReportId};
use crate::validate::{present, Checks};

/// The longest agenda item or action item, in characters (notes may be as long as any free
/// text: `validate::MAX_TEXT`).
pub const MAX_ITEM_TEXT: usize = 2_000;

/// The most open agenda items a report may have: what the next 1:1 carries must fit in one.
pub const MAX_OPEN_AGENDA: usize = 100;

/// One 1:1 on a date (a date after today is a planned 1:1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: MeetingId,
    pub report_id: ReportId,
    pub held_on: NaiveDate,
    /// In the order they were written.
    pub notes: Vec<MeetingNote>,
    /// Every agenda item that was on this meeting, with what happened to it there.
    pub agenda: Vec<AgendaEntry>,
    /// Action items raised in this meeting.
    pub actions: Vec<ActionItem>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MeetingNote {
    pub id: NoteId,
    pub meeting_id: MeetingId,
    pub body: String,
    /// Private notes never leave the app unless the manager explicitly includes them.
    pub private: bool,
    /// Evidence or feedback made from this note.
    pub links: Vec<DerivedLink>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum AgendaStatus {
    Open,
    Done,
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub report_id: ReportId,
    pub text: String,
    /// Shared with the report (their agenda too), or private to the manager.
    pub shared: bool,
    pub added_on: NaiveDate,
    pub status: AgendaStatus,
    /// When it was done or dropped.
    pub closed_on: Option<NaiveDate>,
    /// The 1:1 it was done or dropped in, if any.
    pub closed_meeting_id: Option<MeetingId>,
    /// The 1:1s it has been on, oldest first.
    pub meeting_dates: Vec<NaiveDate>,
    pub links: Vec<DerivedLink>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl AgendaItem {
    /// How many 1:1s before `on` it was already on (0: raised for this one).
    pub fn carried_into(&self, on: NaiveDate) -> i32 {
        i32::try_from(self.meeting_dates.iter().filter(|d| **d < on).count()).unwrap_or(i32::MAX)
    }
}

/// What happened to an agenda item in one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AgendaOutcome {
    /// Done or dropped in this meeting.
    Done,
    Dropped,
    /// Still open after this meeting: it carries over to the next.
    CarriedOver,
    /// Still open, and this is the latest meeting it is on.
    Open,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AgendaEntry {
    pub item: AgendaItem,
    /// How many earlier 1:1s it was on (0: new in this one).
    pub carried: i32,
    pub outcome: AgendaOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ActionOwner {
    Manager,
    Report,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ActionItem {
    pub id: ActionItemId,
    pub report_id: ReportId,
    pub meeting_id: Option<MeetingId>,
    pub text: String,
    pub owner: ActionOwner,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub links: Vec<DerivedLink>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A record made from 1:1 content (evidence or a feedback entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DerivedLink {
    pub kind: RecordKind,
    pub id: String,
    pub title: String,
}

/// Where a piece of evidence or feedback came from, when it was made from a 1:1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OneOnOneOrigin {
    pub source: SourceKind,
    pub source_id: String,
    /// The 1:1 it came from (for a note; for items, the one they were raised in, if any).
    pub meeting_id: Option<MeetingId>,
    pub held_on: Option<NaiveDate>,
}

/// Which kind of 1:1 content a record was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum SourceKind {
    Note,
    AgendaItem,
    ActionItem,
}

/// 1:1 content to turn into evidence or feedback.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    pub kind: SourceKind,
    pub id: String,
}

/// A report's 1:1s: every meeting (newest first), the agenda for the next one, and open
/// action items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OneOnOnes {
    pub report_id: ReportId,
    /// Newest first; planned ones (after today) included.
    pub meetings: Vec<Meeting>,
    /// Open agenda items, oldest first: what the next 1:1 will carry.
    pub open_agenda: Vec<AgendaItem>,
    /// Action items not done yet, by due date (undated last).
    pub open_actions: Vec<ActionItem>,
    /// The first meeting dated today or later, if any.
    pub next_meeting: Option<NaiveDate>,
    /// The latest meeting dated today or earlier, if any.
    pub last_meeting: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MeetingDraft {
    /// `YYYY-MM-DD`; may be in the future (a planned 1:1).
    pub held_on: String,
}

impl MeetingDraft {
    pub fn validate(&self) -> Result<NaiveDate> {
        let mut c = Checks::new();
        let held_on = c.date("heldOn", "Date", &self.held_on, None);
        c.finish()?;
        present(held_on)
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NoteDraft {
    pub body: String,
    pub private: bool,
}

/// A new note is private: what is said in a 1:1 stays there unless the manager shares it.
impl Default for NoteDraft {
    fn default() -> Self {
        Self {
            body: String::new(),
            private: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNote {
    pub body: String,
    pub private: bool,
}

impl NoteDraft {
    pub fn validate(&self) -> Result<ValidNote> {
        let mut c = Checks::new();
        let body = c.text("body", "The note", &self.body);
        if body.trim().is_empty() && !c.has_issue("body") {
            c.fail("body", "The note is empty: write what was said or decided.");
        }
        c.finish()?;
        Ok(ValidNote {
            body,
            private: self.private,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItemDraft {
    pub text: String,
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAgendaItem {
    pub text: String,
    pub shared: bool,
}

impl AgendaItemDraft {
    pub fn validate(&self) -> Result<ValidAgendaItem> {
        let mut c = Checks::new();
        let text = item_text(&mut c, "text", "The agenda item", &self.text);
        c.finish()?;
        Ok(ValidAgendaItem {
            text,
            shared: self.shared,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ActionItemDraft {
    pub text: String,
    pub owner: Option<ActionOwner>,
    /// `YYYY-MM-DD`, or empty for no due date.
    pub due_on: String,
    /// `YYYY-MM-DD`, or empty while not done.
    pub done_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidActionItem {
    pub text: String,
    pub owner: ActionOwner,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

impl ActionItemDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidActionItem> {
        let mut c = Checks::new();
        let text = item_text(&mut c, "text", "The action item", &self.text);
        let owner = c.chosen("owner", "who owns it", self.owner);
        let due_on = c.maybe_date("dueOn", "Due on", &self.due_on, None);
        let done_on = c.maybe_date("doneOn", "Done on", &self.done_on, Some(today));
        c.finish()?;
        Ok(ValidActionItem {
            text,
            owner: present(owner)?,
            due_on,
            done_on,
        })
    }
}

/// Required free text of at most [`MAX_ITEM_TEXT`] characters.
fn item_text(c: &mut Checks, field: &str, label: &str, value: &str) -> String {
    let text = c.text(field, label, value);
    if text.trim().is_empty() && !c.has_issue(field) {
        c.fail(field, format!("{label} is empty: write what it is about."));
    } else if text.chars().count() > MAX_ITEM_TEXT && !c.has_issue(field) {
        c.fail(
            field,
            format!("{label} is too long: at most {MAX_ITEM_TEXT} characters."),
        );
    }
    text
}
