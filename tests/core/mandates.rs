//! Mandates: at most one active per report, replacing it closes the old one into history,
//! closing and correcting, every rule of `MandateDraft` and `MandateClosing` through the store.

use chrono::Duration;
use trellis_core::ids::{MandateId, ReportId};
use trellis_core::model::{Assessment, MandateDraft, MandateStatus, RecordKind, Relationship};
use trellis_core::validate::{MAX_LINE, MAX_TEXT};

use crate::support::*;

use MandateStatus::{Active, Completed, Dropped};

fn statuses(mandates: &[trellis_core::model::Mandate]) -> Vec<(&str, MandateStatus)> {
    mandates
        .iter()
        .map(|m| (m.statement.as_str(), m.status))
        .collect()
}

#[tokio::test]
async fn setting_the_first_mandate_round_trips_every_field() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let vp = ts
        .create_person(&trellis_core::model::PersonDraft {
            title: "VP Engineering".to_owned(),
            ..person_draft("Samira Whitfield", Relationship::Leadership)
        })
        .await
        .unwrap();
    let mandates = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                statement: "Make ledger consistency a platform property.\nAcross three teams.  "
                    .to_owned(),
                priority: "  Payments reliability (FY goal #2) ".to_owned(),
                room: Some(Assessment::Partly),
                attention: Some(Assessment::Unknown),
                sponsor_id: Some(vp.id.clone()),
                set_on: "2026-01-15".to_owned(),
                review_by: "2027-01-15".to_owned(),
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(mandates.len(), 1);
    let m = &mandates[0];
    assert_eq!(
        m.statement,
        "Make ledger consistency a platform property.\nAcross three teams."
    );
    assert_eq!(m.priority, "Payments reliability (FY goal #2)");
    assert_eq!(m.room, Assessment::Partly);
    assert_eq!(m.attention, Assessment::Unknown);
    let sponsor = m.sponsor.as_ref().unwrap();
    assert_eq!(sponsor.id, vp.id);
    assert_eq!(sponsor.name, "Samira Whitfield");
    assert_eq!(sponsor.title, "VP Engineering");
    assert_eq!(sponsor.relationship, Relationship::Leadership);
    assert_eq!(m.set_on, date("2026-01-15"));
    assert_eq!(m.review_by, Some(date("2027-01-15")));
    assert_eq!(m.status, Active);
    assert_eq!(m.status_reason, "");
    assert_eq!(m.ended_on, None);
    assert_eq!(m.report_id, report.id);
    assert_eq!(m.version, 1);
    assert_eq!(m.created_at, now());
    assert_eq!(m.updated_at, now());
    assert_eq!(ts.mandates(&report.id).await.unwrap(), mandates);

    // No sponsor, no priority and no review date are all allowed.
    let other = add_report(&ts, "Grace Hopper").await;
    let m = ts
        .set_mandate(
            &other.id,
            &MandateDraft {
                priority: String::new(),
                review_by: " ".to_owned(),
                ..mandate_draft("Keep incidents down.")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0);
    assert_eq!(
        (m.priority.as_str(), m.sponsor, m.review_by),
        ("", None, None)
    );
    // Each report sees only its own mandates.
    assert_eq!(ts.mandates(&report.id).await.unwrap().len(), 1);
    assert!(ts
        .mandates(&ReportId::from("nobody"))
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn statement_priority_and_assessments_are_checked() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot(&ts).await;
    let cases: Vec<(MandateDraft, Vec<(&str, &str)>)> = vec![
        (
            mandate_draft(""),
            vec![(
                "statement",
                "Mandate is required: the problem they own now.",
            )],
        ),
        (
            mandate_draft(" \n\t \n"),
            vec![(
                "statement",
                "Mandate is required: the problem they own now.",
            )],
        ),
        (
            mandate_draft("Own\u{0}it"),
            vec![(
                "statement",
                "Mandate contains control characters that cannot be stored.",
            )],
        ),
        (
            mandate_draft(&"m".repeat(MAX_TEXT + 1)),
            vec![(
                "statement",
                "Mandate is too long: at most 20000 characters.",
            )],
        ),
        (
            MandateDraft {
                priority: "two\nlines".to_owned(),
                ..mandate_draft("Own it")
            },
            vec![(
                "priority",
                "Company priority must be a single line without control characters.",
            )],
        ),
        (
            MandateDraft {
                priority: "p".repeat(MAX_LINE + 1),
                ..mandate_draft("Own it")
            },
            vec![(
                "priority",
                "Company priority is too long: at most 200 characters.",
            )],
        ),
        (
            MandateDraft {
                room: None,
                attention: None,
                ..mandate_draft("Own it")
            },
            vec![
                ("room", "Choose a value for room."),
                ("attention", "Choose a value for attention."),
            ],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.set_mandate(&report.id, &draft, None).await,
            &expected,
        )
        .await;
    }
}

#[tokio::test]
async fn the_sponsor_must_be_a_live_person_of_the_directory() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let gone = add_person(&ts, "Gone Person", Relationship::Leadership).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    for sponsor in [gone.id.clone(), "no-such-person".into()] {
        invalid(
            &ts,
            &before,
            ts.set_mandate(
                &report.id,
                &MandateDraft {
                    sponsor_id: Some(sponsor),
                    ..mandate_draft("Own it")
                },
                None,
            )
            .await,
            &[("sponsorId", "Sponsor is not in the people directory.")],
        )
        .await;
    }
    // Another report can sponsor (e.g. a principal engineer on the roster).
    let principal = add_report(&ts, "Hiro Watanabe").await;
    let m = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                sponsor_id: Some(principal.person_id.clone()),
                ..mandate_draft("Own it")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0);
    assert_eq!(m.sponsor.unwrap().relationship, Relationship::Report);
}

