//! Helpers for issue 4's tests (cycles, candidates, packets, reviews, rules of thumb, manager
//! history, the surprise radar): a clock the test sets to any day, a snapshot of every table
//! (the new ones included), valid drafts, and a "clean candidate" whose record satisfies
//! every rule of the radar on every day of the cycle.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use trellis_core::clock::Clock;
use trellis_core::ids::{EvidenceId, PersonId, ReportId};
use trellis_core::model::{
    AdvocateDraft, Archetype, Candidate, CandidateDraft, Check, Cycle, CycleDraft, EvidenceDraft,
    EvidenceKind, EvidenceRole, FeedbackDraft, KnownGap, ManagerChangeDraft, MandateDraft,
    PacketItem, PacketSections, Person, Relationship, Report, ReportDraft, ReviewDraft,
    ReviewerRole, RuleDraft, RuleSource, Sentiment, Signal, SignalRule, StaffProject, TeamStrength,
    VisibilityDraft, WorkMix,
};
use trellis_core::Store;

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// A clock set by hand to any day (noon UTC), forwards or backwards.
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
pub struct DayClock(Mutex<DateTime<Utc>>);

impl DayClock {
    pub fn on(day: &str) -> Arc<Self> {
        Arc::new(Self(Mutex::new(noon(date(day)))))
    }

    /// Moves the clock to `day` at noon UTC.
    pub fn set(&self, day: &str) {
        *self.0.lock().unwrap() = noon(date(day));
    }
}

pub fn noon(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
}

impl Clock for DayClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// A fresh store whose clock starts on `day`.
pub async fn store_on(day: &str) -> (TestStore, Arc<DayClock>) {
    let clock = DayClock::on(day);
    let ts = open_store_with_clock(clock.clone()).await;
    (ts, clock)
}

// ---------------------------------------------------------------------------------------------
// Every table, for "nothing was written".
// ---------------------------------------------------------------------------------------------

/// Every row of every table (issue 4's included), rendered as text and sorted.
pub async fn snapshot_all(store: &Store) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'
           AND name NOT LIKE 'search_index_%' ORDER BY name",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    for t in [
        "cycles",
        "cycle_committee",
        "candidates",
        "packet_versions",
        "packet_reviews",
        "rules_of_thumb",
        "rule_checks",
        "manager_changes",
        "signal_acks",
        "settings",
        "search_index",
    ] {
        assert!(tables.iter().any(|x| x == t), "no table {t}");
    }
    let mut snap = BTreeMap::new();
    for table in tables {
        let mut columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(&table)
                .fetch_all(store.pool())
                .await
                .unwrap();
        if table == "search_index" {
            columns.insert(0, "rowid".to_owned());
        }
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let mut rows: Vec<String> = sqlx::query_scalar(&format!("SELECT {row} FROM \"{table}\""))
            .fetch_all(store.pool())
            .await
            .unwrap();
        rows.sort();
        snap.insert(table, rows);
    }
    snap
}

pub type AllSnapshot = BTreeMap<String, Vec<String>>;

pub async fn assert_nothing_written(store: &Store, before: &AllSnapshot) {
    let after = snapshot_all(store).await;
    for (table, rows) in before {
        assert_eq!(
            after.get(table),
            Some(rows),
            "table {table} changed although the write was refused"
        );
    }
}

/// Expects a validation error with exactly these field issues, and no write.
pub async fn rejected<T: std::fmt::Debug>(
    store: &Store,
    before: &AllSnapshot,
    result: trellis_core::Result<T>,
    expected: &[(&str, &str)],
) -> String {
    let (message, fields) = validation(result);
    let fields: Vec<(String, String)> = fields.into_iter().map(|f| (f.field, f.message)).collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, m)| ((*f).to_owned(), (*m).to_owned()))
        .collect();
    assert_eq!(fields, expected);
    assert_nothing_written(store, before).await;
    message
}

// ---------------------------------------------------------------------------------------------
// Drafts.
// ---------------------------------------------------------------------------------------------

pub const OPENS: &str = "2026-01-01";
pub const DUE: &str = "2026-09-15";
pub const CALIBRATION: &str = "2026-10-15";

pub fn cycle_draft(name: &str, committee: &[&PersonId]) -> CycleDraft {
    CycleDraft {
        name: name.to_owned(),
        opens_on: OPENS.to_owned(),
        packet_due: DUE.to_owned(),
        calibration_date: CALIBRATION.to_owned(),
        committee_ids: committee.iter().map(|p| (*p).clone()).collect(),
        joined: Vec::new(),
    }
}

