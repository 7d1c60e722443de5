//! Reading the record's history (`record_history`, written by the history triggers of
//! migration 0005) for replays, and the baseline for records that predate it.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::Result;
use crate::history::{History, RawVersion, Shared};
use crate::ids::ReportId;

/// The history a replay of one report reads: its own records and the shared ones, with every
/// report's claims of work for duplicate claims.
pub(crate) async fn report_history(
    conn: &mut SqliteConnection,
    report: &ReportId,
) -> Result<History> {
    let shared = shared(conn).await?;
    let own = own_rows(conn, Some(report.as_str())).await?;
    Ok(History::from_raw(&own, shared))
}

/// Every report's history, not yet decoded (for a cycle's dashboard): the shared records are
/// decoded once, and each report's own rows are decoded by whoever judges it ([`Self::history`]),
/// so that a cycle's candidates are decoded in parallel as well as judged.
pub(crate) struct AllHistories {
    shared: Arc<Shared>,
    by_report: HashMap<ReportId, Vec<RawVersion>>,
}

impl AllHistories {
    /// A report's history (empty for a report with none).
    pub(crate) fn history(&self, report: &ReportId) -> History {
        let rows = self.by_report.get(report).map_or(&[][..], Vec::as_slice);
        History::from_raw(rows, Arc::clone(&self.shared))
    }
}

/// The histories of every report.
pub(crate) async fn all_histories(conn: &mut SqliteConnection) -> Result<AllHistories> {
    let shared = shared(conn).await?;
    let mut by_report: HashMap<ReportId, Vec<RawVersion>> = HashMap::new();
    for r in own_rows(conn, None).await? {
        if let Some(id) = r.report_id.clone() {
            by_report.entry(ReportId::from(id)).or_default().push(r);
        }
    }
    Ok(AllHistories { shared, by_report })
}

/// The shared records' history, and every report's claims of having led work (only the fields
/// a duplicate claim needs, and only of work ever recorded as led). The reduced rows are JSON
/// arrays in the order of the fields of `ClaimRow` and `ReportPersonRow` (one multi-path
/// `json_extract` reads a row once, where one per field would read it six times).
async fn shared(conn: &mut SqliteConnection) -> Result<Arc<Shared>> {
    let shared = sqlx::query_scalar!(
        r#"SELECT json_group_array(json_array(seq, table_name, record_key, report_id, written_on,
                      op = 'delete', row)) AS "versions!: String"
           FROM record_history
           WHERE report_id IS NULL
             AND table_name IN ('people', 'ladder_levels', 'ladder_changes', 'cycles',
                  'cycle_committee', 'rules_of_thumb', 'settings')"#
    )
    .fetch_all(&mut *conn)
    .await?;
    let everyone = sqlx::query_scalar!(
        r#"SELECT json_group_array(json_array(seq, table_name, record_key, report_id, written_on,
                      op = 'delete',
                      CASE table_name
                        WHEN 'evidence' THEN json_extract(row, '$.id', '$.report_id', '$.title',
                            '$.role', '$.started_on', '$.deleted_at')
                        ELSE json_extract(row, '$.id', '$.person_id')
                      END)) AS "versions!: String"
           FROM record_history
           WHERE table_name = 'reports'
              OR (table_name = 'evidence' AND record_key IN (
                    SELECT record_key FROM record_history
                    WHERE table_name = 'evidence' AND json_extract(row, '$.role') = 'led'))"#
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Arc::new(Shared::from_raw(
        &unpack(shared)?,
        &unpack(everyone)?,
    )))
}

/// The history rows of reports' own records that a replay reads: of one report, or of all.
/// One row comes back per report, holding all of its versions as a JSON array (fetching rows
/// one by one costs more than reading them); each version's own row stays JSON text, so that a
/// record that cannot be read is reported for that record only.
async fn own_rows(conn: &mut SqliteConnection, report: Option<&str>) -> Result<Vec<RawVersion>> {
    // Two queries: one report's rows are found through its index.
    let packed = match report {
        Some(report) => {
            sqlx::query_scalar!(
                r#"SELECT json_group_array(json_array(seq, table_name, record_key, report_id,
                              written_on, op = 'delete', row)) AS "versions!: String"
                   FROM record_history
                   WHERE report_id = ?1
                     AND table_name IN ('reports', 'mandates', 'mandate_reviews', 'evidence',
                          'evidence_co_owners', 'evidence_links', 'visibility', 'advocates',
                          'mentorships', 'mentorship_feedback', 'manager_changes', 'candidates',
                          'packet_versions', 'packet_reviews', 'rule_checks', 'signal_acks',
                          'meetings')"#,
                report
            )
            .fetch_all(conn)
            .await?
        }
        None => {
            sqlx::query_scalar!(
                r#"SELECT json_group_array(json_array(seq, table_name, record_key, report_id,
                              written_on, op = 'delete', row)) AS "versions!: String"
                   FROM record_history INDEXED BY record_history_report
                   WHERE report_id IS NOT NULL
                     AND table_name IN ('reports', 'mandates', 'mandate_reviews', 'evidence',
                          'evidence_co_owners', 'evidence_links', 'visibility', 'advocates',
                          'mentorships', 'mentorship_feedback', 'manager_changes', 'candidates',
                          'packet_versions', 'packet_reviews', 'rule_checks', 'signal_acks',
                          'meetings')
                   GROUP BY report_id"#
            )
            .fetch_all(conn)
            .await?
        }
    };
    unpack(packed)
}

/// One version as a query packs it: seq, table, record key, report, day written, deleted, row.
type Packed = (
    i64,
    String,
    String,
    Option<String>,
    NaiveDate,
    i64,
    serde_json::Value,
);