#[tokio::test]
async fn set_on_is_a_required_past_date_and_review_by_cannot_precede_it() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot(&ts).await;
    let with_dates = |set_on: &str, review_by: &str| MandateDraft {
        set_on: set_on.to_owned(),
        review_by: review_by.to_owned(),
        ..mandate_draft("Own it")
    };
    let cases = [
        (with_dates("", ""), ("setOn", "Set on is required.")),
        (
            with_dates("15/01/2026", ""),
            (
                "setOn",
                "Set on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            ),
        ),
        (
            with_dates(TOMORROW, ""),
            (
                "setOn",
                "Set on cannot be in the future (after 2026-11-24).",
            ),
        ),
        (
            with_dates("1949-12-31", ""),
            ("setOn", "Set on cannot be before 1950."),
        ),
        (
            with_dates("2026-01-15", "2026-02-30"),
            (
                "reviewBy",
                "Review by must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            ),
        ),
        (
            with_dates("2026-01-15", "2026-01-14"),
            (
                "reviewBy",
                "Review by cannot be before the date it was set.",
            ),
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.set_mandate(&report.id, &draft, None).await,
            &[expected],
        )
        .await;
    }
    // Set today, to be reviewed the same day: the boundaries are accepted. A review date in
    // the future is the normal case.
    let m = ts
        .set_mandate(&report.id, &with_dates(TODAY, TODAY), None)
        .await
        .unwrap()
        .remove(0);
    assert_eq!((m.set_on, m.review_by), (today(), Some(today())));
    let updated = ts
        .update_mandate(&m.id, 1, &with_dates("2026-01-15", "2030-01-01"))
        .await
        .unwrap();
    assert_eq!(updated.review_by, Some(date("2030-01-01")));
}

#[tokio::test]
async fn a_second_mandate_without_saying_how_the_first_ended_is_a_conflict() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    ts.set_mandate(&report.id, &mandate_draft("First"), None)
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    refused(
        &ts,
        &before,
        ts.set_mandate(&report.id, &mandate_draft("Second"), None)
            .await,
        "Ada Lovelace already has an active mandate; say how it ended (completed or dropped) \
         to replace it.",
    )
    .await;
    assert_eq!(
        statuses(&ts.mandates(&report.id).await.unwrap()),
        [("First", Active)]
    );
}

