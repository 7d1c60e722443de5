//! The people directory: everyone the record refers to, typed in once.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::Result;
use crate::ids::{PersonId, ReportId};
use crate::validate::Checks;

/// How a person relates to the manager's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Relationship {
    /// One of the manager's reports (set for every person with a report record).
    Report,
    /// In the manager's organisation but not a report (engineers on the teams, mentees…).
    MyOrg,
    /// A peer manager or someone in a peer organisation.
    Peer,
    /// The manager's own manager: the skip-level of the reports.
    SkipLevel,
    /// Senior leadership: directors, VPs, sponsors.
    Leadership,
    /// Product, design, data, sales… partners outside engineering.
    CrossFunctional,
    Other,
}

/// A person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    pub relationship: Relationship,
    pub notes: String,
    /// Set when this person is one of the reports.
    pub report_id: Option<ReportId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A person as other records show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonRef {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    pub relationship: Relationship,
}

impl PersonRef {
    /// "Priya Raman (Staff Engineer)", or the name alone when no title is recorded.
    pub fn with_title(&self) -> String {
        if self.title.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.title)
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonDraft {
    pub name: String,
    pub title: String,
    pub relationship: Option<Relationship>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPerson {
    pub name: String,
    pub title: String,
    pub relationship: Relationship,
    pub notes: String,
}

impl PersonDraft {
    /// `is_report` tells whether the person has a report record: their relationship is then
    /// always `report`, and nobody else may claim it.
    pub fn validate(&self, is_report: bool) -> Result<ValidPerson> {
        let mut c = Checks::new();
        let name = c.line("name", "Name", &self.name, true);
        let title = c.line("title", "Role or title", &self.title, false);
        let relationship = c.chosen("relationship", "relationship", self.relationship);
        match relationship {
            Some(Relationship::Report) if !is_report => c.fail(
                "relationship",
                "Only people added on the roster are reports; add them there instead.",
            ),
            Some(r) if is_report && r != Relationship::Report => c.fail(
                "relationship",
                "This person is one of your reports, so their relationship is always \"report\".",
            ),
            _ => {}
        }
        let notes = c.text("notes", "Notes", &self.notes);
        c.finish()?;
        Ok(ValidPerson {
            name,
            title,
            relationship: relationship.unwrap_or(Relationship::Other),
            notes,
        })
    }
}
