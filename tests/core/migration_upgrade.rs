//! Upgrading a manager's database, and the rule that an applied migration never changes.
//!
//! For every schema version k before the latest, a database is built the way a user's grew: apply
//! migration 1 and write the rows the app at version 1 wrote (`fixtures/upgrade/v1.sql`), apply
//! migration 2 and write the v2 rows, … up to k. `Store::open` then upgrades it, as the app does
//! on start. Every row must survive with the same values, read back through the store's own API
//! (so the data is usable, not just present), and the schema must equal a fresh database's.
//!
//! `migrations/CHECKSUMS` (`sha384sum` format: `cd migrations && sha384sum -c CHECKSUMS`) records
//! each migration's SHA-384 as sqlx records it in `_sqlx_migrations.checksum`; a database that
//! applied a migration refuses to open once that file changes, so the file must never change.
//!
//! Adding migration N+1: add its line to `migrations/CHECKSUMS` (the failure prints it), then
//! `fixtures/upgrade/v{N+1}.sql` with rows written for that schema, and arms for N+1 in
//! `fixture_sql` (older_schema.rs) and [`check_fixture`]. The loop over versions then also upgrades from N.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqlitePool;
use trellis_core::clock::FixedClock;
use trellis_core::export::{ExportOptions, ExportScope};
use trellis_core::ids::{
    CandidateId, CycleId, EvidenceId, LevelId, MeetingId, PersonId, ReportId, RuleId,
};
use trellis_core::model::{
    AckAction, ActionOwner, AgendaOutcome, Archetype, Assessment, Channel, Check, DerivedLink,
    EvidenceKind, EvidenceRole, FeedbackSource, LadderChangeKind, MandateStatus, OneOnOneOrigin,
    Readiness, RecordKind, Relationship, ReviewerRole, RosterFilter, RuleSource, Sentiment,
    SignalRule, SourceKind, SupportStrength, TeamStrength, Thresholds, WorkMix,
};
use trellis_core::store::{OriginLink, DB_FILE, MIGRATOR};
use trellis_core::{Error, Store};

use crate::older_schema::{build_at, latest, raw_pool, versions};
use crate::support::*;

// Building a database at an earlier schema version: see older_schema.rs.

async fn open_upgraded(dir: &Path, from: i64) -> Store {
    Store::open_with_clock(dir, Arc::new(FixedClock(now())))
        .await
        .unwrap_or_else(|e| panic!("opening a version {from} database failed: {e:?}"))
}

// ---------------------------------------------------------------------------------------------
// Comparing databases: schema, applied migrations, and every row.
// ---------------------------------------------------------------------------------------------

/// Every schema object but SQLite's own, with whitespace in its SQL collapsed.
async fn schema(pool: &SqlitePool) -> Vec<(String, String, String, Option<String>)> {
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT type, name, tbl_name, sql FROM sqlite_master
         WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(t, n, tbl, sql)| {
            let sql = sql.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
            (t, n, tbl, sql)
        })
        .collect()
}

