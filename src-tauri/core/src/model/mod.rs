//! The domain model: the words of DOMAIN.md as types, with their validation rules.
//! Nothing here touches the database.

pub mod archetype;
pub mod ladder;
pub mod report;

pub use archetype::{Archetype, TeamStrength};
pub use ladder::{LadderChange, LadderChangeKind, LadderLevel, LevelDraft, LevelRef};
pub use report::{Report, ReportDraft, RosterFilter, ValidReport};
