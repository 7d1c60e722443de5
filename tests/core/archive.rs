//! The archive (docs/archive-json.md): export → import into an empty data directory → export
//! gives the same bytes, on the demo and on a rich synthetic record; the record's history
//! travels with it, so replays of past days are the same after an import; an archive of schema
//! 4 is upgraded on import and its history gets a baseline; search works after an import; an
//! import replaces everything; a bad file changes nothing and names the record and the field;
//! every table of the schema is exported or listed as derived; the documentation names every
//! exported table and column.

use serde_json::{json, Value};
use trellis_core::archive::{self, ImportSummary, NOT_EXPORTED, TABLES};
use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::model::{
    AckAction, AckDraft, Archetype, ManualStatus, QuestionDraft, RecordKind, Relationship,
    ReportDraft, RosterFilter, Sentiment, SourceKind, SourceRef, Thresholds,
};
use trellis_core::{FieldIssue, Store};

use crate::cycle_support::{
    assert_nothing_written, feedback, manager_change_draft, rule_draft, scene, seen, snapshot_all,
    work, Scene, CALIBRATION, CREATED, END, REVIEWED,
};
use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers.
// ---------------------------------------------------------------------------------------------

/// A store holding the demo team.
async fn demo() -> TestStore {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    ts
}

/// A synthetic record with something in every table: generated histories (evidence,
/// visibility, mandates, mentorships, a cycle with packets and reviews, 1:1s), plus signal
/// acknowledgements and a snooze, changed radar thresholds, a renamed ladder level,
/// soft-deleted records, an archived report, a manager change, evidence made from a 1:1 note,
/// a manual rule check, and an edited question bank.
async fn rich() -> TestStore {
    let ts = open_store().await;
    let spec = GeneratorSpec {
        reports: 12,
        years: 3,
        seed: 42,
    };
    generate(&ts, spec).await.unwrap();
    let reports = ts.reports(RosterFilter::Active).await.unwrap();

    // Acknowledged and snoozed signals.
    let mut acked = 0;
    for report in &reports {
        let radar = ts.report_radar(&report.id, today()).await.unwrap();
        let Some(signal) = radar.signals.first() else {
            continue;
        };
        let (action, until) = if acked % 2 == 0 {
            (AckAction::Acknowledged, String::new())
        } else {
            (AckAction::Snoozed, "2027-01-15".to_owned())
        };
        ts.acknowledge_signal(
            &report.id,
            &AckDraft {
                rule: signal.rule,
                cause_key: signal.cause_key.clone(),
                action: Some(action),
                reason: "Talked it through at the 1:1.".to_owned(),
                until,
            },
        )
        .await
        .unwrap();
        acked += 1;
        if acked == 4 {
            break;
        }
    }
    assert!(acked >= 2, "the fixture needs signals to acknowledge");

    // Settings, the ladder's history, a manager change.
    ts.set_thresholds(&Thresholds {
        packet_draft_months: 5,
        ..Thresholds::default()
    })
    .await
    .unwrap();
    let top = ts.ladder().await.unwrap().pop().unwrap();
    ts.rename_level(&top.id, "Distinguished Engineer")
        .await
        .unwrap();
    ts.add_manager_change(
        &reports[0].id,
        &manager_change_draft("2026-10-01", "Dana Cole"),
    )
    .await
    .unwrap();

    // Soft deletions.
    let evidence = ts.evidence(&reports[1].id).await.unwrap();
    ts.delete_record(RecordKind::Evidence, evidence[0].id.as_str())
        .await
        .unwrap();
    let mandates = ts.mandates(&reports[2].id).await.unwrap();
    ts.delete_record(RecordKind::Mandate, mandates[0].id.as_str())
        .await
        .unwrap();
    let stranger = add_person(&ts, "Wendell Quimby", Relationship::Other).await;
    ts.delete_record(RecordKind::Person, stranger.id.as_str())
        .await
        .unwrap();

    // 1:1 content that became evidence.
    let held: Vec<_> = ts
        .one_on_ones(&reports[3].id)
        .await
        .unwrap()
        .meetings
        .iter()
        .map(|m| m.held_on)
        .collect();
    let day = (1..60)
        .map(|n| today() - chrono::Duration::days(n))
        .find(|d| !held.contains(d))
        .unwrap();
    let day = ymd(day);
    let meeting = hold_meeting(&ts, &reports[3].id, &day).await;
    let ones = ts
        .add_note(
            &meeting.id,
            &note_draft("The quokka cut-over shipped; write it up.", true),
        )
        .await
        .unwrap();
    let note = meeting_on(&ones, &day).notes[0].clone();
    ts.add_agenda_item(
        &reports[3].id,
        Some(&meeting.id),
        &agenda_draft("Staff project for next year"),
    )
    .await
    .unwrap();
    ts.add_action_item(
        &reports[3].id,
        Some(&meeting.id),
        &action_draft("Draft the quokka write-up", "2026-12-01"),
    )
    .await
    .unwrap();
    ts.evidence_from(
        &SourceRef {
            kind: SourceKind::Note,
            id: note.id.to_string(),
        },
        &evidence_draft("Quokka cut-over"),
    )
    .await
    .unwrap();

    // A manager's own call on a rule without a machine check.
    let rule = ts
        .create_rule(&rule_draft(
            "Needs a design doc the whole org reviewed",
            "2026-03-01",
            None,
        ))
        .await
        .unwrap();
    let cycle = ts.cycles().await.unwrap().remove(0);
    let candidate = ts.candidates(&cycle.id).await.unwrap().remove(0);
    ts.set_rule_check(
        &candidate.id,
        &rule.id,
        Some(ManualStatus::Met),
        "The storage RFC.",
    )
    .await
    .unwrap();

    // The question bank: one added, one built-in retired.
    ts.create_question(&QuestionDraft {
        text: "What would you stop doing if you could?".to_owned(),
        trigger: "general".to_owned(),
        retired: false,
    })
    .await
    .unwrap();
    let builtin = ts.questions(false).await.unwrap().remove(0);
    ts.update_question(
        &builtin.id,
        builtin.version,
        &QuestionDraft {
            text: builtin.text.clone(),
            trigger: builtin.trigger.clone(),
            retired: true,
        },
    )
    .await
    .unwrap();

    // A mandate review (the store has no command for it yet: written as the table holds it,
    // the mandate's review date moved to the next one).
    let mandate = ts
        .mandates(&reports[0].id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.ended_on.is_none())
        .expect("an active mandate to review");
    let mut tx = ts.pool().begin().await.unwrap();
    sqlx::query(
        "INSERT INTO mandate_reviews (id, mandate_id, reviewed_on, outcome, note, next_review_on,
             version, created_at, updated_at, deleted_at)
         VALUES ('019a0000-0000-7000-8000-00000000feed', ?, '2026-11-20', 'kept',
             'Still the right problem.', '2027-05-20', 1, '2026-11-24T12:00:00+00:00',
             '2026-11-24T12:00:00+00:00', NULL)",
    )
    .bind(mandate.id.as_str())
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("UPDATE mandates SET review_by = '2027-05-20', version = version + 1 WHERE id = ?")
        .bind(mandate.id.as_str())
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // An archived report.
    ts.archive_report(&reports[reports.len() - 1].id)
        .await
        .unwrap();
    ts
}

