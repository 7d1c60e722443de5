//! The archive: everything Trellis stores (every record, its history, acknowledgements,
//! settings, the ladder and the question bank) in one versioned JSON file, documented in
//! docs/archive-json.md.
//!
//! - [`export`] writes it: deterministic bytes (the same data always gives the same file), so
//!   export → import into an empty data directory → export gives the same bytes.
//! - [`import`] replaces everything in a store with an archive's contents: it checks the
//!   whole file first, then applies it in one write transaction and rebuilds
//!   the search index there; a bad file changes nothing and the error names the record and
//!   the field (`reports[3].current_level_id`).
//!
//! Which tables and columns the archive holds is a fixed list ([`tables`]) checked against
//! the live schema every time; derived data (the search index) is left out and rebuilt.

mod export;
mod import;
mod inputs;
mod json;
mod references;
mod schema;
mod search_index;
pub mod tables;
mod upgrade;
mod validate;
mod value;

use std::path::Path;

use serde::Serialize;
use specta::Type;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::SqliteConnection;

use crate::error::{Error, Result};
use crate::store::{Store, MIGRATOR};
use export::Rows;
pub use inputs::MAX_VERSION;
use schema::Schema;
pub use tables::{Column, Shape, Table, NOT_EXPORTED, TABLES};

/// The format string every archive starts with. It changes only if the envelope changes;
/// the tables follow the schema version (`schemaVersion`).
pub const FORMAT: &str = "trellis.archive/1";

/// The largest archive an import reads: 512 MiB.
pub const MAX_BYTES: usize = 512 * 1024 * 1024;

/// How many rows one table holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TableCount {
    pub table: String,
    pub rows: u32,
}

/// What an import wrote (or an export holds, or a store holds): the rows of every exported
/// table, in archive order, and their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub tables: Vec<TableCount>,
    pub records: u32,
}

impl ImportSummary {
    fn of(schema: &Schema, rows: &[Rows]) -> Self {
        let tables: Vec<TableCount> = schema
            .tables
            .iter()
            .zip(rows)
            .map(|(table, rows)| TableCount {
                table: table.name().to_owned(),
                rows: u32::try_from(rows.len()).unwrap_or(u32::MAX),
            })
            .collect();
        Self::from_counts(tables)
    }

    fn from_counts(tables: Vec<TableCount>) -> Self {
        let records = tables
            .iter()
            .fold(0u32, |sum, t| sum.saturating_add(t.rows));
        Self { tables, records }
    }

    /// The rows of `table` (0 when it is not exported).
    pub fn rows_of(&self, table: &str) -> u32 {
        self.tables
            .iter()
            .find(|t| t.table == table)
            .map_or(0, |t| t.rows)
    }
}

/// Everything in `store` as archive bytes (pretty JSON, one consistent moment).
pub async fn export(store: &Store) -> Result<Vec<u8>> {
    Ok(export_with_summary(store).await?.0)
}

/// Writes the archive of everything in `store` to `path` atomically (see
/// [`crate::export::write::write_atomically`]: the file is replaced only once the new one is
/// complete, and readable by its owner only); returns what it holds.
pub async fn export_to_file(store: &Store, path: &Path) -> Result<ImportSummary> {
    let (bytes, summary) = export_with_summary(store).await?;
    crate::export::write::write_atomically(path, &bytes)?;
    Ok(summary)
}

async fn export_with_summary(store: &Store) -> Result<(Vec<u8>, ImportSummary)> {
    // One read transaction: every table as of the same moment.
    let mut tx = store.pool().begin().await?;
    let result = export_from(&mut tx).await;
    tx.rollback().await?;
    result
}

async fn export_from(conn: &mut SqliteConnection) -> Result<(Vec<u8>, ImportSummary)> {
    let schema = schema::load(conn).await?;
    let rows = export::read_all(conn, &schema).await?;
    let bytes = export::encode(&schema, &rows)?;
    Ok((bytes, ImportSummary::of(&schema, &rows)))
}

/// Replaces everything in `store` with the archive in `bytes`. The whole file is checked
/// first; then, in one write transaction, every exported table is emptied (the default ladder
/// and question bank included: the archive carries its own), every row is inserted and the
/// search index rebuilt. A file that is not right changes nothing: the error is
/// [`Error::Validation`] with one issue per problem, each naming the record and the field.
pub async fn import(store: &Store, bytes: &[u8]) -> Result<ImportSummary> {
    let schema = {
        let mut conn = store.pool().acquire().await?;
        schema::load(&mut conn).await?
    };
    let rows = validate::parse(bytes, &schema)?;
    let mut tx = store.write().await?;
    import::replace_all(&mut tx, &schema, &rows).await?;
    tx.commit().await?;
    Ok(ImportSummary::of(&schema, &rows))
}

/// Checks an archive without touching any data directory (against the schema this version
/// of Trellis creates): what an import would write, or the same validation error.
pub async fn check(bytes: &[u8]) -> Result<ImportSummary> {
    let pool = new_database().await?;
    let result = async {
        let mut conn = pool.acquire().await?;
        let schema = schema::load(&mut conn).await?;
        let rows = validate::parse(bytes, &schema)?;
        Ok(ImportSummary::of(&schema, &rows))
    }
    .await;
    pool.close().await;
    result
}

/// How many rows each exported table of `store` holds (what an export would contain).
pub async fn record_counts(store: &Store) -> Result<ImportSummary> {
    let mut tx = store.pool().begin().await?;
    let result = count_rows(&mut tx).await;
    tx.rollback().await?;
    result
}

async fn count_rows(conn: &mut SqliteConnection) -> Result<ImportSummary> {
    let schema = schema::load(conn).await?;
    let mut tables = Vec::with_capacity(schema.tables.len());
    for table in &schema.tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{}\"", table.name()))
            .fetch_one(&mut *conn)
            .await?;
        tables.push(TableCount {
            table: table.name().to_owned(),
            rows: u32::try_from(n).unwrap_or(u32::MAX),
        });
    }
    Ok(ImportSummary::from_counts(tables))
}

/// Whether `store` holds only what a new data directory starts with (the default ladder and
/// question bank, untouched), so that an import into it loses nothing.
pub async fn holds_only_defaults(store: &Store) -> Result<bool> {
    let pool = new_database().await?;
    let fresh = async {
        let mut conn = pool.acquire().await?;
        let counts = count_rows(&mut conn).await?;
        Ok::<_, Error>((counts, export_from(&mut conn).await?.0))
    }
    .await;
    pool.close().await;
    let (fresh_counts, fresh) = fresh?;
    // Different counts settle it without reading every record.
    if record_counts(store).await? != fresh_counts {
        return Ok(false);
    }
    let (mine, _) = export_with_summary(store).await?;
    Ok(mine == fresh)
}

/// A new in-memory database with every migration applied: the schema and defaults this
/// version of Trellis creates, without touching the disk. Close it when done.
async fn new_database() -> Result<SqlitePool> {
    let options = SqliteConnectOptions::new()
        .in_memory(true)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| Error::Storage {
            message: format!("Could not open a scratch database: {e}"),
        })?;
    MIGRATOR.run(&pool).await?;
    let mut conn = pool.acquire().await?;
    crate::store::backfill_history(&mut conn).await?;
    drop(conn);
    Ok(pool)
}
