//! What every subcommand needs: the store of an existing data directory, the as-of date, a
//! report or a cycle found by its name (any case) or its id, and a safe `--out` path. Errors
//! are the one-line reasons printed on stderr (exit code 1).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use trellis_core::clock::SystemClock;
use trellis_core::export::write::write_atomically;
use trellis_core::model::{Cycle, Report, RosterFilter};
use trellis_core::store::DB_FILE;
use trellis_core::validate::{present, Checks};
use trellis_core::Store;

/// Opens the store in `dir` for reading only (the read commands): nothing is created,
/// migrated or written, so it works on a read-only folder and while the app has the data open.
/// Refuses when there is no data, and data of an older format ("open it in Trellis once to
/// upgrade it"). Encrypted data is opened with the passphrase given ([`crate::unlock`]); a
/// wrong one changes nothing.
pub async fn open_store(dir: &Path) -> Result<Store, String> {
    if !dir.join(DB_FILE).is_file() {
        return Err(format!(
            "no Trellis data in {} (no {DB_FILE})",
            dir.display()
        ));
    }
    let passphrase = crate::unlock::passphrase(dir)?;
    Store::open_read_only(dir, Arc::new(SystemClock), passphrase.as_ref())
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

/// A report, active or archived, by id or by name (any case, in any script: Tomás = TOMÁS).
/// A name that more than one report has is refused, listing them with their ids.
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
    one_of("report", "--report", wanted, reports, |r| {
        (r.id.as_str().to_owned(), r.name.clone())
    })
}

/// A cycle by id or by name (any case, in any script). A name that more than one cycle has
/// is refused, listing them with their ids.
pub async fn find_cycle(store: &Store, wanted: &str) -> Result<Cycle, String> {
    let cycles = store.cycles().await.map_err(|e| e.to_string())?;
    one_of("cycle", "--cycle", wanted, cycles, |c| {
        (c.id.as_str().to_owned(), c.name.clone())
    })
}

/// The one record whose id is `wanted`, else the one whose name is `wanted` in any case.
fn one_of<T>(
    what: &str,
    flag: &str,
    wanted: &str,
    records: Vec<T>,
    id_and_name: impl Fn(&T) -> (String, String),
) -> Result<T, String> {
    let key = name_key(wanted);
    let (mut by_id, mut by_name) = (Vec::new(), Vec::new());
    for r in records {
        let (id, name) = id_and_name(&r);
        if id == wanted {
            by_id.push(r);
        } else if name_key(&name) == key {
            by_name.push(r);
        }
    }
    if let Some(r) = by_id.pop() {
        return Ok(r);
    }
    if by_name.len() > 1 {
        let list: Vec<String> = by_name
            .iter()
            .map(|r| {
                let (id, name) = id_and_name(r);
                format!("{} (id {id})", escaped(&name))
            })
            .collect();
        return Err(format!(
            "{} {what}s are named {}: {}. Pass {flag} with the id of the one you mean.",
            by_name.len(),
            escaped(wanted),
            list.join(", ")
        ));
    }
    by_name
        .pop()
        .ok_or_else(|| format!("no {what} named or with id {}", escaped(wanted)))
}

/// A name as compared: trimmed, lower case in every script.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Text from the user or a file, quoted for an error line: control and invisible
/// direction characters are escaped, so it can neither clear the terminal nor forge a line.
pub fn escaped(text: &str) -> String {
    trellis_core::validate::escaped(text)
}

/// Where a command writes its file: standard output (`--out -`) or a regular file.
pub enum Out {
    Stdout,
    File(PathBuf),
}

impl Out {
    /// Writes `bytes` (a file atomically, owner-only) and returns what the command prints:
    /// the file's path, or nothing when the bytes went to standard output.
    pub fn write(&self, bytes: &[u8]) -> Result<String, String> {
        match self {
            Out::Stdout => {
                let mut stdout = std::io::stdout().lock();
                match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                    Ok(()) => Ok(String::new()),
                    // The reader went away: end as `finish` ends on a closed output.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        std::process::exit(i32::from(crate::CLOSED_OUTPUT))
                    }
                    Err(e) => Err(format!("could not write to standard output: {e}")),
                }
            }
            Out::File(path) => {
                write_atomically(path, bytes).map_err(|e| e.to_string())?;
                Ok(path.display().to_string())
            }
        }
    }
}

/// The file `--out` names, checked: `-` is standard output; otherwise a regular file (or a
/// new one), never a directory, a device or another special file, and never inside the data
/// directory (a file written by the CLI must never replace or add to what the app stores
/// there). A symbolic link to a regular file writes that file and keeps the link. `what`
/// names the file's content ("the notes").
pub fn check_out(dir: &Path, out: &Path, what: &str) -> Result<Out, String> {
    if out.as_os_str() == "-" {
        return Ok(Out::Stdout);
    }
    let shown = escaped(&out.display().to_string());
    let target = match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.to_owned(),
        Err(e) => return Err(format!("--out {shown}: cannot write there ({e})")),
        Ok(meta) if meta.is_dir() => {
            return Err(format!(
                "--out {shown} is a directory: give the path of the file to write"
            ))
        }
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::metadata(out) {
            Ok(m) if m.is_file() => out
                .canonicalize()
                .map_err(|e| format!("--out {shown}: cannot follow the link ({e})"))?,
            Ok(_) => {
                return Err(format!(
                    "--out {shown} is a link to something that is not a regular file (a \
                     device or a folder): give the path of a file"
                ))
            }
            Err(e) => return Err(format!("--out {shown} is a link that leads nowhere ({e})")),
        },
        Ok(meta) if !meta.is_file() => {
            return Err(format!(
                "--out {shown} is not a regular file (a device, pipe or socket): give the path \
                 of a file, or - for standard output"
            ))
        }
        Ok(_) => out.to_owned(),
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let parent = parent.canonicalize().map_err(|e| {
        format!(
            "--out {shown}: cannot write there ({}: {e})",
            parent.display()
        )
    })?;
    if let Ok(data) = dir.canonicalize() {
        if parent.starts_with(&data) {
            return Err(format!(
                "--out {shown} is inside the data directory {}: write {what} somewhere else",
                data.display()
            ));
        }
    }
    Ok(Out::File(target))
}