/// History versions packed by a query as JSON arrays (`json_array(seq, table_name,
/// record_key, report_id, written_on, deleted, row)`, one array per version, grouped).
fn unpack(packed: Vec<String>) -> Result<Vec<RawVersion>> {
    let mut out = Vec::new();
    for versions in packed {
        // A stored row comes as the JSON text it is stored as; one the query built (the
        // reduced rows) comes as a JSON object.
        let rows: Vec<Packed> =
            serde_json::from_str(&versions).map_err(|e| crate::error::Error::Storage {
                message: format!("The record's history could not be read: {e}"),
            })?;
        out.extend(rows.into_iter().map(
            |(seq, table_name, record_key, report_id, written_on, deleted, row)| RawVersion {
                seq,
                table_name,
                record_key,
                report_id,
                written_on,
                deleted: deleted != 0,
                row: match row {
                    serde_json::Value::String(text) => text,
                    other => other.to_string(),
                },
            },
        ));
    }
    Ok(out)
}

/// Every table whose writes the history triggers record (migration 0005), parents first, with
/// the column a baseline touches and how to date the baseline of a record that predates the
/// history: when it was created, or for rows that carry no time of their own, their parent's.
const HISTORIED: &[(&str, &str, &str)] = &[
    ("people", "id", "$.created_at"),
    ("ladder_levels", "id", "$.created_at"),
    ("ladder_changes", "id", "$.changed_at"),
    ("reports", "id", "$.created_at"),
    ("mandates", "id", "$.created_at"),
    ("mandate_reviews", "id", "$.created_at"),
    ("evidence", "id", "$.created_at"),
    ("evidence_co_owners", "person_id", "evidence"),
    ("evidence_links", "label", "evidence"),
    ("visibility", "id", "$.created_at"),
    ("advocates", "id", "$.created_at"),
    ("mentorships", "id", "$.created_at"),
    ("mentorship_feedback", "id", "$.created_at"),
    ("manager_changes", "id", "$.created_at"),
    ("cycles", "id", "$.created_at"),
    ("cycle_committee", "person_id", "cycles"),
    ("candidates", "id", "$.created_at"),
    ("packet_versions", "id", "$.created_at"),
    ("rules_of_thumb", "id", "$.created_at"),
    ("packet_reviews", "id", "$.created_at"),
    ("rule_checks", "note", "checked_on"),
    ("signal_acks", "id", "$.created_at"),
    ("settings", "value", "$.updated_at"),
    ("meetings", "id", "$.created_at"),
    ("meeting_notes", "id", "$.created_at"),
    ("agenda_items", "id", "$.created_at"),
    ("meeting_agenda", "item_id", "meetings"),
    ("action_items", "id", "$.created_at"),
    ("one_on_one_links", "created_at", "$.created_at"),
    ("questions", "id", "$.created_at"),
];

/// The tables whose writes are kept in the history.
pub fn historied_tables() -> impl Iterator<Item = &'static str> {
    HISTORIED.iter().map(|(t, _, _)| *t)
}

/// When a baseline row's record was entered, as SQL over `record_history` row `h`.
fn entered(dating: &str) -> String {
    match dating {
        "evidence" => {
            "(SELECT created_at FROM evidence WHERE id = json_extract(h.row, '$.evidence_id'))"
                .into()
        }
        "cycles" => {
            "(SELECT created_at FROM cycles WHERE id = json_extract(h.row, '$.cycle_id'))".into()
        }
        "meetings" => {
            "(SELECT created_at FROM meetings WHERE id = json_extract(h.row, '$.meeting_id'))"
                .into()
        }
        "checked_on" => "json_extract(h.row, '$.checked_on') || 'T12:00:00+00:00'".into(),
        path => format!("json_extract(h.row, '{path}')"),
    }
}

/// Whether the history holds nothing yet (a database from before it, or an archive import of
/// schema 4).
pub(crate) async fn is_empty(conn: &mut SqliteConnection) -> Result<bool> {
    Ok(
        !sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM record_history) AS "any!: bool""#)
            .fetch_one(conn)
            .await?,
    )
}

/// Gives every record that has no history yet (they predate it: the upgrade to schema 5, or an
/// archive of schema 4) one version, dated when it was created, and for a soft-deleted record
/// a second one, dated when it was deleted. The rows are written by the history triggers
/// themselves (a write that changes nothing), so they hold exactly what a live write would.
/// Does nothing when the history already holds anything.
pub(crate) async fn backfill(conn: &mut SqliteConnection) -> Result<()> {
    if !is_empty(&mut *conn).await? {
        return Ok(());
    }
    for (table, column, _) in HISTORIED {
        sqlx::query(&format!("UPDATE {table} SET {column} = {column}"))
            .execute(&mut *conn)
            .await?;
    }
    for (table, _, dating) in HISTORIED {
        let at = entered(dating);
        sqlx::query(&format!(
            "UPDATE record_history AS h SET op = 'insert',
                 written_at = coalesce({at}, h.written_at),
                 written_on = substr(coalesce({at}, h.written_at), 1, 10)
             WHERE h.table_name = '{table}'"
        ))
        .execute(&mut *conn)
        .await?;
    }
    // A record deleted before the history began: present from its creation until then.
    sqlx::query(
        "INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
         SELECT table_name, record_key, report_id, json_extract(row, '$.deleted_at'),
                substr(json_extract(row, '$.deleted_at'), 1, 10), 'update', row
         FROM record_history WHERE json_extract(row, '$.deleted_at') IS NOT NULL ORDER BY seq",
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE record_history SET row = json_set(row, '$.deleted_at', NULL)
         WHERE op = 'insert' AND json_extract(row, '$.deleted_at') IS NOT NULL",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
