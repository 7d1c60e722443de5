//! The demo/synthetic generator: the demo team, seeding only empty stores, large specs that
//! still obey every validation rule, and determinism.

use std::collections::HashSet;

use chrono::Months;
use trellis_core::generator::{generate, onboarding_day, seed_demo_if_empty, GeneratorSpec};
use trellis_core::model::{LevelRef, Report, RosterFilter};
use trellis_core::{Error, Store};

use crate::cycle_support::noon;
use crate::support::*;

const DEMO_NAMES: [&str; 6] = [
    "Aiko Tanaka",
    "Dev Patel",
    "Elena Sokolova",
    "Marcus Okafor",
    "Priya Raman",
    "Tomás Herrera",
];

async fn all_reports(store: &Store) -> Vec<Report> {
    let mut all = store.reports(RosterFilter::Active).await.unwrap();
    all.extend(store.reports(RosterFilter::Archived).await.unwrap());
    all
}

/// Every generated report passes the same rules a hand-entered one must: it is re-validated
/// through `ReportDraft::validate` against the store's ladder and today.
async fn assert_all_valid(store: &Store) {
    let ladder: Vec<LevelRef> = store
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .map(|l| LevelRef {
            id: l.id,
            name: l.name,
            rank: l.rank,
        })
        .collect();
    for r in all_reports(store).await {
        assert!(
            r.in_role_since <= today(),
            "{} starts in the future",
            r.name
        );
        assert!(
            r.target_level.rank >= r.current_level.rank,
            "{} aims below their level",
            r.name
        );
        assert_eq!(r.version, 1);
        // Entered by the manager: on the day they started using Trellis, or later.
        assert!(
            r.created_at <= now() && r.created_at.date_naive() >= onboarding_day(today()),
            "{} entered {}",
            r.name,
            r.created_at
        );
        assert_eq!(r.archived_at, None);
        let valid = draft_from(&r).validate(&ladder, today());
        assert!(valid.is_ok(), "{} fails validation: {valid:?}", r.name);
    }
}

#[tokio::test]
async fn the_demo_spec_creates_the_six_person_demo_team() {
    let ts = open_store().await;
    let generated = generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    assert_eq!(generated.reports, 6);
    // The six reports, seven leaders and peers, eight mentees.
    assert_eq!(generated.people, 15);
    assert_eq!(ts.report_count().await.unwrap(), 6);
    assert_eq!(count_rows(&ts, "people").await, 21);
    // Every report has a story: a mandate (three of them an earlier one), evidence, and (all
    // but one) a mentee.
    assert_eq!(generated.mandates, 9);
    assert_eq!(generated.evidence, 19);
    assert_eq!(generated.mentorships, 5);
    assert!(generated.visibility > 10 && generated.feedback >= 5 && generated.advocates >= 5);

    let reports = ts.reports(RosterFilter::Active).await.unwrap();
    let names: Vec<&str> = reports.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, DEMO_NAMES);
    let archetypes: HashSet<_> = reports.iter().map(|r| r.archetype_worked).collect();
    assert!(
        archetypes.len() >= 4,
        "the demo shows at least four archetypes, got {archetypes:?}"
    );
    // Someone's archetype does not match what the organisation needs (a demo risk).
    assert!(reports
        .iter()
        .any(|r| r.archetype_worked != r.archetype_needed));
    assert!(reports
        .iter()
        .all(|r| !r.team.is_empty() && !r.notes.is_empty()));
    assert_all_valid(&ts).await;

    // Spot-check one profile against the default ladder and the clock.
    let priya = reports.iter().find(|r| r.name == "Priya Raman").unwrap();
    assert_eq!(priya.current_level.name, "Staff");
    assert_eq!(priya.target_level.name, "Senior Staff");
    assert_eq!(priya.team, "Payments Platform");
    assert_eq!(
        priya.in_role_since,
        today().checked_sub_months(Months::new(30)).unwrap()
    );
    assert_eq!(priya.one_on_one_every_days, 14);

    // The manager started using Trellis thirteen months ago and entered the team then, but
    // for Tomás, who joined in a re-org 90 days ago.
    assert_eq!(onboarding_day(today()), date("2025-10-24"));
    for r in &reports {
        let entered = if r.name == "Tomás Herrera" {
            "2026-08-26"
        } else {
            "2025-10-24"
        };
        assert_eq!(r.created_at, noon(date(entered)), "{}", r.name);
    }
}