pub fn candidate_draft(report: &ReportId, added_on: &str) -> CandidateDraft {
    CandidateDraft {
        report_id: Some(report.clone()),
        target_level_id: None,
        added_on: added_on.to_owned(),
    }
}

/// A packet with one of every section.
pub fn sections(evidence: &[&EvidenceId]) -> PacketSections {
    PacketSections {
        staff_projects: vec![StaffProject {
            title: "Ledger consistency".to_owned(),
            goal: "Make ledger consistency a platform property.".to_owned(),
            complexity: "Four teams, two data centres.".to_owned(),
            impact: "Reconciliation breaks down from 40 to 2 a month.".to_owned(),
            design_docs: "https://docs.example.com/ledger".to_owned(),
            evidence_ids: evidence.iter().map(|e| (*e).clone()).collect(),
        }],
        org_improvements: vec![PacketItem {
            title: "Incident reviews".to_owned(),
            body: "Blameless reviews for every sev-1.".to_owned(),
            evidence_ids: Vec::new(),
        }],
        quantified_impact: "p99 latency −40%\n$1.2M a year saved".to_owned(),
        mentorship: "Jamie now owns reconciliation.".to_owned(),
        glue_work: vec![PacketItem {
            title: "On-call handbook".to_owned(),
            body: "Rewrote it with the SREs.".to_owned(),
            evidence_ids: Vec::new(),
        }],
        advocates: "Samira Whitfield (VP)".to_owned(),
        known_gaps: vec![KnownGap {
            gap: "Cross-org influence".to_owned(),
            plan: "Lead the storage RFC in Q3.".to_owned(),
        }],
    }
}

pub fn review_draft(
    reviewer: &PersonId,
    role: ReviewerRole,
    requested_on: &str,
    received_on: &str,
) -> ReviewDraft {
    ReviewDraft {
        reviewer_id: Some(reviewer.clone()),
        reviewer_role: Some(role),
        version_number: None,
        requested_on: requested_on.to_owned(),
        received_on: received_on.to_owned(),
        comments: "Where is the staff project's impact in numbers?".to_owned(),
        revealed_rule_id: None,
    }
}

pub fn rule_draft(wording: &str, said_on: &str, check: Option<Check>) -> RuleDraft {
    RuleDraft {
        wording: wording.to_owned(),
        said_by_id: None,
        said_on: said_on.to_owned(),
        source: Some(RuleSource::PastCalibration),
        source_detail: "H1 calibration".to_owned(),
        confirmed: true,
        levels: Vec::new(),
        archetypes: Vec::new(),
        retired: false,
        check,
    }
}

pub fn manager_change_draft(changed_on: &str, manager: &str) -> ManagerChangeDraft {
    ManagerChangeDraft {
        changed_on: changed_on.to_owned(),
        manager: manager.to_owned(),
        note: "Re-org of the platform group.".to_owned(),
        ended_on: String::new(),
        is_me: false,
    }
}

/// A led, quantified, high-leverage project started on `started_on`, not in production.
/// Work led with a number that finished (and went into production) on `day`: something a
/// packet can lean on, and so among the strongest work the visibility rules judge.
pub fn shipped(title: &str, day: &str) -> EvidenceDraft {
    EvidenceDraft {
        ended_on: day.to_owned(),
        in_production_since: day.to_owned(),
        ..work(title, day)
    }
}

pub fn work(title: &str, started_on: &str) -> EvidenceDraft {
    EvidenceDraft {
        started_on: started_on.to_owned(),
        ended_on: String::new(),
        in_production_since: String::new(),
        ..evidence_draft(title)
    }
}

pub fn seen(person: &PersonId, seen_on: &str) -> VisibilityDraft {
    visibility_draft(person, seen_on)
}

pub fn feedback(received_on: &str, sentiment: Sentiment) -> FeedbackDraft {
    FeedbackDraft {
        received_on: received_on.to_owned(),
        sentiment: Some(sentiment),
        ..feedback_draft("What they said about being mentored.")
    }
}

// ---------------------------------------------------------------------------------------------
// Signals.
// ---------------------------------------------------------------------------------------------

/// The rule ids of `signals`, in order.
pub fn ids_of(signals: &[Signal]) -> Vec<&'static str> {
    signals.iter().map(|s| s.rule.id()).collect()
}

/// (rule id, since) of every signal, in order.
pub fn rules_since(signals: &[Signal]) -> Vec<(&'static str, NaiveDate)> {
    signals.iter().map(|s| (s.rule.id(), s.since)).collect()
}

/// The signals of one rule.
pub fn of_rule(signals: &[Signal], rule: SignalRule) -> Vec<&Signal> {
    signals.iter().filter(|s| s.rule == rule).collect()
}

