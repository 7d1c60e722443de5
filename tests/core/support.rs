//! Shared helpers: a real store on a fresh temp dir with a controlled clock, a valid draft
//! built from the store's own ladder, and assertions on the core's error kinds.

use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use tempfile::TempDir;
use trellis_core::clock::{Clock, FixedClock};
use trellis_core::ids::LevelId;
use trellis_core::model::{Archetype, Report, ReportDraft, TeamStrength};
use trellis_core::{Error, FieldIssue, Store};

/// The instant every test store is opened at: 2026-11-24T12:00:00Z.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap()
}

/// "Today" for the fixed clock.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub const TODAY: &str = "2026-11-24";
pub const TOMORROW: &str = "2026-11-25";

/// A store on its own temp dir. The dir lives as long as this value; the store is dropped
/// first (field order), then the dir is removed.
pub struct TestStore {
    pub store: Store,
    pub dir: TempDir,
}

impl Deref for TestStore {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

impl TestStore {
    /// Closes the store and opens the same data directory again with `clock`.
    pub async fn reopen(self, clock: Arc<dyn Clock>) -> TestStore {
        let TestStore { store, dir } = self;
        store.close().await;
        drop(store);
        let store = Store::open_with_clock(dir.path(), clock).await.unwrap();
        TestStore { store, dir }
    }
}

/// A fresh store on a fresh temp dir, with the fixed clock at [`now`].
pub async fn open_store() -> TestStore {
    open_store_with_clock(Arc::new(FixedClock(now()))).await
}

pub async fn open_store_with_clock(clock: Arc<dyn Clock>) -> TestStore {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with_clock(dir.path(), clock).await.unwrap();
    assert!(
        dir.path().join(trellis_core::store::DB_FILE).is_file(),
        "opening the store creates its database file in the data directory"
    );
    TestStore { store, dir }
}

/// Opens a store on an existing directory (used to check what survives a reopen).
pub async fn open_in(dir: &Path) -> Store {
    Store::open_with_clock(dir, Arc::new(FixedClock(now())))
        .await
        .unwrap()
}

/// A clock the test moves by hand, for checks that need "later".
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn starting_now() -> Arc<Self> {
        Arc::new(Self(Mutex::new(now())))
    }

    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        let mut t = self.0.lock().unwrap();
        *t += by;
        *t
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The id of the ladder level called `name` (exact match).
pub async fn level_id(store: &Store, name: &str) -> LevelId {
    store
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("no level named {name}"))
        .id
}

/// The ladder's level names, lowest first.
pub async fn level_names(store: &Store) -> Vec<String> {
    store
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.name)
        .collect()
}

/// A draft that passes every rule: Ada Lovelace, Staff aiming for Senior Staff.
pub async fn valid_draft(store: &Store) -> ReportDraft {
    ReportDraft {
        name: "Ada Lovelace".to_owned(),
        current_level_id: Some(level_id(store, "Staff").await),
        target_level_id: Some(level_id(store, "Senior Staff").await),
        team: "Payments Platform".to_owned(),
        in_role_since: "2024-03-01".to_owned(),
        archetype_worked: Some(Archetype::TechLead),
        archetype_needed: Some(Archetype::Architect),
        team_strength: Some(TeamStrength::Strong),
        notes: "Leads the ledger migration.\nWants Senior Staff next cycle.".to_owned(),
    }
}

/// A valid draft with another name.
pub async fn draft_named(store: &Store, name: &str) -> ReportDraft {
    ReportDraft {
        name: name.to_owned(),
        ..valid_draft(store).await
    }
}

/// The draft a form would send to edit `report` unchanged.
pub fn draft_from(report: &Report) -> ReportDraft {
    ReportDraft {
        name: report.name.clone(),
        current_level_id: Some(report.current_level.id.clone()),
        target_level_id: Some(report.target_level.id.clone()),
        team: report.team.clone(),
        in_role_since: report.in_role_since.format("%Y-%m-%d").to_string(),
        archetype_worked: Some(report.archetype_worked),
        archetype_needed: Some(report.archetype_needed),
        team_strength: Some(report.team_strength),
        notes: report.notes.clone(),
    }
}

pub fn issue(field: &str, message: &str) -> FieldIssue {
    FieldIssue {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

/// The summary and field issues of a validation error; panics on any other outcome.
pub fn validation<T: std::fmt::Debug>(
    result: trellis_core::Result<T>,
) -> (String, Vec<FieldIssue>) {
    match result {
        Err(Error::Validation { message, fields }) => (message, fields),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The message of a conflict; panics on any other outcome.
pub fn conflict<T: std::fmt::Debug>(result: trellis_core::Result<T>) -> String {
    match result {
        Err(Error::Conflict { message }) => message,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

/// The message of a not-found error; panics on any other outcome.
pub fn not_found<T: std::fmt::Debug>(result: trellis_core::Result<T>) -> String {
    match result {
        Err(Error::NotFound { message }) => message,
        other => panic!("expected not found, got {other:?}"),
    }
}

/// Rows in `table`, counted with raw SQL (independent of the store's own queries).
pub async fn count_rows(store: &Store, table: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Another connection's open write transaction (`BEGIN IMMEDIATE`) that has already written a
/// row, as a concurrent writer would hold it. Commit it to release the write lock.
pub async fn hold_write_lock(store: &Store) -> sqlx::Transaction<'static, sqlx::Sqlite> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await.unwrap();
    sqlx::query(
        "INSERT INTO people (id, name, created_at, updated_at)
         VALUES ('concurrent-writer', 'Someone else', 'x', 'x')",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx
}

/// Blocks a worker thread (not the runtime) for `ms` milliseconds.
pub async fn pause_ms(ms: u64) {
    tokio::task::spawn_blocking(move || std::thread::sleep(std::time::Duration::from_millis(ms)))
        .await
        .unwrap();
}
