//! Visibility: who has seen a piece of evidence (every rule of `VisibilityDraft` through the
//! store, updates), and the visibility gaps of a report: evidence the skip-level or the
//! committee has not seen.

use chrono::Duration;
use trellis_core::ids::{EvidenceId, ReportId, VisibilityId};
use trellis_core::model::{
    Channel, EvidenceDraft, EvidenceKind, EvidenceRole, PersonDraft, PersonRef, RecordKind,
    Relationship, UnseenEvidence, VisibilityDraft,
};
use trellis_core::validate::MAX_LINE;
use trellis_core::Store;

use crate::support::*;

fn person_ref(p: &trellis_core::model::Person) -> PersonRef {
    PersonRef {
        id: p.id.clone(),
        name: p.name.clone(),
        title: p.title.clone(),
        relationship: p.relationship,
    }
}

#[tokio::test]
async fn adding_visibility_returns_the_evidence_with_entries_oldest_first() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let skip = ts
        .create_person(&PersonDraft {
            title: "Director of Engineering".to_owned(),
            ..person_draft("Morgan Avery", Relationship::SkipLevel)
        })
        .await
        .unwrap();
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let e = ts
        .create_evidence(&report.id, &evidence_draft("Ledger"))
        .await
        .unwrap();
    let e = ts
        .add_visibility(
            &e.id,
            &VisibilityDraft {
                person_id: Some(vp.id.clone()),
                channel: Some(Channel::Presentation),
                detail: "  All-hands slot ".to_owned(),
                seen_on: "2026-09-01".to_owned(),
            },
        )
        .await
        .unwrap();
    let e = ts
        .add_visibility(
            &e.id,
            &VisibilityDraft {
                person_id: Some(skip.id.clone()),
                channel: Some(Channel::SkipOneOnOne),
                detail: String::new(),
                seen_on: "2026-07-15".to_owned(),
            },
        )
        .await
        .unwrap();
    assert_eq!(e.version, 1, "adding visibility does not edit the evidence");
    assert_eq!(e.visibility.len(), 2);
    let first = &e.visibility[0];
    assert_eq!(first.evidence_id, e.id);
    assert_eq!(first.person, person_ref(&skip));
    assert_eq!(first.channel, Channel::SkipOneOnOne);
    assert_eq!(first.detail, "");
    assert_eq!(first.seen_on, date("2026-07-15"));
    assert_eq!(
        (first.version, first.created_at, first.updated_at),
        (1, now(), now())
    );
    let second = &e.visibility[1];
    assert_eq!(second.person, person_ref(&vp));
    assert_eq!(second.channel, Channel::Presentation);
    assert_eq!(second.detail, "All-hands slot");
    assert_eq!(second.seen_on, date("2026-09-01"));
    assert_eq!(ts.evidence_item(&e.id).await.unwrap(), e);
    assert_eq!(ts.evidence(&report.id).await.unwrap(), vec![e]);
}