/// The single signal of `rule`; panics (listing all signals) if there is not exactly one.
pub fn one(signals: &[Signal], rule: SignalRule) -> Signal {
    let found = of_rule(signals, rule);
    assert_eq!(
        found.len(),
        1,
        "expected one {} signal, got {:?}",
        rule.id(),
        rules_since(signals)
    );
    found[0].clone()
}

/// Replaces every UUID in `text` by its order of first appearance in `seen` ("#0", "#1"…).
pub fn normalise_ids(text: &str, seen: &mut Vec<String>) -> String {
    let bytes = text.as_bytes();
    let is_uuid = |s: &[u8]| {
        s.len() == 36
            && s.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
    };
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if i + 36 <= bytes.len() && is_uuid(&bytes[i..i + 36]) {
            let id = &text[i..i + 36];
            let n = match seen.iter().position(|s| s == id) {
                Some(n) => n,
                None => {
                    seen.push(id.to_owned());
                    seen.len() - 1
                }
            };
            out.push_str(&format!("#{n}"));
            i += 36;
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The signals as text with generated ids replaced, to compare two stores built the same way.
pub fn without_ids(signals: &[Signal]) -> Vec<String> {
    let mut seen = Vec::new();
    signals
        .iter()
        .map(|s| normalise_ids(&format!("{s:?}"), &mut seen))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The cast, and a clean candidate.
// ---------------------------------------------------------------------------------------------

/// The people every radar scenario uses.
pub struct Cast {
    /// Committee member, skip-level.
    pub morgan: Person,
    /// Committee member, leadership: the advocate.
    pub samira: Person,
    /// A staff-level peer who reviews packets.
    pub lee: Person,
    /// The manager, as a reviewer.
    pub dana: Person,
    /// A leader who is not on the committee.
    pub omar: Person,
    /// A mentee.
    pub jamie: Person,
}

pub async fn cast(store: &Store) -> Cast {
    Cast {
        morgan: add_person(store, "Morgan Avery", Relationship::SkipLevel).await,
        samira: add_person(store, "Samira Whitfield", Relationship::Leadership).await,
        lee: add_person(store, "Lee Park", Relationship::Peer).await,
        dana: add_person(store, "Dana Cole", Relationship::Other).await,
        omar: add_person(store, "Omar Haddad", Relationship::Leadership).await,
        jamie: add_person(store, "Jamie Chen", Relationship::MyOrg).await,
    }
}

/// A report aiming for Senior Staff, working as the Architect the organisation needs.
pub async fn report_draft(store: &Store, name: &str) -> ReportDraft {
    ReportDraft {
        name: name.to_owned(),
        current_level_id: Some(level_id(store, "Staff").await),
        target_level_id: Some(level_id(store, "Senior Staff").await),
        team: "Payments Platform".to_owned(),
        in_role_since: "2024-03-01".to_owned(),
        archetype_worked: Some(Archetype::Architect),
        archetype_needed: Some(Archetype::Architect),
        team_strength: Some(TeamStrength::Strong),
        notes: String::new(),
        one_on_one_every_days: None,
    }
}

/// The first Monday of each month from September 2025 to October 2026.
pub const MONTHLY: [&str; 14] = [
    "2025-09-01",
    "2025-10-06",
    "2025-11-03",
    "2025-12-01",
    "2026-01-05",
    "2026-02-02",
    "2026-03-02",
    "2026-04-06",
    "2026-05-04",
    "2026-06-01",
    "2026-07-06",
    "2026-08-03",
    "2026-09-07",
    "2026-10-05",
];

/// The day clean reports are created (and their advocate recorded, and added as candidates).
pub const CREATED: &str = "2026-01-05";
/// The day the clean candidate's first packet draft is saved.
pub const DRAFTED: &str = "2026-05-04";
/// The end of every scenario: the clock's day once a scene is built.
pub const END: &str = "2026-11-24";
/// The day the clean candidate's three reviews are requested.
pub const REVIEWS_REQUESTED: &str = "2026-07-20";
/// The day the clean candidate's three reviews come in (and are entered): the day before the
/// first of them is due (a staff peer's, 6 weeks before packets are due on [`DUE`]).
pub const REVIEWED: &str = "2026-08-03";

/// What a clean candidate is made of.
pub struct Clean {
    pub report: Report,
    pub candidate: Candidate,
    /// The long-running project in production since 2025-09-01 (before the cycle).
    pub flagship: EvidenceId,
    /// The monthly items, in [`MONTHLY`] order.
    pub monthly: Vec<EvidenceId>,
    pub mandate: trellis_core::ids::MandateId,
    pub mentorship: trellis_core::ids::MentorshipId,
    pub advocate: trellis_core::ids::AdvocateId,
}

/// A report whose record satisfies every rule of the radar (default thresholds) on every day
/// from [`CREATED`] to the calibration and after: a mandate with a priority and a review date
/// ahead, monthly led and quantified high-leverage work each seen by a committee member the
/// day it started, a strong advocate, positive mentee feedback, a draft saved on `drafted`
/// (normally [`DRAFTED`]; without one the packet rule fires from 2026-06-15),
/// reviews by a staff peer, the manager and the skip-level received on [`REVIEWED`], the
/// archetype the organisation needs. Every record is entered the day it happened, as a
/// manager using Trellis would (what predates [`CREATED`] is entered on that day). Leaves the
/// clock on [`END`].
pub async fn clean_candidate(
    store: &Store,
    clock: &DayClock,
    cast: &Cast,
    cycle: &Cycle,
    name: &str,
    drafted: Option<&str>,
) -> Clean {
    clock.set(CREATED);
    let report = store
        .create_report(&report_draft(store, name).await)
        .await
        .unwrap();
    let advocate = store
        .create_advocate(
            &report.id,
            &AdvocateDraft {
                last_checked: CREATED.to_owned(),
                ..advocate_draft(&cast.samira.id)
            },
        )
        .await
        .unwrap()
        .id;
    let candidate = store
        .add_candidate(&cycle.id, &candidate_draft(&report.id, CREATED))
        .await
        .unwrap();
    let mandate = store
        .set_mandate(
            &report.id,
            &MandateDraft {
                set_on: "2025-10-01".to_owned(),
                review_by: "2027-01-31".to_owned(),
                sponsor_id: Some(cast.samira.id.clone()),
                ..mandate_draft(&format!(
                    "{name}: make ledger consistency a platform property."
                ))
            },
            None,
        )
        .await
        .unwrap()
        .remove(0)
        .id;
    let flagship = store
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                started_on: "2025-06-02".to_owned(),
                ended_on: "2025-08-29".to_owned(),
                in_production_since: "2025-09-01".to_owned(),
                ..work(
                    &format!("{name}: ledger consistency migration"),
                    "2025-06-02",
                )
            },
        )
        .await
        .unwrap()
        .id;
    store
        .add_visibility(&flagship, &seen(&cast.morgan.id, "2025-09-15"))
        .await
        .unwrap();
    let mentorship = store
        .create_mentorship(&report.id, &mentorship_draft(&cast.jamie.id))
        .await
        .unwrap()
        .id;
    store
        .add_feedback(&mentorship, &feedback("2025-12-01", Sentiment::Positive))
        .await
        .unwrap();
    let mut monthly = Vec::new();
    for (i, day) in MONTHLY.iter().enumerate() {
        clock.set(if *day < CREATED { CREATED } else { day });
        let e = store
            .create_evidence(
                &report.id,
                &EvidenceDraft {
                    kind: Some(if i % 2 == 0 {
                        EvidenceKind::Project
                    } else {
                        EvidenceKind::OrgImprovement
                    }),
                    // Each month's work is done (and written up) by the day it is entered.
                    ended_on: (*day).to_owned(),
                    ..work(&format!("{name}: platform work {day}"), day)
                },
            )
            .await
            .unwrap();
        let watcher = if i % 2 == 0 {
            &cast.morgan.id
        } else {
            &cast.samira.id
        };
        store
            .add_visibility(&e.id, &seen(watcher, day))
            .await
            .unwrap();
        monthly.push(e.id);
        if drafted == Some(*day) {
            store
                .save_packet(&candidate.id, &sections(&[&flagship]), "First draft")
                .await
                .unwrap();
        }
        if *day == "2026-06-01" {
            store
                .add_feedback(&mentorship, &feedback(day, Sentiment::Positive))
                .await
                .unwrap();
        }
    }
    if let Some(day) = drafted.filter(|d| !MONTHLY.contains(d)) {
        clock.set(day);
        store
            .save_packet(&candidate.id, &sections(&[&flagship]), "First draft")
            .await
            .unwrap();
    }
    clock.set(REVIEWED);
    for (who, role) in [
        (&cast.lee.id, ReviewerRole::StaffPeer),
        (&cast.dana.id, ReviewerRole::Manager),
        (&cast.morgan.id, ReviewerRole::SkipLevel),
    ] {
        store
            .add_review(
                &candidate.id,
                &ReviewDraft {
                    version_number: drafted.map(|_| 1),
                    ..review_draft(who, role, REVIEWS_REQUESTED, REVIEWED)
                },
            )
            .await
            .unwrap();
    }
    clock.set(END);
    let candidate = store.candidate(&candidate.id).await.unwrap();
    Clean {
        report,
        candidate,
        flagship,
        monthly,
        mandate,
        mentorship,
        advocate,
    }
}

/// A store on [`END`] with the cast, the cycle (committee: Morgan and Samira) and one clean
/// candidate, Ada.
pub struct Scene {
    pub ts: TestStore,
    pub clock: Arc<DayClock>,
    pub cast: Cast,
    pub cycle: Cycle,
    pub ada: Clean,
}

pub async fn scene() -> Scene {
    scene_drafted(Some(DRAFTED)).await
}

/// [`scene`], with Ada's first draft saved on `drafted` (or never).
pub async fn scene_drafted(drafted: Option<&str>) -> Scene {
    let (ts, clock) = store_on(CREATED).await;
    let cast = cast(&ts).await;
    let cycle = ts
        .create_cycle(&cycle_draft(
            "H2 2026 calibration",
            &[&cast.morgan.id, &cast.samira.id],
        ))
        .await
        .unwrap();
    let ada = clean_candidate(&ts, &clock, &cast, &cycle, "Ada Lovelace", drafted).await;
    Scene {
        ts,
        clock,
        cast,
        cycle,
        ada,
    }
}

impl Scene {
    pub async fn signals(&self, as_of: &str) -> Vec<Signal> {
        self.ts
            .report_radar(&self.ada.report.id, date(as_of))
            .await
            .unwrap()
            .signals
    }

    /// Any report's signals.
    pub async fn signals_of(&self, report: &ReportId, as_of: &str) -> Vec<Signal> {
        self.ts
            .report_radar(report, date(as_of))
            .await
            .unwrap()
            .signals
    }

    /// A report outside the cycle, created on `created` (a Staff Architect aiming for Senior
    /// Staff, with nothing else recorded). Leaves the clock on [`END`].
    pub async fn plain_report(&self, name: &str, created: &str) -> Report {
        self.clock.set(created);
        let report = self
            .ts
            .create_report(&report_draft(&self.ts, name).await)
            .await
            .unwrap();
        self.clock.set(END);
        report
    }

    /// Moves the clock to `day` until the returned guard is dropped (then back to [`END`]).
    pub fn on(&self, day: &str) -> ClockGuard<'_> {
        self.clock.set(day);
        ClockGuard(&self.clock)
    }

    /// Adds evidence to Ada's record, entered on the day the work started (work that started
    /// before [`CREATED`], on that day); the clock then goes back to where it was.
    pub async fn evidence(&self, draft: EvidenceDraft) -> EvidenceId {
        let _on = self.at(entry_day(&draft.started_on));
        self.ts
            .create_evidence(&self.ada.report.id, &draft)
            .await
            .unwrap()
            .id
    }

    /// Records that `person` saw `evidence` on `day`, entered that day (before [`CREATED`]: on
    /// that day); the clock then goes back to where it was.
    pub async fn see(&self, evidence: &EvidenceId, person: &PersonId, day: &str) {
        let _on = self.at(entry_day(day));
        self.ts
            .add_visibility(evidence, &seen(person, day))
            .await
            .unwrap();
    }

    /// Moves the clock to `day` until the returned guard is dropped, then back to where it was
    /// (unlike [`Scene::on`], which always goes back to [`END`]).
    pub fn at(&self, day: &str) -> Restore<'_> {
        let was = self.clock.now();
        self.clock.set(day);
        Restore(&self.clock, was)
    }
}

/// The day a manager using Trellis every day enters a fact dated `day`: that day, or
/// [`CREATED`] for what predates the scenes' records.
pub fn entry_day(day: &str) -> &str {
    if day < CREATED {
        CREATED
    } else {
        day
    }
}

/// Puts the clock back where it was when dropped.
pub struct Restore<'a>(&'a DayClock, DateTime<Utc>);

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        *self.0 .0.lock().unwrap() = self.1;
    }
}

/// Puts the clock back on [`END`] when dropped.
pub struct ClockGuard<'a>(&'a DayClock);

impl Drop for ClockGuard<'_> {
    fn drop(&mut self) {
        self.0.set(END);
    }
}

/// Evidence with the given role, impact and work mix.
pub fn evidence_with(
    title: &str,
    started_on: &str,
    role: EvidenceRole,
    impact: &str,
    mix: WorkMix,
) -> EvidenceDraft {
    EvidenceDraft {
        role: Some(role),
        impact: impact.to_owned(),
        work_mix: Some(mix),
        ..work(title, started_on)
    }
}
