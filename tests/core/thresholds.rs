//! The radar's thresholds: defaults, changing them (every field bounded, named in errors,
//! nothing written when refused), surviving a reopen, and stored partial settings falling
//! back to the defaults.

use std::sync::Arc;

use trellis_core::clock::FixedClock;
use trellis_core::model::Thresholds;

use crate::cycle_support::*;
use crate::support::*;

fn defaults() -> Thresholds {
    Thresholds {
        packet_draft_months: 4,
        staff_peer_review_weeks: 6,
        manager_review_weeks: 4,
        skip_level_review_weeks: 2,
        seen_share_percent: 50,
        work_mix_months: 6,
        work_mix_percent: 30,
        evidence_months: 6,
        evidence_min_items: 3,
        unquantified_percent: 50,
    }
}

#[tokio::test]
async fn a_new_store_uses_the_documented_defaults() {
    let ts = open_store().await;
    assert_eq!(Thresholds::default(), defaults());
    assert_eq!(ts.thresholds().await.unwrap(), defaults());
    assert_eq!(count_rows(&ts, "settings").await, 0);
}

#[tokio::test]
async fn changed_thresholds_are_kept_and_survive_a_reopen() {
    let ts = open_store().await;
    let changed = Thresholds {
        packet_draft_months: 24,
        staff_peer_review_weeks: 1,
        manager_review_weeks: 52,
        skip_level_review_weeks: 2,
        seen_share_percent: 100,
        work_mix_months: 36,
        work_mix_percent: 1,
        evidence_months: 1,
        evidence_min_items: 100,
        unquantified_percent: 1,
    };
    assert_eq!(ts.set_thresholds(&changed).await.unwrap(), changed);
    assert_eq!(ts.thresholds().await.unwrap(), changed);
    let again = Thresholds {
        packet_draft_months: 5,
        ..changed
    };
    ts.set_thresholds(&again).await.unwrap();
    assert_eq!(count_rows(&ts, "settings").await, 1, "one row, replaced");
    let ts = ts.reopen(Arc::new(FixedClock(now()))).await;
    assert_eq!(ts.thresholds().await.unwrap(), again);
    ts.set_thresholds(&defaults()).await.unwrap();
    assert_eq!(ts.thresholds().await.unwrap(), defaults());
}

#[tokio::test]
async fn every_threshold_is_bounded_and_named_when_out_of_range() {
    let ts = open_store().await;
    type Field = fn(&mut Thresholds) -> &mut i32;
    let fields: [(Field, &str, &str, i32, i32); 10] = [
        (
            |t| &mut t.packet_draft_months,
            "packetDraftMonths",
            "Months before calibration",
            1,
            24,
        ),
        (
            |t| &mut t.staff_peer_review_weeks,
            "staffPeerReviewWeeks",
            "Weeks before packets are due",
            1,
            52,
        ),
        (
            |t| &mut t.manager_review_weeks,
            "managerReviewWeeks",
            "Weeks before packets are due",
            1,
            52,
        ),
        (
            |t| &mut t.skip_level_review_weeks,
            "skipLevelReviewWeeks",
            "Weeks before packets are due",
            1,
            52,
        ),
        (
            |t| &mut t.seen_share_percent,
            "seenSharePercent",
            "Share",
            1,
            100,
        ),
        (|t| &mut t.work_mix_months, "workMixMonths", "Months", 1, 36),
        (
            |t| &mut t.work_mix_percent,
            "workMixPercent",
            "Share",
            1,
            100,
        ),
        (
            |t| &mut t.evidence_months,
            "evidenceMonths",
            "Months",
            1,
            36,
        ),
        (
            |t| &mut t.evidence_min_items,
            "evidenceMinItems",
            "Items",
            1,
            100,
        ),
        (
            |t| &mut t.unquantified_percent,
            "unquantifiedPercent",
            "Share",
            1,
            100,
        ),
    ];
    let before = snapshot_all(&ts).await;
    for (field, name, label, min, max) in fields {
        for bad in [min - 1, max + 1] {
            let mut t = defaults();
            *field(&mut t) = bad;
            rejected(
                &ts,
                &before,
                ts.set_thresholds(&t).await,
                &[(name, &format!("{label} must be between {min} and {max}."))],
            )
            .await;
        }
    }
    // Every field at once.
    let zero = Thresholds {
        packet_draft_months: 0,
        staff_peer_review_weeks: 0,
        manager_review_weeks: 0,
        skip_level_review_weeks: 0,
        seen_share_percent: 0,
        work_mix_months: 0,
        work_mix_percent: 0,
        evidence_months: 0,
        evidence_min_items: 0,
        unquantified_percent: 0,
    };
    let (_, issues) = validation(ts.set_thresholds(&zero).await);
    assert_eq!(issues.len(), 10, "one issue per field: {issues:?}");
    assert_nothing_written(&ts, &before).await;
    assert_eq!(ts.thresholds().await.unwrap(), defaults());
    // The bounds themselves are accepted.
    for (field, _, _, min, max) in fields {
        for good in [min, max] {
            let mut t = defaults();
            *field(&mut t) = good;
            assert_eq!(ts.set_thresholds(&t).await.unwrap(), t);
        }
    }
}

#[tokio::test]
async fn a_stored_setting_missing_fields_uses_the_defaults_for_them() {
    let ts = open_store().await;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at)
         VALUES ('radar.thresholds', '{\"packetDraftMonths\":5,\"evidenceMinItems\":4}', 'x')",
    )
    .execute(ts.pool())
    .await
    .unwrap();
    assert_eq!(
        ts.thresholds().await.unwrap(),
        Thresholds {
            packet_draft_months: 5,
            evidence_min_items: 4,
            ..defaults()
        }
    );
    sqlx::query("UPDATE settings SET value = 'not json'")
        .execute(ts.pool())
        .await
        .unwrap();
    assert!(matches!(
        ts.thresholds().await,
        Err(trellis_core::Error::Storage { .. })
    ));
}

#[tokio::test]
async fn the_radar_uses_the_stored_thresholds() {
    // The candidate drafts on 2026-05-04; a 6-month threshold, set on 2026-04-01, makes that
    // late (due 2026-04-15).
    let s = scene().await;
    assert!(s.signals("2026-05-01").await.is_empty());
    {
        let _on = s.on("2026-04-01");
        s.ts.set_thresholds(&Thresholds {
            packet_draft_months: 6,
            ..defaults()
        })
        .await
        .unwrap();
    }
    assert!(s.signals("2026-04-14").await.is_empty());
    let late = s.signals("2026-05-01").await;
    assert_eq!(
        rules_since(&late),
        [("packet.no_draft", date("2026-04-15"))]
    );
    assert!(s.signals("2026-05-04").await.is_empty());
}
