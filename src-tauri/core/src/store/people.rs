//! Queries for the people directory.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{search, Store};
use crate::error::{Error, Result};
use crate::ids::{PersonId, ReportId};
use crate::model::person::ValidPerson;
use crate::model::{Person, PersonDraft, RecordKind, Relationship};

impl Store {
    /// Everyone in the directory (reports included), by name.
    pub async fn people(&self) -> Result<Vec<Person>> {
        let mut conn = self.pool.acquire().await?;
        select_people(&mut conn, None).await
    }

    pub async fn person(&self, id: &PersonId) -> Result<Person> {
        let mut conn = self.pool.acquire().await?;
        person(&mut conn, id).await
    }

    /// Adds someone who is not a report (reports are added on the roster).
    pub async fn create_person(&self, draft: &PersonDraft) -> Result<Person> {
        let v = draft.validate(false)?;
        let mut tx = self.write().await?;
        let id = PersonId::new();
        insert_person(&mut tx, &id, &v, self.clock.now()).await?;
        let created = person(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_person(
        &self,
        id: &PersonId,
        expected_version: i32,
        draft: &PersonDraft,
    ) -> Result<Person> {
        let mut tx = self.write().await?;
        let current = person(&mut tx, id).await?;
        if let Some(report_id) = &current.report_id {
            super::editable_report_person(&mut tx, report_id).await?;
        }
        super::ensure_version("person", &current.name, current.version, expected_version)?;
        let v = draft.validate(current.report_id.is_some())?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE people SET name = ?, title = ?, relationship = ?, notes = ?,
                 version = version + 1, updated_at = ? WHERE id = ?",
            v.name,
            v.title,
            v.relationship,
            v.notes,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        // The report shows the person's name: an open report form is now out of date too.
        sqlx::query!(
            "UPDATE reports SET version = version + 1, updated_at = ? WHERE person_id = ?",
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex_person_and_dependents(&mut tx, id).await?;
        let updated = person(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// Inserts a validated person (not a report) and indexes them.
pub(crate) async fn insert_person(
    conn: &mut SqliteConnection,
    id: &PersonId,
    v: &ValidPerson,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO people (id, name, title, relationship, notes, version, created_at,
             updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        v.name,
        v.title,
        v.relationship,
        v.notes,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Person, id.as_str()).await
}

struct PersonRow {
    id: PersonId,
    name: String,
    title: String,
    relationship: Relationship,
    notes: String,
    report_id: Option<ReportId>,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub(crate) async fn person(conn: &mut SqliteConnection, id: &PersonId) -> Result<Person> {
    select_people(conn, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("person", id.as_str()))
}

async fn select_people(conn: &mut SqliteConnection, id: Option<&PersonId>) -> Result<Vec<Person>> {
    let rows = sqlx::query_as!(
        PersonRow,
        r#"SELECT p.id AS "id!: PersonId", p.name AS "name!", p.title AS "title!",
                  p.relationship AS "relationship!: Relationship", p.notes AS "notes!",
                  r.id AS "report_id?: ReportId", p.version AS "version!: i32",
                  p.created_at AS "created_at!: DateTime<Utc>",
                  p.updated_at AS "updated_at!: DateTime<Utc>"
           FROM people p LEFT JOIN reports r ON r.person_id = p.id
           WHERE p.deleted_at IS NULL AND (?1 IS NULL OR p.id = ?1)"#,
        id
    )
    .fetch_all(conn)
    .await?;
    let mut people: Vec<Person> = rows
        .into_iter()
        .map(|r| Person {
            id: r.id,
            name: r.name,
            title: r.title,
            relationship: r.relationship,
            notes: r.notes,
            report_id: r.report_id,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect();
    people.sort_by_cached_key(|p| p.name.to_lowercase());
    Ok(people)
}

/// The live people among `ids` (deleted and unknown ids are left out).
pub(crate) async fn live_people(
    conn: &mut SqliteConnection,
    ids: impl IntoIterator<Item = &PersonId>,
) -> Result<HashSet<PersonId>> {
    let ids: Vec<&str> = ids.into_iter().map(PersonId::as_str).collect();
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    let json = serde_json::to_string(&ids).map_err(|e| Error::Storage {
        message: format!("Could not encode person ids: {e}"),
    })?;
    let found = sqlx::query_scalar!(
        r#"SELECT id AS "id!: PersonId" FROM people
           WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))"#,
        json
    )
    .fetch_all(conn)
    .await?;
    Ok(found.into_iter().collect())
}

/// How many records (live or deleted, which can be restored) point at a person.
pub(crate) async fn references_to(conn: &mut SqliteConnection, id: &PersonId) -> Result<i32> {
    Ok(sqlx::query_scalar!(
        r#"SELECT
             (SELECT COUNT(*) FROM reports WHERE person_id = ?1)
           + (SELECT COUNT(*) FROM mandates WHERE sponsor_id = ?1)
           + (SELECT COUNT(*) FROM evidence_co_owners WHERE person_id = ?1)
           + (SELECT COUNT(*) FROM visibility WHERE person_id = ?1)
           + (SELECT COUNT(*) FROM advocates WHERE person_id = ?1)
           + (SELECT COUNT(*) FROM mentorships WHERE mentee_id = ?1)
           + (SELECT COUNT(*) FROM cycle_committee WHERE person_id = ?1)
           + (SELECT COUNT(*) FROM packet_reviews WHERE reviewer_id = ?1)
           + (SELECT COUNT(*) FROM rules_of_thumb WHERE said_by_id = ?1) AS "n!: i32""#,
        id
    )
    .fetch_one(conn)
    .await?)
}
