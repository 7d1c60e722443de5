//! The surprise radar's vocabulary: signals, their stable rule ids, severities, the
//! thresholds a manager can change, and acknowledgements.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::RecordKind;
use crate::error::Result;
use crate::ids::ReportId;
use crate::validate::{present, Checks};

/// Every rule of the radar. The ids (`packet.no_draft`…) are stable: scripts and the JSON
/// output of `trellis-cli radar` rely on them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
pub enum SignalRule {
    #[serde(rename = "packet.no_draft")]
    PacketNoDraft,
    #[serde(rename = "packet.no_staff_peer_review")]
    NoStaffPeerReview,
    #[serde(rename = "packet.no_manager_review")]
    NoManagerReview,
    #[serde(rename = "packet.no_skip_level_review")]
    NoSkipLevelReview,
    #[serde(rename = "rule_of_thumb.unmet")]
    RuleOfThumbUnmet,
    #[serde(rename = "rule_of_thumb.unchecked")]
    RuleOfThumbUnchecked,
    #[serde(rename = "visibility.high_impact_unseen")]
    HighImpactUnseen,
    #[serde(rename = "visibility.seen_share_low")]
    SeenShareLow,
    #[serde(rename = "mentorship.negative_unaddressed")]
    NegativeFeedbackUnaddressed,
    #[serde(rename = "mandate.missing")]
    MandateMissing,
    #[serde(rename = "mandate.review_overdue")]
    MandateReviewOverdue,
    #[serde(rename = "mandate.no_priority")]
    MandateNoPriority,
    #[serde(rename = "archetype.mismatch")]
    ArchetypeMismatch,
    #[serde(rename = "archetype.unclear")]
    ArchetypeUnclear,
    #[serde(rename = "cycle.manager_changed")]
    ManagerChangedInCycle,
    #[serde(rename = "cycle.ladder_changed")]
    LadderChangedInCycle,
    #[serde(rename = "evidence.duplicate_lead")]
    DuplicateLead,
    #[serde(rename = "work_mix.drift")]
    WorkMixDrift,
    #[serde(rename = "evidence.thin")]
    EvidenceThin,
    #[serde(rename = "evidence.unquantified")]
    EvidenceUnquantified,
    #[serde(rename = "advocates.none")]
    NoAdvocate,
    #[serde(rename = "one_on_one.lapsed")]
    OneOnOneLapsed,
    #[serde(rename = "record.unreadable")]
    RecordUnreadable,
}

impl SignalRule {
    pub const ALL: [SignalRule; 23] = [
        Self::PacketNoDraft,
        Self::NoStaffPeerReview,
        Self::NoManagerReview,
        Self::NoSkipLevelReview,
        Self::RuleOfThumbUnmet,
        Self::RuleOfThumbUnchecked,
        Self::HighImpactUnseen,
        Self::SeenShareLow,
        Self::NegativeFeedbackUnaddressed,
        Self::MandateMissing,
        Self::MandateReviewOverdue,
        Self::MandateNoPriority,
        Self::ArchetypeMismatch,
        Self::ArchetypeUnclear,
        Self::ManagerChangedInCycle,
        Self::LadderChangedInCycle,
        Self::DuplicateLead,
        Self::WorkMixDrift,
        Self::EvidenceThin,
        Self::EvidenceUnquantified,
        Self::NoAdvocate,
        Self::OneOnOneLapsed,
        Self::RecordUnreadable,
    ];

