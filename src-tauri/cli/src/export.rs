//! `trellis-cli export`: the committee brief or the manager's brief for a report or a cycle,
//! written atomically to a file (Markdown, self-contained HTML or PDF). The same documents as
//! the app's export: `--brief` says which (and standard error repeats it), private 1:1 notes
//! and non-quotable mentee feedback only in the manager's brief and only when asked for, and
//! the file's first line says what is in it.

use std::path::{Path, PathBuf};

use trellis_core::export::{Brief, ExportFormat, ExportOptions, ExportScope};
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

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Which {
    /// The case for each candidate, to hand to the committee: no radar risks, nothing private.
    Committee,
    /// Everything, for you: the radar's risks and what was done about each.
    Manager,
}

impl From<Which> for Brief {
    fn from(w: Which) -> Self {
        match w {
            Which::Committee => Brief::Committee,
            Which::Manager => Brief::Manager,
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
    /// Which document to write.
    #[arg(long, value_enum)]
    brief: Which,
    /// The file format.
    #[arg(long, value_enum)]
    format: Format,
    /// The file to write (replaced if it exists; never a directory or a device), or - for
    /// standard output.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Include 1:1 notes (private ones too) in the manager's brief. The file then says so on
    /// its first line.
    #[arg(long)]
    include_private_notes: bool,
    /// Include mentee feedback that was not marked quotable in the manager's brief. The file
    /// then says so on its first line.
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
    let written = out.write(&bytes?)?;
    eprintln!(
        "Wrote the {}.",
        Brief::from(args.brief).label().to_lowercase()
    );
    Ok(written)
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
        brief: args.brief.into(),
        include_private_notes: args.include_private_notes,
        include_non_quotable: args.include_non_quotable,
    };
    let notes = store
        .calibration_notes(&scope, &options, as_of)
        .await
        .map_err(|e| match e.field_issues() {
            // An option the brief refuses: named as the flag that was passed.
            [issue, ..] => format!("{}: {}", flag(&issue.field), issue.message),
            [] => e.to_string(),
        })?;
    ExportFormat::from(args.format)
        .render(&notes)
        .map_err(|e| e.to_string())
}

/// A field as its command-line flag: "includePrivateNotes" → "--include-private-notes".
fn flag(field: &str) -> String {
    let mut out = String::from("--");
    for c in field.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
