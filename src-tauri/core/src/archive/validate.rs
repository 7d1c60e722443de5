//! Checking an archive before anything is written: the envelope (format, schema version),
//! the tables (known, each once, all present), every row (known fields, each column present,
//! typed and shaped as the app writes it, `NOT NULL` respected), unique primary keys, and
//! every reference resolving to a record in the same file. Every problem found is reported,
//! each naming the record (`reports[3]`, with its id) and the field.
//!
//! Keys and references across rows are checked in [`super::references`]. What SQLite alone
//! knows (`CHECK` lists of allowed words, `UNIQUE` indexes) is left to the insert, which rolls
//! everything back and names the record the same way ([`super::import`]).

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate};
use serde_json::error::Category;

use super::export::Rows;
use super::json::Json;
use super::references;
use super::schema::{LiveTable, Schema};
use super::tables::Shape;
use super::value::{from_hex, quoted, Value};
use super::{FORMAT, MAX_BYTES};
use crate::error::{Error, FieldIssue, Result};

/// Past this many problems the check stops listing them.
const MAX_ISSUES: usize = 100;

/// One row while it is checked: a value per column, `None` where the file's was unusable.
pub(super) type Cells = Vec<Option<Value>>;

/// Parses and checks an archive against the live schema; its rows, in schema order, when
/// everything is right, else a validation error listing every problem.
pub(crate) fn parse(bytes: &[u8], schema: &Schema) -> Result<Vec<Rows>> {
    check_size(bytes.len())?;
    let doc: Json = serde_json::from_slice(bytes).map_err(not_json)?;
    if !matches!(doc, Json::Object(_)) {
        return Err(Error::invalid(
            "file",
            format!(
                "The file is not a Trellis archive: it holds {} instead of an object with \
                 format, schemaVersion and tables.",
                doc.describe()
            ),
        ));
    }
    check_format(doc.field("format"))?;
    let doc = match older_version(doc.field("schemaVersion"), schema.version) {
        Some(from) => super::upgrade::upgrade(doc, from, schema.version).ok_or_else(|| {
            Error::invalid(
                "schemaVersion",
                format!("The archive holds schema version {from}, which cannot be upgraded."),
            )
        })?,
        None => doc,
    };
    check_version(doc.field("schemaVersion"), schema.version)?;
    let Json::Object(top) = &doc else {
        return Err(Error::invalid("file", "The archive is not an object."));
    };

    let mut issues = Issues::default();
    let mut seen: Vec<&str> = Vec::new();
    for (key, _) in top {
        if !["format", "schemaVersion", "tables"].contains(&key.as_str()) {
            issues.push(
                &shown(key),
                format!("The archive has an unknown top-level field {}.", shown(key)),
            );
        } else if seen.contains(&key.as_str()) {
            issues.push(
                &shown(key),
                format!("The archive has the field {} twice.", shown(key)),
            );
        }
        seen.push(key);
    }
    let listed = tables_of(doc.field("tables"), schema, &mut issues)?;
    let cells: Vec<Vec<Cells>> = schema
        .tables
        .iter()
        .zip(&listed)
        .map(|(table, rows)| {
            rows.iter()
                .enumerate()
                .map(|(i, row)| check_row(table, i, row, &mut issues))
                .collect()
        })
        .collect();
    references::check_keys(schema, &cells, &mut issues);
    references::check_foreign_keys(schema, &cells, &mut issues);
    references::check_kinded_refs(schema, &cells, &mut issues);
    super::inputs::check(schema, &cells, &mut issues);
    issues.finish()?;
    cells
        .into_iter()
        .map(|rows| {
            rows.into_iter()
                .map(|row| row.into_iter().collect::<Option<Vec<Value>>>())
                .collect::<Option<Rows>>()
        })
        .collect::<Option<Vec<Rows>>>()
        .ok_or_else(|| Error::invalid("file", "The archive has a value that could not be read."))
}

/// Refuses a file larger than [`MAX_BYTES`] before reading it.
pub(crate) fn check_size(len: usize) -> Result<()> {
    if len <= MAX_BYTES {
        return Ok(());
    }
    Err(Error::invalid(
        "file",
        format!(
            "The file is {} MB; an archive may be at most {} MB.",
            len.div_ceil(1 << 20),
            MAX_BYTES >> 20
        ),
    ))
}

/// Problems found so far (at most [`MAX_ISSUES`], then a note that there were more).
#[derive(Default)]
pub(super) struct Issues {
    list: Vec<FieldIssue>,
    more: bool,
}

