//! `trellis-cli`: the Trellis core without a window, for scripts.
//!
//!   trellis-cli [--data-dir PATH] radar [--as-of YYYY-MM-DD] [--report NAME|ID | --cycle NAME|ID] [--pretty]
//!   trellis-cli [--data-dir PATH] export (--report NAME|ID | --cycle NAME|ID) --format md|html|pdf
//!               --out PATH [--include-private-notes] [--include-non-quotable] [--as-of YYYY-MM-DD]
//!   trellis-cli [--data-dir PATH] prep --report NAME|ID [--as-of YYYY-MM-DD]
//!   trellis-cli [--data-dir PATH] data export --out PATH
//!   trellis-cli [--data-dir PATH] data import FILE [--replace]
//!   trellis-cli radar-quality [DIR] [--check]
//!
//! The radar's JSON schema is documented in docs/radar-json.md; `export` prints the path it
//! wrote, `prep` prints Markdown (docs/cli.md). `data export` writes the archive of everything
//! (docs/archive-json.md) and prints its path; `data import` replaces everything in the data
//! directory with an archive (refusing a directory that holds records unless `--replace`) and
//! prints the records per table. Exit codes: 0 done, 1 failed (the reason on stderr), 2 bad
//! usage, 141 standard output closed early. Only `data import` writes to the data directory
//! (refused while the app holds `trellis.lock`); the other commands open it read-only. `radar-quality` runs the corpus of
//! scripted histories (tests/corpus) in temporary data directories and prints its Markdown
//! table (docs/radar-quality.md); it never opens the data directory.
//!
//! Encrypted data (a passphrase set in the app) is opened with the passphrase from
//! `--passphrase-stdin` (one line of standard input) or `$TRELLIS_PASSPHRASE`.

mod data;
mod export;
mod lookup;
mod prep;
mod quality;
mod radar;
mod unlock;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trellis_core::data_dir;

#[derive(Parser)]
#[command(
    name = "trellis-cli",
    version,
    about = "Trellis without a window: the radar, calibration notes, 1:1 prep and the archive for scripts"
)]
struct Cli {
    /// The data directory (default: $TRELLIS_DATA_DIR, else the app's OS data directory).
    #[arg(long, global = true, value_name = "PATH")]
    data_dir: Option<PathBuf>,
    /// Read the passphrase of encrypted data as one line of standard input (otherwise it is
    /// taken from $TRELLIS_PASSPHRASE). Only read when the data is encrypted.
    #[arg(long, global = true)]
    passphrase_stdin: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the surprise radar as JSON: every active report, one report, or one cycle.
    Radar(radar::Args),
    /// Write calibration notes for a report or a cycle to a file (Markdown, HTML or PDF) and
    /// print its path.
    Export(export::Args),
    /// Print the prep for the next 1:1 with a report, as Markdown.
    Prep(prep::Args),
    /// Export everything to one JSON archive, or import one (docs/archive-json.md).
    Data(data::Args),
    /// Measure the radar on the corpus of scripted histories and print the table as Markdown
    /// (docs/radar-quality.md). Runs in temporary data directories, never in yours.
    RadarQuality(quality::Args),
}

fn main() -> ExitCode {
    // Every file the command line writes (the data, exports, archives) is the owner's only.
    trellis_core::files::private_by_default();
    let cli = Cli::parse();
    // The corpus runs in temporary data directories: no data directory is needed.
    let command = match cli.command {
        Command::RadarQuality(args) => {
            return finish(runtime().and_then(|rt| rt.block_on(quality::run(args))))
        }
        other => other,
    };
    let Some(dir) = cli
        .data_dir
        .or_else(|| {
            std::env::var_os(data_dir::ENV_VAR)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(data_dir::os_default)
    else {
        eprintln!("trellis-cli: no data directory: pass --data-dir PATH");
        return ExitCode::from(2);
    };
    unlock::read_from_stdin(cli.passphrase_stdin);
    let result = runtime().and_then(|runtime| {
        runtime.block_on(async {
            match command {
                Command::Radar(args) => radar::run(&dir, args).await,
                Command::Export(args) => export::run(&dir, args).await,
                Command::Prep(args) => prep::run(&dir, args).await,
                Command::Data(args) => data::run(&dir, args).await,
                Command::RadarQuality(args) => quality::run(args).await,
            }
        })
    });
    finish(result)
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("could not start: {e}"))
}

/// The status of a command whose reader went away (`| head`): that of a Unix tool ended by
/// `SIGPIPE` (128 + 13), as a shell reports it.
pub const CLOSED_OUTPUT: u8 = 141;

/// Prints the output (exit 0) or the reason (exit 1). A closed standard output ends the
/// command quietly ([`CLOSED_OUTPUT`]).
fn finish(result: Result<String, String>) -> ExitCode {
    use std::io::Write;
    match result {
        Ok(output) => {
            // Exactly one newline at the end, whether or not the output brings its own.
            // Nothing at all when the command streamed its file to standard output.
            if output.is_empty() {
                return ExitCode::SUCCESS;
            }
            let mut out = std::io::stdout().lock();
            let written = writeln!(out, "{}", output.strip_suffix('\n').unwrap_or(&output))
                .and_then(|()| out.flush());
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(CLOSED_OUTPUT)
                }
                Err(e) => {
                    eprintln!("trellis-cli: could not write the output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("trellis-cli: {message}");
            ExitCode::FAILURE
        }
    }
}
