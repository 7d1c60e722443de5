//! `trellis-cli radar-quality [DIR]`: the radar's precision and recall on the corpus of
//! scripted histories (tests/corpus by default), as Markdown: per history, the table of
//! planted problems (problem | expected by | first flagged | rule | severity | lead days |
//! verdict), the false alarms on clean candidates, the unplanted signals, and where the
//! replay differs from what Trellis showed on the day. Every history runs in its own
//! temporary data directory: the user's data is never opened.

use std::path::{Path, PathBuf};

use trellis_core::corpus::run_dir;

#[derive(clap::Args)]
pub struct Args {
    /// The folder of *.history files (default: tests/corpus in the current directory, else
    /// the repository's).
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Exit 1 (listing why on stderr) when the radar fails the corpus, as the test does.
    #[arg(long)]
    check: bool,
}

/// The corpus folder: the one given, else `tests/corpus` here, else the repository's.
fn corpus_dir(given: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    let here = PathBuf::from("tests/corpus");
    if here.is_dir() {
        return Ok(here);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    if repo.is_dir() {
        return Ok(repo);
    }
    Err(
        "no tests/corpus here: give the folder of *.history files (trellis-cli radar-quality DIR)"
            .to_owned(),
    )
}

pub async fn run(args: Args) -> Result<String, String> {
    let dir = corpus_dir(args.dir)?;
    let outcome = run_dir(&dir).await.map_err(|e| e.to_string())?;
    let markdown = format!("Corpus: `{}`. {}", dir.display(), outcome.markdown());
    let failures = outcome.failures();
    if args.check && !failures.is_empty() {
        print!("{markdown}");
        return Err(format!(
            "the radar failed the corpus in {} way(s):\n{}",
            failures.len(),
            failures.join("\n")
        ));
    }
    Ok(markdown)
}