/// What `_sqlx_migrations` records, without the install time and duration.
async fn applied(pool: &SqlitePool) -> Vec<(i64, String, bool, Vec<u8>)> {
    sqlx::query_as(
        "SELECT version, description, success, checksum FROM _sqlx_migrations ORDER BY version",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn assert_sound(pool: &SqlitePool, from: i64) {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(pool)
        .await
        .unwrap();
    assert_eq!(
        integrity,
        ["ok"],
        "integrity check after upgrading from {from}"
    );
    let violations: Vec<(String, Option<i64>, String, i64)> =
        sqlx::query_as("PRAGMA foreign_key_check")
            .fetch_all(pool)
            .await
            .unwrap();
    assert!(
        violations.is_empty(),
        "foreign key violations after upgrading from {from}: {violations:?}"
    );
}

/// One table's columns and rows (each row its columns `quote()`d and joined).
#[derive(Debug, PartialEq)]
struct Table {
    columns: Vec<String>,
    rows: BTreeSet<String>,
}

/// Every row of every table (real and virtual, not FTS shadow tables), keyed by table.
/// `_sqlx_migrations` only when `with_migrations`.
async fn tables(pool: &SqlitePool, with_migrations: bool) -> BTreeMap<String, Table> {
    let names: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, type FROM pragma_table_list
         WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for (name, kind) in names {
        if name == "_sqlx_migrations" && !with_migrations {
            continue;
        }
        let mut columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(&name)
                .fetch_all(pool)
                .await
                .unwrap();
        if kind == "virtual" {
            columns.insert(0, "rowid".to_owned());
        }
        let rows = rows_of(pool, &name, &columns).await;
        out.insert(name, Table { columns, rows });
    }
    out
}

async fn rows_of(pool: &SqlitePool, table: &str, columns: &[String]) -> BTreeSet<String> {
    let row = columns
        .iter()
        .map(|c| format!("quote(\"{c}\")"))
        .collect::<Vec<_>>()
        .join(" || ', ' || ");
    sqlx::query_scalar::<_, String>(&format!("SELECT {row} FROM \"{table}\""))
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .collect()
}

/// Every table, column and row of `before` is still in the upgraded database (later migrations
/// may add tables, columns and rows, never lose or change them).
async fn assert_rows_survived(pool: &SqlitePool, before: &BTreeMap<String, Table>, from: i64) {
    let after = tables(pool, false).await;
    for (name, old) in before {
        let Some(new) = after.get(name) else {
            panic!(
                "upgrading from {from} dropped table {name} and its {} rows",
                old.rows.len()
            );
        };
        let lost: Vec<&String> = old
            .columns
            .iter()
            .filter(|c| !new.columns.contains(c))
            .collect();
        assert!(
            lost.is_empty(),
            "upgrading from {from} dropped columns {lost:?} of {name}"
        );
        let now = rows_of(pool, name, &old.columns).await;
        let missing: Vec<&String> = old.rows.difference(&now).collect();
        assert!(
            missing.is_empty(),
            "upgrading from {from} lost or changed {} of {} rows of {name} (columns {:?}):\n{}",
            missing.len(),
            old.rows.len(),
            old.columns,
            missing
                .iter()
                .map(|r| format!("  {r}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The upgrade test.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn every_earlier_schema_version_upgrades_to_the_latest_with_its_data() {
    let fresh = open_store().await;
    let fresh_schema = schema(fresh.pool()).await;
    let fresh_applied = applied(fresh.pool()).await;
    assert_eq!(fresh_applied.len(), versions().len());

    // The latest version too: opening a current database applies nothing and changes nothing,
    // and its fixture (which the next migration's upgrade case builds on) is checked.
    for from in versions() {
        println!(
            "upgrading a database at schema version {from} to {}",
            latest()
        );
        let dir = tempfile::tempdir().unwrap();
        build_at(dir.path(), from).await;
        let pool = raw_pool(dir.path()).await;
        let before = tables(&pool, false).await;
        pool.close().await;

        let store = open_upgraded(dir.path(), from).await;
        assert_eq!(
            schema(store.pool()).await,
            fresh_schema,
            "the schema upgraded from {from} differs from a fresh database's"
        );
        assert_eq!(
            applied(store.pool()).await,
            fresh_applied,
            "the migrations recorded after upgrading from {from} differ from a fresh database's"
        );
        assert_sound(store.pool(), from).await;
        assert_rows_survived(store.pool(), &before, from).await;
        assert_index_in_sync(&store).await;
        for v in versions().into_iter().filter(|v| *v <= from) {
            check_fixture(&store, v).await;
        }
        check_usable(&store, from).await;

        // The upgraded store takes writes, and opening it again is a no-op.
        let ada = store.report(&r_ada()).await.unwrap();
        let mut edit = draft_from(&ada);
        edit.notes.push_str("\nUpgraded.");
        let edited = store
            .update_report(&ada.id, ada.version, &edit)
            .await
            .unwrap();
        assert_eq!(edited.version, ada.version + 1);
        assert_index_in_sync(&store).await;
        store.close().await;
        let store = open_upgraded(dir.path(), latest()).await;
        assert_eq!(applied(store.pool()).await, fresh_applied);
        assert_eq!(store.report(&r_ada()).await.unwrap(), edited);
        store.close().await;
    }
}

/// What the fixture of `version` wrote, read back through the store.
async fn check_fixture(store: &Store, version: i64) {
    match version {
        1 => check_v1(store).await,
        2 => check_v2(store).await,
        3 => check_v3(store).await,
        4 => check_v4(store).await,
        5 => check_v5(store).await,
        6 => check_v6(store).await,
        7 => check_v7(store).await,
        8 => check_v8(store).await,
        _ => panic!(
            "migration {version} has no fixture check: add an arm for it in check_fixture \
             (tests/core/migration_upgrade.rs)"
        ),
    }
}

/// The views that read across every table load without error.
async fn check_usable(store: &Store, from: i64) {
    for report in [r_ada(), r_grace(), r_katherine()] {
        store
            .report_radar(&report, today())
            .await
            .unwrap_or_else(|e| panic!("radar after upgrading from {from}: {e:?}"));
        store
            .timeline(&report, &[])
            .await
            .unwrap_or_else(|e| panic!("timeline after upgrading from {from}: {e:?}"));
        store
            .prep(&report, today())
            .await
            .unwrap_or_else(|e| panic!("1:1 prep after upgrading from {from}: {e:?}"));
        store
            .calibration_notes(
                &ExportScope::Report { report_id: report },
                &ExportOptions {
                    brief: trellis_core::export::Brief::Manager,
                    include_private_notes: true,
                    include_non_quotable: true,
                },
                today(),
            )
            .await
            .unwrap_or_else(|e| panic!("calibration notes after upgrading from {from}: {e:?}"));
    }
    for cycle in store.cycles().await.unwrap() {
        store.cycle_dashboard(&cycle.id, today()).await.unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// The fixtures' ids and what each version's fixture must read back as.
// ---------------------------------------------------------------------------------------------

fn id(n: &str) -> String {
    format!("01940000-0000-7000-8000-{n:0>12}")
}

fn r_ada() -> ReportId {
    id("b001").into()
}

fn r_grace() -> ReportId {
    id("b002").into()
}

fn r_katherine() -> ReportId {
    id("b003").into()
}

fn seeded_level(rank: u8) -> LevelId {
    format!("01900000-0000-7000-8000-{rank:012}").into()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The one item of `items` whose id is `want`; panics listing the ids there are.
fn find<'a, T, K: PartialEq + std::fmt::Debug + ?Sized>(
    items: &'a [T],
    key: impl Fn(&T) -> &K,
    want: &K,
) -> &'a T {
    let mut found = items.iter().filter(|t| key(t) == want);
    let one = found.next().unwrap_or_else(|| {
        let ids: Vec<&K> = items.iter().map(&key).collect();
        panic!("no {want:?} among {ids:?}")
    });
    assert!(found.next().is_none(), "{want:?} is listed twice");
    one
}

/// v1: an edited ladder and three reports, one archived.
async fn check_v1(store: &Store) {
    let ladder = store.ladder().await.unwrap();
    let names: Vec<(&str, i32)> = ladder.iter().map(|l| (l.name.as_str(), l.rank)).collect();
    assert_eq!(
        names,
        [
            ("Senior I", 1),
            ("Senior II", 2),
            ("Staff", 3),
            ("Senior Staff", 4),
            ("Principal", 5),
            ("Distinguished", 6)
        ]
    );
    assert_eq!(ladder[0].id, seeded_level(1));
    assert_eq!(ladder[1].id, LevelId::from(id("c001")));
    let changes = store.ladder_changes().await.unwrap();
    let added = find(&changes, |c| c.id.as_str(), id("c101").as_str());
    assert_eq!(added.level_id, LevelId::from(id("c001")));
    assert_eq!(added.change, LadderChangeKind::Added);
    assert_eq!(added.detail, "Added Senior II at position 2");
    assert_eq!(added.changed_at, at("2025-01-06T09:00:00Z"));
    let renamed = find(&changes, |c| c.id.as_str(), id("c102").as_str());
    assert_eq!(renamed.change, LadderChangeKind::Renamed);
    assert_eq!(renamed.detail, "Renamed Senior to Senior I");

    let active = store.reports(RosterFilter::Active).await.unwrap();
    let ada = find(&active, |r| &r.id, &r_ada());
    assert_eq!(ada.person_id, PersonId::from(id("a001")));
    assert_eq!(ada.name, "Ada Lovelace");
    assert_eq!(
        (ada.current_level.name.as_str(), ada.current_level.rank),
        ("Staff", 3)
    );
    assert_eq!(ada.target_level.id, seeded_level(3));
    assert_eq!(ada.team, "Payments Platform");
    assert_eq!(ada.in_role_since, date("2024-03-01"));
    assert_eq!(ada.archetype_worked, Archetype::TechLead);
    assert_eq!(ada.archetype_needed, Archetype::Architect);
    assert_eq!(ada.team_strength, TeamStrength::Strong);
    assert!(ada
        .notes
        .starts_with("Leads the ledger migration.\nWants Senior Staff next cycle."));
    assert_eq!(ada.archived_at, None);
    assert!(ada.version >= 2);
    assert_eq!(ada.created_at, at("2025-01-10T10:00:00Z"));

    let grace = find(&active, |r| &r.id, &r_grace());
    assert_eq!(grace.name, "Grace O'Hopper");
    assert_eq!(grace.current_level.name, "Senior II");
    assert_eq!(grace.target_level.name, "Staff");
    assert_eq!(grace.team_strength, TeamStrength::Weak);
    assert_eq!(grace.archetype_worked, Archetype::Solver);
    assert_eq!(
        grace.notes,
        "Owns the compiler toolchain; café-style office hours every Thursday."
    );
    assert_eq!(grace.version, 1);

    let archived = store.reports(RosterFilter::Archived).await.unwrap();
    let katherine = find(&archived, |r| &r.id, &r_katherine());
    assert_eq!(katherine.archived_at, Some(at("2025-03-01T09:30:00Z")));
    assert_eq!(katherine.archetype_needed, Archetype::RightHand);
    assert_eq!(katherine.current_level.name, "Principal");
    assert!(!active.iter().any(|r| r.id == r_katherine()));

    // People who were only reports at v1 became directory entries of kind "report".
    let ada_person = store.person(&id("a001").into()).await.unwrap();
    assert_eq!(ada_person.relationship, Relationship::Report);
    assert_eq!(ada_person.report_id, Some(r_ada()));
    assert_eq!(ada_person.title, "");

    // The reports are found by their text (indexed by 0002 when upgrading from v1).
    assert!(hits(store, "toolchain")
        .await
        .contains(&(RecordKind::Report, r_grace().to_string())));
    assert!(hits(store, "Katherine")
        .await
        .contains(&(RecordKind::Report, r_katherine().to_string())));
}

/// v2: the directory, mandates, evidence with co-owners, links and visibility, an advocate, a
/// mentorship with feedback.
async fn check_v2(store: &Store) {
    let dana = store.person(&id("a004").into()).await.unwrap();
    assert_eq!(dana.name, "Dana Cole");
    assert_eq!(dana.title, "VP Engineering");
    assert_eq!(dana.relationship, Relationship::SkipLevel);
    assert_eq!(dana.notes, "Chairs the staff-plus calibration.");
    assert_eq!(dana.version, 2);
    assert_eq!(dana.report_id, None);
    let people = store.people().await.unwrap();
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.contains(&id("a006").as_str()));
    assert!(
        !ids.contains(&id("a007").as_str()),
        "a deleted person is listed"
    );

    let mandates = store.mandates(&r_ada()).await.unwrap();
    let done = find(&mandates, |m| m.id.as_str(), id("d001").as_str());
    assert_eq!(done.status, MandateStatus::Completed);
    assert_eq!(
        done.status_reason,
        "Batch failures down to zero for a quarter."
    );
    assert_eq!(done.ended_on, Some(date("2025-06-10")));
    assert_eq!(done.room, Assessment::Partly);
    assert_eq!(done.sponsor, None);
    let active = find(&mandates, |m| m.id.as_str(), id("d002").as_str());
    assert_eq!(active.status, MandateStatus::Active);
    assert_eq!(
        active.sponsor.as_ref().map(|s| s.name.as_str()),
        Some("Dana Cole")
    );
    assert_eq!(active.review_by, Some(date("2026-12-15")));
    let grace_mandates = store.mandates(&r_grace()).await.unwrap();
    let grace_mandate = find(&grace_mandates, |m| m.id.as_str(), id("d003").as_str());
    assert_eq!(grace_mandate.priority, "");
    assert_eq!(grace_mandate.review_by, None);
    assert_eq!(grace_mandate.attention, Assessment::Unknown);

    let evidence = store.evidence(&r_ada()).await.unwrap();
    assert!(
        !evidence.iter().any(|e| e.id.as_str() == id("e003")),
        "deleted evidence is listed"
    );
    let ledger = find(&evidence, |e| &e.id, &EvidenceId::from(id("e001")));
    assert_eq!(ledger.title, "Ledger migration");
    assert_eq!(ledger.kind, EvidenceKind::Project);
    assert_eq!(ledger.role, EvidenceRole::Led);
    assert_eq!(
        (ledger.started_on, ledger.ended_on),
        (date("2025-03-02"), Some(date("2025-06-30")))
    );
    assert_eq!(ledger.in_production_since, Some(date("2025-07-01")));
    assert_eq!(ledger.archetype, Some(Archetype::Architect));
    assert_eq!(ledger.work_mix, WorkMix::HighLeverage);
    assert_eq!(ledger.version, 3);
    let co_owners: Vec<&str> = ledger.co_owners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(co_owners, ["Grace O'Hopper"]);
    let links: Vec<(&str, &str)> = ledger
        .links
        .iter()
        .map(|l| (l.label.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("Design doc", "https://docs.example.com/ledger-design"),
            ("Recon dashboard", "https://dash.example.com/recon")
        ]
    );
    let demo = find(&ledger.visibility, |v| v.id.as_str(), id("f001").as_str());
    assert_eq!(demo.person.name, "Dana Cole");
    assert_eq!(demo.channel, Channel::Demo);
    assert_eq!(demo.seen_on, date("2025-07-10"));
    let doc = find(&ledger.visibility, |v| v.id.as_str(), id("f002").as_str());
    assert_eq!(doc.channel, Channel::Doc);
    assert_eq!(doc.detail, "Commented on the design doc");
    let process = find(&evidence, |e| &e.id, &EvidenceId::from(id("e002")));
    assert_eq!(process.role, EvidenceRole::CoLed);
    assert_eq!(process.ended_on, None);
    assert_eq!(process.archetype, None);
    assert_eq!(process.work_mix, WorkMix::Untagged);
    let grace_evidence = store.evidence(&r_grace()).await.unwrap();
    let cache = find(&grace_evidence, |e| &e.id, &EvidenceId::from(id("e004")));
    assert_eq!(cache.kind, EvidenceKind::CrossFunctionalSupport);
    assert_eq!(cache.co_owners[0].id, PersonId::from(id("a001")));

    let advocates = store.advocates(&r_ada()).await.unwrap();
    let advocate = find(&advocates, |a| a.id.as_str(), id("f101").as_str());
    assert_eq!(advocate.person.id, PersonId::from(id("a004")));
    assert_eq!(advocate.strength, SupportStrength::Strong);
    assert_eq!(advocate.last_checked, Some(date("2025-07-12")));

    let mentorships = store.mentorships(&r_ada()).await.unwrap();
    let mentoring = find(&mentorships, |m| m.id.as_str(), id("f201").as_str());
    assert_eq!(mentoring.mentee.name, "Marcus Lee");
    assert_eq!(mentoring.started_on, date("2025-02-01"));
    let praise = find(&mentoring.feedback, |f| f.id.as_str(), id("f301").as_str());
    assert_eq!(
        (praise.source, praise.sentiment, praise.quotable),
        (FeedbackSource::Mentee, Sentiment::Positive, true)
    );
    let concern = find(&mentoring.feedback, |f| f.id.as_str(), id("f302").as_str());
    assert_eq!(
        (concern.source, concern.sentiment, concern.quotable),
        (FeedbackSource::MenteeManager, Sentiment::Negative, false)
    );
    assert_eq!(concern.addressed_on, Some(date("2025-07-01")));
    assert_eq!(
        concern.addressed_action,
        "Moved the sessions to a fixed slot."
    );
    assert_eq!(concern.updated_at, at("2025-07-01T10:00:00Z"));

    let found = hits(store, "reconciliation").await;
    assert!(found.contains(&(RecordKind::Evidence, id("e001"))));
    assert!(found.contains(&(RecordKind::Mentorship, id("f201"))));
    assert!(hits(store, "Priya")
        .await
        .contains(&(RecordKind::Person, id("a006"))));
}

/// v3: a manager change, a cycle with candidates, packet drafts and reviews, the rules register,
/// acknowledged signals, and thresholds stored before the 1:1 threshold existed.
async fn check_v3(store: &Store) {
    let changes = store.manager_changes(&r_ada()).await.unwrap();
    let change = find(&changes, |c| c.id.as_str(), id("1001").as_str());
    assert_eq!(change.manager, "Sam Ortiz");
    assert_eq!(change.changed_on, date("2026-02-01"));

    let cycle_id = CycleId::from(id("2001"));
    let cycle = store.cycle(&cycle_id).await.unwrap();
    assert_eq!(cycle.name, "H2 2026 calibration");
    assert_eq!(
        (cycle.opens_on, cycle.packet_due, cycle.calibration_date),
        (date("2026-01-01"), date("2026-11-02"), date("2026-12-10"))
    );
    let mut committee: Vec<&str> = cycle
        .committee
        .iter()
        .map(|p| p.person.name.as_str())
        .collect();
    committee.sort_unstable();
    assert_eq!(committee, ["Dana Cole", "Priya Nair"]);
    assert_eq!(cycle.version, 2);

    let candidates = store.candidates(&cycle_id).await.unwrap();
    let ada = find(&candidates, |c| &c.id, &CandidateId::from(id("2101")));
    assert_eq!(ada.report_name, "Ada Lovelace");
    assert_eq!(ada.readiness, Readiness::Ready);
    assert_eq!(ada.target_level.name, "Senior Staff");
    assert_eq!(ada.packet_versions, 2);
    let grace = find(&candidates, |c| &c.id, &CandidateId::from(id("2102")));
    assert_eq!(grace.readiness, Readiness::NotReady);
    assert_eq!(grace.expected_cycle, "H1 2027");
    assert_eq!(
        grace.actions,
        "Present the build cache at the infra review.\nFind a second advocate."
    );

    let packets = store.packet_versions(&ada.id).await.unwrap();
    let first = find(&packets, |p| &p.number, &1);
    assert_eq!(first.note, "First sketch");
    assert_eq!(first.sections.staff_projects[0].complexity, "");
    let second = find(&packets, |p| &p.number, &2);
    assert_eq!(second.saved_on, date("2026-04-02"));
    let project = &second.sections.staff_projects[0];
    assert_eq!(project.title, "Ledger migration");
    assert_eq!(project.complexity, "Twelve services, zero downtime");
    assert_eq!(project.evidence_ids, [EvidenceId::from(id("e001"))]);
    assert_eq!(second.sections.quantified_impact, "40 → 2 breaks a month");
    assert_eq!(
        second.sections.known_gaps[0].plan,
        "Present at the platform review in May."
    );
    assert_eq!(
        second.sections.org_improvements[0].evidence_ids,
        [EvidenceId::from(id("e002"))]
    );
    store.packet_diff(&ada.id, 1, 2).await.unwrap();

    let reviews = store.reviews(&ada.id).await.unwrap();
    let skip = find(&reviews, |r| r.id.as_str(), id("2401").as_str());
    assert_eq!(skip.reviewer.name, "Dana Cole");
    assert_eq!(skip.reviewer_role, ReviewerRole::SkipLevel);
    assert_eq!(skip.version_number, Some(1));
    assert_eq!(skip.received_on, Some(date("2026-03-25")));
    assert_eq!(skip.revealed_rule_id, Some(RuleId::from(id("2301"))));
    let awaited = find(&reviews, |r| r.id.as_str(), id("2402").as_str());
    assert_eq!(awaited.reviewer_role, ReviewerRole::StaffPeer);
    assert_eq!(awaited.received_on, None);

    let rules = store.rules().await.unwrap();
    let year = find(&rules, |r| &r.id, &RuleId::from(id("2301")));
    assert_eq!(year.source, RuleSource::PastCalibration);
    assert_eq!(
        year.check,
        Some(Check::TopEvidenceInProduction { months: 12 })
    );
    assert_eq!(year.levels, [seeded_level(3)]);
    assert_eq!(year.archetypes, [Archetype::Architect]);
    assert_eq!(
        year.said_by.as_ref().map(|p| p.name.as_str()),
        Some("Dana Cole")
    );
    assert!(year.confirmed && !year.retired);
    let heard = find(&rules, |r| &r.id, &RuleId::from(id("2302")));
    assert_eq!(heard.said_by, None);
    assert_eq!(heard.check, None);
    assert!(heard.levels.is_empty() && heard.archetypes.is_empty() && !heard.confirmed);
    let retired = find(&rules, |r| &r.id, &RuleId::from(id("2303")));
    assert!(retired.retired);
    assert_eq!(
        retired.check,
        Some(Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Project],
        })
    );
    assert_eq!(retired.archetypes, [Archetype::TechLead, Archetype::Solver]);
    assert_eq!(retired.version, 3);

    let acks = store.signal_acks(&r_ada()).await.unwrap();
    let ack = find(&acks, |a| a.id.as_str(), id("2501").as_str());
    assert_eq!(ack.rule, SignalRule::EvidenceThin);
    assert_eq!(ack.action, AckAction::Acknowledged);
    assert_eq!(ack.until, None);
    let acks = store.signal_acks(&r_grace()).await.unwrap();
    let snooze = find(&acks, |a| a.id.as_str(), id("2502").as_str());
    assert_eq!(snooze.rule, SignalRule::NoAdvocate);
    assert_eq!(snooze.action, AckAction::Snoozed);
    assert_eq!(snooze.until, Some(date("2026-12-31")));

    // As v3 stored them, every one of them (the review weeks it wrote are kept, although
    // the defaults have changed since).
    assert_eq!(
        store.thresholds().await.unwrap(),
        Thresholds {
            packet_draft_months: 5,
            staff_peer_review_weeks: 10,
            manager_review_weeks: 6,
            skip_level_review_weeks: 4,
            seen_share_percent: 60,
            work_mix_months: 6,
            work_mix_percent: 30,
            evidence_months: 9,
            evidence_min_items: 2,
            unquantified_percent: 50,
        }
    );

    assert!(hits(store, "production year")
        .await
        .contains(&(RecordKind::Rule, id("2301"))));
    assert!(hits(store, "advocate")
        .await
        .contains(&(RecordKind::Candidate, id("2102"))));
}

/// v4: 1:1s with notes, carried agenda items and actions, a note that became evidence, and the
/// question bank with a custom question and a retired built-in one.
async fn check_v4(store: &Store) {
    let ones = store.one_on_ones(&r_ada()).await.unwrap();
    let mut held: Vec<String> = ones.meetings.iter().map(|m| ymd(m.held_on)).collect();
    held.sort_unstable();
    assert_eq!(held, ["2026-11-10", "2026-11-17", "2026-12-01"]);
    assert_eq!(ones.last_meeting, Some(date("2026-11-17")));
    assert_eq!(ones.next_meeting, Some(date("2026-12-01")));

    let first = meeting_on(&ones, "2026-11-10");
    assert_eq!(first.id, MeetingId::from(id("3001")));
    assert_eq!(first.notes.len(), 1);
    assert!(first.notes[0].private);
    assert_eq!(
        first.notes[0].body,
        "Worried the ledger cut-over slips past calibration."
    );
    let outcomes: BTreeMap<&str, AgendaOutcome> = first
        .agenda
        .iter()
        .map(|e| (e.item.text.as_str(), e.outcome))
        .collect();
    assert_eq!(
        outcomes,
        BTreeMap::from([
            (
                "Ask Grace for the staff-peer review",
                AgendaOutcome::CarriedOver
            ),
            ("The platform review talk", AgendaOutcome::CarriedOver),
        ])
    );
    let sent = find(&first.actions, |a| a.id.as_str(), id("3301").as_str());
    assert_eq!(sent.owner, ActionOwner::Report);
    assert_eq!(
        (sent.due_on, sent.done_on),
        (Some(date("2026-11-14")), Some(date("2026-11-13")))
    );

    let second = meeting_on(&ones, "2026-11-17");
    let note = &second.notes[0];
    assert!(!note.private);
    assert_eq!(note.version, 2);
    assert_eq!(
        note.links,
        [DerivedLink {
            kind: RecordKind::Evidence,
            id: id("e005"),
            title: "On-call handbook".to_owned(),
        }]
    );
    let done = find(&second.agenda, |e| e.item.id.as_str(), id("3201").as_str());
    assert_eq!(done.outcome, AgendaOutcome::Done);
    assert_eq!(done.item.closed_on, Some(date("2026-11-17")));
    let open = find(&ones.open_agenda, |i| i.id.as_str(), id("3202").as_str());
    assert!(!open.shared);
    assert_eq!(open.meeting_dates, [date("2026-11-10"), date("2026-11-17")]);
    let open_actions: Vec<&str> = ones.open_actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(open_actions, [id("3302"), id("3303")]);
    assert_eq!(ones.open_actions[1].meeting_id, None);

    let origins = store.one_on_one_origins(&r_ada()).await.unwrap();
    assert!(origins.contains(&OriginLink {
        target_kind: RecordKind::Evidence,
        target_id: id("e005"),
        origin: OneOnOneOrigin {
            source: SourceKind::Note,
            source_id: id("3102"),
            meeting_id: Some(id("3002").into()),
            held_on: Some(date("2026-11-17")),
        },
    }));

    let bank = store.questions(true).await.unwrap();
    let custom = find(&bank, |q| q.id.as_str(), id("4001").as_str());
    assert_eq!(custom.trigger, "general");
    assert!(!custom.retired);
    let retired = find(&bank, |q| q.id.as_str(), "builtin-q03");
    assert!(retired.retired);
    assert_eq!(retired.version, 2);
    let live = store.questions(false).await.unwrap();
    assert!(!live.iter().any(|q| q.id.as_str() == "builtin-q03"));

    assert!(hits(store, "handbook")
        .await
        .contains(&(RecordKind::Evidence, id("e005"))));
}

/// v5: the history's baseline written when the upgraded database was first opened, then a
/// mandate review, a flagship, a late committee member, since when an advocate supports the
/// report, the end of a tenure and the manager using Trellis taking over, and a 1:1 cadence,
/// each recorded in the history on the day it was written.
/// Version 7 remembers the manager's last day with Today: what is new is new since then.
/// Version 8 keeps the manager's reminder settings (a setting, archived) and what was raised
/// on this computer (not archived).
async fn check_v8(store: &Store) {
    assert_eq!(
        store.reminder_settings().await.unwrap(),
        trellis_core::model::ReminderSettings {
            mandate_reviews: false,
            keep_running_in_tray: true,
            ..trellis_core::model::ReminderSettings::default()
        }
    );
    let sent: i64 = sqlx::query_scalar("SELECT count(*) FROM reminders_sent")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(sent >= 1, "what was raised is remembered");
}

async fn check_v7(store: &Store) {
    let today = store.today(store.clock().today()).await.unwrap();
    assert_eq!(today.previous_visit, Some(date("2026-11-22")));
    let active = store
        .reports(trellis_core::model::RosterFilter::Active)
        .await
        .unwrap();
    assert_eq!(
        today.roster.len(),
        active.len(),
        "every active report at a glance"
    );
}

/// Version 6 indexes what was said in 1:1s: the v4 fixture's notes and items (indexed by the
/// migration, private ones marked) and the note written at v6 (indexed by the app).
async fn check_v6(store: &Store) {
    for (query, kind, record, private) in [
        ("cut-over slips", RecordKind::Note, "3101", true),
        ("on-call handbook glue", RecordKind::Note, "3102", false),
        ("platform review talk", RecordKind::AgendaItem, "3202", true),
        ("infra review slot", RecordKind::ActionItem, "3302", false),
        ("RFC review board", RecordKind::Note, "3103", true),
    ] {
        let found = store.search(query, 20).await.unwrap();
        let hit = found
            .hits
            .iter()
            .find(|h| h.kind == kind && h.record_id == id(record).as_str())
            .unwrap_or_else(|| panic!("{query:?} does not find {record}: {found:?}"));
        assert_eq!(hit.private, private, "{query:?}");
        assert_eq!(hit.report_id.as_ref(), Some(&r_ada()), "{query:?}");
    }
    let note = store.search("cut-over slips", 5).await.unwrap().hits;
    assert_eq!(note[0].title, "1:1 note, 10 Nov 2026");
}

async fn check_v5(store: &Store) {
    let changes = store.manager_changes(&r_ada()).await.unwrap();
    let sam = find(&changes, |c| c.id.as_str(), id("1001").as_str());
    assert_eq!((sam.ended_on, sam.is_me), (Some(date("2026-11-18")), false));
    let me = find(&changes, |c| c.id.as_str(), id("1002").as_str());
    assert_eq!(
        (me.changed_on, me.manager.as_str(), me.ended_on, me.is_me),
        (date("2026-11-19"), "me", None, true)
    );
    assert!(hits(store, "Payments moved to my group")
        .await
        .contains(&(RecordKind::ManagerChange, id("1002"))));

    let evidence = store.evidence(&r_ada()).await.unwrap();
    let flagship = find(&evidence, |e| &e.id, &EvidenceId::from(id("e006")));
    assert!(flagship.flagship);
    assert_eq!(flagship.in_production_since, Some(date("2026-11-02")));
    let flagships: Vec<&str> = evidence
        .iter()
        .filter(|e| e.flagship)
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(flagships, ["Ledger cut-over"], "at most one per report");

    let advocates = store.advocates(&r_ada()).await.unwrap();
    let dana = find(&advocates, |a| a.id.as_str(), id("f101").as_str());
    assert_eq!(dana.supporting_since, Some(date("2025-07-10")));

    // The mandate review (no command reads them back yet: the archive does).
    let archive: serde_json::Value =
        serde_json::from_slice(&trellis_core::archive::export(store).await.unwrap()).unwrap();
    let reviews = archive["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "mandate_reviews")
        .unwrap()["rows"]
        .as_array()
        .unwrap();
    let review = reviews
        .iter()
        .find(|r| r["id"] == id("5001"))
        .expect("the mandate review");
    assert_eq!(
        (
            &review["mandate_id"],
            &review["reviewed_on"],
            &review["outcome"],
            &review["next_review_on"]
        ),
        (
            &serde_json::json!(id("d003")),
            &serde_json::json!("2026-11-20"),
            &serde_json::json!("kept"),
            &serde_json::Value::Null
        )
    );
    let grace_mandates = store.mandates(&r_grace()).await.unwrap();
    let kept = find(&grace_mandates, |m| m.id.as_str(), id("d003").as_str());
    assert_eq!((kept.status, kept.version), (MandateStatus::Active, 2));

    let next = store.cycle(&CycleId::from(id("2002"))).await.unwrap();
    let joined: BTreeMap<&str, Option<chrono::NaiveDate>> = next
        .committee
        .iter()
        .map(|m| (m.person.name.as_str(), m.joined_on))
        .collect();
    assert_eq!(
        joined,
        BTreeMap::from([
            ("Dana Cole", None),
            ("Priya Nair", Some(date("2027-01-10")))
        ])
    );
    let h2 = store.cycle(&CycleId::from(id("2001"))).await.unwrap();
    assert!(h2.committee.iter().all(|m| m.joined_on.is_none()));

    let ada = store.report(&r_ada()).await.unwrap();
    assert_eq!(ada.one_on_one_every_days, 7);
    let grace = store.report(&r_grace()).await.unwrap();
    assert_eq!(grace.one_on_one_every_days, 14);

    // The history: the baseline dates each record from when it was created (a soft-deleted
    // one has a second version, from when it was deleted); each write since, its own day.
    let versions = |table: &'static str, key: String| async move {
        sqlx::query_as::<_, (String, String)>(
            "SELECT written_on, op FROM record_history WHERE table_name = ? AND record_key = ?
             ORDER BY seq",
        )
        .bind(table)
        .bind(key)
        .fetch_all(store.pool())
        .await
        .unwrap()
    };
    let pair = |on: &str, op: &str| (on.to_owned(), op.to_owned());
    assert_eq!(
        versions("reports", id("b001")).await[..2],
        [pair("2025-01-10", "insert"), pair("2026-11-21", "update")]
    );
    assert_eq!(
        versions("mandates", id("d003")).await[..2],
        [pair("2025-06-12", "insert"), pair("2026-11-20", "update")]
    );
    assert_eq!(
        versions("mandate_reviews", id("5001")).await,
        [pair("2026-11-20", "insert")]
    );
    assert_eq!(
        versions("people", id("a007")).await,
        [pair("2025-06-02", "insert"), pair("2025-06-02", "update")]
    );

    // Replays see each fact from the day it was written.
    let on = |day: &'static str| async move {
        store
            .report_radar(&r_ada(), date(day))
            .await
            .unwrap()
            .signals
    };
    let messages = |signals: Vec<trellis_core::model::Signal>, rule: SignalRule| -> Vec<String> {
        signals
            .into_iter()
            .filter(|s| s.rule == rule)
            .map(|s| s.message)
            .collect()
    };
    assert_eq!(
        messages(on("2026-11-18").await, SignalRule::ManagerChangedInCycle),
        ["Manager changed inside the cycle (1 Feb 2026): Sam Ortiz."]
    );
    assert_eq!(
        messages(on("2026-11-19").await, SignalRule::ManagerChangedInCycle),
        [
            "Manager changed inside the cycle (1 Feb 2026): Sam Ortiz.",
            "You became their manager inside the cycle (19 Nov 2026)."
        ]
    );
    // A 1:1 every week from 2026-11-21: lapsed once more than 10½ days pass without one.
    assert!(messages(on("2026-11-27").await, SignalRule::OneOnOneLapsed).is_empty());
    assert_eq!(
        messages(on("2026-11-28").await, SignalRule::OneOnOneLapsed),
        ["No 1:1 for more than 10\u{bd} days (the last was on 17 Nov 2026), for a 1:1 every 7 days."]
    );
}

// ---------------------------------------------------------------------------------------------
// An applied migration never changes: migrations/CHECKSUMS.
// ---------------------------------------------------------------------------------------------

fn migrations_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations")
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        write!(s, "{b:02x}").unwrap();
    }
    s
}

/// Everything wrong with `checksums` (the text of migrations/CHECKSUMS) given the migrations
/// `(version, file name, sha-384)`, each as a sentence that says what to do.
fn checksum_problems(checksums: &str, migrations: &[(i64, String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut listed: BTreeMap<&str, &str> = BTreeMap::new();
    for (n, line) in checksums.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((sum, name)) = line.split_once("  ") else {
            problems.push(format!(
                "migrations/CHECKSUMS line {} is not `<sha-384 hex>  <file name>`: {line}",
                n + 1
            ));
            continue;
        };
        if listed.insert(name, sum).is_some() {
            problems.push(format!("migrations/CHECKSUMS lists {name} twice"));
        }
    }
    for (i, (version, _, _)) in migrations.iter().enumerate() {
        let expected = i64::try_from(i).unwrap() + 1;
        if *version != expected {
            problems.push(format!(
                "migration versions must run 1, 2, 3… without gaps: found {version} where \
                 {expected} was expected"
            ));
            break;
        }
    }
    for (_, name, sum) in migrations {
        match listed.get(name.as_str()) {
            None => problems.push(format!(
                "migration {name} is not in migrations/CHECKSUMS. Once it is final (before any \
                 database applies it), add this line:\n{sum}  {name}"
            )),
            Some(recorded) if recorded != sum => problems.push(format!(
                "migration {name} changed after it was applied; put it back as it was and add a \
                 new migration instead (databases that applied it will refuse to open). \
                 CHECKSUMS has {recorded}, the file now hashes to {sum}"
            )),
            Some(_) => {}
        }
    }
    for name in listed.keys() {
        if !migrations.iter().any(|(_, n, _)| n == name) {
            problems.push(format!(
                "migrations/CHECKSUMS lists {name}, which is no longer a migration; an applied \
                 migration must never be removed or renamed (databases that applied it will \
                 refuse to open): restore it"
            ));
        }
    }
    problems
}

/// The embedded migrations with their file names and checksums.
fn embedded_migrations() -> Vec<(i64, String, String)> {
    let mut files: BTreeMap<i64, String> = BTreeMap::new();
    for entry in std::fs::read_dir(migrations_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some((version, _)) = name.split_once('_') else {
            continue;
        };
        if let (Ok(version), true) = (version.parse::<i64>(), name.ends_with(".sql")) {
            assert!(
                files.insert(version, name.clone()).is_none(),
                "two migrations have version {version}"
            );
        }
    }
    let embedded: Vec<i64> = versions();
    assert_eq!(
        files.keys().copied().collect::<Vec<_>>(),
        embedded,
        "the files in migrations/ ({files:?}) differ from the migrations embedded in this \
         build: sqlx::migrate! does not notice a new file on stable Rust, so touch \
         src-tauri/core/src/store/mod.rs (or cargo clean -p trellis-core) and run again"
    );
    MIGRATOR
        .iter()
        .map(|m| (m.version, files[&m.version].clone(), hex(&m.checksum)))
        .collect()
}

#[test]
fn applied_migrations_never_change() {
    let path = migrations_dir().join("CHECKSUMS");
    let checksums = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let migrations = embedded_migrations();
    assert!(!migrations.is_empty());
    let problems = checksum_problems(&checksums, &migrations);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_checksum_check_catches_a_changed_missing_or_removed_migration() {
    let migrations = vec![
        (1, "0001_a.sql".to_owned(), "aa".repeat(48)),
        (2, "0002_b.sql".to_owned(), "bb".repeat(48)),
    ];
    let good = format!(
        "# comment\n{}  0001_a.sql\n{}  0002_b.sql\n",
        "aa".repeat(48),
        "bb".repeat(48)
    );
    assert_eq!(checksum_problems(&good, &migrations), Vec::<String>::new());

    let changed = good.replace(&"bb".repeat(48), &"cc".repeat(48));
    let problems = checksum_problems(&changed, &migrations);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "migration 0002_b.sql changed after it was applied; put it back as it was and add a \
             new migration instead"
        ),
        "{problems:?}"
    );

    let missing = format!("{}  0001_a.sql\n", "aa".repeat(48));
    let problems = checksum_problems(&missing, &migrations);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].ends_with(&format!("add this line:\n{}  0002_b.sql", "bb".repeat(48))));

    let problems = checksum_problems(&good, &migrations[..1]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("migrations/CHECKSUMS lists 0002_b.sql, which is no longer"));

    let gap = vec![
        migrations[0].clone(),
        (3, "0003_c.sql".to_owned(), "dd".repeat(48)),
    ];
    let listed = format!("{good}{}  0003_c.sql\n", "dd".repeat(48));
    let problems = checksum_problems(&listed, &gap);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("found 3 where 2 was expected")),
        "{problems:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// A database whose record of an applied migration differs is refused, untouched.
