//! A stored record that cannot be read: what it is, in words, for the one report it belongs to.

use serde::Serialize;
use specta::Type;

/// A stored record that cannot be read as its table says it should be: the radar reports it
/// for the one report it belongs to instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordProblem {
    pub table: String,
    /// The record's id (or its key columns joined by `|`).
    pub key: String,
    /// The column that cannot be read, when known.
    pub field: Option<String>,
    pub message: String,
    /// What the record is called (its title, name or wording), when that much can be read.
    pub label: Option<String>,
}

impl RecordProblem {
    /// In words, without ids: "the evidence item “Ledger migration” (its started on: input is
    /// out of range)".
    pub fn describe(&self) -> String {
        let what = match &self.label {
            Some(l) if !l.trim().is_empty() => {
                format!("the {} \u{201c}{}\u{201d}", noun(&self.table), l.trim())
            }
            _ => format!("a stored {}", noun(&self.table)),
        };
        match &self.field {
            Some(f) => format!("{what} (its {}: {})", f.replace('_', " "), self.message),
            None => format!("{what} ({})", self.message),
        }
    }
}

/// A table's record, in words.
fn noun(table: &str) -> String {
    match table {
        "people" => "person".into(),
        "ladder_levels" => "ladder level".into(),
        "ladder_changes" => "ladder change".into(),
        "reports" => "report".into(),
        "mandates" => "mandate".into(),
        "mandate_reviews" => "mandate review".into(),
        "evidence" => "evidence item".into(),
        "evidence_co_owners" => "co-owner of evidence".into(),
        "evidence_links" => "link of evidence".into(),
        "visibility" => "visibility entry".into(),
        "advocates" => "advocate".into(),
        "mentorships" => "mentorship".into(),
        "mentorship_feedback" => "mentee feedback".into(),
        "manager_changes" => "manager change".into(),
        "cycles" => "cycle".into(),
        "cycle_committee" => "committee member".into(),
        "candidates" => "candidacy".into(),
        "packet_versions" => "packet version".into(),
        "rules_of_thumb" => "rule of thumb".into(),
        "packet_reviews" => "packet review".into(),
        "rule_checks" => "rule-of-thumb check".into(),
        "signal_acks" => "acknowledgement".into(),
        "settings" => "setting".into(),
        "meetings" => "1:1".into(),
        other => other.replace('_', " "),
    }
}

/// serde_json's message without its " at line 1 column 260" (the row is ours, not the user's).
pub(super) fn without_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// What a stored row is called, read leniently (it may be the row that cannot be decoded).
pub(super) fn label_of(row: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(row).ok()?;
    [
        "title",
        "wording",
        "statement",
        "name",
        "words",
        "held_on",
        "key",
    ]
    .iter()
    .find_map(|k| {
        v.get(k)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    })
}
