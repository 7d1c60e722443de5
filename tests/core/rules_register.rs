//! The rules-of-thumb register through the store: every rule of `RuleDraft` (who said it
//! exists, dates, levels on the ladder, the machine check's parameter ranges), levels,
//! archetypes and the check surviving the JSON round trip, listing order, updates, deleting,
//! restoring and searching.

use trellis_core::ids::{LevelId, RuleId};
use trellis_core::model::{
    Archetype, Check, EvidenceKind, RecordKind, Relationship, RuleDraft, RuleSource,
};

use crate::cycle_support::*;
use crate::support::*;

#[tokio::test]
async fn a_rule_round_trips_with_levels_archetypes_and_check_as_json() {
    let ts = open_store().await;
    let omar = add_person(&ts, "Omar Haddad", Relationship::Leadership).await;
    let senior_staff = level_id(&ts, "Senior Staff").await;
    let principal = level_id(&ts, "Principal").await;
    let rule = ts
        .create_rule(&RuleDraft {
            wording: "  Top project in production a year before calibration ".to_owned(),
            said_by_id: Some(omar.id.clone()),
            said_on: "2026-03-10".to_owned(),
            source: Some(RuleSource::ReviewComment),
            source_detail: " Lee's review of v2 ".to_owned(),
            confirmed: false,
            levels: vec![
                senior_staff.clone(),
                principal.clone(),
                senior_staff.clone(),
            ],
            archetypes: vec![
                Archetype::Architect,
                Archetype::Solver,
                Archetype::Architect,
            ],
            retired: false,
            check: Some(Check::TopEvidenceInProduction { months: 12 }),
        })
        .await
        .unwrap();
    assert_eq!(
        rule.wording,
        "Top project in production a year before calibration"
    );
    assert_eq!(rule.said_by.as_ref().map(|p| &p.id), Some(&omar.id));
    assert_eq!(
        rule.said_by.as_ref().map(|p| p.name.as_str()),
        Some("Omar Haddad")
    );
    assert_eq!(rule.said_on, date("2026-03-10"));
    assert_eq!(rule.source, RuleSource::ReviewComment);
    assert_eq!(rule.source_detail, "Lee's review of v2");
    assert!(!rule.confirmed, "hearsay");
    assert_eq!(
        rule.levels,
        [senior_staff.clone(), principal.clone()],
        "once each"
    );
    assert_eq!(rule.archetypes, [Archetype::Architect, Archetype::Solver]);
    assert!(!rule.retired);
    assert_eq!(
        rule.check,
        Some(Check::TopEvidenceInProduction { months: 12 })
    );
    assert_eq!(
        (rule.version, rule.created_at, rule.updated_at),
        (1, now(), now())
    );
    assert_eq!(ts.rules().await.unwrap(), vec![rule.clone()]);

    // Stored as JSON text, as the schema says.
    let (levels, archetypes, check): (String, String, Option<String>) =
        sqlx::query_as("SELECT levels, archetypes, check_spec FROM rules_of_thumb WHERE id = ?")
            .bind(rule.id.as_str())
            .fetch_one(ts.pool())
            .await
            .unwrap();
    assert_eq!(levels, format!("[\"{senior_staff}\",\"{principal}\"]"));
    assert_eq!(archetypes, "[\"architect\",\"solver\"]");
    assert_eq!(
        check.as_deref(),
        Some("{\"check\":\"top_evidence_in_production\",\"months\":12}")
    );
}

#[tokio::test]
async fn every_kind_of_check_survives_the_round_trip_and_none_means_none() {
    let ts = open_store().await;
    let checks = [
        None,
        Some(Check::TopEvidenceInProduction { months: 1 }),
        Some(Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::CrossFunctionalSupport],
        }),
        Some(Check::PositiveMentorshipFeedback { months: 60 }),
        Some(Check::MinAdvocates { count: 20 }),
        Some(Check::SeenByCommittee { count: 50 }),
    ];
    for (i, check) in checks.iter().enumerate() {
        let rule = ts
            .create_rule(&rule_draft(
                &format!("Rule {i}"),
                "2026-03-10",
                check.clone(),
            ))
            .await
            .unwrap();
        assert_eq!(rule.check, *check);
    }
    let stored: Vec<Option<Check>> = ts
        .rules()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.check)
        .collect();
    for check in checks {
        assert!(stored.contains(&check), "{check:?}");
    }
    let nulls: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM rules_of_thumb WHERE check_spec IS NULL")
            .fetch_one(ts.pool())
            .await
            .unwrap();
    assert_eq!(nulls, 1);
    // Described in words.
    assert_eq!(
        Check::MinAdvocates { count: 2 }.describe(),
        "At least 2 advocates"
    );
}

