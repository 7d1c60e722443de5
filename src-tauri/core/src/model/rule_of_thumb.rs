//! The rules-of-thumb register: the organisation's unwritten criteria, who said them, and
//! (where possible) a machine check the radar runs for every candidate they apply to.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::ladder::MAX_LEVELS;
use super::{Archetype, EvidenceKind, PersonRef};
use crate::error::Result;
use crate::ids::{LevelId, PersonId, RuleId};
use crate::validate::{present, Checks};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum RuleSource {
    ReviewComment,
    PastCalibration,
    Conversation,
    Other,
}

/// A machine check, with its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum Check {
    /// The candidate's top evidence (led or co-led, with quantified impact) has run in
    /// production for at least `months` by calibration.
    TopEvidenceInProduction { months: i32 },
    /// The candidate led some evidence of one of these kinds ("has a staff project"; a led
    /// cross-functional programme counts too when the manager adds that kind).
    LedEvidenceOfKind { kinds: Vec<EvidenceKind> },
    /// Mentees' feedback in the `months` before calibration is positive (some positive, no
    /// negative).
    PositiveMentorshipFeedback { months: i32 },
    /// At least `count` advocates with strong or moderate support.
    MinAdvocates { count: i32 },
    /// The candidate's top evidence has been seen by at least `count` committee members.
    SeenByCommittee { count: i32 },
}

/// How many kinds of evidence there are (the most a check can accept).
const EVIDENCE_KINDS: usize = 9;

/// How a check is stored and sent: as it is now, or as schema 4 wrote a "led evidence of a
/// kind" check (one `kind`), which reads as a set of one.
#[derive(Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
enum CheckWire {
    TopEvidenceInProduction {
        months: i32,
    },
    LedEvidenceOfKind {
        #[serde(default)]
        kinds: Vec<EvidenceKind>,
        #[serde(default)]
        kind: Option<EvidenceKind>,
    },
    PositiveMentorshipFeedback {
        months: i32,
    },
    MinAdvocates {
        count: i32,
    },
    SeenByCommittee {
        count: i32,
    },
}

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        CheckWire::deserialize(d).map(Check::from)
    }
}

impl From<CheckWire> for Check {
    fn from(w: CheckWire) -> Self {
        match w {
            CheckWire::TopEvidenceInProduction { months } => {
                Self::TopEvidenceInProduction { months }
            }
            CheckWire::LedEvidenceOfKind { mut kinds, kind } => {
                kinds.extend(kind);
                let mut seen = Vec::new();
                kinds.retain(|k| {
                    let new = !seen.contains(k);
                    seen.push(*k);
                    new
                });
                Self::LedEvidenceOfKind { kinds }
            }
            CheckWire::PositiveMentorshipFeedback { months } => {
                Self::PositiveMentorshipFeedback { months }
            }
            CheckWire::MinAdvocates { count } => Self::MinAdvocates { count },
            CheckWire::SeenByCommittee { count } => Self::SeenByCommittee { count },
        }
    }
}

