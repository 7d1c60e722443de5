//! The roster: create and read back, ordering, optimistic-concurrency updates, archive and
//! restore, and what survives closing and reopening the data directory.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use trellis_core::clock::FixedClock;
use trellis_core::ids::ReportId;
use trellis_core::model::{Archetype, ReportDraft, RosterFilter, TeamStrength};
use trellis_core::store::DB_FILE;

use crate::support::*;

fn names(reports: &[trellis_core::model::Report]) -> Vec<&str> {
    reports.iter().map(|r| r.name.as_str()).collect()
}

#[tokio::test]
async fn create_then_read_back_round_trips_every_field() {
    let ts = open_store().await;
    let draft = valid_draft(&ts).await;
    let created = ts.create_report(&draft).await.unwrap();

    assert_eq!(created.name, "Ada Lovelace");
    assert_eq!(created.current_level.id, level_id(&ts, "Staff").await);
    assert_eq!(created.current_level.name, "Staff");
    assert_eq!(created.current_level.rank, 2);
    assert_eq!(created.target_level.id, level_id(&ts, "Senior Staff").await);
    assert_eq!(created.target_level.name, "Senior Staff");
    assert_eq!(created.target_level.rank, 3);
    assert_eq!(created.team, "Payments Platform");
    assert_eq!(
        created.in_role_since,
        NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()
    );
    assert_eq!(created.archetype_worked, Archetype::TechLead);
    assert_eq!(created.archetype_needed, Archetype::Architect);
    assert_eq!(created.team_strength, TeamStrength::Strong);
    assert_eq!(
        created.notes,
        "Leads the ledger migration.\nWants Senior Staff next cycle."
    );
    assert_eq!(created.archived_at, None);
    assert_eq!(created.version, 1);
    assert_eq!(created.created_at, now());
    assert_eq!(created.updated_at, now());
    assert_ne!(created.id.as_str(), created.person_id.as_str());

    // Reading it back, alone or through the roster, gives exactly what create returned.
    assert_eq!(ts.report(&created.id).await.unwrap(), created);
    assert_eq!(
        ts.reports(RosterFilter::Active).await.unwrap(),
        vec![created.clone()]
    );
    assert!(ts.reports(RosterFilter::Archived).await.unwrap().is_empty());
    assert_eq!(ts.report_count().await.unwrap(), 1);

    // The person row carries the name; the report row points at it.
    let person_name: String = sqlx::query_scalar("SELECT name FROM people WHERE id = ?")
        .bind(created.person_id.as_str())
        .fetch_one(ts.pool())
        .await
        .unwrap();
    assert_eq!(person_name, "Ada Lovelace");
}

#[tokio::test]
async fn every_archetype_and_team_strength_round_trips() {
    let ts = open_store().await;
    for (i, archetype) in Archetype::ALL.into_iter().enumerate() {
        let strength = if i % 2 == 0 {
            TeamStrength::Strong
        } else {
            TeamStrength::Weak
        };
        let d = ReportDraft {
            name: format!("Report {i}"),
            archetype_worked: Some(archetype),
            archetype_needed: Some(Archetype::ALL[(i + 1) % Archetype::ALL.len()]),
            team_strength: Some(strength),
            ..valid_draft(&ts).await
        };
        let created = ts.create_report(&d).await.unwrap();
        let read = ts.report(&created.id).await.unwrap();
        assert_eq!(read.archetype_worked, archetype);
        assert_eq!(
            read.archetype_needed,
            Archetype::ALL[(i + 1) % Archetype::ALL.len()]
        );
        assert_eq!(read.team_strength, strength);
    }
}

#[tokio::test]
async fn the_roster_is_ordered_by_name_case_insensitively() {
    let ts = open_store().await;
    // Byte order would give Bob, Dave, alice, carol.
    for name in ["carol", "Dave", "alice", "Bob"] {
        ts.create_report(&draft_named(&ts, name).await)
            .await
            .unwrap();
    }
    let active = ts.reports(RosterFilter::Active).await.unwrap();
    assert_eq!(names(&active), ["alice", "Bob", "carol", "Dave"]);

    // The archived part is ordered the same way.
    for r in &active {
        if r.name != "carol" {
            ts.archive_report(&r.id).await.unwrap();
        }
    }
    let archived = ts.reports(RosterFilter::Archived).await.unwrap();
    assert_eq!(names(&archived), ["alice", "Bob", "Dave"]);
    assert_eq!(
        names(&ts.reports(RosterFilter::Active).await.unwrap()),
        ["carol"]
    );
}

#[tokio::test]
async fn an_unknown_report_is_not_found() {
    let ts = open_store().await;
    let id = ReportId::from("no-such-report");
    let message = not_found(ts.report(&id).await);
    assert_eq!(
        message,
        "No report with id no-such-report; it may have been removed."
    );
    not_found(ts.archive_report(&id).await);
    not_found(ts.restore_report(&id).await);
}