#[tokio::test]
async fn every_rule_of_a_rule_draft_is_checked() {
    let ts = open_store().await;
    let gone = add_person(&ts, "Gone Person", Relationship::Peer).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_rule(&RuleDraft {
            wording: "  ".to_owned(),
            said_by_id: Some(gone.id.clone()),
            said_on: TOMORROW.to_owned(),
            source: None,
            source_detail: "two\nlines".to_owned(),
            confirmed: true,
            levels: vec![LevelId::from("no-such-level")],
            archetypes: Vec::new(),
            retired: false,
            check: Some(Check::MinAdvocates { count: 0 }),
        })
        .await,
        &[
            ("wording", "Wording is required."),
            ("saidById", "Who said it is not in the people directory."),
            (
                "saidOn",
                "Said on cannot be in the future (after 2026-11-24).",
            ),
            ("source", "Choose a value for where it was said."),
            (
                "sourceDetail",
                "Where exactly must be a single line without control characters.",
            ),
            ("levels", "A level is not on the ladder."),
            ("check", "Advocates must be between 1 and 20."),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.create_rule(&rule_draft("x", "", None)).await,
        &[("saidOn", "Said on is required.")],
    )
    .await;
}

#[tokio::test]
async fn check_parameters_are_bounded_on_both_sides() {
    let ts = open_store().await;
    type Make = fn(i32) -> Check;
    let cases: [(Make, i32, i32, &str); 4] = [
        (
            |months| Check::TopEvidenceInProduction { months },
            1,
            120,
            "Months must be between 1 and 120.",
        ),
        (
            |months| Check::PositiveMentorshipFeedback { months },
            1,
            60,
            "Months must be between 1 and 60.",
        ),
        (
            |count| Check::MinAdvocates { count },
            1,
            20,
            "Advocates must be between 1 and 20.",
        ),
        (
            |count| Check::SeenByCommittee { count },
            1,
            50,
            "Committee members must be between 1 and 50.",
        ),
    ];
    for (make, min, max, message) in cases {
        let before = snapshot_all(&ts).await;
        for bad in [min - 1, max + 1, -5] {
            rejected(
                &ts,
                &before,
                ts.create_rule(&rule_draft("x", TODAY, Some(make(bad))))
                    .await,
                &[("check", message)],
            )
            .await;
        }
        for good in [min, max] {
            let rule = ts
                .create_rule(&rule_draft("x", TODAY, Some(make(good))))
                .await
                .unwrap();
            assert_eq!(rule.check, Some(make(good)));
        }
    }
}

#[tokio::test]
async fn live_rules_come_first_then_retired_each_newest_first() {
    let ts = open_store().await;
    for (wording, said_on, retired) in [
        ("Old live", "2025-01-10", false),
        ("New retired", "2026-05-10", true),
        ("New live", "2026-05-10", false),
        ("Old retired", "2025-01-10", true),
        ("Middle live", "2025-09-10", false),
    ] {
        ts.create_rule(&RuleDraft {
            retired,
            ..rule_draft(wording, said_on, None)
        })
        .await
        .unwrap();
    }
    let order: Vec<String> = ts
        .rules()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.wording)
        .collect();
    assert_eq!(
        order,
        [
            "New live",
            "Middle live",
            "Old live",
            "New retired",
            "Old retired"
        ]
    );
}