impl Issues {
    pub(super) fn push(&mut self, field: &str, message: String) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(FieldIssue {
                field: field.to_owned(),
                message,
            });
        } else {
            self.more = true;
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn finish(mut self) -> Result<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        if self.more {
            self.list.push(FieldIssue {
                field: "file".to_owned(),
                message: format!("The check stopped after {MAX_ISSUES} problems."),
            });
        }
        Err(Error::from_issues(self.list))
    }
}

fn not_json(e: serde_json::Error) -> Error {
    let message = match e.classify() {
        Category::Eof => {
            format!("The file is not a complete JSON document ({e}); it may have been cut short.")
        }
        Category::Syntax => format!("The file is not valid JSON ({e})."),
        Category::Io | Category::Data => format!("The file could not be read as JSON ({e})."),
    };
    Error::invalid("file", message)
}

fn check_format(format: Option<&Json>) -> Result<()> {
    let message = match format {
        Some(Json::String(f)) if f == FORMAT => return Ok(()),
        Some(Json::String(f)) if f.starts_with("trellis.archive/") => format!(
            "The file is a Trellis archive in format {}, which this version of Trellis cannot \
             read (it reads {FORMAT}); a newer Trellis may have written it.",
            quoted(f)
        ),
        Some(other) => format!(
            "The file is not a Trellis archive: its format is {}, not \"{FORMAT}\".",
            other.describe()
        ),
        None => format!("The file is not a Trellis archive: it has no format \"{FORMAT}\"."),
    };
    Err(Error::invalid("format", message))
}

/// The archive's schema version when it is an older one this Trellis upgrades.
fn older_version(version: Option<&Json>, app: i64) -> Option<i64> {
    match version {
        Some(Json::Number(n)) => n
            .as_i64()
            .filter(|v| (super::upgrade::OLDEST..app).contains(v)),
        _ => None,
    }
}

fn check_version(version: Option<&Json>, app: i64) -> Result<()> {
    let message = match version {
        Some(Json::Number(n)) => match n.as_i64() {
            Some(v) if v == app => return Ok(()),
            Some(v) if v > app => format!(
                "The archive holds schema version {v}, but this version of Trellis reads schema \
                 version {app} only: a newer Trellis wrote it, so update Trellis to import it."
            ),
            Some(v) => format!(
                "The archive holds schema version {v}, but this version of Trellis reads schema \
                 versions {} to {app} only: a much older Trellis wrote it.",
                super::upgrade::OLDEST
            ),
            None => format!(
                "The archive's schemaVersion is the number {n}; it must be a whole number \
                 (this version of Trellis reads schema version {app})."
            ),
        },
        Some(other) => format!(
            "The archive's schemaVersion is {}; it must be a whole number (this version of \
             Trellis reads schema version {app}).",
            other.describe()
        ),
        None => format!(
            "The archive has no schemaVersion; this version of Trellis reads schema version {app}."
        ),
    };
    Err(Error::invalid("schemaVersion", message))
}

