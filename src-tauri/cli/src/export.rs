//! `trellis-cli export`: calibration notes for a report or a cycle, written atomically to a
//! file (Markdown, self-contained HTML or PDF). The same notes as the app's export: private
//! 1:1 notes and non-quotable mentee feedback only when asked for, and the file's first line
//! says what is in it.

use std::path::{Path, PathBuf};

use trellis_core::export::{ExportFormat, ExportOptions, ExportScope};
use trellis_core::Store;

use crate::lookup::{as_of, check_out, find_cycle, find_report, open_store};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Markdown: pastes cleanly into docs.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML file that prints well.
    Html,
    /// PDF.
    Pdf,
}

impl From<Format> for ExportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Md => ExportFormat::Markdown,
            Format::Html => ExportFormat::Html,
            Format::Pdf => ExportFormat::Pdf,
        }
    }
}

#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("scope").required(true).args(["report", "cycle"]))]
pub struct Args {
    /// One report's notes (its name or id).
    #[arg(long, value_name = "NAME|ID")]
    report: Option<String>,
    /// The notes for every candidate of this cycle (its name or id).
    #[arg(long, value_name = "NAME|ID")]
    cycle: Option<String>,
    /// The file format.
    #[arg(long, value_enum)]
    format: Format,
    /// The file to write (replaced if it exists; never a directory or a device), or - for
    /// standard output.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Include 1:1 notes (private ones too). The file then says so on its first line.
    #[arg(long)]
    include_private_notes: bool,
    /// Include mentee feedback that was not marked quotable. The file then says so on its
    /// first line.
    #[arg(long)]
    include_non_quotable: bool,
    /// The notes as of this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
}

pub async fn run(dir: &Path, args: Args) -> Result<String, String> {
    let out = check_out(dir, &args.out, "the notes")?;
    let store = open_store(dir).await?;
    let bytes = render(&store, &args).await;
    store.close().await;
    out.write(&bytes?)
}

async fn render(store: &Store, args: &Args) -> Result<Vec<u8>, String> {
    let as_of = as_of(store, args.as_of.as_deref())?;
    let scope = match (&args.report, &args.cycle) {
        (Some(wanted), _) => ExportScope::Report {
            report_id: find_report(store, wanted).await?.id,
        },
        (None, Some(wanted)) => ExportScope::Cycle {
            cycle_id: find_cycle(store, wanted).await?.id,
        },
        (None, None) => return Err("pass --report or --cycle".into()),
    };
    let options = ExportOptions {
        include_private_notes: args.include_private_notes,
        include_non_quotable: args.include_non_quotable,
    };
    let notes = store
        .calibration_notes(&scope, &options, as_of)
        .await
        .map_err(|e| e.to_string())?;
    ExportFormat::from(args.format)
        .render(&notes)
        .map_err(|e| e.to_string())
}
