//! A report's timeline: every dated record once per kind of date, newest first, deleted
//! records left out, and filtering by kinds.

use trellis_core::ids::ReportId;
use trellis_core::model::{
    AdvocateDraft, EvidenceDraft, FeedbackDraft, MandateDraft, MandateStatus, MentorshipDraft,
    RecordKind, Relationship, Sentiment, TimelineEntry, TimelineKind,
};

use crate::support::*;

use TimelineKind as K;

fn entry(
    day: &str,
    kind: TimelineKind,
    record_kind: RecordKind,
    record_id: &str,
    title: &str,
    detail: &str,
) -> TimelineEntry {
    TimelineEntry {
        date: date(day),
        kind,
        record_kind,
        record_id: record_id.to_owned(),
        title: title.to_owned(),
        detail: detail.to_owned(),
    }
}

#[tokio::test]
async fn every_dated_record_appears_once_per_date_newest_first() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let skip = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let cto = add_person(&ts, "Jonah Kessler", Relationship::Leadership).await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let ravi = add_person(&ts, "Ravi Menon", Relationship::MyOrg).await;
    let r = &report.id;

    // Mandates: one completed into history, one active.
    let first = ts
        .set_mandate(
            r,
            &MandateDraft {
                priority: "Card launch".to_owned(),
                set_on: "2025-01-10".to_owned(),
                review_by: String::new(),
                ..mandate_draft("Own the ledger design.\nFor card payments.")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0);
    let mandates = ts
        .set_mandate(
            r,
            &MandateDraft {
                set_on: "2025-09-01".to_owned(),
                ..mandate_draft("Make ledger consistency a platform property.")
            },
            Some(&closing(
                MandateStatus::Completed,
                "Adopted by three teams.",
                "2025-08-31",
            )),
        )
        .await
        .unwrap();
    let active = &mandates[0];

    // Evidence: one with every date and a sighting, one ongoing.
    let ledger = ts
        .create_evidence(
            r,
            &EvidenceDraft {
                impact: "2 breaks a month".to_owned(),
                ..evidence_draft("Ledger migration")
            },
        )
        .await
        .unwrap();
    let ledger = ts
        .add_visibility(
            &ledger.id,
            &trellis_core::model::VisibilityDraft {
                detail: "Doc review".to_owned(),
                ..visibility_draft(&skip.id, "2026-07-15")
            },
        )
        .await
        .unwrap();
    let forum = ts
        .create_evidence(
            r,
            &EvidenceDraft {
                started_on: "2025-10-01".to_owned(),
                ended_on: String::new(),
                in_production_since: String::new(),
                impact: String::new(),
                ..evidence_draft("Review forum")
            },
        )
        .await
        .unwrap();

    // Advocates: one checked, one never checked (no date, no entry).
    let checked = ts
        .create_advocate(r, &advocate_draft(&vp.id))
        .await
        .unwrap();
    ts.create_advocate(
        r,
        &AdvocateDraft {
            last_checked: String::new(),
            ..advocate_draft(&cto.id)
        },
    )
    .await
    .unwrap();

    // Mentorships: one ended with feedback (on the day the ledger went live), one ongoing.
    let ended = ts
        .create_mentorship(
            r,
            &MentorshipDraft {
                goals: "Lead a design review.\nThen a project.".to_owned(),
                started_on: "2025-11-01".to_owned(),
                ended_on: "2026-09-30".to_owned(),
                ..mentorship_draft(&jamie.id)
            },
        )
        .await
        .unwrap();
    ts.add_feedback(
        &ended.id,
        &FeedbackDraft {
            received_on: "2026-07-01".to_owned(),
            sentiment: Some(Sentiment::Negative),
            ..feedback_draft("Sessions keep getting cancelled.")
        },
    )
    .await
    .unwrap();
    let ongoing = ts
        .create_mentorship(
            r,
            &MentorshipDraft {
                goals: "Own the build tooling.".to_owned(),
                started_on: "2026-10-15".to_owned(),
                ..mentorship_draft(&ravi.id)
            },
        )
        .await
        .unwrap();
    ts.add_feedback(
        &ongoing.id,
        &FeedbackDraft {
            received_on: "2026-11-20".to_owned(),
            ..feedback_draft("Explains the why.")
        },
    )
    .await
    .unwrap();

    let e = ledger.id.as_str();
    let expected = vec![
        entry(
            "2026-11-20",
            K::Feedback,
            RecordKind::Mentorship,
            ongoing.id.as_str(),
            "Positive feedback from Ravi Menon",
            "Explains the why.",
        ),
        entry(
            "2026-10-15",
            K::MentorshipStarted,
            RecordKind::Mentorship,
            ongoing.id.as_str(),
            "Started mentoring Ravi Menon",
            "Own the build tooling.",
        ),
        entry(
            "2026-10-01",
            K::AdvocateChecked,
            RecordKind::Advocate,
            checked.id.as_str(),
            "Support checked with Samira Whitfield",
            "The migration demo and its numbers.",
        ),
        entry(
            "2026-09-30",
            K::MentorshipEnded,
            RecordKind::Mentorship,
            ended.id.as_str(),
            "Stopped mentoring Jamie Chen",
            "",
        ),
        entry(
            "2026-07-15",
            K::Seen,
            RecordKind::Evidence,
            e,
            "Morgan Avery saw Ledger migration",
            "Doc review",
        ),
        // Same day: ordered by kind (in production before feedback).
        entry(
            "2026-07-01",
            K::InProduction,
            RecordKind::Evidence,
            e,
            "In production: Ledger migration",
            "",
        ),
        entry(
            "2026-07-01",
            K::Feedback,
            RecordKind::Mentorship,
            ended.id.as_str(),
            "Negative feedback from Jamie Chen",
            "Sessions keep getting cancelled.",
        ),
        entry(
            "2026-06-30",
            K::EvidenceEnded,
            RecordKind::Evidence,
            e,
            "Finished: Ledger migration",
            "2 breaks a month",
        ),
        entry(
            "2026-03-02",
            K::EvidenceStarted,
            RecordKind::Evidence,
            e,
            "Ledger migration",
            "2 breaks a month",
        ),
        entry(
            "2025-11-01",
            K::MentorshipStarted,
            RecordKind::Mentorship,
            ended.id.as_str(),
            "Started mentoring Jamie Chen",
            "Lead a design review.",
        ),
        entry(
            "2025-10-01",
            K::EvidenceStarted,
            RecordKind::Evidence,
            forum.id.as_str(),
            "Review forum",
            "",
        ),
        entry(
            "2025-09-01",
            K::MandateSet,
            RecordKind::Mandate,
            active.id.as_str(),
            "Mandate: Make ledger consistency a platform property.",
            "Payments reliability",
        ),
        entry(
            "2025-08-31",
            K::MandateEnded,
            RecordKind::Mandate,
            first.id.as_str(),
            "Mandate completed: Own the ledger design.",
            "Adopted by three teams.",
        ),
        entry(
            "2025-01-10",
            K::MandateSet,
            RecordKind::Mandate,
            first.id.as_str(),
            "Mandate: Own the ledger design.",
            "Card launch",
        ),
        entry(
            "2024-03-01",
            K::RoleStarted,
            RecordKind::Report,
            report.id.as_str(),
            "Started as Staff",
            "Payments Platform",
        ),
    ];
    assert_eq!(ts.timeline(r, &[]).await.unwrap(), expected);

    // Filtering keeps only the kinds asked for, in the same order.
    let only = |kinds: &[TimelineKind]| -> Vec<TimelineEntry> {
        expected
            .iter()
            .filter(|e| kinds.contains(&e.kind))
            .cloned()
            .collect()
    };
    for kinds in [
        vec![K::Seen],
        vec![K::Feedback, K::MandateEnded],
        vec![K::EvidenceStarted, K::EvidenceEnded, K::InProduction],
        vec![K::RoleStarted],
        vec![
            K::AdvocateChecked,
            K::MentorshipStarted,
            K::MentorshipEnded,
            K::MandateSet,
        ],
    ] {
        let got = ts.timeline(r, &kinds).await.unwrap();
        assert!(!got.is_empty());
        assert_eq!(got, only(&kinds), "{kinds:?}");
    }
}

