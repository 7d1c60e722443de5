//! Cycles and candidates through the store: every rule of `CycleDraft` (dates in order,
//! committee members who exist, duplicates dropped), the listing order, updates; joining a
//! cycle once, for the report's target level by default, never for an archived report; the
//! readiness call; deleting and restoring cycles and candidacies; searching them.

use trellis_core::ids::{CycleId, PersonId, ReportId};
use trellis_core::model::{
    Candidate, CandidateDraft, CycleDraft, LevelRef, Readiness, ReadinessDraft, RecordKind,
    Relationship,
};
use trellis_core::Store;

use crate::cycle_support::*;
use crate::support::*;

async fn two_people(store: &Store) -> (PersonId, PersonId) {
    let morgan = add_person(store, "Morgan Avery", Relationship::SkipLevel).await;
    let samira = add_person(store, "Samira Whitfield", Relationship::Leadership).await;
    (morgan.id, samira.id)
}

fn draft(name: &str, opens: &str, due: &str, calibration: &str) -> CycleDraft {
    CycleDraft {
        name: name.to_owned(),
        opens_on: opens.to_owned(),
        packet_due: due.to_owned(),
        calibration_date: calibration.to_owned(),
        committee_ids: Vec::new(),
        joined: Vec::new(),
    }
}

async fn level_ref(store: &Store, name: &str) -> LevelRef {
    store
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.name == name)
        .map(|l| LevelRef {
            id: l.id,
            name: l.name,
            rank: l.rank,
        })
        .unwrap()
}

#[tokio::test]
async fn a_cycle_round_trips_with_its_committee_by_name_and_without_duplicates() {
    let ts = open_store().await;
    let (morgan, samira) = two_people(&ts).await;
    let cycle = ts
        .create_cycle(&CycleDraft {
            name: "  H2 2026 calibration ".to_owned(),
            committee_ids: vec![samira.clone(), morgan.clone(), samira.clone()],
            ..cycle_draft("x", &[])
        })
        .await
        .unwrap();
    assert_eq!(cycle.name, "H2 2026 calibration");
    assert_eq!(cycle.opens_on, date(OPENS));
    assert_eq!(cycle.packet_due, date(DUE));
    assert_eq!(cycle.calibration_date, date(CALIBRATION));
    let committee: Vec<(&PersonId, &str)> = cycle
        .committee
        .iter()
        .map(|p| (&p.person.id, p.person.name.as_str()))
        .collect();
    assert_eq!(
        committee,
        [(&morgan, "Morgan Avery"), (&samira, "Samira Whitfield")],
        "each member once, by name"
    );
    assert_eq!(
        (cycle.version, cycle.created_at, cycle.updated_at),
        (1, now(), now())
    );
    assert_eq!(ts.cycle(&cycle.id).await.unwrap(), cycle);
    assert_eq!(ts.cycles().await.unwrap(), vec![cycle.clone()]);
    assert_eq!(count_rows(&ts, "cycle_committee").await, 2);
}

