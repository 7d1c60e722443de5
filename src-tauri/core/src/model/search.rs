//! Full-text search results.

use serde::Serialize;
use specta::Type;

use super::RecordKind;
use crate::error::Result;
use crate::ids::ReportId;
use crate::validate::{Checks, MAX_LINE};

/// The longest search, in characters: a search is a few words, never a pasted document.
pub const MAX_QUERY: usize = MAX_LINE;

/// Checks what was typed in the search box. Any character may be typed (all but letters and
/// digits only separate words); only the length is bounded.
pub fn check_query(query: &str) -> Result<()> {
    let mut c = Checks::new();
    if query.chars().count() > MAX_QUERY {
        c.fail(
            "query",
            format!("Search is too long: at most {MAX_QUERY} characters."),
        );
    }
    c.finish()
}

/// A piece of a snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: RecordKind,
    pub record_id: String,
    /// For a visibility entry, its evidence; for a feedback entry, its mentorship.
    pub parent_id: Option<String>,
    /// The report the record belongs to; none for people outside the roster.
    pub report_id: Option<ReportId>,
    pub report_name: Option<String>,
    pub title: String,
    /// A private 1:1 note or an agenda item not shared with the report: the manager's eyes only.
    pub private: bool,
    pub snippet: Vec<SnippetPart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    /// Best match first.
    pub hits: Vec<SearchHit>,
    /// True when more records matched than were returned.
    pub truncated: bool,
}