#[tokio::test]
async fn a_dropped_mandate_says_so() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let m = ts
        .set_mandate(&report.id, &mandate_draft("Keep incidents down"), None)
        .await
        .unwrap()
        .remove(0);
    ts.close_mandate(
        &m.id,
        1,
        &closing(MandateStatus::Dropped, "Re-org.", "2026-06-01"),
    )
    .await
    .unwrap();
    let ended = ts.timeline(&report.id, &[K::MandateEnded]).await.unwrap();
    assert_eq!(
        ended,
        vec![entry(
            "2026-06-01",
            K::MandateEnded,
            RecordKind::Mandate,
            m.id.as_str(),
            "Mandate dropped: Keep incidents down",
            "Re-org."
        )]
    );
}

#[tokio::test]
async fn deleted_records_are_left_out_and_return_when_restored() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let r = &w.report.id;
    let full = ts.timeline(r, &[]).await.unwrap();
    let kinds = |t: &[TimelineEntry]| -> Vec<TimelineKind> { t.iter().map(|e| e.kind).collect() };
    assert_eq!(
        kinds(&full),
        [
            K::AdvocateChecked,
            K::Seen,
            K::InProduction,
            K::EvidenceEnded,
            K::Feedback,
            K::EvidenceStarted,
            K::MandateSet,
            K::MentorshipStarted,
            K::RoleStarted
        ]
    );

    for (kind, id, gone) in [
        (
            RecordKind::Mandate,
            w.mandate.id.to_string(),
            vec![K::MandateSet],
        ),
        (
            RecordKind::Evidence,
            w.evidence.id.to_string(),
            vec![
                K::Seen,
                K::InProduction,
                K::EvidenceEnded,
                K::EvidenceStarted,
            ],
        ),
        (
            RecordKind::Visibility,
            w.visibility.id.to_string(),
            vec![K::Seen],
        ),
        (
            RecordKind::Advocate,
            w.advocate.id.to_string(),
            vec![K::AdvocateChecked],
        ),
        (
            RecordKind::Mentorship,
            w.mentorship.id.to_string(),
            vec![K::Feedback, K::MentorshipStarted],
        ),
        (
            RecordKind::Feedback,
            w.feedback.id.to_string(),
            vec![K::Feedback],
        ),
    ] {
        ts.delete_record(kind, &id).await.unwrap();
        let without: Vec<TimelineEntry> = full
            .iter()
            .filter(|e| !gone.contains(&e.kind))
            .cloned()
            .collect();
        assert_eq!(
            ts.timeline(r, &[]).await.unwrap(),
            without,
            "{kind:?} deleted"
        );
        ts.restore_record(kind, &id).await.unwrap();
        assert_eq!(
            ts.timeline(r, &[]).await.unwrap(),
            full,
            "{kind:?} restored"
        );
    }
}

