//! `trellis-cli prep`: the prep for the next 1:1 with a report, as Markdown (the same content,
//! in the same order, as the app's "1:1 prep" tab).

use std::path::Path;

use crate::lookup::{as_of, find_report, open_store};

#[derive(clap::Args)]
pub struct Args {
    /// The report (their name or id).
    #[arg(long, value_name = "NAME|ID")]
    report: String,
    /// Prepare as of this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
}

pub async fn run(dir: &Path, args: Args) -> Result<String, String> {
    let store = open_store(dir).await?;
    let prep = async {
        let as_of = as_of(&store, args.as_of.as_deref())?;
        let report = find_report(&store, &args.report).await?;
        store
            .prep(&report.id, as_of)
            .await
            .map_err(|e| e.to_string())
    }
    .await;
    store.close().await;
    Ok(trellis_core::prep::markdown::render(&prep?))
}
