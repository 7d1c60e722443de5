//! Checks across rows, after each row was checked on its own: primary keys are unique in each
//! table, and every reference resolves to a record in the same file (the foreign keys the
//! schema declares, and the kind-dependent links of [`super::tables::KINDED_REFS`]).

use std::collections::{HashMap, HashSet};

use super::schema::{LiveTable, Schema};
use super::tables::KINDED_REFS;
use super::validate::{label, Cells, Issues};
use super::value::{quoted, Value};

/// The text that tells keys apart, when every part is there and not null.
fn key_of(cells: &[Option<Value>], columns: &[usize]) -> Option<String> {
    let parts = columns
        .iter()
        .map(|&i| cells.get(i)?.as_ref().filter(|v| !v.is_null()))
        .collect::<Option<Vec<&Value>>>()?;
    Some(key_text(parts))
}

/// The text that tells keys made of these values apart.
fn key_text<'a>(parts: impl IntoIterator<Item = &'a Value>) -> String {
    let mut key = String::new();
    for v in parts {
        key.push_str(&v.key_part());
        key.push('\u{0}');
    }
    key
}

fn column_names(table: &LiveTable, columns: &[usize]) -> String {
    columns
        .iter()
        .filter_map(|&i| table.spec.columns.get(i).map(|c| c.name))
        .collect::<Vec<_>>()
        .join(" and ")
}

pub(super) fn check_keys(schema: &Schema, cells: &[Vec<Cells>], issues: &mut Issues) {
    for (table, rows) in schema.tables.iter().zip(cells) {
        if table.key.is_empty() {
            continue;
        }
        let names = column_names(table, &table.key);
        let first_column = table
            .key
            .first()
            .and_then(|&i| table.spec.columns.get(i))
            .map_or("", |c| c.name);
        let mut first_at: HashMap<String, usize> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let Some(key) = key_of(row, &table.key) else {
                continue;
            };
            if let Some(&j) = first_at.get(&key) {
                let rule = if table.key.len() == 1 {
                    format!("{names} must be unique")
                } else {
                    "together they must be unique".to_owned()
                };
                issues.push(
                    &format!("{}[{i}].{first_column}", table.name()),
                    format!(
                        "{} has the same {names} as {}[{j}]; {rule}.",
                        label(table, i, row),
                        table.name()
                    ),
                );
            } else {
                first_at.insert(key, i);
            }
        }
    }
}

/// The keys present in `columns` of a table's rows.
fn keys_in(rows: &[Cells], columns: &[usize]) -> HashSet<String> {
    rows.iter().filter_map(|row| key_of(row, columns)).collect()
}

pub(super) fn check_foreign_keys(schema: &Schema, cells: &[Vec<Cells>], issues: &mut Issues) {
    let mut targets: HashMap<(usize, Vec<usize>), HashSet<String>> = HashMap::new();
    for (table, rows) in schema.tables.iter().zip(cells) {
        for fk in &table.foreign_keys {
            let Some(target) = schema.tables.get(fk.target) else {
                continue;
            };
            let present = targets
                .entry((fk.target, fk.target_columns.clone()))
                .or_insert_with(|| {
                    cells
                        .get(fk.target)
                        .map_or_else(HashSet::new, |r| keys_in(r, &fk.target_columns))
                });
            for (i, row) in rows.iter().enumerate() {
                let Some(key) = key_of(row, &fk.columns) else {
                    continue;
                };
                if present.contains(&key) {
                    continue;
                }
                let value = fk
                    .columns
                    .iter()
                    .filter_map(|&c| row.get(c).cloned().flatten())
                    .map(|v| v.shown())
                    .collect::<Vec<_>>()
                    .join(", ");
                let from = column_names(table, &fk.columns);
                let first = fk
                    .columns
                    .first()
                    .and_then(|&c| table.spec.columns.get(c))
                    .map_or("", |c| c.name);
                issues.push(
                    &format!("{}[{i}].{first}", table.name()),
                    format!(
                        "{} refers in {from} to {} {} {value}, which is not in the file.",
                        label(table, i, row),
                        target.name(),
                        column_names(target, &fk.target_columns)
                    ),
                );
            }
        }
    }
}

pub(super) fn check_kinded_refs(schema: &Schema, cells: &[Vec<Cells>], issues: &mut Issues) {
    // The ids of each target table, read once.
    let mut ids: HashMap<&str, HashSet<String>> = HashMap::new();
    for r in KINDED_REFS {
        let Some((ti, table)) = schema.table(r.table) else {
            continue;
        };
        let (Some(kind_col), Some(id_col)) = (
            table.column_index(r.kind_column),
            table.column_index(r.id_column),
        ) else {
            continue;
        };
        let Some(rows) = cells.get(ti) else {
            continue;
        };
        for (i, row) in rows.iter().enumerate() {
            let (Some(Some(Value::Text(kind))), Some(Some(Value::Text(id)))) =
                (row.get(kind_col), row.get(id_col))
            else {
                continue;
            };
            let Some(&(_, target_name)) = r.targets.iter().find(|(k, _)| k == kind) else {
                let kinds: Vec<&str> = r.targets.iter().map(|(k, _)| *k).collect();
                issues.push(
                    &format!("{}[{i}].{}", table.name(), r.kind_column),
                    format!(
                        "{} has {} in {}, which must be one of {}.",
                        label(table, i, row),
                        quoted(kind),
                        r.kind_column,
                        kinds.join(", ")
                    ),
                );
                continue;
            };
            let present = ids.entry(target_name).or_insert_with(|| {
                schema
                    .table(target_name)
                    .and_then(|(target, t)| Some((cells.get(target)?, t.column_index("id")?)))
                    .map_or_else(HashSet::new, |(rows, id_index)| keys_in(rows, &[id_index]))
            });
            if !present.contains(&key_text([&Value::Text(id.clone())])) {
                issues.push(
                    &format!("{}[{i}].{}", table.name(), r.id_column),
                    format!(
                        "{} refers in {} to {target_name} id {}, which is not in the file.",
                        label(table, i, row),
                        r.id_column,
                        quoted(id)
                    ),
                );
            }
        }
    }
}