#[tokio::test]
async fn dates_may_be_in_the_future_and_equal_but_must_be_in_order() {
    let ts = open_store().await;
    // All on one day, far in the future: fine.
    let same_day = ts
        .create_cycle(&draft("Same day", "2030-01-01", "2030-01-01", "2030-01-01"))
        .await
        .unwrap();
    assert_eq!(same_day.calibration_date, date("2030-01-01"));

    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_cycle(&draft(
            "Backwards",
            "2026-06-02",
            "2026-06-01",
            "2026-05-31",
        ))
        .await,
        &[
            ("packetDue", "Packet due cannot be before the cycle opens."),
            (
                "calibrationDate",
                "Calibration cannot be before the packet is due.",
            ),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.create_cycle(&draft("Late", "2026-01-01", "2026-09-15", "2026-09-14"))
            .await,
        &[(
            "calibrationDate",
            "Calibration cannot be before the packet is due.",
        )],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.create_cycle(&draft("", "2026-02-30", "", "15/10/2026"))
            .await,
        &[
            ("name", "Name is required."),
            (
                "opensOn",
                "Opens on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            ),
            ("packetDue", "Packet due is required."),
            (
                "calibrationDate",
                "Calibration date must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            ),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.create_cycle(&draft("Two\nlines", "1949-12-31", DUE, CALIBRATION))
            .await,
        &[
            (
                "name",
                "Name must be a single line without control characters.",
            ),
            ("opensOn", "Opens on cannot be before 1950."),
        ],
    )
    .await;
}

#[tokio::test]
async fn committee_members_must_exist_and_be_live_and_at_most_fifty() {
    let ts = open_store().await;
    let (morgan, _) = two_people(&ts).await;
    let gone = add_person(&ts, "Gone Person", Relationship::Peer).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let before = snapshot_all(&ts).await;
    let with = |ids: Vec<PersonId>| CycleDraft {
        committee_ids: ids,
        ..cycle_draft("H2", &[])
    };
    rejected(
        &ts,
        &before,
        ts.create_cycle(&with(vec![
            morgan.clone(),
            PersonId::from("nobody"),
            gone.id.clone(),
        ]))
        .await,
        // Two unknown members: the problem is reported once.
        &[(
            "committeeIds",
            "A committee member is not in the people directory.",
        )],
    )
    .await;

    let mut many = Vec::new();
    for i in 0..51 {
        many.push(
            add_person(&ts, &format!("Member {i:02}"), Relationship::Leadership)
                .await
                .id,
        );
    }
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_cycle(&with(many.clone())).await,
        &[("committeeIds", "Committee members: at most 50, not 51.")],
    )
    .await;
    // Fifty distinct members (the 51st repeated) is the limit, not a breach of it.
    let mut fifty = many[..50].to_vec();
    fifty.push(many[0].clone());
    let cycle = ts.create_cycle(&with(fifty)).await.unwrap();
    assert_eq!(cycle.committee.len(), 50);
}

#[tokio::test]
async fn upcoming_cycles_come_first_soonest_first_then_past_ones_newest_first() {
    let ts = open_store().await; // today: 2026-11-24
    let mut ids = Vec::new();
    for (name, cal) in [
        ("Past older", "2025-10-15"),
        ("Next", "2026-11-24"),
        ("Later", "2027-04-15"),
        ("Past newer", "2026-04-15"),
    ] {
        let c = ts
            .create_cycle(&draft(name, "2025-01-01", "2025-09-01", cal))
            .await
            .unwrap();
        ids.push((name, c.id));
    }
    let names: Vec<String> = ts
        .cycles()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Next", "Later", "Past newer", "Past older"]);
}

#[tokio::test]
async fn update_replaces_fields_and_committee_and_a_stale_or_invalid_one_changes_nothing() {
    let (ts, clock) = store_on("2026-02-01").await;
    let (morgan, samira) = two_people(&ts).await;
    let cycle = ts
        .create_cycle(&cycle_draft("H2", &[&morgan]))
        .await
        .unwrap();
    clock.set("2026-03-01");
    let updated = ts
        .update_cycle(
            &cycle.id,
            1,
            &CycleDraft {
                name: "H2 2026".to_owned(),
                calibration_date: "2026-10-22".to_owned(),
                committee_ids: vec![samira.clone()],
                ..cycle_draft("x", &[])
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.name, "H2 2026");
    assert_eq!(updated.calibration_date, date("2026-10-22"));
    assert_eq!(updated.committee.len(), 1);
    assert_eq!(updated.committee[0].person.id, samira);
    assert_eq!(updated.version, 2);
    assert_eq!(updated.created_at, cycle.created_at);
    assert_eq!(updated.updated_at, noon(date("2026-03-01")));

    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(ts.update_cycle(&cycle.id, 1, &cycle_draft("H3", &[])).await),
        stale_message("cycle", "H2 2026")
    );
    assert_nothing_written(&ts, &before).await;
    rejected(
        &ts,
        &before,
        ts.update_cycle(
            &cycle.id,
            2,
            &CycleDraft {
                committee_ids: vec![PersonId::from("nobody")],
                ..cycle_draft("H3", &[])
            },
        )
        .await,
        &[(
            "committeeIds",
            "A committee member is not in the people directory.",
        )],
    )
    .await;
    not_found(
        ts.update_cycle(&CycleId::from("nope"), 1, &cycle_draft("H3", &[]))
            .await,
    );
    assert_eq!(
        not_found(ts.cycle(&CycleId::from("nope")).await),
        "No cycle with id nope; it may have been removed."
    );
}

// ---------------------------------------------------------------------------------------------
// Candidates.
// ---------------------------------------------------------------------------------------------

struct Setup {
    ts: TestStore,
    cycle: trellis_core::model::Cycle,
    ada: trellis_core::model::Report,
}

async fn setup() -> Setup {
    let ts = open_store().await;
    let cycle = ts
        .create_cycle(&draft("H2 2026", OPENS, DUE, CALIBRATION))
        .await
        .unwrap();
    let ada = add_report(&ts, "Ada Lovelace").await;
    Setup { ts, cycle, ada }
}

#[tokio::test]
async fn a_candidate_aims_for_the_reports_target_level_unless_told_otherwise() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, "2026-02-02"))
        .await
        .unwrap();
    assert_eq!(c.cycle_id, cycle.id);
    assert_eq!(c.report_id, ada.id);
    assert_eq!(c.report_name, "Ada Lovelace");
    assert_eq!(c.target_level, ada.target_level);
    assert_eq!(c.target_level, level_ref(&ts, "Senior Staff").await);
    assert_eq!(c.added_on, date("2026-02-02"));
    assert_eq!(c.readiness, Readiness::Undecided);
    assert_eq!(
        (
            c.readiness_reason.as_str(),
            c.expected_cycle.as_str(),
            c.actions.as_str()
        ),
        ("", "", "")
    );
    assert_eq!(c.packet_versions, 0);
    assert_eq!((c.version, c.created_at, c.updated_at), (1, now(), now()));
    assert_eq!(ts.candidate(&c.id).await.unwrap(), c);

    let grace = add_report(&ts, "Grace Hopper").await;
    let principal = level_ref(&ts, "Principal").await;
    let g = ts
        .add_candidate(
            &cycle.id,
            &CandidateDraft {
                target_level_id: Some(principal.id.clone()),
                ..candidate_draft(&grace.id, TODAY)
            },
        )
        .await
        .unwrap();
    assert_eq!(g.target_level, principal);
    let names: Vec<String> = ts
        .candidates(&cycle.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.report_name)
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Grace Hopper"], "by name");
}

