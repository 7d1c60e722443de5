//! A report: a person the manager supports, with level, target, team, time in role,
//! archetype worked and needed, team strength and free notes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Archetype, LevelRef, TeamStrength};
use crate::error::Result;
use crate::ids::{LevelId, PersonId, ReportId};
use crate::validate::{present, Checks};

/// A stored report as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub id: ReportId,
    pub person_id: PersonId,
    pub name: String,
    pub current_level: LevelRef,
    pub target_level: LevelRef,
    pub team: String,
    pub in_role_since: NaiveDate,
    pub archetype_worked: Archetype,
    pub archetype_needed: Archetype,
    pub team_strength: TeamStrength,
    pub notes: String,
    /// Set while the report is archived (left the team, changed manager…).
    pub archived_at: Option<DateTime<Utc>>,
    /// How often the manager means to hold a 1:1 with them, in days.
    pub one_on_one_every_days: i32,
    /// Bumped by every edit; an edit based on an older version is refused as a conflict.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the form sends: raw text and optional choices, checked by [`ReportDraft::validate`].
#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportDraft {
    pub name: String,
    pub current_level_id: Option<LevelId>,
    pub target_level_id: Option<LevelId>,
    pub team: String,
    /// `YYYY-MM-DD`.
    pub in_role_since: String,
    pub archetype_worked: Option<Archetype>,
    pub archetype_needed: Option<Archetype>,
    pub team_strength: Option<TeamStrength>,
    pub notes: String,
    /// Days between 1:1s (1 to 92); none means every two weeks.
    pub one_on_one_every_days: Option<i32>,
}

/// The 1:1 cadence a report has unless the manager sets another: every two weeks.
pub const DEFAULT_ONE_ON_ONE_DAYS: i32 = 14;
/// The longest 1:1 cadence: about a quarter.
pub const MAX_ONE_ON_ONE_DAYS: i32 = 92;

/// A draft that passed validation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReport {
    pub name: String,
    pub current_level: LevelRef,
    pub target_level: LevelRef,
    pub team: String,
    pub in_role_since: NaiveDate,
    pub archetype_worked: Archetype,
    pub archetype_needed: Archetype,
    pub team_strength: TeamStrength,
    pub notes: String,
    pub one_on_one_every_days: i32,
}

/// Which part of the roster to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RosterFilter {
    Active,
    Archived,
}

impl ReportDraft {
    /// Checks every field against the rules and the current `ladder`; `today` bounds dates.
    /// Reports every problem at once.
    pub fn validate(&self, ladder: &[LevelRef], today: NaiveDate) -> Result<ValidReport> {
        let mut c = Checks::new();
        let name = c.line("name", "Name", &self.name, true);
        let current = level(
            &mut c,
            ladder,
            "currentLevelId",
            "Current level",
            &self.current_level_id,
        );
        let target = level(
            &mut c,
            ladder,
            "targetLevelId",
            "Target level",
            &self.target_level_id,
        );
        if let (Some(current), Some(target)) = (&current, &target) {
            if target.rank < current.rank {
                c.fail(
                    "targetLevelId",
                    format!(
                        "Target level cannot be below the current level ({}).",
                        current.name
                    ),
                );
            }
        }
        let team = c.line("team", "Team", &self.team, true);
        let in_role_since = c.date(
            "inRoleSince",
            "In role since",
            &self.in_role_since,
            Some(today),
        );
        let worked = c.chosen("archetypeWorked", "archetype worked", self.archetype_worked);
        let needed = c.chosen("archetypeNeeded", "archetype needed", self.archetype_needed);
        let strength = c.chosen("teamStrength", "team strength", self.team_strength);
        let notes = c.text("notes", "Notes", &self.notes);
        let every = c.whole(
            "oneOnOneEveryDays",
            "Days between 1:1s",
            self.one_on_one_every_days
                .unwrap_or(DEFAULT_ONE_ON_ONE_DAYS),
            1,
            MAX_ONE_ON_ONE_DAYS,
        );
        c.finish()?;
        Ok(ValidReport {
            name,
            current_level: present(current)?,
            target_level: present(target)?,
            team,
            in_role_since: present(in_role_since)?,
            archetype_worked: present(worked)?,
            archetype_needed: present(needed)?,
            team_strength: present(strength)?,
            notes,
            one_on_one_every_days: every,
        })
    }
}

fn level(
    c: &mut Checks,
    ladder: &[LevelRef],
    field: &str,
    label: &str,
    id: &Option<LevelId>,
) -> Option<LevelRef> {
    let id = c.chosen(field, &label.to_lowercase(), id.as_ref())?;
    let found = ladder.iter().find(|l| &l.id == id).cloned();
    if found.is_none() {
        c.fail(
            field,
            format!("{label} is not a level of the ladder; it may have been removed."),
        );
    }
    found
}
