//! Evidence: create and read back with co-owners and links, ordering, every rule of
//! `EvidenceDraft` through the store (dates and their order, links, co-owners), updates.

use chrono::Duration;
use trellis_core::ids::{EvidenceId, ReportId};
use trellis_core::model::{
    Archetype, EvidenceDraft, EvidenceKind, EvidenceRole, Link, RecordKind, Relationship, WorkMix,
};
use trellis_core::validate::{MAX_LINE, MAX_TEXT, MAX_URL};

use crate::support::*;

fn link(url: &str, label: &str) -> Link {
    Link {
        url: url.to_owned(),
        label: label.to_owned(),
    }
}

#[tokio::test]
async fn create_then_read_back_round_trips_every_field() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let zoe = add_person(&ts, "Zoe Quinn", Relationship::MyOrg).await;
    let bob = add_person(&ts, "Bob Stone", Relationship::Peer).await;
    let created = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                title: "  Ledger consistency migration ".to_owned(),
                description: "Moved all writes.\r\nRan the rollout.\n\n".to_owned(),
                started_on: "2026-03-02".to_owned(),
                ended_on: "2026-06-30".to_owned(),
                kind: Some(EvidenceKind::OrgImprovement),
                role: Some(EvidenceRole::CoLed),
                co_owner_ids: vec![zoe.id.clone(), bob.id.clone()],
                impact: "Breaks from 40 to 2 a month".to_owned(),
                links: vec![
                    link(" https://docs.example.com/design ", " Design doc "),
                    link("http://wiki.example.com/runbook", ""),
                    link("mailto:ledger-team@example.com", "Team"),
                ],
                in_production_since: "2026-07-01".to_owned(),
                archetype: Some(Archetype::Architect),
                work_mix: Some(WorkMix::Preening),
                flagship: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(created.report_id, report.id);
    assert_eq!(created.title, "Ledger consistency migration");
    assert_eq!(created.description, "Moved all writes.\nRan the rollout.");
    assert_eq!(created.started_on, date("2026-03-02"));
    assert_eq!(created.ended_on, Some(date("2026-06-30")));
    assert_eq!(created.kind, EvidenceKind::OrgImprovement);
    assert_eq!(created.role, EvidenceRole::CoLed);
    // Co-owners by name; links in the order given, trimmed.
    let co: Vec<&str> = created.co_owners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(co, ["Bob Stone", "Zoe Quinn"]);
    assert_eq!(created.co_owners[1].id, zoe.id);
    assert_eq!(created.co_owners[1].relationship, Relationship::MyOrg);
    assert_eq!(created.impact, "Breaks from 40 to 2 a month");
    assert_eq!(
        created.links,
        vec![
            link("https://docs.example.com/design", "Design doc"),
            link("http://wiki.example.com/runbook", ""),
            link("mailto:ledger-team@example.com", "Team"),
        ]
    );
    assert_eq!(created.in_production_since, Some(date("2026-07-01")));
    assert_eq!(created.archetype, Some(Archetype::Architect));
    assert_eq!(created.work_mix, WorkMix::Preening);
    assert!(created.visibility.is_empty());
    assert_eq!(created.version, 1);
    assert_eq!((created.created_at, created.updated_at), (now(), now()));
    assert_eq!(ts.evidence_item(&created.id).await.unwrap(), created);
    assert_eq!(ts.evidence(&report.id).await.unwrap(), vec![created]);
}

#[tokio::test]
async fn optional_fields_may_be_left_empty() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                title: "Unblocked Growth".to_owned(),
                started_on: "2026-09-01".to_owned(),
                kind: Some(EvidenceKind::UnblockingOthers),
                role: Some(EvidenceRole::Advised),
                ..EvidenceDraft::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(e.description, "");
    assert_eq!(e.impact, "");
    assert_eq!(e.ended_on, None);
    assert_eq!(e.in_production_since, None);
    assert_eq!(e.archetype, None);
    assert!(e.links.is_empty() && e.co_owners.is_empty());
    // No work-mix tag means untagged.
    assert_eq!(e.work_mix, WorkMix::Untagged);
}