#[tokio::test]
async fn every_rule_of_a_candidate_draft_is_checked() {
    let Setup { ts, cycle, ada } = setup().await;
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_candidate(
            &cycle.id,
            &CandidateDraft {
                report_id: None,
                target_level_id: None,
                added_on: TOMORROW.to_owned(),
            },
        )
        .await,
        &[
            ("reportId", "Choose a value for the report."),
            (
                "addedOn",
                "Added on cannot be in the future (after 2026-11-24).",
            ),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.add_candidate(&cycle.id, &candidate_draft(&ada.id, ""))
            .await,
        &[("addedOn", "Added on is required.")],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.add_candidate(
            &cycle.id,
            &CandidateDraft {
                target_level_id: Some("no-such-level".into()),
                ..candidate_draft(&ada.id, TODAY)
            },
        )
        .await,
        &[(
            "targetLevelId",
            "Target level is not a level of the ladder.",
        )],
    )
    .await;
    assert_eq!(
        not_found(
            ts.add_candidate(&CycleId::from("nope"), &candidate_draft(&ada.id, TODAY))
                .await
        ),
        "No cycle with id nope; it may have been removed."
    );
    not_found(
        ts.add_candidate(
            &cycle.id,
            &candidate_draft(&ReportId::from("nobody"), TODAY),
        )
        .await,
    );
    assert_nothing_written(&ts, &before).await;
}

