//! What a database file says about its own schema: the migrations it has applied, and whether
//! this build of Trellis can open it (used for the live database and for backups alike).
//! Errors stay `sqlx` errors so that callers can tell a damaged file from a busy one.

use sqlx::SqliteConnection;

use super::MIGRATOR;

type Result<T> = std::result::Result<T, sqlx::Error>;

/// Whether the migrations table exists (a brand-new file has none).
async fn has_migrations_table(conn: &mut SqliteConnection) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// The migrations this database has applied successfully, oldest first (empty for a new file).
pub(crate) async fn applied_versions(conn: &mut SqliteConnection) -> Result<Vec<i64>> {
    if !has_migrations_table(conn).await? {
        return Ok(Vec::new());
    }
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1 ORDER BY version")
        .fetch_all(&mut *conn)
        .await
}

/// Why this build of Trellis cannot bring the database up to date, if it cannot: a migration it
/// does not know (the file comes from a newer Trellis), one recorded with other contents, or
/// one that did not finish. `None` when the database is older or current and can be upgraded.
pub(crate) async fn schema_problem(conn: &mut SqliteConnection) -> Result<Option<String>> {
    if !has_migrations_table(conn).await? {
        return Ok(None);
    }
    let rows: Vec<(i64, bool, Vec<u8>)> =
        sqlx::query_as("SELECT version, success, checksum FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&mut *conn)
            .await?;
    let latest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    for (version, success, checksum) in rows {
        let Some(known) = MIGRATOR.iter().find(|m| m.version == version) else {
            return Ok(Some(format!(
                "It was written by a newer version of Trellis (data format {version}; this \
                 version reads formats up to {latest})."
            )));
        };
        if !success {
            return Ok(Some(format!(
                "An upgrade of its data format (step {version}) did not finish."
            )));
        }
        if *known.checksum != *checksum {
            return Ok(Some(format!(
                "Its record of data format step {version} differs from this version of \
                 Trellis's, so it cannot be upgraded safely."
            )));
        }
    }
    Ok(None)
}
