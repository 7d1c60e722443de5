//! Soft deletion and restore of every kind of record: people who are referenced anywhere are
//! never deleted (evidence is not erased with its witnesses), parts disappear and return with
//! their record, unique rules hold on restore, and version / timestamps move as they should.

use chrono::{DateTime, Duration, Utc};
use trellis_core::ids::PersonId;
use trellis_core::model::{
    EvidenceDraft, MandateDraft, MandateStatus, RecordKind, Relationship, TimelineKind,
};
use trellis_core::Store;

use crate::support::*;

const KINDS: [RecordKind; 7] = [
    RecordKind::Person,
    RecordKind::Mandate,
    RecordKind::Evidence,
    RecordKind::Visibility,
    RecordKind::Advocate,
    RecordKind::Mentorship,
    RecordKind::Feedback,
];

fn in_use(records: usize) -> String {
    format!(
        "This person is part of {records} record{} (a report, evidence, a visibility entry, a \
         mandate, an advocate, a mentorship, a committee, a packet review or a rule of thumb), \
         so deleting them would lose history. Change those \
         records first.",
        if records == 1 { "" } else { "s" }
    )
}

/// (version, created_at, updated_at, deleted_at) of a row, read behind the store's back.
async fn row_state(
    store: &Store,
    kind: RecordKind,
    id: &str,
) -> (i32, DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>) {
    let table = match kind {
        RecordKind::Person => "people",
        RecordKind::Mandate => "mandates",
        RecordKind::Evidence => "evidence",
        RecordKind::Visibility => "visibility",
        RecordKind::Advocate => "advocates",
        RecordKind::Mentorship => "mentorships",
        RecordKind::Feedback => "mentorship_feedback",
        RecordKind::Report => "reports",
        other => panic!("{other:?} is not a record of the staff record"),
    };
    sqlx::query_as(&format!(
        "SELECT version, created_at, updated_at, deleted_at FROM {table} WHERE id = ?"
    ))
    .bind(id)
    .fetch_one(store.pool())
    .await
    .unwrap()
}

/// The evidence entries of a report's timeline: (evidence id, kind).
async fn evidence_timeline(
    store: &Store,
    report: &trellis_core::ids::ReportId,
) -> Vec<(String, TimelineKind)> {
    store
        .timeline(report, &[])
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.record_kind == RecordKind::Evidence)
        .map(|e| (e.record_id, e.kind))
        .collect()
}

/// The id of each record of the world, by kind (the person is one nobody refers to).
fn ids(w: &World, loner: &PersonId) -> Vec<(RecordKind, String)> {
    vec![
        (RecordKind::Person, loner.to_string()),
        (RecordKind::Mandate, w.mandate.id.to_string()),
        (RecordKind::Evidence, w.evidence.id.to_string()),
        (RecordKind::Visibility, w.visibility.id.to_string()),
        (RecordKind::Advocate, w.advocate.id.to_string()),
        (RecordKind::Mentorship, w.mentorship.id.to_string()),
        (RecordKind::Feedback, w.feedback.id.to_string()),
    ]
}

