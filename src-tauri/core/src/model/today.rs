//! The Today view: what needs the manager today, across every active report.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::{ActionOwner, Readiness, Signal};
use crate::ids::{ActionItemId, CycleId, MandateId, ReportId};

/// 1:1s dated up to this many days ahead are listed (and 1:1s due by cadence by then).
pub const ONE_ON_ONES_AHEAD_DAYS: i64 = 7;
/// Mandate reviews due up to this many days ahead (or overdue) are listed.
pub const MANDATE_REVIEWS_AHEAD_DAYS: i64 = 30;
/// Cycles whose packets are due up to this many days ahead are listed.
pub const DEADLINES_AHEAD_DAYS: i64 = 60;
/// On the first visit, signals that fired in this many days count as new.
pub const FIRST_VISIT_NEW_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    pub as_of: NaiveDate,
    /// The manager's previous day with Today open (none on the first visit): signals since
    /// then are new.
    pub previous_visit: Option<NaiveDate>,
    /// The next 1:1s, soonest first: planned ones, and ones due by cadence with none planned.
    pub one_on_ones: Vec<UpcomingOneOnOne>,
    /// Open signals that fired since the previous visit, most severe first.
    pub new_signals: Vec<Signal>,
    /// Open high signals that are not new: still standing.
    pub standing_high: Vec<Signal>,
    /// Action items past their due date, oldest first.
    pub overdue_actions: Vec<OverdueAction>,
    /// Active mandates whose review is due soon or overdue, soonest first.
    pub mandate_reviews: Vec<MandateReviewDue>,
    /// Cycles whose packets are due soon, soonest first.
    pub deadlines: Vec<CycleDeadline>,
    /// Every active report at a glance, by name.
    pub roster: Vec<ReportGlance>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UpcomingOneOnOne {
    pub report_id: ReportId,
    pub report_name: String,
    pub on: NaiveDate,
    /// False: due by the report's cadence, and none is planned yet.
    pub planned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OverdueAction {
    pub report_id: ReportId,
    pub report_name: String,
    pub action_id: ActionItemId,
    pub text: String,
    pub owner: ActionOwner,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateReviewDue {
    pub report_id: ReportId,
    pub report_name: String,
    pub mandate_id: MandateId,
    pub statement: String,
    pub review_by: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CycleDeadline {
    pub cycle_id: CycleId,
    pub name: String,
    pub packet_due: NaiveDate,
    pub calibration_date: NaiveDate,
    pub candidates: i32,
    /// Candidates with no packet version saved yet.
    pub without_packet: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportGlance {
    pub report_id: ReportId,
    pub report_name: String,
    /// Open (not acknowledged or snoozed) signals by severity.
    pub high: i32,
    pub medium: i32,
    pub low: i32,
    /// The readiness call in their current cycle, if a candidate.
    pub readiness: Option<Readiness>,
    /// The next 1:1, planned or due by cadence.
    pub next_one_on_one: Option<UpcomingOneOnOne>,
}
