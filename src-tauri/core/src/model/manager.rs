//! A report's manager history: who managed them, since when.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::Result;
use crate::ids::{ManagerChangeId, ReportId};
use crate::validate::{present, Checks};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ManagerChange {
    pub id: ManagerChangeId,
    pub report_id: ReportId,
    pub changed_on: NaiveDate,
    /// The new manager, in words.
    pub manager: String,
    pub note: String,
    /// When this manager's tenure ended, if it has (else it runs until the next change).
    pub ended_on: Option<NaiveDate>,
    /// Whether this manager is the user of Trellis.
    pub is_me: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ManagerChangeDraft {
    pub changed_on: String,
    pub manager: String,
    pub note: String,
    /// `YYYY-MM-DD`, or empty while the tenure lasts.
    #[serde(default)]
    pub ended_on: String,
    /// The new manager is the user.
    #[serde(default)]
    pub is_me: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidManagerChange {
    pub changed_on: NaiveDate,
    pub manager: String,
    pub note: String,
    pub ended_on: Option<NaiveDate>,
    pub is_me: bool,
}

impl ManagerChangeDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidManagerChange> {
        let mut c = Checks::new();
        let changed_on = c.date("changedOn", "Changed on", &self.changed_on, Some(today));
        let manager = c.line("manager", "New manager", &self.manager, true);
        let note = c.text("note", "Note", &self.note);
        let ended_on = c.maybe_date("endedOn", "Tenure ended on", &self.ended_on, Some(today));
        c.order(
            "endedOn",
            "The tenure cannot end before it began.",
            changed_on,
            ended_on,
        );
        c.finish()?;
        Ok(ValidManagerChange {
            changed_on: present(changed_on)?,
            manager,
            note,
            ended_on,
            is_me: self.is_me,
        })
    }
}
