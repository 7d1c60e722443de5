//! `trellis-cli data`: the archive of everything in a data directory (docs/archive-json.md).
//!
//! - `data export --out FILE` writes it atomically (owner-only) and prints the path.
//! - `data import FILE [--replace]` checks the whole file, then replaces everything in the
//!   data directory with it in one transaction, and prints how many records each table got.
//!   It refuses a data directory that already holds records unless `--replace` is given; with
//!   it, the data being replaced is first backed up (a pre-import backup in the data
//!   directory's `backups/`, listed and restorable in the app). A bad file changes nothing;
//!   every problem is listed, each naming the record and the field. It is refused while the
//!   app has the data open (`trellis.lock`). With a passphrase given (`--passphrase-stdin` or
//!   `$TRELLIS_PASSPHRASE`), a new data directory is created encrypted with it; a passphrase
//!   for data that is not encrypted is refused.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use std::sync::Arc;
use trellis_core::archive::{self, ImportSummary, MAX_BYTES};
use trellis_core::backup::{self, BackupKind};

use trellis_core::clock::SystemClock;
use trellis_core::data_dir;
use trellis_core::store::DB_FILE;
use trellis_core::{Error, Store};

use crate::lookup::{check_out, open_store};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DataCommand,
}

#[derive(Subcommand)]
enum DataCommand {
    /// Write everything in the data directory to one JSON file (the archive) and print its
    /// path.
    Export {
        /// The file to write (replaced if it exists; never a directory, a device or inside the
        /// data directory), or - for standard output.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Replace everything in the data directory with an archive's contents and print how
    /// many records each table got.
    Import {
        /// The archive to read (written by `data export`).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace the data directory's records even when it already holds some (they are
        /// backed up first, as a pre-import backup in its backups/ folder).
        #[arg(long)]
        replace: bool,
    },
}

pub async fn run(dir: &Path, args: Args) -> Result<String, String> {
    match args.command {
        DataCommand::Export { out } => export(dir, &out).await,
        DataCommand::Import { file, replace } => import(dir, &file, replace).await,
    }
}

async fn export(dir: &Path, out: &Path) -> Result<String, String> {
    let out = check_out(dir, out, "the archive")?;
    let store = open_store(dir).await?;
    let bytes = archive::export(&store).await;
    store.close().await;
    out.write(&bytes.map_err(|e| e.to_string())?)
}

async fn import(dir: &Path, file: &Path, replace: bool) -> Result<String, String> {
    let bytes = read_archive(file)?;
    let exists = dir.join(DB_FILE).is_file();
    // Refusals come before anything is written: a data directory that holds records (read
    // only), then a file that fails a check. Only then is a folder created, the data locked,
    // and what is replaced backed up.
    let holds_records = exists && holds_records(dir).await?;
    if holds_records && !replace {
        return Err(refused_for_records(dir).await?);
    }
    archive::check(&bytes)
        .await
        .map_err(|e| not_imported(file, &e))?;
    let passphrase = crate::unlock::passphrase_for_writing(dir)?;
    let _lock = data_dir::lock(dir).map_err(|e| match e {
        Error::Conflict { .. } => format!(
            "Trellis has the data in {} open. Quit it, then import; nothing was changed.",
            dir.display()
        ),
        other => other.to_string(),
    })?;
    let store = Store::open_keyed(dir, Arc::new(SystemClock), passphrase.as_ref())
        .await
        .map_err(|e| e.to_string())?;
    // Asked again now that the data is ours: the app may have added records meanwhile.
    let holds_records = match archive::holds_only_defaults(&store).await {
        Ok(only_defaults) => !only_defaults,
        Err(e) => {
            store.close().await;
            return Err(e.to_string());
        }
    };
    if holds_records && !replace {
        store.close().await;
        return Err(refused_for_records(dir).await?);
    }
    let imported = import_into(&store, file, &bytes, holds_records).await;
    store.close().await;
    let (summary, backed_up) = imported?;
    let mut text = report(file, dir, &summary);
    if let Some(copy) = backed_up {
        text.push_str(&format!(
            "\nThe data it replaced is in {}.",
            backup::backups_dir(dir).join(copy).display()
        ));
    }
    Ok(text)
}

/// Whether the data directory holds records beyond the defaults (read without writing).
async fn holds_records(dir: &Path) -> Result<bool, String> {
    let store = open_store(dir).await?;
    let only_defaults = archive::holds_only_defaults(&store).await;
    store.close().await;
    Ok(!only_defaults.map_err(|e| e.to_string())?)
}

async fn refused_for_records(dir: &Path) -> Result<String, String> {
    let store = open_store(dir).await?;
    let held = archive::record_counts(&store).await;
    store.close().await;
    let held = held.map_err(|e| e.to_string())?;
    Ok(format!(
        "{} already holds Trellis data ({} reports, {} records in all); \
         `data import --replace` replaces all of it with the file's contents \
         (after backing it up). Nothing was changed.",
        dir.display(),
        held.rows_of("reports"),
        held.records
    ))
}

/// Imports a checked file, backing up first what it replaces when that holds records.
async fn import_into(
    store: &Store,
    file: &Path,
    bytes: &[u8],
    holds_records: bool,
) -> Result<(ImportSummary, Option<String>), String> {
    let mut backed_up = None;
    if holds_records {
        let copy = backup::take(store, BackupKind::PreImport)
            .await
            .map_err(|e| {
                format!(
                    "{} was not imported: the data it would replace could not be backed up \
                     first ({e}). Nothing was changed.",
                    file.display()
                )
            })?;
        backed_up = Some(copy.file_name);
    }
    let summary = archive::import(store, bytes)
        .await
        .map_err(|e| not_imported(file, &e))?;
    Ok((summary, backed_up))
}

/// The file's bytes, refusing one larger than an archive may be before reading it.
fn read_archive(file: &Path) -> Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", file.display());
    let mut f = std::fs::File::open(file).map_err(cannot)?;
    let len = f.metadata().map_err(cannot)?.len();
    let limit = u64::try_from(MAX_BYTES).unwrap_or(u64::MAX);
    if len > limit {
        return Err(format!(
            "{} is {} MB; an archive may be at most {} MB. Nothing was changed.",
            file.display(),
            len.div_ceil(1 << 20),
            MAX_BYTES >> 20
        ));
    }
    let mut bytes = Vec::new();
    // Never more than the limit, even if the file grows while it is read.
    f.by_ref()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(bytes)
}

/// Every problem of a refused file, one per line, each naming the record and the field.
fn not_imported(file: &Path, e: &Error) -> String {
    match e {
        Error::Validation { fields, .. } if !fields.is_empty() => {
            let mut text = format!("{} was not imported (nothing was changed):", file.display());
            // The core quotes the file's text escaped; escaped again here, whatever it says.
            let shown = trellis_core::validate::printable;
            for issue in fields {
                text.push_str(&format!(
                    "\n  {}: {}",
                    shown(&issue.field),
                    shown(&issue.message)
                ));
            }
            text
        }
        other => format!(
            "{} was not imported (nothing was changed): {other}",
            file.display()
        ),
    }
}

/// "Imported FILE into DIR: N records." and a line per table.
fn report(file: &Path, dir: &Path, summary: &ImportSummary) -> String {
    let mut text = format!(
        "Imported {} into {}: {} records.",
        file.display(),
        dir.display(),
        summary.records
    );
    for t in &summary.tables {
        text.push_str(&format!("\n  {:<22} {:>7}", t.table, t.rows));
    }
    text
}
