//! Calibration notes as a document: already chosen, ordered and labelled, so that every
//! format (Markdown, HTML, PDF) renders the same content the same way. Built from the record
//! by [`super::build`]; rendered by [`super::markdown`], [`super::html`] and [`super::pdf`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Which document an export is. The committee brief is the case for each candidate, to hand
/// to the room: no radar risks, no private notes, nothing from excluded feedback. The
/// manager's brief is everything, for the manager: risks and what was done about each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Brief {
    #[default]
    Committee,
    Manager,
}

impl Brief {
    pub const ALL: [Brief; 2] = [Self::Committee, Self::Manager];

    /// "Committee brief", "Manager's brief": the document's name in its title and first line.
    pub fn label(self) -> &'static str {
        match self {
            Self::Committee => "Committee brief",
            Self::Manager => "Manager's brief",
        }
    }
}

/// One export: a report, or every candidate of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CalibrationNotes {
    pub brief: Brief,
    /// The first line of every format: which document this is, and what private content is
    /// and is not included.
    pub privacy_line: String,
    /// "Committee brief: Spring calibration" or "Manager's brief: Ana Sokolova".
    pub title: String,
    /// Lines under the title: the cycle's dates, committee, when this was generated.
    pub context: Vec<String>,
    pub generated_on: NaiveDate,
    /// Whether private 1:1 notes / non-quotable feedback were explicitly included.
    pub includes_private_notes: bool,
    pub includes_non_quotable: bool,
    /// A cycle's page at a glance, one row per candidate (empty for one report's notes).
    pub summary: Vec<SummaryRow>,
    /// In the order the manager will walk through them (by name).
    pub reports: Vec<ReportNotes>,
}

/// One candidate on the summary page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SummaryRow {
    pub name: String,
    /// "Senior Engineer → Staff Engineer".
    pub levels: String,
    /// "Ready", "Not ready", "Undecided"… ("" when no call is recorded).
    pub readiness: String,
    /// The flagship's title ("" when none is marked).
    pub flagship: String,
    /// Advocates' names, strongest first.
    pub advocates: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportNotes {
    pub name: String,
    /// "Senior Engineer → Staff Engineer".
    pub levels: String,
    pub team: String,
    /// "Tech lead".
    pub archetype_worked: String,
    /// The archetype the role needs and whether the report's fits it: only in the manager's
    /// brief (a mismatch is a risk).
    pub archetype_fit: Option<ArchetypeFit>,
    pub mandate: Option<MandateNotes>,
    /// "Ready", "Not ready — …", "Not interested", "Undecided" (empty without a candidacy).
    pub readiness: String,
    /// The reason, expected cycle and actions for "not ready" (may be empty).
    pub readiness_detail: Vec<String>,
    /// The strongest evidence first.
    pub evidence: Vec<EvidenceNotes>,
    /// How many evidence items were considered (to say "6 strongest of 42").
    pub evidence_considered: i32,
    pub mentorship: MentorshipNotes,
    pub advocates: Vec<AdvocateNotes>,
    /// The manager's own sections; none in the committee brief.
    pub manager_only: Option<ManagerOnly>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ArchetypeFit {
    /// "Architect".
    pub needed: String,
    /// False when worked ≠ needed, or either is unclear.
    pub fits: bool,
}

/// What only the manager's brief holds: the packet's progress, reviews, rules of thumb, the
/// radar's signals and what was done about each, and (when asked for) private 1:1 notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ManagerOnly {
    /// "3 versions, last saved 10 Jan 2027", or "No packet draft yet".
    pub packet: String,
    pub reviews: Vec<ReviewNotes>,
    pub checklist: Vec<ChecklistNotes>,
    pub signals: Vec<SignalNotes>,
    /// What the radar saw earlier in the cycle and no longer does ("Work mix drifted …").
    pub earlier: Vec<String>,
    /// Only when the manager included private notes; otherwise always empty.
    pub private_notes: Vec<PrivateNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MandateNotes {
    pub statement: String,
    /// The company priority it serves ("" when none is named).
    pub priority: String,
    pub sponsor: String,
    pub set_on: NaiveDate,
    /// "review by 1 Feb 2027" or "no review date set"; only in the manager's brief (an overdue
    /// review is a risk).
    pub review: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceNotes {
    pub title: String,
    /// The project the packet leads with.
    pub flagship: bool,
    /// "Project", "Org improvement"…
    pub kind: String,
    /// "Led", "Co-led", "Contributed", "Advised".
    pub role: String,
    /// "2026-03-01 – 2026-09-30" or "since 2026-03-01".
    pub period: String,
    /// Names (with titles when known): "Priya Raman (Staff Engineer)".
    pub co_owners: Vec<String>,
    /// Quantified impact in the manager's words ("" when not quantified).
    pub impact: String,
    /// The work-mix tag ("High leverage", "Snacking"…), "" when untagged. The committee brief
    /// shows only "High leverage" (a drifting tag is the manager's concern).
    pub work_mix: String,
    pub in_production_since: Option<NaiveDate>,
    /// Who saw it, oldest first.
    pub seen_by: Vec<SeenNotes>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SeenNotes {
    pub name: String,
    /// Sits on the cycle's committee (or is a skip-level when there is no committee).
    pub committee: bool,
    /// "Demo", "Doc", "Incident review"…
    pub channel: String,
    pub seen_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MentorshipNotes {
    pub mentees: i32,
    /// Counts of every feedback entry by sentiment: only in the manager's brief (counts of
    /// left-out feedback reveal no words, but the committee brief holds nothing from it).
    pub feedback: Option<FeedbackCounts>,
    /// Quotable entries (and non-quotable ones only when explicitly included), newest first.
    pub quotes: Vec<QuoteNotes>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackCounts {
    pub positive: i32,
    pub mixed: i32,
    pub negative: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuoteNotes {
    pub received_on: NaiveDate,
    /// Whom the words are from, as recorded: the mentee ("Ravi Menon"), the mentee's manager
    /// ("Ravi Menon's manager") or a survey.
    pub from: String,
    /// "Positive", "Mixed", "Negative".
    pub sentiment: String,
    pub words: String,
    /// False only when non-quotable feedback was explicitly included; renderers mark it.
    pub quotable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AdvocateNotes {
    pub name: String,
    /// "Strong", "Moderate", "Weak", "Unknown": the manager's estimate, only in the manager's
    /// brief (which lists advocates strongest first; the committee brief, by name).
    pub strength: Option<String>,
    pub what_seen: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewNotes {
    pub reviewer: String,
    /// "Staff-level peer", "Manager", "Skip-level", "Other staff-plus engineer".
    pub role: String,
    pub requested_on: NaiveDate,
    pub received_on: Option<NaiveDate>,
    /// "Received 2027-01-20" / "Awaited since 2027-01-05".
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistNotes {
    pub wording: String,
    /// "Met", "Unmet", "Unknown".
    pub status: String,
    pub detail: String,
    /// Hearsay rules are marked as such.
    pub confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SignalNotes {
    /// "High", "Medium", "Low".
    pub severity: String,
    pub rule_id: String,
    pub message: String,
    /// First fired; none when saying it would date something the document leaves out.
    pub since: Option<NaiveDate>,
    /// What was done about it: "Acknowledged 2027-01-02: talked to Morgan", "Snoozed until …",
    /// or "Open — suggested: …".
    pub handling: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PrivateNote {
    pub on: NaiveDate,
    pub body: String,
}
