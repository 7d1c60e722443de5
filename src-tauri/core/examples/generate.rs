//! Fills a new data folder with a generated team, for whole-app benchmarks (scripts/bench-app):
//!
//!   cargo run --release -p trellis-core --example generate -- DIR [REPORTS] [YEARS]
//!
//! Refuses a folder that already holds records. Prints one line of JSON: how much was written
//! and the report with the most 1:1s (`busiest`: id, name, meetings).

use std::path::PathBuf;
use std::process::ExitCode;

use trellis_core::generator::{self, GeneratorSpec};
use trellis_core::model::RosterFilter;
use trellis_core::Store;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: generate DIR [REPORTS] [YEARS]");
        return ExitCode::from(2);
    };
    let number = |v: Option<String>, default: u64| {
        v.map_or(Ok(default), |s| {
            s.parse::<u64>().map_err(|e| format!("{s}: {e}"))
        })
    };
    let (reports, years) = match (number(args.next(), 50), number(args.next(), 5)) {
        (Ok(r), Ok(y)) => (r, y),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("generate: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("generate: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(dir, reports, years)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(dir: PathBuf, reports: u64, years: u64) -> Result<String, String> {
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let store = Store::open(&dir).await.map_err(|e| e.to_string())?;
    if store.report_count().await.map_err(|e| e.to_string())? > 0 {
        return Err(format!("{} already holds records", dir.display()));
    }
    let spec = GeneratorSpec {
        reports: usize::try_from(reports).map_err(|e| e.to_string())?,
        years: u32::try_from(years).map_err(|e| e.to_string())?,
        seed: 42,
    };
    let written = generator::generate(&store, spec)
        .await
        .map_err(|e| e.to_string())?;
    let mut busiest = (0usize, String::new(), String::new());
    for r in store
        .reports(RosterFilter::Active)
        .await
        .map_err(|e| e.to_string())?
    {
        let held = store
            .one_on_ones(&r.id)
            .await
            .map_err(|e| e.to_string())?
            .meetings
            .len();
        if held > busiest.0 {
            busiest = (held, r.id.to_string(), r.name.clone());
        }
    }
    store.close().await;
    Ok(format!(
        "{{\"reports\":{},\"meetings\":{},\"busiest\":{{\"id\":\"{}\",\"name\":\"{}\",\"meetings\":{}}}}}",
        written.reports, written.meetings, busiest.1, busiest.2, busiest.0
    ))
}