#[tokio::test]
async fn a_person_referenced_anywhere_cannot_be_deleted() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let witness = add_person(&ts, "Witness", Relationship::SkipLevel).await;
    let co_owner = add_person(&ts, "Co Owner", Relationship::MyOrg).await;
    let sponsor = add_person(&ts, "Sponsor", Relationship::Leadership).await;
    let advocate = add_person(&ts, "Advocate", Relationship::Leadership).await;
    let mentee = add_person(&ts, "Mentee", Relationship::MyOrg).await;
    ts.set_mandate(
        &report.id,
        &MandateDraft {
            sponsor_id: Some(sponsor.id.clone()),
            ..mandate_draft("Own it")
        },
        None,
    )
    .await
    .unwrap();
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                co_owner_ids: vec![co_owner.id.clone()],
                ..evidence_draft("Ledger")
            },
        )
        .await
        .unwrap();
    ts.add_visibility(&e.id, &visibility_draft(&witness.id, "2026-07-15"))
        .await
        .unwrap();
    ts.create_advocate(&report.id, &advocate_draft(&advocate.id))
        .await
        .unwrap();
    ts.create_mentorship(&report.id, &mentorship_draft(&mentee.id))
        .await
        .unwrap();

    let before = snapshot(&ts).await;
    for person in [
        &report.person_id,
        &witness.id,
        &co_owner.id,
        &sponsor.id,
        &advocate.id,
        &mentee.id,
    ] {
        refused(
            &ts,
            &before,
            ts.delete_record(RecordKind::Person, person.as_str()).await,
            &in_use(1),
        )
        .await;
        assert!(ts.person(person).await.is_ok());
    }
    assert_eq!(
        ts.evidence(&report.id).await.unwrap()[0].visibility.len(),
        1
    );
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn the_conflict_counts_every_record_that_refers_to_the_person() {
    let ts = open_store().await;
    let w = world(&ts).await;
    // The VP sponsors the mandate and is an advocate; add a sighting.
    ts.add_visibility(&w.evidence.id, &visibility_draft(&w.vp.id, "2026-08-01"))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    refused(
        &ts,
        &before,
        ts.delete_record(RecordKind::Person, w.vp.id.as_str()).await,
        &in_use(3),
    )
    .await;
    // Jamie co-owns the evidence and is the mentee.
    refused(
        &ts,
        &before,
        ts.delete_record(RecordKind::Person, w.mentee.id.as_str())
            .await,
        &in_use(2),
    )
    .await;
}

#[tokio::test]
async fn a_person_referenced_only_by_deleted_records_still_cannot_be_deleted() {
    let ts = open_store().await;
    let w = world(&ts).await;
    // The witness's only sighting is deleted, and so is the evidence Jamie co-owns and the
    // mentorship: a restore would bring them back, so the people stay.
    ts.delete_record(RecordKind::Visibility, w.visibility.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Mentorship, w.mentorship.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Advocate, w.advocate.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Mandate, w.mandate.id.as_str())
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    for (person, refs) in [(&w.skip.id, 1), (&w.mentee.id, 2), (&w.vp.id, 2)] {
        refused(
            &ts,
            &before,
            ts.delete_record(RecordKind::Person, person.as_str()).await,
            &in_use(refs),
        )
        .await;
    }
}

#[tokio::test]
async fn once_the_records_are_changed_the_person_can_be_deleted() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let other = add_person(&ts, "Lee Park", Relationship::SkipLevel).await;
    // The sighting is re-attributed to someone else: Morgan is free.
    ts.update_visibility(
        &w.visibility.id,
        1,
        &visibility_draft(&other.id, "2026-07-15"),
    )
    .await
    .unwrap();
    ts.delete_record(RecordKind::Person, w.skip.id.as_str())
        .await
        .unwrap();
    // Jamie is removed as co-owner but is still the mentee.
    let e = ts.evidence_item(&w.evidence.id).await.unwrap();
    ts.update_evidence(
        &e.id,
        e.version,
        &EvidenceDraft {
            co_owner_ids: Vec::new(),
            ..evidence_draft_of(&e)
        },
    )
    .await
    .unwrap();
    assert_eq!(
        conflict(
            ts.delete_record(RecordKind::Person, w.mentee.id.as_str())
                .await
        ),
        in_use(1)
    );
    let names: Vec<String> = ts
        .people()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        ["Ada Lovelace", "Jamie Chen", "Lee Park", "Samira Whitfield"]
    );
}

