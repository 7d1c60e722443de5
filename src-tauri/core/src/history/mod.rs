//! The record as it stood on any past date. Every write to a record is kept in
//! `record_history` (by triggers, in the write's own transaction, stamped with the store's
//! clock), so a replay can rebuild what the manager had entered by the end of a day: a record
//! counts from the day it was entered, and an edit or a deletion made later is not seen.
//!
//! - [`History`] holds the decoded versions of every record that was loaded;
//! - [`snapshot`] rebuilds one report's radar record from it as of a day;
//! - the store loads it (`store::history`) and writes the baseline for records that predate
//!   the history (`history::backfill`, run by the store after the upgrade).

mod problem;
pub mod rows;
pub mod snapshot;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

pub use problem::RecordProblem;
use problem::{label_of, without_position};
use rows::{
    AckRow, AdvocateRow, CandidateRow, CoOwnerRow, CommitteeRow, CycleRow, EvidenceRow,
    FeedbackRow, LadderChangeRow, LevelRow, LinkRow, ManagerChangeRow, MandateReviewRow,
    MandateRow, MeetingRow, MentorshipRow, PacketVersionRow, PersonRow, ReportRow, ReviewRow,
    RuleCheckRow, RuleRow, SettingRow, VisibilityRow,
};
pub use rows::{ClaimRow, ReportPersonRow};

/// One row of `record_history`, as stored.
#[derive(Debug, Clone)]
pub struct RawVersion {
    pub seq: i64,
    pub table_name: String,
    pub record_key: String,
    /// The report the record belongs to; `None` for shared records (people, the ladder…).
    pub report_id: Option<String>,
    pub written_on: NaiveDate,
    pub deleted: bool,
    pub row: String,
}

/// What a record was after one write.
#[derive(Debug, Clone)]
pub enum State<T> {
    Live(T),
    /// Deleted (or soft-deleted): not part of the record from this write on.
    Gone,
    Unreadable(RecordProblem),
}

#[derive(Debug, Clone)]
pub struct Version<T> {
    pub seq: i64,
    pub on: NaiveDate,
    pub state: State<T>,
}

/// A row type that knows whether it was soft-deleted.
pub trait Row: DeserializeOwned {
    fn gone(&self) -> bool {
        false
    }
}

macro_rules! soft_deleted {
    ($($t:ty),*) => {$(impl Row for $t { fn gone(&self) -> bool { self.deleted_at.is_some() } })*};
}
soft_deleted!(
    PersonRow,
    MandateRow,
    MandateReviewRow,
    EvidenceRow,
    VisibilityRow,
    AdvocateRow,
    MentorshipRow,
    FeedbackRow,
    ManagerChangeRow,
    CycleRow,
    CandidateRow,
    RuleRow,
    ReviewRow,
    MeetingRow
);
impl Row for LevelRow {}
impl Row for LadderChangeRow {}
impl Row for ReportRow {}
impl Row for CoOwnerRow {}
impl Row for LinkRow {}
impl Row for CommitteeRow {}
impl Row for PacketVersionRow {}
impl Row for RuleCheckRow {}
impl Row for AckRow {}
impl Row for SettingRow {}
impl Row for ClaimRow {
    fn gone(&self) -> bool {
        self.deleted_at.is_some()
    }
}
impl Row for ReportPersonRow {}

/// Every version of every record of one table, by record key (ordered, so that whatever is
/// built from it comes out in the same order every time).
#[derive(Debug, Clone)]
pub struct Table<T> {
    records: BTreeMap<String, Vec<Version<T>>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            records: BTreeMap::new(),
        }
    }
}

impl<T: Row> Table<T> {
    fn push(&mut self, table: &str, raw: &RawVersion) {
        let state = if raw.deleted {
            State::Gone
        } else {
            match decode::<T>(table, &raw.record_key, &raw.row) {
                Ok(row) if row.gone() => State::Gone,
                Ok(row) => State::Live(row),
                Err(problem) => State::Unreadable(problem),
            }
        };
        self.records
            .entry(raw.record_key.clone())
            .or_default()
            .push(Version {
                seq: raw.seq,
                on: raw.written_on,
                state,
            });
    }
}

impl<T> Table<T> {
    /// Each record's version as it stood at the end of `d`: the last one written on or before
    /// that day. Records not yet entered, or deleted by then, are left out.
    pub fn on(&self, d: NaiveDate) -> impl Iterator<Item = Result<&T, &RecordProblem>> {
        self.records.values().filter_map(move |versions| {
            let current = versions
                .iter()
                .filter(|v| v.on <= d)
                .max_by_key(|v| v.seq)?;
            match &current.state {
                State::Live(row) => Some(Ok(row)),
                State::Gone => None,
                State::Unreadable(p) => Some(Err(p)),
            }
        })
    }

    /// The readable records as of `d`, and the problems of the unreadable ones.
    pub fn split_on(&self, d: NaiveDate) -> (Vec<&T>, Vec<RecordProblem>) {
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for r in self.on(d) {
            match r {
                Ok(row) => rows.push(row),
                Err(p) => problems.push(p.clone()),
            }
        }
        (rows, problems)
    }

    fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.records.values().flatten().map(|v| v.on)
    }

    /// Every readable version of every record, whenever it was written.
    fn live(&self) -> impl Iterator<Item = &T> + '_ {
        self.records
            .values()
            .flatten()
            .filter_map(|v| match &v.state {
                State::Live(row) => Some(row),
                _ => None,
            })
    }
}

/// The decoded history of one report's own records, with the shared ones.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub reports: Table<ReportRow>,
    pub mandates: Table<MandateRow>,
    pub mandate_reviews: Table<MandateReviewRow>,
    pub evidence: Table<EvidenceRow>,
    pub co_owners: Table<CoOwnerRow>,
    pub links: Table<LinkRow>,
    pub visibility: Table<VisibilityRow>,
    pub advocates: Table<AdvocateRow>,
    pub mentorships: Table<MentorshipRow>,
    pub feedback: Table<FeedbackRow>,
    pub manager_changes: Table<ManagerChangeRow>,
    pub candidates: Table<CandidateRow>,
    pub packet_versions: Table<PacketVersionRow>,
    pub reviews: Table<ReviewRow>,
    pub rule_checks: Table<RuleCheckRow>,
    pub acks: Table<AckRow>,
    pub meetings: Table<MeetingRow>,
    /// The records every report shares, decoded once per load.
    pub shared: Arc<Shared>,
}

/// The records no one report owns (people, the ladder, cycles and their committees, the rules
/// of thumb, settings), and every report's claims of work, for duplicate claims of the lead.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    pub people: Table<PersonRow>,
    pub levels: Table<LevelRow>,
    pub ladder_changes: Table<LadderChangeRow>,
    pub cycles: Table<CycleRow>,
    pub committee: Table<CommitteeRow>,
    pub rules: Table<RuleRow>,
    pub settings: Table<SettingRow>,
    /// Every report's evidence (the fields a duplicate claim needs).
    pub claims: Table<ClaimRow>,
    /// Every report (which person it is).
    pub report_people: Table<ReportPersonRow>,
}

/// The tables a replay reads, as named in `record_history.table_name`.
pub const TABLES: &[&str] = &[
    "people",
    "ladder_levels",
    "ladder_changes",
    "reports",
    "mandates",
    "mandate_reviews",
    "evidence",
    "evidence_co_owners",
    "evidence_links",
    "visibility",
    "advocates",
    "mentorships",
    "mentorship_feedback",
    "manager_changes",
    "cycles",
    "cycle_committee",
    "candidates",
    "packet_versions",
    "rules_of_thumb",
    "packet_reviews",
    "rule_checks",
    "signal_acks",
    "settings",
    "meetings",
];

impl Shared {
    /// Every version of every cycle, whenever it was written.
    pub fn cycles_ever(&self) -> impl Iterator<Item = &CycleRow> + '_ {
        self.cycles.live()
    }

    /// Decodes the shared records' rows (`shared`), and every report's evidence and report
    /// rows (`everyone`); other rows are skipped.
    pub fn from_raw(shared: &[RawVersion], everyone: &[RawVersion]) -> Shared {
        let mut h = Shared::default();
        for raw in shared {
            let t = raw.table_name.as_str();
            match t {
                "people" => h.people.push(t, raw),
                "ladder_levels" => h.levels.push(t, raw),
                "ladder_changes" => h.ladder_changes.push(t, raw),
                "cycles" => h.cycles.push(t, raw),
                "cycle_committee" => h.committee.push(t, raw),
                "rules_of_thumb" => h.rules.push(t, raw),
                "settings" => h.settings.push(t, raw),
                _ => {}
            }
        }
        for raw in everyone {
            let t = raw.table_name.as_str();
            match t {
                "evidence" => h.claims.push(t, raw),
                "reports" => h.report_people.push(t, raw),
                _ => {}
            }
        }
        for v in h.claims.records.values_mut().flatten() {
            if let State::Live(c) = &mut v.state {
                c.key = crate::radar::title_key(&c.title);
            }
        }
        h
    }

    fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.people
            .days()
            .chain(self.levels.days())
            .chain(self.ladder_changes.days())
            .chain(self.cycles.days())
            .chain(self.committee.days())
            .chain(self.rules.days())
            .chain(self.settings.days())
            .chain(self.claims.days())
            .chain(self.report_people.days())
    }
}

impl History {
    /// Decodes one report's own rows (any order; rows of tables a replay does not read are
    /// skipped), with the shared records.
    pub fn from_raw(rows: &[RawVersion], shared: Arc<Shared>) -> History {
        let mut h = History {
            shared,
            ..History::default()
        };
        for raw in rows {
            let t = raw.table_name.as_str();
            match t {
                "reports" => h.reports.push(t, raw),
                "mandates" => h.mandates.push(t, raw),
                "mandate_reviews" => h.mandate_reviews.push(t, raw),
                "evidence" => h.evidence.push(t, raw),
                "evidence_co_owners" => h.co_owners.push(t, raw),
                "evidence_links" => h.links.push(t, raw),
                "visibility" => h.visibility.push(t, raw),
                "advocates" => h.advocates.push(t, raw),
                "mentorships" => h.mentorships.push(t, raw),
                "mentorship_feedback" => h.feedback.push(t, raw),
                "manager_changes" => h.manager_changes.push(t, raw),
                "candidates" => h.candidates.push(t, raw),
                "packet_versions" => h.packet_versions.push(t, raw),
                "packet_reviews" => h.reviews.push(t, raw),
                "rule_checks" => h.rule_checks.push(t, raw),
                "signal_acks" => h.acks.push(t, raw),
                "meetings" => h.meetings.push(t, raw),
                _ => {}
            }
        }
        h
    }