    /// The stable id, as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::PacketNoDraft => "packet.no_draft",
            Self::NoStaffPeerReview => "packet.no_staff_peer_review",
            Self::NoManagerReview => "packet.no_manager_review",
            Self::NoSkipLevelReview => "packet.no_skip_level_review",
            Self::RuleOfThumbUnmet => "rule_of_thumb.unmet",
            Self::RuleOfThumbUnchecked => "rule_of_thumb.unchecked",
            Self::HighImpactUnseen => "visibility.high_impact_unseen",
            Self::SeenShareLow => "visibility.seen_share_low",
            Self::NegativeFeedbackUnaddressed => "mentorship.negative_unaddressed",
            Self::MandateMissing => "mandate.missing",
            Self::MandateReviewOverdue => "mandate.review_overdue",
            Self::MandateNoPriority => "mandate.no_priority",
            Self::ArchetypeMismatch => "archetype.mismatch",
            Self::ArchetypeUnclear => "archetype.unclear",
            Self::ManagerChangedInCycle => "cycle.manager_changed",
            Self::LadderChangedInCycle => "cycle.ladder_changed",
            Self::DuplicateLead => "evidence.duplicate_lead",
            Self::WorkMixDrift => "work_mix.drift",
            Self::EvidenceThin => "evidence.thin",
            Self::EvidenceUnquantified => "evidence.unquantified",
            Self::NoAdvocate => "advocates.none",
            Self::OneOnOneLapsed => "one_on_one.lapsed",
            Self::RecordUnreadable => "record.unreadable",
        }
    }

    /// The rule in a few words.
    pub fn label(self) -> &'static str {
        match self {
            Self::PacketNoDraft => "No packet draft",
            Self::NoStaffPeerReview => "No staff-peer review",
            Self::NoManagerReview => "No manager review",
            Self::NoSkipLevelReview => "No skip-level review",
            Self::RuleOfThumbUnmet => "Rule of thumb unmet",
            Self::RuleOfThumbUnchecked => "Rule of thumb unchecked",
            Self::HighImpactUnseen => "High-impact work unseen",
            Self::SeenShareLow => "Little of the work seen",
            Self::NegativeFeedbackUnaddressed => "Negative mentee feedback",
            Self::MandateMissing => "No mandate",
            Self::MandateReviewOverdue => "Mandate review overdue",
            Self::MandateNoPriority => "Mandate tied to no priority",
            Self::ArchetypeMismatch => "Archetype mismatch",
            Self::ArchetypeUnclear => "Archetype unclear",
            Self::ManagerChangedInCycle => "Manager changed in cycle",
            Self::LadderChangedInCycle => "Ladder changed in cycle",
            Self::DuplicateLead => "Two people claim the lead",
            Self::WorkMixDrift => "Work mix drifting",
            Self::EvidenceThin => "Thin evidence",
            Self::EvidenceUnquantified => "Unquantified impact",
            Self::NoAdvocate => "No advocate",
            Self::OneOnOneLapsed => "No recent 1:1",
            Self::RecordUnreadable => "Record cannot be read",
        }
    }

    /// How much a surprise of this kind costs in the room.
    pub fn severity(self) -> Severity {
        use SignalRule::*;
        match self {
            PacketNoDraft
            | RuleOfThumbUnmet
            | HighImpactUnseen
            | NegativeFeedbackUnaddressed
            | ManagerChangedInCycle
            | DuplicateLead
            | RecordUnreadable => Severity::High,
            NoStaffPeerReview | NoManagerReview | NoSkipLevelReview | SeenShareLow
            | MandateMissing | MandateReviewOverdue | ArchetypeMismatch | LadderChangedInCycle
            | WorkMixDrift | NoAdvocate | OneOnOneLapsed => Severity::Medium,
            RuleOfThumbUnchecked | MandateNoPriority | ArchetypeUnclear | EvidenceThin
            | EvidenceUnquantified => Severity::Low,
        }
    }
}

/// Ordered most severe first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    High,
    Medium,
    Low,
}

/// A record behind a signal, to link to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Cause {
    pub kind: RecordKind,
    pub id: String,
    pub title: String,
    /// The report the record belongs to, when it is not the signal's own report (another
    /// report's evidence in a duplicate claim).
    pub report_id: Option<ReportId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum AckAction {
    Acknowledged,
    Snoozed,
}

/// An acknowledgement or snooze that covers a signal now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AckState {
    pub action: AckAction,
    pub reason: String,
    pub acked_on: NaiveDate,
    /// For a snooze: the signal returns after this date.
    pub until: Option<NaiveDate>,
}

/// One explainable risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Signal {
    pub rule: SignalRule,
    pub severity: Severity,
    pub report_id: ReportId,
    pub report_name: String,
    /// One line.
    pub message: String,
    /// The records that caused it.
    pub causes: Vec<Cause>,
    /// What to do about it.
    pub action: String,
    /// First fired: the first day of the unbroken run of days, ending on the as-of date, on
    /// which a manager using Trellis every day would have seen this signal (the record as it
    /// stood each of those days). See docs/radar-json.md, "Replays and lead time".
    pub since: NaiveDate,
    /// Days from `since` to the calibration, when the report is a candidate: how long before
    /// the committee met the manager could have acted on it.
    pub lead_time_days: Option<i32>,
    /// Identifies the cause: an acknowledgement covers this exact cause only.
    pub cause_key: String,
    /// Set while an acknowledgement or snooze covers the signal.
    pub ack: Option<AckState>,
}

/// The thresholds of the radar's rules. Defaults suit most organisations; the manager can
/// change them (and the tests pin them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Thresholds {
    /// No packet draft this many months before calibration.
    pub packet_draft_months: i32,
    /// No review from a staff-level peer this many weeks before packets are due.
    pub staff_peer_review_weeks: i32,
    /// … from the manager.
    pub manager_review_weeks: i32,
    /// … from the skip-level.
    pub skip_level_review_weeks: i32,
    /// Share of evidence seen by the committee (or skip-level) below this is a risk.
    pub seen_share_percent: i32,
    /// Window and share for work drifting to snacking, preening or chasing ghosts.
    pub work_mix_months: i32,
    pub work_mix_percent: i32,
    /// Window for thin or unquantified evidence.
    pub evidence_months: i32,
    pub evidence_min_items: i32,
    pub unquantified_percent: i32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            packet_draft_months: 4,
            staff_peer_review_weeks: 6,
            manager_review_weeks: 4,
            skip_level_review_weeks: 2,
            seen_share_percent: 50,
            work_mix_months: 6,
            work_mix_percent: 30,
            evidence_months: 6,
            evidence_min_items: 3,
            unquantified_percent: 50,
        }
    }
}

