//! The SQLite store: one database file in the data directory, schema only from the
//! embedded `migrations/`, applied when the store opens. One file of queries per model.

mod advocates;
mod calendar;
mod candidates;
mod cycles;
mod derive;
mod evidence;
mod export;
mod history;
mod ladder;
mod managers;
mod mandates;
mod mentorship;
mod one_on_ones;
mod packet_draft;
mod people;
mod questions;
mod radar;
mod records;
mod reminders;
mod reports;
mod rules;
mod schema;
mod search;
mod settings;
mod timeline;
mod today;
mod visibility;

pub(crate) use advocates::{check_advocate, insert_advocate};
pub(crate) use candidates::{
    insert_candidate, insert_packet_version, insert_review, insert_rule_check, receive_review,
};
pub(crate) use cycles::insert_cycle;
pub(crate) use evidence::{insert_evidence, record_outcome};
pub(crate) use history::backfill as backfill_history;
pub use history::historied_tables;
pub(crate) use ladder::level_refs;
pub(crate) use managers::insert_manager_change;
pub(crate) use mandates::{
    close as close_mandate, insert_mandate, record_review as review_mandate,
};
pub(crate) use mentorship::{address_feedback, end_mentorship, insert_feedback, insert_mentorship};
pub use one_on_ones::OriginLink;
pub(crate) use one_on_ones::{
    close_agenda_item, finish_action_item, insert_action_item, insert_agenda_item, insert_meeting,
    insert_note,
};
pub(crate) use people::insert_person;
pub use reminders::REMINDERS_KEY;
pub(crate) use reports::insert_report;
pub(crate) use rules::insert_rule;
pub(crate) use schema::{applied_versions, schema_problem};
pub use settings::THRESHOLDS_KEY;
pub use today::TodayAhead;
pub(crate) use visibility::insert_visibility;
pub use visibility::unseen_by;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Sqlite, Transaction};

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::passphrase::Passphrase;

/// The database file inside a data directory.
pub const DB_FILE: &str = "trellis.sqlite3";

/// Every migration in `migrations/`, embedded at build time.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations");

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How long [`Store::close`] waits for the last connection to close.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(10);

/// The connection settings every connection uses: WAL, foreign keys enforced, a busy
/// timeout, and `synchronous=FULL` so an acknowledged write survives a power cut. For a
/// database without a passphrase; see [`keyed_connect_options`].
pub fn connect_options(db_file: &Path) -> SqliteConnectOptions {
    keyed_connect_options(db_file, None)
}

/// [`connect_options`], with the passphrase that unlocks the database when it is encrypted
/// (SQLCipher's `PRAGMA key`, sent first on every connection). With a passphrase, SQL
/// statement logging is off, so that the key is never logged. Never `Debug`-print the
/// options: they hold the key.
pub fn keyed_connect_options(
    db_file: &Path,
    passphrase: Option<&Passphrase>,
) -> SqliteConnectOptions {
    with_key(
        SqliteConnectOptions::new()
            .filename(db_file)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .synchronous(SqliteSynchronous::Full),
        passphrase,
    )
}

/// Whether the database in `data_dir` has journal files beside it (the app has it open, or
/// did not close cleanly). Without them the file holds everything and is read as it is
/// (`immutable`), so that a read creates none; with them, reads go through them.
pub(crate) fn has_journals(data_dir: &Path) -> bool {
    ["-wal", "-shm"]
        .iter()
        .any(|x| data_dir.join(format!("{DB_FILE}{x}")).exists())
}

/// Adds the key to connection options (nothing without a passphrase).
pub(crate) fn with_key(
    options: SqliteConnectOptions,
    passphrase: Option<&Passphrase>,
) -> SqliteConnectOptions {
    match passphrase {
        Some(p) => options
            .pragma("key", p.sql_literal())
            .disable_statement_logging(),
        None => options,
    }
}

/// The store: a pool over one database file and the clock that stamps records.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    clock: Arc<dyn Clock>,
    data_dir: PathBuf,
    db_file: PathBuf,
    /// The session marker this store wrote when it was opened through
    /// [`crate::opening::open_data_dir`]; [`Store::close`] removes it (a clean shutdown).
    session_marker: Option<PathBuf>,
    /// The passphrase the database is encrypted with (`None`: not encrypted), for backups
    /// and reopening.
    passphrase: Option<Arc<Passphrase>>,
    /// How many write transactions [`Store::write`] has begun: see [`Store::written`].
    writes: Arc<AtomicU64>,
}

