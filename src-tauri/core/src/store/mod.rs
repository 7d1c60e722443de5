//! The SQLite store: one database file in the data directory, schema only from the
//! embedded `migrations/`, applied when the store opens. One file of queries per model.

mod advocates;
mod candidates;
mod cycles;
mod derive;
mod evidence;
mod export;
mod ladder;
mod managers;
mod mandates;
mod mentorship;
mod one_on_ones;
mod people;
mod questions;
mod radar;
mod records;
mod reports;
mod rules;
mod search;
mod settings;
mod timeline;
mod visibility;

pub(crate) use advocates::insert_advocate;
pub(crate) use candidates::{insert_candidate, insert_packet_version, insert_review};
pub(crate) use cycles::insert_cycle;
pub(crate) use evidence::insert_evidence;
pub(crate) use ladder::level_refs;
pub(crate) use managers::insert_manager_change;
pub(crate) use mandates::{close as close_mandate, insert_mandate};
pub(crate) use mentorship::{insert_feedback, insert_mentorship};
pub use one_on_ones::OriginLink;
pub(crate) use one_on_ones::{insert_action_item, insert_agenda_item, insert_meeting, insert_note};
pub(crate) use people::insert_person;
pub(crate) use reports::insert_report;
pub(crate) use rules::insert_rule;
pub(crate) use visibility::insert_visibility;
pub use visibility::unseen_by;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};

/// The database file inside a data directory.
pub const DB_FILE: &str = "trellis.sqlite3";

/// Every migration in `migrations/`, embedded at build time.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations");

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The connection settings every connection uses: WAL, foreign keys enforced, a busy
/// timeout, and `synchronous=FULL` so an acknowledged write survives a power cut.
pub fn connect_options(db_file: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(db_file)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        .synchronous(SqliteSynchronous::Full)
}

/// The store: a pool over one database file and the clock that stamps records.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    clock: Arc<dyn Clock>,
    db_file: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("db_file", &self.db_file)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and applies pending migrations.
    pub async fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with_clock(data_dir, Arc::new(SystemClock)).await
    }

    pub async fn open_with_clock(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(|e| Error::Storage {
            message: format!(
                "Could not create the data directory {}: {e}",
                data_dir.display()
            ),
        })?;
        let db_file = data_dir.join(DB_FILE);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(connect_options(&db_file))
            .await
            .map_err(|e| Error::Storage {
                message: format!("Could not open the database {}: {e}", db_file.display()),
            })?;
        MIGRATOR.run(&pool).await?;
        Ok(Self {
            pool,
            clock,
            db_file,
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn db_file(&self) -> &Path {
        &self.db_file
    }

    /// Closes every connection (checkpointing the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// A write transaction that takes the write lock up front, so that it never fails
    /// half-way on a lock upgrade.
    pub(crate) async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

/// Refuses an edit based on an older version of a record.
pub(crate) fn ensure_version(noun: &str, name: &str, actual: i32, expected: i32) -> Result<()> {
    if actual == expected {
        return Ok(());
    }
    Err(Error::conflict(format!(
        "This {noun} ({name}) was changed elsewhere since this form was opened; \
         reload to see the latest version, then edit again."
    )))
}

/// A report's person, failing if the report does not exist or is archived (archived reports
/// are read-only until restored).
pub(crate) async fn editable_report_person(
    conn: &mut sqlx::SqliteConnection,
    report_id: &crate::ids::ReportId,
) -> Result<(crate::ids::PersonId, String)> {
    let row = sqlx::query!(
        r#"SELECT r.person_id AS "person_id!: crate::ids::PersonId", p.name AS "name!",
                  r.archived_at IS NOT NULL AS "archived!: bool"
           FROM reports r JOIN people p ON p.id = r.person_id WHERE r.id = ?"#,
        report_id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::not_found("report", report_id.as_str()))?;
    if row.archived {
        return Err(Error::conflict(format!(
            "{} is archived; restore the report before changing their record.",
            row.name
        )));
    }
    Ok((row.person_id, row.name))
}