impl Thresholds {
    pub fn validate(&self) -> Result<Thresholds> {
        let mut c = Checks::new();
        let mut range = |field: &str, label: &str, v: i32, min: i32, max: i32| {
            if v < min || v > max {
                c.fail(field, format!("{label} must be between {min} and {max}."));
            }
        };
        range(
            "packetDraftMonths",
            "Months before calibration",
            self.packet_draft_months,
            1,
            24,
        );
        range(
            "staffPeerReviewWeeks",
            "Weeks before packets are due",
            self.staff_peer_review_weeks,
            1,
            52,
        );
        range(
            "managerReviewWeeks",
            "Weeks before packets are due",
            self.manager_review_weeks,
            1,
            52,
        );
        range(
            "skipLevelReviewWeeks",
            "Weeks before packets are due",
            self.skip_level_review_weeks,
            1,
            52,
        );
        range("seenSharePercent", "Share", self.seen_share_percent, 1, 100);
        range("workMixMonths", "Months", self.work_mix_months, 1, 36);
        range("workMixPercent", "Share", self.work_mix_percent, 1, 100);
        range("evidenceMonths", "Months", self.evidence_months, 1, 36);
        range("evidenceMinItems", "Items", self.evidence_min_items, 1, 100);
        range(
            "unquantifiedPercent",
            "Share",
            self.unquantified_percent,
            1,
            100,
        );
        c.finish()?;
        Ok(*self)
    }
}

/// The longest cause key an acknowledgement may name, in characters. Keys are built by the
/// radar from record ids (a visibility gap lists every unseen item's id), so this leaves room
/// for hundreds of ids.
pub const MAX_CAUSE_KEY: usize = crate::validate::MAX_TEXT;

/// Acknowledge a signal (seen, handled) or snooze it until a date, with a reason.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AckDraft {
    pub rule: SignalRule,
    pub cause_key: String,
    pub action: Option<AckAction>,
    pub reason: String,
    /// For a snooze, `YYYY-MM-DD`.
    pub until: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAck {
    pub rule: SignalRule,
    pub cause_key: String,
    pub action: AckAction,
    pub reason: String,
    pub until: Option<NaiveDate>,
}

impl AckDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidAck> {
        let mut c = Checks::new();
        let action = c.chosen("action", "acknowledge or snooze", self.action);
        let reason = c.text("reason", "Reason", &self.reason);
        if reason.is_empty() {
            c.fail("reason", "Say why: what was done, or why it can wait.");
        }
        let until = match action {
            Some(AckAction::Snoozed) => {
                let until = c.date("until", "Snooze until", &self.until, None);
                if until.is_some_and(|u| u <= today) {
                    c.fail("until", "Snooze until a date after today.");
                }
                until
            }
            _ => None,
        };
        // The cause key comes from the radar and is matched exactly: kept as sent, never trimmed.
        if self.cause_key.trim().is_empty() {
            c.fail("causeKey", "The signal's cause is missing.");
        } else if self.cause_key.chars().any(char::is_control) {
            c.fail(
                "causeKey",
                "The signal's cause contains control characters that cannot be stored.",
            );
        } else if self.cause_key.chars().count() > MAX_CAUSE_KEY {
            c.fail(
                "causeKey",
                format!("The signal's cause is too long: at most {MAX_CAUSE_KEY} characters."),
            );
        }
        c.finish()?;
        Ok(ValidAck {
            rule: self.rule,
            cause_key: self.cause_key.clone(),
            action: present(action)?,
            reason,
            until,
        })
    }
}

/// One report's radar on a date, with the candidacy it was judged against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportRadar {
    pub report_id: ReportId,
    pub report_name: String,
    pub as_of: NaiveDate,
    pub candidacy: Option<super::Candidate>,
    pub cycle: Option<super::Cycle>,
    pub signals: Vec<Signal>,
    /// The rules-of-thumb checklist (empty when not a candidate).
    pub checklist: Vec<super::ChecklistItem>,
    /// When, during the cycle, their work mix drifted to snacking, preening or chasing
    /// ghosts (kept after the radar's window has moved past it).
    pub drifted: Vec<Period>,
}

/// Days from `from` to `until` (`None`: still going on the as-of date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// One candidate's line on the cycle dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CandidateRadar {
    pub candidate: super::Candidate,
    /// Open (not acknowledged or snoozed) signals by severity.
    pub high: i32,
    pub medium: i32,
    pub low: i32,
    /// Signals covered by an acknowledgement or snooze.
    pub acknowledged: i32,
    pub signals: Vec<Signal>,
}

/// Every candidate of a cycle on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CycleDashboard {
    pub cycle: super::Cycle,
    pub as_of: NaiveDate,
    /// Negative once calibration has passed.
    pub days_to_calibration: i32,
    pub candidates: Vec<CandidateRadar>,
}

/// An acknowledgement or snooze as stored, for a signal's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SignalAck {
    pub id: crate::ids::AckId,
    pub rule: SignalRule,
    pub cause_key: String,
    pub action: AckAction,
    pub reason: String,
    pub until: Option<NaiveDate>,
    pub acked_on: NaiveDate,
}
