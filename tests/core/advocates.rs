//! Advocates: create and read back, ordering, every rule of `AdvocateDraft` through the store
//! (never the report themself, never a second live entry for the same person), updates.

use chrono::Duration;
use trellis_core::ids::{AdvocateId, ReportId};
use trellis_core::model::{AdvocateDraft, RecordKind, Relationship, SupportStrength};
use trellis_core::validate::MAX_TEXT;

use crate::support::*;

#[tokio::test]
async fn create_then_read_back_round_trips_every_field() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let a = ts
        .create_advocate(
            &report.id,
            &AdvocateDraft {
                person_id: Some(vp.id.clone()),
                what_seen: "The ledger demo.\r\nAnd the numbers.\n".to_owned(),
                strength: Some(SupportStrength::Moderate),
                last_checked: "2026-10-01".to_owned(),
                notes: "Ask again before calibration.".to_owned(),
                supporting_since: String::new(),
            },
        )
        .await
        .unwrap();
    assert_eq!(a.report_id, report.id);
    assert_eq!(a.person.id, vp.id);
    assert_eq!(a.person.name, "Samira Whitfield");
    assert_eq!(a.person.relationship, Relationship::Leadership);
    assert_eq!(a.what_seen, "The ledger demo.\nAnd the numbers.");
    assert_eq!(a.strength, SupportStrength::Moderate);
    assert_eq!(a.last_checked, Some(date("2026-10-01")));
    assert_eq!(a.notes, "Ask again before calibration.");
    assert_eq!((a.version, a.created_at, a.updated_at), (1, now(), now()));
    assert_eq!(ts.advocates(&report.id).await.unwrap(), vec![a]);

    // Never checked, nothing noted: fine.
    let cto = add_person(&ts, "Jonah Kessler", Relationship::Leadership).await;
    let a = ts
        .create_advocate(
            &report.id,
            &AdvocateDraft {
                person_id: Some(cto.id.clone()),
                what_seen: String::new(),
                strength: Some(SupportStrength::Unknown),
                last_checked: String::new(),
                notes: String::new(),
                supporting_since: String::new(),
            },
        )
        .await
        .unwrap();
    assert_eq!((a.last_checked, a.what_seen.as_str()), (None, ""));
}

