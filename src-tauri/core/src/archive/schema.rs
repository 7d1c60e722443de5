//! The live schema, read from SQLite (`PRAGMA table_info`, `foreign_key_list`) and checked
//! against the archive's fixed table list: the same tables, the same columns in the same
//! order with the declared types their shapes need, and foreign keys that point only to
//! earlier tables. A mismatch is a bug in Trellis (a migration the archive does not know),
//! reported as a storage error before anything is read or written.

use sqlx::{Row, SqliteConnection};

use super::tables::{Table, NOT_EXPORTED, TABLES};
use crate::error::{Error, Result};

/// One exported table as the database declares it.
#[derive(Debug, Clone)]
pub(crate) struct LiveTable {
    pub spec: &'static Table,
    /// Per column (schema order): whether it is `NOT NULL`.
    pub not_null: Vec<bool>,
    /// The primary key's columns (indexes into the columns), in key order.
    pub key: Vec<usize>,
    pub foreign_keys: Vec<ForeignKey>,
    /// For each column the schema restricts to a list of words (`CHECK (col IN ('a', 'b'))`),
    /// the words: read from the table's own SQL, so the migrations stay their one source.
    pub words: Vec<(usize, Vec<String>)>,
}

/// A foreign key: these columns of a row refer to those columns of a row of another table.
#[derive(Debug, Clone)]
pub(crate) struct ForeignKey {
    pub columns: Vec<usize>,
    /// Index into [`TABLES`].
    pub target: usize,
    pub target_columns: Vec<usize>,
}

/// Every exported table, in [`TABLES`] order, and the schema version.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub version: i64,
    pub tables: Vec<LiveTable>,
}

