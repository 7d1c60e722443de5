//! Mentorships and mentee feedback: create and read back, ordering, every rule of
//! `MentorshipDraft` and `FeedbackDraft` through the store, marking feedback addressed, updates.

use chrono::Duration;
use trellis_core::ids::{FeedbackId, MentorshipId, ReportId};
use trellis_core::model::{
    FeedbackDraft, FeedbackSource, MentorshipDraft, RecordKind, Relationship, Sentiment,
};
use trellis_core::validate::MAX_TEXT;

use crate::support::*;

#[tokio::test]
async fn create_then_read_back_round_trips_every_field() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = ts
        .create_person(&trellis_core::model::PersonDraft {
            title: "Software Engineer II".to_owned(),
            ..person_draft("Jamie Chen", Relationship::MyOrg)
        })
        .await
        .unwrap();
    let m = ts
        .create_mentorship(
            &report.id,
            &MentorshipDraft {
                mentee_id: Some(jamie.id.clone()),
                goals: "Own reconciliation.\nLead a design review.\n".to_owned(),
                started_on: "2025-11-01".to_owned(),
                ended_on: "2026-09-30".to_owned(),
            },
        )
        .await
        .unwrap();
    assert_eq!(m.report_id, report.id);
    assert_eq!(m.mentee.id, jamie.id);
    assert_eq!(m.mentee.name, "Jamie Chen");
    assert_eq!(m.mentee.title, "Software Engineer II");
    assert_eq!(m.goals, "Own reconciliation.\nLead a design review.");
    assert_eq!(m.started_on, date("2025-11-01"));
    assert_eq!(m.ended_on, Some(date("2026-09-30")));
    assert!(m.feedback.is_empty());
    assert_eq!((m.version, m.created_at, m.updated_at), (1, now(), now()));
    assert_eq!(ts.mentorships(&report.id).await.unwrap(), vec![m]);
}

