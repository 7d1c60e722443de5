//! A report's manager history through the store: validation, listing newest first, updates,
//! archived reports, deleting, restoring and searching.

use trellis_core::ids::{ManagerChangeId, ReportId};
use trellis_core::model::{ManagerChangeDraft, RecordKind};

use crate::cycle_support::*;
use crate::support::*;

#[tokio::test]
async fn changes_round_trip_and_list_newest_first() {
    let ts = open_store().await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let first = ts
        .add_manager_change(
            &ada.id,
            &ManagerChangeDraft {
                changed_on: "2024-03-01".to_owned(),
                manager: "  me ".to_owned(),
                note: "Joined my team.\r\n".to_owned(),
                ended_on: String::new(),
                is_me: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(first.report_id, ada.id);
    assert_eq!(first.changed_on, date("2024-03-01"));
    assert_eq!(first.manager, "me");
    assert_eq!(first.note, "Joined my team.");
    assert_eq!(
        (first.version, first.created_at, first.updated_at),
        (1, now(), now())
    );
    let second = ts
        .add_manager_change(&ada.id, &manager_change_draft(TODAY, "Dana Cole"))
        .await
        .unwrap();
    assert_eq!(
        ts.manager_changes(&ada.id).await.unwrap(),
        vec![second, first]
    );
    let other = add_report(&ts, "Grace Hopper").await;
    assert!(ts.manager_changes(&other.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn every_rule_of_a_manager_change_is_checked() {
    let ts = open_store().await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_manager_change(
            &ada.id,
            &ManagerChangeDraft {
                changed_on: TOMORROW.to_owned(),
                manager: " ".to_owned(),
                note: "nul\0".to_owned(),
                ended_on: String::new(),
                is_me: false,
            },
        )
        .await,
        &[
            (
                "changedOn",
                "Changed on cannot be in the future (after 2026-11-24).",
            ),
            ("manager", "New manager is required."),
            (
                "note",
                "Note contains control characters that cannot be stored.",
            ),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.add_manager_change(
            &ada.id,
            &ManagerChangeDraft {
                changed_on: "2026-13-01".to_owned(),
                manager: "x".repeat(201),
                note: String::new(),
                ended_on: String::new(),
                is_me: false,
            },
        )
        .await,
        &[
            (
                "changedOn",
                "Changed on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            ),
            (
                "manager",
                "New manager is too long: at most 200 characters.",
            ),
        ],
    )
    .await;
    assert_eq!(
        not_found(
            ts.add_manager_change(&ReportId::from("nobody"), &manager_change_draft(TODAY, "x"))
                .await
        ),
        "No report with id nobody; it may have been removed."
    );
}

#[tokio::test]
async fn update_changes_fields_and_stale_invalid_or_archived_edits_change_nothing() {
    let (ts, clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let change = ts
        .add_manager_change(&ada.id, &manager_change_draft("2026-08-03", "Dana Cole"))
        .await
        .unwrap();
    clock.set("2026-12-01");
    let updated = ts
        .update_manager_change(
            &change.id,
            1,
            &ManagerChangeDraft {
                changed_on: "2026-08-10".to_owned(),
                manager: "Dana Cole-Smith".to_owned(),
                note: "Effective a week later.".to_owned(),
                ended_on: String::new(),
                is_me: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.changed_on, date("2026-08-10"));
    assert_eq!(updated.manager, "Dana Cole-Smith");
    assert_eq!(updated.note, "Effective a week later.");
    assert_eq!(updated.version, 2);
    assert_eq!(updated.created_at, change.created_at);
    assert_eq!(updated.updated_at, noon(date("2026-12-01")));

    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(
            ts.update_manager_change(&change.id, 1, &manager_change_draft(TODAY, "x"))
                .await
        ),
        stale_message("manager change", "Dana Cole-Smith")
    );
    rejected(
        &ts,
        &before,
        ts.update_manager_change(&change.id, 2, &manager_change_draft("", "x"))
            .await,
        &[("changedOn", "Changed on is required.")],
    )
    .await;
    assert_eq!(
        not_found(
            ts.update_manager_change(
                &ManagerChangeId::from("nope"),
                1,
                &manager_change_draft(TODAY, "x")
            )
            .await
        ),
        "No manager change with id nope; it may have been removed."
    );

    ts.archive_report(&ada.id).await.unwrap();
    let before = snapshot_all(&ts).await;
    for result in [
        ts.add_manager_change(&ada.id, &manager_change_draft(TODAY, "x"))
            .await
            .map(|_| ()),
        ts.update_manager_change(&change.id, 2, &manager_change_draft(TODAY, "x"))
            .await
            .map(|_| ()),
        ts.delete_record(RecordKind::ManagerChange, change.id.as_str())
            .await,
    ] {
        assert_eq!(conflict(result), archived_message("Ada Lovelace"));
    }
    assert_nothing_written(&ts, &before).await;
    assert_eq!(ts.manager_changes(&ada.id).await.unwrap(), vec![updated]);
}

#[tokio::test]
async fn changes_are_deleted_restored_and_found_by_manager_and_note() {
    let ts = open_store().await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let change = ts
        .add_manager_change(
            &ada.id,
            &ManagerChangeDraft {
                changed_on: "2026-08-03".to_owned(),
                manager: "Dana Okapi".to_owned(),
                note: "The heron re-org moved the team.".to_owned(),
                ended_on: String::new(),
                is_me: false,
            },
        )
        .await
        .unwrap();
    let found = [(RecordKind::ManagerChange, change.id.to_string())];
    assert_eq!(hits(&ts, "okapi").await, found);
    assert_eq!(hits(&ts, "heron").await, found);
    let hit = ts.search("okapi", 5).await.unwrap().hits.remove(0);
    assert_eq!(hit.title, "Manager: Dana Okapi");
    assert_eq!(hit.report_id.as_ref(), Some(&ada.id));

    ts.delete_record(RecordKind::ManagerChange, change.id.as_str())
        .await
        .unwrap();
    assert!(ts.manager_changes(&ada.id).await.unwrap().is_empty());
    assert!(hits(&ts, "okapi").await.is_empty());
    not_found(
        ts.update_manager_change(&change.id, 2, &manager_change_draft(TODAY, "x"))
            .await,
    );
    ts.restore_record(RecordKind::ManagerChange, change.id.as_str())
        .await
        .unwrap();
    let back = ts.manager_changes(&ada.id).await.unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].version, 3);
    assert_eq!(hits(&ts, "okapi").await, found);
}
