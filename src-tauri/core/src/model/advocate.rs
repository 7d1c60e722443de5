//! Advocates: leaders who will speak for a report's work, with what they saw.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::PersonRef;
use crate::error::Result;
use crate::ids::{AdvocateId, PersonId, ReportId};
use crate::validate::{present, Checks};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum SupportStrength {
    Strong,
    Moderate,
    Weak,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Advocate {
    pub id: AdvocateId,
    pub report_id: ReportId,
    pub person: PersonRef,
    pub what_seen: String,
    pub strength: SupportStrength,
    /// When the manager last confirmed the support.
    pub last_checked: Option<NaiveDate>,
    /// Since when they have supported the report (unknown when empty).
    pub supporting_since: Option<NaiveDate>,
    pub notes: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AdvocateDraft {
    pub person_id: Option<PersonId>,
    pub what_seen: String,
    pub strength: Option<SupportStrength>,
    /// `YYYY-MM-DD`, or empty if never checked.
    pub last_checked: String,
    /// `YYYY-MM-DD`, or empty when not known.
    #[serde(default)]
    pub supporting_since: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAdvocate {
    pub person_id: PersonId,
    pub what_seen: String,
    pub strength: SupportStrength,
    pub last_checked: Option<NaiveDate>,
    pub supporting_since: Option<NaiveDate>,
    pub notes: String,
}

impl AdvocateDraft {
    /// `own_person`: the report, who cannot advocate for themself.
    pub fn validate(
        &self,
        people: &HashSet<PersonId>,
        own_person: &PersonId,
        today: NaiveDate,
    ) -> Result<ValidAdvocate> {
        let mut c = Checks::new();
        let person_id = c.chosen("personId", "the advocate", self.person_id.clone());
        match &person_id {
            Some(id) if id == own_person => {
                c.fail("personId", "A report cannot be their own advocate.")
            }
            Some(id) if !people.contains(id) => {
                c.fail("personId", "That person is not in the people directory.")
            }
            _ => {}
        }
        let what_seen = c.text("whatSeen", "What they have seen", &self.what_seen);
        let strength = c.chosen("strength", "strength of support", self.strength);
        let last_checked = c.maybe_date(
            "lastChecked",
            "Last checked",
            &self.last_checked,
            Some(today),
        );
        let supporting_since = c.maybe_date(
            "supportingSince",
            "Supporting since",
            &self.supporting_since,
            Some(today),
        );
        let notes = c.text("notes", "Notes", &self.notes);
        c.finish()?;
        Ok(ValidAdvocate {
            person_id: present(person_id)?,
            what_seen,
            strength: present(strength)?,
            last_checked,
            supporting_since,
            notes,
        })
    }
}
