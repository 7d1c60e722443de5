//! Checking a database file: SQLite's own integrity check, foreign keys, whether this build can
//! upgrade its data format, and how many records it holds. Files are only ever opened
//! read-only here.

use std::path::Path;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use super::RecordCount;
use crate::encryption::is_encrypted;
use crate::passphrase::Passphrase;
use crate::store::{applied_versions, schema_problem, with_key};

/// At most this many problem lines are kept from a check (the first ones).
pub(crate) const MAX_PROBLEMS: usize = 10;

/// How thorough a check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// `PRAGMA quick_check`: every page and row, not index contents. For listing backups.
    Quick,
    /// `PRAGMA integrity_check`: everything. Before a backup is kept, restored or offered.
    Full,
}

/// A read-only connection to a database file that must already exist. `immutable` (for
/// backups, which nothing else writes) also ignores locks and journals, so reading the file
/// can never change it; the live database is opened without it, so that its write-ahead log is
/// read too. `passphrase` unlocks an encrypted file.
pub(crate) async fn open_read_only(
    path: &Path,
    immutable: bool,
    passphrase: Option<&Passphrase>,
) -> Result<SqliteConnection, sqlx::Error> {
    with_key(
        SqliteConnectOptions::new()
            .filename(path)
            .read_only(true)
            .immutable(immutable),
        passphrase,
    )
    .connect()
    .await
}

/// Whether an error means the file is damaged or not a database (SQLite's `SQLITE_CORRUPT` or
/// `SQLITE_NOTADB`, with any extended code), as opposed to busy, missing or unreadable.
pub(crate) fn is_damage(e: &sqlx::Error) -> bool {
    const SQLITE_CORRUPT: i32 = 11;
    const SQLITE_NOTADB: i32 = 26;
    let sqlx::Error::Database(db) = e else {
        return false;
    };
    db.code()
        .and_then(|c| c.parse::<i32>().ok())
        .is_some_and(|code| matches!(code & 0xff, SQLITE_CORRUPT | SQLITE_NOTADB))
}

/// The first problems SQLite finds in the database (empty when it is sound): the integrity
/// check's lines, then rows whose foreign key points nowhere.
pub(crate) async fn integrity_problems(
    conn: &mut SqliteConnection,
    depth: Depth,
) -> Result<Vec<String>, sqlx::Error> {
    let pragma = match depth {
        Depth::Quick => "PRAGMA quick_check(10)",
        Depth::Full => "PRAGMA integrity_check(10)",
    };
    let mut problems: Vec<String> = sqlx::query_scalar::<_, String>(pragma)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .filter(|line| line != "ok")
        .collect();
    let orphans: Vec<(String, Option<i64>, String)> =
        sqlx::query_as(r#"SELECT "table", rowid, parent FROM pragma_foreign_key_check LIMIT 10"#)
            .fetch_all(&mut *conn)
            .await?;
    problems.extend(orphans.into_iter().map(|(table, rowid, parent)| {
        let row = rowid.map(|r| format!(" (row {r})")).unwrap_or_default();
        format!("A row of {table}{row} refers to a row of {parent} that does not exist.")
    }));
    problems.truncate(MAX_PROBLEMS);
    Ok(problems)
}

/// What a check found in one file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inspection {
    pub schema_version: Option<i64>,
    pub counts: Vec<RecordCount>,
    /// Empty when the file can be restored.
    pub problems: Vec<String>,
}

impl Inspection {
    /// The problems as one sentence for the backups screen.
    pub fn summary(&self) -> Option<String> {
        let (first, rest) = self.problems.split_first()?;
        Some(match rest.len() {
            0 => first.clone(),
            n => format!(
                "{first} (And {n} more problem{}.)",
                if n == 1 { "" } else { "s" }
            ),
        })
    }
}

