//! Applying a checked archive: one write transaction that empties every exported table
//! (children first), inserts every row (parents first), and rebuilds the search index. Any
//! constraint SQLite still refuses (a `CHECK` list of allowed words, a `UNIQUE` index) rolls
//! the whole transaction back and is reported as a validation error naming the record and,
//! where SQLite's message says, the field.

use sqlx::sqlite::SqliteArguments;
use sqlx::{query::Query, Sqlite, SqliteConnection};

use super::export::Rows;
use super::schema::{LiveTable, Schema};
use super::search_index;
use super::validate::label;
use super::value::Value;
use crate::error::{Error, FieldIssue, Result};

/// The table of every version of every record.
const HISTORY: &str = "record_history";

/// Replaces everything in the exported tables with `rows` (in schema order). The caller
/// commits; on error it drops the transaction, which rolls it back.
pub(crate) async fn replace_all(
    conn: &mut SqliteConnection,
    schema: &Schema,
    rows: &[Rows],
) -> Result<()> {
    for table in schema.tables.iter().rev() {
        sqlx::query(&format!("DELETE FROM \"{}\"", table.name()))
            .execute(&mut *conn)
            .await?;
    }
    // Not the record: a folder filled from an archive starts as if Today was never opened.
    sqlx::query("DELETE FROM visits")
        .execute(&mut *conn)
        .await?;
    for (table, rows) in schema.tables.iter().zip(rows) {
        if table.name() == HISTORY {
            // The history triggers recorded the inserts above as if made now: the archive's
            // own history replaces them.
            sqlx::query(&format!("DELETE FROM \"{HISTORY}\""))
                .execute(&mut *conn)
                .await?;
        }
        insert_rows(conn, table, rows).await?;
    }
    // An archive without history (schema 4) gets the baseline an upgraded database gets.
    crate::store::backfill_history(conn).await?;
    search_index::rebuild(conn).await?;
    Ok(())
}

async fn insert_rows(conn: &mut SqliteConnection, table: &LiveTable, rows: &Rows) -> Result<()> {
    let placeholders = vec!["?"; table.spec.columns.len()].join(", ");
    let sql = format!(
        "INSERT INTO \"{}\" ({}) VALUES ({placeholders})",
        table.name(),
        table.column_list()
    );
    for (index, values) in rows.iter().enumerate() {
        let query = values.iter().fold(sqlx::query(&sql), bind);
        if let Err(e) = query.execute(&mut *conn).await {
            return Err(refused(table, index, values, e));
        }
    }
    Ok(())
}

fn bind<'q>(
    query: Query<'q, Sqlite, SqliteArguments<'q>>,
    value: &'q Value,
) -> Query<'q, Sqlite, SqliteArguments<'q>> {
    match value {
        Value::Null => query.bind(None::<String>),
        Value::Integer(i) => query.bind(*i),
        Value::Real(r) => query.bind(*r),
        Value::Text(s) => query.bind(s.as_str()),
        Value::Blob(b) => query.bind(b.as_slice()),
    }
}

/// A row SQLite refused: a validation error naming it, or a storage error for anything
/// that is not a constraint.
fn refused(table: &LiveTable, index: usize, values: &[Value], e: sqlx::Error) -> Error {
    let sqlx::Error::Database(db) = &e else {
        return e.into();
    };
    let says = db.message().to_owned();
    let Some((kind, detail)) = says.split_once(" constraint failed") else {
        return e.into();
    };
    let cells: Vec<Option<Value>> = values.iter().cloned().map(Some).collect();
    let record = label(table, index, &cells);
    let detail = detail.trim_start_matches(':').trim();
    let column = culprit(table, kind, detail);
    let field = match column {
        Some(c) => format!("{}[{index}].{c}", table.name()),
        None => format!("{}[{index}]", table.name()),
    };
    let message = match (kind, column) {
        ("UNIQUE", Some(c)) => format!(
            "{record} has the same {c} as another {} record, which the database does not \
             allow ({says}).",
            table.name()
        ),
        ("CHECK", Some(c)) => {
            let value = table
                .column_index(c)
                .and_then(|i| values.get(i))
                .map_or_else(String::new, Value::shown);
            format!("{record} has {value} in {c}, which the database does not allow ({says}).")
        }
        (_, Some(c)) => {
            format!("{record} breaks a rule of the database in {c} ({says}).")
        }
        (_, None) => format!("{record} breaks a rule of the database ({says})."),
    };
    Error::from_issues(vec![FieldIssue { field, message }])
}

/// The column SQLite's message points at: `table.column` after UNIQUE / NOT NULL, the first
/// column named in a CHECK's expression.
fn culprit<'a>(table: &'a LiveTable, kind: &str, detail: &str) -> Option<&'a str> {
    let named = |word: &str| {
        table
            .spec
            .columns
            .iter()
            .find(|c| c.name == word)
            .map(|c| c.name)
    };
    match kind {
        "UNIQUE" | "NOT NULL" => detail.split(", ").find_map(|part| {
            let (t, c) = part.split_once('.')?;
            (t == table.name()).then(|| named(c)).flatten()
        }),
        "CHECK" => detail
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .find_map(named),
        _ => None,
    }
}
