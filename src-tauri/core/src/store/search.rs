//! The full-text index (SQLite FTS5) and search. Every write that changes a record's text
//! calls `reindex` in the same transaction, which rebuilds that record's entry from the
//! tables (or removes it when the record is deleted), so the index cannot drift.

use sqlx::SqliteConnection;

use super::Store;
use crate::error::Result;
use crate::ids::{PersonId, ReportId};
use crate::model::{RecordKind, SearchHit, SearchResults, SnippetPart};

/// Markers FTS5 puts around matched words in snippets (control characters cannot appear in
/// stored text: validation rejects them).
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

/// The most hits one search returns.
pub const MAX_HITS: u32 = 100;

struct Doc {
    title: String,
    body: String,
    report_id: Option<String>,
    parent_id: Option<String>,
}

/// Rebuilds the index entry of one record from the tables.
pub(crate) async fn reindex(conn: &mut SqliteConnection, kind: RecordKind, id: &str) -> Result<()> {
    let doc = load_doc(conn, kind, id).await?;
    let existing = sqlx::query_scalar!(
        r#"SELECT doc_id AS "doc_id!: i64" FROM search_docs WHERE record_id = ?"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(doc_id) = existing {
        sqlx::query!("DELETE FROM search_index WHERE rowid = ?", doc_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query!("DELETE FROM search_docs WHERE doc_id = ?", doc_id)
            .execute(&mut *conn)
            .await?;
    }
    let Some((doc, private)) = doc else {
        return Ok(());
    };
    let doc_id = sqlx::query!(
        "INSERT INTO search_docs (record_id, kind, report_id, parent_id, private)
         VALUES (?, ?, ?, ?, ?)",
        id,
        kind,
        doc.report_id,
        doc.parent_id,
        private
    )
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    sqlx::query!(
        "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
        doc_id,
        doc.title,
        doc.body
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Reindexes a record and the parts that live and die with it.
pub(crate) async fn reindex_with_parts(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: &str,
) -> Result<()> {
    reindex(conn, kind, id).await?;
    let (part_kind, parts) = match kind {
        // A cycle's candidacies carry its name; a candidacy's reviews live and die with it.
        RecordKind::Cycle => {
            let candidates = sqlx::query_scalar!(
                r#"SELECT id AS "id!: String" FROM candidates WHERE cycle_id = ?"#,
                id
            )
            .fetch_all(&mut *conn)
            .await?;
            for candidate in candidates {
                Box::pin(reindex_with_parts(conn, RecordKind::Candidate, &candidate)).await?;
            }
            return Ok(());
        }
        RecordKind::Candidate => {
            let versions = sqlx::query_scalar!(
                r#"SELECT id AS "id!: String" FROM packet_versions WHERE candidate_id = ?"#,
                id
            )
            .fetch_all(&mut *conn)
            .await?;
            for version in versions {
                reindex(conn, RecordKind::PacketVersion, &version).await?;
            }
            (
                RecordKind::Review,
                sqlx::query_scalar!(
                    r#"SELECT id AS "id!: String" FROM packet_reviews WHERE candidate_id = ?"#,
                    id
                )
                .fetch_all(&mut *conn)
                .await?,
            )
        }
        // A 1:1's notes carry its date, and go with it.
        RecordKind::Meeting => (
            RecordKind::Note,
            sqlx::query_scalar!(
                r#"SELECT id AS "id!: String" FROM meeting_notes WHERE meeting_id = ?"#,
                id
            )
            .fetch_all(&mut *conn)
            .await?,
        ),
        RecordKind::Evidence => (
            RecordKind::Visibility,
            sqlx::query_scalar!(
                r#"SELECT id AS "id!: String" FROM visibility WHERE evidence_id = ?"#,
                id
            )
            .fetch_all(&mut *conn)
            .await?,
        ),
        RecordKind::Mentorship => (
            RecordKind::Feedback,
            sqlx::query_scalar!(
                r#"SELECT id AS "id!: String" FROM mentorship_feedback WHERE mentorship_id = ?"#,
                id
            )
            .fetch_all(&mut *conn)
            .await?,
        ),
        _ => return Ok(()),
    };
    for part in parts {
        reindex(conn, part_kind, &part).await?;
    }
    Ok(())
}

/// A person's name appears in the entries of records about them: reindex those too.
pub(crate) async fn reindex_person_and_dependents(
    conn: &mut SqliteConnection,
    person: &PersonId,
) -> Result<()> {
    reindex(conn, RecordKind::Person, person.as_str()).await?;
    let dependents = sqlx::query!(
        r#"SELECT 'report' AS "kind!: RecordKind", id AS "id!: String" FROM reports WHERE person_id = ?1
           UNION ALL SELECT 'visibility', id FROM visibility WHERE person_id = ?1
           UNION ALL SELECT 'advocate', id FROM advocates WHERE person_id = ?1
           UNION ALL SELECT 'mentorship', id FROM mentorships WHERE mentee_id = ?1
           UNION ALL SELECT 'feedback', f.id FROM mentorship_feedback f
               JOIN mentorships m ON m.id = f.mentorship_id WHERE m.mentee_id = ?1"#,
        person
    )
    .fetch_all(&mut *conn)
    .await?;
    for d in dependents {
        reindex(conn, d.kind, &d.id).await?;
    }
    Ok(())
}

/// What the index holds for a live record, and whether it is private (a private 1:1 note, an
/// agenda item not shared with the report); `None` when it is deleted (or its parent is), and
/// for a packet version that a later one replaced.
async fn load_doc(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: &str,
) -> Result<Option<(Doc, bool)>> {
    let doc = match kind {
        // Ladder history is not text; a 1:1 is found through its notes and items.
        RecordKind::LadderChange | RecordKind::Meeting => None,
        // Defined once, in the `search_sources` view (migration 0006), which the archive
        // import's rebuild reads too.
        RecordKind::PacketVersion
        | RecordKind::Note
        | RecordKind::AgendaItem
        | RecordKind::ActionItem => {
            let row = sqlx::query!(
                r#"SELECT title AS "title!: String", body AS "body!: String",
                          report_id AS "report_id?: String", parent_id AS "parent_id?: String",
                          private AS "private!: bool"
                   FROM search_sources WHERE kind = ? AND record_id = ?"#,
                kind,
                id
            )
            .fetch_optional(&mut *conn)
            .await?;
            return Ok(row.map(|r| {
                (
                    Doc {
                        title: r.title,
                        body: r.body,
                        report_id: r.report_id,
                        parent_id: r.parent_id,
                    },
                    r.private,
                )
            }));
        }
        RecordKind::Cycle => sqlx::query_as!(
            Doc,
            r#"SELECT name AS "title!: String", '' AS "body!: String",
                      NULL AS "report_id?: String", NULL AS "parent_id?: String"
               FROM cycles WHERE id = ? AND deleted_at IS NULL"#,
            id
        )
        .fetch_optional(conn)
        .await?,
        RecordKind::Rule => sqlx::query_as!(
            Doc,
            r#"SELECT wording AS "title!: String", source_detail AS "body!: String",
                      NULL AS "report_id?: String", NULL AS "parent_id?: String"
               FROM rules_of_thumb WHERE id = ? AND deleted_at IS NULL"#,
            id
        )
        .fetch_optional(conn)
        .await?,
        RecordKind::ManagerChange => sqlx::query_as!(
            Doc,
            r#"SELECT 'Manager: ' || manager AS "title!: String", note AS "body!: String",
                      report_id AS "report_id?: String", NULL AS "parent_id?: String"
               FROM manager_changes WHERE id = ? AND deleted_at IS NULL"#,
            id
        )
        .fetch_optional(conn)
        .await?,
        RecordKind::Candidate => sqlx::query_as!(
            Doc,
            r#"SELECT 'Candidate in ' || y.name AS "title!: String",
                      c.readiness_reason || char(10) || c.expected_cycle || char(10) || c.actions
                        AS "body!: String",
                      c.report_id AS "report_id?: String", c.cycle_id AS "parent_id?: String"
               FROM candidates c JOIN cycles y ON y.id = c.cycle_id
               WHERE c.id = ? AND c.deleted_at IS NULL AND y.deleted_at IS NULL"#,
            id
        )
        .fetch_optional(conn)
        .await?,
        RecordKind::Review => sqlx::query_as!(
            Doc,
            r#"SELECT 'Packet review by ' || p.name AS "title!: String",
                      r.comments AS "body!: String",
                      c.report_id AS "report_id?: String", c.id AS "parent_id?: String"
               FROM packet_reviews r JOIN candidates c ON c.id = r.candidate_id
               JOIN cycles y ON y.id = c.cycle_id JOIN people p ON p.id = r.reviewer_id
               WHERE r.id = ? AND r.deleted_at IS NULL AND c.deleted_at IS NULL
                 AND y.deleted_at IS NULL"#,
            id
        )
        .fetch_optional(conn)
        .await?,
        RecordKind::Report => {
            sqlx::query_as!(
                Doc,
                r#"SELECT p.name AS "title!: String",
                      r.team || char(10) || r.notes || char(10) || p.title || char(10) || p.notes
                        AS "body!: String",
                      r.id AS "report_id?: String", NULL AS "parent_id?: String"
               FROM reports r JOIN people p ON p.id = r.person_id WHERE r.id = ?"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
        // People on the roster are found through their report.
        RecordKind::Person => {
            sqlx::query_as!(
                Doc,
                r#"SELECT p.name AS "title!: String", p.title || char(10) || p.notes AS "body!: String",
                      NULL AS "report_id?: String", NULL AS "parent_id?: String"
               FROM people p
               WHERE p.id = ? AND p.deleted_at IS NULL
                 AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.person_id = p.id)"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
        RecordKind::Mandate => sqlx::query_as!(
            Doc,
            r#"SELECT m.statement AS "title!: String", m.priority || char(10) || m.status_reason AS "body!: String",
                      m.report_id AS "report_id?: String", NULL AS "parent_id?: String"
               FROM mandates m WHERE m.id = ? AND m.deleted_at IS NULL"#,
            id
        )
        .fetch_optional(conn)
        .await?,
        RecordKind::Evidence => {
            sqlx::query_as!(
                Doc,
                r#"SELECT e.title AS "title!: String",
                      e.description || char(10) || e.impact || char(10) ||
                      COALESCE((SELECT group_concat(l.label || ' ' || l.url, char(10))
                                FROM evidence_links l WHERE l.evidence_id = e.id), '')
                        AS "body!: String",
                      e.report_id AS "report_id?: String", NULL AS "parent_id?: String"
               FROM evidence e WHERE e.id = ? AND e.deleted_at IS NULL"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
        RecordKind::Visibility => {
            sqlx::query_as!(
                Doc,
                r#"SELECT 'Seen by ' || p.name || ': ' || e.title AS "title!: String", v.detail AS "body!: String",
                      e.report_id AS "report_id?: String", e.id AS "parent_id?: String"
               FROM visibility v JOIN evidence e ON e.id = v.evidence_id
               JOIN people p ON p.id = v.person_id
               WHERE v.id = ? AND v.deleted_at IS NULL AND e.deleted_at IS NULL"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
        RecordKind::Advocate => {
            sqlx::query_as!(
                Doc,
                r#"SELECT p.name AS "title!: String", a.what_seen || char(10) || a.notes AS "body!: String",
                      a.report_id AS "report_id?: String", NULL AS "parent_id?: String"
               FROM advocates a JOIN people p ON p.id = a.person_id
               WHERE a.id = ? AND a.deleted_at IS NULL"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
        RecordKind::Mentorship => {
            sqlx::query_as!(
                Doc,
                r#"SELECT 'Mentoring ' || p.name AS "title!: String", m.goals AS "body!: String",
                      m.report_id AS "report_id?: String", NULL AS "parent_id?: String"
               FROM mentorships m JOIN people p ON p.id = m.mentee_id
               WHERE m.id = ? AND m.deleted_at IS NULL"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
        RecordKind::Feedback => {
            sqlx::query_as!(
                Doc,
                r#"SELECT 'Feedback from ' || p.name AS "title!: String",
                      f.words || char(10) || f.addressed_action AS "body!: String",
                      m.report_id AS "report_id?: String", m.id AS "parent_id?: String"
               FROM mentorship_feedback f JOIN mentorships m ON m.id = f.mentorship_id
               JOIN people p ON p.id = m.mentee_id
               WHERE f.id = ? AND f.deleted_at IS NULL AND m.deleted_at IS NULL"#,
                id
            )
            .fetch_optional(conn)
            .await?
        }
    };
    Ok(doc.map(|d| (d, false)))
}

impl Store {
    /// Searches every text field of every live record. Each word must match (the last one as
    /// a prefix, so results come while typing); best matches first, at most `limit`.
    pub async fn search(&self, query: &str, limit: u32) -> Result<SearchResults> {
        crate::model::search::check_query(query)?;
        let limit = limit.clamp(1, MAX_HITS);
        let Some(fts) = fts_query(query) else {
            return Ok(SearchResults {
                query: query.to_owned(),
                hits: Vec::new(),
                truncated: false,
            });
        };
        let fetch = i64::from(limit) + 1;
        let mut conn = self.pool.acquire().await?;
        let rows = sqlx::query!(
            r#"SELECT d.kind AS "kind!: RecordKind", d.record_id AS "record_id!",
                      d.parent_id AS "parent_id?: String", d.report_id AS "report_id?: ReportId",
                      p.name AS "report_name?", s.title AS "title!: String",
                      d.private AS "private!: bool",
                      snippet(search_index, -1, char(2), char(3), '…', 16) AS "snippet!: String"
               FROM search_index s
               JOIN search_docs d ON d.doc_id = s.rowid
               LEFT JOIN reports r ON r.id = d.report_id
               LEFT JOIN people p ON p.id = r.person_id
               WHERE search_index MATCH ?1
               ORDER BY rank
               LIMIT ?2"#,
            fts,
            fetch
        )
        .fetch_all(&mut *conn)
        .await?;
        let truncated = rows.len() > limit as usize;
        let hits = rows
            .into_iter()
            .take(limit as usize)
            .map(|r| SearchHit {
                kind: r.kind,
                record_id: r.record_id,
                parent_id: r.parent_id,
                report_id: r.report_id,
                report_name: r.report_name,
                title: r.title,
                private: r.private,
                snippet: snippet_parts(&r.snippet),
            })
            .collect();
        Ok(SearchResults {
            query: query.to_owned(),
            hits,
            truncated,
        })
    }
}

/// Turns what the user typed into an FTS5 query: every word quoted (so no FTS syntax gets
/// through), all required, the last one a prefix. `None` when there is no word to look for.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<&str> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    query.push(format!("\"{last}\"*"));
    Some(query.join(" "))
}

fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in snippet.chars() {
        if c == HIT_START || c == HIT_END {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            text.push(if c == '\n' { ' ' } else { c });
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_input_becomes_a_safe_prefix_query() {
        assert_eq!(
            fts_query("ledger migr").as_deref(),
            Some("\"ledger\" \"migr\"*")
        );
        assert_eq!(
            fts_query("\"OR\" NEAR(a b) -x *").as_deref(),
            Some("\"OR\" \"NEAR\" \"a\" \"b\" \"x\"*")
        );
        assert_eq!(fts_query("Sokolová").as_deref(), Some("\"Sokolová\"*"));
        assert_eq!(fts_query("  ,;  "), None);
    }

    #[test]
    fn snippets_split_into_marked_parts() {
        let parts = snippet_parts("…the \u{2}ledger\u{3} migration\nran");
        assert_eq!(
            parts,
            vec![
                SnippetPart {
                    text: "…the ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "ledger".into(),
                    hit: true
                },
                SnippetPart {
                    text: " migration ran".into(),
                    hit: false
                },
            ]
        );
    }
}