#[tokio::test]
async fn replacing_the_mandate_closes_the_old_one_into_history() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let first = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                set_on: "2025-01-10".to_owned(),
                review_by: String::new(),
                ..mandate_draft("Own the ledger design")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0);
    let t1 = clock.advance(Duration::minutes(5));
    let after_second = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                set_on: "2025-09-01".to_owned(),
                ..mandate_draft("Make ledger consistency a platform property")
            },
            Some(&closing(
                Completed,
                "Design shipped and adopted by three teams.\n",
                "2025-08-31",
            )),
        )
        .await
        .unwrap();
    assert_eq!(
        statuses(&after_second),
        [
            ("Make ledger consistency a platform property", Active),
            ("Own the ledger design", Completed),
        ]
    );
    let closed = &after_second[1];
    assert_eq!(closed.id, first.id);
    assert_eq!(
        closed.status_reason,
        "Design shipped and adopted by three teams."
    );
    assert_eq!(closed.ended_on, Some(date("2025-08-31")));
    assert_eq!(closed.version, 2);
    assert_eq!(closed.created_at, now());
    assert_eq!(closed.updated_at, t1);
    // Its other fields are untouched.
    assert_eq!(
        (closed.set_on, closed.review_by, &closed.priority),
        (first.set_on, first.review_by, &first.priority)
    );
    let second = &after_second[0];
    assert_eq!(
        (second.version, second.created_at, second.ended_on),
        (1, t1, None)
    );

    // A third, dropping the second: active first, then history newest first.
    let after_third = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                set_on: "2026-06-01".to_owned(),
                ..mandate_draft("Keep payments incidents down")
            },
            Some(&closing(
                Dropped,
                "The re-org moved it to another team.",
                "2026-05-31",
            )),
        )
        .await
        .unwrap();
    assert_eq!(
        statuses(&after_third),
        [
            ("Keep payments incidents down", Active),
            ("Make ledger consistency a platform property", Dropped),
            ("Own the ledger design", Completed),
        ]
    );
    assert_eq!(
        after_third[1].status_reason,
        "The re-org moved it to another team."
    );
    assert_eq!(after_third[1].ended_on, Some(date("2026-05-31")));
    assert_eq!(ts.mandates(&report.id).await.unwrap(), after_third);
    assert_eq!(count_rows(&ts, "mandates WHERE status = 'active'").await, 1);
}

#[tokio::test]
async fn a_closing_without_an_active_mandate_is_ignored() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let mandates = ts
        .set_mandate(
            &report.id,
            &mandate_draft("First"),
            Some(&closing(Completed, "n/a", "2026-01-01")),
        )
        .await
        .unwrap();
    assert_eq!(statuses(&mandates), [("First", Active)]);
    assert_eq!(mandates[0].status_reason, "");
}

#[tokio::test]
async fn the_active_mandate_comes_first_even_when_history_is_newer() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let recent = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                set_on: "2026-05-01".to_owned(),
                review_by: String::new(),
                ..mandate_draft("Recent, already over")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0);
    ts.close_mandate(&recent.id, 1, &closing(Dropped, "Cancelled.", "2026-06-01"))
        .await
        .unwrap();
    // Recorded late: a mandate that has been active since February.
    let mandates = ts
        .set_mandate(
            &report.id,
            &MandateDraft {
                set_on: "2026-02-01".to_owned(),
                ..mandate_draft("Older, still active")
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        statuses(&mandates),
        [
            ("Older, still active", Active),
            ("Recent, already over", Dropped)
        ]
    );
}