#[tokio::test]
async fn every_rule_of_a_visibility_draft_is_checked_and_nothing_is_written() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let skip = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let gone = add_person(&ts, "Gone Person", Relationship::Leadership).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let e = ts
        .create_evidence(&report.id, &evidence_draft("Ledger"))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let ok = visibility_draft(&skip.id, "2026-07-15");
    let not_in = "That person is not in the people directory.";
    let cases: Vec<(VisibilityDraft, Vec<(&str, &str)>)> = vec![
        (
            VisibilityDraft {
                person_id: None,
                ..ok.clone()
            },
            vec![("personId", "Choose a value for who saw it.")],
        ),
        (
            visibility_draft(&"no-such-person".into(), "2026-07-15"),
            vec![("personId", not_in)],
        ),
        (
            visibility_draft(&gone.id, "2026-07-15"),
            vec![("personId", not_in)],
        ),
        (
            VisibilityDraft {
                channel: None,
                ..ok.clone()
            },
            vec![("channel", "Choose a value for how they saw it.")],
        ),
        (
            VisibilityDraft {
                detail: "line one\nline two".to_owned(),
                ..ok.clone()
            },
            vec![(
                "detail",
                "Detail must be a single line without control characters.",
            )],
        ),
        (
            VisibilityDraft {
                detail: "d".repeat(MAX_LINE + 1),
                ..ok.clone()
            },
            vec![("detail", "Detail is too long: at most 200 characters.")],
        ),
        (
            visibility_draft(&skip.id, ""),
            vec![("seenOn", "Seen on is required.")],
        ),
        (
            visibility_draft(&skip.id, "2026-13-01"),
            vec![(
                "seenOn",
                "Seen on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        ),
        (
            visibility_draft(&skip.id, TOMORROW),
            vec![(
                "seenOn",
                "Seen on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            VisibilityDraft::default(),
            vec![
                ("personId", "Choose a value for who saw it."),
                ("channel", "Choose a value for how they saw it."),
                ("seenOn", "Seen on is required."),
            ],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.add_visibility(&e.id, &draft).await,
            &expected,
        )
        .await;
    }
    // Seen today is fine; a report's person can be recorded as having seen work too.
    let colleague = add_report(&ts, "Hiro Watanabe").await;
    let e = ts
        .add_visibility(&e.id, &visibility_draft(&colleague.person_id, TODAY))
        .await
        .unwrap();
    assert_eq!(e.visibility[0].seen_on, today());
}

#[tokio::test]
async fn update_changes_the_entry_and_a_stale_or_invalid_one_changes_nothing() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let skip = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let e = ts
        .create_evidence(&report.id, &evidence_draft("Ledger"))
        .await
        .unwrap();
    let e = ts
        .add_visibility(&e.id, &visibility_draft(&skip.id, "2026-07-15"))
        .await
        .unwrap();
    let entry = e.visibility[0].clone();
    let later = clock.advance(Duration::hours(2));
    let e = ts
        .update_visibility(
            &entry.id,
            1,
            &VisibilityDraft {
                person_id: Some(vp.id.clone()),
                channel: Some(Channel::Doc),
                detail: "Read the design doc".to_owned(),
                seen_on: "2026-08-01".to_owned(),
            },
        )
        .await
        .unwrap();
    assert_eq!(e.version, 1, "the evidence itself is not edited");
    let updated = &e.visibility[0];
    assert_eq!(updated.id, entry.id);
    assert_eq!(updated.person, person_ref(&vp));
    assert_eq!(updated.channel, Channel::Doc);
    assert_eq!(updated.detail, "Read the design doc");
    assert_eq!(updated.seen_on, date("2026-08-01"));
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, now(), later)
    );

    let before = snapshot(&ts).await;
    for stale in [1, 3] {
        refused(
            &ts,
            &before,
            ts.update_visibility(&entry.id, stale, &visibility_draft(&skip.id, TODAY))
                .await,
            &stale_message("visibility entry", "Ledger"),
        )
        .await;
    }
    invalid(
        &ts,
        &before,
        ts.update_visibility(&entry.id, 2, &visibility_draft(&skip.id, TOMORROW))
            .await,
        &[(
            "seenOn",
            "Seen on cannot be in the future (after 2026-11-24).",
        )],
    )
    .await;
}

#[tokio::test]
async fn unknown_or_deleted_evidence_and_entries_are_not_found() {
    let ts = open_store().await;
    let w = world(&ts).await;
    assert_eq!(
        not_found(
            ts.add_visibility(
                &EvidenceId::from("no-such-evidence"),
                &visibility_draft(&w.skip.id, TODAY)
            )
            .await
        ),
        "No evidence item with id no-such-evidence; it may have been removed."
    );
    assert_eq!(
        not_found(
            ts.update_visibility(
                &VisibilityId::from("no-such-entry"),
                1,
                &visibility_draft(&w.skip.id, TODAY)
            )
            .await
        ),
        "No visibility entry with id no-such-entry; it may have been removed."
    );
    ts.delete_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    not_found(
        ts.add_visibility(&w.evidence.id, &visibility_draft(&w.vp.id, TODAY))
            .await,
    );
    // The entry is live but its evidence is not: it cannot be edited either.
    not_found(
        ts.update_visibility(&w.visibility.id, 1, &visibility_draft(&w.vp.id, TODAY))
            .await,
    );
    assert_unchanged(&ts, &before).await;
    ts.restore_record(RecordKind::Evidence, w.evidence.id.as_str())
        .await
        .unwrap();
    ts.delete_record(RecordKind::Visibility, w.visibility.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        not_found(
            ts.update_visibility(&w.visibility.id, 2, &visibility_draft(&w.vp.id, TODAY))
                .await
        ),
        format!(
            "No visibility entry with id {}; it may have been removed.",
            w.visibility.id
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Visibility gaps
// ---------------------------------------------------------------------------------------------

async fn evidence(
    ts: &Store,
    report: &ReportId,
    title: &str,
    started: &str,
    impact: &str,
) -> EvidenceId {
    ts.create_evidence(
        report,
        &EvidenceDraft {
            started_on: started.to_owned(),
            ended_on: String::new(),
            in_production_since: String::new(),
            impact: impact.to_owned(),
            ..evidence_draft(title)
        },
    )
    .await
    .unwrap()
    .id
}

async fn seen(ts: &Store, evidence: &EvidenceId, by: &trellis_core::model::Person) -> VisibilityId {
    ts.add_visibility(evidence, &visibility_draft(&by.id, "2026-10-01"))
        .await
        .unwrap()
        .visibility
        .into_iter()
        .find(|v| v.person.id == by.id)
        .unwrap()
        .id
}

fn titles(unseen: &[UnseenEvidence]) -> Vec<&str> {
    unseen.iter().map(|u| u.title.as_str()).collect()
}

#[tokio::test]
async fn without_a_skip_level_recorded_all_evidence_is_unseen() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let a = evidence(&ts, &report.id, "Ledger", "2026-03-02", "2 breaks a month").await;
    evidence(&ts, &report.id, "Forum", "2025-06-01", "").await;
    seen(&ts, &a, &vp).await;
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert!(gaps.skip_levels.is_empty());
    assert_eq!(titles(&gaps.unseen_by_skip_level), ["Ledger", "Forum"]);
    assert_eq!(gaps.committee, None);
    assert!(gaps.unseen_by_committee.is_empty());
    assert_eq!(gaps.evidence_count, 2);

    // No evidence, no gaps.
    let empty = add_report(&ts, "Grace Hopper").await;
    let gaps = ts.visibility_gaps(&empty.id, None).await.unwrap();
    assert!(gaps.unseen_by_skip_level.is_empty());
    assert_eq!(gaps.evidence_count, 0);
}

#[tokio::test]
async fn evidence_seen_by_any_skip_level_is_not_a_gap() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let other = add_report(&ts, "Grace Hopper").await;
    let morgan = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let lee = add_person(&ts, "Lee Park", Relationship::SkipLevel).await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let by_morgan = evidence(&ts, &report.id, "Seen by Morgan", "2026-05-01", "x").await;
    let by_lee = evidence(&ts, &report.id, "Seen by Lee", "2026-04-01", "x").await;
    let by_vp = evidence(
        &ts,
        &report.id,
        "Seen by the VP only",
        "2026-03-01",
        "3 teams",
    )
    .await;
    let nobody = evidence(&ts, &report.id, "Seen by nobody", "2026-02-01", "  ").await;
    seen(&ts, &by_morgan, &morgan).await;
    seen(&ts, &by_lee, &lee).await;
    seen(&ts, &by_lee, &vp).await;
    seen(&ts, &by_vp, &vp).await;
    // Another report's evidence seen by nobody does not leak into this report's gaps.
    evidence(&ts, &other.id, "Grace's work", "2026-01-01", "").await;

    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(
        gaps.skip_levels,
        vec![person_ref(&lee), person_ref(&morgan)]
    );
    assert_eq!(
        gaps.unseen_by_skip_level,
        vec![
            UnseenEvidence {
                id: by_vp,
                title: "Seen by the VP only".to_owned(),
                kind: EvidenceKind::Project,
                role: EvidenceRole::Led,
                started_on: date("2026-03-01"),
                has_impact: true,
            },
            UnseenEvidence {
                id: nobody,
                title: "Seen by nobody".to_owned(),
                kind: EvidenceKind::Project,
                role: EvidenceRole::Led,
                started_on: date("2026-02-01"),
                has_impact: false,
            },
        ]
    );
    assert_eq!(gaps.evidence_count, 4);
}

#[tokio::test]
async fn deleted_sightings_evidence_and_people_do_not_count() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let morgan = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let spare = add_person(&ts, "Spare Skip", Relationship::SkipLevel).await;
    let ledger = evidence(&ts, &report.id, "Ledger", "2026-05-01", "x").await;
    let forum = evidence(&ts, &report.id, "Forum", "2026-04-01", "x").await;
    let sighting = seen(&ts, &ledger, &morgan).await;
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(titles(&gaps.unseen_by_skip_level), ["Forum"]);

    // A deleted sighting is not a sighting.
    ts.delete_record(RecordKind::Visibility, sighting.as_str())
        .await
        .unwrap();
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(titles(&gaps.unseen_by_skip_level), ["Ledger", "Forum"]);
    ts.restore_record(RecordKind::Visibility, sighting.as_str())
        .await
        .unwrap();
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(titles(&gaps.unseen_by_skip_level), ["Forum"]);

    // Deleted evidence is neither a gap nor counted.
    ts.delete_record(RecordKind::Evidence, forum.as_str())
        .await
        .unwrap();
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert!(gaps.unseen_by_skip_level.is_empty());
    assert_eq!(gaps.evidence_count, 1);

    // A deleted skip-level is not listed.
    ts.delete_record(RecordKind::Person, spare.id.as_str())
        .await
        .unwrap();
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(gaps.skip_levels, vec![person_ref(&morgan)]);
}

#[tokio::test]
async fn a_person_who_becomes_skip_level_counts_from_then_on() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let lee = add_person(&ts, "Lee Park", Relationship::Peer).await;
    let ledger = evidence(&ts, &report.id, "Ledger", "2026-05-01", "x").await;
    seen(&ts, &ledger, &lee).await;
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(titles(&gaps.unseen_by_skip_level), ["Ledger"]);
    let lee = ts
        .update_person(
            &lee.id,
            1,
            &person_draft("Lee Park", Relationship::SkipLevel),
        )
        .await
        .unwrap();
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(gaps.skip_levels, vec![person_ref(&lee)]);
    assert!(gaps.unseen_by_skip_level.is_empty());
}

