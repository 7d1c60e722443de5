//! `trellis-cli` as a script uses it: a real data directory, the real binary, JSON out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod data;
mod encrypted;
mod export_prep;
mod quality;
mod safety;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::model::{CandidateDraft, CycleDraft, RosterFilter};
use trellis_core::Store;

/// `trellis-cli --data-dir DIR ARGS`, with no data directory or passphrase from the
/// environment.
fn cli_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trellis-cli"));
    command
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TRELLIS_DATA_DIR")
        .env_remove("TRELLIS_PASSPHRASE");
    command
}

fn cli(dir: &Path, args: &[&str]) -> Output {
    cli_command(dir, args).output().expect("run trellis-cli")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// The demo team (with its own Spring calibration), plus a Winter calibration with Marcus
/// Okafor as its only candidate.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = Store::open(dir.path()).await.unwrap();
        generate(&store, GeneratorSpec::DEMO).await.unwrap();
        let today = store.clock().today();
        let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let cycle = store
            .create_cycle(&CycleDraft {
                name: "Winter calibration".into(),
                opens_on: fmt(today - chrono::Duration::days(200)),
                packet_due: fmt(today + chrono::Duration::days(60)),
                calibration_date: fmt(today + chrono::Duration::days(90)),
                committee_ids: vec![],
                joined: Vec::new(),
            })
            .await
            .unwrap();
        let marcus = store
            .reports(RosterFilter::Active)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.name == "Marcus Okafor")
            .unwrap();
        store
            .add_candidate(
                &cycle.id,
                &CandidateDraft {
                    report_id: Some(marcus.id),
                    target_level_id: None,
                    added_on: fmt(today),
                },
            )
            .await
            .unwrap();
        store.close().await;
    });
    dir
}

fn rules(report: &Value) -> Vec<String> {
    report["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn radar_prints_every_active_report_with_stable_rule_ids() {
    let dir = demo();
    let doc = json(&cli(dir.path(), &["radar"]));
    assert_eq!(doc["schema"], "trellis.radar/2");
    let reports = doc["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 6);
    let marcus = reports
        .iter()
        .find(|r| r["reportName"] == "Marcus Okafor")
        .unwrap();
    assert_eq!(marcus["cycle"]["name"], "Winter calibration");
    assert!(
        rules(marcus).contains(&"mentorship.negative_unaddressed".to_owned()),
        "{:?}",
        rules(marcus)
    );
    for signal in reports
        .iter()
        .flat_map(|r| r["signals"].as_array().unwrap())
    {
        assert!(["high", "medium", "low"].contains(&signal["severity"].as_str().unwrap()));
        assert!(signal["rule"].as_str().unwrap().contains('.'));
        for field in ["message", "action", "since", "causeKey"] {
            assert!(signal[field].is_string(), "{field} in {signal}");
        }
        assert!(signal["causes"].is_array());
    }
}

#[test]
fn one_report_one_cycle_and_the_same_date_give_the_same_output() {
    let dir = demo();
    let one = json(&cli(
        dir.path(),
        &[
            "radar",
            "--report",
            "marcus okafor",
            "--as-of",
            "2026-11-24",
        ],
    ));
    assert_eq!(one["reports"].as_array().unwrap().len(), 1);
    assert_eq!(one["asOf"], "2026-11-24");
    let cycle = json(&cli(
        dir.path(),
        &["radar", "--cycle", "Winter calibration"],
    ));
    assert_eq!(cycle["cycle"]["name"], "Winter calibration");
    let names: Vec<&str> = cycle["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reportName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Marcus Okafor"]);
    let again = cli(
        dir.path(),
        &[
            "radar",
            "--report",
            "Marcus Okafor",
            "--as-of",
            "2026-11-24",
        ],
    );
    let first = cli(
        dir.path(),
        &[
            "radar",
            "--report",
            "Marcus Okafor",
            "--as-of",
            "2026-11-24",
        ],
    );
    assert_eq!(
        again.stdout, first.stdout,
        "same record and date, same output"
    );
}

#[test]
fn bad_input_is_explained_and_fails() {
    let dir = demo();
    let bad_date = cli(dir.path(), &["radar", "--as-of", "2026-02-30"]);
    assert_eq!(bad_date.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("--as-of must be a real date"));
    let unknown = cli(dir.path(), &["radar", "--report", "Nobody"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no report named"));
    let empty = tempfile::tempdir().unwrap();
    let missing = cli(empty.path(), &["radar"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no Trellis data"));
    assert!(
        !empty.path().join(trellis_core::store::DB_FILE).exists(),
        "nothing is created"
    );
    let usage = cli(dir.path(), &["radar", "--report", "a", "--cycle", "b"]);
    assert_eq!(usage.status.code(), Some(2));
}
