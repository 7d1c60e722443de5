//! The company ladder: an ordered list of levels the company can edit (insert a level between
//! two others, rename, move, remove an unused one). Every change is kept in history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::Result;
use crate::ids::{LadderChangeId, LevelId};
use crate::validate::Checks;

/// One level of the ladder. `rank` 1 is the lowest level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LadderLevel {
    pub id: LevelId,
    pub name: String,
    pub rank: i32,
    /// How many reports (active or archived) are at or aim for this level.
    pub report_count: i32,
}

/// A level as other records show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LevelRef {
    pub id: LevelId,
    pub name: String,
    pub rank: i32,
}

/// Input for a new level: its name and the rank it takes (the levels at and above move up).
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LevelDraft {
    pub name: String,
    pub rank: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum LadderChangeKind {
    Added,
    Renamed,
    Moved,
    Removed,
}

/// One entry of the ladder's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LadderChange {
    pub id: LadderChangeId,
    pub level_id: LevelId,
    pub change: LadderChangeKind,
    /// What happened, in words ("Added Senior II at position 2").
    pub detail: String,
    pub changed_at: DateTime<Utc>,
}

/// The most levels the ladder may have (a real ladder, management track included, has far
/// fewer).
pub const MAX_LEVELS: usize = 30;

/// Validates a level's name (returned trimmed) and, if given, the position it takes in a
/// ladder whose positions run from 1 to `max`. Reports both problems at once.
pub fn check_level(name: Option<&str>, rank: Option<(i32, usize)>) -> Result<String> {
    let mut checks = Checks::new();
    let name = name
        .map(|n| checks.line("name", "Level name", n, true))
        .unwrap_or_default();
    if let Some((rank, max)) = rank {
        let max_rank = i32::try_from(max).unwrap_or(i32::MAX);
        if rank < 1 || rank > max_rank {
            checks.fail(
                "rank",
                format!("Position must be between 1 and {max_rank}."),
            );
        }
    }
    checks.finish()?;
    Ok(name)
}
