//! One record the radar cannot read never blacks out the cycle: that report gets an error
//! signal naming the record and the field, and the rest of the dashboard, the 1:1 prep and the
//! calibration notes still work.

use trellis_core::export::build::ExportOptions;
use trellis_core::export::ExportScope;
use trellis_core::model::{Severity, SignalRule};

use crate::cycle_support::*;
use crate::support::*;

/// Writes straight to the database, as a crafted file or another program could (the history
/// triggers record it like any write).
async fn corrupt(ts: &TestStore, sql: &str, id: &str) {
    sqlx::query(sql).bind(id).execute(ts.pool()).await.unwrap();
}

#[tokio::test]
async fn an_unreadable_evidence_item_gives_its_report_one_error_signal_and_nothing_else_fails() {
    let s = scene().await;
    let grace = clean_candidate(
        &s.ts,
        &s.clock,
        &s.cast,
        &s.cycle,
        "Grace Hopper",
        Some(DRAFTED),
    )
    .await;
    let before = s.ts.cycle_dashboard(&s.cycle.id, date(END)).await.unwrap();
    corrupt(
        &s.ts,
        "UPDATE evidence SET started_on = '2026-02-30' WHERE id = ?",
        grace.monthly[3].as_str(),
    )
    .await;

    let board = s.ts.cycle_dashboard(&s.cycle.id, date(END)).await.unwrap();
    assert_eq!(
        board.candidates.len(),
        2,
        "both candidates are still listed"
    );
    let row = |name: &str| {
        board
            .candidates
            .iter()
            .find(|c| c.candidate.report_name == name)
            .unwrap()
    };
    let ada_before = before
        .candidates
        .iter()
        .find(|c| c.candidate.report_name == "Ada Lovelace")
        .unwrap();
    assert_eq!(
        row("Ada Lovelace").signals,
        ada_before.signals,
        "Ada is judged as before"
    );
    let grace_row = row("Grace Hopper");
    let errors = of_rule(&grace_row.signals, SignalRule::RecordUnreadable);
    assert_eq!(errors.len(), 1, "{:?}", grace_row.signals);
    assert_eq!(errors[0].severity, Severity::High);
    assert!(
        errors[0].message.contains("the evidence item \u{201c}Grace Hopper: platform work 2025-12-01\u{201d} (its started on:"),
        "names the record and the field: {}",
        errors[0].message
    );
    assert!(
        !errors[0].message.contains(grace.monthly[3].as_str()),
        "no id on screen"
    );
    assert_eq!(
        grace_row.signals.len(),
        1,
        "the rest of Grace's record is judged without it and is still clean: {:?}",
        grace_row.signals
    );

    // The prep and the notes still work, for her and for the whole cycle.
    let prep = s.ts.prep(&grace.report.id, date(END)).await.unwrap();
    assert_eq!(prep.report_name, "Grace Hopper");
    let notes =
        s.ts.calibration_notes(
            &ExportScope::Cycle {
                cycle_id: s.cycle.id.clone(),
            },
            &ExportOptions::default(),
            date(END),
        )
        .await
        .unwrap();
    assert_eq!(notes.reports.len(), 2);
}

#[tokio::test]
async fn an_unreadable_report_row_is_that_reports_only_signal() {
    let s = scene().await;
    let grace = clean_candidate(
        &s.ts,
        &s.clock,
        &s.cast,
        &s.cycle,
        "Grace Hopper",
        Some(DRAFTED),
    )
    .await;
    corrupt(
        &s.ts,
        "UPDATE reports SET in_role_since = 'soon' WHERE id = ?",
        grace.report.id.as_str(),
    )
    .await;
    let board = s.ts.cycle_dashboard(&s.cycle.id, date(END)).await.unwrap();
    assert_eq!(board.candidates.len(), 2);
    let grace_row = board
        .candidates
        .iter()
        .find(|c| c.candidate.report_name == "Grace Hopper")
        .unwrap();
    assert_eq!(grace_row.signals.len(), 1);
    assert_eq!(grace_row.signals[0].rule, SignalRule::RecordUnreadable);
    assert_eq!(
        grace_row.signals[0].message,
        "Grace Hopper's record cannot be read, so the radar cannot judge them: its in role since holds something that is not right (input contains invalid characters)."
    );
    let ada_row = board
        .candidates
        .iter()
        .find(|c| c.candidate.report_name == "Ada Lovelace")
        .unwrap();
    assert!(ada_row.signals.is_empty(), "{:?}", ada_row.signals);
    let radar =
        s.ts.report_radar(&grace.report.id, date(END))
            .await
            .unwrap();
    assert_eq!(radar.signals[0].rule, SignalRule::RecordUnreadable);
}
