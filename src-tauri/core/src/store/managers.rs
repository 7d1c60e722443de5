//! Queries for a report's manager history.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{ManagerChangeId, ReportId};
use crate::model::{ManagerChange, ManagerChangeDraft, RecordKind};

impl Store {
    /// A report's manager changes, newest first.
    pub async fn manager_changes(&self, report_id: &ReportId) -> Result<Vec<ManagerChange>> {
        let mut conn = self.pool.acquire().await?;
        select_manager_changes(&mut conn, Some(report_id), None).await
    }

    pub async fn add_manager_change(
        &self,
        report_id: &ReportId,
        draft: &ManagerChangeDraft,
    ) -> Result<ManagerChange> {
        let mut tx = self.write().await?;
        editable_report_person(&mut tx, report_id).await?;
        let v = draft.validate(self.clock.today())?;
        let id = ManagerChangeId::new();
        insert_manager_change(&mut tx, &id, report_id, &v, self.clock.now()).await?;
        let created = manager_change(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_manager_change(
        &self,
        id: &ManagerChangeId,
        expected_version: i32,
        draft: &ManagerChangeDraft,
    ) -> Result<ManagerChange> {
        let mut tx = self.write().await?;
        let current = manager_change(&mut tx, id).await?;
        editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "manager change",
            &current.manager,
            current.version,
            expected_version,
        )?;
        let v = draft.validate(self.clock.today())?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE manager_changes SET changed_on = ?, manager = ?, note = ?, ended_on = ?,
                 is_me = ?, version = version + 1, updated_at = ? WHERE id = ?",
            v.changed_on,
            v.manager,
            v.note,
            v.ended_on,
            v.is_me,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::ManagerChange, id.as_str()).await?;
        let updated = manager_change(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// Inserts a validated manager change and indexes it.
pub(crate) async fn insert_manager_change(
    conn: &mut SqliteConnection,
    id: &ManagerChangeId,
    report_id: &ReportId,
    v: &crate::model::manager::ValidManagerChange,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO manager_changes (id, report_id, changed_on, manager, note, ended_on, is_me,
             version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        v.changed_on,
        v.manager,
        v.note,
        v.ended_on,
        v.is_me,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::ManagerChange, id.as_str()).await
}

async fn manager_change(
    conn: &mut SqliteConnection,
    id: &ManagerChangeId,
) -> Result<ManagerChange> {
    select_manager_changes(conn, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("manager change", id.as_str()))
}

pub(crate) async fn select_manager_changes(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    id: Option<&ManagerChangeId>,
) -> Result<Vec<ManagerChange>> {
    Ok(sqlx::query_as!(
        ManagerChange,
        r#"SELECT id AS "id!: ManagerChangeId", report_id AS "report_id!: ReportId",
                  changed_on AS "changed_on!: NaiveDate", manager AS "manager!", note AS "note!",
                  ended_on AS "ended_on?: NaiveDate", is_me AS "is_me!: bool",
                  version AS "version!: i32", created_at AS "created_at!: DateTime<Utc>",
                  updated_at AS "updated_at!: DateTime<Utc>"
           FROM manager_changes
           WHERE deleted_at IS NULL AND (?1 IS NULL OR report_id = ?1) AND (?2 IS NULL OR id = ?2)
           ORDER BY changed_on DESC, id DESC"#,
        report_id,
        id
    )
    .fetch_all(conn)
    .await?)
}