#[tokio::test]
async fn an_unreferenced_person_is_soft_deleted_and_restored() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let p = ts
        .create_person(&trellis_core::model::PersonDraft {
            notes: "Met at the platform offsite.".to_owned(),
            ..person_draft("Lucia Ferreira", Relationship::Peer)
        })
        .await
        .unwrap();
    assert_eq!(
        hits(&ts, "offsite").await,
        [(RecordKind::Person, p.id.to_string())]
    );

    let t1 = clock.advance(Duration::minutes(1));
    ts.delete_record(RecordKind::Person, p.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        not_found(ts.person(&p.id).await),
        format!("No person with id {}; it may have been removed.", p.id)
    );
    assert!(ts.people().await.unwrap().is_empty());
    assert!(hits(&ts, "offsite").await.is_empty());
    // The row is still there, marked deleted.
    assert_eq!(
        row_state(&ts, RecordKind::Person, p.id.as_str()).await,
        (2, now(), t1, Some(t1))
    );
    assert_index_in_sync(&ts).await;

    let t2 = clock.advance(Duration::minutes(1));
    ts.restore_record(RecordKind::Person, p.id.as_str())
        .await
        .unwrap();
    let back = ts.person(&p.id).await.unwrap();
    assert_eq!(
        (back.version, back.created_at, back.updated_at),
        (3, now(), t2)
    );
    assert_eq!(back.notes, "Met at the platform offsite.");
    assert_eq!(
        hits(&ts, "offsite").await,
        [(RecordKind::Person, p.id.to_string())]
    );
    assert_eq!(
        row_state(&ts, RecordKind::Person, p.id.as_str()).await,
        (3, now(), t2, None)
    );
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn deleting_evidence_hides_it_and_its_visibility_until_restored() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let w = world(&ts).await;
    let r = &w.report.id;
    let kept = ts
        .create_evidence(
            r,
            &EvidenceDraft {
                description: "Fortnightly design reviews.".to_owned(),
                impact: "11 designs reviewed".to_owned(),
                ..evidence_draft("Architecture forum")
            },
        )
        .await
        .unwrap();
    let has_sighting =
        |t: &[(String, TimelineKind)]| t.iter().any(|(_, k)| *k == TimelineKind::Seen);
    assert!(has_sighting(&evidence_timeline(&ts, r).await));

    let t1 = clock.advance(Duration::minutes(1));
    ts.delete_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    let listed: Vec<_> = ts
        .evidence(r)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(listed, vec![kept.id.clone()]);
    not_found(ts.evidence_item(&w.evidence.id).await);
    assert!(evidence_timeline(&ts, r)
        .await
        .iter()
        .all(|(id, kind)| *id == kept.id.to_string() && *kind != TimelineKind::Seen));
    let gaps = ts.visibility_gaps(r, None).await.unwrap();
    assert_eq!(gaps.evidence_count, 1);
    assert_eq!(gaps.unseen_by_skip_level.len(), 1);
    assert!(hits(&ts, "shared ledger").await.is_empty());
    assert!(hits(&ts, "quarterly").await.is_empty());
    // Soft: the rows, co-owners and links are kept; the visibility entry itself is untouched.
    assert_eq!(
        row_state(&ts, RecordKind::Evidence, w.evidence.id.as_str()).await,
        (2, now(), t1, Some(t1))
    );
    assert_eq!(
        row_state(&ts, RecordKind::Visibility, w.visibility.id.as_str()).await,
        (1, now(), now(), None)
    );
    assert_eq!(count_rows(&ts, "evidence_co_owners").await, 1);
    assert_eq!(count_rows(&ts, "evidence_links").await, 2, "one link each");
    assert_index_in_sync(&ts).await;

    let t2 = clock.advance(Duration::minutes(1));
    ts.restore_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    let back = ts.evidence_item(&w.evidence.id).await.unwrap();
    assert_eq!((back.version, back.updated_at), (3, t2));
    assert_eq!(back.visibility, w.evidence.visibility);
    assert_eq!(back.co_owners, w.evidence.co_owners);
    assert_eq!(back.links, w.evidence.links);
    assert_eq!(ts.evidence(r).await.unwrap().len(), 2);
    assert!(has_sighting(&evidence_timeline(&ts, r).await));
    assert_eq!(
        hits(&ts, "shared ledger").await,
        [(RecordKind::Evidence, w.evidence.id.to_string())]
    );
    assert_eq!(
        hits(&ts, "quarterly").await,
        [(RecordKind::Visibility, w.visibility.id.to_string())]
    );
    assert!(
        ts.visibility_gaps(r, None)
            .await
            .unwrap()
            .unseen_by_skip_level
            .len()
            == 1
    );
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn deleting_a_mentorship_hides_its_feedback_until_restored() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let r = &w.report.id;
    ts.delete_record(RecordKind::Mentorship, w.mentorship.id.as_str())
        .await
        .unwrap();
    assert!(ts.mentorships(r).await.unwrap().is_empty());
    assert!(hits(&ts, "week").await.is_empty());
    assert!(hits(&ts, "mentoring").await.is_empty());
    let kinds: Vec<TimelineKind> = ts
        .timeline(r, &[])
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(!kinds.contains(&TimelineKind::Feedback));
    assert!(!kinds.contains(&TimelineKind::MentorshipStarted));
    assert_eq!(
        row_state(&ts, RecordKind::Feedback, w.feedback.id.as_str())
            .await
            .3,
        None,
        "the feedback row itself is not marked"
    );
    assert_index_in_sync(&ts).await;

    ts.restore_record(RecordKind::Mentorship, w.mentorship.id.as_str())
        .await
        .unwrap();
    let back = ts.mentorships(r).await.unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].feedback, w.mentorship.feedback);
    assert_eq!(back[0].version, 3);
    assert_eq!(
        hits(&ts, "week").await,
        [(RecordKind::Feedback, w.feedback.id.to_string())]
    );
    assert_eq!(
        hits(&ts, "mentoring").await,
        [(RecordKind::Mentorship, w.mentorship.id.to_string())]
    );
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn every_kind_of_record_can_be_deleted_and_restored_on_its_own() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let w = world(&ts).await;
    let loner = add_person(&ts, "Lone Person", Relationship::Other).await;
    let r = &w.report.id;
    for (kind, id) in ids(&w, &loner.id) {
        let full = snapshot(&ts).await;
        let t1 = clock.advance(Duration::minutes(1));
        ts.delete_record(kind, &id).await.unwrap();
        let (version, created, updated, deleted) = row_state(&ts, kind, &id).await;
        assert_eq!(
            (version, created, updated, deleted),
            (2, now(), t1, Some(t1)),
            "{kind:?}"
        );
        // Hidden from the reads that list it.
        let visible = match kind {
            RecordKind::Person => ts
                .people()
                .await
                .unwrap()
                .iter()
                .any(|p| p.id.as_str() == id),
            RecordKind::Mandate => ts
                .mandates(r)
                .await
                .unwrap()
                .iter()
                .any(|m| m.id.as_str() == id),
            RecordKind::Evidence => ts
                .evidence(r)
                .await
                .unwrap()
                .iter()
                .any(|e| e.id.as_str() == id),
            RecordKind::Visibility => ts.evidence(r).await.unwrap()[0]
                .visibility
                .iter()
                .any(|v| v.id.as_str() == id),
            RecordKind::Advocate => ts
                .advocates(r)
                .await
                .unwrap()
                .iter()
                .any(|a| a.id.as_str() == id),
            RecordKind::Mentorship => ts
                .mentorships(r)
                .await
                .unwrap()
                .iter()
                .any(|m| m.id.as_str() == id),
            RecordKind::Feedback => ts.mentorships(r).await.unwrap()[0]
                .feedback
                .iter()
                .any(|f| f.id.as_str() == id),
            other => unreachable!("{other:?} is not in this test"),
        };
        assert!(!visible, "a deleted {kind:?} is still listed");
        assert_index_in_sync(&ts).await;

        let t2 = clock.advance(Duration::minutes(1));
        ts.restore_record(kind, &id).await.unwrap();
        assert_eq!(
            row_state(&ts, kind, &id).await,
            (3, now(), t2, None),
            "{kind:?}"
        );
        assert_index_in_sync(&ts).await;
        // Everything else is as it was before the delete.
        let after = snapshot(&ts).await;
        for table in [
            "people",
            "mandates",
            "evidence",
            "visibility",
            "advocates",
            "mentorships",
            "mentorship_feedback",
        ] {
            let changed: Vec<&String> = after[table]
                .iter()
                .filter(|row| !full[table].contains(row))
                .collect();
            assert!(
                changed.iter().all(|row| row.contains(&id)),
                "{kind:?} delete/restore changed other rows of {table}: {changed:?}"
            );
            assert_eq!(after[table].len(), full[table].len());
        }
    }
}