#[tokio::test]
async fn the_closing_is_checked_and_a_bad_one_changes_nothing() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    ts.set_mandate(&report.id, &mandate_draft("First"), None)
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let cases = [
        (
            closing(Active, "Still going", "2026-06-01"),
            vec![(
                "status",
                "Say whether the mandate was completed or dropped.",
            )],
        ),
        (
            closing(Completed, " \n ", "2026-06-01"),
            vec![(
                "reason",
                "Reason is required: what happened to this mandate.",
            )],
        ),
        (
            closing(Completed, "Done", ""),
            vec![("endedOn", "Ended on is required.")],
        ),
        (
            closing(Completed, "Done", "2026-1-1"),
            vec![(
                "endedOn",
                "Ended on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        ),
        (
            closing(Completed, "Done", TOMORROW),
            vec![(
                "endedOn",
                "Ended on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            // The first mandate was set on 2026-01-15.
            closing(Dropped, "Done", "2026-01-14"),
            vec![("endedOn", "Ended on cannot be before the mandate was set.")],
        ),
        (
            closing(Active, "", ""),
            vec![
                (
                    "status",
                    "Say whether the mandate was completed or dropped.",
                ),
                (
                    "reason",
                    "Reason is required: what happened to this mandate.",
                ),
                ("endedOn", "Ended on is required."),
            ],
        ),
    ];
    for (closing, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.set_mandate(&report.id, &mandate_draft("Second"), Some(&closing))
                .await,
            &expected,
        )
        .await;
    }
    // An invalid new mandate is refused even with a good closing, and closes nothing.
    invalid(
        &ts,
        &before,
        ts.set_mandate(
            &report.id,
            &mandate_draft(""),
            Some(&closing(Completed, "Done", "2026-06-01")),
        )
        .await,
        &[(
            "statement",
            "Mandate is required: the problem they own now.",
        )],
    )
    .await;
    // Ending on the day it was set is fine.
    let mandates = ts
        .set_mandate(
            &report.id,
            &mandate_draft("Second"),
            Some(&closing(Completed, "Done", "2026-01-15")),
        )
        .await
        .unwrap();
    assert_eq!(mandates[1].ended_on, Some(date("2026-01-15")));
}

#[tokio::test]
async fn close_mandate_ends_the_active_one_without_a_replacement() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let m = ts
        .set_mandate(&report.id, &mandate_draft("First"), None)
        .await
        .unwrap()
        .remove(0);
    let before = snapshot(&ts).await;
    invalid(
        &ts,
        &before,
        ts.close_mandate(&m.id, 1, &closing(Completed, "", "2026-01-01"))
            .await,
        &[
            (
                "reason",
                "Reason is required: what happened to this mandate.",
            ),
            ("endedOn", "Ended on cannot be before the mandate was set."),
        ],
    )
    .await;
    refused(
        &ts,
        &before,
        ts.close_mandate(&m.id, 2, &closing(Completed, "Done", "2026-06-01"))
            .await,
        &stale_message("mandate", "First"),
    )
    .await;

    let later = clock.advance(Duration::days(1));
    let closed = ts
        .close_mandate(&m.id, 1, &closing(Completed, "Shipped.", "2026-06-01"))
        .await
        .unwrap();
    assert_eq!(closed.status, Completed);
    assert_eq!(closed.status_reason, "Shipped.");
    assert_eq!(closed.ended_on, Some(date("2026-06-01")));
    assert_eq!((closed.version, closed.updated_at), (2, later));
    assert_eq!(ts.mandates(&report.id).await.unwrap(), vec![closed.clone()]);

    // Closing it again is a conflict; a new mandate needs no closing now.
    let before = snapshot(&ts).await;
    refused(
        &ts,
        &before,
        ts.close_mandate(&m.id, 2, &closing(Dropped, "Again", "2026-06-02"))
            .await,
        "This mandate has already ended.",
    )
    .await;
    let mandates = ts
        .set_mandate(&report.id, &mandate_draft("Second"), None)
        .await
        .unwrap();
    assert_eq!(
        statuses(&mandates),
        [("Second", Active), ("First", Completed)]
    );
}

#[tokio::test]
async fn update_corrects_fields_without_changing_status() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let sponsor = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let m = ts
        .set_mandate(&report.id, &mandate_draft("First"), None)
        .await
        .unwrap()
        .remove(0);
    let later = clock.advance(Duration::hours(1));
    let updated = ts
        .update_mandate(
            &m.id,
            1,
            &MandateDraft {
                statement: "First, restated".to_owned(),
                priority: "Cost".to_owned(),
                room: Some(Assessment::No),
                attention: Some(Assessment::Yes),
                sponsor_id: Some(sponsor.id.clone()),
                set_on: "2026-01-10".to_owned(),
                review_by: String::new(),
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.statement, "First, restated");
    assert_eq!(updated.priority, "Cost");
    assert_eq!(
        (updated.room, updated.attention),
        (Assessment::No, Assessment::Yes)
    );
    assert_eq!(updated.sponsor.as_ref().unwrap().id, sponsor.id);
    assert_eq!(updated.set_on, date("2026-01-10"));
    assert_eq!(updated.review_by, None);
    assert_eq!(updated.status, Active);
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, now(), later)
    );
    assert_eq!(ts.mandates(&report.id).await.unwrap(), vec![updated]);
}

