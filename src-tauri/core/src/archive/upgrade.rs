//! Reading archives an older Trellis wrote: each step turns a file of one schema version into
//! the next, as the matching migration turns a database, before the file is checked against
//! the live schema. Only additions so far: new columns get the value the migration gives
//! existing rows, new tables arrive empty (an empty history gets its baseline on import).

use serde_json::Number;

use super::json::Json;

/// The oldest schema version an archive can be upgraded from.
pub const OLDEST: i64 = 4;

/// The archive as the next schema version would have written it, when `version` is one this
/// file knows how to upgrade; `None` otherwise (the check then explains).
fn step(doc: Json, version: i64) -> Option<Json> {
    match version {
        // Migration 0005: the record's history, and the radar's new facts.
        4 => Some(to_5(doc)),
        // Migrations 0006 (the search index), 0007 (the last visit to Today) and 0008 (the
        // reminders raised) changed only what archives do not carry.
        5..=7 => Some(doc),
        _ => None,
    }
}

/// Upgrades `doc` from `from` to `to`, one schema version at a time.
pub(crate) fn upgrade(mut doc: Json, from: i64, to: i64) -> Option<Json> {
    let mut version = from;
    while version < to {
        doc = step(doc, version)?;
        version += 1;
    }
    Some(set(doc, "schemaVersion", Json::Number(Number::from(to))))
}

fn to_5(doc: Json) -> Json {
    let int = |n: i64| Json::Number(Number::from(n));
    let doc = with_columns(doc, "reports", &[("one_on_one_every_days", int(14))]);
    let doc = with_columns(doc, "evidence", &[("flagship", int(0))]);
    let doc = with_columns(doc, "advocates", &[("supporting_since", Json::Null)]);
    let doc = with_columns(
        doc,
        "manager_changes",
        &[("ended_on", Json::Null), ("is_me", int(0))],
    );
    let doc = with_columns(doc, "cycle_committee", &[("joined_on", Json::Null)]);
    let doc = with_table(doc, "mandate_reviews", Some("mandates"));
    with_table(doc, "record_history", None)
}

/// `doc` with `value` as its field `name` (replaced, or added last).
fn set(doc: Json, name: &str, value: Json) -> Json {
    match doc {
        Json::Object(mut fields) => {
            match fields.iter_mut().find(|(k, _)| k == name) {
                Some((_, v)) => *v = value,
                None => fields.push((name.to_owned(), value)),
            }
            Json::Object(fields)
        }
        other => other,
    }
}

/// Applies `f` to the `tables` list of the document (anything else is left for the check).
fn map_tables(doc: Json, f: impl Fn(Vec<Json>) -> Vec<Json>) -> Json {
    match doc {
        Json::Object(fields) => Json::Object(
            fields
                .into_iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("tables", Json::Array(tables)) => (k, Json::Array(f(tables))),
                    (_, v) => (k, v),
                })
                .collect(),
        ),
        other => other,
    }
}

fn is_table(t: &Json, name: &str) -> bool {
    matches!(t.field("name"), Some(Json::String(n)) if n == name)
}

/// Adds the `columns` (with their values) to every row of `table` that lacks them.
fn with_columns(doc: Json, table: &str, columns: &[(&str, Json)]) -> Json {
    map_tables(doc, |tables| {
        tables
            .into_iter()
            .map(|t| {
                if !is_table(&t, table) {
                    return t;
                }
                let Json::Object(fields) = t else { return t };
                Json::Object(
                    fields
                        .into_iter()
                        .map(|(k, v)| match (k.as_str(), v) {
                            ("rows", Json::Array(rows)) => (
                                k,
                                Json::Array(
                                    rows.into_iter()
                                        .map(|row| add_missing(row, columns))
                                        .collect(),
                                ),
                            ),
                            (_, v) => (k, v),
                        })
                        .collect(),
                )
            })
            .collect()
    })
}

fn add_missing(row: Json, columns: &[(&str, Json)]) -> Json {
    match row {
        Json::Object(mut fields) => {
            for (name, value) in columns {
                if !fields.iter().any(|(k, _)| k == name) {
                    fields.push(((*name).to_owned(), value.clone()));
                }
            }
            Json::Object(fields)
        }
        other => other,
    }
}

/// Adds an empty `table` after `after` (or last), unless the file already has it.
fn with_table(doc: Json, table: &str, after: Option<&str>) -> Json {
    map_tables(doc, |mut tables| {
        if tables.iter().any(|t| is_table(t, table)) {
            return tables;
        }
        let empty = Json::Object(vec![
            ("name".to_owned(), Json::String(table.to_owned())),
            ("rows".to_owned(), Json::Array(Vec::new())),
        ]);
        let at = after
            .and_then(|a| tables.iter().position(|t| is_table(t, a)))
            .map_or(tables.len(), |i| i + 1);
        tables.insert(at, empty);
        tables
    })
}