#[tokio::test]
async fn a_reports_evidence_is_listed_newest_first() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let other = add_report(&ts, "Grace Hopper").await;
    for (title, started) in [
        ("Middle", "2025-06-01"),
        ("Newest", "2026-02-01"),
        ("Oldest", "2024-01-01"),
    ] {
        ts.create_evidence(
            &report.id,
            &EvidenceDraft {
                started_on: started.to_owned(),
                ended_on: String::new(),
                in_production_since: String::new(),
                ..evidence_draft(title)
            },
        )
        .await
        .unwrap();
    }
    ts.create_evidence(&other.id, &evidence_draft("Someone else's"))
        .await
        .unwrap();
    let titles: Vec<String> = ts
        .evidence(&report.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(titles, ["Newest", "Middle", "Oldest"]);
    assert!(ts
        .evidence(&ReportId::from("nobody"))
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn title_kind_and_role_are_required_and_texts_are_bounded() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot(&ts).await;
    let cases: Vec<(EvidenceDraft, Vec<(&str, &str)>)> = vec![
        (evidence_draft(" "), vec![("title", "Title is required.")]),
        (
            evidence_draft("a\rb"),
            vec![(
                "title",
                "Title must be a single line without control characters.",
            )],
        ),
        (
            evidence_draft(&"t".repeat(MAX_LINE + 1)),
            vec![("title", "Title is too long: at most 200 characters.")],
        ),
        (
            EvidenceDraft {
                description: "esc\u{1b}".to_owned(),
                ..evidence_draft("Ledger")
            },
            vec![(
                "description",
                "Description contains control characters that cannot be stored.",
            )],
        ),
        (
            EvidenceDraft {
                impact: "i".repeat(MAX_TEXT + 1),
                ..evidence_draft("Ledger")
            },
            vec![("impact", "Impact is too long: at most 20000 characters.")],
        ),
        (
            EvidenceDraft {
                kind: None,
                role: None,
                ..evidence_draft("Ledger")
            },
            vec![
                ("kind", "Choose a value for kind."),
                ("role", "Choose a value for their role."),
            ],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.create_evidence(&report.id, &draft).await,
            &expected,
        )
        .await;
    }
}

#[tokio::test]
async fn dates_are_real_past_dates_in_order() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot(&ts).await;
    let dated = |started: &str, ended: &str, live: &str| EvidenceDraft {
        started_on: started.to_owned(),
        ended_on: ended.to_owned(),
        in_production_since: live.to_owned(),
        ..evidence_draft("Ledger")
    };
    let cases = [
        (
            dated("", "", ""),
            vec![("startedOn", "Started on is required.")],
        ),
        (
            dated("2026-02-29", "", ""),
            vec![(
                "startedOn",
                "Started on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        ),
        (
            dated(TOMORROW, "", ""),
            vec![(
                "startedOn",
                "Started on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            dated("1900-01-01", "", ""),
            vec![("startedOn", "Started on cannot be before 1950.")],
        ),
        (
            dated("2026-03-02", "2026-03-01", ""),
            vec![("endedOn", "Ended on cannot be before it started.")],
        ),
        (
            dated("2026-03-02", TOMORROW, ""),
            vec![(
                "endedOn",
                "Ended on cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            dated("2026-03-02", "", "2026-03-01"),
            vec![(
                "inProductionSince",
                "In production since cannot be before the work started.",
            )],
        ),
        (
            dated("2026-03-02", "", TOMORROW),
            vec![(
                "inProductionSince",
                "In production since cannot be in the future (after 2026-11-24).",
            )],
        ),
        (
            dated("2026-03-02", "yesterday", "soon"),
            vec![
                (
                    "endedOn",
                    "Ended on must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
                ),
                (
                    "inProductionSince",
                    "In production since must be a real date written YYYY-MM-DD, e.g. \
                     2024-03-01.",
                ),
            ],
        ),
    ];
    for (draft, expected) in cases {
        invalid(
            &ts,
            &before,
            ts.create_evidence(&report.id, &draft).await,
            &expected,
        )
        .await;
    }
    // Boundaries: ended and in production on the day it started, all of it today; in
    // production before it ended is normal (rolled out gradually).
    for (started, ended, live) in [
        ("2026-03-02", "2026-03-02", "2026-03-02"),
        (TODAY, TODAY, TODAY),
        ("2026-03-02", "2026-09-30", "2026-05-01"),
    ] {
        let e = ts
            .create_evidence(&report.id, &dated(started, ended, live))
            .await
            .unwrap();
        assert_eq!(
            (e.started_on, e.ended_on, e.in_production_since),
            (date(started), Some(date(ended)), Some(date(live)))
        );
    }
}

#[tokio::test]
async fn links_must_be_http_https_or_mailto_without_spaces() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot(&ts).await;
    let scheme = "Link must start with https://, http:// or mailto:.";
    for (url, message) in [
        ("javascript:alert(1)", scheme),
        ("file:///etc/passwd", scheme),
        ("ftp://files.example.com/a", scheme),
        ("docs.example.com/design", scheme),
        ("https://", scheme),
        ("mailto:", scheme),
        (
            "https://docs.example.com/a b",
            "Link must not contain spaces.",
        ),
        (
            "mailto:ada lovelace@example.com",
            "Link must not contain spaces.",
        ),
        ("", "Link is required."),
        ("   ", "Link is required."),
        (
            "https://docs.example.com/\tx",
            "Link must be a single line without control characters.",
        ),
    ] {
        // The bad link is the second one: its field names its position.
        let draft = EvidenceDraft {
            links: vec![link("https://ok.example.com", "Fine"), link(url, "Label")],
            ..evidence_draft("Ledger")
        };
        invalid(
            &ts,
            &before,
            ts.create_evidence(&report.id, &draft).await,
            &[("links.1.url", message)],
        )
        .await;
    }
    // Links may be far longer than one-line fields (real document URLs are), up to MAX_URL.
    let fine = format!("https://example.com/{}", "a".repeat(MAX_URL - 20));
    let draft = EvidenceDraft {
        links: vec![link(&fine, "Long but fine")],
        ..evidence_draft("Long link")
    };
    let created = ts.create_evidence(&report.id, &draft).await.unwrap();
    assert_eq!(created.links[0].url.chars().count(), MAX_URL);
    ts.delete_record(
        trellis_core::model::RecordKind::Evidence,
        created.id.as_str(),
    )
    .await
    .unwrap();
    let before = snapshot(&ts).await;
    let long = format!("https://example.com/{}", "a".repeat(MAX_URL));
    let draft = EvidenceDraft {
        links: vec![
            link(&long, "x\ny"),
            link("https://ok.example.com", &"l".repeat(MAX_LINE + 1)),
        ],
        ..evidence_draft("Ledger")
    };
    invalid(
        &ts,
        &before,
        ts.create_evidence(&report.id, &draft).await,
        &[
            ("links.0.url", "Link is too long: at most 2000 characters."),
            (
                "links.0.label",
                "Link label must be a single line without control characters.",
            ),
            (
                "links.1.label",
                "Link label is too long: at most 200 characters.",
            ),
        ],
    )
    .await;

    // Scheme checks ignore case.
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                links: vec![link("HTTPS://Docs.Example.com/X", "")],
                ..evidence_draft("Ledger")
            },
        )
        .await
        .unwrap();
    assert_eq!(e.links[0].url, "HTTPS://Docs.Example.com/X");
}

#[tokio::test]
async fn at_most_twenty_links() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let links = |n: usize| -> Vec<Link> {
        (0..n)
            .map(|i| link(&format!("https://example.com/{i}"), &format!("Link {i}")))
            .collect()
    };
    let before = snapshot(&ts).await;
    invalid(
        &ts,
        &before,
        ts.create_evidence(
            &report.id,
            &EvidenceDraft {
                links: links(21),
                ..evidence_draft("Ledger")
            },
        )
        .await,
        &[("links", "Links: at most 20, not 21.")],
    )
    .await;
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                links: links(20),
                ..evidence_draft("Ledger")
            },
        )
        .await
        .unwrap();
    assert_eq!(e.links, links(20));
    assert_eq!(count_rows(&ts, "evidence_links").await, 20);
}

#[tokio::test]
async fn co_owners_must_be_other_live_people_and_are_deduplicated() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let colleague = add_report(&ts, "Elena Sokolova").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let gone = add_person(&ts, "Gone Person", Relationship::MyOrg).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let before = snapshot(&ts).await;
    let with = |ids: Vec<trellis_core::ids::PersonId>| EvidenceDraft {
        co_owner_ids: ids,
        ..evidence_draft("Ledger")
    };
    let not_in = "A co-owner is not in the people directory.";
    let themself = "A report cannot be a co-owner of their own evidence.";
    for (ids, expected) in [
        (
            vec![report.person_id.clone()],
            vec![("coOwnerIds", themself)],
        ),
        (vec!["no-such-person".into()], vec![("coOwnerIds", not_in)]),
        (vec![gone.id.clone()], vec![("coOwnerIds", not_in)]),
        (
            vec![jamie.id.clone(), report.person_id.clone(), gone.id.clone()],
            vec![("coOwnerIds", themself), ("coOwnerIds", not_in)],
        ),
    ] {
        invalid(
            &ts,
            &before,
            ts.create_evidence(&report.id, &with(ids)).await,
            &expected,
        )
        .await;
    }

    // Another report can co-own; a repeated id is stored once.
    let e = ts
        .create_evidence(
            &report.id,
            &with(vec![
                jamie.id.clone(),
                colleague.person_id.clone(),
                jamie.id.clone(),
            ]),
        )
        .await
        .unwrap();
    let co: Vec<(&str, Relationship)> = e
        .co_owners
        .iter()
        .map(|p| (p.name.as_str(), p.relationship))
        .collect();
    assert_eq!(
        co,
        [
            ("Elena Sokolova", Relationship::Report),
            ("Jamie Chen", Relationship::MyOrg)
        ]
    );
    assert_eq!(count_rows(&ts, "evidence_co_owners").await, 2);
}