    /// The days on which a person or a ladder level was entered, changed or deleted, oldest
    /// first: between two of them, what a record's references resolve to stays the same.
    pub fn reference_days(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self
            .shared
            .people
            .days()
            .chain(self.shared.levels.days())
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    /// The days on which something in `tables` was entered, changed or deleted, oldest first:
    /// always the report, its candidacies, the cycles and the settings, which every rule reads;
    /// `claims` stands for other reports' work under a title this report's work has had, and
    /// `*` for everything a rule can read (co-owners, links, acknowledgements and names change
    /// no finding).
    pub fn days_of(&self, tables: &[&str]) -> Vec<NaiveDate> {
        let all = tables.contains(&"*");
        let wants = |t: &str| all || tables.contains(&t);
        let mut days: Vec<NaiveDate> = self
            .reports
            .days()
            .chain(self.candidates.days())
            .chain(self.shared.cycles.days())
            .chain(self.shared.settings.days())
            .collect();
        let own: [(&str, Box<dyn Iterator<Item = NaiveDate> + '_>); 13] = [
            ("mandates", Box::new(self.mandates.days())),
            ("evidence", Box::new(self.evidence.days())),
            ("visibility", Box::new(self.visibility.days())),
            ("advocates", Box::new(self.advocates.days())),
            ("mentorships", Box::new(self.mentorships.days())),
            ("mentorship_feedback", Box::new(self.feedback.days())),
            ("manager_changes", Box::new(self.manager_changes.days())),
            ("packet_versions", Box::new(self.packet_versions.days())),
            ("packet_reviews", Box::new(self.reviews.days())),
            ("rule_checks", Box::new(self.rule_checks.days())),
            ("meetings", Box::new(self.meetings.days())),
            ("people", Box::new(self.shared.people.days())),
            ("ladder_levels", Box::new(self.shared.levels.days())),
        ];
        for (t, d) in own {
            if wants(t) {
                days.extend(d);
            }
        }
        let shared: [(&str, Box<dyn Iterator<Item = NaiveDate> + '_>); 3] = [
            (
                "ladder_changes",
                Box::new(self.shared.ladder_changes.days()),
            ),
            ("cycle_committee", Box::new(self.shared.committee.days())),
            ("rules_of_thumb", Box::new(self.shared.rules.days())),
        ];
        for (t, d) in shared {
            if wants(t) {
                days.extend(d);
            }
        }
        if wants("claims") {
            let mine: std::collections::HashSet<String> = self
                .evidence
                .live()
                .map(|e| crate::radar::title_key(&e.title))
                .collect();
            days.extend(
                self.shared
                    .claims
                    .records
                    .values()
                    .filter(|versions| {
                        versions.iter().any(|v| match &v.state {
                            State::Live(c) => mine.contains(&c.key),
                            _ => false,
                        })
                    })
                    .flatten()
                    .map(|v| v.on),
            );
        }
        days.sort();
        days.dedup();
        days
    }

    /// The days on which anything a rule reads changed ([`History::days_of`] everything).
    pub fn judged_days(&self) -> Vec<NaiveDate> {
        self.days_of(&["*"])
    }

    /// Every day on which something in this history was entered, changed or deleted, oldest
    /// first: between two of them, what the manager had entered stayed the same.
    pub fn entry_days(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self
            .reports
            .days()
            .chain(self.mandates.days())
            .chain(self.mandate_reviews.days())
            .chain(self.evidence.days())
            .chain(self.co_owners.days())
            .chain(self.links.days())
            .chain(self.visibility.days())
            .chain(self.advocates.days())
            .chain(self.mentorships.days())
            .chain(self.feedback.days())
            .chain(self.manager_changes.days())
            .chain(self.candidates.days())
            .chain(self.packet_versions.days())
            .chain(self.reviews.days())
            .chain(self.rule_checks.days())
            .chain(self.acks.days())
            .chain(self.meetings.days())
            .chain(self.shared.days())
            .collect();
        days.sort();
        days.dedup();
        days
    }
}

/// One stored row, decoded; a wrong value is reported with its column.
fn decode<T: DeserializeOwned>(table: &str, key: &str, row: &str) -> Result<T, RecordProblem> {
    let mut de = serde_json::Deserializer::from_str(row);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        RecordProblem {
            table: table.to_owned(),
            key: key.to_owned(),
            field: (path != "." && !path.is_empty()).then_some(path),
            message: without_position(&e.into_inner().to_string()),
            label: label_of(row),
        }
    })
}