/// The rows the file gives for each table of the schema (in schema order); problems with
/// the list of tables itself are recorded in `issues`.
fn tables_of<'a>(
    tables: Option<&'a Json>,
    schema: &Schema,
    issues: &mut Issues,
) -> Result<Vec<&'a [Json]>> {
    let entries = match tables {
        Some(Json::Array(entries)) => entries,
        Some(other) => {
            return Err(Error::invalid(
                "tables",
                format!(
                    "The archive's tables are {}, not a list of tables.",
                    other.describe()
                ),
            ))
        }
        None => return Err(Error::invalid("tables", "The archive has no tables field.")),
    };
    let mut found: Vec<Option<(usize, &'a [Json])>> = vec![None; schema.tables.len()];
    for (ti, entry) in entries.iter().enumerate() {
        let at = format!("tables[{ti}]");
        let Json::Object(fields) = entry else {
            issues.push(
                &at,
                format!(
                    "Entry {at} of the archive is {}, not a table with a name and rows.",
                    entry.describe()
                ),
            );
            continue;
        };
        for (key, _) in fields {
            if key != "name" && key != "rows" {
                issues.push(
                    &format!("{at}.{}", shown(key)),
                    format!("Table entry {at} has an unknown field {}.", shown(key)),
                );
            }
        }
        let name = match entry.field("name") {
            Some(Json::String(name)) => name,
            other => {
                issues.push(
                    &format!("{at}.name"),
                    format!(
                        "Table entry {at} has {} as its name; it must be the table's name.",
                        other.map_or("no value".to_owned(), Json::describe)
                    ),
                );
                continue;
            }
        };
        let Some((index, _)) = schema.table(name) else {
            issues.push(
                &format!("{at}.name"),
                format!(
                    "The archive has a table {}, which this version of Trellis does not know.",
                    quoted(name)
                ),
            );
            continue;
        };
        let rows = match entry.field("rows") {
            Some(Json::Array(rows)) => rows.as_slice(),
            other => {
                issues.push(
                    &format!("{at}.rows"),
                    format!(
                        "The rows of table {name} ({at}) are {}, not a list of records.",
                        other.map_or("missing".to_owned(), Json::describe)
                    ),
                );
                continue;
            }
        };
        match found.get_mut(index) {
            Some(Some((first, _))) => issues.push(
                &format!("{at}.name"),
                format!("The archive has the table {name} twice (tables[{first}] and {at})."),
            ),
            Some(slot) => *slot = Some((ti, rows)),
            None => {}
        }
    }
    Ok(schema
        .tables
        .iter()
        .zip(found)
        .map(|(table, found)| match found {
            Some((_, rows)) => rows,
            None => {
                issues.push(
                    "tables",
                    format!(
                        "The archive has no table {} (every table must be present, even when \
                         it has no records).",
                        table.name()
                    ),
                );
                &[]
            }
        })
        .collect())
}

/// A row's problem before its label is known: the field it is in and the end of a sentence.
struct Problem {
    column: String,
    says: String,
}

/// Checks one row; its values, `None` where unusable (each recorded in `issues`).
fn check_row(table: &LiveTable, index: usize, row: &Json, issues: &mut Issues) -> Cells {
    let columns = table.spec.columns;
    let Json::Object(fields) = row else {
        issues.push(
            &format!("{}[{index}]", table.name()),
            format!(
                "Record {}[{index}] is {}, not an object with one field per column.",
                table.name(),
                row.describe()
            ),
        );
        return vec![None; columns.len()];
    };
    let mut problems = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (key, _) in fields {
        if table.column_index(key).is_none() {
            problems.push(Problem {
                column: shown(key),
                says: format!("has an unknown field {}", shown(key)),
            });
        } else if !seen.insert(key) {
            problems.push(Problem {
                column: shown(key),
                says: format!("has the field {} twice", shown(key)),
            });
        }
    }
    let cells: Cells = columns
        .iter()
        .zip(&table.not_null)
        .map(|(column, &not_null)| {
            let expected = if not_null {
                column.shape.expected().to_owned()
            } else {
                format!("{} or null", column.shape.expected())
            };
            let Some(json) = row.field(column.name) else {
                problems.push(Problem {
                    column: column.name.to_owned(),
                    says: format!("lacks the field {}, which must be {expected}", column.name),
                });
                return None;
            };
            let value = typed(column.shape, json);
            match value {
                Some(Value::Null) if not_null => {
                    problems.push(Problem {
                        column: column.name.to_owned(),
                        says: format!(
                            "has no value (null) in {}, which must be {expected}",
                            column.name
                        ),
                    });
                    None
                }
                Some(value) => Some(value),
                None => {
                    problems.push(Problem {
                        column: column.name.to_owned(),
                        says: format!(
                            "has {} in {}, which must be {expected}",
                            json.describe(),
                            column.name
                        ),
                    });
                    None
                }
            }
        })
        .collect();
    if !problems.is_empty() {
        let label = label(table, index, &cells);
        for p in problems {
            issues.push(
                &format!("{}[{index}].{}", table.name(), p.column),
                format!("{label} {}.", p.says),
            );
        }
    }
    cells
}

/// The value of `json` in a column of `shape`; `None` when it does not fit. `null` always
/// fits here (whether the column allows it is checked by the caller).
fn typed(shape: Shape, json: &Json) -> Option<Value> {
    match (shape, json) {
        (_, Json::Null) => Some(Value::Null),
        (Shape::Integer, Json::Number(n)) => n.as_i64().map(Value::Integer),
        (Shape::Flag, Json::Number(n)) => n
            .as_i64()
            .filter(|i| *i == 0 || *i == 1)
            .map(Value::Integer),
        (Shape::Real, Json::Number(n)) => n.as_f64().map(Value::Real),
        (Shape::Blob, Json::String(s)) => from_hex(s).map(Value::Blob),
        (
            Shape::Id | Shape::Key | Shape::Text | Shape::Date | Shape::Timestamp | Shape::Json,
            Json::String(s),
        ) => fits(shape, s).then(|| Value::Text(s.clone())),
        _ => None,
    }
}