#[tokio::test]
async fn at_most_fifty_co_owners() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let mut ids = Vec::new();
    for i in 0..51 {
        ids.push(
            add_person(&ts, &format!("Person {i:02}"), Relationship::MyOrg)
                .await
                .id,
        );
    }
    let before = snapshot(&ts).await;
    invalid(
        &ts,
        &before,
        ts.create_evidence(
            &report.id,
            &EvidenceDraft {
                co_owner_ids: ids.clone(),
                ..evidence_draft("Ledger")
            },
        )
        .await,
        &[("coOwnerIds", "Co-owners: at most 50, not 51.")],
    )
    .await;
    ids.pop();
    // Fifty people, one of them named twice: the limit counts people, not entries.
    let mut with_repeat = ids.clone();
    with_repeat.push(ids[0].clone());
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                co_owner_ids: with_repeat,
                ..evidence_draft("Ledger")
            },
        )
        .await
        .unwrap();
    assert_eq!(e.co_owners.len(), 50);
    assert_eq!(e.co_owners[0].name, "Person 00");
    assert_eq!(e.co_owners[49].name, "Person 49");
}

#[tokio::test]
async fn every_offending_field_is_reported_at_once() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let before = snapshot(&ts).await;
    let message = invalid(
        &ts,
        &before,
        ts.create_evidence(
            &report.id,
            &EvidenceDraft {
                title: String::new(),
                started_on: TOMORROW.to_owned(),
                kind: None,
                co_owner_ids: vec![report.person_id.clone()],
                links: vec![link("javascript:void(0)", "")],
                ..evidence_draft("x")
            },
        )
        .await,
        &[
            ("title", "Title is required."),
            (
                "startedOn",
                "Started on cannot be in the future (after 2026-11-24).",
            ),
            ("kind", "Choose a value for kind."),
            (
                "coOwnerIds",
                "A report cannot be a co-owner of their own evidence.",
            ),
            (
                "links.0.url",
                "Link must start with https://, http:// or mailto:.",
            ),
        ],
    )
    .await;
    assert_eq!(message, "Title is required. (And 4 more problems.)");
}