#[tokio::test]
async fn seed_demo_if_empty_seeds_an_empty_store_once() {
    let ts = open_store().await;
    assert!(seed_demo_if_empty(&ts).await.unwrap());
    assert_eq!(ts.report_count().await.unwrap(), 6);
    let first = all_reports(&ts).await;

    assert!(!seed_demo_if_empty(&ts).await.unwrap());
    assert_eq!(ts.report_count().await.unwrap(), 6);
    assert_eq!(all_reports(&ts).await, first);
}

#[tokio::test]
async fn seed_demo_if_empty_leaves_a_store_with_any_report_alone() {
    // One active report.
    let ts = open_store().await;
    ts.create_report(&valid_draft(&ts).await).await.unwrap();
    assert!(!seed_demo_if_empty(&ts).await.unwrap());
    assert_eq!(ts.report_count().await.unwrap(), 1);

    // Only an archived report: still not empty.
    let ts = open_store().await;
    let r = ts.create_report(&valid_draft(&ts).await).await.unwrap();
    ts.archive_report(&r.id).await.unwrap();
    assert!(!seed_demo_if_empty(&ts).await.unwrap());
    assert_eq!(ts.report_count().await.unwrap(), 1);
    assert!(ts.reports(RosterFilter::Active).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_large_spec_creates_valid_reports() {
    let ts = open_store().await;
    let spec = GeneratorSpec {
        reports: 60,
        years: 5,
        seed: 7,
    };
    let generated = generate(&ts, spec).await.unwrap();
    assert_eq!(generated.reports, 60);
    assert_eq!(ts.report_count().await.unwrap(), 60);
    // Reports, the seven leaders, and a mentee pool that grows with the team.
    assert_eq!(count_rows(&ts, "people").await, 60 + 7 + 8 + 54);
    // Five years of history for each of the 54 synthetic reports.
    assert!(generated.evidence > 54 * 40, "{generated:?}");
    assert!(generated.mandates >= 54 * 4, "{generated:?}");
    assert_all_valid(&ts).await;

    let reports = all_reports(&ts).await;
    // The demo team comes first, then synthetic reports; every name is distinct.
    let names: HashSet<&str> = reports.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), 60);
    assert!(DEMO_NAMES.iter().all(|n| names.contains(n)));
    // Synthetic history stays within `years` (plus the 3-month minimum in role).
    let earliest = today().checked_sub_months(Months::new(5 * 12 + 3)).unwrap();
    assert!(reports
        .iter()
        .filter(|r| !DEMO_NAMES.contains(&r.name.as_str()))
        .all(|r| r.in_role_since >= earliest));
    // The ladder shows the generated reports.
    let total: i32 = ts
        .ladder()
        .await
        .unwrap()
        .iter()
        .map(|l| l.report_count)
        .sum();
    assert!(total >= 60, "every report uses at least one level");
}

