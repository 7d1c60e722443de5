//! The packet deadlines an expectation can name instead of a date (`expected on the
//! staff-peer review deadline`). **This is the one place their numbers live**: when the
//! radar's defaults change, change them here and every history follows.

use chrono::{Days, Months, NaiveDate};

use crate::model::Cycle;

/// How long before the cycle's dates each packet rule should fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// `packet.no_draft`: months before calibration.
    pub packet_draft_months_before_calibration: u32,
    /// `packet.no_staff_peer_review`: weeks before the packet is due.
    pub staff_peer_review_weeks_before_due: u64,
    /// `packet.no_manager_review`: weeks before the packet is due.
    pub manager_review_weeks_before_due: u64,
    /// `packet.no_skip_level_review`: weeks before the packet is due.
    pub skip_level_review_weeks_before_due: u64,
}

/// The deadlines the radar is expected to use (the defaults of the rewrite, to be confirmed
/// by the engineer doing it).
pub const DEADLINES: Deadlines = Deadlines {
    packet_draft_months_before_calibration: 4,
    staff_peer_review_weeks_before_due: 6,
    manager_review_weeks_before_due: 4,
    skip_level_review_weeks_before_due: 2,
};

/// A deadline by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    PacketDraft,
    StaffPeerReview,
    ManagerReview,
    SkipLevelReview,
}

impl Deadline {
    /// Reads `packet draft`, `staff-peer review`, `manager review`, `skip-level review`
    /// (with or without a leading `the` and a trailing `deadline`).
    pub fn from_words(words: &str) -> Option<Deadline> {
        let w = words.to_lowercase().replace('-', " ");
        let w = w.trim();
        let w = w.strip_prefix("the ").unwrap_or(w);
        let w = w.strip_suffix(" deadline").unwrap_or(w);
        match w {
            "packet draft" => Some(Self::PacketDraft),
            "staff peer review" => Some(Self::StaffPeerReview),
            "manager review" => Some(Self::ManagerReview),
            "skip level review" => Some(Self::SkipLevelReview),
            _ => None,
        }
    }

    /// The deadline's day in `cycle`.
    pub fn in_cycle(self, cycle: &Cycle) -> NaiveDate {
        let d = DEADLINES;
        let weeks = |w: u64| {
            cycle
                .packet_due
                .checked_sub_days(Days::new(w * 7))
                .unwrap_or(NaiveDate::MIN)
        };
        match self {
            Self::PacketDraft => cycle
                .calibration_date
                .checked_sub_months(Months::new(d.packet_draft_months_before_calibration))
                .unwrap_or(NaiveDate::MIN),
            Self::StaffPeerReview => weeks(d.staff_peer_review_weeks_before_due),
            Self::ManagerReview => weeks(d.manager_review_weeks_before_due),
            Self::SkipLevelReview => weeks(d.skip_level_review_weeks_before_due),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PacketDraft => "the packet draft deadline",
            Self::StaffPeerReview => "the staff-peer review deadline",
            Self::ManagerReview => "the manager review deadline",
            Self::SkipLevelReview => "the skip-level review deadline",
        }
    }
}
