//! Queries for cycles and their committees.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::people::live_people;
use super::{ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{CycleId, PersonId};
use crate::model::cycle::ValidCycle;
use crate::model::{CommitteeMember, Cycle, CycleDraft, PersonRef, RecordKind, Relationship};

impl Store {
    /// Every cycle, the next calibration first, then past ones, newest first.
    pub async fn cycles(&self) -> Result<Vec<Cycle>> {
        let mut conn = self.pool.acquire().await?;
        let mut cycles = select_cycles(&mut conn, None).await?;
        let today = self.clock.today();
        let (mut upcoming, past): (Vec<Cycle>, Vec<Cycle>) =
            cycles.drain(..).partition(|c| c.calibration_date >= today);
        upcoming.sort_by_key(|c| c.calibration_date);
        upcoming.extend(past); // already newest first
        Ok(upcoming)
    }

    pub async fn cycle(&self, id: &CycleId) -> Result<Cycle> {
        let mut conn = self.pool.acquire().await?;
        cycle(&mut conn, id).await
    }

    pub async fn create_cycle(&self, draft: &CycleDraft) -> Result<Cycle> {
        let mut tx = self.write().await?;
        let people = live_people(&mut tx, &draft.committee_ids).await?;
        let v = draft.validate(&people)?;
        let id = CycleId::new();
        insert_cycle(&mut tx, &id, &v, self.clock.now()).await?;
        let created = cycle(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_cycle(
        &self,
        id: &CycleId,
        expected_version: i32,
        draft: &CycleDraft,
    ) -> Result<Cycle> {
        let mut tx = self.write().await?;
        let current = cycle(&mut tx, id).await?;
        ensure_version("cycle", &current.name, current.version, expected_version)?;
        let people = live_people(&mut tx, &draft.committee_ids).await?;
        let v = draft.validate(&people)?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE cycles SET name = ?, opens_on = ?, packet_due = ?, calibration_date = ?,
                 version = version + 1, updated_at = ? WHERE id = ?",
            v.name,
            v.opens_on,
            v.packet_due,
            v.calibration_date,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!("DELETE FROM cycle_committee WHERE cycle_id = ?", id)
            .execute(&mut *tx)
            .await?;
        write_committee(&mut tx, id, &v).await?;
        // Candidacies are indexed under the cycle's name.
        search::reindex_with_parts(&mut tx, RecordKind::Cycle, id.as_str()).await?;
        let updated = cycle(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// Inserts a validated cycle with its committee, and indexes it.
pub(crate) async fn insert_cycle(
    conn: &mut SqliteConnection,
    id: &CycleId,
    v: &ValidCycle,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO cycles (id, name, opens_on, packet_due, calibration_date, version,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        v.name,
        v.opens_on,
        v.packet_due,
        v.calibration_date,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    write_committee(&mut *conn, id, v).await?;
    search::reindex(conn, RecordKind::Cycle, id.as_str()).await
}

async fn write_committee(conn: &mut SqliteConnection, id: &CycleId, v: &ValidCycle) -> Result<()> {
    for (person, joined_on) in &v.committee {
        sqlx::query!(
            "INSERT INTO cycle_committee (cycle_id, person_id, joined_on) VALUES (?, ?, ?)",
            id,
            person,
            joined_on
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub(crate) async fn cycle(conn: &mut SqliteConnection, id: &CycleId) -> Result<Cycle> {
    select_cycles(conn, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("cycle", id.as_str()))
}

struct CycleRow {
    id: CycleId,
    name: String,
    opens_on: NaiveDate,
    packet_due: NaiveDate,
    calibration_date: NaiveDate,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub(crate) async fn select_cycles(
    conn: &mut SqliteConnection,
    id: Option<&CycleId>,
) -> Result<Vec<Cycle>> {
    let rows = sqlx::query_as!(
        CycleRow,
        r#"SELECT id AS "id!: CycleId", name AS "name!", opens_on AS "opens_on!: NaiveDate",
                  packet_due AS "packet_due!: NaiveDate",
                  calibration_date AS "calibration_date!: NaiveDate", version AS "version!: i32",
                  created_at AS "created_at!: DateTime<Utc>", updated_at AS "updated_at!: DateTime<Utc>"
           FROM cycles WHERE deleted_at IS NULL AND (?1 IS NULL OR id = ?1)
           ORDER BY calibration_date DESC, id"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut committees: HashMap<CycleId, Vec<CommitteeMember>> = HashMap::new();
    for m in sqlx::query!(
        r#"SELECT c.cycle_id AS "cycle_id!: CycleId", p.id AS "id!: PersonId", p.name AS "name!",
                  p.title AS "title!", p.relationship AS "relationship!: Relationship",
                  c.joined_on AS "joined_on?: NaiveDate"
           FROM cycle_committee c JOIN people p ON p.id = c.person_id
           WHERE (?1 IS NULL OR c.cycle_id = ?1) ORDER BY p.name, p.id"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?
    {
        committees
            .entry(m.cycle_id)
            .or_default()
            .push(CommitteeMember {
                person: PersonRef {
                    id: m.id,
                    name: m.name,
                    title: m.title,
                    relationship: m.relationship,
                },
                joined_on: m.joined_on,
            });
    }
    Ok(rows
        .into_iter()
        .map(|r| Cycle {
            committee: committees.remove(&r.id).unwrap_or_default(),
            id: r.id,
            name: r.name,
            opens_on: r.opens_on,
            packet_due: r.packet_due,
            calibration_date: r.calibration_date,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}
