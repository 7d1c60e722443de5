//! Shared helpers: a real store on a fresh temp dir with a controlled clock, a valid draft
//! built from the store's own ladder, and assertions on the core's error kinds.

use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use tempfile::TempDir;
use trellis_core::clock::{Clock, FixedClock};
use trellis_core::ids::LevelId;
use trellis_core::model::{Archetype, Report, ReportDraft, TeamStrength};
use trellis_core::{Error, FieldIssue, Store};

/// The instant every test store is opened at: 2026-11-24T12:00:00Z.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap()
}

/// "Today" for the fixed clock.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub const TODAY: &str = "2026-11-24";
pub const TOMORROW: &str = "2026-11-25";

/// A store on its own temp dir. The dir lives as long as this value; the store is dropped
/// first (field order), then the dir is removed.
pub struct TestStore {
    pub store: Store,
    pub dir: TempDir,
}

impl Deref for TestStore {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

impl TestStore {
    /// Closes the store and opens the same data directory again with `clock`.
    pub async fn reopen(self, clock: Arc<dyn Clock>) -> TestStore {
        let TestStore { store, dir } = self;
        store.close().await;
        drop(store);
        let store = Store::open_with_clock(dir.path(), clock).await.unwrap();
        TestStore { store, dir }
    }
}

/// A fresh store on a fresh temp dir, with the fixed clock at [`now`].
pub async fn open_store() -> TestStore {
    open_store_with_clock(Arc::new(FixedClock(now()))).await
}

pub async fn open_store_with_clock(clock: Arc<dyn Clock>) -> TestStore {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with_clock(dir.path(), clock).await.unwrap();
    assert!(
        dir.path().join(trellis_core::store::DB_FILE).is_file(),
        "opening the store creates its database file in the data directory"
    );
    TestStore { store, dir }
}

/// Opens a store on an existing directory (used to check what survives a reopen).
pub async fn open_in(dir: &Path) -> Store {
    Store::open_with_clock(dir, Arc::new(FixedClock(now())))
        .await
        .unwrap()
}

/// A clock the test moves by hand, for checks that need "later".
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn starting_now() -> Arc<Self> {
        Arc::new(Self(Mutex::new(now())))
    }

    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        let mut t = self.0.lock().unwrap();
        *t += by;
        *t
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The id of the ladder level called `name` (exact match).
pub async fn level_id(store: &Store, name: &str) -> LevelId {
    store
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("no level named {name}"))
        .id
}

/// The ladder's level names, lowest first.
pub async fn level_names(store: &Store) -> Vec<String> {
    store
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.name)
        .collect()
}

/// A draft that passes every rule: Ada Lovelace, Staff aiming for Senior Staff.
pub async fn valid_draft(store: &Store) -> ReportDraft {
    ReportDraft {
        name: "Ada Lovelace".to_owned(),
        current_level_id: Some(level_id(store, "Staff").await),
        target_level_id: Some(level_id(store, "Senior Staff").await),
        team: "Payments Platform".to_owned(),
        in_role_since: "2024-03-01".to_owned(),
        archetype_worked: Some(Archetype::TechLead),
        archetype_needed: Some(Archetype::Architect),
        team_strength: Some(TeamStrength::Strong),
        notes: "Leads the ledger migration.\nWants Senior Staff next cycle.".to_owned(),
        one_on_one_every_days: None,
    }
}

/// A valid draft with another name.
pub async fn draft_named(store: &Store, name: &str) -> ReportDraft {
    ReportDraft {
        name: name.to_owned(),
        ..valid_draft(store).await
    }
}

/// The draft a form would send to edit `report` unchanged.
pub fn draft_from(report: &Report) -> ReportDraft {
    ReportDraft {
        name: report.name.clone(),
        current_level_id: Some(report.current_level.id.clone()),
        target_level_id: Some(report.target_level.id.clone()),
        team: report.team.clone(),
        in_role_since: report.in_role_since.format("%Y-%m-%d").to_string(),
        archetype_worked: Some(report.archetype_worked),
        archetype_needed: Some(report.archetype_needed),
        team_strength: Some(report.team_strength),
        notes: report.notes.clone(),
        one_on_one_every_days: Some(report.one_on_one_every_days),
    }
}