fn fingerprint(reports: &[Report]) -> Vec<(String, String, String, String, String)> {
    reports
        .iter()
        .map(|r| {
            (
                r.name.clone(),
                r.current_level.name.clone(),
                r.target_level.name.clone(),
                r.team.clone(),
                r.in_role_since.to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_same_seed_gives_the_same_reports() {
    let spec = GeneratorSpec {
        reports: 60,
        years: 5,
        seed: 7,
    };
    let a = open_store().await;
    let b = open_store().await;
    generate(&a, spec).await.unwrap();
    generate(&b, spec).await.unwrap();
    let fa = fingerprint(&all_reports(&a).await);
    let fb = fingerprint(&all_reports(&b).await);
    assert_eq!(fa.len(), 60);
    assert_eq!(fa, fb);

    // Another seed gives another synthetic team (the demo six stay the same).
    let c = open_store().await;
    generate(&c, GeneratorSpec { seed: 8, ..spec })
        .await
        .unwrap();
    let fc = fingerprint(&all_reports(&c).await);
    assert_ne!(fa, fc);
    let names_c: HashSet<&str> = fc.iter().map(|f| f.0.as_str()).collect();
    assert!(DEMO_NAMES.iter().all(|n| names_c.contains(n)));
}

#[tokio::test]
async fn a_short_ladder_is_clamped_and_an_empty_one_refused() {
    // Two levels only: every demo profile is clamped into the ladder.
    let ts = open_store().await;
    for name in ["Senior Staff", "Principal", "Distinguished"] {
        ts.remove_level(&level_id(&ts, name).await).await.unwrap();
    }
    generate(
        &ts,
        GeneratorSpec {
            reports: 20,
            years: 2,
            seed: 1,
        },
    )
    .await
    .unwrap();
    assert_eq!(ts.report_count().await.unwrap(), 20);
    assert_all_valid(&ts).await;

    // No levels at all (only possible behind the store's back): a conflict, nothing written.
    let ts = open_store().await;
    sqlx::query("DELETE FROM ladder_levels")
        .execute(ts.pool())
        .await
        .unwrap();
    match generate(&ts, GeneratorSpec::DEMO).await {
        Err(Error::Conflict { message }) => assert_eq!(
            message,
            "The ladder has no levels; add one before generating reports."
        ),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(ts.report_count().await.unwrap(), 0);
}

/// `generate` (and so `seed_demo_if_empty`) takes the write lock up front like every other
/// store write (`BEGIN IMMEDIATE`), so it waits for another writer instead of failing with
/// SQLITE_BUSY on a read-to-write upgrade; see
/// `roster::a_write_waits_for_another_writer_instead_of_failing`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generating_waits_for_another_writer_instead_of_failing() {
    let ts = open_store().await;
    let other = hold_write_lock(&ts).await;
    let store = ts.store.clone();
    let task = tokio::spawn(async move { generate(&store, GeneratorSpec::DEMO).await });

    pause_ms(300).await;
    let finished_early = task.is_finished();
    other.commit().await.unwrap();
    let result = task.await.unwrap();
    assert!(
        !finished_early,
        "generate did not wait for the other writer; it returned {result:?}"
    );
    assert_eq!(result.unwrap().reports, 6);
    assert_eq!(ts.report_count().await.unwrap(), 6);
}

/// The generator dates its writes as a manager's entries: every history row of what it wrote
/// lies between the manager's first day in Trellis and today, each record's versions come in
/// the order of their days (a later edit is never dated before the record was entered), every
/// record a report's record refers to was entered by the day it is read (the record as it stood
/// on the first of every month reads without a problem), and the write clock is left at now
/// for the store's own writes. Returns on how many days something was entered.
async fn assert_entered_over_time(store: &Store) -> i64 {
    let first = onboarding_day(today());
    let (min, max, days): (String, String, i64) = sqlx::query_as(
        "SELECT min(written_on), max(written_on), count(DISTINCT written_on) FROM record_history
         WHERE table_name NOT IN ('ladder_levels', 'questions')",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!((date(&min), date(&max)), (first, today()));
    let out_of_order: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT written_on, lag(written_on) OVER
             (PARTITION BY table_name, record_key ORDER BY seq) AS before FROM record_history)
         WHERE before > written_on",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(out_of_order, 0, "a version dated before the one it follows");
    let clock: (chrono::DateTime<chrono::Utc>, String) =
        sqlx::query_as("SELECT at, on_date FROM write_clock")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(clock, (now(), TODAY.to_owned()));
    for report in all_reports(store).await {
        let history = store.report_history(&report.id).await.unwrap();
        let replay = trellis_core::radar::Replay::new(&history, &report.id, None);
        let mut d = first;
        while d <= today() {
            if let Ok(Some(r)) = replay.record_on(d).as_ref() {
                assert!(
                    r.problems.is_empty(),
                    "{} on {d}: {:?}",
                    report.name,
                    r.problems
                );
            }
            d = d.checked_add_months(Months::new(1)).unwrap();
        }
    }
    days
}

#[tokio::test]
async fn the_demo_is_entered_day_by_day_over_thirteen_months() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    let days = assert_entered_over_time(&ts).await;
    assert!(days > 100, "entered on {days} days");
}

#[tokio::test]
async fn synthetic_histories_are_entered_day_by_day_too() {
    let ts = open_store().await;
    generate(
        &ts,
        GeneratorSpec {
            reports: 12,
            years: 3,
            seed: 11,
        },
    )
    .await
    .unwrap();
    let days = assert_entered_over_time(&ts).await;
    assert!(days > 150, "entered on {days} days");
}