#[tokio::test]
async fn a_report_is_a_candidate_once_per_cycle_but_may_join_other_cycles() {
    let Setup { ts, cycle, ada } = setup().await;
    let first = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_candidate(&cycle.id, &candidate_draft(&ada.id, "2026-03-01"))
            .await,
        &[(
            "reportId",
            "Ada Lovelace is already a candidate in H2 2026.",
        )],
    )
    .await;

    let next = ts
        .create_cycle(&draft("H1 2027", "2026-10-16", "2027-03-15", "2027-04-15"))
        .await
        .unwrap();
    let second = ts
        .add_candidate(&next.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    let cycles: Vec<CycleId> = ts
        .candidacies(&ada.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.cycle_id)
        .collect();
    assert_eq!(cycles, [next.id.clone(), cycle.id.clone()], "newest first");

    // Once the candidacy is deleted the report may join again; the old one cannot come back
    // beside the new one.
    ts.delete_record(RecordKind::Candidate, first.id.as_str())
        .await
        .unwrap();
    let again = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    assert_ne!(again.id, first.id);
    assert_eq!(
        conflict(
            ts.restore_record(RecordKind::Candidate, first.id.as_str())
                .await
        ),
        "A record like this one exists again; edit that one instead."
    );
    assert_eq!(ts.candidacies(&ada.id).await.unwrap().len(), 2);
    let _ = second;
}

#[tokio::test]
async fn an_archived_report_cannot_join_a_cycle_or_change_its_candidacy() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    let next = ts
        .create_cycle(&draft("H1 2027", "2026-10-16", "2027-03-15", "2027-04-15"))
        .await
        .unwrap();
    ts.archive_report(&ada.id).await.unwrap();
    let before = snapshot_all(&ts).await;
    refused_all(
        &ts,
        &before,
        ts.add_candidate(&next.id, &candidate_draft(&ada.id, TODAY))
            .await,
    )
    .await;
    refused_all(
        &ts,
        &before,
        ts.set_readiness(&c.id, 1, &ready(Readiness::Ready)).await,
    )
    .await;
    refused_all(
        &ts,
        &before,
        ts.delete_record(RecordKind::Candidate, c.id.as_str()).await,
    )
    .await;
    // Still listed, still readable.
    assert_eq!(ts.candidate(&c.id).await.unwrap(), c);
    ts.restore_report(&ada.id).await.unwrap();
    ts.set_readiness(&c.id, 1, &ready(Readiness::Ready))
        .await
        .unwrap();
}

async fn refused_all<T: std::fmt::Debug>(
    store: &Store,
    before: &AllSnapshot,
    result: trellis_core::Result<T>,
) {
    assert_eq!(conflict(result), archived_message("Ada Lovelace"));
    assert_nothing_written(store, before).await;
}

fn ready(readiness: Readiness) -> ReadinessDraft {
    ReadinessDraft {
        readiness: Some(readiness),
        reason: String::new(),
        expected_cycle: String::new(),
        actions: String::new(),
    }
}

