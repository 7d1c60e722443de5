//! Queries for evidence, its co-owners and links. Visibility lives in visibility.rs.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::people::live_people;
use super::visibility::select_visibility;
use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{EvidenceId, PersonId, ReportId};
use crate::model::evidence::ValidEvidence;
use crate::model::{
    Archetype, Evidence, EvidenceDraft, EvidenceKind, EvidenceRole, Link, PersonRef, RecordKind,
    Relationship, WorkMix,
};

impl Store {
    /// A report's evidence, newest first, with co-owners, links and visibility.
    pub async fn evidence(&self, report_id: &ReportId) -> Result<Vec<Evidence>> {
        let mut conn = self.pool.acquire().await?;
        select_evidence(&mut conn, Some(report_id), None).await
    }

    pub async fn evidence_item(&self, id: &EvidenceId) -> Result<Evidence> {
        let mut conn = self.pool.acquire().await?;
        evidence_item(&mut conn, id).await
    }

    pub async fn create_evidence(
        &self,
        report_id: &ReportId,
        draft: &EvidenceDraft,
    ) -> Result<Evidence> {
        let mut tx = self.write().await?;
        let id = self.create_evidence_in(&mut tx, report_id, draft).await?;
        let created = evidence_item(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Validates and inserts evidence inside the caller's transaction.
    pub(crate) async fn create_evidence_in(
        &self,
        conn: &mut SqliteConnection,
        report_id: &ReportId,
        draft: &EvidenceDraft,
    ) -> Result<EvidenceId> {
        let (own_person, _) = editable_report_person(&mut *conn, report_id).await?;
        let people = live_people(&mut *conn, &draft.co_owner_ids).await?;
        let v = draft.validate(&people, &own_person, self.clock.today())?;
        let id = EvidenceId::new();
        insert_evidence(conn, &id, report_id, &v, self.clock.now()).await?;
        Ok(id)
    }

    pub async fn update_evidence(
        &self,
        id: &EvidenceId,
        expected_version: i32,
        draft: &EvidenceDraft,
    ) -> Result<Evidence> {
        let mut tx = self.write().await?;
        let current = evidence_item(&mut tx, id).await?;
        let (own_person, _) = editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "evidence item",
            &current.title,
            current.version,
            expected_version,
        )?;
        let people = live_people(&mut tx, &draft.co_owner_ids).await?;
        let v = draft.validate(&people, &own_person, self.clock.today())?;
        let now = self.clock.now();
        if v.flagship {
            unmark_other_flagship(&mut tx, &current.report_id, id, now).await?;
        }
        sqlx::query!(
            "UPDATE evidence SET title = ?, description = ?, started_on = ?, ended_on = ?,
                 kind = ?, role = ?, impact = ?, in_production_since = ?, archetype = ?,
                 work_mix = ?, flagship = ?, version = version + 1, updated_at = ?
             WHERE id = ?",
            v.title,
            v.description,
            v.started_on,
            v.ended_on,
            v.kind,
            v.role,
            v.impact,
            v.in_production_since,
            v.archetype,
            v.work_mix,
            v.flagship,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!("DELETE FROM evidence_co_owners WHERE evidence_id = ?", id)
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM evidence_links WHERE evidence_id = ?", id)
            .execute(&mut *tx)
            .await?;
        write_children(&mut tx, id, &v).await?;
        // Visibility entries carry the evidence title in their index entries.
        search::reindex_with_parts(&mut tx, RecordKind::Evidence, id.as_str()).await?;
        let updated = evidence_item(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// What became known about an evidence item after it was entered: when it ended, since when it
/// has run in production, and its impact (the generator enters work when it starts, and
/// writes these on the day they happened).
pub(crate) async fn record_outcome(
    conn: &mut SqliteConnection,
    id: &EvidenceId,
    ended_on: Option<NaiveDate>,
    in_production_since: Option<NaiveDate>,
    impact: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE evidence SET ended_on = ?, in_production_since = ?, impact = ?,
             version = version + 1, updated_at = ? WHERE id = ?",
        ended_on,
        in_production_since,
        impact,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Evidence, id.as_str()).await
}

/// Inserts a validated evidence item with its co-owners and links, and indexes it.
pub(crate) async fn insert_evidence(
    conn: &mut SqliteConnection,
    id: &EvidenceId,
    report_id: &ReportId,
    v: &ValidEvidence,
    now: DateTime<Utc>,
) -> Result<()> {
    if v.flagship {
        unmark_other_flagship(&mut *conn, report_id, id, now).await?;
    }
    sqlx::query!(
        "INSERT INTO evidence (id, report_id, title, description, started_on, ended_on, kind,
             role, impact, in_production_since, archetype, work_mix, flagship, version,
             created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        v.title,
        v.description,
        v.started_on,
        v.ended_on,
        v.kind,
        v.role,
        v.impact,
        v.in_production_since,
        v.archetype,
        v.work_mix,
        v.flagship,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    write_children(&mut *conn, id, v).await?;
    search::reindex(conn, RecordKind::Evidence, id.as_str()).await
}

/// Unmarks the report's flagship other than `keep` (one flagship per report).
async fn unmark_other_flagship(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    keep: &EvidenceId,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE evidence SET flagship = 0, version = version + 1, updated_at = ?
         WHERE report_id = ? AND flagship = 1 AND id != ?",
        now,
        report_id,
        keep
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn write_children(
    conn: &mut SqliteConnection,
    id: &EvidenceId,
    v: &ValidEvidence,
) -> Result<()> {
    for person_id in &v.co_owner_ids {
        sqlx::query!(
            "INSERT INTO evidence_co_owners (evidence_id, person_id) VALUES (?, ?)",
            id,
            person_id
        )
        .execute(&mut *conn)
        .await?;
    }
    for (position, link) in (0_i32..).zip(&v.links) {
        sqlx::query!(
            "INSERT INTO evidence_links (evidence_id, position, url, label) VALUES (?, ?, ?, ?)",
            id,
            position,
            link.url,
            link.label
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub(crate) async fn evidence_item(
    conn: &mut SqliteConnection,
    id: &EvidenceId,
) -> Result<Evidence> {
    select_evidence(conn, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("evidence item", id.as_str()))
}

struct EvidenceRow {
    id: EvidenceId,
    report_id: ReportId,
    title: String,
    description: String,
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
    kind: EvidenceKind,
    role: EvidenceRole,
    impact: String,
    in_production_since: Option<NaiveDate>,
    archetype: Option<Archetype>,
    work_mix: WorkMix,
    flagship: bool,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// Live evidence of a report, or one item, with everything attached.
pub(crate) async fn select_evidence(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    id: Option<&EvidenceId>,
) -> Result<Vec<Evidence>> {
    let rows = sqlx::query_as!(
        EvidenceRow,
        r#"SELECT id AS "id!: EvidenceId", report_id AS "report_id!: ReportId",
                  title AS "title!", description AS "description!",
                  started_on AS "started_on!: NaiveDate", ended_on AS "ended_on?: NaiveDate",
                  kind AS "kind!: EvidenceKind", role AS "role!: EvidenceRole",
                  impact AS "impact!", in_production_since AS "in_production_since?: NaiveDate",
                  archetype AS "archetype?: Archetype", work_mix AS "work_mix!: WorkMix",
                  flagship AS "flagship!: bool",
                  version AS "version!: i32", created_at AS "created_at!: DateTime<Utc>",
                  updated_at AS "updated_at!: DateTime<Utc>"
           FROM evidence
           WHERE deleted_at IS NULL AND (?1 IS NULL OR report_id = ?1) AND (?2 IS NULL OR id = ?2)
           ORDER BY started_on DESC, id DESC"#,
        report_id,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }

    let mut co_owners: HashMap<EvidenceId, Vec<PersonRef>> = HashMap::new();
    for r in sqlx::query!(
        r#"SELECT c.evidence_id AS "evidence_id!: EvidenceId", p.id AS "id!: PersonId",
                  p.name AS "name!", p.title AS "title!",
                  p.relationship AS "relationship!: Relationship"
           FROM evidence_co_owners c JOIN evidence e ON e.id = c.evidence_id
           JOIN people p ON p.id = c.person_id
           WHERE (?1 IS NULL OR e.report_id = ?1) AND (?2 IS NULL OR e.id = ?2)
           ORDER BY p.name"#,
        report_id,
        id
    )
    .fetch_all(&mut *conn)
    .await?
    {
        co_owners.entry(r.evidence_id).or_default().push(PersonRef {
            id: r.id,
            name: r.name,
            title: r.title,
            relationship: r.relationship,
        });
    }

    let mut links: HashMap<EvidenceId, Vec<Link>> = HashMap::new();
    for r in sqlx::query!(
        r#"SELECT l.evidence_id AS "evidence_id!: EvidenceId", l.url AS "url!",
                  l.label AS "label!"
           FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id
           WHERE (?1 IS NULL OR e.report_id = ?1) AND (?2 IS NULL OR e.id = ?2)
           ORDER BY l.position"#,
        report_id,
        id
    )
    .fetch_all(&mut *conn)
    .await?
    {
        links.entry(r.evidence_id).or_default().push(Link {
            url: r.url,
            label: r.label,
        });
    }

    let mut seen = select_visibility(conn, report_id, id).await?;
    Ok(rows
        .into_iter()
        .map(|r| Evidence {
            co_owners: co_owners.remove(&r.id).unwrap_or_default(),
            links: links.remove(&r.id).unwrap_or_default(),
            visibility: seen.remove(&r.id).unwrap_or_default(),
            id: r.id,
            report_id: r.report_id,
            title: r.title,
            description: r.description,
            started_on: r.started_on,
            ended_on: r.ended_on,
            kind: r.kind,
            role: r.role,
            impact: r.impact,
            in_production_since: r.in_production_since,
            archetype: r.archetype,
            work_mix: r.work_mix,
            flagship: r.flagship,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}
