//! What every subcommand needs: the store of an existing data directory, the as-of date, a
//! report or a cycle found by its name (any case) or its id, and a safe `--out` path. Errors
//! are the one-line reasons printed on stderr (exit code 1).

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use trellis_core::clock::SystemClock;
use trellis_core::model::{Cycle, Report, RosterFilter};
use trellis_core::store::DB_FILE;
use trellis_core::validate::{present, Checks};
use trellis_core::Store;

/// Opens the store in `dir`, refusing (without creating anything) when there is no data.
/// Encrypted data is opened with the passphrase given ([`crate::unlock`]); a wrong one changes
/// nothing.
pub async fn open_store(dir: &Path) -> Result<Store, String> {
    if !dir.join(DB_FILE).is_file() {
        return Err(format!(
            "no Trellis data in {} (no {DB_FILE})",
            dir.display()
        ));
    }
    open_or_create(dir).await
}

/// Opens (creating if needed) the store in `dir`, with the passphrase if it is encrypted.
pub async fn open_or_create(dir: &Path) -> Result<Store, String> {
    let passphrase = crate::unlock::passphrase(dir)?;
    Store::open_keyed(dir, Arc::new(SystemClock), passphrase.as_ref())
        .await
        .map_err(|e| e.to_string())
}

/// `--as-of YYYY-MM-DD`, or today on the store's clock.
pub fn as_of(store: &Store, text: Option<&str>) -> Result<NaiveDate, String> {
    match text {
        None => Ok(store.clock().today()),
        Some(text) => {
            let mut c = Checks::new();
            let date = c.date("asOf", "--as-of", text, None);
            c.finish().map_err(|e| e.to_string())?;
            present(date).map_err(|e| e.to_string())
        }
    }
}

/// A report, active or archived, by id or by name (any case).
pub async fn find_report(store: &Store, wanted: &str) -> Result<Report, String> {
    let mut reports = store
        .reports(RosterFilter::Active)
        .await
        .map_err(|e| e.to_string())?;
    reports.extend(
        store
            .reports(RosterFilter::Archived)
            .await
            .map_err(|e| e.to_string())?,
    );
    reports
        .into_iter()
        .find(|r| r.id.as_str() == wanted || r.name.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| format!("no report named or with id {wanted:?}"))
}

/// A cycle by id or by name (any case).
pub async fn find_cycle(store: &Store, wanted: &str) -> Result<Cycle, String> {
    store
        .cycles()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|c| c.id.as_str() == wanted || c.name.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| format!("no cycle named or with id {wanted:?}"))
}

/// Refuses a directory, and anything inside the data directory (a file written by the CLI
/// must never replace or add to what the app stores there). `what` names the file's content
/// ("the notes").
pub fn check_out(dir: &Path, out: &Path, what: &str) -> Result<(), String> {
    if out.is_dir() {
        return Err(format!(
            "--out {} is a directory: give the path of the file to write",
            out.display()
        ));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let parent = parent.canonicalize().map_err(|e| {
        format!(
            "--out {}: cannot write there ({}: {e})",
            out.display(),
            parent.display()
        )
    })?;
    if let Ok(data) = dir.canonicalize() {
        if parent.starts_with(&data) {
            return Err(format!(
                "--out {} is inside the data directory {}: write {what} somewhere else",
                out.display(),
                data.display()
            ));
        }
    }
    Ok(())
}