#[tokio::test]
async fn deleting_twice_or_restoring_a_live_record_changes_nothing() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let w = world(&ts).await;
    let loner = add_person(&ts, "Lone Person", Relationship::Other).await;
    for (kind, id) in ids(&w, &loner.id) {
        clock.advance(Duration::minutes(1));
        let before = snapshot(&ts).await;
        ts.restore_record(kind, &id).await.unwrap();
        assert_unchanged(&ts, &before).await;

        ts.delete_record(kind, &id).await.unwrap();
        clock.advance(Duration::minutes(1));
        let deleted = snapshot(&ts).await;
        ts.delete_record(kind, &id).await.unwrap();
        assert_unchanged(&ts, &deleted).await;
        ts.restore_record(kind, &id).await.unwrap();
    }
}

#[tokio::test]
async fn a_part_deleted_before_its_parent_stays_deleted_when_the_parent_returns() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let r = &w.report.id;
    ts.delete_record(RecordKind::Visibility, w.visibility.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    ts.restore_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    assert!(ts.evidence(r).await.unwrap()[0].visibility.is_empty());
    assert!(hits(&ts, "quarterly").await.is_empty());

    ts.delete_record(RecordKind::Feedback, w.feedback.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Mentorship, w.mentorship.id.as_str())
        .await
        .unwrap();
    ts.restore_record(RecordKind::Mentorship, w.mentorship.id.as_str())
        .await
        .unwrap();
    assert!(ts.mentorships(r).await.unwrap()[0].feedback.is_empty());
    assert!(hits(&ts, "week").await.is_empty());
    assert_index_in_sync(&ts).await;

    // Restoring a part while its parent is deleted keeps it hidden with the parent.
    ts.delete_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    ts.restore_record(RecordKind::Visibility, w.visibility.id.as_str())
        .await
        .unwrap();
    assert!(hits(&ts, "quarterly").await.is_empty());
    assert_index_in_sync(&ts).await;
    ts.restore_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    assert_eq!(ts.evidence(r).await.unwrap()[0].visibility.len(), 1);
    assert_eq!(
        hits(&ts, "quarterly").await,
        [(RecordKind::Visibility, w.visibility.id.to_string())]
    );
}