#[tokio::test]
async fn update_replaces_fields_co_owners_and_links() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let ravi = add_person(&ts, "Ravi Menon", Relationship::MyOrg).await;
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                co_owner_ids: vec![jamie.id.clone()],
                links: vec![
                    link("https://a.example.com", "A"),
                    link("https://b.example.com", "B"),
                ],
                ..evidence_draft("Ledger")
            },
        )
        .await
        .unwrap();
    let later = clock.advance(Duration::minutes(30));
    let updated = ts
        .update_evidence(
            &e.id,
            1,
            &EvidenceDraft {
                title: "Ledger migration, phase 2".to_owned(),
                description: "Second phase.".to_owned(),
                started_on: "2026-04-01".to_owned(),
                ended_on: String::new(),
                kind: Some(EvidenceKind::Strategy),
                role: Some(EvidenceRole::Contributed),
                co_owner_ids: vec![ravi.id.clone()],
                impact: String::new(),
                links: vec![link("mailto:ops@example.com", "Ops")],
                in_production_since: String::new(),
                archetype: None,
                work_mix: Some(WorkMix::ChasingGhosts),
                flagship: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.id, e.id);
    assert_eq!(updated.title, "Ledger migration, phase 2");
    assert_eq!(updated.description, "Second phase.");
    assert_eq!(updated.started_on, date("2026-04-01"));
    assert_eq!(updated.ended_on, None);
    assert_eq!(updated.kind, EvidenceKind::Strategy);
    assert_eq!(updated.role, EvidenceRole::Contributed);
    assert_eq!(updated.co_owners.len(), 1);
    assert_eq!(updated.co_owners[0].id, ravi.id);
    assert_eq!(updated.impact, "");
    assert_eq!(updated.links, vec![link("mailto:ops@example.com", "Ops")]);
    assert_eq!(updated.in_production_since, None);
    assert_eq!(updated.archetype, None);
    assert_eq!(updated.work_mix, WorkMix::ChasingGhosts);
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, now(), later)
    );
    assert_eq!(ts.evidence_item(&e.id).await.unwrap(), updated);
    assert_eq!(count_rows(&ts, "evidence_links").await, 1);
    assert_eq!(count_rows(&ts, "evidence_co_owners").await, 1);
}

