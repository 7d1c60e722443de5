//! The record's history (migration 0005): every write kept with the day it was entered, so a
//! replay shows the record as it stood on any past day, and the archive carries it.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::Row;
use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::model::{Archetype, ReportDraft, SignalRule};
use trellis_core::radar::Replay;
use trellis_core::store::historied_tables;

use crate::cycle_support::*;
use crate::support::*;

/// The columns of `table`, in schema order.
async fn columns(store: &trellis_core::Store, table: &str) -> Vec<String> {
    sqlx::query(&format!("PRAGMA table_info('{table}')"))
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("name"))
        .collect()
}

#[tokio::test]
async fn every_record_table_has_history_triggers_naming_every_column() {
    let ts = open_store().await;
    let triggers: Vec<(String, String, String)> = sqlx::query(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
    )
    .fetch_all(ts.pool())
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect();
    let with_triggers: BTreeSet<&str> = triggers.iter().map(|(_, t, _)| t.as_str()).collect();
    let historied: BTreeSet<&str> = historied_tables().collect();
    assert_eq!(
        with_triggers, historied,
        "the backfill list and the triggers agree"
    );
    for table in &historied {
        let cols = columns(&ts, table).await;
        for op in ["insert", "update", "delete"] {
            let name = format!("{table}_history_{op}");
            let (_, _, sql) = triggers
                .iter()
                .find(|(n, _, _)| *n == name)
                .unwrap_or_else(|| panic!("no trigger {name}"));
            let row = if op == "delete" { "OLD" } else { "NEW" };
            for c in &cols {
                assert!(
                    sql.contains(&format!("'{c}', {row}.{c}")),
                    "{name} leaves out column {c}: a migration added it without recreating the trigger"
                );
            }
        }
    }
}

/// For every live record of every historied table, its newest history row holds exactly the
/// record as stored, and every write was dated by the store's clock.
async fn assert_history_matches_tables(store: &trellis_core::Store) {
    for table in historied_tables() {
        let cols = columns(store, table).await;
        let key_cols: Vec<String> = sqlx::query(&format!("PRAGMA table_info('{table}')"))
            .fetch_all(store.pool())
            .await
            .unwrap()
            .iter()
            .filter(|r| r.get::<i64, _>("pk") > 0)
            .map(|r| (r.get::<i64, _>("pk"), r.get::<String, _>("name")))
            .collect::<BTreeMap<_, _>>()
            .into_values()
            .collect();
        let key = key_cols.join(" || '|' || ");
        let object = cols
            .iter()
            .map(|c| format!("'{c}', {c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let live: BTreeMap<String, String> = sqlx::query(&format!(
            "SELECT {key} AS k, json_object({object}) AS j FROM {table}"
        ))
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<String, _>("k"), r.get::<String, _>("j")))
        .collect();
        let newest: BTreeMap<String, String> = sqlx::query(
            "SELECT record_key AS k, row AS j FROM record_history h
             WHERE table_name = ? AND op != 'delete' AND seq = (
                SELECT max(seq) FROM record_history WHERE table_name = h.table_name
                    AND record_key = h.record_key)",
        )
        .bind(table)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<String, _>("k"), r.get::<String, _>("j")))
        .collect();
        assert_eq!(live, newest, "history of {table}");
    }
    let undated: i64 =
        sqlx::query_scalar("SELECT count(*) FROM record_history WHERE written_on < '2000-01-01'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(undated, 0, "every write is dated by the store's clock");
}

#[tokio::test]
async fn the_history_holds_every_record_as_stored_after_the_demo_and_edits() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    let report = ts
        .reports(trellis_core::model::RosterFilter::Active)
        .await
        .unwrap()
        .remove(0);
    ts.update_report(
        &report.id,
        report.version,
        &ReportDraft {
            archetype_needed: Some(Archetype::Solver),
            ..draft_from(&report)
        },
    )
    .await
    .unwrap();
    assert_history_matches_tables(&ts).await;
}

#[tokio::test]
async fn a_replay_sees_a_record_from_the_day_it_was_entered_not_the_day_it_describes() {
    let (ts, clock) = store_on("2026-01-05").await;
    let ada = ts
        .create_report(&report_draft(&ts, "Ada Lovelace").await)
        .await
        .unwrap();
    let grace = ts
        .create_report(&report_draft(&ts, "Grace Hopper").await)
        .await
        .unwrap();
    // Ada's claim is entered in February, Grace's (about the same February work) in October.
    clock.set("2026-02-10");
    ts.create_evidence(&ada.id, &work("Ledger migration", "2026-02-02"))
        .await
        .unwrap();
    clock.set("2026-10-12");
    ts.create_evidence(&grace.id, &work("Ledger migration", "2026-02-02"))
        .await
        .unwrap();
    clock.set(END);
    for as_of in ["2026-03-01", "2026-10-11"] {
        let signals = ts.report_radar(&ada.id, date(as_of)).await.unwrap().signals;
        assert!(
            of_rule(&signals, SignalRule::DuplicateLead).is_empty(),
            "nobody had recorded the second claim by {as_of}"
        );
    }
    let s = one(
        &ts.report_radar(&ada.id, date("2026-11-01"))
            .await
            .unwrap()
            .signals,
        SignalRule::DuplicateLead,
    );
    assert_eq!(
        s.since,
        date("2026-10-12"),
        "first seen the day the second claim was entered"
    );
}

