//! Work-mix drift seen during a cycle stays in the candidate's history and calibration notes
//! ("drifted Feb – Aug 2026") after the radar's sliding window has moved past it.

use trellis_core::export::build::ExportOptions;
use trellis_core::export::ExportScope;
use trellis_core::model::{EvidenceRole, Period, SignalRule, WorkMix};

use crate::cycle_support::*;
use crate::support::*;

#[tokio::test]
async fn drift_during_the_cycle_is_kept_after_the_window_moves_past_it() {
    let s = scene().await;
    for (title, day) in [
        ("Tidy the build scripts", "2026-02-09"),
        ("Rename the dashboards", "2026-02-16"),
        ("Reformat the runbooks", "2026-02-23"),
    ] {
        let _on = s.on(day);
        s.evidence(evidence_with(
            title,
            day,
            EvidenceRole::Led,
            "",
            WorkMix::Snacking,
        ))
        .await;
    }
    let during =
        s.ts.report_radar(&s.ada.report.id, date("2026-03-01"))
            .await
            .unwrap();
    let drift = one(&during.signals, SignalRule::WorkMixDrift);
    assert_eq!(
        drift.since,
        date("2026-02-23"),
        "drifting from the third snacking item"
    );
    assert_eq!(
        during.drifted,
        [Period {
            from: date("2026-02-23"),
            until: None
        }]
    );

    // By October the snacking has left the six-month window: no signal, but the history stays.
    let after =
        s.ts.report_radar(&s.ada.report.id, date("2026-10-01"))
            .await
            .unwrap();
    assert!(of_rule(&after.signals, SignalRule::WorkMixDrift).is_empty());
    assert_eq!(after.drifted.len(), 1, "{:?}", after.drifted);
    let period = after.drifted[0];
    assert_eq!(period.from, date("2026-02-23"));
    let until = period.until.expect("the drift ended");
    assert!(
        until > date("2026-07-01") && until < date("2026-10-01"),
        "it ended when the snacking left the window: {until}"
    );
    let notes =
        s.ts.calibration_notes(
            &ExportScope::Report {
                report_id: s.ada.report.id.clone(),
            },
            &ExportOptions {
                brief: trellis_core::export::Brief::Manager,
                ..ExportOptions::default()
            },
            date("2026-10-01"),
        )
        .await
        .unwrap();
    assert_eq!(
        notes.reports[0].manager_only.as_ref().unwrap().earlier,
        ["Work mix drifted to snacking, preening or chasing ghosts: Feb 2026 – Aug 2026."]
    );
}

#[tokio::test]
async fn a_candidate_who_never_drifted_has_no_drift_history() {
    let s = scene().await;
    let radar =
        s.ts.report_radar(&s.ada.report.id, date(END))
            .await
            .unwrap();
    assert!(radar.drifted.is_empty());
}
