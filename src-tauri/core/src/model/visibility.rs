//! Visibility: who has actually seen a piece of evidence, how, and when. A visibility gap is
//! valuable work that the people who will decide have not seen.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{EvidenceKind, EvidenceRole, PersonRef};
use crate::error::Result;
use crate::ids::{EvidenceId, PersonId, VisibilityId};
use crate::validate::{present, Checks};

/// The most visibility entries one evidence item may have (edit an entry rather than add
/// the hundred-and-first).
pub const MAX_VISIBILITY: usize = 100;

/// How someone saw the work. (VisibilityChannel in TypeScript, where `Channel` is taken.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case", rename = "VisibilityChannel")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Channel {
    Demo,
    Doc,
    IncidentReview,
    /// A 1:1 between the skip-level and the report (or the manager).
    SkipOneOnOne,
    Presentation,
    Review,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisibilityEntry {
    pub id: VisibilityId,
    pub evidence_id: EvidenceId,
    pub person: PersonRef,
    pub channel: Channel,
    pub detail: String,
    pub seen_on: NaiveDate,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisibilityDraft {
    pub person_id: Option<PersonId>,
    pub channel: Option<Channel>,
    pub detail: String,
    /// `YYYY-MM-DD`.
    pub seen_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidVisibility {
    pub person_id: PersonId,
    pub channel: Channel,
    pub detail: String,
    pub seen_on: NaiveDate,
}

impl VisibilityDraft {
    pub fn validate(
        &self,
        people: &HashSet<PersonId>,
        today: NaiveDate,
    ) -> Result<ValidVisibility> {
        let mut c = Checks::new();
        let person_id = c.chosen("personId", "who saw it", self.person_id.clone());
        if let Some(id) = &person_id {
            if !people.contains(id) {
                c.fail("personId", "That person is not in the people directory.");
            }
        }
        let channel = c.chosen("channel", "how they saw it", self.channel);
        let detail = c.line("detail", "Detail", &self.detail, false);
        let seen_on = c.date("seenOn", "Seen on", &self.seen_on, Some(today));
        c.finish()?;
        Ok(ValidVisibility {
            person_id: present(person_id)?,
            channel: present(channel)?,
            detail,
            seen_on: present(seen_on)?,
        })
    }
}

/// A piece of evidence that an audience has not seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UnseenEvidence {
    pub id: EvidenceId,
    pub title: String,
    pub kind: EvidenceKind,
    pub role: EvidenceRole,
    pub started_on: NaiveDate,
    /// Whether the evidence states its impact.
    pub has_impact: bool,
}

/// Which of a report's evidence the people who will decide have not seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisibilityGaps {
    /// Everyone recorded as skip-level.
    pub skip_levels: Vec<PersonRef>,
    /// Evidence none of the skip-levels has seen (all of it when no skip-level is recorded).
    pub unseen_by_skip_level: Vec<UnseenEvidence>,
    /// The committee of the report's next cycle; `None` until the report is a candidate.
    pub committee: Option<Vec<PersonRef>>,
    /// Evidence no committee member has seen (empty while there is no committee).
    pub unseen_by_committee: Vec<UnseenEvidence>,
    /// How many live evidence items the report has.
    pub evidence_count: i32,
}
