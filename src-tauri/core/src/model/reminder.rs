//! Reminders: desktop notifications for what needs the manager soon, raised once each.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{CandidateId, CycleId, ReportId};
use crate::model::ReviewerRole;

/// Planned 1:1s up to this many days ahead are reminded of (today and tomorrow).
pub const ONE_ON_ONE_AHEAD_DAYS: i64 = 1;
/// Packet deadlines and mandate reviews up to this many days ahead are reminded of.
pub const DEADLINE_AHEAD_DAYS: i64 = 7;
/// High signals that fired in this many days are reminded of (older ones are on Today).
pub const SIGNAL_WITHIN_DAYS: i64 = 7;

/// Which reminders the manager wants, and whether Trellis keeps running in the tray while its
/// window is closed. Starting at login is the operating system's setting, not stored here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderSettings {
    /// A planned 1:1 today or tomorrow.
    pub one_on_ones: bool,
    /// A candidate's packet draft, review round or packet due within a week, while missing.
    pub deadlines: bool,
    /// An active mandate's review due within a week, or overdue.
    pub mandate_reviews: bool,
    /// A high signal that fired in the last week.
    pub high_signals: bool,
    /// Closing the window keeps Trellis running in the tray, to remind.
    pub keep_running_in_tray: bool,
}

impl Default for ReminderSettings {
    /// A new data folder: every kind of reminder, no tray.
    fn default() -> Self {
        Self {
            one_on_ones: true,
            deadlines: true,
            mandate_reviews: true,
            high_signals: true,
            keep_running_in_tray: false,
        }
    }
}

impl ReminderSettings {
    /// The demo's: nothing, so that trying Trellis out never raises a notification.
    pub const OFF: Self = Self {
        one_on_ones: false,
        deadlines: false,
        mandate_reviews: false,
        high_signals: false,
        keep_running_in_tray: false,
    };

    /// Whether any kind of reminder is on.
    pub fn any(&self) -> bool {
        [
            ReminderKind::OneOnOne,
            ReminderKind::Deadline,
            ReminderKind::MandateReview,
            ReminderKind::HighSignal,
        ]
        .into_iter()
        .any(|k| self.wants(k))
    }

    pub fn wants(&self, kind: ReminderKind) -> bool {
        match kind {
            ReminderKind::OneOnOne => self.one_on_ones,
            ReminderKind::Deadline => self.deadlines,
            ReminderKind::MandateReview => self.mandate_reviews,
            ReminderKind::HighSignal => self.high_signals,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    OneOnOne,
    Deadline,
    MandateReview,
    HighSignal,
}

/// One desktop notification: one kind, one or more things of that kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub kind: ReminderKind,
    pub title: String,
    pub body: String,
    /// Where "open" leads: the first thing it names.
    pub open: ReminderTarget,
    /// What it reminds of, each raised once (`reminders_sent`).
    #[serde(skip)]
    pub keys: Vec<String>,
}

/// The screen a reminder opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase", tag = "to")]
pub enum ReminderTarget {
    /// The report's 1:1 prep.
    Prep { report_id: ReportId },
    /// The report's candidacy in a cycle.
    Candidate { candidate_id: CandidateId },
    /// The report's mandate.
    Mandate { report_id: ReportId },
    /// The report's radar.
    Radar { report_id: ReportId },
}

/// A candidacy's deadline still ahead, while what it asks for is missing (the radar fires once
/// it passes; a reminder comes before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketDeadline {
    pub report_id: ReportId,
    pub report_name: String,
    pub candidate_id: CandidateId,
    pub cycle_id: CycleId,
    pub cycle_name: String,
    pub what: DeadlineKind,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineKind {
    /// The first packet draft (none saved yet).
    PacketDraft,
    /// A review round (none received from that role yet).
    Review(ReviewerRole),
    /// The packet itself.
    PacketDue,
}