#[tokio::test]
async fn a_stale_or_invalid_update_changes_nothing() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let e = ts
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                co_owner_ids: vec![jamie.id.clone()],
                ..evidence_draft("Ledger")
            },
        )
        .await
        .unwrap();
    let e = ts
        .update_evidence(&e.id, 1, &evidence_draft_of(&e))
        .await
        .unwrap();
    assert_eq!(e.version, 2);
    let before = snapshot(&ts).await;
    for stale in [1, 3] {
        refused(
            &ts,
            &before,
            ts.update_evidence(&e.id, stale, &evidence_draft("Other"))
                .await,
            &stale_message("evidence item", "Ledger"),
        )
        .await;
    }
    invalid(
        &ts,
        &before,
        ts.update_evidence(
            &e.id,
            2,
            &EvidenceDraft {
                co_owner_ids: vec![report.person_id.clone()],
                links: vec![link("ftp://x", "")],
                ..evidence_draft("Other")
            },
        )
        .await,
        &[
            (
                "coOwnerIds",
                "A report cannot be a co-owner of their own evidence.",
            ),
            (
                "links.0.url",
                "Link must start with https://, http:// or mailto:.",
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn unknown_evidence_and_reports_are_not_found() {
    let ts = open_store().await;
    let unknown = EvidenceId::from("no-such-evidence");
    let message = "No evidence item with id no-such-evidence; it may have been removed.";
    assert_eq!(not_found(ts.evidence_item(&unknown).await), message);
    assert_eq!(
        not_found(ts.update_evidence(&unknown, 1, &evidence_draft("X")).await),
        message
    );
    assert_eq!(
        not_found(
            ts.create_evidence(&ReportId::from("no-such-report"), &evidence_draft("X"))
                .await
        ),
        "No report with id no-such-report; it may have been removed."
    );
    assert_eq!(count_rows(&ts, "evidence").await, 0);
}