#[tokio::test]
async fn restoring_a_mandate_while_another_is_active_is_a_conflict() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let r = &w.report.id;
    ts.delete_record(RecordKind::Mandate, w.mandate.id.as_str())
        .await
        .unwrap();
    // With the active mandate deleted, a new one needs no closing.
    let replacement = ts
        .set_mandate(r, &mandate_draft("Replacement"), None)
        .await
        .unwrap();
    assert_eq!(replacement.len(), 1);
    let before = snapshot(&ts).await;
    refused(
        &ts,
        &before,
        ts.restore_record(RecordKind::Mandate, w.mandate.id.as_str())
            .await,
        "Another mandate is active now; close it before restoring this one.",
    )
    .await;
    // Once the replacement is closed, the old one can come back (still active).
    ts.close_mandate(
        &replacement[0].id,
        1,
        &closing(MandateStatus::Dropped, "Entered by mistake.", TODAY),
    )
    .await
    .unwrap();
    ts.restore_record(RecordKind::Mandate, w.mandate.id.as_str())
        .await
        .unwrap();
    let mandates = ts.mandates(r).await.unwrap();
    assert_eq!(mandates[0].id, w.mandate.id);
    assert_eq!(mandates[0].status, MandateStatus::Active);
    assert_eq!(mandates.len(), 2);

    // A deleted closed mandate comes back whatever is active.
    ts.delete_record(RecordKind::Mandate, replacement[0].id.as_str())
        .await
        .unwrap();
    ts.restore_record(RecordKind::Mandate, replacement[0].id.as_str())
        .await
        .unwrap();
    assert_eq!(ts.mandates(r).await.unwrap().len(), 2);
}

#[tokio::test]
async fn restoring_an_advocate_whose_person_is_an_advocate_again_is_a_conflict() {
    let ts = open_store().await;
    let w = world(&ts).await;
    ts.delete_record(RecordKind::Advocate, w.advocate.id.as_str())
        .await
        .unwrap();
    let again = ts
        .create_advocate(&w.report.id, &advocate_draft(&w.vp.id))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    refused(
        &ts,
        &before,
        ts.restore_record(RecordKind::Advocate, w.advocate.id.as_str())
            .await,
        "This person is already an advocate again; edit that entry instead.",
    )
    .await;
    ts.delete_record(RecordKind::Advocate, again.id.as_str())
        .await
        .unwrap();
    ts.restore_record(RecordKind::Advocate, w.advocate.id.as_str())
        .await
        .unwrap();
    let advocates = ts.advocates(&w.report.id).await.unwrap();
    assert_eq!(advocates.len(), 1);
    assert_eq!(advocates[0].id, w.advocate.id);
}

