//! Calendar import as the manager sees it: a preview of the 1:1s a calendar file would plan,
//! their choice of report for each invitation, and what the import did.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::ReportId;

/// What importing a calendar file would do; nothing is written until it is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarPreview {
    /// The days looked at: from today, a quarter ahead.
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub invitations: Vec<InvitationPreview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct InvitationPreview {
    /// The invitation's identity in the file (to send a choice back; never shown).
    pub uid: String,
    pub title: String,
    pub attendees: Vec<String>,
    /// A recurring series rather than one meeting.
    pub repeats: bool,
    /// The report whose 1:1s it plans: the manager's choice, else the one its names match;
    /// none when nobody matched (or the manager chose to skip it).
    pub report: Option<CalendarReport>,
    /// The report was found from the names on the invitation (not chosen by hand).
    pub matched: bool,
    /// New planned 1:1s the import would create.
    pub to_plan: Vec<NaiveDate>,
    /// Days that already have a 1:1 with the report: left as they are.
    pub already_planned: Vec<NaiveDate>,
    /// Days the calendar cancelled or excluded: nothing is planned on them.
    pub cancelled: Vec<NaiveDate>,
    /// Cancelled days on which a 1:1 with the report is planned in Trellis (kept: the manager
    /// deletes it if it is off).
    pub cancelled_but_planned: Vec<NaiveDate>,
    /// Time zones the file names that Trellis does not know: times read as written.
    pub unknown_zones: Vec<String>,
    /// Why the invitation could not be read: it plans nothing (the rest of the file does).
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarReport {
    pub id: ReportId,
    pub name: String,
}

/// The manager's choice for one invitation: the report to plan for, or none to skip it.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarChoice {
    pub uid: String,
    pub report_id: Option<ReportId>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarImported {
    /// Planned 1:1s created.
    pub planned: u32,
    /// Occurrences whose day already had a 1:1 (nothing created).
    pub already_planned: u32,
    /// The reports that got new planned 1:1s, by name.
    pub reports: Vec<String>,
}
