//! The rows of record_history, decoded: one struct per table the record is rebuilt from, with
//! exactly the table's columns (as the history triggers write them, `json_object` of the row).
//! Decoding names the column that is wrong, so one bad record is reported, not fatal.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer};

use crate::ids::{
    AckId, CandidateId, CycleId, EvidenceId, FeedbackId, LadderChangeId, LevelId, ManagerChangeId,
    MandateId, MeetingId, MentorshipId, PacketVersionId, PersonId, ReportId, ReviewId, RuleId,
    VisibilityId,
};
use crate::model::{
    Archetype, Assessment, Channel, EvidenceKind, EvidenceRole, FeedbackSource, LadderChangeKind,
    MandateStatus, ManualStatus, Readiness, Relationship, ReviewerRole, RuleSource, Sentiment,
    SupportStrength, TeamStrength, WorkMix,
};

/// A `0`/`1` column.
fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match i64::deserialize(d)? {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(serde::de::Error::custom(format!(
            "{other} is not a flag (0 or 1)"
        ))),
    }
}

/// A column holding a JSON document as text, read into its type when the history is read
/// (once, not on every day a replay rebuilds the record).
fn json_text<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
    d: D,
) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    serde_json::from_str(&text).map_err(|e| serde::de::Error::custom(format!("not readable: {e}")))
}

/// [`json_text`] for a column that may be `null`.
fn json_text_opt<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("not readable: {e}"))),
    }
}

type Stamp = DateTime<Utc>;