#[tokio::test]
async fn an_edit_or_a_deletion_made_later_is_not_seen_by_an_earlier_replay() {
    let (ts, clock) = store_on("2026-01-05").await;
    let ada = ts
        .create_report(&ReportDraft {
            archetype_worked: Some(Archetype::Architect),
            archetype_needed: Some(Archetype::Architect),
            ..report_draft(&ts, "Ada Lovelace").await
        })
        .await
        .unwrap();
    clock.set("2026-06-01");
    let ada = ts
        .update_report(
            &ada.id,
            ada.version,
            &ReportDraft {
                archetype_needed: Some(Archetype::Solver),
                ..draft_from(&ada)
            },
        )
        .await
        .unwrap();
    let mismatch = |signals: &[trellis_core::model::Signal]| {
        of_rule(signals, SignalRule::ArchetypeMismatch).len()
    };
    let before = ts.report_radar(&ada.id, date("2026-05-31")).await.unwrap();
    assert_eq!(
        mismatch(&before.signals),
        0,
        "the archetype needed was changed later"
    );
    let after = ts.report_radar(&ada.id, date("2026-06-01")).await.unwrap();
    assert_eq!(mismatch(&after.signals), 1);
    assert_eq!(
        one(&after.signals, SignalRule::ArchetypeMismatch).since,
        date("2026-06-01")
    );

    // A deletion on 2026-09-01 is not seen on 2026-08-31.
    clock.set("2026-07-01");
    let grace = ts
        .create_report(&report_draft(&ts, "Grace Hopper").await)
        .await
        .unwrap();
    let claim = ts
        .create_evidence(&grace.id, &work("Ledger migration", "2026-06-01"))
        .await
        .unwrap();
    ts.create_evidence(&ada.id, &work("Ledger migration", "2026-06-01"))
        .await
        .unwrap();
    clock.set("2026-09-01");
    ts.delete_record(trellis_core::model::RecordKind::Evidence, claim.id.as_str())
        .await
        .unwrap();
    clock.set(END);
    let dup = |d: &str| {
        let ts = &ts;
        let ada = ada.id.clone();
        let d = date(d);
        async move {
            of_rule(
                &ts.report_radar(&ada, d).await.unwrap().signals,
                SignalRule::DuplicateLead,
            )
            .len()
        }
    };
    assert_eq!(dup("2026-08-31").await, 1, "deleted later");
    assert_eq!(dup("2026-09-01").await, 0);
}

#[tokio::test]
async fn a_changed_threshold_counts_only_from_the_day_it_changed() {
    let s = scene_drafted(None).await;
    // Without a draft the packet rule fires 4 months before calibration (2026-06-15); a
    // manager who raised the threshold to 6 months on 2026-07-01 did not see it in May.
    s.clock.set("2026-07-01");
    s.ts.set_thresholds(&trellis_core::model::Thresholds {
        packet_draft_months: 6,
        ..Default::default()
    })
    .await
    .unwrap();
    s.clock.set(END);
    let may = s.signals("2026-05-01").await;
    assert!(
        of_rule(&may, SignalRule::PacketNoDraft).is_empty(),
        "6 months was set in July"
    );
    let july = one(&s.signals("2026-07-02").await, SignalRule::PacketNoDraft);
    assert_eq!(
        july.since,
        date("2026-06-15"),
        "first shown under the old threshold"
    );
}

#[tokio::test]
async fn the_record_rebuilt_for_today_is_the_record_as_stored() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    for report in ts
        .reports(trellis_core::model::RosterFilter::Active)
        .await
        .unwrap()
    {
        let history = ts.report_history(&report.id).await.unwrap();
        let replay = Replay::new(&history, &report.id, None);
        let snapshot = replay.record_on(today());
        let record = snapshot.as_ref().as_ref().unwrap().as_ref().unwrap();
        assert!(record.problems.is_empty(), "{:?}", record.problems);
        assert_eq!(record.report, ts.report(&report.id).await.unwrap());
        assert_eq!(record.evidence, ts.evidence(&report.id).await.unwrap());
        assert_eq!(record.mandates, ts.mandates(&report.id).await.unwrap());
        assert_eq!(record.advocates, ts.advocates(&report.id).await.unwrap());
        assert_eq!(
            record.mentorships,
            ts.mentorships(&report.id).await.unwrap()
        );
    }
}