pub fn issue(field: &str, message: &str) -> FieldIssue {
    FieldIssue {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

/// The summary and field issues of a validation error; panics on any other outcome.
pub fn validation<T: std::fmt::Debug>(
    result: trellis_core::Result<T>,
) -> (String, Vec<FieldIssue>) {
    match result {
        Err(Error::Validation { message, fields }) => (message, fields),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The message of a conflict; panics on any other outcome.
pub fn conflict<T: std::fmt::Debug>(result: trellis_core::Result<T>) -> String {
    match result {
        Err(Error::Conflict { message }) => message,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

/// The message of a not-found error; panics on any other outcome.
pub fn not_found<T: std::fmt::Debug>(result: trellis_core::Result<T>) -> String {
    match result {
        Err(Error::NotFound { message }) => message,
        other => panic!("expected not found, got {other:?}"),
    }
}

/// Rows in `table`, counted with raw SQL (independent of the store's own queries).
pub async fn count_rows(store: &Store, table: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Another connection's open write transaction (`BEGIN IMMEDIATE`) that has already written a
/// row, as a concurrent writer would hold it. Commit it to release the write lock.
pub async fn hold_write_lock(store: &Store) -> sqlx::Transaction<'static, sqlx::Sqlite> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await.unwrap();
    sqlx::query(
        "INSERT INTO people (id, name, created_at, updated_at)
         VALUES ('concurrent-writer', 'Someone else', 'x', 'x')",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx
}

/// Blocks a worker thread (not the runtime) for `ms` milliseconds.
pub async fn pause_ms(ms: u64) {
    tokio::task::spawn_blocking(move || std::thread::sleep(std::time::Duration::from_millis(ms)))
        .await
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// The staff record: builders for valid drafts, drafts from stored records, a fixture with one
// of every record, a whole-database snapshot for "nothing was written", and a check that the
// full-text index holds exactly the live records.
// ---------------------------------------------------------------------------------------------

use std::collections::BTreeMap;

use trellis_core::ids::PersonId;
use trellis_core::model::{
    Advocate, AdvocateDraft, Assessment, Channel, Evidence, EvidenceDraft, EvidenceKind,
    EvidenceRole, Feedback, FeedbackDraft, FeedbackSource, Link, Mandate, MandateClosing,
    MandateDraft, MandateStatus, Mentorship, MentorshipDraft, Person, PersonDraft, RecordKind,
    Relationship, Sentiment, SupportStrength, VisibilityDraft, VisibilityEntry, WorkMix,
};

/// A calendar date from `YYYY-MM-DD`.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `YYYY-MM-DD`, as drafts carry dates.
pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn maybe_ymd(d: Option<NaiveDate>) -> String {
    d.map(ymd).unwrap_or_default()
}

/// A report called `name` (otherwise [`valid_draft`]: Staff, in role since 2024-03-01).
pub async fn add_report(store: &Store, name: &str) -> Report {
    store
        .create_report(&draft_named(store, name).await)
        .await
        .unwrap()
}

pub fn person_draft(name: &str, relationship: Relationship) -> PersonDraft {
    PersonDraft {
        name: name.to_owned(),
        title: String::new(),
        relationship: Some(relationship),
        notes: String::new(),
    }
}

/// A person outside the roster.
pub async fn add_person(store: &Store, name: &str, relationship: Relationship) -> Person {
    store
        .create_person(&person_draft(name, relationship))
        .await
        .unwrap()
}

/// A valid mandate set on 2026-01-15, to be reviewed by 2027-01-15.
pub fn mandate_draft(statement: &str) -> MandateDraft {
    MandateDraft {
        statement: statement.to_owned(),
        priority: "Payments reliability".to_owned(),
        room: Some(Assessment::Yes),
        attention: Some(Assessment::Partly),
        sponsor_id: None,
        set_on: "2026-01-15".to_owned(),
        review_by: "2027-01-15".to_owned(),
    }
}

pub fn closing(status: MandateStatus, reason: &str, ended_on: &str) -> MandateClosing {
    MandateClosing {
        status,
        reason: reason.to_owned(),
        ended_on: ended_on.to_owned(),
    }
}

/// A valid evidence draft: started 2026-03-02, ended 2026-06-30, in production since
/// 2026-07-01, one link, no co-owners.
pub fn evidence_draft(title: &str) -> EvidenceDraft {
    EvidenceDraft {
        title: title.to_owned(),
        description: "Moved every payment write to the shared ledger.".to_owned(),
        started_on: "2026-03-02".to_owned(),
        ended_on: "2026-06-30".to_owned(),
        kind: Some(EvidenceKind::Project),
        role: Some(EvidenceRole::Led),
        co_owner_ids: Vec::new(),
        impact: "Reconciliation breaks down from 40 to 2 a month".to_owned(),
        links: vec![Link {
            url: "https://docs.example.com/design".to_owned(),
            label: "Design doc".to_owned(),
        }],
        in_production_since: "2026-07-01".to_owned(),
        archetype: Some(trellis_core::model::Archetype::Architect),
        work_mix: Some(WorkMix::HighLeverage),
        flagship: false,
    }
}

pub fn visibility_draft(person: &PersonId, seen_on: &str) -> VisibilityDraft {
    VisibilityDraft {
        person_id: Some(person.clone()),
        channel: Some(Channel::Demo),
        detail: "Quarterly platform demo".to_owned(),
        seen_on: seen_on.to_owned(),
    }
}

pub fn advocate_draft(person: &PersonId) -> AdvocateDraft {
    AdvocateDraft {
        person_id: Some(person.clone()),
        what_seen: "The migration demo and its numbers.".to_owned(),
        strength: Some(SupportStrength::Strong),
        last_checked: "2026-10-01".to_owned(),
        notes: "Will speak for it at calibration.".to_owned(),
        supporting_since: String::new(),
    }
}

pub fn mentorship_draft(mentee: &PersonId) -> MentorshipDraft {
    MentorshipDraft {
        mentee_id: Some(mentee.clone()),
        goals: "Own the reconciliation service end to end.".to_owned(),
        started_on: "2025-11-01".to_owned(),
        ended_on: String::new(),
    }
}

pub fn feedback_draft(words: &str) -> FeedbackDraft {
    FeedbackDraft {
        received_on: "2026-05-20".to_owned(),
        source: Some(FeedbackSource::Mentee),
        sentiment: Some(Sentiment::Positive),
        words: words.to_owned(),
        quotable: true,
        addressed_on: String::new(),
        addressed_action: String::new(),
    }
}

// Drafts a form would send to save a stored record unchanged.

pub fn person_draft_of(p: &Person) -> PersonDraft {
    PersonDraft {
        name: p.name.clone(),
        title: p.title.clone(),
        relationship: Some(p.relationship),
        notes: p.notes.clone(),
    }
}

pub fn mandate_draft_of(m: &Mandate) -> MandateDraft {
    MandateDraft {
        statement: m.statement.clone(),
        priority: m.priority.clone(),
        room: Some(m.room),
        attention: Some(m.attention),
        sponsor_id: m.sponsor.as_ref().map(|s| s.id.clone()),
        set_on: ymd(m.set_on),
        review_by: maybe_ymd(m.review_by),
    }
}

pub fn evidence_draft_of(e: &Evidence) -> EvidenceDraft {
    EvidenceDraft {
        title: e.title.clone(),
        description: e.description.clone(),
        started_on: ymd(e.started_on),
        ended_on: maybe_ymd(e.ended_on),
        kind: Some(e.kind),
        role: Some(e.role),
        co_owner_ids: e.co_owners.iter().map(|p| p.id.clone()).collect(),
        impact: e.impact.clone(),
        links: e.links.clone(),
        in_production_since: maybe_ymd(e.in_production_since),
        archetype: e.archetype,
        work_mix: Some(e.work_mix),
        flagship: e.flagship,
    }
}

pub fn visibility_draft_of(v: &VisibilityEntry) -> VisibilityDraft {
    VisibilityDraft {
        person_id: Some(v.person.id.clone()),
        channel: Some(v.channel),
        detail: v.detail.clone(),
        seen_on: ymd(v.seen_on),
    }
}

pub fn advocate_draft_of(a: &Advocate) -> AdvocateDraft {
    AdvocateDraft {
        person_id: Some(a.person.id.clone()),
        what_seen: a.what_seen.clone(),
        strength: Some(a.strength),
        last_checked: maybe_ymd(a.last_checked),
        notes: a.notes.clone(),
        supporting_since: maybe_ymd(a.supporting_since),
    }
}

pub fn mentorship_draft_of(m: &Mentorship) -> MentorshipDraft {
    MentorshipDraft {
        mentee_id: Some(m.mentee.id.clone()),
        goals: m.goals.clone(),
        started_on: ymd(m.started_on),
        ended_on: maybe_ymd(m.ended_on),
    }
}

pub fn feedback_draft_of(f: &Feedback) -> FeedbackDraft {
    FeedbackDraft {
        received_on: ymd(f.received_on),
        source: Some(f.source),
        sentiment: Some(f.sentiment),
        words: f.words.clone(),
        quotable: f.quotable,
        addressed_on: maybe_ymd(f.addressed_on),
        addressed_action: f.addressed_action.clone(),
    }
}

/// One report with one of every record of the staff record, and the people they name.
pub struct World {
    pub report: Report,
    /// Morgan Avery, the skip-level.
    pub skip: Person,
    /// Samira Whitfield, leadership: sponsor and advocate.
    pub vp: Person,
    /// Jamie Chen, in my org: co-owner and mentee.
    pub mentee: Person,
    pub mandate: Mandate,
    /// With Jamie as co-owner and one visibility entry (the skip-level's).
    pub evidence: Evidence,
    pub visibility: VisibilityEntry,
    pub advocate: Advocate,
    /// With one feedback entry.
    pub mentorship: Mentorship,
    pub feedback: Feedback,
}

pub async fn world(store: &Store) -> World {
    let report = add_report(store, "Ada Lovelace").await;
    let skip = add_person(store, "Morgan Avery", Relationship::SkipLevel).await;
    let vp = add_person(store, "Samira Whitfield", Relationship::Leadership).await;
    let mentee = add_person(store, "Jamie Chen", Relationship::MyOrg).await;
    let mandate = store
        .set_mandate(
            &report.id,
            &MandateDraft {
                sponsor_id: Some(vp.id.clone()),
                ..mandate_draft("Make ledger consistency a platform property.")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0);
    let evidence = store
        .create_evidence(
            &report.id,
            &EvidenceDraft {
                co_owner_ids: vec![mentee.id.clone()],
                ..evidence_draft("Ledger consistency migration")
            },
        )
        .await
        .unwrap();
    let evidence = store
        .add_visibility(&evidence.id, &visibility_draft(&skip.id, "2026-07-15"))
        .await
        .unwrap();
    let visibility = evidence.visibility[0].clone();
    let advocate = store
        .create_advocate(&report.id, &advocate_draft(&vp.id))
        .await
        .unwrap();
    let mentorship = store
        .create_mentorship(&report.id, &mentorship_draft(&mentee.id))
        .await
        .unwrap();
    let mentorship = store
        .add_feedback(&mentorship.id, &feedback_draft("Makes time every week."))
        .await
        .unwrap();
    let feedback = mentorship.feedback[0].clone();
    World {
        report,
        skip,
        vp,
        mentee,
        mandate,
        evidence,
        visibility,
        advocate,
        mentorship,
        feedback,
    }
}

/// Every row of every table, rendered as text and sorted, table by table.
pub type Snapshot = BTreeMap<&'static str, Vec<String>>;

const TABLES: [&str; 14] = [
    "people",
    "reports",
    "ladder_levels",
    "ladder_changes",
    "mandates",
    "evidence",
    "evidence_co_owners",
    "evidence_links",
    "visibility",
    "advocates",
    "mentorships",
    "mentorship_feedback",
    "search_docs",
    "search_index",
];

/// The whole database: two snapshots are equal exactly when nothing was written in between.
pub async fn snapshot(store: &Store) -> Snapshot {
    let mut snap = BTreeMap::new();
    for table in TABLES {
        let mut columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(store.pool())
                .await
                .unwrap();
        assert!(!columns.is_empty(), "no columns for {table}");
        if table == "search_index" {
            columns.insert(0, "rowid".to_owned());
        }
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let mut rows: Vec<String> = sqlx::query_scalar(&format!("SELECT {row} FROM {table}"))
            .fetch_all(store.pool())
            .await
            .unwrap();
        rows.sort();
        snap.insert(table, rows);
    }
    snap
}

/// Fails, naming the tables that differ, if anything was written since `before`.
pub async fn assert_unchanged(store: &Store, before: &Snapshot) {
    let after = snapshot(store).await;
    for (table, rows) in before {
        assert_eq!(
            after.get(table),
            Some(rows),
            "table {table} changed although the write was refused"
        );
    }
}

/// Expects a validation error with exactly `expected` field issues (in order), then checks that
/// nothing was written since `before`. Returns the summary message.
pub async fn invalid<T: std::fmt::Debug>(
    store: &Store,
    before: &Snapshot,
    result: trellis_core::Result<T>,
    expected: &[(&str, &str)],
) -> String {
    let (message, fields) = validation(result);
    let expected: Vec<FieldIssue> = expected.iter().map(|(f, m)| issue(f, m)).collect();
    assert_eq!(fields, expected);
    assert_unchanged(store, before).await;
    message
}

/// Expects a conflict with exactly `message`, then checks that nothing was written.
pub async fn refused<T: std::fmt::Debug>(
    store: &Store,
    before: &Snapshot,
    result: trellis_core::Result<T>,
    message: &str,
) {
    assert_eq!(conflict(result), message);
    assert_unchanged(store, before).await;
}

/// The conflict every update based on an old version gets.
pub fn stale_message(noun: &str, name: &str) -> String {
    format!(
        "This {noun} ({name}) was changed elsewhere since this form was opened; reload to see \
         the latest version, then edit again."
    )
}

/// The conflict every write to an archived report's record gets.
pub fn archived_message(name: &str) -> String {
    format!("{name} is archived; restore the report before changing their record.")
}

/// What the index should hold: exactly the live records, each with its kind, report, parent and
/// title (computed here from the tables, independently of the store's own indexing code).
const EXPECTED_DOCS: &str = "
    SELECT r.id, 'report', r.id, NULL, p.name
      FROM reports r JOIN people p ON p.id = r.person_id
    UNION ALL SELECT p.id, 'person', NULL, NULL, p.name FROM people p
      WHERE p.deleted_at IS NULL AND p.id NOT IN (SELECT person_id FROM reports)
    UNION ALL SELECT id, 'mandate', report_id, NULL, statement FROM mandates
      WHERE deleted_at IS NULL
    UNION ALL SELECT id, 'evidence', report_id, NULL, title FROM evidence
      WHERE deleted_at IS NULL
    UNION ALL SELECT v.id, 'visibility', e.report_id, e.id, 'Seen by ' || p.name || ': ' || e.title
      FROM visibility v JOIN evidence e ON e.id = v.evidence_id JOIN people p ON p.id = v.person_id
      WHERE v.deleted_at IS NULL AND e.deleted_at IS NULL
    UNION ALL SELECT a.id, 'advocate', a.report_id, NULL, p.name
      FROM advocates a JOIN people p ON p.id = a.person_id WHERE a.deleted_at IS NULL
    UNION ALL SELECT m.id, 'mentorship', m.report_id, NULL, 'Mentoring ' || p.name
      FROM mentorships m JOIN people p ON p.id = m.mentee_id WHERE m.deleted_at IS NULL
    UNION ALL SELECT f.id, 'feedback', m.report_id, m.id, 'Feedback from ' || p.name
      FROM mentorship_feedback f JOIN mentorships m ON m.id = f.mentorship_id
      JOIN people p ON p.id = m.mentee_id
      WHERE f.deleted_at IS NULL AND m.deleted_at IS NULL
    UNION ALL SELECT id, 'cycle', NULL, NULL, name FROM cycles WHERE deleted_at IS NULL
    UNION ALL SELECT id, 'rule', NULL, NULL, wording FROM rules_of_thumb WHERE deleted_at IS NULL
    UNION ALL SELECT id, 'manager_change', report_id, NULL, 'Manager: ' || manager
      FROM manager_changes WHERE deleted_at IS NULL
    UNION ALL SELECT c.id, 'candidate', c.report_id, c.cycle_id, 'Candidate in ' || y.name
      FROM candidates c JOIN cycles y ON y.id = c.cycle_id
      WHERE c.deleted_at IS NULL AND y.deleted_at IS NULL
    UNION ALL SELECT r.id, 'review', c.report_id, c.id, 'Packet review by ' || p.name
      FROM packet_reviews r JOIN candidates c ON c.id = r.candidate_id
      JOIN cycles y ON y.id = c.cycle_id JOIN people p ON p.id = r.reviewer_id
      WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND y.deleted_at IS NULL
    UNION ALL SELECT record_id, kind, report_id, parent_id, title FROM search_sources";

type DocRow = (String, String, Option<String>, Option<String>, String);

/// The search index holds one entry per live record, with the right kind, report, parent and
/// title, and nothing else.
pub async fn assert_index_in_sync(store: &Store) {
    let mut expected: Vec<DocRow> = sqlx::query_as(EXPECTED_DOCS)
        .fetch_all(store.pool())
        .await
        .unwrap();
    expected.sort();
    let mut actual: Vec<DocRow> = sqlx::query_as(
        "SELECT d.record_id, d.kind, d.report_id, d.parent_id, s.title
         FROM search_docs d JOIN search_index s ON s.rowid = d.doc_id",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    actual.sort();
    assert_eq!(actual, expected, "the search index is out of sync");
    assert_eq!(
        count_rows(store, "search_index").await,
        count_rows(store, "search_docs").await,
        "index rows without a doc (or docs without an index row)"
    );
}

/// The (kind, record id) of every hit for `query`, best first.
pub async fn hits(store: &Store, query: &str) -> Vec<(RecordKind, String)> {
    store
        .search(query, 100)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.kind, h.record_id))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1:1s: drafts, recording a meeting, and finding one again in a report's 1:1s.
// ---------------------------------------------------------------------------------------------

use trellis_core::model::{
    ActionItemDraft, ActionOwner, AgendaItemDraft, Meeting, MeetingDraft, NoteDraft, OneOnOnes,
};

pub fn meeting_draft(held_on: &str) -> MeetingDraft {
    MeetingDraft {
        held_on: held_on.to_owned(),
    }
}

pub fn note_draft(body: &str, private: bool) -> NoteDraft {
    NoteDraft {
        body: body.to_owned(),
        private,
    }
}

/// A shared agenda item.
pub fn agenda_draft(text: &str) -> AgendaItemDraft {
    AgendaItemDraft {
        text: text.to_owned(),
        shared: true,
    }
}

/// An open action item the report owns, due on `due_on` ("" for no due date).
pub fn action_draft(text: &str, due_on: &str) -> ActionItemDraft {
    ActionItemDraft {
        text: text.to_owned(),
        owner: Some(ActionOwner::Report),
        due_on: due_on.to_owned(),
        done_on: String::new(),
    }
}

/// The 1:1 on `day` among `ones`; panics (listing the dates there are) if there is none.
pub fn meeting_on<'a>(ones: &'a OneOnOnes, day: &str) -> &'a Meeting {
    ones.meetings
        .iter()
        .find(|m| m.held_on == date(day))
        .unwrap_or_else(|| {
            let dates: Vec<NaiveDate> = ones.meetings.iter().map(|m| m.held_on).collect();
            panic!("no 1:1 on {day}; there are {dates:?}")
        })
}

/// Records a 1:1 with `report` on `day` and returns it.
pub async fn hold_meeting(
    store: &Store,
    report: &trellis_core::ids::ReportId,
    day: &str,
) -> Meeting {
    let ones = store
        .create_meeting(report, &meeting_draft(day))
        .await
        .unwrap();
    meeting_on(&ones, day).clone()
}