#[tokio::test]
async fn advocates_are_listed_strongest_first_then_by_name() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let other = add_report(&ts, "Grace Hopper").await;
    for (name, strength) in [
        ("Una Unknown", SupportStrength::Unknown),
        ("Walt Weak", SupportStrength::Weak),
        ("Zed Strong", SupportStrength::Strong),
        ("Mo Moderate", SupportStrength::Moderate),
        ("Abe Strong", SupportStrength::Strong),
    ] {
        let p = add_person(&ts, name, Relationship::Leadership).await;
        ts.create_advocate(
            &report.id,
            &AdvocateDraft {
                strength: Some(strength),
                ..advocate_draft(&p.id)
            },
        )
        .await
        .unwrap();
    }
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    ts.create_advocate(&other.id, &advocate_draft(&vp.id))
        .await
        .unwrap();
    let names: Vec<String> = ts
        .advocates(&report.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.person.name)
        .collect();
    assert_eq!(
        names,
        [
            "Abe Strong",
            "Zed Strong",
            "Mo Moderate",
            "Walt Weak",
            "Una Unknown"
        ]
    );
    assert!(ts
        .advocates(&ReportId::from("nobody"))
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn every_rule_of_an_advocate_draft_is_checked_and_nothing_is_written() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let gone = add_person(&ts, "Gone Person", Relationship::Leadership).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let ok = advocate_draft(&vp.id);
    let not_in = "That person is not in the people directory.";
    let cases: Vec<(AdvocateDraft, Vec<(&str, &str)>)> = vec![
        (
            AdvocateDraft {
                person_id: None,
                ..ok.clone()
            },
            vec![("personId", "Choose a value for the advocate.")],
        ),
        (
            advocate_draft(&report.person_id),
            vec![("personId", "A report cannot be their own advocate.")],
        ),
        (
            advocate_draft(&"no-such-person".into()),
            vec![("personId", not_in)],
        ),
        (advocate_draft(&gone.id), vec![("personId", not_in)]),
        (
            AdvocateDraft {
                what_seen: "\u{8}".to_owned(),
                ..ok.clone()
            },
            vec![(
                "whatSeen",
                "What they have seen contains control characters that cannot be stored.",
            )],
        ),
        (
            AdvocateDraft {
                what_seen: "w".repeat(MAX_TEXT + 1),
                ..ok.clone()
            },
            vec![(
                "whatSeen",
                "What they have seen is too long: at most 20000 characters.",
            )],
        ),
        (
            AdvocateDraft {
                strength: None,
                ..ok.clone()
            },
            vec![("strength", "Choose a value for strength of support.")],
        ),
        (
            AdvocateDraft {
                last_checked: TOMORROW.to_owned(),
                ..ok.clone()
            },
            vec![(
                "lastChecked",
                "Last checked cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            AdvocateDraft {
                last_checked: "Oct 1".to_owned(),
                ..ok.clone()
            },
            vec![(
                "lastChecked",
                "Last checked must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        ),
        (
            AdvocateDraft {
                notes: "n".repeat(MAX_TEXT + 1),
                ..ok.clone()
            },
            vec![("notes", "Notes is too long: at most 20000 characters.")],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.create_advocate(&report.id, &draft).await,
            &expected,
        )
        .await;
    }
}

#[tokio::test]
async fn a_person_is_an_advocate_of_a_report_at_most_once() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let other = add_report(&ts, "Grace Hopper").await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let cto = add_person(&ts, "Jonah Kessler", Relationship::Leadership).await;
    let first = ts
        .create_advocate(&report.id, &advocate_draft(&vp.id))
        .await
        .unwrap();
    let second = ts
        .create_advocate(&report.id, &advocate_draft(&cto.id))
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let twice = "Samira Whitfield is already recorded as an advocate; edit that entry instead.";
    invalid(
        &ts,
        &before,
        ts.create_advocate(
            &report.id,
            &AdvocateDraft {
                strength: Some(SupportStrength::Weak),
                ..advocate_draft(&vp.id)
            },
        )
        .await,
        &[("personId", twice)],
    )
    .await;
    // Switching another entry to the same person is refused too.
    invalid(
        &ts,
        &before,
        ts.update_advocate(&second.id, 1, &advocate_draft(&vp.id))
            .await,
        &[("personId", twice)],
    )
    .await;
    // Editing the entry itself keeps its person.
    let edited = ts
        .update_advocate(
            &first.id,
            1,
            &AdvocateDraft {
                strength: Some(SupportStrength::Weak),
                ..advocate_draft(&vp.id)
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.strength, SupportStrength::Weak);
    // The same person may advocate for another report.
    ts.create_advocate(&other.id, &advocate_draft(&vp.id))
        .await
        .unwrap();
    // Once the entry is deleted, the person can be recorded again.
    ts.delete_record(RecordKind::Advocate, first.id.as_str())
        .await
        .unwrap();
    let again = ts
        .create_advocate(&report.id, &advocate_draft(&vp.id))
        .await
        .unwrap();
    assert_ne!(again.id, first.id);
    let people: Vec<String> = ts
        .advocates(&report.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.person.name)
        .collect();
    assert_eq!(people, ["Jonah Kessler", "Samira Whitfield"]);
}

#[tokio::test]
async fn update_changes_fields_and_a_stale_or_invalid_one_changes_nothing() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    let cto = add_person(&ts, "Jonah Kessler", Relationship::Leadership).await;
    let a = ts
        .create_advocate(&report.id, &advocate_draft(&vp.id))
        .await
        .unwrap();
    let later = clock.advance(Duration::days(2));
    let updated = ts
        .update_advocate(
            &a.id,
            1,
            &AdvocateDraft {
                person_id: Some(cto.id.clone()),
                what_seen: "The vendor consolidation plan.".to_owned(),
                strength: Some(SupportStrength::Weak),
                last_checked: String::new(),
                notes: "New CTO.".to_owned(),
                supporting_since: String::new(),
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.id, a.id);
    assert_eq!(updated.person.id, cto.id);
    assert_eq!(updated.what_seen, "The vendor consolidation plan.");
    assert_eq!(updated.strength, SupportStrength::Weak);
    assert_eq!(updated.last_checked, None);
    assert_eq!(updated.notes, "New CTO.");
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, now(), later)
    );
    assert_eq!(ts.advocates(&report.id).await.unwrap(), vec![updated]);

    let before = snapshot(&ts).await;
    for stale in [1, 3] {
        refused(
            &ts,
            &before,
            ts.update_advocate(&a.id, stale, &advocate_draft(&vp.id))
                .await,
            &stale_message("advocate", "Jonah Kessler"),
        )
        .await;
    }
    invalid(
        &ts,
        &before,
        ts.update_advocate(&a.id, 2, &advocate_draft(&report.person_id))
            .await,
        &[("personId", "A report cannot be their own advocate.")],
    )
    .await;
}

#[tokio::test]
async fn unknown_advocates_and_reports_are_not_found() {
    let ts = open_store().await;
    let vp = add_person(&ts, "Samira Whitfield", Relationship::Leadership).await;
    assert_eq!(
        not_found(
            ts.update_advocate(
                &AdvocateId::from("no-such-advocate"),
                1,
                &advocate_draft(&vp.id)
            )
            .await
        ),
        "No advocate with id no-such-advocate; it may have been removed."
    );
    assert_eq!(
        not_found(
            ts.create_advocate(&ReportId::from("no-such-report"), &advocate_draft(&vp.id))
                .await
        ),
        "No report with id no-such-report; it may have been removed."
    );
    assert_eq!(count_rows(&ts, "advocates").await, 0);
}
