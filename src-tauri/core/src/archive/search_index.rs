//! Rebuilding the whole full-text index from the records, in bulk, inside the import's
//! transaction. The store keeps the index up to date record by record (`store::search`,
//! `load_doc`); each query below is the bulk form of that record's entry, with the same
//! title, body, report and parent. The test
//! `the_rebuilt_search_index_equals_the_one_the_store_keeps` compares the two on rich data,
//! so the copies cannot drift apart unnoticed.

use sqlx::SqliteConnection;

use crate::error::Result;

/// Each indexed kind: `(record_id, kind, report_id, parent_id, title, body)` of every live
/// record of that kind (none of them private). Ladder changes are not indexed; 1:1 notes and
/// items and the latest packet versions come from [`SOURCES`].
const DOCS: &[&str] = &[
    "SELECT r.id, 'report', r.id, NULL, p.name,
            r.team || char(10) || r.notes || char(10) || p.title || char(10) || p.notes
     FROM reports r JOIN people p ON p.id = r.person_id",
    "SELECT p.id, 'person', NULL, NULL, p.name, p.title || char(10) || p.notes
     FROM people p
     WHERE p.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.person_id = p.id)",
    "SELECT m.id, 'mandate', m.report_id, NULL, m.statement,
            m.priority || char(10) || m.status_reason
     FROM mandates m WHERE m.deleted_at IS NULL",
    "SELECT e.id, 'evidence', e.report_id, NULL, e.title,
            e.description || char(10) || e.impact || char(10) ||
            COALESCE((SELECT group_concat(l.label || ' ' || l.url, char(10))
                      FROM evidence_links l WHERE l.evidence_id = e.id), '')
     FROM evidence e WHERE e.deleted_at IS NULL",
    "SELECT v.id, 'visibility', e.report_id, e.id, 'Seen by ' || p.name || ': ' || e.title,
            v.detail
     FROM visibility v JOIN evidence e ON e.id = v.evidence_id
     JOIN people p ON p.id = v.person_id
     WHERE v.deleted_at IS NULL AND e.deleted_at IS NULL",
    "SELECT a.id, 'advocate', a.report_id, NULL, p.name, a.what_seen || char(10) || a.notes
     FROM advocates a JOIN people p ON p.id = a.person_id
     WHERE a.deleted_at IS NULL",
    "SELECT m.id, 'mentorship', m.report_id, NULL, 'Mentoring ' || p.name, m.goals
     FROM mentorships m JOIN people p ON p.id = m.mentee_id
     WHERE m.deleted_at IS NULL",
    "SELECT f.id, 'feedback', m.report_id, m.id, 'Feedback from ' || p.name,
            f.words || char(10) || f.addressed_action
     FROM mentorship_feedback f JOIN mentorships m ON m.id = f.mentorship_id
     JOIN people p ON p.id = m.mentee_id
     WHERE f.deleted_at IS NULL AND m.deleted_at IS NULL",
    "SELECT id, 'manager_change', report_id, NULL, 'Manager: ' || manager, note
     FROM manager_changes WHERE deleted_at IS NULL",
    "SELECT id, 'cycle', NULL, NULL, name, '' FROM cycles WHERE deleted_at IS NULL",
    "SELECT c.id, 'candidate', c.report_id, c.cycle_id, 'Candidate in ' || y.name,
            c.readiness_reason || char(10) || c.expected_cycle || char(10) || c.actions
     FROM candidates c JOIN cycles y ON y.id = c.cycle_id
     WHERE c.deleted_at IS NULL AND y.deleted_at IS NULL",
    "SELECT r.id, 'review', c.report_id, c.id, 'Packet review by ' || p.name, r.comments
     FROM packet_reviews r JOIN candidates c ON c.id = r.candidate_id
     JOIN cycles y ON y.id = c.cycle_id JOIN people p ON p.id = r.reviewer_id
     WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND y.deleted_at IS NULL",
    "SELECT id, 'rule', NULL, NULL, wording, source_detail
     FROM rules_of_thumb WHERE deleted_at IS NULL",
];

/// 1:1 notes and items and the latest packet versions, as the store indexes them one by one:
/// the `search_sources` view (migration 0006), the one definition of their entries.
const SOURCES: &str = "INSERT INTO temp.archive_docs
        (record_id, kind, report_id, parent_id, title, body, private)
    SELECT record_id, kind, report_id, parent_id, title, body, private FROM search_sources";

/// Empties the index and indexes every live record again; returns how many entries it holds.
pub(crate) async fn rebuild(conn: &mut SqliteConnection) -> Result<u64> {
    sqlx::query(
        "CREATE TEMP TABLE IF NOT EXISTS archive_docs (
            record_id TEXT NOT NULL, kind TEXT NOT NULL, report_id TEXT, parent_id TEXT,
            title TEXT NOT NULL, body TEXT NOT NULL, private INTEGER NOT NULL DEFAULT 0)",
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM temp.archive_docs")
        .execute(&mut *conn)
        .await?;
    for select in DOCS {
        sqlx::query(&format!(
            "INSERT INTO temp.archive_docs (record_id, kind, report_id, parent_id, title, body)
             {select}"
        ))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(SOURCES).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM search_index")
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM search_docs")
        .execute(&mut *conn)
        .await?;
    let entries = sqlx::query(
        "INSERT INTO search_docs (doc_id, record_id, kind, report_id, parent_id, private)
         SELECT rowid, record_id, kind, report_id, parent_id, private
         FROM temp.archive_docs ORDER BY rowid",
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(
        "INSERT INTO search_index (rowid, title, body)
         SELECT rowid, title, body FROM temp.archive_docs ORDER BY rowid",
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query("DROP TABLE temp.archive_docs")
        .execute(&mut *conn)
        .await?;
    Ok(entries)
}