#[tokio::test]
async fn reports_are_archived_not_deleted() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let before = snapshot(&ts).await;
    let message = "Reports are archived, not deleted: use Archive on the report's page.";
    refused(
        &ts,
        &before,
        ts.delete_record(RecordKind::Report, w.report.id.as_str())
            .await,
        message,
    )
    .await;
    refused(
        &ts,
        &before,
        ts.restore_record(RecordKind::Report, w.report.id.as_str())
            .await,
        message,
    )
    .await;
    refused(
        &ts,
        &before,
        ts.delete_record(RecordKind::Report, "no-such-report").await,
        message,
    )
    .await;
}

#[tokio::test]
async fn unknown_ids_are_not_found() {
    let ts = open_store().await;
    world(&ts).await;
    let before = snapshot(&ts).await;
    for kind in KINDS {
        let expected = format!("No {} with id nope; it may have been removed.", kind.noun());
        assert_eq!(not_found(ts.delete_record(kind, "nope").await), expected);
        assert_eq!(not_found(ts.restore_record(kind, "nope").await), expected);
    }
    assert_unchanged(&ts, &before).await;
    // An id of another kind is unknown too.
    let w_evidence: String = sqlx::query_scalar("SELECT id FROM evidence")
        .fetch_one(ts.pool())
        .await
        .unwrap();
    assert_eq!(
        not_found(ts.delete_record(RecordKind::Mandate, &w_evidence).await),
        format!("No mandate with id {w_evidence}; it may have been removed.")
    );
}

#[tokio::test]
async fn deleted_records_cannot_be_edited_or_extended() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let loner = add_person(&ts, "Lone Person", Relationship::Other).await;
    for (kind, id) in ids(&w, &loner.id) {
        ts.delete_record(kind, &id).await.unwrap();
    }
    let before = snapshot(&ts).await;
    let gone = |noun: &str, id: &dyn std::fmt::Display| {
        format!("No {noun} with id {id}; it may have been removed.")
    };
    assert_eq!(
        not_found(
            ts.update_person(&loner.id, 2, &person_draft("X", Relationship::Other))
                .await
        ),
        gone("person", &loner.id)
    );
    assert_eq!(
        not_found(
            ts.update_mandate(&w.mandate.id, 2, &mandate_draft("X"))
                .await
        ),
        gone("mandate", &w.mandate.id)
    );
    assert_eq!(
        not_found(
            ts.close_mandate(
                &w.mandate.id,
                2,
                &closing(MandateStatus::Completed, "Done", TODAY)
            )
            .await
        ),
        gone("mandate", &w.mandate.id)
    );
    assert_eq!(
        not_found(
            ts.update_evidence(&w.evidence.id, 2, &evidence_draft("X"))
                .await
        ),
        gone("evidence item", &w.evidence.id)
    );
    assert_eq!(
        not_found(
            ts.add_visibility(&w.evidence.id, &visibility_draft(&w.skip.id, TODAY))
                .await
        ),
        gone("evidence item", &w.evidence.id)
    );
    assert_eq!(
        not_found(
            ts.update_visibility(&w.visibility.id, 2, &visibility_draft(&w.skip.id, TODAY))
                .await
        ),
        gone("visibility entry", &w.visibility.id)
    );
    assert_eq!(
        not_found(
            ts.update_advocate(&w.advocate.id, 2, &advocate_draft(&w.vp.id))
                .await
        ),
        gone("advocate", &w.advocate.id)
    );
    assert_eq!(
        not_found(
            ts.update_mentorship(&w.mentorship.id, 2, &mentorship_draft(&w.mentee.id))
                .await
        ),
        gone("mentorship", &w.mentorship.id)
    );
    assert_eq!(
        not_found(
            ts.add_feedback(&w.mentorship.id, &feedback_draft("Hi"))
                .await
        ),
        gone("mentorship", &w.mentorship.id)
    );
    assert_eq!(
        not_found(
            ts.update_feedback(&w.feedback.id, 2, &feedback_draft("Hi"))
                .await
        ),
        gone("feedback entry", &w.feedback.id)
    );
    assert_unchanged(&ts, &before).await;
}