impl Check {
    /// The check in words, for checklists and exports.
    pub fn describe(&self) -> String {
        match self {
            Self::TopEvidenceInProduction { months } => {
                format!("Top evidence in production ≥ {months} months before calibration")
            }
            Self::LedEvidenceOfKind { kinds } => format!(
                "Has led {}",
                kinds
                    .iter()
                    .map(|k| crate::export::labels::kind(*k).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            Self::PositiveMentorshipFeedback { months } => {
                format!("Mentees' feedback positive in the last {months} months")
            }
            Self::MinAdvocates { count } => format!("At least {count} advocates"),
            Self::SeenByCommittee { count } => {
                format!("Top evidence seen by ≥ {count} committee members")
            }
        }
    }

    fn validate(&self, c: &mut Checks) {
        let (value, label, min, max) = match self {
            Self::TopEvidenceInProduction { months } => (*months, "Months", 1, 120),
            Self::PositiveMentorshipFeedback { months } => (*months, "Months", 1, 60),
            Self::MinAdvocates { count } => (*count, "Advocates", 1, 20),
            Self::SeenByCommittee { count } => (*count, "Committee members", 1, 50),
            Self::LedEvidenceOfKind { kinds } => {
                if kinds.is_empty() {
                    c.fail("check", "Choose at least one kind of evidence.");
                } else if kinds.len() > EVIDENCE_KINDS {
                    c.fail("check", "Each kind of evidence at most once.");
                }
                return;
            }
        };
        if value < min || value > max {
            c.fail("check", format!("{label} must be between {min} and {max}."));
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleOfThumb {
    pub id: RuleId,
    pub wording: String,
    pub said_by: Option<PersonRef>,
    pub said_on: NaiveDate,
    pub source: RuleSource,
    pub source_detail: String,
    /// Confirmed, or hearsay.
    pub confirmed: bool,
    /// Levels it applies to; empty means every level.
    pub levels: Vec<LevelId>,
    /// Archetypes it applies to; empty means every archetype.
    pub archetypes: Vec<Archetype>,
    pub retired: bool,
    pub check: Option<Check>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl RuleOfThumb {
    /// Whether the rule applies to a candidate for `level` working as `archetype`.
    pub fn applies_to(&self, level: &LevelId, archetype: Archetype) -> bool {
        !self.retired
            && (self.levels.is_empty() || self.levels.contains(level))
            && (self.archetypes.is_empty() || self.archetypes.contains(&archetype))
    }
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleDraft {
    pub wording: String,
    pub said_by_id: Option<PersonId>,
    pub said_on: String,
    pub source: Option<RuleSource>,
    pub source_detail: String,
    pub confirmed: bool,
    pub levels: Vec<LevelId>,
    pub archetypes: Vec<Archetype>,
    pub retired: bool,
    pub check: Option<Check>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRule {
    pub wording: String,
    pub said_by_id: Option<PersonId>,
    pub said_on: NaiveDate,
    pub source: RuleSource,
    pub source_detail: String,
    pub confirmed: bool,
    pub levels: Vec<LevelId>,
    pub archetypes: Vec<Archetype>,
    pub retired: bool,
    pub check: Option<Check>,
}

impl RuleDraft {
    pub fn validate(
        &self,
        people: &HashSet<PersonId>,
        ladder: &[LevelId],
        today: NaiveDate,
    ) -> Result<ValidRule> {
        let mut c = Checks::new();
        let wording = c.line("wording", "Wording", &self.wording, true);
        if let Some(id) = &self.said_by_id {
            if !people.contains(id) {
                c.fail("saidById", "Who said it is not in the people directory.");
            }
        }
        let said_on = c.date("saidOn", "Said on", &self.said_on, Some(today));
        let source = c.chosen("source", "where it was said", self.source);
        let source_detail = c.line("sourceDetail", "Where exactly", &self.source_detail, false);
        let distinct: std::collections::BTreeSet<&LevelId> = self.levels.iter().collect();
        c.count("levels", "Levels", distinct.len(), MAX_LEVELS);
        let mut levels = Vec::new();
        for l in &self.levels {
            if !ladder.contains(l) {
                c.fail("levels", "A level is not on the ladder.");
            } else if !levels.contains(l) {
                levels.push(l.clone());
            }
        }
        let mut archetypes = Vec::new();
        for a in &self.archetypes {
            if !archetypes.contains(a) {
                archetypes.push(*a);
            }
        }
        if let Some(check) = &self.check {
            check.validate(&mut c);
        }
        c.finish()?;
        Ok(ValidRule {
            wording,
            said_by_id: self.said_by_id.clone(),
            said_on: present(said_on)?,
            source: present(source)?,
            source_detail,
            confirmed: self.confirmed,
            levels,
            archetypes,
            retired: self.retired,
            check: self.check.clone(),
        })
    }
}

/// Where a candidate stands on one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Met,
    Unmet,
    Unknown,
}

/// A manager's own call on a rule without a machine check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ManualStatus {
    Met,
    Unmet,
}

/// One line of a candidate's rules-of-thumb checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub rule_id: RuleId,
    pub wording: String,
    pub confirmed: bool,
    pub check: Option<Check>,
    pub status: CheckStatus,
    /// Why: what the check found, or the manager's note.
    pub detail: String,
    /// The record that met or failed the check, when one did.
    pub record: Option<super::Cause>,
}
