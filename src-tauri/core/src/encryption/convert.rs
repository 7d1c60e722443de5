//! Copying a database file into a new file under another key (or none) with SQLCipher's
//! `sqlcipher_export`, and checking the copy.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::backup::{integrity_problems, open_read_only, storage_error, Depth};
use crate::error::{Error, Result};
use crate::passphrase::Passphrase;
use crate::store::with_key;

/// How long the copy waits for a writer of the source.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

fn utf8(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| {
        storage_error(format!(
            "The path is not valid Unicode, which SQLite needs: {}",
            path.display()
        ))
    })
}

/// Writes a copy of `from` (unlocked with `from_key`) into the new file `to`, encrypted with
/// `to_key` (`None`: not encrypted). `from` is only read. The caller removes `to` on failure.
pub(crate) async fn export(
    from: &Path,
    from_key: Option<&Passphrase>,
    to: &Path,
    to_key: Option<&Passphrase>,
) -> Result<()> {
    // The source is the main database of a connection of its own, opened for writing (an
    // attached file shares the connection's flags) though nothing writes to it.
    let mut conn = with_key(
        SqliteConnectOptions::new()
            .filename(from)
            .create_if_missing(false)
            .busy_timeout(BUSY_TIMEOUT),
        from_key,
    )
    .disable_statement_logging()
    .connect()
    .await?;
    let outcome = async {
        // Created empty here (an empty file is a new database), since the connection may not
        // create files: a missing source must stay missing.
        crate::files::create_file(to)
            .map_err(|e| storage_error(format!("Could not create {}: {e}", to.display())))?;
        // `KEY ''` attaches a file without encryption; without a KEY clause SQLCipher would
        // use the main database's key.
        sqlx::query("ATTACH DATABASE ?1 AS trellis_to KEY ?2")
            .bind(utf8(to)?)
            .bind(to_key.map_or("", Passphrase::secret))
            .execute(&mut conn)
            .await?;
        sqlx::query("SELECT sqlcipher_export('trellis_to')")
            .execute(&mut conn)
            .await?;
        sqlx::query("DETACH DATABASE trellis_to")
            .execute(&mut conn)
            .await?;
        Ok::<(), Error>(())
    }
    .await;
    let _ = conn.close().await;
    outcome
}

/// Whether `path` opens with `key` and passes the full integrity and foreign key checks:
/// `None` when it does, else the problems found.
pub(crate) async fn check(path: &Path, key: Option<&Passphrase>) -> Option<Vec<String>> {
    let mut conn = match open_read_only(path, true, key).await {
        Ok(conn) => conn,
        Err(e) => return Some(vec![e.to_string()]),
    };
    let found = integrity_problems(&mut conn, Depth::Full).await;
    let _ = conn.close().await;
    match found {
        Ok(problems) if problems.is_empty() => None,
        Ok(problems) => Some(problems),
        Err(e) => Some(vec![e.to_string()]),
    }
}