/// Where two archives first differ, for a readable failure.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (n, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}: {x:?} became {y:?}", n + 1);
        }
    }
    format!(
        "one is a prefix of the other ({} and {} lines)",
        a.lines().count(),
        b.lines().count()
    )
}

/// Exports `source`, imports that into a fresh, empty data directory and exports again:
/// the two files must be the same bytes. Returns the archive and the new store.
async fn round_trip(source: &Store) -> (Vec<u8>, TestStore) {
    let first = archive::export(source).await.unwrap();
    let target = open_store().await;
    let summary = archive::import(&target, &first).await.unwrap();
    let second = archive::export(&target).await.unwrap();
    assert!(first == second, "{}", first_difference(&first, &second));
    assert_eq!(summary, archive::record_counts(source).await.unwrap());
    assert_eq!(summary, archive::record_counts(&target).await.unwrap());
    (first, target)
}

type IndexRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// The whole search index: what each entry is, its title and its body.
async fn index_of(store: &Store) -> Vec<IndexRow> {
    let mut rows: Vec<IndexRow> = sqlx::query_as(
        "SELECT d.record_id, d.kind, d.report_id, d.parent_id, s.title, s.body
         FROM search_docs d JOIN search_index s ON s.rowid = d.doc_id",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    rows.sort();
    rows
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

/// The rows of `table` in an archive document.
pub(crate) fn rows_mut<'a>(doc: &'a mut Value, table: &str) -> &'a mut Vec<Value> {
    doc["tables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == table)
        .unwrap_or_else(|| panic!("no table {table}"))["rows"]
        .as_array_mut()
        .unwrap()
}

/// The names of the tables of an archive document, in file order.
fn names_of(doc: &Value) -> Vec<&str> {
    doc["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect()
}

fn rows<'a>(doc: &'a Value, table: &str) -> &'a Vec<Value> {
    doc["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == table)
        .unwrap_or_else(|| panic!("no table {table}"))["rows"]
        .as_array()
        .unwrap()
}

/// What an import of a bad file said, and the archive the file was made from.
struct Refusal {
    fields: Vec<FieldIssue>,
    message: String,
    original: Value,
}

impl Refusal {
    /// The issue about `field`; its message must contain every one of `words`.
    fn names(&self, field: &str, words: &[&str]) -> &FieldIssue {
        let issue = self
            .fields
            .iter()
            .find(|f| f.field == field)
            .unwrap_or_else(|| panic!("no issue about {field}: {:?}", self.fields));
        for word in words {
            assert!(
                issue.message.contains(word),
                "{:?} does not say {word:?}",
                issue.message
            );
        }
        assert!(issue.message.ends_with('.'), "{:?}", issue.message);
        issue
    }

    /// The id of row `index` of `table` in the original archive.
    fn id(&self, table: &str, index: usize) -> String {
        rows(&self.original, table)[index]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// Imports a file made from a demo store's own archive into that store: the import must be
/// refused and leave the store exactly as it was (the same export, byte for byte, and the
/// same rows in every table, the search index included).
async fn refused(make: impl FnOnce(&[u8]) -> Vec<u8>) -> Refusal {
    let ts = demo().await;
    let before = archive::export(&ts).await.unwrap();
    let snapshot = snapshot_all(&ts).await;
    let bad = make(&before);
    let (message, fields) = validation(archive::import(&ts, &bad).await);
    let after = archive::export(&ts).await.unwrap();
    assert!(before == after, "{}", first_difference(&before, &after));
    assert_nothing_written(&ts, &snapshot).await;
    Refusal {
        fields,
        message,
        original: parse(&before),
    }
}

/// A refusal of the archive edited by `edit`.
async fn refused_edit(edit: impl FnOnce(&mut Value)) -> Refusal {
    refused(|bytes| {
        let mut doc = parse(bytes);
        edit(&mut doc);
        serde_json::to_vec_pretty(&doc).unwrap()
    })
    .await
}

// ---------------------------------------------------------------------------------------------
// What is exported.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn every_table_is_exported_or_listed_as_derived() {
    let ts = open_store().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .fetch_all(ts.pool())
    .await
    .unwrap();
    for table in &tables {
        assert!(
            TABLES.iter().any(|t| t.name == table) || NOT_EXPORTED.iter().any(|(n, _)| n == table),
            "the table {table} is neither exported nor listed as derived: add it to TABLES (with \
             its columns) or NOT_EXPORTED in src-tauri/core/src/archive/tables.rs, and to \
             docs/archive-json.md"
        );
    }
    for t in TABLES {
        assert!(tables.iter().any(|n| n == t.name), "no table {}", t.name);
    }
    // The fixed list matches the live schema column for column (export checks it).
    let doc = parse(&archive::export(&ts).await.unwrap());
    assert_eq!(doc["format"], "trellis.archive/1");
    assert_eq!(doc["schemaVersion"], 8);
    assert_eq!(
        names_of(&doc).last(),
        Some(&"record_history"),
        "the history comes last"
    );
    assert!(
        !names_of(&doc).contains(&"write_clock"),
        "internal, not exported"
    );
    let names: Vec<&str> = doc["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
    assert_eq!(names, expected);
}

#[tokio::test]
async fn a_new_data_directory_exports_its_default_ladder_and_question_bank() {
    let ts = open_store().await;
    let bytes = archive::export(&ts).await.unwrap();
    assert!(bytes.ends_with(b"}\n"));
    let doc = parse(&bytes);
    assert_eq!(rows(&doc, "ladder_levels").len(), 5);
    assert_eq!(rows(&doc, "questions").len(), 38);
    assert_eq!(rows(&doc, "questions")[0]["id"], "builtin-q01");
    assert_eq!(
        rows(&doc, "ladder_levels")[0],
        json!({
            "id": "01900000-0000-7000-8000-000000000001",
            "name": "Senior",
            "rank": 1,
            "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z"
        })
    );
    assert!(rows(&doc, "reports").is_empty());
    // The defaults' history: one version each, as the migrations created them.
    let history = rows(&doc, "record_history");
    assert_eq!(history.len(), 43);
    assert!(history.iter().all(|h| h["op"] == "insert"));
    let counts = archive::record_counts(&ts).await.unwrap();
    assert_eq!(counts.records, 86, "43 records and their 43 versions");
    assert_eq!(counts.rows_of("questions"), 38);
    assert_eq!(counts.rows_of("record_history"), 43);
    assert!(archive::holds_only_defaults(&ts).await.unwrap());
    // Export twice, the same bytes; the archive says nothing about when it was written.
    assert!(bytes == archive::export(&ts).await.unwrap());
}

// ---------------------------------------------------------------------------------------------
// Round trips.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_demo_round_trips_byte_for_byte_and_search_works_after_import() {
    let ts = demo().await;
    let (bytes, target) = round_trip(&ts).await;
    let doc = parse(&bytes);
    assert_eq!(rows(&doc, "reports").len(), 6);
    assert!(!archive::holds_only_defaults(&target).await.unwrap());

    // A word from an imported evidence title finds it.
    let evidence = rows(&doc, "evidence")
        .iter()
        .find(|e| e["deleted_at"].is_null())
        .unwrap();
    let title = evidence["title"].as_str().unwrap();
    let word = title
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.len())
        .unwrap();
    let found = hits(&target, word).await;
    assert!(
        found.contains(&(
            RecordKind::Evidence,
            evidence["id"].as_str().unwrap().to_owned()
        )),
        "searching {word:?} (from {title:?}) found {found:?}"
    );
    assert_index_in_sync(&target).await;
    assert_eq!(index_of(&target).await, index_of(&ts).await);
}

#[tokio::test]
async fn a_rich_record_round_trips_byte_for_byte_with_every_table_filled() {
    let ts = rich().await;
    let (bytes, target) = round_trip(&ts).await;
    let counts = archive::record_counts(&ts).await.unwrap();
    for t in &counts.tables {
        assert!(t.rows > 0, "the fixture leaves {} empty", t.table);
    }
    let doc = parse(&bytes);
    for table in ["evidence", "mandates", "people"] {
        assert!(
            rows(&doc, table).iter().any(|r| !r["deleted_at"].is_null()),
            "no soft-deleted {table}"
        );
    }
    assert!(rows(&doc, "reports")
        .iter()
        .any(|r| !r["archived_at"].is_null()));
    assert_eq!(rows(&doc, "settings")[0]["key"], "radar.thresholds");
    assert!(rows(&doc, "signal_acks")
        .iter()
        .any(|a| a["action"] == "snoozed" && a["until"] == "2027-01-15"));
    assert_eq!(
        target.thresholds().await.unwrap(),
        ts.thresholds().await.unwrap()
    );

    // The search index is rebuilt exactly as the store keeps it record by record.
    assert_eq!(index_of(&target).await, index_of(&ts).await);
    assert!(!hits(&target, "quokka").await.is_empty());
    assert!(
        hits(&target, "Quimby").await.is_empty(),
        "deleted people stay unfound"
    );
}

// ---------------------------------------------------------------------------------------------
// The record's history.
// ---------------------------------------------------------------------------------------------

/// The radar scene (Ada, a clean candidate entered day by day) with problems planted on their
/// own days and later edits, so that each past day replays differently.
async fn dated() -> Scene {
    let s = scene().await;
    let ada = s.ada.report.id.clone();
    {
        let _on = s.on("2026-03-10");
        s.ts.add_feedback(
            &s.ada.mentorship,
            &feedback("2026-03-10", Sentiment::Negative),
        )
        .await
        .unwrap();
    }
    let fraud = s.evidence(work("Fraud model", "2026-04-13")).await;
    {
        let _on = s.on("2026-05-04");
        s.ts.add_visibility(&fraud, &seen(&s.cast.omar.id, "2026-05-04"))
            .await
            .unwrap();
    }
    {
        let _on = s.on("2026-06-01");
        let report = s.ts.report(&ada).await.unwrap();
        s.ts.update_report(
            &ada,
            report.version,
            &ReportDraft {
                archetype_needed: Some(Archetype::Solver),
                ..draft_from(&report)
            },
        )
        .await
        .unwrap();
    }
    {
        let _on = s.on("2026-08-03");
        s.ts.add_manager_change(&ada, &manager_change_draft("2026-08-03", "Dana Cole"))
            .await
            .unwrap();
    }
    {
        let _on = s.on("2026-09-01");
        let review = s.ts.reviews(&s.ada.candidate.id).await.unwrap().remove(0);
        s.ts.delete_record(RecordKind::Review, review.id.as_str())
            .await
            .unwrap();
    }
    s
}

/// Days on which [`dated`] replays differently.
const PAST: [&str; 9] = [
    CREATED,
    "2026-03-10",
    "2026-04-13",
    "2026-05-04",
    "2026-06-01",
    REVIEWED,
    "2026-09-01",
    CALIBRATION,
    END,
];

/// Every row of the history, in write order.
async fn history_of(
    store: &Store,
) -> Vec<(
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
)> {
    sqlx::query_as(
        "SELECT seq, table_name, record_key, report_id, written_at, written_on, op, row
         FROM record_history ORDER BY seq",
    )
    .fetch_all(store.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn the_history_travels_with_the_archive_and_past_days_replay_the_same() {
    let s = dated().await;
    let ada = s.ada.report.id.clone();
    let (bytes, target) = round_trip(&s.ts).await;
    let history = history_of(&s.ts).await;
    assert_eq!(
        rows(&parse(&bytes), "record_history").len(),
        history.len(),
        "every version is in the file"
    );
    assert_eq!(
        history_of(&target).await,
        history,
        "and in the imported store"
    );
    let days: std::collections::BTreeSet<&str> = history.iter().map(|h| h.5.as_str()).collect();
    assert!(days.len() > 10, "entered over many days: {days:?}");

    let mut replays = Vec::new();
    for day in PAST {
        let before = s.ts.report_radar(&ada, date(day)).await.unwrap();
        let after = target.report_radar(&ada, date(day)).await.unwrap();
        assert_eq!(after, before, "the radar of {day}");
        assert_eq!(
            target
                .cycle_dashboard(&s.cycle.id, date(day))
                .await
                .unwrap(),
            s.ts.cycle_dashboard(&s.cycle.id, date(day)).await.unwrap(),
            "the dashboard of {day}"
        );
        assert_eq!(
            target.prep(&ada, date(day)).await.unwrap(),
            s.ts.prep(&ada, date(day)).await.unwrap(),
            "the prep of {day}"
        );
        replays.push(
            after
                .signals
                .iter()
                .map(|x| (x.rule.id(), x.since))
                .collect::<Vec<_>>(),
        );
    }
    // The replays are of the record as it stood each day, not as it is now.
    assert_eq!(replays[0], []);
    assert_eq!(
        replays[1],
        [("mentorship.negative_unaddressed", date("2026-03-10"))]
    );
    assert!(replays[4].contains(&("archetype.mismatch", date("2026-06-01"))));
    assert!(!replays[3]
        .iter()
        .any(|(rule, _)| *rule == "archetype.mismatch"));
}

/// An archive as schema 4 wrote it: without the record's history, mandate reviews and the
/// columns migration 0005 added.
fn as_schema_4(bytes: &[u8]) -> Vec<u8> {
    let mut doc = parse(bytes);
    doc["schemaVersion"] = json!(4);
    doc["tables"]
        .as_array_mut()
        .unwrap()
        .retain(|t| t["name"] != "record_history" && t["name"] != "mandate_reviews");
    for (table, columns) in [
        ("reports", &["one_on_one_every_days"][..]),
        ("evidence", &["flagship"]),
        ("advocates", &["supporting_since"]),
        ("manager_changes", &["ended_on", "is_me"]),
        ("cycle_committee", &["joined_on"]),
    ] {
        for row in rows_mut(&mut doc, table) {
            for column in columns {
                row.as_object_mut()
                    .unwrap()
                    .remove(*column)
                    .unwrap_or_else(|| panic!("{table} has no {column}"));
            }
        }
    }
    serde_json::to_vec_pretty(&doc).unwrap()
}

#[tokio::test]
async fn an_archive_of_schema_4_is_upgraded_on_import_and_its_history_gets_a_baseline() {
    let s = dated().await;
    let ada = s.ada.report.id.clone();
    let current = archive::export(&s.ts).await.unwrap();
    let old = as_schema_4(&current);
    assert!(archive::check(&old).await.is_ok(), "a schema-4 file checks");
    let target = open_store().await;
    archive::import(&target, &old).await.unwrap();

    // Everything arrived, the new columns at the values the migration gives existing rows
    // (here the same as the scene's own: it used none of the new facts).
    let upgraded = parse(&archive::export(&target).await.unwrap());
    assert_eq!(upgraded["schemaVersion"], 8);
    let original = parse(&current);
    assert_eq!(names_of(&upgraded), names_of(&original));
    for name in names_of(&original) {
        if name != "record_history" {
            assert_eq!(rows(&upgraded, name), rows(&original, name), "{name}");
        }
    }
    assert!(rows(&upgraded, "reports")
        .iter()
        .all(|r| r["one_on_one_every_days"] == 14));
    assert!(rows(&upgraded, "mandate_reviews").is_empty());

    // The history: one version per record, dated the day it was created, and for a record
    // deleted since, a second one dated that day.
    let history = history_of(&target).await;
    let reports: Vec<_> = history.iter().filter(|h| h.1 == "reports").collect();
    assert_eq!(reports.len(), 1);
    assert_eq!(
        (reports[0].5.as_str(), reports[0].6.as_str()),
        (CREATED, "insert")
    );
    let review: Vec<(&str, &str)> = history
        .iter()
        .filter(|h| h.1 == "packet_reviews")
        .map(|h| (h.5.as_str(), h.6.as_str()))
        .collect();
    assert_eq!(
        review,
        [
            (REVIEWED, "insert"),
            (REVIEWED, "insert"),
            (REVIEWED, "insert"),
            ("2026-09-01", "update")
        ]
    );
    assert!(history.len() < history_of(&s.ts).await.len());

    // Replays: each record counts from the day it was created, as it is now. What was only
    // created matches the original history; what was edited later shows its last state from
    // the start (the archetype needed, changed on 2026-06-01, is Solver from 2026-01-05).
    let ids = |signals: &[trellis_core::model::Signal]| -> Vec<(&'static str, chrono::NaiveDate)> {
        signals.iter().map(|x| (x.rule.id(), x.since)).collect()
    };
    let before = target.report_radar(&ada, date("2026-03-10")).await.unwrap();
    assert_eq!(
        ids(&before.signals),
        [
            ("mentorship.negative_unaddressed", date("2026-03-10")),
            ("archetype.mismatch", date(CREATED)),
        ]
    );
    for day in [REVIEWED, "2026-09-01", CALIBRATION] {
        let original = s.ts.report_radar(&ada, date(day)).await.unwrap();
        let replayed = target.report_radar(&ada, date(day)).await.unwrap();
        let without_mismatch = |r: &trellis_core::model::ReportRadar| {
            r.signals
                .iter()
                .filter(|x| x.rule != trellis_core::model::SignalRule::ArchetypeMismatch)
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            without_mismatch(&replayed),
            without_mismatch(&original),
            "{day}"
        );
        assert_eq!(replayed.checklist, original.checklist, "{day}");
    }

    // From then on the archive round-trips with its (baseline) history.
    round_trip(&target).await;
}

#[tokio::test]
async fn an_import_replaces_everything_in_a_store_that_has_records() {
    let source = demo().await;
    let bytes = archive::export(&source).await.unwrap();

    let ts = open_store().await;
    let w = world(&ts).await;
    ts.set_thresholds(&Thresholds {
        packet_draft_months: 6,
        ..Thresholds::default()
    })
    .await
    .unwrap();
    assert!(!archive::holds_only_defaults(&ts).await.unwrap());
    let summary: ImportSummary = archive::import(&ts, &bytes).await.unwrap();
    assert_eq!(summary.rows_of("reports"), 6);
    assert_eq!(
        summary.records,
        summary.tables.iter().map(|t| t.rows).sum::<u32>()
    );

    assert!(bytes == archive::export(&ts).await.unwrap());
    assert!(not_found(ts.report(&w.report.id).await).contains(w.report.id.as_str()));
    assert!(hits(&ts, "Lovelace").await.is_empty());
    assert_eq!(ts.thresholds().await.unwrap(), Thresholds::default());
    assert_eq!(ts.report_count().await.unwrap(), 6);
    assert_index_in_sync(&ts).await;

    // An archive of a new data directory brings it back to the defaults.
    let empty = open_store().await;
    let defaults = archive::export(&empty).await.unwrap();
    archive::import(&ts, &defaults).await.unwrap();
    assert!(archive::holds_only_defaults(&ts).await.unwrap());
    assert!(hits(&ts, "Okafor").await.is_empty());
}

#[tokio::test]
async fn check_reads_a_file_without_a_data_directory() {
    let ts = demo().await;
    let bytes = archive::export(&ts).await.unwrap();
    let checked = archive::check(&bytes).await.unwrap();
    assert_eq!(checked, archive::record_counts(&ts).await.unwrap());
    let mut doc = parse(&bytes);
    rows_mut(&mut doc, "reports")[0]["team"] = json!(7);
    let (_, fields) = validation(archive::check(&serde_json::to_vec(&doc).unwrap()).await);
    assert_eq!(fields[0].field, "reports[0].team");
}

#[tokio::test]
async fn an_archive_written_to_a_file_is_the_export() {
    let ts = demo().await;
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("trellis.json");
    let summary = archive::export_to_file(&ts, &path).await.unwrap();
    assert_eq!(summary, archive::record_counts(&ts).await.unwrap());
    assert!(std::fs::read(&path).unwrap() == archive::export(&ts).await.unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner may read it");
    }
}

// ---------------------------------------------------------------------------------------------
// Bad files: nothing changes, and the error names the record and the field.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_wrong_format_string_is_refused() {
    let r = refused_edit(|doc| doc["format"] = json!("trellis.radar/1")).await;
    r.names(
        "format",
        &["not a Trellis archive", "\"trellis.archive/1\""],
    );
    let r = refused_edit(|doc| doc["format"] = json!("trellis.archive/2")).await;
    r.names("format", &["trellis.archive/2", "newer Trellis"]);
    assert_eq!(r.fields.len(), 1);
}

#[tokio::test]
async fn another_schema_version_is_refused_saying_which_versions() {
    let r = refused_edit(|doc| doc["schemaVersion"] = json!(9)).await;
    r.names(
        "schemaVersion",
        &[
            "schema version 9",
            "reads schema version 8",
            "newer Trellis",
        ],
    );
    let r = refused_edit(|doc| doc["schemaVersion"] = json!(3)).await;
    r.names(
        "schemaVersion",
        &["schema version 3", "versions 4 to 8", "older Trellis"],
    );
    assert_eq!(r.message, r.fields[0].message);
}

#[tokio::test]
async fn a_file_that_is_not_json_or_is_cut_short_is_refused() {
    let r = refused(|_| b"people,name\nAda,Lovelace\n".to_vec()).await;
    r.names("file", &["not valid JSON", "line 1"]);
    let r = refused(|bytes| bytes[..bytes.len() / 2].to_vec()).await;
    r.names("file", &["cut short"]);
    let r = refused(|_| b"[1, 2]".to_vec()).await;
    r.names("file", &["not a Trellis archive", "a list"]);
}

#[tokio::test]
async fn a_wrong_typed_value_in_a_row_in_the_middle_names_the_record_and_field() {
    let r = refused_edit(|doc| rows_mut(doc, "reports")[3]["team"] = json!(5)).await;
    let id = r.id("reports", 3);
    let issue = r.names(
        "reports[3].team",
        &["reports[3]", &id, "team", "the number 5", "must be text"],
    );
    assert_eq!(r.fields.len(), 1, "{:?}", r.fields);
    assert_eq!(r.message, issue.message);

    // Dates, ids and flags must have the shape the app writes.
    let r = refused_edit(|doc| {
        rows_mut(doc, "evidence")[2]["started_on"] = json!("2026-2-30");
        rows_mut(doc, "mentorship_feedback")[1]["quotable"] = json!(2);
        rows_mut(doc, "reports")[0]["created_at"] = json!("yesterday");
    })
    .await;
    r.names(
        "evidence[2].started_on",
        &["\"2026-2-30\"", "a date (YYYY-MM-DD)"],
    );
    r.names("mentorship_feedback[1].quotable", &["0 or 1"]);
    r.names("reports[0].created_at", &["RFC 3339"]);
    assert!(
        r.message.contains("(And 2 more problems.)"),
        "{}",
        r.message
    );
}

#[tokio::test]
async fn a_missing_required_value_or_field_names_the_record_and_field() {
    let r = refused_edit(|doc| {
        rows_mut(doc, "evidence")[4]["title"] = Value::Null;
        rows_mut(doc, "people")[2]
            .as_object_mut()
            .unwrap()
            .remove("name");
    })
    .await;
    let evidence = r.id("evidence", 4);
    r.names(
        "evidence[4].title",
        &["evidence[4]", &evidence, "no value (null) in title"],
    );
    let person = r.id("people", 2);
    r.names(
        "people[2].name",
        &["people[2]", &person, "lacks the field name"],
    );
}

#[tokio::test]
async fn a_dangling_reference_names_the_record_and_field() {
    let missing = "01900000-0000-7000-8000-00000000dead";
    let r =
        refused_edit(|doc| rows_mut(doc, "reports")[2]["current_level_id"] = json!(missing)).await;
    let id = r.id("reports", 2);
    r.names(
        "reports[2].current_level_id",
        &[
            "reports[2]",
            &id,
            "current_level_id",
            "ladder_levels",
            missing,
        ],
    );
    assert_eq!(r.fields.len(), 1, "{:?}", r.fields);
}

#[tokio::test]
async fn a_duplicate_id_names_both_records() {
    let r = refused_edit(|doc| {
        let rows = rows_mut(doc, "questions");
        rows[7]["id"] = rows[1]["id"].clone();
    })
    .await;
    r.names(
        "questions[7].id",
        &["questions[7]", "builtin-q02", "the same id as questions[1]"],
    );
    assert_eq!(r.fields.len(), 1, "{:?}", r.fields);
}

#[tokio::test]
async fn a_word_the_schema_does_not_allow_is_refused_naming_the_word_record_and_field() {
    let r =
        refused_edit(|doc| rows_mut(doc, "reports")[1]["team_strength"] = json!("medium")).await;
    let id = r.id("reports", 1);
    r.names(
        "reports[1].team_strength",
        &[
            "reports[1]",
            &id,
            "\"medium\"",
            "team_strength",
            "not one of the words",
        ],
    );
}

#[tokio::test]
async fn a_unique_violation_is_rolled_back_and_names_the_record_and_field() {
    let r = refused_edit(|doc| {
        let rows = rows_mut(doc, "reports");
        rows[2]["person_id"] = rows[1]["person_id"].clone();
    })
    .await;
    let id = r.id("reports", 2);
    r.names(
        "reports[2].person_id",
        &["reports[2]", &id, "person_id", "UNIQUE"],
    );
}

#[tokio::test]
async fn an_unknown_column_or_table_is_refused() {
    let r = refused_edit(|doc| rows_mut(doc, "mandates")[0]["colour"] = json!("red")).await;
    let id = r.id("mandates", 0);
    r.names(
        "mandates[0].colour",
        &["mandates[0]", &id, "unknown field colour"],
    );
    let r = refused_edit(|doc| {
        let tables = doc["tables"].as_array_mut().unwrap();
        tables.push(json!({"name": "secrets", "rows": []}));
    })
    .await;
    let at = format!("tables[{}].name", TABLES.len());
    r.names(&at, &["\"secrets\"", "does not know"]);
    let r = refused_edit(|doc| {
        doc["tables"]
            .as_array_mut()
            .unwrap()
            .retain(|t| t["name"] != "settings")
    })
    .await;
    r.names("tables", &["no table settings"]);
}

// ---------------------------------------------------------------------------------------------
// The documentation.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_documentation_names_every_table_and_column() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/archive-json.md");
    let doc = std::fs::read_to_string(path).unwrap();
    assert!(doc.contains("trellis.archive/1"));
    for table in TABLES {
        let heading = format!("### `{}`", table.name);
        let start = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/archive-json.md has no section {heading}"));
        let section = &doc[start + heading.len()..];
        let section = &section[..section.find("\n### ").unwrap_or(section.len())];
        for column in table.columns {
            assert!(
                section.contains(&format!("| `{}` |", column.name)),
                "docs/archive-json.md does not describe {}.{}",
                table.name,
                column.name
            );
        }
    }
    for (table, _) in NOT_EXPORTED {
        assert!(
            doc.contains(&format!("`{table}`")),
            "docs/archive-json.md does not say {table} is left out"
        );
    }
}