#[tokio::test]
async fn a_committee_is_checked_the_same_way() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let morgan = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let hiro = add_person(&ts, "Hiro Watanabe", Relationship::Peer).await;
    let cto = add_person(&ts, "Jonah Kessler", Relationship::Leadership).await;
    let ledger = evidence(&ts, &report.id, "Ledger", "2026-05-01", "x").await;
    let forum = evidence(&ts, &report.id, "Forum", "2026-04-01", "x").await;
    let glue = evidence(&ts, &report.id, "Glue", "2026-03-01", "").await;
    seen(&ts, &ledger, &morgan).await;
    seen(&ts, &forum, &hiro).await;
    let sighting = seen(&ts, &glue, &cto).await;

    let committee = vec![person_ref(&vp), person_ref(&hiro), person_ref(&cto)];
    let gaps = ts
        .visibility_gaps(&report.id, Some(committee.clone()))
        .await
        .unwrap();
    assert_eq!(gaps.committee.as_ref(), Some(&committee));
    assert_eq!(titles(&gaps.unseen_by_committee), ["Ledger"]);
    assert_eq!(titles(&gaps.unseen_by_skip_level), ["Forum", "Glue"]);

    // A deleted sighting does not count for the committee either.
    ts.delete_record(RecordKind::Visibility, sighting.as_str())
        .await
        .unwrap();
    let gaps = ts
        .visibility_gaps(&report.id, Some(committee))
        .await
        .unwrap();
    assert_eq!(titles(&gaps.unseen_by_committee), ["Ledger", "Glue"]);

    // An empty committee has seen nothing; no committee means no committee gaps.
    let gaps = ts
        .visibility_gaps(&report.id, Some(Vec::new()))
        .await
        .unwrap();
    assert_eq!(gaps.committee, Some(Vec::new()));
    assert_eq!(
        titles(&gaps.unseen_by_committee),
        ["Ledger", "Forum", "Glue"]
    );
    let gaps = ts.visibility_gaps(&report.id, None).await.unwrap();
    assert_eq!(gaps.committee, None);
    assert!(gaps.unseen_by_committee.is_empty());
}

/// The overview's committee gaps are judged against the committee of the report's next cycle,
/// its members who have joined by today (the app used to pass no committee at all).
#[tokio::test]
async fn the_next_cycles_committee_is_the_one_the_gaps_use() {
    let s = crate::cycle_support::scene().await;
    let committee = s.ts.next_committee(&s.ada.report.id).await.unwrap();
    let mut names: Vec<String> = committee
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.name)
        .collect();
    names.sort();
    assert_eq!(names, ["Morgan Avery", "Samira Whitfield"]);
    let bea = s
        .plain_report("Bea Fisher", crate::cycle_support::CREATED)
        .await;
    assert_eq!(
        s.ts.next_committee(&bea.id).await.unwrap(),
        None,
        "not a candidate"
    );
}