#[tokio::test]
async fn not_ready_needs_a_reason_an_expected_cycle_and_actions() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.set_readiness(&c.id, 1, &ready(Readiness::NotReady))
            .await,
        &[
            ("reason", "Say why the packet is not ready."),
            ("expectedCycle", "Say which cycle is expected instead."),
            ("actions", "Say what will be done before then."),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.set_readiness(
            &c.id,
            1,
            &ReadinessDraft {
                readiness: None,
                expected_cycle: "H1\n2027".to_owned(),
                ..ready(Readiness::Ready)
            },
        )
        .await,
        &[
            ("readiness", "Choose a value for the readiness call."),
            (
                "expectedCycle",
                "Expected cycle must be a single line without control characters.",
            ),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.set_readiness(
            &c.id,
            1,
            &ReadinessDraft {
                reason: "   ".to_owned(),
                expected_cycle: "H1 2027".to_owned(),
                actions: "Ship the storage RFC.".to_owned(),
                ..ready(Readiness::NotReady)
            },
        )
        .await,
        &[("reason", "Say why the packet is not ready.")],
    )
    .await;

    let not_ready = ts
        .set_readiness(
            &c.id,
            1,
            &ReadinessDraft {
                reason: " Impact not yet visible outside the team. ".to_owned(),
                expected_cycle: " H1 2027 ".to_owned(),
                actions: "Lead the storage RFC.\nPresent at the architecture review.".to_owned(),
                ..ready(Readiness::NotReady)
            },
        )
        .await
        .unwrap();
    assert_eq!(not_ready.readiness, Readiness::NotReady);
    assert_eq!(
        not_ready.readiness_reason,
        " Impact not yet visible outside the team."
    );
    assert_eq!(not_ready.expected_cycle, "H1 2027");
    assert_eq!(
        not_ready.actions,
        "Lead the storage RFC.\nPresent at the architecture review."
    );
    assert_eq!(not_ready.version, 2);

    // Ready and not interested need nothing; stale edits are refused.
    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(ts.set_readiness(&c.id, 1, &ready(Readiness::Ready)).await),
        stale_message("candidacy", "Ada Lovelace")
    );
    assert_nothing_written(&ts, &before).await;
    let r = ts
        .set_readiness(&c.id, 2, &ready(Readiness::NotInterested))
        .await
        .unwrap();
    assert_eq!(
        (r.readiness, r.version, r.readiness_reason.as_str()),
        (Readiness::NotInterested, 3, "")
    );
    let r = ts
        .set_readiness(&c.id, 3, &ready(Readiness::Ready))
        .await
        .unwrap();
    assert_eq!(r.readiness, Readiness::Ready);
    not_found(
        ts.set_readiness(&"nope".into(), 1, &ready(Readiness::Ready))
            .await,
    );
}

#[tokio::test]
async fn deleting_a_cycle_hides_it_and_its_candidacies_until_restored() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    ts.delete_record(RecordKind::Cycle, cycle.id.as_str())
        .await
        .unwrap();
    assert!(ts.cycles().await.unwrap().is_empty());
    not_found(ts.cycle(&cycle.id).await);
    assert!(ts.candidacies(&ada.id).await.unwrap().is_empty());
    not_found(ts.candidate(&c.id).await);
    not_found(
        ts.add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
            .await,
    );
    let radar = ts.report_radar(&ada.id, today()).await.unwrap();
    assert_eq!((radar.candidacy, radar.cycle), (None, None));

    ts.restore_record(RecordKind::Cycle, cycle.id.as_str())
        .await
        .unwrap();
    let restored = ts.cycle(&cycle.id).await.unwrap();
    assert_eq!(restored.version, 3, "deleting and restoring are edits");
    let back: Vec<Candidate> = ts.candidacies(&ada.id).await.unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].id, c.id);
}

#[tokio::test]
async fn deleting_a_candidacy_takes_the_report_out_of_the_cycle_until_restored() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    ts.delete_record(RecordKind::Candidate, c.id.as_str())
        .await
        .unwrap();
    assert!(ts.candidates(&cycle.id).await.unwrap().is_empty());
    not_found(ts.candidate(&c.id).await);
    not_found(ts.set_readiness(&c.id, 2, &ready(Readiness::Ready)).await);
    ts.restore_record(RecordKind::Candidate, c.id.as_str())
        .await
        .unwrap();
    let back = ts.candidate(&c.id).await.unwrap();
    assert_eq!(back.version, 3);
    assert_eq!(ts.candidates(&cycle.id).await.unwrap(), vec![back]);
}

