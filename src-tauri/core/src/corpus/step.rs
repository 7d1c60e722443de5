//! The vocabulary of a history: every kind of step a fixture can take, by names (people,
//! reports, evidence titles, cycles, rule wordings), never ids. Fields left `None` keep their
//! current value (edits) or take the default (new records: dates default to the entry day);
//! the larger groups of fields are in `fields.rs`.

use chrono::NaiveDate;

use super::error::Place;
pub use super::fields::{
    Ending, EvidenceFields, MandateFields, MandateOutcome, ReportFields, RuleCheck, RuleFields,
};
use crate::model::{
    Channel, FeedbackSource, ManualStatus, Readiness, Relationship, ReviewerRole, Sentiment,
    SupportStrength,
};

/// One step as written: where, the day it is entered into Trellis, the line's text, and what
/// it does.
#[derive(Debug, Clone)]
pub struct Step {
    pub place: Place,
    pub entered: NaiveDate,
    pub text: String,
    pub action: Action,
}

#[derive(Debug, Clone)]
pub enum Action {
    Person {
        name: String,
        relationship: Option<Relationship>,
        title: Option<String>,
        notes: Option<String>,
    },
    Report {
        name: String,
        update: bool,
        fields: ReportFields,
    },
    Evidence {
        title: String,
        report: Option<String>,
        update: bool,
        fields: EvidenceFields,
    },
    DeleteEvidence {
        title: String,
        report: Option<String>,
    },
    Flagship {
        title: String,
        report: Option<String>,
    },
    Seen {
        person: String,
        title: String,
        report: Option<String>,
        on: Option<NaiveDate>,
        channel: Option<Channel>,
        detail: Option<String>,
    },
    Advocate {
        person: String,
        report: String,
        update: bool,
        strength: Option<SupportStrength>,
        what_seen: Option<String>,
        last_checked: Option<NaiveDate>,
        notes: Option<String>,
        supporting_since: Option<NaiveDate>,
    },
    Mandate {
        report: String,
        update: bool,
        fields: MandateFields,
        ending: Option<Ending>,
    },
    CloseMandate {
        report: String,
        ending: Ending,
    },
    ReviewMandate {
        report: String,
        outcome: MandateOutcome,
        next_review: Option<NaiveDate>,
    },
    Mentorship {
        report: String,
        mentee: String,
        goals: Option<String>,
        started: Option<NaiveDate>,
        ended: Option<NaiveDate>,
    },
    Feedback {
        mentee: String,
        report: String,
        received: Option<NaiveDate>,
        sentiment: Sentiment,
        source: Option<FeedbackSource>,
        quotable: bool,
        words: String,
    },
    AddressFeedback {
        mentee: String,
        report: String,
        received: Option<NaiveDate>,
        on: Option<NaiveDate>,
        action: String,
    },
    ManagerChange {
        report: String,
        on: Option<NaiveDate>,
        manager: String,
        note: Option<String>,
    },
    ManagerTenure {
        report: String,
        manager: String,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        me: bool,
    },
    Cadence {
        report: String,
        days: i32,
    },
    Cycle {
        name: String,
        update: bool,
        opens: Option<NaiveDate>,
        packet_due: Option<NaiveDate>,
        calibration: Option<NaiveDate>,
        committee: Option<Vec<String>>,
    },
    JoinCommittee {
        person: String,
        cycle: String,
        on: Option<NaiveDate>,
    },
    Candidate {
        report: String,
        cycle: String,
        added_on: Option<NaiveDate>,
        target: Option<String>,
    },
    Readiness {
        report: String,
        cycle: String,
        readiness: Readiness,
        reason: Option<String>,
        expected_cycle: Option<String>,
        actions: Option<String>,
    },
    PacketDraft {
        report: String,
        cycle: String,
        note: Option<String>,
        projects: Vec<String>,
        gaps: Vec<(String, String)>,
    },
    ReviewRequest {
        report: String,
        cycle: String,
        reviewer: String,
        role: ReviewerRole,
        requested: Option<NaiveDate>,
    },
    ReviewReceived {
        report: String,
        cycle: String,
        reviewer: String,
        role: Option<ReviewerRole>,
        on: Option<NaiveDate>,
        comments: Option<String>,
        reveals: Option<String>,
    },
    Rule {
        wording: String,
        update: bool,
        fields: RuleFields,
    },
    RuleCheckedByHand {
        wording: String,
        report: String,
        cycle: String,
        status: Option<ManualStatus>,
        note: Option<String>,
    },
    AddLevel {
        name: String,
        position: i32,
    },
    RenameLevel {
        old: String,
        new: String,
    },
    MoveLevel {
        name: String,
        position: i32,
    },
    RemoveLevel {
        name: String,
    },
    OneOnOne {
        report: String,
        on: Option<NaiveDate>,
    },
}