#[tokio::test]
async fn update_changes_fields_bumps_the_version_and_stamps_the_clock() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let created = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    let later = clock.advance(Duration::hours(3));

    let draft = ReportDraft {
        name: "Ada King".to_owned(),
        current_level_id: Some(level_id(&ts, "Senior Staff").await),
        target_level_id: Some(level_id(&ts, "Principal").await),
        team: "Ledger".to_owned(),
        in_role_since: "2025-06-15".to_owned(),
        archetype_worked: Some(Archetype::Solver),
        archetype_needed: Some(Archetype::RightHand),
        team_strength: Some(TeamStrength::Weak),
        notes: "Promoted in June.".to_owned(),
        one_on_one_every_days: None,
    };
    let updated = ts.update_report(&created.id, 1, &draft).await.unwrap();

    assert_eq!(updated.id, created.id);
    assert_eq!(updated.person_id, created.person_id);
    assert_eq!(updated.name, "Ada King");
    assert_eq!(updated.current_level.name, "Senior Staff");
    assert_eq!(updated.target_level.name, "Principal");
    assert_eq!(updated.team, "Ledger");
    assert_eq!(
        updated.in_role_since,
        NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
    );
    assert_eq!(updated.archetype_worked, Archetype::Solver);
    assert_eq!(updated.archetype_needed, Archetype::RightHand);
    assert_eq!(updated.team_strength, TeamStrength::Weak);
    assert_eq!(updated.notes, "Promoted in June.");
    assert_eq!(updated.version, 2);
    assert_eq!(updated.created_at, now());
    assert_eq!(updated.updated_at, later);
    assert_eq!(updated.archived_at, None);
    assert_eq!(ts.report(&created.id).await.unwrap(), updated);
    assert_eq!(ts.report_count().await.unwrap(), 1);
    assert_eq!(count_rows(&ts, "people").await, 1);

    // The next edit must be based on version 2.
    let again = ts
        .update_report(&created.id, 2, &draft_from(&updated))
        .await
        .unwrap();
    assert_eq!(again.version, 3);
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_changes_nothing() {
    let ts = open_store().await;
    let created = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    // Two forms opened at version 1; the first one saves.
    let first = ReportDraft {
        team: "First".to_owned(),
        ..draft_from(&created)
    };
    let saved = ts.update_report(&created.id, 1, &first).await.unwrap();
    assert_eq!(saved.version, 2);

    let second = ReportDraft {
        team: "Second".to_owned(),
        ..draft_from(&created)
    };
    for stale in [1, 0, 3, -1] {
        let message = conflict(ts.update_report(&created.id, stale, &second).await);
        assert_eq!(
            message,
            "Ada Lovelace was changed elsewhere since this form was opened; \
             reload to see the latest version, then edit again."
        );
    }
    assert_eq!(ts.report(&created.id).await.unwrap(), saved);
}

#[tokio::test]
async fn an_invalid_update_is_rejected_and_loses_nothing() {
    let ts = open_store().await;
    let created = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    let bad = ReportDraft {
        name: "   ".to_owned(),
        target_level_id: Some(level_id(&ts, "Senior").await),
        in_role_since: "2024-02-30".to_owned(),
        team_strength: None,
        ..draft_from(&created)
    };
    let (message, fields) = validation(ts.update_report(&created.id, 1, &bad).await);
    assert_eq!(message, "Name is required. (And 3 more problems.)");
    assert_eq!(
        fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
        ["name", "targetLevelId", "inRoleSince", "teamStrength"]
    );
    // The stored report, its person and its version are untouched.
    let stored = ts.report(&created.id).await.unwrap();
    assert_eq!(stored, created);
    // The untouched version still works.
    let ok = ts
        .update_report(&created.id, 1, &draft_from(&created))
        .await
        .unwrap();
    assert_eq!(ok.version, 2);
}

#[tokio::test]
async fn updating_an_unknown_report_is_not_found() {
    let ts = open_store().await;
    let draft = valid_draft(&ts).await;
    let message = not_found(
        ts.update_report(&ReportId::from("missing-id"), 1, &draft)
            .await,
    );
    assert_eq!(
        message,
        "No report with id missing-id; it may have been removed."
    );
    assert_eq!(ts.report_count().await.unwrap(), 0);
    assert_eq!(count_rows(&ts, "people").await, 0);
}

