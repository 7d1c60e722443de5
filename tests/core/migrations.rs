//! The schema: the embedded migrations on a brand-new file, idempotence, the connection
//! pragmas every store connection must have, and the constraints SQLite enforces.

use std::sync::Arc;

use sqlx::error::ErrorKind;
use sqlx::sqlite::SqlitePool;
use sqlx::SqliteConnection;
use trellis_core::clock::FixedClock;
use trellis_core::store::{connect_options, DB_FILE, MIGRATOR};
use trellis_core::{Error, Store};

use crate::support::*;

async fn table_names(pool: &SqlitePool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn applied_migrations(pool: &SqlitePool) -> Vec<(i64, bool)> {
    sqlx::query_as("SELECT version, success FROM _sqlx_migrations ORDER BY version")
        .fetch_all(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn migrations_apply_to_a_brand_new_file_and_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    assert!(!path.exists());
    let pool = SqlitePool::connect_with(connect_options(&path))
        .await
        .unwrap();
    assert!(path.is_file(), "connect_options creates the file");
    assert!(table_names(&pool).await.is_empty());

    MIGRATOR.run(&pool).await.unwrap();
    let tables = table_names(&pool).await;
    for table in ["people", "ladder_levels", "ladder_changes", "reports"] {
        assert!(
            tables.iter().any(|t| t == table),
            "missing {table}: {tables:?}"
        );
    }
    let expected: Vec<(i64, bool)> = MIGRATOR.iter().map(|m| (m.version, true)).collect();
    assert!(!expected.is_empty());
    assert_eq!(applied_migrations(&pool).await, expected);
    let levels: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ladder_levels")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(levels, 5);

    // Again: nothing new is applied and the seed is not duplicated.
    MIGRATOR.run(&pool).await.unwrap();
    assert_eq!(table_names(&pool).await, tables);
    assert_eq!(applied_migrations(&pool).await, expected);
    let levels: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ladder_levels")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(levels, 5);
    pool.close().await;

    // A store opened on the migrated directory runs them a third time, harmlessly.
    let store = Store::open_with_clock(dir.path(), Arc::new(FixedClock(now())))
        .await
        .unwrap();
    assert_eq!(
        level_names(&store).await,
        [
            "Senior",
            "Staff",
            "Senior Staff",
            "Principal",
            "Distinguished"
        ]
    );
    assert_eq!(applied_migrations(store.pool()).await, expected);
    store.close().await;
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused() {
    let ts = open_store().await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99999999999999, 'from the future', 1, x'00', 0)",
    )
    .execute(ts.pool())
    .await
    .unwrap();
    let dir = ts.dir.path().to_owned();
    ts.store.close().await;

    match Store::open_with_clock(&dir, Arc::new(FixedClock(now()))).await {
        Err(Error::Storage { message }) => assert!(
            message.starts_with("The database schema could not be brought up to date: "),
            "{message}"
        ),
        other => panic!("expected a storage error, got {other:?}"),
    }
    drop(ts);
}

async fn pragma_text(conn: &mut SqliteConnection, pragma: &str) -> String {
    sqlx::query_scalar(&format!("PRAGMA {pragma}"))
        .fetch_one(conn)
        .await
        .unwrap()
}

async fn pragma_int(conn: &mut SqliteConnection, pragma: &str) -> i64 {
    sqlx::query_scalar(&format!("PRAGMA {pragma}"))
        .fetch_one(conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn every_store_connection_has_the_required_pragmas() {
    let ts = open_store().await;
    // Hold several connections at once so that each one is a distinct connection of the pool.
    let mut conns = Vec::new();
    for _ in 0..4 {
        conns.push(ts.pool().acquire().await.unwrap());
    }
    for conn in &mut conns {
        assert_eq!(pragma_text(conn, "journal_mode").await, "wal");
        assert_eq!(pragma_int(conn, "foreign_keys").await, 1);
        assert_eq!(pragma_int(conn, "synchronous").await, 2, "synchronous=FULL");
        assert_eq!(pragma_int(conn, "busy_timeout").await, 5000);
    }
    drop(conns);
    // The WAL file sits beside the database file.
    assert!(ts.dir.path().join(format!("{DB_FILE}-wal")).exists());
}

#[tokio::test]
async fn a_raw_pool_from_connect_options_has_the_same_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let pool = SqlitePool::connect_with(connect_options(&dir.path().join("raw.sqlite3")))
        .await
        .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    assert_eq!(pragma_text(&mut conn, "journal_mode").await, "wal");
    assert_eq!(pragma_int(&mut conn, "foreign_keys").await, 1);
    assert_eq!(pragma_int(&mut conn, "synchronous").await, 2);
    assert_eq!(pragma_int(&mut conn, "busy_timeout").await, 5000);
    drop(conn);
    pool.close().await;
}

fn db_error_kind(result: Result<sqlx::sqlite::SqliteQueryResult, sqlx::Error>) -> ErrorKind {
    db_error(result).0
}

/// The kind and message of a database error; panics on success or any other error.
fn db_error(result: Result<sqlx::sqlite::SqliteQueryResult, sqlx::Error>) -> (ErrorKind, String) {
    match result {
        Err(sqlx::Error::Database(e)) => (e.kind(), e.message().to_owned()),
        other => panic!("expected a database error, got {other:?}"),
    }
}

const INSERT_REPORT: &str = "INSERT INTO reports (id, person_id, current_level_id,
        target_level_id, team, in_role_since, archetype_worked, archetype_needed,
        team_strength, notes, archived_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Team', '2024-01-01', ?, 'architect', 'strong', '', NULL, 1,
        '2026-11-24T12:00:00+00:00', '2026-11-24T12:00:00+00:00')";

#[tokio::test]
async fn foreign_keys_are_enforced() {
    let ts = open_store().await;
    let staff = level_id(&ts, "Staff").await;

    // A report whose person does not exist.
    let result = sqlx::query(INSERT_REPORT)
        .bind("r1")
        .bind("no-such-person")
        .bind(staff.as_str())
        .bind(staff.as_str())
        .bind("architect")
        .execute(ts.pool())
        .await;
    assert_eq!(
        db_error(result),
        (
            ErrorKind::ForeignKeyViolation,
            "FOREIGN KEY constraint failed".to_owned()
        )
    );

    // A real person, but a level that does not exist.
    sqlx::query(
        "INSERT INTO people (id, name, created_at, updated_at) VALUES ('p1', 'P', 'x', 'x')",
    )
    .execute(ts.pool())
    .await
    .unwrap();
    let result = sqlx::query(INSERT_REPORT)
        .bind("r1")
        .bind("p1")
        .bind(staff.as_str())
        .bind("no-such-level")
        .bind("architect")
        .execute(ts.pool())
        .await;
    assert_eq!(db_error_kind(result), ErrorKind::ForeignKeyViolation);
    assert_eq!(ts.report_count().await.unwrap(), 0);

    // Deleting a level or a person a report uses is refused by the database itself.
    let report = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    let result = sqlx::query("DELETE FROM ladder_levels WHERE id = ?")
        .bind(staff.as_str())
        .execute(ts.pool())
        .await;
    // ON DELETE RESTRICT fails with SQLite's "trigger" constraint code, which sqlx files
    // under ErrorKind::Other, so check the message.
    assert_eq!(db_error(result).1, "FOREIGN KEY constraint failed");
    let result = sqlx::query("DELETE FROM people WHERE id = ?")
        .bind(report.person_id.as_str())
        .execute(ts.pool())
        .await;
    assert_eq!(db_error(result).1, "FOREIGN KEY constraint failed");
    assert_eq!(ts.report(&report.id).await.unwrap(), report);
}

#[tokio::test]
async fn check_unique_and_strict_constraints_are_enforced() {
    let ts = open_store().await;
    let staff = level_id(&ts, "Staff").await;
    sqlx::query(
        "INSERT INTO people (id, name, created_at, updated_at) VALUES ('p1', 'P', 'x', 'x')",
    )
    .execute(ts.pool())
    .await
    .unwrap();

    // An archetype outside the enum.
    let result = sqlx::query(INSERT_REPORT)
        .bind("r1")
        .bind("p1")
        .bind(staff.as_str())
        .bind(staff.as_str())
        .bind("wizard")
        .execute(ts.pool())
        .await;
    assert_eq!(db_error_kind(result), ErrorKind::CheckViolation);

    // Level names are unique regardless of ASCII case.
    let result = sqlx::query(
        "INSERT INTO ladder_levels (id, name, rank, created_at, updated_at)
         VALUES ('l1', 'STAFF', 6, 'x', 'x')",
    )
    .execute(ts.pool())
    .await;
    assert_eq!(db_error_kind(result), ErrorKind::UniqueViolation);

    // STRICT tables refuse a value of the wrong type.
    let result = sqlx::query(
        "INSERT INTO ladder_levels (id, name, rank, created_at, updated_at)
         VALUES ('l1', 'Fellow', 'sixth', 'x', 'x')",
    )
    .execute(ts.pool())
    .await;
    assert!(
        matches!(result, Err(sqlx::Error::Database(_))),
        "{result:?}"
    );

    // A change kind outside the enum.
    let result = sqlx::query(
        "INSERT INTO ladder_changes (id, level_id, change, detail, changed_at)
         VALUES ('c1', 'l1', 'exploded', '', 'x')",
    )
    .execute(ts.pool())
    .await;
    assert_eq!(db_error_kind(result), ErrorKind::CheckViolation);

    assert_eq!(ts.report_count().await.unwrap(), 0);
    assert_eq!(ts.ladder().await.unwrap().len(), 5);
}

#[tokio::test]
async fn opening_creates_missing_directories_and_reports_an_unusable_one() {
    let root = tempfile::tempdir().unwrap();
    let nested = root.path().join("a").join("b").join("trellis");
    let store = Store::open_with_clock(&nested, Arc::new(FixedClock(now())))
        .await
        .unwrap();
    assert_eq!(store.db_file(), nested.join(DB_FILE));
    assert!(nested.join(DB_FILE).is_file());
    store.close().await;

    // A data "directory" that is a regular file.
    let file = root.path().join("not-a-dir");
    std::fs::write(&file, b"hello").unwrap();
    match Store::open_with_clock(&file, Arc::new(FixedClock(now()))).await {
        Err(Error::Storage { message }) => assert!(
            message.starts_with(&format!(
                "Could not create the data directory {}: ",
                file.display()
            )),
            "{message}"
        ),
        other => panic!("expected a storage error, got {other:?}"),
    }
}
