//! Building a manager's database at an earlier schema version, the way a user's grew: migration
//! 1 and the rows the app at version 1 wrote (`fixtures/upgrade/v1.sql`), migration 2 and the v2
//! rows, … Shared by the core's upgrade tests (`migration_upgrade.rs`, `backups.rs`) and the
//! package's (`tests/package`, which installs over an older version onto such data).

use std::borrow::Cow;
use std::path::Path;

use sqlx::migrate::Migrator;
use sqlx::sqlite::SqlitePool;
use trellis_core::store::{connect_options, DB_FILE, MIGRATOR};

/// The rows the app at schema `version` wrote, in SQL written for that version's schema (run
/// right after migration `version` is applied, before any later one).
pub fn fixture_sql(version: i64) -> &'static str {
    match version {
        1 => include_str!("fixtures/upgrade/v1.sql"),
        2 => include_str!("fixtures/upgrade/v2.sql"),
        3 => include_str!("fixtures/upgrade/v3.sql"),
        4 => include_str!("fixtures/upgrade/v4.sql"),
        5 => include_str!("fixtures/upgrade/v5.sql"),
        6 => include_str!("fixtures/upgrade/v6.sql"),
        7 => include_str!("fixtures/upgrade/v7.sql"),
        8 => include_str!("fixtures/upgrade/v8.sql"),
        _ => panic!(
            "migration {version} has no upgrade fixture: add tests/core/fixtures/upgrade/v{version}.sql \
             (rows the app writes at that schema version), an arm for {version} in fixture_sql \
             (tests/core/older_schema.rs) and one in check_fixture (tests/core/migration_upgrade.rs)"
        ),
    }
}

/// The schema versions, oldest first (checked contiguous from 1 by
/// `migration_upgrade::applied_migrations_never_change`).
pub fn versions() -> Vec<i64> {
    MIGRATOR.iter().map(|m| m.version).collect()
}

pub fn latest() -> i64 {
    MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .expect("no migrations")
}

/// The embedded migrations up to and including `version`: what an older build of the app had.
pub fn migrator_up_to(version: i64) -> Migrator {
    Migrator {
        migrations: Cow::Owned(
            MIGRATOR
                .iter()
                .filter(|m| m.version <= version)
                .cloned()
                .collect(),
        ),
        ..Migrator::DEFAULT
    }
}

/// A pool on the database file in `dir`, with the store's connection settings.
pub async fn raw_pool(dir: &Path) -> SqlitePool {
    SqlitePool::connect_with(connect_options(&dir.join(DB_FILE)))
        .await
        .unwrap()
}

/// Builds the database in `dir` at schema `version`, with every fixture up to that version
/// written right after its own migration.
pub async fn build_at(dir: &Path, version: i64) {
    let pool = raw_pool(dir).await;
    for v in versions().into_iter().filter(|v| *v <= version) {
        migrator_up_to(v)
            .run(&pool)
            .await
            .unwrap_or_else(|e| panic!("migrating the fixture to version {v} failed: {e}"));
        let mut tx = pool.begin().await.unwrap();
        sqlx::raw_sql(fixture_sql(v))
            .execute(&mut *tx)
            .await
            .unwrap_or_else(|e| panic!("fixtures/upgrade/v{v}.sql does not fit schema {v}: {e}"));
        tx.commit().await.unwrap();
    }
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY 1")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(applied, (1..=version).collect::<Vec<_>>());
    pool.close().await;
}