#[tokio::test]
async fn archive_and_restore_cycle() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let created = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    let other = ts
        .create_report(&draft_named(&ts, "Grace Hopper").await)
        .await
        .unwrap();

    // Archive: leaves the active list, joins the archived one, stamped and versioned.
    let archived_time = clock.advance(Duration::minutes(10));
    let archived = ts.archive_report(&created.id).await.unwrap();
    assert_eq!(archived.archived_at, Some(archived_time));
    assert_eq!(archived.updated_at, archived_time);
    assert_eq!(archived.version, 2);
    assert_eq!(archived.name, created.name);
    assert_eq!(archived.notes, created.notes);
    assert_eq!(
        ts.reports(RosterFilter::Active).await.unwrap(),
        vec![other.clone()]
    );
    assert_eq!(
        ts.reports(RosterFilter::Archived).await.unwrap(),
        vec![archived.clone()]
    );
    assert_eq!(ts.report(&created.id).await.unwrap(), archived);
    assert_eq!(
        ts.report_count().await.unwrap(),
        2,
        "archived reports still count"
    );

    // Archiving again changes nothing: same version, same archived_at, same updated_at.
    clock.advance(Duration::minutes(10));
    let twice = ts.archive_report(&created.id).await.unwrap();
    assert_eq!(twice, archived);
    assert_eq!(ts.report(&created.id).await.unwrap(), archived);

    // An archived report cannot be edited, even with the right version.
    let edit = ReportDraft {
        team: "Elsewhere".to_owned(),
        ..draft_from(&archived)
    };
    let message = conflict(ts.update_report(&created.id, 2, &edit).await);
    assert_eq!(
        message,
        "Ada Lovelace is archived; restore the report before editing it."
    );
    assert_eq!(ts.report(&created.id).await.unwrap(), archived);

    // Restore: back in the active list (ordered by name), archived_at cleared.
    let restored_time = clock.advance(Duration::minutes(10));
    let restored = ts.restore_report(&created.id).await.unwrap();
    assert_eq!(restored.archived_at, None);
    assert_eq!(restored.version, 3);
    assert_eq!(restored.updated_at, restored_time);
    assert_eq!(restored.created_at, now());
    assert_eq!(
        names(&ts.reports(RosterFilter::Active).await.unwrap()),
        ["Ada Lovelace", "Grace Hopper"]
    );
    assert!(ts.reports(RosterFilter::Archived).await.unwrap().is_empty());

    // Restoring an active report changes nothing either.
    let again = ts.restore_report(&created.id).await.unwrap();
    assert_eq!(again, restored);

    // And it can be edited again.
    let edited = ts.update_report(&created.id, 3, &edit).await.unwrap();
    assert_eq!(edited.team, "Elsewhere");
    assert_eq!(edited.version, 4);
}

#[tokio::test]
async fn data_survives_closing_and_reopening_the_directory() {
    let ts = open_store().await;
    let ada = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    let grace = ts
        .create_report(&draft_named(&ts, "Grace Hopper").await)
        .await
        .unwrap();
    let ada = ts
        .update_report(
            &ada.id,
            1,
            &ReportDraft {
                notes: "Edited before closing.".to_owned(),
                ..draft_from(&ada)
            },
        )
        .await
        .unwrap();
    let grace = ts.archive_report(&grace.id).await.unwrap();
    ts.add_level(trellis_core::model::LevelDraft {
        name: "Senior II".to_owned(),
        rank: 2,
    })
    .await
    .unwrap();
    let ladder = ts.ladder().await.unwrap();
    let changes = ts.ladder_changes().await.unwrap();
    // Reports show the levels' ranks after the insert.
    let ada = ts.report(&ada.id).await.unwrap();
    let grace = ts.report(&grace.id).await.unwrap();
    assert_eq!(ada.current_level.rank, 3);

    let db_file = ts.db_file().to_owned();
    assert_eq!(db_file, ts.dir.path().join(DB_FILE));

    // Reopen the same directory at a later instant.
    let later = now() + Duration::days(1);
    let ts = ts.reopen(Arc::new(FixedClock(later))).await;
    assert_eq!(ts.db_file(), db_file);
    assert_eq!(
        ts.reports(RosterFilter::Active).await.unwrap(),
        vec![ada.clone()]
    );
    assert_eq!(
        ts.reports(RosterFilter::Archived).await.unwrap(),
        vec![grace]
    );
    assert_eq!(ts.ladder().await.unwrap(), ladder);
    assert_eq!(ts.ladder_changes().await.unwrap(), changes);

    // The reopened store keeps working, with its own clock.
    let edited = ts
        .update_report(&ada.id, ada.version, &draft_from(&ada))
        .await
        .unwrap();
    assert_eq!(edited.updated_at, later);
    assert_eq!(edited.version, ada.version + 1);

    // A third open through the plain helper sees the edit too.
    let dir = ts.dir.path().to_owned();
    ts.store.close().await;
    let store = open_in(&dir).await;
    assert_eq!(store.report(&ada.id).await.unwrap(), edited);
    store.close().await;
    drop(ts);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_waits_for_another_writer_instead_of_failing() {
    let ts = open_store().await;
    let other = hold_write_lock(&ts).await;
    let store = ts.store.clone();
    let draft = valid_draft(&ts).await;
    let create = tokio::spawn(async move { store.create_report(&draft).await });

    // Well inside the 5 s busy timeout the create is still waiting for the lock…
    pause_ms(300).await;
    assert!(
        !create.is_finished(),
        "create_report did not wait for the lock"
    );
    // …and goes through once the other writer commits.
    other.commit().await.unwrap();
    let created = create.await.unwrap().unwrap();
    assert_eq!(ts.report(&created.id).await.unwrap(), created);
    assert_eq!(count_rows(&ts, "people").await, 2);
}
