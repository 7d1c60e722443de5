//! Deleting and restoring any record of the staff record. Deletion is soft (the row stays
//! with `deleted_at` set) so it can be undone; a person anything refers to is never deleted.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::people::references_to;
use super::{editable_report_person, search, Store};
use crate::error::{Error, Result};
use crate::ids::{PersonId, ReportId};
use crate::model::RecordKind;

impl Store {
    /// Deletes a record (undo with [`Store::restore_record`]). Its parts (a piece of
    /// evidence's visibility, a mentorship's feedback) disappear and return with it.
    pub async fn delete_record(&self, kind: RecordKind, id: &str) -> Result<()> {
        self.set_deleted(kind, id, Some(self.clock.now())).await
    }

    /// Undoes a deletion.
    pub async fn restore_record(&self, kind: RecordKind, id: &str) -> Result<()> {
        self.set_deleted(kind, id, None).await
    }

    async fn set_deleted(
        &self,
        kind: RecordKind,
        id: &str,
        deleted_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        match kind {
            RecordKind::Report => {
                return Err(Error::conflict(
                    "Reports are archived, not deleted: use Archive on the report's page.",
                ))
            }
            RecordKind::PacketVersion | RecordKind::LadderChange => {
                return Err(Error::conflict(
                    "Saved packet versions and the ladder's history are kept as they are; \
                     they cannot be deleted.",
                ))
            }
            _ => {}
        }
        let mut tx = self.write().await?;
        let table = kind.table();
        // `table` comes from a closed enum, never from input.
        let state: Option<(Option<String>,)> =
            sqlx::query_as(&format!("SELECT deleted_at FROM {table} WHERE id = ?"))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((current,)) = state else {
            return Err(Error::not_found(kind.noun(), id));
        };
        if current.is_some() == deleted_at.is_some() {
            return Ok(()); // already in the asked-for state
        }
        if let Some(report_id) = owning_report(&mut tx, kind, id).await? {
            editable_report_person(&mut tx, &report_id).await?;
        }
        if kind == RecordKind::Person && deleted_at.is_some() {
            let person = PersonId::from(id);
            let refs = references_to(&mut tx, &person).await?;
            if refs > 0 {
                return Err(Error::conflict(format!(
                    "This person is part of {refs} record{} (a report, evidence, a visibility \
                     entry, a mandate, an advocate, a mentorship, a committee, a packet review \
                     or a rule of thumb), so deleting them would lose history. Change those \
                     records first.",
                    if refs == 1 { "" } else { "s" }
                )));
            }
        }
        let now = self.clock.now();
        let update = sqlx::query(&format!(
            "UPDATE {table} SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?"
        ))
        .bind(deleted_at)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await;
        if let Err(sqlx::Error::Database(e)) = &update {
            if e.is_unique_violation() {
                return Err(Error::conflict(match kind {
                    RecordKind::Mandate => {
                        "Another mandate is active now; close it before restoring this one."
                    }
                    RecordKind::Advocate => {
                        "This person is already an advocate again; edit that entry instead."
                    }
                    _ => "A record like this one exists again; edit that one instead.",
                }));
            }
        }
        update?;
        search::reindex_with_parts(&mut tx, kind, id).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The report a record belongs to, if any.
async fn owning_report(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: &str,
) -> Result<Option<ReportId>> {
    let sql = match kind {
        RecordKind::Report
        | RecordKind::Person
        | RecordKind::Cycle
        | RecordKind::Rule
        | RecordKind::LadderChange => return Ok(None),
        RecordKind::ManagerChange => "SELECT report_id FROM manager_changes WHERE id = ?",
        RecordKind::Candidate => "SELECT report_id FROM candidates WHERE id = ?",
        RecordKind::PacketVersion => {
            "SELECT c.report_id FROM packet_versions v JOIN candidates c ON c.id = v.candidate_id
             WHERE v.id = ?"
        }
        RecordKind::Review => {
            "SELECT c.report_id FROM packet_reviews r JOIN candidates c ON c.id = r.candidate_id
             WHERE r.id = ?"
        }
        RecordKind::Mandate => "SELECT report_id FROM mandates WHERE id = ?",
        RecordKind::Meeting => "SELECT report_id FROM meetings WHERE id = ?",
        RecordKind::AgendaItem => "SELECT report_id FROM agenda_items WHERE id = ?",
        RecordKind::ActionItem => "SELECT report_id FROM action_items WHERE id = ?",
        RecordKind::Note => {
            "SELECT m.report_id FROM meeting_notes n JOIN meetings m ON m.id = n.meeting_id
             WHERE n.id = ?"
        }
        RecordKind::Evidence => "SELECT report_id FROM evidence WHERE id = ?",
        RecordKind::Advocate => "SELECT report_id FROM advocates WHERE id = ?",
        RecordKind::Mentorship => "SELECT report_id FROM mentorships WHERE id = ?",
        RecordKind::Visibility => {
            "SELECT e.report_id FROM visibility v JOIN evidence e ON e.id = v.evidence_id
             WHERE v.id = ?"
        }
        RecordKind::Feedback => {
            "SELECT m.report_id FROM mentorship_feedback f
             JOIN mentorships m ON m.id = f.mentorship_id WHERE f.id = ?"
        }
    };
    let row: Option<(String,)> = sqlx::query_as(sql).bind(id).fetch_optional(conn).await?;
    Ok(row.map(|(r,)| ReportId::from(r)))
}