impl LiveTable {
    pub fn name(&self) -> &'static str {
        self.spec.name
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.spec.columns.iter().position(|c| c.name == name)
    }

    /// `ORDER BY` for the primary key (every column when there is none).
    pub fn order_by(&self) -> String {
        let columns: Vec<usize> = if self.key.is_empty() {
            (0..self.spec.columns.len()).collect()
        } else {
            self.key.clone()
        };
        columns
            .iter()
            .filter_map(|&i| self.spec.columns.get(i))
            .map(|c| format!("\"{}\"", c.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The quoted column list, in schema order.
    pub fn column_list(&self) -> String {
        self.spec
            .columns
            .iter()
            .map(|c| format!("\"{}\"", c.name))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Schema {
    pub fn table(&self, name: &str) -> Option<(usize, &LiveTable)> {
        self.tables
            .iter()
            .enumerate()
            .find(|(_, t)| t.name() == name)
    }
}

fn mismatch(detail: String) -> Error {
    Error::Storage {
        message: format!(
            "The archive format does not match this database's schema: {detail}. \
             This is a bug in Trellis; nothing was read or written."
        ),
    }
}

/// Reads the schema and checks it against the archive's table list.
pub(crate) async fn load(conn: &mut SqliteConnection) -> Result<Schema> {
    let version = schema_version(conn).await?;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    for name in &names {
        let known =
            TABLES.iter().any(|t| t.name == name) || NOT_EXPORTED.iter().any(|(n, _)| n == name);
        if !known {
            return Err(mismatch(format!(
                "the table {name} is neither exported nor listed as derived \
                 (see archive/tables.rs)"
            )));
        }
    }
    let mut tables = Vec::with_capacity(TABLES.len());
    for (index, spec) in TABLES.iter().enumerate() {
        if !names.iter().any(|n| n == spec.name) {
            return Err(mismatch(format!("the table {} does not exist", spec.name)));
        }
        tables.push(load_table(conn, index, spec).await?);
    }
    Ok(Schema { version, tables })
}

/// The latest migration applied to the database.
pub(crate) async fn schema_version(conn: &mut SqliteConnection) -> Result<i64> {
    let version: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(&mut *conn)
            .await?;
    version.ok_or_else(|| Error::Storage {
        message: "The database has no schema yet (no migration was applied).".to_owned(),
    })
}

async fn load_table(
    conn: &mut SqliteConnection,
    index: usize,
    spec: &'static Table,
) -> Result<LiveTable> {
    let rows =
        sqlx::query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid")
            .bind(spec.name)
            .fetch_all(&mut *conn)
            .await?;
    let mut not_null = Vec::with_capacity(rows.len());
    let mut key: Vec<(i64, usize)> = Vec::new();
    let live: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String, _>("name"))
        .collect::<Result<_, _>>()?;
    let expected: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
    if live != expected {
        return Err(mismatch(format!(
            "the table {} has the columns ({}), the archive expects ({})",
            spec.name,
            live.join(", "),
            expected.join(", ")
        )));
    }
    for (i, (row, column)) in rows.iter().zip(spec.columns).enumerate() {
        let declared: String = row.try_get("type")?;
        if !declared.eq_ignore_ascii_case(column.shape.sql_type()) {
            return Err(mismatch(format!(
                "{}.{} is declared {declared}, the archive expects {}",
                spec.name,
                column.name,
                column.shape.sql_type()
            )));
        }
        not_null.push(row.try_get::<i64, _>("notnull")? != 0);
        let pk: i64 = row.try_get("pk")?;
        if pk > 0 {
            key.push((pk, i));
        }
    }
    key.sort_unstable();
    let mut live = LiveTable {
        spec,
        not_null,
        key: key.into_iter().map(|(_, i)| i).collect(),
        foreign_keys: Vec::new(),
        words: Vec::new(),
    };
    live.foreign_keys = foreign_keys(conn, index, &live).await?;
    let sql: Option<String> =
        sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1")
            .bind(spec.name)
            .fetch_optional(&mut *conn)
            .await?;
    live.words = sql.map(|sql| allowed_words(&sql, spec)).unwrap_or_default();
    Ok(live)
}

/// The word lists of `CHECK (column IN ('a', 'b', …))` constraints in a table's SQL.
fn allowed_words(sql: &str, spec: &Table) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    for (i, column) in spec.columns.iter().enumerate() {
        let needle = format!("{} IN (", column.name);
        let Some(at) = sql.match_indices(&needle).map(|(at, _)| at).find(|&at| {
            // The whole name, not the end of a longer one (`status` in `old_status`).
            sql[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        }) else {
            continue;
        };
        let rest = &sql[at + needle.len()..];
        let Some(list) = rest.split(')').next() else {
            continue;
        };
        let words: Vec<String> = list
            .split(',')
            .map(|w| w.trim().trim_matches('\'').to_owned())
            .filter(|w| !w.is_empty())
            .collect();
        if !words.is_empty() {
            out.push((i, words));
        }
    }
    out
}

async fn foreign_keys(
    conn: &mut SqliteConnection,
    index: usize,
    table: &LiveTable,
) -> Result<Vec<ForeignKey>> {
    let rows = sqlx::query(
        "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
    )
    .bind(table.name())
    .fetch_all(&mut *conn)
    .await?;
    let mut keys: Vec<(i64, ForeignKey)> = Vec::new();
    for row in rows {
        let id: i64 = row.try_get("id")?;
        let target_name: String = row.try_get("table")?;
        let from: String = row.try_get("from")?;
        let to: Option<String> = row.try_get("to")?;
        let Some(target) = TABLES.iter().position(|t| t.name == target_name) else {
            return Err(mismatch(format!(
                "{}.{from} refers to the table {target_name}, which is not exported",
                table.name()
            )));
        };
        if target >= index {
            return Err(mismatch(format!(
                "{}.{from} refers to {target_name}, which does not come before it",
                table.name()
            )));
        }
        let from_index = table
            .column_index(&from)
            .ok_or_else(|| mismatch(format!("{}.{from} is not a known column", table.name())))?;
        let target_spec = &TABLES[target];
        let to_index = match to {
            Some(to) => target_spec
                .columns
                .iter()
                .position(|c| c.name == to)
                .ok_or_else(|| mismatch(format!("{target_name}.{to} is not a known column")))?,
            // A key naming no column refers to the target's primary key: `id` here.
            None => target_spec
                .columns
                .iter()
                .position(|c| c.name == "id")
                .ok_or_else(|| mismatch(format!("{target_name} has no id column")))?,
        };
        match keys.iter_mut().find(|(k, _)| *k == id) {
            Some((_, fk)) => {
                fk.columns.push(from_index);
                fk.target_columns.push(to_index);
            }
            None => keys.push((
                id,
                ForeignKey {
                    columns: vec![from_index],
                    target,
                    target_columns: vec![to_index],
                },
            )),
        }
    }
    Ok(keys.into_iter().map(|(_, fk)| fk).collect())
}