#[tokio::test]
async fn an_ended_mandate_cannot_be_moved_to_start_after_it_ended() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let m = ts
        .set_mandate(&report.id, &mandate_draft("First"), None)
        .await
        .unwrap()
        .remove(0);
    let closed = ts
        .close_mandate(&m.id, 1, &closing(Completed, "Done", "2026-03-31"))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    invalid(
        &ts,
        &before,
        ts.update_mandate(
            &m.id,
            closed.version,
            &MandateDraft {
                set_on: "2026-04-01".to_owned(),
                review_by: String::new(),
                ..mandate_draft("First")
            },
        )
        .await,
        &[(
            "setOn",
            "Set on cannot be after the mandate ended (2026-03-31).",
        )],
    )
    .await;
    // On the day it ended is fine, and the history keeps its status, reason and end.
    let updated = ts
        .update_mandate(
            &m.id,
            closed.version,
            &MandateDraft {
                set_on: "2026-03-31".to_owned(),
                review_by: String::new(),
                ..mandate_draft("First, corrected")
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.set_on, date("2026-03-31"));
    assert_eq!(
        (
            updated.status,
            updated.status_reason.as_str(),
            updated.ended_on
        ),
        (Completed, "Done", Some(date("2026-03-31")))
    );
}

#[tokio::test]
async fn a_stale_or_invalid_update_changes_nothing() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let m = ts
        .set_mandate(&report.id, &mandate_draft("First"), None)
        .await
        .unwrap()
        .remove(0);
    ts.update_mandate(&m.id, 1, &mandate_draft("First, v2"))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    for stale in [1, 3] {
        refused(
            &ts,
            &before,
            ts.update_mandate(&m.id, stale, &mandate_draft("Third"))
                .await,
            &stale_message("mandate", "First, v2"),
        )
        .await;
    }
    invalid(
        &ts,
        &before,
        ts.update_mandate(
            &m.id,
            2,
            &MandateDraft {
                set_on: TOMORROW.to_owned(),
                ..mandate_draft("Third")
            },
        )
        .await,
        &[(
            "setOn",
            "Set on cannot be in the future (after 2026-11-24).",
        )],
    )
    .await;
}

#[tokio::test]
async fn unknown_mandates_and_reports_are_not_found() {
    let ts = open_store().await;
    let unknown = MandateId::from("no-such-mandate");
    let message = "No mandate with id no-such-mandate; it may have been removed.";
    assert_eq!(
        not_found(ts.update_mandate(&unknown, 1, &mandate_draft("X")).await),
        message
    );
    assert_eq!(
        not_found(
            ts.close_mandate(&unknown, 1, &closing(Completed, "Done", TODAY))
                .await
        ),
        message
    );
    assert_eq!(
        not_found(
            ts.set_mandate(&ReportId::from("no-such-report"), &mandate_draft("X"), None)
                .await
        ),
        "No report with id no-such-report; it may have been removed."
    );
    assert_eq!(count_rows(&ts, "mandates").await, 0);
}
