//! `trellis-cli radar`: the radar as JSON (schema "trellis.radar/2", docs/radar-json.md).

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use trellis_core::model::{Cycle, ReportRadar, RosterFilter, Signal};
use trellis_core::Store;

use crate::lookup::{as_of, find_cycle, find_report, open_store};

#[derive(clap::Args)]
pub struct Args {
    /// Replay the radar as of this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Only this report (its name or id).
    #[arg(long, value_name = "NAME|ID", conflicts_with = "cycle")]
    report: Option<String>,
    /// Every candidate of this cycle (its name or id), judged against it.
    #[arg(long, value_name = "NAME|ID")]
    cycle: Option<String>,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
}

/// The document printed: stable field names, documented in docs/radar-json.md.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RadarJson {
    schema: &'static str,
    as_of: NaiveDate,
    cycle: Option<CycleJson>,
    reports: Vec<ReportJson>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CycleJson {
    id: String,
    name: String,
    packet_due: NaiveDate,
    calibration_date: NaiveDate,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportJson {
    report_id: String,
    report_name: String,
    /// The cycle the report was judged against, if a candidate.
    cycle: Option<CycleJson>,
    signals: Vec<Signal>,
}

fn cycle_json(c: &Cycle) -> CycleJson {
    CycleJson {
        id: c.id.to_string(),
        name: c.name.clone(),
        packet_due: c.packet_due,
        calibration_date: c.calibration_date,
    }
}

fn report_json(r: ReportRadar) -> ReportJson {
    ReportJson {
        report_id: r.report_id.to_string(),
        report_name: r.report_name,
        cycle: r.cycle.as_ref().map(cycle_json),
        signals: r.signals,
    }
}

pub async fn run(dir: &Path, args: Args) -> Result<String, String> {
    let store = open_store(dir).await?;
    let doc = radar(&store, &args).await;
    store.close().await;
    let doc = doc?;
    let json = if args.pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    };
    json.map_err(|e| format!("could not write JSON: {e}"))
}

async fn radar(store: &Store, args: &Args) -> Result<RadarJson, String> {
    let as_of = as_of(store, args.as_of.as_deref())?;
    Ok(match (&args.report, &args.cycle) {
        (_, Some(wanted)) => {
            let cycle = find_cycle(store, wanted).await?;
            let dashboard = store
                .cycle_dashboard(&cycle.id, as_of)
                .await
                .map_err(|e| e.to_string())?;
            RadarJson {
                schema: "trellis.radar/2",
                as_of,
                cycle: Some(cycle_json(&dashboard.cycle)),
                reports: dashboard
                    .candidates
                    .into_iter()
                    .map(|c| ReportJson {
                        report_id: c.candidate.report_id.to_string(),
                        report_name: c.candidate.report_name,
                        cycle: Some(cycle_json(&dashboard.cycle)),
                        signals: c.signals,
                    })
                    .collect(),
            }
        }
        (Some(wanted), None) => {
            let report = find_report(store, wanted).await?;
            let radar = store
                .report_radar(&report.id, as_of)
                .await
                .map_err(|e| e.to_string())?;
            RadarJson {
                schema: "trellis.radar/2",
                as_of,
                cycle: None,
                reports: vec![report_json(radar)],
            }
        }
        (None, None) => {
            let mut out = Vec::new();
            for report in store
                .reports(RosterFilter::Active)
                .await
                .map_err(|e| e.to_string())?
            {
                out.push(report_json(
                    store
                        .report_radar(&report.id, as_of)
                        .await
                        .map_err(|e| e.to_string())?,
                ));
            }
            RadarJson {
                schema: "trellis.radar/2",
                as_of,
                cycle: None,
                reports: out,
            }
        }
    })
}