// ---------------------------------------------------------------------------------------------

/// Builds a database at `built_at`, records a different checksum for `tampered`, and checks that
/// opening it fails with a storage error naming that migration and writes nothing (in
/// particular, applies none of the pending migrations).
async fn refused_untouched(built_at: i64, tampered: i64) {
    let dir = tempfile::tempdir().unwrap();
    build_at(dir.path(), built_at).await;
    let pool = raw_pool(dir.path()).await;
    let changed =
        sqlx::query("UPDATE _sqlx_migrations SET checksum = zeroblob(48) WHERE version = ?")
            .bind(tampered)
            .execute(&pool)
            .await
            .unwrap();
    assert_eq!(changed.rows_affected(), 1);
    pool.close().await;

    let state = |dir: PathBuf| async move {
        let pool = raw_pool(&dir).await;
        let state = (schema(&pool).await, tables(&pool, true).await);
        pool.close().await;
        let bytes = std::fs::read(dir.join(DB_FILE)).unwrap();
        (state, bytes)
    };
    let (before, bytes_before) = state(dir.path().to_owned()).await;

    match Store::open_with_clock(dir.path(), Arc::new(FixedClock(now()))).await {
        Err(Error::Storage { message }) => assert_eq!(
            message,
            format!(
                "The database schema could not be brought up to date: migration {tampered} was \
                 previously applied but has been modified"
            )
        ),
        other => panic!("expected a storage error, got {other:?}"),
    }

    let (after, bytes_after) = state(dir.path().to_owned()).await;
    assert_eq!(after, before, "the refused database was changed");
    assert!(
        bytes_after == bytes_before,
        "the refused database file was rewritten"
    );
}

#[tokio::test]
async fn a_database_whose_applied_migration_was_modified_is_refused_and_left_untouched() {
    // Older than the app, with migrations still to apply: none of them is applied.
    let older = latest().min(2);
    refused_untouched(older, older).await;
    // Current, with its first migration recorded differently.
    refused_untouched(latest(), 1).await;
}
