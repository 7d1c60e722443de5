//! Staff-plus archetypes (Will Larson, *Staff Engineer*) and team strength.

use serde::{Deserialize, Serialize};
use specta::Type;

/// The shape of a staff-plus role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Archetype {
    /// Partners with one team (or a few) to guide its approach and execution.
    TechLead,
    /// Owns direction and quality of a technical area across teams.
    Architect,
    /// Pivots to whatever leadership is most worried about right now.
    Solver,
    /// Extends a senior leader's reach, doing leadership work without reports.
    RightHand,
    /// Not yet clear; itself a risk worth discussing.
    Unclear,
}

impl Archetype {
    pub const ALL: [Archetype; 5] = [
        Self::TechLead,
        Self::Architect,
        Self::Solver,
        Self::RightHand,
        Self::Unclear,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::TechLead => "Tech Lead",
            Self::Architect => "Architect",
            Self::Solver => "Solver",
            Self::RightHand => "Right Hand",
            Self::Unclear => "Unclear",
        }
    }

    /// The archetype inside a sentence: "works as a tech lead", "as an architect".
    pub fn with_article(self) -> &'static str {
        match self {
            Self::TechLead => "a tech lead",
            Self::Architect => "an architect",
            Self::Solver => "a solver",
            Self::RightHand => "a right hand",
            Self::Unclear => "an unclear archetype",
        }
    }
}

/// Whether work belongs to the team (strong) or to individuals (weak).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum TeamStrength {
    Strong,
    Weak,
}
