//! Dates that must agree across records: nobody sees work before it started, feedback on a
//! mentorship comes after it began, and a new mandate does not start before the old one ended.

use trellis_core::model::{FeedbackDraft, MandateDraft, MandateStatus};

use crate::support::*;

#[tokio::test]
async fn work_cannot_be_seen_before_it_started() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let before = snapshot(&ts).await;
    // The world's evidence started on 2026-03-02.
    let early = visibility_draft(&w.vp.id, "2026-03-01");
    invalid(
        &ts,
        &before,
        ts.add_visibility(&w.evidence.id, &early).await,
        &[(
            "seenOn",
            "Seen on cannot be before the work started (2026-03-02).",
        )],
    )
    .await;
    invalid(
        &ts,
        &before,
        ts.update_visibility(&w.visibility.id, w.visibility.version, &early)
            .await,
        &[(
            "seenOn",
            "Seen on cannot be before the work started (2026-03-02).",
        )],
    )
    .await;
    let same_day = visibility_draft(&w.vp.id, "2026-03-02");
    let seen = ts.add_visibility(&w.evidence.id, &same_day).await.unwrap();
    assert_eq!(seen.visibility.len(), 2);
}

#[tokio::test]
async fn feedback_cannot_predate_its_mentorship() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let before = snapshot(&ts).await;
    // The world's mentorship started on 2025-11-01.
    let early = FeedbackDraft {
        received_on: "2025-10-31".to_owned(),
        ..feedback_draft("Too early to say.")
    };
    invalid(
        &ts,
        &before,
        ts.add_feedback(&w.mentorship.id, &early).await,
        &[(
            "receivedOn",
            "Received on cannot be before the mentorship started (2025-11-01).",
        )],
    )
    .await;
    let on_the_day = FeedbackDraft {
        received_on: "2025-11-01".to_owned(),
        ..feedback_draft("A good first session.")
    };
    let m = ts
        .add_feedback(&w.mentorship.id, &on_the_day)
        .await
        .unwrap();
    assert!(m
        .feedback
        .iter()
        .any(|f| f.words == "A good first session."));
}

#[tokio::test]
async fn a_new_mandate_does_not_start_before_the_old_one_ended() {
    let ts = open_store().await;
    let w = world(&ts).await;
    let before = snapshot(&ts).await;
    let ended = closing(MandateStatus::Completed, "Shipped.", "2026-06-30");
    let too_early = MandateDraft {
        set_on: "2026-06-29".to_owned(),
        ..mandate_draft("Next: cost.")
    };
    invalid(
        &ts,
        &before,
        ts.set_mandate(&w.report.id, &too_early, Some(&ended)).await,
        &[(
            "setOn",
            "The new mandate cannot start before the current one ended (2026-06-30).",
        )],
    )
    .await;
    let next = MandateDraft {
        set_on: "2026-06-30".to_owned(),
        ..mandate_draft("Next: cost.")
    };
    let mandates = ts
        .set_mandate(&w.report.id, &next, Some(&ended))
        .await
        .unwrap();
    assert_eq!(mandates[0].statement, "Next: cost.");
    assert_eq!(mandates[1].status, MandateStatus::Completed);
}

#[tokio::test]
async fn visibility_gaps_of_an_unknown_report_are_not_found() {
    let ts = open_store().await;
    let unknown = trellis_core::ids::ReportId::new();
    not_found(ts.visibility_gaps(&unknown, None).await);
}