/// Where the record stood when something was worked out from it (see [`Store::written`]).
#[derive(Debug, Clone)]
pub struct Written {
    writes: Arc<AtomicU64>,
    at: u64,
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
    ///
    /// This is the plain open (tests, scripts): no integrity checks, no backups, no session
    /// marker. The app opens its data through [`crate::opening::open_data_dir`].
    pub async fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with_clock(data_dir, Arc::new(SystemClock)).await
    }

    pub async fn open_with_clock(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        let store = Self::connect_unmigrated(data_dir, clock).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Opens the database in `data_dir` for reading only (the command line's read commands):
    /// nothing is created (no folder, no database, no journal files where there are none),
    /// nothing is migrated and nothing is written, so it works on a read-only folder and
    /// alongside the app. Refuses data of an older data format ("open it in Trellis once to
    /// upgrade it"), of a newer one, and a wrong passphrase, changing nothing.
    pub async fn open_read_only(
        data_dir: &Path,
        clock: Arc<dyn Clock>,
        passphrase: Option<&Passphrase>,
    ) -> Result<Self> {
        let db_file = data_dir.join(DB_FILE);
        if !db_file.is_file() {
            return Err(Error::Storage {
                message: format!(
                    "There is no Trellis data in {} (no {DB_FILE}).",
                    data_dir.display()
                ),
            });
        }
        if let Some(p) = passphrase {
            crate::encryption::check_passphrase(data_dir, p).await?;
        }
        let options = with_key(
            SqliteConnectOptions::new()
                .filename(&db_file)
                .read_only(true)
                .immutable(!has_journals(data_dir))
                .busy_timeout(BUSY_TIMEOUT),
            passphrase,
        );
        let shown = db_file.display().to_string();
        let cannot = |e: sqlx::Error| Error::Storage {
            message: format!("Could not read the database {shown}: {e}"),
        };
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(options)
            .await
            .map_err(cannot)?;
        let store = Self {
            pool,
            clock,
            data_dir: data_dir.to_owned(),
            db_file,
            session_marker: None,
            passphrase: passphrase.map(|p| Arc::new(p.clone())),
            writes: Arc::default(),
        };
        let problem = {
            let mut conn = store.pool.acquire().await.map_err(cannot)?;
            schema_problem(&mut conn).await?
        };
        let older = || async {
            store
                .pending_migrations()
                .await
                .map(|pending| !pending.is_empty())
        };
        let refusal = match problem {
            Some(problem) => Some(problem),
            None if older().await? => Some(
                "It was written by an older version of Trellis: open it in Trellis once to \
                 upgrade it (the app backs it up first)."
                    .to_owned(),
            ),
            None => None,
        };
        if let Some(why) = refusal {
            store.pool.close().await;
            return Err(Error::Storage {
                message: format!(
                    "The data in {} cannot be read here. {why} Nothing was changed.",
                    data_dir.display()
                ),
            });
        }
        Ok(store)
    }

    /// Opens (creating if needed) the database in `data_dir` without applying migrations, so
    /// that the caller can back it up first ([`Store::pending_migrations`], [`Store::migrate`]).
    pub async fn connect_unmigrated(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Self::connect_unmigrated_keyed(data_dir, clock, None).await
    }

    /// [`Store::open_with_clock`] on a database encrypted with `passphrase` (or created
    /// encrypted with it, when there is none yet). An existing database is first checked
    /// read-only with the passphrase ([`crate::encryption::check_passphrase`]), so that a
    /// wrong one changes nothing.
    pub async fn open_keyed(
        data_dir: &Path,
        clock: Arc<dyn Clock>,
        passphrase: Option<&Passphrase>,
    ) -> Result<Self> {
        if let Some(p) = passphrase {
            if data_dir.join(DB_FILE).is_file() {
                crate::encryption::check_passphrase(data_dir, p).await?;
            }
        }
        let store = Self::connect_unmigrated_keyed(data_dir, clock, passphrase).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// [`Store::connect_unmigrated`] with the passphrase of an encrypted database.
    pub async fn connect_unmigrated_keyed(
        data_dir: &Path,
        clock: Arc<dyn Clock>,
        passphrase: Option<&Passphrase>,
    ) -> Result<Self> {
        crate::files::create_dir(data_dir).map_err(|e| Error::Storage {
            message: format!(
                "Could not create the data directory {}: {e}",
                data_dir.display()
            ),
        })?;
        let db_file = data_dir.join(DB_FILE);
        // SQLite gives the database's journals the database file's mode: the owner's only.
        crate::files::ensure_file(&db_file).map_err(|e| Error::Storage {
            message: format!("Could not create the database {}: {e}", db_file.display()),
        })?;
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(keyed_connect_options(&db_file, passphrase))
            .await
            .map_err(|e| Error::Storage {
                message: format!("Could not open the database {}: {e}", db_file.display()),
            })?;
        Ok(Self {
            pool,
            clock,
            data_dir: data_dir.to_owned(),
            db_file,
            session_marker: None,
            passphrase: passphrase.map(|p| Arc::new(p.clone())),
            writes: Arc::default(),
        })
    }

    /// The versions of the embedded migrations this database has not applied yet, oldest first.
    pub async fn pending_migrations(&self) -> Result<Vec<i64>> {
        let mut conn = self.pool.acquire().await?;
        let applied = applied_versions(&mut conn).await?;
        Ok(MIGRATOR
            .iter()
            .map(|m| m.version)
            .filter(|v| !applied.contains(v))
            .collect())
    }

    /// The schema version of the database: the newest migration it has applied (0 when none).
    pub async fn schema_version(&self) -> Result<i64> {
        let mut conn = self.pool.acquire().await?;
        Ok(applied_versions(&mut conn)
            .await?
            .into_iter()
            .max()
            .unwrap_or(0))
    }

    /// Applies every pending migration, then gives every record that predates the history
    /// (migration 0005) its first version.
    pub async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.pool).await?;
        let empty = {
            let mut conn = self.pool.acquire().await?;
            history::is_empty(&mut conn).await?
        };
        if empty {
            let mut tx = self.write().await?;
            history::backfill(&mut tx).await?;
            tx.commit().await?;
        }
        Ok(())
    }

    /// The clock, shared (for a store reopened on the same data directory).
    pub(crate) fn shared_clock(&self) -> Arc<dyn Clock> {
        Arc::clone(&self.clock)
    }

    /// Remembers the session marker this store wrote, for [`Store::close`] to remove.
    pub(crate) fn with_session_marker(mut self, marker: PathBuf) -> Self {
        self.session_marker = Some(marker);
        self
    }

    /// The passphrase the database is encrypted with; `None` when it is not encrypted. (For
    /// [`crate::backup::list_with`] and the `_with` openings; a [`Passphrase`] never shows
    /// its secret outside the core.)
    pub fn passphrase(&self) -> Option<&Passphrase> {
        self.passphrase.as_deref()
    }

    /// Whether the database is encrypted (opened with a passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
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

    /// The data directory the database file lives in (backups go in its `backups/` folder).
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Closes every connection (checkpointing the WAL), then removes the session marker if
    /// this store wrote one: the next open then knows this session ended cleanly. Every clone
    /// of the store shares the pool, so all of them are closed.
    pub async fn close(&self) {
        self.pool.close().await;
        // sqlx 0.8 can return from `close` while a connection that was being handed back to the
        // pool is still open; it closes a moment later (checkpointing the write-ahead log into
        // the file then). Wait for it, so that no connection outlives this call: a restore
        // replaces the file right after.
        let deadline = Instant::now() + CLOSE_TIMEOUT;
        while self.pool.size() > 0 && Instant::now() < deadline {
            let _ =
                tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(1))).await;
            self.pool.close().await;
        }
        if let Some(marker) = &self.session_marker {
            if self.pool.size() == 0 {
                // A marker that cannot be removed only makes the next start check the data.
                let _ = std::fs::remove_file(marker);
            }
        }
    }

    /// Where the record stands now: take it before working something out from the record, and
    /// ask [`Store::unchanged_since`] before using the result later.
    pub fn written(&self) -> Written {
        Written {
            writes: Arc::clone(&self.writes),
            at: self.writes.load(Ordering::SeqCst),
        }
    }

    /// Whether nothing was written through this store since `then` (a store opened anew, after
    /// a restore or an import, never counts as unchanged).
    pub fn unchanged_since(&self, then: &Written) -> bool {
        Arc::ptr_eq(&self.writes, &then.writes) && self.writes.load(Ordering::SeqCst) == then.at
    }

    /// A write transaction that takes the write lock up front, so that it never fails
    /// half-way on a lock upgrade.
    /// Every write goes through here: it also stamps the transaction's time (the store's
    /// clock) for the history triggers, so that each version of a record is dated by when it
    /// was entered.
    pub(crate) async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        self.writes.fetch_add(1, Ordering::SeqCst);
        let now = self.clock.now();
        stamp_write(&mut tx, now, self.clock.date_of(now)).await?;
        Ok(tx)
    }
}

/// Dates the writes that follow in this transaction: the history triggers stamp each version
/// of a record with the instant `at` and the user's calendar day `on` (the clock's
/// `date_of(at)`). [`Store::write`] stamps the store's clock as each write transaction
/// begins; the generator stamps each record with the day the manager entered it.
pub(crate) async fn stamp_write(
    conn: &mut sqlx::SqliteConnection,
    at: chrono::DateTime<chrono::Utc>,
    on: chrono::NaiveDate,
) -> Result<()> {
    sqlx::query!(
        "UPDATE write_clock SET at = ?, on_date = ? WHERE id = 1",
        at,
        on
    )
    .execute(conn)
    .await?;
    Ok(())
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