#[tokio::test]
async fn current_mentorships_come_first_then_newest() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let other = add_report(&ts, "Grace Hopper").await;
    for (name, started, ended) in [
        ("Ended recently", "2026-01-01", "2026-10-01"),
        ("Current, older", "2024-05-01", ""),
        ("Ended long ago", "2023-01-01", "2023-12-01"),
        ("Current, newer", "2026-02-01", ""),
    ] {
        let p = add_person(&ts, name, Relationship::MyOrg).await;
        ts.create_mentorship(
            &report.id,
            &MentorshipDraft {
                started_on: started.to_owned(),
                ended_on: ended.to_owned(),
                ..mentorship_draft(&p.id)
            },
        )
        .await
        .unwrap();
    }
    let mentee = add_person(&ts, "Someone else's mentee", Relationship::MyOrg).await;
    ts.create_mentorship(&other.id, &mentorship_draft(&mentee.id))
        .await
        .unwrap();
    let names: Vec<String> = ts
        .mentorships(&report.id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.mentee.name)
        .collect();
    assert_eq!(
        names,
        [
            "Current, newer",
            "Current, older",
            "Ended recently",
            "Ended long ago"
        ]
    );
    assert!(ts
        .mentorships(&ReportId::from("nobody"))
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn every_rule_of_a_mentorship_draft_is_checked_and_nothing_is_written() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let gone = add_person(&ts, "Gone Person", Relationship::MyOrg).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let ok = mentorship_draft(&jamie.id);
    let not_in = "That person is not in the people directory.";
    let dated = |started: &str, ended: &str| MentorshipDraft {
        started_on: started.to_owned(),
        ended_on: ended.to_owned(),
        ..ok.clone()
    };
    let cases: Vec<(MentorshipDraft, Vec<(&str, &str)>)> = vec![
        (
            MentorshipDraft {
                mentee_id: None,
                ..ok.clone()
            },
            vec![("menteeId", "Choose a value for the mentee.")],
        ),
        (
            mentorship_draft(&report.person_id),
            vec![("menteeId", "A report cannot mentor themself.")],
        ),
        (
            mentorship_draft(&"no-such-person".into()),
            vec![("menteeId", not_in)],
        ),
        (mentorship_draft(&gone.id), vec![("menteeId", not_in)]),
        (
            MentorshipDraft {
                goals: "g".repeat(MAX_TEXT + 1),
                ..ok.clone()
            },
            vec![("goals", "Goals is too long: at most 20000 characters.")],
        ),
        (
            MentorshipDraft {
                goals: "a\u{7f}b".to_owned(),
                ..ok.clone()
            },
            vec![(
                "goals",
                "Goals contains control characters that cannot be stored.",
            )],
        ),
        (
            dated("", ""),
            vec![("startedOn", "Started on is required.")],
        ),
        (
            dated(TOMORROW, ""),
            vec![(
                "startedOn",
                "Started on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            dated("2025-11-01", "2025-10-31"),
            vec![("endedOn", "Ended on cannot be before it started.")],
        ),
        (
            dated("2025-11-01", TOMORROW),
            vec![(
                "endedOn",
                "Ended on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            dated("2025-11-01", "2025-11-31"),
            vec![(
                "endedOn",
                "Ended on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.create_mentorship(&report.id, &draft).await,
            &expected,
        )
        .await;
    }
    // Ending on the day it started, today, is fine; another report can be the mentee.
    let colleague = add_report(&ts, "Grace Hopper").await;
    let m = ts
        .create_mentorship(
            &report.id,
            &MentorshipDraft {
                started_on: TODAY.to_owned(),
                ended_on: TODAY.to_owned(),
                ..mentorship_draft(&colleague.person_id)
            },
        )
        .await
        .unwrap();
    assert_eq!(m.mentee.relationship, Relationship::Report);
}

#[tokio::test]
async fn update_mentorship_changes_fields_and_a_stale_or_invalid_one_changes_nothing() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let ravi = add_person(&ts, "Ravi Menon", Relationship::MyOrg).await;
    let m = ts
        .create_mentorship(&report.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let m = ts
        .add_feedback(&m.id, &feedback_draft("Helpful."))
        .await
        .unwrap();
    let later = clock.advance(Duration::hours(5));
    let updated = ts
        .update_mentorship(
            &m.id,
            1,
            &MentorshipDraft {
                mentee_id: Some(ravi.id.clone()),
                goals: "Lead a project end to end.".to_owned(),
                started_on: "2025-12-01".to_owned(),
                ended_on: "2026-11-01".to_owned(),
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.mentee.id, ravi.id);
    assert_eq!(updated.goals, "Lead a project end to end.");
    assert_eq!(updated.started_on, date("2025-12-01"));
    assert_eq!(updated.ended_on, Some(date("2026-11-01")));
    assert_eq!(updated.feedback, m.feedback, "feedback is kept as it was");
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, now(), later)
    );

    let before = snapshot(&ts).await;
    for stale in [1, 3] {
        refused(
            &ts,
            &before,
            ts.update_mentorship(&m.id, stale, &mentorship_draft(&jamie.id))
                .await,
            &stale_message("mentorship", "Ravi Menon"),
        )
        .await;
    }
    invalid(
        &ts,
        &before,
        ts.update_mentorship(&m.id, 2, &mentorship_draft(&report.person_id))
            .await,
        &[("menteeId", "A report cannot mentor themself.")],
    )
    .await;
}

#[tokio::test]
async fn feedback_is_added_and_listed_newest_first() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let m = ts
        .create_mentorship(&report.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let m = ts
        .add_feedback(
            &m.id,
            &FeedbackDraft {
                received_on: "2026-03-01".to_owned(),
                source: Some(FeedbackSource::Survey),
                sentiment: Some(Sentiment::Mixed),
                words: "Knowledgeable but hard to get time with.\r\n".to_owned(),
                quotable: false,
                addressed_on: String::new(),
                addressed_action: String::new(),
            },
        )
        .await
        .unwrap();
    let m = ts
        .add_feedback(
            &m.id,
            &FeedbackDraft {
                received_on: "2026-09-01".to_owned(),
                source: Some(FeedbackSource::MenteeManager),
                sentiment: Some(Sentiment::Negative),
                words: "Sessions keep getting cancelled.".to_owned(),
                quotable: true,
                addressed_on: "2026-09-15".to_owned(),
                addressed_action: "Agreed a fixed weekly slot.".to_owned(),
            },
        )
        .await
        .unwrap();
    assert_eq!(m.version, 1, "adding feedback does not edit the mentorship");
    assert_eq!(m.feedback.len(), 2);
    let newest = &m.feedback[0];
    assert_eq!(newest.mentorship_id, m.id);
    assert_eq!(newest.received_on, date("2026-09-01"));
    assert_eq!(newest.source, FeedbackSource::MenteeManager);
    assert_eq!(newest.sentiment, Sentiment::Negative);
    assert_eq!(newest.words, "Sessions keep getting cancelled.");
    assert!(newest.quotable);
    assert_eq!(newest.addressed_on, Some(date("2026-09-15")));
    assert_eq!(newest.addressed_action, "Agreed a fixed weekly slot.");
    assert_eq!(
        (newest.version, newest.created_at, newest.updated_at),
        (1, now(), now())
    );
    let oldest = &m.feedback[1];
    assert_eq!(oldest.received_on, date("2026-03-01"));
    assert_eq!(oldest.source, FeedbackSource::Survey);
    assert_eq!(oldest.sentiment, Sentiment::Mixed);
    assert_eq!(oldest.words, "Knowledgeable but hard to get time with.");
    assert!(!oldest.quotable);
    assert_eq!(oldest.addressed_on, None);
    assert_eq!(oldest.addressed_action, "");
    assert_eq!(ts.mentorships(&report.id).await.unwrap(), vec![m]);
}

#[tokio::test]
async fn every_rule_of_a_feedback_draft_is_checked_and_nothing_is_written() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let m = ts
        .create_mentorship(&report.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let ok = feedback_draft("Helpful.");
    let addressed = |on: &str, action: &str| FeedbackDraft {
        addressed_on: on.to_owned(),
        addressed_action: action.to_owned(),
        ..ok.clone()
    };
    let cases: Vec<(FeedbackDraft, Vec<(&str, &str)>)> = vec![
        (
            FeedbackDraft {
                received_on: String::new(),
                ..ok.clone()
            },
            vec![("receivedOn", "Received on is required.")],
        ),
        (
            FeedbackDraft {
                received_on: TOMORROW.to_owned(),
                ..ok.clone()
            },
            vec![(
                "receivedOn",
                "Received on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            FeedbackDraft {
                source: None,
                ..ok.clone()
            },
            vec![("source", "Choose a value for the source.")],
        ),
        (
            FeedbackDraft {
                sentiment: None,
                ..ok.clone()
            },
            vec![("sentiment", "Choose a value for the sentiment.")],
        ),
        (
            feedback_draft(""),
            vec![("words", "Their words are required: what did they say?")],
        ),
        (
            feedback_draft("  \n\t "),
            vec![("words", "Their words are required: what did they say?")],
        ),
        (
            feedback_draft(&"w".repeat(MAX_TEXT + 1)),
            vec![(
                "words",
                "Their words is too long: at most 20000 characters.",
            )],
        ),
        (
            // Received on 2026-05-20.
            addressed("2026-05-19", "Talked it through."),
            vec![(
                "addressedOn",
                "Addressed on cannot be before the feedback was received.",
            )],
        ),
        (
            addressed(TOMORROW, "Talked it through."),
            vec![(
                "addressedOn",
                "Addressed on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            addressed("2026-06-01", ""),
            vec![(
                "addressedAction",
                "Say what was done about it when marking feedback addressed.",
            )],
        ),
        (
            addressed("2026-06-01", " \n "),
            vec![(
                "addressedAction",
                "Say what was done about it when marking feedback addressed.",
            )],
        ),
        (
            addressed("2026-06-01", "\u{1}"),
            vec![(
                "addressedAction",
                "What was done contains control characters that cannot be stored.",
            )],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.add_feedback(&m.id, &draft).await,
            &expected,
        )
        .await;
    }
    // Addressed the day it arrived is fine; so is noting an action before it is done.
    let m = ts
        .add_feedback(&m.id, &addressed("2026-05-20", "Same-day chat."))
        .await
        .unwrap();
    assert_eq!(m.feedback[0].addressed_on, Some(date("2026-05-20")));
    let m = ts
        .add_feedback(&m.id, &addressed("", "Plan: a fixed weekly slot."))
        .await
        .unwrap();
    assert!(m
        .feedback
        .iter()
        .any(|f| f.addressed_on.is_none() && f.addressed_action == "Plan: a fixed weekly slot."));
}

#[tokio::test]
async fn feedback_is_marked_addressed_through_update() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let m = ts
        .create_mentorship(&report.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let negative = FeedbackDraft {
        sentiment: Some(Sentiment::Negative),
        quotable: false,
        ..feedback_draft("Our sessions keep getting cancelled.")
    };
    let m = ts.add_feedback(&m.id, &negative).await.unwrap();
    let f = m.feedback[0].clone();
    let later = clock.advance(Duration::days(3));
    let m = ts
        .update_feedback(
            &f.id,
            1,
            &FeedbackDraft {
                addressed_on: "2026-06-01".to_owned(),
                addressed_action: "Moved our 1:1 to a fixed slot.".to_owned(),
                ..negative.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        m.version, 1,
        "editing feedback does not edit the mentorship"
    );
    let updated = &m.feedback[0];
    assert_eq!(updated.id, f.id);
    assert_eq!(updated.addressed_on, Some(date("2026-06-01")));
    assert_eq!(updated.addressed_action, "Moved our 1:1 to a fixed slot.");
    assert_eq!(updated.sentiment, Sentiment::Negative);
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, now(), later)
    );

    let before = snapshot(&ts).await;
    for stale in [1, 3] {
        refused(
            &ts,
            &before,
            ts.update_feedback(&f.id, stale, &negative).await,
            &stale_message("feedback entry", "Jamie Chen"),
        )
        .await;
    }
    invalid(
        &ts,
        &before,
        ts.update_feedback(
            &f.id,
            2,
            &FeedbackDraft {
                addressed_on: "2026-06-01".to_owned(),
                ..negative
            },
        )
        .await,
        &[(
            "addressedAction",
            "Say what was done about it when marking feedback addressed.",
        )],
    )
    .await;
}

#[tokio::test]
async fn unknown_mentorships_feedback_and_reports_are_not_found() {
    let ts = open_store().await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let unknown = MentorshipId::from("no-such-mentorship");
    let message = "No mentorship with id no-such-mentorship; it may have been removed.";
    assert_eq!(
        not_found(
            ts.update_mentorship(&unknown, 1, &mentorship_draft(&jamie.id))
                .await
        ),
        message
    );
    assert_eq!(
        not_found(ts.add_feedback(&unknown, &feedback_draft("Hi")).await),
        message
    );
    assert_eq!(
        not_found(
            ts.update_feedback(
                &FeedbackId::from("no-such-feedback"),
                1,
                &feedback_draft("Hi")
            )
            .await
        ),
        "No feedback entry with id no-such-feedback; it may have been removed."
    );
    assert_eq!(
        not_found(
            ts.create_mentorship(
                &ReportId::from("no-such-report"),
                &mentorship_draft(&jamie.id)
            )
            .await
        ),
        "No report with id no-such-report; it may have been removed."
    );
    assert_eq!(count_rows(&ts, "mentorships").await, 0);
    assert_eq!(count_rows(&ts, "mentorship_feedback").await, 0);
}
