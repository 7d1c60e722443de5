//! The radar rule `one_on_one.lapsed`: no 1:1 for more than the report's cadence and a half
//! (`one_on_one_every_days`, 14 by default: more than 21 days), counted from the last 1:1 held
//! on or before the as-of date. Only for reports with at least one recorded 1:1; a planned 1:1
//! does not count until its day; an acknowledgement covers one last 1:1 only. Each 1:1 is
//! entered on its day, as a manager using Trellis would.

use trellis_core::ids::ReportId;
use trellis_core::model::{
    AckAction, AckDraft, Cause, RecordKind, ReportDraft, Severity, Signal, SignalRule,
};

use crate::cycle_support::*;
use crate::support::*;

const LAST: &str = "2026-10-05";
/// 22 days after [`LAST`]: the first day with more than 21 days (14 + 7) without a 1:1.
const LAPSED: &str = "2026-10-27";
const NOT_YET: &str = "2026-10-26";

async fn lapsed(ts: &TestStore, report: &ReportId, as_of: &str) -> Vec<Signal> {
    let signals = ts.report_radar(report, date(as_of)).await.unwrap().signals;
    of_rule(&signals, SignalRule::OneOnOneLapsed)
        .into_iter()
        .cloned()
        .collect()
}

async fn ada(ts: &TestStore) -> ReportId {
    ts.create_report(&report_draft(ts, "Ada Lovelace").await)
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn it_fires_the_day_after_one_and_a_half_cadences_since_the_last_one_on_one() {
    let (ts, clock) = store_on("2026-09-21").await;
    let ada = ada(&ts).await;
    hold_meeting(&ts, &ada, "2026-09-21").await;
    clock.set(LAST);
    let last = hold_meeting(&ts, &ada, LAST).await;
    clock.set(END);
    for day in [LAST, "2026-10-12", NOT_YET] {
        assert!(lapsed(&ts, &ada, day).await.is_empty(), "as of {day}");
    }
    for day in [LAPSED, "2026-11-24"] {
        let signals = lapsed(&ts, &ada, day).await;
        assert_eq!(signals.len(), 1, "as of {day}");
        let s = &signals[0];
        assert_eq!(s.severity, Severity::Medium);
        assert_eq!(s.since, date(LAPSED), "as of {day}");
        assert_eq!(
            s.message,
            "No 1:1 for more than 21 days (the last was on 5 Oct 2026), for a 1:1 every 14 days."
        );
        assert_eq!(
            s.causes,
            [Cause {
                kind: RecordKind::Meeting,
                id: last.id.to_string(),
                title: "1:1 on 5 Oct 2026".to_owned(),
                report_id: None,
            }],
            "the cause is the last 1:1, not an earlier one"
        );
        assert_eq!(s.cause_key, "one_on_one.lapsed|2026-10-05");
        assert_eq!(
            s.action,
            "Put a 1:1 in the calendar; the prep view lists what to raise."
        );
        assert_eq!(s.lead_time_days, None, "not a candidate");
        assert_eq!(s.ack, None);
    }
}

#[tokio::test]
async fn it_follows_the_reports_cadence() {
    for (every, quiet, fires) in [
        (7, "2026-10-15", "2026-10-16"),
        (14, "2026-10-26", "2026-10-27"),
        (28, "2026-11-16", "2026-11-17"),
        (92, "2027-02-20", "2027-02-21"),
    ] {
        let (ts, clock) = store_on(LAST).await;
        let ada = ts
            .create_report(&ReportDraft {
                one_on_one_every_days: Some(every),
                ..report_draft(&ts, "Ada Lovelace").await
            })
            .await
            .unwrap()
            .id;
        hold_meeting(&ts, &ada, LAST).await;
        clock.set(END);
        assert!(
            lapsed(&ts, &ada, quiet).await.is_empty(),
            "every {every} days"
        );
        let s = one(
            &ts.report_radar(&ada, date(fires)).await.unwrap().signals,
            SignalRule::OneOnOneLapsed,
        );
        assert_eq!(s.since, date(fires), "every {every} days");
        assert_eq!(
            s.message,
            format!(
                "No 1:1 for more than {} days (the last was on 5 Oct 2026), for a 1:1 every {every} days.",
                if every % 2 == 0 {
                    (every * 3 / 2).to_string()
                } else {
                    format!("{}\u{bd}", every * 3 / 2)
                }
            )
        );
    }
}

#[tokio::test]
async fn a_changed_cadence_counts_from_the_day_it_was_entered() {
    let (ts, clock) = store_on(LAST).await;
    let ada = ada(&ts).await;
    hold_meeting(&ts, &ada, LAST).await;
    // Weekly from 2026-10-20: lapsed under the new cadence (more than 10½ days) from that day,
    // not from 2026-10-16 when a weekly cadence would first have lapsed.
    clock.set("2026-10-20");
    let report = ts.report(&ada).await.unwrap();
    ts.update_report(
        &ada,
        report.version,
        &ReportDraft {
            one_on_one_every_days: Some(7),
            ..draft_from(&report)
        },
    )
    .await
    .unwrap();
    clock.set(END);
    assert!(
        lapsed(&ts, &ada, "2026-10-19").await.is_empty(),
        "still every 14 days"
    );
    let s = one(
        &ts.report_radar(&ada, date("2026-10-22"))
            .await
            .unwrap()
            .signals,
        SignalRule::OneOnOneLapsed,
    );
    assert_eq!(s.since, date("2026-10-20"));
    assert_eq!(
        s.message,
        "No 1:1 for more than 10\u{bd} days (the last was on 5 Oct 2026), for a 1:1 every 7 days."
    );
}

#[tokio::test]
async fn a_report_without_any_one_on_one_is_never_flagged() {
    let (ts, _clock) = store_on(END).await;
    let ada = ada(&ts).await;
    for day in ["2026-11-24", "2027-06-01"] {
        assert!(lapsed(&ts, &ada, day).await.is_empty());
    }
    // Nor is one whose only 1:1 is still to come, until that day has passed by the threshold.
    hold_meeting(&ts, &ada, "2026-12-01").await;
    for day in ["2026-11-24", "2026-12-01", "2026-12-22"] {
        assert!(lapsed(&ts, &ada, day).await.is_empty(), "as of {day}");
    }
    assert_eq!(lapsed(&ts, &ada, "2026-12-23").await.len(), 1);
}

#[tokio::test]
async fn a_planned_one_on_one_does_not_count_as_held_before_its_day() {
    let (ts, _clock) = store_on(END).await;
    let ada = ada(&ts).await;
    hold_meeting(&ts, &ada, LAST).await;
    let planned = hold_meeting(&ts, &ada, "2026-11-30").await;
    let s = one(
        &ts.report_radar(&ada, date("2026-11-24"))
            .await
            .unwrap()
            .signals,
        SignalRule::OneOnOneLapsed,
    );
    assert_eq!(s.cause_key, "one_on_one.lapsed|2026-10-05");
    // On its day it is the last 1:1.
    assert!(lapsed(&ts, &ada, "2026-11-30").await.is_empty());
    let s = one(
        &ts.report_radar(&ada, date("2026-12-22"))
            .await
            .unwrap()
            .signals,
        SignalRule::OneOnOneLapsed,
    );
    assert_eq!(s.causes[0].id, planned.id.to_string());
    assert_eq!(s.since, date("2026-12-22"));
}

#[tokio::test]
async fn a_deleted_one_on_one_no_longer_counts() {
    let (ts, clock) = store_on(LAST).await;
    let ada = ada(&ts).await;
    hold_meeting(&ts, &ada, LAST).await;
    clock.set("2026-11-02");
    let later = hold_meeting(&ts, &ada, "2026-11-02").await;
    // Deleted on 2026-11-21: from then on the last 1:1 is the one on 2026-10-05.
    clock.set("2026-11-21");
    ts.delete_record(RecordKind::Meeting, later.id.as_str())
        .await
        .unwrap();
    clock.set(END);
    assert!(
        lapsed(&ts, &ada, "2026-11-20").await.is_empty(),
        "the 1:1 of 2026-11-02 was still recorded"
    );
    let s = one(
        &ts.report_radar(&ada, date("2026-11-21"))
            .await
            .unwrap()
            .signals,
        SignalRule::OneOnOneLapsed,
    );
    assert_eq!(s.cause_key, "one_on_one.lapsed|2026-10-05");
    assert_eq!(
        s.since,
        date("2026-11-21"),
        "seen from the day of the deletion"
    );
}

#[tokio::test]
async fn an_acknowledgement_covers_it_until_a_new_one_on_one_changes_its_cause() {
    let (ts, clock) = store_on(LAST).await;
    let ada = ada(&ts).await;
    hold_meeting(&ts, &ada, LAST).await;
    clock.set("2026-10-28");
    let s = one(
        &ts.report_radar(&ada, date("2026-10-28"))
            .await
            .unwrap()
            .signals,
        SignalRule::OneOnOneLapsed,
    );
    ts.acknowledge_signal(
        &ada,
        &AckDraft {
            rule: s.rule,
            cause_key: s.cause_key.clone(),
            action: Some(AckAction::Acknowledged),
            reason: "Ada is on leave until mid-November.".to_owned(),
            until: String::new(),
        },
    )
    .await
    .unwrap();
    for day in ["2026-10-28", "2026-11-15"] {
        let s = &lapsed(&ts, &ada, day).await[0];
        let ack = s.ack.as_ref().expect("covered by the acknowledgement");
        assert_eq!(ack.reason, "Ada is on leave until mid-November.");
        assert_eq!(ack.acked_on, date("2026-10-28"));
    }
    // Not before it was given.
    assert_eq!(lapsed(&ts, &ada, "2026-10-27").await[0].ack, None);

    // A new 1:1, then another lapse: a new cause, not covered.
    clock.set(END);
    hold_meeting(&ts, &ada, "2026-11-16").await;
    assert!(lapsed(&ts, &ada, "2026-12-07").await.is_empty());
    let s = &lapsed(&ts, &ada, "2026-12-08").await[0];
    assert_eq!(s.cause_key, "one_on_one.lapsed|2026-11-16");
    assert_eq!(s.since, date("2026-12-08"));
    assert_eq!(s.ack, None);
}

#[tokio::test]
async fn an_acknowledgement_can_be_undone_and_the_past_still_remembers_it() {
    let (ts, clock) = store_on(LAST).await;
    let ada = ada(&ts).await;
    hold_meeting(&ts, &ada, LAST).await;
    clock.set("2026-10-28");
    let s = &lapsed(&ts, &ada, "2026-10-28").await[0];
    let ack = ts
        .acknowledge_signal(
            &ada,
            &AckDraft {
                rule: s.rule,
                cause_key: s.cause_key.clone(),
                action: Some(AckAction::Snoozed),
                reason: "Clicked by mistake".to_owned(),
                until: "2026-12-31".to_owned(),
            },
        )
        .await
        .unwrap();
    assert!(lapsed(&ts, &ada, "2026-10-28").await[0].ack.is_some());

    clock.set("2026-10-30");
    ts.undo_signal_ack(&ada, &ack.id).await.unwrap();
    // Open again from the day it was undone, and gone from the list of acknowledgements…
    assert_eq!(lapsed(&ts, &ada, "2026-10-30").await[0].ack, None);
    assert!(ts.signal_acks(&ada).await.unwrap().is_empty());
    // …while a replay of the days it stood still sees it, as the manager did then.
    assert!(lapsed(&ts, &ada, "2026-10-29").await[0].ack.is_some());
    // Undoing it twice says so; another report's acknowledgement cannot be undone from here.
    assert!(matches!(
        ts.undo_signal_ack(&ada, &ack.id).await,
        Err(trellis_core::Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn a_candidate_s_lapse_has_a_lead_time_to_calibration() {
    let scene = scene().await;
    let ada = &scene.ada.report.id;
    {
        let _on = scene.on("2026-08-03");
        hold_meeting(&scene.ts, ada, "2026-08-03").await;
    }
    // The cycle's calibration is on 2026-10-15; the lapse begins on 2026-08-25.
    let s = one(
        &scene.signals("2026-09-01").await,
        SignalRule::OneOnOneLapsed,
    );
    assert_eq!(s.since, date("2026-08-25"));
    assert_eq!(s.lead_time_days, Some(51));
    assert!(of_rule(
        &scene.signals("2026-08-24").await,
        SignalRule::OneOnOneLapsed
    )
    .is_empty());
}