/// Whether text has the shape the app writes in a column of `shape`.
fn fits(shape: Shape, s: &str) -> bool {
    match shape {
        Shape::Id => uuid::Uuid::try_parse(s).is_ok_and(|u| u.hyphenated().to_string() == s),
        Shape::Key => !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control()),
        Shape::Date => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .is_ok_and(|d| d.format("%Y-%m-%d").to_string() == s),
        Shape::Timestamp => DateTime::parse_from_rfc3339(s).is_ok(),
        Shape::Json => serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok(),
        Shape::Text => true,
        Shape::Integer | Shape::Flag | Shape::Real | Shape::Blob => false,
    }
}

/// A name from the file as a message shows it: as it is when it is plain printable ASCII,
/// else quoted with every control, direction and invisible character escaped.
fn shown(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_graphic()) {
        name.to_owned()
    } else {
        quoted(name)
    }
}

/// "Record reports[3] (id …)": the table, the position and whatever identifies the record.
pub(crate) fn label(table: &LiveTable, index: usize, cells: &[Option<Value>]) -> String {
    let at = format!("Record {}[{index}]", table.name());
    let key_columns: Vec<usize> = match table.column_index("id") {
        Some(id) => vec![id],
        None => table.key.clone(),
    };
    let parts: Option<Vec<String>> = key_columns
        .iter()
        .map(|&i| {
            let name = table.spec.columns.get(i)?.name;
            match cells.get(i)? {
                Some(Value::Text(s)) => Some(format!("{name} {}", shown(s))),
                Some(Value::Null) | None => None,
                Some(other) => Some(format!("{name} {}", other.shown())),
            }
        })
        .collect();
    match parts {
        Some(parts) if !parts.is_empty() => format!("{at} ({})", parts.join(", ")),
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        assert!(check_size(MAX_BYTES).is_ok());
        let e = check_size(MAX_BYTES + 1).err();
        assert_eq!(
            e.as_ref().map(|e| e.field_issues().to_vec()),
            Some(vec![FieldIssue {
                field: "file".to_owned(),
                message: "The file is 513 MB; an archive may be at most 512 MB.".to_owned(),
            }])
        );
    }

    #[test]
    fn values_must_have_the_shape_the_app_writes() {
        let text = |s: &str| Json::String(s.to_owned());
        assert!(typed(Shape::Id, &text("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")).is_some());
        assert!(typed(Shape::Id, &text("0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B")).is_none());
        assert!(typed(Shape::Id, &text("0190a1b2c3d47e5f8a9b0c1d2e3f4a5b")).is_none());
        assert!(typed(Shape::Key, &text("builtin-q01")).is_some());
        assert!(typed(Shape::Key, &text("")).is_none());
        assert!(typed(Shape::Key, &text("two words")).is_none());
        assert!(typed(Shape::Date, &text("2026-02-28")).is_some());
        assert!(typed(Shape::Date, &text("2026-02-30")).is_none());
        assert!(typed(Shape::Date, &text("2026-2-28")).is_none());
        assert!(typed(Shape::Timestamp, &text("2026-11-24T12:00:00+00:00")).is_some());
        assert!(typed(Shape::Timestamp, &text("2024-01-01T00:00:00Z")).is_some());
        assert!(typed(Shape::Timestamp, &text("2026-11-24 12:00")).is_none());
        assert!(typed(Shape::Json, &text("{\"a\": [1]}")).is_some());
        assert!(typed(Shape::Json, &text("{")).is_none());
        assert!(typed(Shape::Text, &text("")).is_some());
        assert!(typed(Shape::Text, &Json::Number(1.into())).is_none());
        assert_eq!(
            typed(Shape::Integer, &Json::Number(7.into())),
            Some(Value::Integer(7))
        );
        let half = serde_json::Number::from_f64(0.5).map(Json::Number);
        assert!(half.is_some_and(|h| typed(Shape::Integer, &h).is_none()));
        assert!(typed(Shape::Flag, &Json::Number(2.into())).is_none());
        assert_eq!(typed(Shape::Flag, &Json::Null), Some(Value::Null));
        assert_eq!(
            typed(Shape::Blob, &text("00ff")),
            Some(Value::Blob(vec![0, 255]))
        );
    }
}