#[derive(Debug, Clone, Deserialize)]
pub struct PersonRow {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    pub relationship: Relationship,
    pub created_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LevelRow {
    pub id: LevelId,
    pub name: String,
    pub rank: i32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LadderChangeRow {
    pub id: LadderChangeId,
    pub level_id: LevelId,
    pub change: LadderChangeKind,
    pub detail: String,
    pub changed_at: Stamp,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReportRow {
    pub id: ReportId,
    pub person_id: PersonId,
    pub current_level_id: LevelId,
    pub target_level_id: LevelId,
    pub team: String,
    pub in_role_since: NaiveDate,
    pub archetype_worked: Archetype,
    pub archetype_needed: Archetype,
    pub team_strength: TeamStrength,
    pub notes: String,
    pub archived_at: Option<Stamp>,
    pub one_on_one_every_days: i32,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MandateRow {
    pub id: MandateId,
    pub report_id: ReportId,
    pub statement: String,
    pub priority: String,
    pub room: Assessment,
    pub attention: Assessment,
    pub sponsor_id: Option<PersonId>,
    pub set_on: NaiveDate,
    pub review_by: Option<NaiveDate>,
    pub status: MandateStatus,
    pub status_reason: String,
    pub ended_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MandateReviewRow {
    pub id: crate::ids::MandateReviewId,
    pub mandate_id: MandateId,
    pub reviewed_on: NaiveDate,
    pub outcome: crate::model::ReviewOutcome,
    pub note: String,
    pub next_review_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EvidenceRow {
    pub id: EvidenceId,
    pub report_id: ReportId,
    pub title: String,
    pub description: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub kind: EvidenceKind,
    pub role: EvidenceRole,
    pub impact: String,
    pub in_production_since: Option<NaiveDate>,
    pub archetype: Option<Archetype>,
    pub work_mix: WorkMix,
    #[serde(deserialize_with = "flag")]
    pub flagship: bool,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CoOwnerRow {
    pub evidence_id: EvidenceId,
    pub person_id: PersonId,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LinkRow {
    pub evidence_id: EvidenceId,
    pub position: i32,
    pub url: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VisibilityRow {
    pub id: VisibilityId,
    pub evidence_id: EvidenceId,
    pub person_id: PersonId,
    pub channel: Channel,
    pub detail: String,
    pub seen_on: NaiveDate,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AdvocateRow {
    pub id: crate::ids::AdvocateId,
    pub report_id: ReportId,
    pub person_id: PersonId,
    pub what_seen: String,
    pub strength: SupportStrength,
    pub last_checked: Option<NaiveDate>,
    pub supporting_since: Option<NaiveDate>,
    pub notes: String,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MentorshipRow {
    pub id: MentorshipId,
    pub report_id: ReportId,
    pub mentee_id: PersonId,
    pub goals: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FeedbackRow {
    pub id: FeedbackId,
    pub mentorship_id: MentorshipId,
    pub received_on: NaiveDate,
    pub source: FeedbackSource,
    pub sentiment: Sentiment,
    pub words: String,
    #[serde(deserialize_with = "flag")]
    pub quotable: bool,
    pub addressed_on: Option<NaiveDate>,
    pub addressed_action: String,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ManagerChangeRow {
    pub id: ManagerChangeId,
    pub report_id: ReportId,
    pub changed_on: NaiveDate,
    pub manager: String,
    pub note: String,
    pub ended_on: Option<NaiveDate>,
    #[serde(deserialize_with = "flag")]
    pub is_me: bool,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CycleRow {
    pub id: CycleId,
    pub name: String,
    pub opens_on: NaiveDate,
    pub packet_due: NaiveDate,
    pub calibration_date: NaiveDate,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CommitteeRow {
    pub cycle_id: CycleId,
    pub person_id: PersonId,
    pub joined_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CandidateRow {
    pub id: CandidateId,
    pub cycle_id: CycleId,
    pub report_id: ReportId,
    pub target_level_id: LevelId,
    pub added_on: NaiveDate,
    pub readiness: Readiness,
    pub readiness_reason: String,
    pub expected_cycle: String,
    pub actions: String,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PacketVersionRow {
    pub id: PacketVersionId,
    pub candidate_id: CandidateId,
    pub number: i32,
    pub saved_on: NaiveDate,
    pub note: String,
    #[serde(deserialize_with = "json_text")]
    pub sections: crate::model::PacketSections,
    pub created_at: Stamp,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RuleRow {
    pub id: RuleId,
    pub wording: String,
    pub said_by_id: Option<PersonId>,
    pub said_on: NaiveDate,
    pub source: RuleSource,
    pub source_detail: String,
    #[serde(deserialize_with = "flag")]
    pub confirmed: bool,
    #[serde(deserialize_with = "json_text")]
    pub levels: Vec<LevelId>,
    #[serde(deserialize_with = "json_text")]
    pub archetypes: Vec<Archetype>,
    #[serde(deserialize_with = "flag")]
    pub retired: bool,
    #[serde(default, deserialize_with = "json_text_opt")]
    pub check_spec: Option<crate::model::Check>,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReviewRow {
    pub id: ReviewId,
    pub candidate_id: CandidateId,
    pub reviewer_id: PersonId,
    pub reviewer_role: ReviewerRole,
    pub version_number: Option<i32>,
    pub requested_on: NaiveDate,
    pub received_on: Option<NaiveDate>,
    pub comments: String,
    pub revealed_rule_id: Option<RuleId>,
    pub version: i32,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub deleted_at: Option<Stamp>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RuleCheckRow {
    pub candidate_id: CandidateId,
    pub rule_id: RuleId,
    pub status: ManualStatus,
    pub note: String,
    pub checked_on: NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AckRow {
    pub id: AckId,
    pub report_id: ReportId,
    pub rule_id: String,
    pub cause_key: String,
    pub action: crate::model::AckAction,
    pub reason: String,
    pub until: Option<NaiveDate>,
    pub acked_on: NaiveDate,
    pub created_at: Stamp,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SettingRow {
    pub key: String,
    /// JSON text.
    pub value: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MeetingRow {
    pub id: MeetingId,
    pub report_id: ReportId,
    pub held_on: NaiveDate,
    pub deleted_at: Option<Stamp>,
}

/// What a duplicate claim of the lead needs of any report's evidence.
#[derive(Debug, Clone, Deserialize)]
pub struct ClaimRow {
    pub id: EvidenceId,
    pub report_id: ReportId,
    pub title: String,
    /// The title as compared (`radar::title_key`), filled in once when the history is read.
    #[serde(skip)]
    pub key: String,
    pub role: EvidenceRole,
    pub started_on: NaiveDate,
    pub deleted_at: Option<Stamp>,
}

/// Which person a report is (to name another report).
#[derive(Debug, Clone, Deserialize)]
pub struct ReportPersonRow {
    pub id: ReportId,
    pub person_id: PersonId,
}