#[tokio::test]
async fn the_timeline_follows_edits_and_other_reports_do_not_leak_in() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let grace = add_report(&ts, "Grace Hopper").await;
    ts.create_evidence(&grace.id, &evidence_draft("Grace's compiler"))
        .await
        .unwrap();
    let e = ts.evidence_item(&w.evidence.id).await.unwrap();
    ts.update_evidence(
        &e.id,
        e.version,
        &EvidenceDraft {
            title: "Ledger cutover".to_owned(),
            ended_on: String::new(),
            in_production_since: String::new(),
            ..evidence_draft_of(&e)
        },
    )
    .await
    .unwrap();
    let evidence = ts
        .timeline(
            &w.report.id,
            &[
                K::EvidenceStarted,
                K::EvidenceEnded,
                K::InProduction,
                K::Seen,
            ],
        )
        .await
        .unwrap();
    let titles: Vec<&str> = evidence.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Morgan Avery saw Ledger cutover", "Ledger cutover"]
    );
    // Grace's timeline has her own record only.
    let grace_titles: Vec<String> = ts
        .timeline(&grace.id, &[])
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(
        grace_titles,
        [
            "In production: Grace's compiler",
            "Finished: Grace's compiler",
            "Grace's compiler",
            "Started as Staff"
        ]
    );
}

#[tokio::test]
async fn an_unknown_report_has_no_timeline() {
    let ts = open_store().await;
    assert_eq!(
        not_found(ts.timeline(&ReportId::from("no-such-report"), &[]).await),
        "No report with id no-such-report; it may have been removed."
    );
}
