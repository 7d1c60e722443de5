//! Queries for advocates.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::people::live_people;
use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{AdvocateId, PersonId, ReportId};
use crate::model::advocate::ValidAdvocate;
use crate::model::{Advocate, AdvocateDraft, PersonRef, RecordKind, Relationship, SupportStrength};

impl Store {
    /// A report's advocates, strongest support first.
    pub async fn advocates(&self, report_id: &ReportId) -> Result<Vec<Advocate>> {
        let mut conn = self.pool.acquire().await?;
        select_advocates(&mut conn, Some(report_id), None).await
    }

    pub async fn create_advocate(
        &self,
        report_id: &ReportId,
        draft: &AdvocateDraft,
    ) -> Result<Advocate> {
        let mut tx = self.write().await?;
        let (own_person, _) = editable_report_person(&mut tx, report_id).await?;
        let v = self
            .check_advocate(&mut tx, report_id, &own_person, draft, None)
            .await?;
        let id = AdvocateId::new();
        insert_advocate(&mut tx, &id, report_id, &v, self.clock.now()).await?;
        let created = advocate(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_advocate(
        &self,
        id: &AdvocateId,
        expected_version: i32,
        draft: &AdvocateDraft,
    ) -> Result<Advocate> {
        let mut tx = self.write().await?;
        let current = advocate(&mut tx, id).await?;
        let (own_person, _) = editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "advocate",
            &current.person.name,
            current.version,
            expected_version,
        )?;
        let v = self
            .check_advocate(&mut tx, &current.report_id, &own_person, draft, Some(id))
            .await?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE advocates SET person_id = ?, what_seen = ?, strength = ?, last_checked = ?,
                 supporting_since = ?, notes = ?, version = version + 1, updated_at = ?
             WHERE id = ?",
            v.person_id,
            v.what_seen,
            v.strength,
            v.last_checked,
            v.supporting_since,
            v.notes,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Advocate, id.as_str()).await?;
        let updated = advocate(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Validates a draft and refuses a second live entry for the same advocate.
    async fn check_advocate(
        &self,
        conn: &mut SqliteConnection,
        report_id: &ReportId,
        own_person: &PersonId,
        draft: &AdvocateDraft,
        except: Option<&AdvocateId>,
    ) -> Result<ValidAdvocate> {
        let people = live_people(conn, &draft.person_id).await?;
        let v = draft.validate(&people, own_person, self.clock.today())?;
        let existing = select_advocates(conn, Some(report_id), None).await?;
        if let Some(twin) = existing
            .iter()
            .find(|a| a.person.id == v.person_id && Some(&a.id) != except)
        {
            return Err(Error::invalid(
                "personId",
                format!(
                    "{} is already recorded as an advocate; edit that entry instead.",
                    twin.person.name
                ),
            ));
        }
        Ok(v)
    }
}

/// Inserts a validated advocate and indexes it.
pub(crate) async fn insert_advocate(
    conn: &mut SqliteConnection,
    id: &AdvocateId,
    report_id: &ReportId,
    v: &ValidAdvocate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO advocates (id, report_id, person_id, what_seen, strength, last_checked,
             supporting_since, notes, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        v.person_id,
        v.what_seen,
        v.strength,
        v.last_checked,
        v.supporting_since,
        v.notes,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Advocate, id.as_str()).await
}

/// The manager checked with an advocate after entering them (the generator writes it on the
/// day of the check).
pub(crate) async fn check_advocate(
    conn: &mut SqliteConnection,
    id: &AdvocateId,
    last_checked: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE advocates SET last_checked = ?, version = version + 1, updated_at = ? WHERE id = ?",
        last_checked,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Advocate, id.as_str()).await
}

struct AdvocateRow {
    id: AdvocateId,
    report_id: ReportId,
    person_id: PersonId,
    name: String,
    title: String,
    relationship: Relationship,
    what_seen: String,
    strength: SupportStrength,
    last_checked: Option<NaiveDate>,
    supporting_since: Option<NaiveDate>,
    notes: String,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub(crate) async fn advocate(conn: &mut SqliteConnection, id: &AdvocateId) -> Result<Advocate> {
    select_advocates(conn, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("advocate", id.as_str()))
}

pub(crate) async fn select_advocates(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    id: Option<&AdvocateId>,
) -> Result<Vec<Advocate>> {
    let rows = sqlx::query_as!(
        AdvocateRow,
        r#"SELECT a.id AS "id!: AdvocateId", a.report_id AS "report_id!: ReportId",
                  p.id AS "person_id!: PersonId", p.name AS "name!", p.title AS "title!",
                  p.relationship AS "relationship!: Relationship",
                  a.what_seen AS "what_seen!", a.strength AS "strength!: SupportStrength",
                  a.last_checked AS "last_checked?: NaiveDate",
                  a.supporting_since AS "supporting_since?: NaiveDate", a.notes AS "notes!",
                  a.version AS "version!: i32", a.created_at AS "created_at!: DateTime<Utc>",
                  a.updated_at AS "updated_at!: DateTime<Utc>"
           FROM advocates a JOIN people p ON p.id = a.person_id
           WHERE a.deleted_at IS NULL
             AND (?1 IS NULL OR a.report_id = ?1) AND (?2 IS NULL OR a.id = ?2)
           ORDER BY CASE a.strength WHEN 'strong' THEN 0 WHEN 'moderate' THEN 1
                    WHEN 'weak' THEN 2 ELSE 3 END, p.name"#,
        report_id,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Advocate {
            id: r.id,
            report_id: r.report_id,
            person: PersonRef {
                id: r.person_id,
                name: r.name,
                title: r.title,
                relationship: r.relationship,
            },
            what_seen: r.what_seen,
            strength: r.strength,
            last_checked: r.last_checked,
            supporting_since: r.supporting_since,
            notes: r.notes,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}