#[tokio::test]
async fn update_changes_every_field_and_stale_or_invalid_updates_change_nothing() {
    let (ts, clock) = store_on(END).await;
    let rule = ts
        .create_rule(&rule_draft("Has a staff project", "2026-03-10", None))
        .await
        .unwrap();
    clock.set("2026-11-30");
    let principal = level_id(&ts, "Principal").await;
    let updated = ts
        .update_rule(
            &rule.id,
            1,
            &RuleDraft {
                confirmed: false,
                retired: true,
                levels: vec![principal.clone()],
                archetypes: vec![Archetype::RightHand],
                check: Some(Check::LedEvidenceOfKind {
                    kinds: vec![EvidenceKind::Project],
                }),
                source: Some(RuleSource::Conversation),
                ..rule_draft("Has a staff-level project", "2026-11-30", None)
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.wording, "Has a staff-level project");
    assert_eq!(updated.said_on, date("2026-11-30"));
    assert_eq!(updated.source, RuleSource::Conversation);
    assert!(!updated.confirmed && updated.retired);
    assert_eq!(updated.levels, [principal]);
    assert_eq!(updated.archetypes, [Archetype::RightHand]);
    assert_eq!(
        updated.check,
        Some(Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Project],
        })
    );
    assert_eq!(updated.version, 2);
    assert_eq!(updated.updated_at, noon(date("2026-11-30")));

    // Dropping the check stores NULL again.
    let cleared = ts
        .update_rule(
            &rule.id,
            2,
            &rule_draft("Has a staff project", "2026-03-10", None),
        )
        .await
        .unwrap();
    assert_eq!(cleared.check, None);
    assert!(cleared.levels.is_empty() && cleared.archetypes.is_empty());

    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(
            ts.update_rule(&rule.id, 2, &rule_draft("Stale", "2026-03-10", None))
                .await
        ),
        stale_message("rule of thumb", "Has a staff project")
    );
    assert_nothing_written(&ts, &before).await;
    rejected(
        &ts,
        &before,
        ts.update_rule(
            &rule.id,
            3,
            &rule_draft(
                "x",
                "2026-03-10",
                Some(Check::SeenByCommittee { count: 51 }),
            ),
        )
        .await,
        &[("check", "Committee members must be between 1 and 50.")],
    )
    .await;
    assert_eq!(
        not_found(
            ts.update_rule(&RuleId::from("nope"), 1, &rule_draft("x", TODAY, None))
                .await
        ),
        "No rule of thumb with id nope; it may have been removed."
    );
}

#[tokio::test]
async fn rules_are_deleted_restored_and_found_by_wording_and_source() {
    let ts = open_store().await;
    let rule = ts
        .create_rule(&RuleDraft {
            source_detail: "Heard at the Capybara offsite".to_owned(),
            ..rule_draft("Impact must be tapir-sized", "2026-03-10", None)
        })
        .await
        .unwrap();
    let found = [(RecordKind::Rule, rule.id.to_string())];
    assert_eq!(hits(&ts, "tapir").await, found);
    assert_eq!(hits(&ts, "capybara offsite").await, found);
    let hit = ts.search("tapir", 5).await.unwrap().hits.remove(0);
    assert_eq!(hit.title, "Impact must be tapir-sized");
    assert_eq!((hit.report_id, hit.parent_id), (None, None));

    ts.delete_record(RecordKind::Rule, rule.id.as_str())
        .await
        .unwrap();
    assert!(ts.rules().await.unwrap().is_empty());
    assert!(hits(&ts, "tapir").await.is_empty());
    not_found(
        ts.update_rule(&rule.id, 2, &rule_draft("x", TODAY, None))
            .await,
    );
    ts.restore_record(RecordKind::Rule, rule.id.as_str())
        .await
        .unwrap();
    let back = ts.rules().await.unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].version, 3);
    assert_eq!(hits(&ts, "tapir").await, found);
}

#[tokio::test]
async fn who_said_a_rule_may_be_nobody_and_is_shown_by_name() {
    let ts = open_store().await;
    let rule = ts
        .create_rule(&rule_draft("Hearsay", TODAY, None))
        .await
        .unwrap();
    assert_eq!(rule.said_by, None);
    let lee = add_person(&ts, "Lee Park", Relationship::Peer).await;
    let rule = ts
        .update_rule(
            &rule.id,
            1,
            &RuleDraft {
                said_by_id: Some(lee.id.clone()),
                ..rule_draft("Hearsay", TODAY, None)
            },
        )
        .await
        .unwrap();
    assert_eq!(rule.said_by.map(|p| p.name), Some("Lee Park".to_owned()));
}

#[test]
fn a_led_evidence_check_written_with_one_kind_reads_as_a_set_of_one() {
    // As schema 4 stored it (and as an older UI sends it).
    let old: Check =
        serde_json::from_str(r#"{"check":"led_evidence_of_kind","kind":"project"}"#).unwrap();
    assert_eq!(
        old,
        Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Project],
        }
    );
    // Written back as it is now, and read again the same.
    let now = serde_json::to_string(&old).unwrap();
    assert_eq!(
        now,
        r#"{"check":"led_evidence_of_kind","kinds":["project"]}"#
    );
    assert_eq!(serde_json::from_str::<Check>(&now).unwrap(), old);
    let several: Check = serde_json::from_str(
        r#"{"check":"led_evidence_of_kind","kinds":["strategy","cross_functional_support"]}"#,
    )
    .unwrap();
    assert_eq!(
        several,
        Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Strategy, EvidenceKind::CrossFunctionalSupport],
        }
    );
}
