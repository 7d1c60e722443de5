//! Resolving what a record refers to (people, ladder levels) as of a day, and reading the JSON
//! a record holds; a record that cannot be read becomes a problem, not a failure.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::super::{History, RecordProblem};
use crate::ids::{LevelId, PersonId};
use crate::model::{LevelRef, PersonRef};

/// The people and ladder levels as of the day, to resolve references.
pub(super) struct Refs {
    pub(super) people: HashMap<PersonId, PersonRef>,
    pub(super) levels: HashMap<LevelId, LevelRef>,
}

impl Refs {
    pub(super) fn on(h: &History, d: NaiveDate, problems: &mut Vec<RecordProblem>) -> Refs {
        let (people, p1) = h.shared.people.split_on(d);
        let (levels, p2) = h.shared.levels.split_on(d);
        problems.extend(p1);
        problems.extend(p2);
        Refs {
            people: people
                .into_iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        PersonRef {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            title: p.title.clone(),
                            relationship: p.relationship,
                        },
                    )
                })
                .collect(),
            levels: levels
                .into_iter()
                .map(|l| {
                    (
                        l.id.clone(),
                        LevelRef {
                            id: l.id.clone(),
                            name: l.name.clone(),
                            rank: l.rank,
                        },
                    )
                })
                .collect(),
        }
    }

    pub(super) fn person(
        &self,
        table: &str,
        key: &str,
        field: &str,
        id: &PersonId,
    ) -> Result<PersonRef, RecordProblem> {
        self.people
            .get(id)
            .cloned()
            .ok_or_else(|| missing(table, key, field, "person", id.as_str()))
    }

    pub(super) fn level(
        &self,
        table: &str,
        key: &str,
        field: &str,
        id: &LevelId,
    ) -> Result<LevelRef, RecordProblem> {
        self.levels
            .get(id)
            .cloned()
            .ok_or_else(|| missing(table, key, field, "ladder level", id.as_str()))
    }
}

pub(super) fn missing(table: &str, key: &str, field: &str, what: &str, _id: &str) -> RecordProblem {
    RecordProblem {
        table: table.to_owned(),
        key: key.to_owned(),
        field: Some(field.to_owned()),
        message: format!("it names a {what} that is not in the record"),
        label: None,
    }
}

pub(super) fn json<T: serde::de::DeserializeOwned>(
    table: &str,
    key: &str,
    field: &str,
    text: &str,
) -> Result<T, RecordProblem> {
    serde_json::from_str(text).map_err(|e| RecordProblem {
        table: table.to_owned(),
        key: key.to_owned(),
        field: Some(field.to_owned()),
        message: format!("not readable: {e}"),
        label: None,
    })
}

/// Collects readable records and the problems of the others.
pub(super) fn keep<T>(
    out: &mut Vec<T>,
    problems: &mut Vec<RecordProblem>,
    r: Result<T, RecordProblem>,
) {
    match r {
        Ok(v) => out.push(v),
        Err(p) => problems.push(p),
    }
}