/// Checks a backup file (never modifying it) with the passphrase in use (`None`: the data is
/// not encrypted). Anything that goes wrong becomes a problem, including a copy whose
/// encryption does not match: an encrypted copy without a passphrase, or an unencrypted copy
/// while the data is encrypted (it cannot be restored as it is).
pub(crate) async fn inspect_file(
    path: &Path,
    depth: Depth,
    passphrase: Option<&Passphrase>,
) -> Inspection {
    let problem = |p: String| Inspection {
        problems: vec![p],
        ..Inspection::default()
    };
    match (is_encrypted(path), passphrase) {
        (Err(e), _) => return problem(format!("It cannot be read: {e}")),
        (Ok(true), None) => {
            return problem(
                "It cannot be read as a database: file is not a database (it is protected by \
                 a passphrase, or damaged)."
                    .to_owned(),
            )
        }
        (Ok(false), Some(_)) => {
            return problem(
                "It is not protected by the passphrase (an unencrypted copy), so it cannot be \
                 restored into the encrypted data."
                    .to_owned(),
            )
        }
        _ => {}
    }
    let mut conn = match open_read_only(path, true, passphrase).await {
        Ok(conn) => conn,
        Err(e) => return problem(format!("It cannot be opened as a database: {e}")),
    };
    let inspection = inspect(&mut conn, depth, passphrase.is_some()).await;
    // Closing a read-only connection has nothing to write; an error here changes nothing.
    let _ = conn.close().await;
    inspection
}

async fn inspect(conn: &mut SqliteConnection, depth: Depth, keyed: bool) -> Inspection {
    let mut out = Inspection::default();
    match integrity_problems(conn, depth).await {
        Ok(problems) => out.problems = problems,
        Err(e) if keyed && is_damage(&e) => {
            out.problems.push(format!(
                "It cannot be read with the passphrase in use (it may be protected by another \
                 one, or damaged): {e}"
            ));
            return out;
        }
        Err(e) => {
            out.problems
                .push(format!("It cannot be read as a database: {e}"));
            return out;
        }
    }
    match schema_problem(conn).await {
        Ok(Some(problem)) => out.problems.push(problem),
        Ok(None) => {}
        Err(e) => out
            .problems
            .push(format!("Its data format cannot be read: {e}")),
    }
    match applied_versions(conn).await {
        Ok(applied) if applied.is_empty() => out
            .problems
            .push("It holds no Trellis data (no data format recorded).".to_owned()),
        Ok(applied) => out.schema_version = applied.into_iter().max(),
        Err(e) => out
            .problems
            .push(format!("Its data format cannot be read: {e}")),
    }
    out.counts = counts(conn).await;
    out.problems.truncate(MAX_PROBLEMS);
    out
}

/// What the backups screen counts: label, table, and which of its rows count (all when empty).
const COUNTED: &[(&str, &str, &str)] = &[
    ("Reports", "reports", ""),
    (
        "Other people",
        "people",
        " WHERE id NOT IN (SELECT person_id FROM reports)",
    ),
    ("Mandates", "mandates", ""),
    ("Evidence items", "evidence", ""),
    ("Mentee feedback", "mentorship_feedback", ""),
    ("Advocates", "advocates", ""),
    ("1:1 meetings", "meetings", ""),
    ("1:1 notes", "meeting_notes", ""),
    ("Cycles", "cycles", ""),
    ("Candidates", "candidates", ""),
    ("Rules of thumb", "rules_of_thumb", ""),
];

/// Records by kind, for the kinds whose table exists in this file's data format (a count that
/// cannot be read is left out; the check has said why).
pub(crate) async fn counts(conn: &mut SqliteConnection) -> Vec<RecordCount> {
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut *conn)
            .await
            .unwrap_or_default();
    let mut out = Vec::new();
    for (label, table, filter) in COUNTED {
        if !tables.iter().any(|t| t == table) {
            continue;
        }
        let sql = format!("SELECT COUNT(*) FROM {table}{filter}");
        if let Ok(count) = sqlx::query_scalar::<_, i64>(&sql)
            .fetch_one(&mut *conn)
            .await
        {
            out.push(RecordCount {
                label: (*label).to_owned(),
                count: i32::try_from(count).unwrap_or(i32::MAX),
            });
        }
    }
    out
}