#[tokio::test]
async fn cycles_and_candidacies_are_found_by_search() {
    let Setup { ts, cycle, ada } = setup().await;
    let _ = ts
        .update_cycle(
            &cycle.id,
            1,
            &CycleDraft {
                name: "Narwhal calibration".to_owned(),
                ..draft("x", OPENS, DUE, CALIBRATION)
            },
        )
        .await
        .unwrap();
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    ts.set_readiness(
        &c.id,
        1,
        &ReadinessDraft {
            reason: "Quokka impact unproven".to_owned(),
            expected_cycle: "Wombat cycle".to_owned(),
            actions: "Pangolin demo".to_owned(),
            ..ready(Readiness::NotReady)
        },
    )
    .await
    .unwrap();
    let mut found = hits(&ts, "narwhal").await;
    found.sort();
    let mut expected = vec![
        (RecordKind::Cycle, cycle.id.to_string()),
        (RecordKind::Candidate, c.id.to_string()),
    ];
    expected.sort();
    assert_eq!(found, expected);
    for word in ["quokka", "wombat", "pangolin"] {
        assert_eq!(
            hits(&ts, word).await,
            [(RecordKind::Candidate, c.id.to_string())],
            "{word}"
        );
    }
    let hit = ts.search("quokka", 10).await.unwrap().hits.remove(0);
    assert_eq!(hit.title, "Candidate in Narwhal calibration");
    assert_eq!(hit.report_id.as_ref(), Some(&ada.id));
    assert_eq!(hit.report_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(hit.parent_id.as_deref(), Some(cycle.id.as_str()));

    ts.delete_record(RecordKind::Candidate, c.id.as_str())
        .await
        .unwrap();
    assert!(hits(&ts, "quokka").await.is_empty());
    ts.restore_record(RecordKind::Candidate, c.id.as_str())
        .await
        .unwrap();
    assert_eq!(hits(&ts, "quokka").await.len(), 1);
}

/// A candidacy of a deleted cycle is gone from every listing; it should be gone from search
/// too (the index row of the candidacy is not rebuilt when its cycle is deleted).
#[tokio::test]
async fn candidacies_of_a_deleted_cycle_are_not_found_by_search() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    ts.set_readiness(
        &c.id,
        1,
        &ReadinessDraft {
            reason: "Quokka impact unproven".to_owned(),
            expected_cycle: "H1 2027".to_owned(),
            actions: "Demo".to_owned(),
            ..ready(Readiness::NotReady)
        },
    )
    .await
    .unwrap();
    ts.delete_record(RecordKind::Cycle, cycle.id.as_str())
        .await
        .unwrap();
    assert!(
        hits(&ts, "H2 2026").await.is_empty(),
        "the cycle and its candidacy"
    );
    assert!(hits(&ts, "quokka").await.is_empty());
}

/// The candidacy's index entry is titled with its cycle's name; renaming the cycle should
/// rename it there too.
#[tokio::test]
async fn renaming_a_cycle_renames_its_candidacies_in_search() {
    let Setup { ts, cycle, ada } = setup().await;
    let c = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, TODAY))
        .await
        .unwrap();
    ts.update_cycle(
        &cycle.id,
        1,
        &CycleDraft {
            name: "Narwhal calibration".to_owned(),
            ..draft("x", OPENS, DUE, CALIBRATION)
        },
    )
    .await
    .unwrap();
    let mut found = hits(&ts, "narwhal").await;
    found.sort();
    let mut expected = vec![
        (RecordKind::Cycle, cycle.id.to_string()),
        (RecordKind::Candidate, c.id.to_string()),
    ];
    expected.sort();
    assert_eq!(found, expected);
}
