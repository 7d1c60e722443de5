//! Queries for visibility entries and the visibility gaps of a report.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::evidence::{evidence_item, select_evidence};
use super::people::live_people;
use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{EvidenceId, PersonId, ReportId, VisibilityId};
use crate::model::visibility::{ValidVisibility, MAX_VISIBILITY};
use crate::model::{
    Channel, Evidence, PersonRef, RecordKind, Relationship, UnseenEvidence, VisibilityDraft,
    VisibilityEntry, VisibilityGaps,
};

impl Store {
    /// Records that someone saw a piece of evidence; returns the evidence.
    pub async fn add_visibility(
        &self,
        evidence_id: &EvidenceId,
        draft: &VisibilityDraft,
    ) -> Result<Evidence> {
        let mut tx = self.write().await?;
        let evidence = evidence_item(&mut tx, evidence_id).await?;
        editable_report_person(&mut tx, &evidence.report_id).await?;
        let people = live_people(&mut tx, &draft.person_id).await?;
        let v = draft.validate(&people, self.clock.today())?;
        seen_after_start(&v, &evidence)?;
        if evidence.visibility.len() >= MAX_VISIBILITY {
            return Err(Error::invalid(
                "visibility",
                format!(
                    "Visibility entries on one evidence item: at most {MAX_VISIBILITY}, not {}.",
                    evidence.visibility.len() + 1
                ),
            ));
        }
        insert_visibility(&mut tx, evidence_id, &v, self.clock.now()).await?;
        let updated = evidence_item(&mut tx, evidence_id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    pub async fn update_visibility(
        &self,
        id: &VisibilityId,
        expected_version: i32,
        draft: &VisibilityDraft,
    ) -> Result<Evidence> {
        let mut tx = self.write().await?;
        let row = sqlx::query!(
            r#"SELECT evidence_id AS "evidence_id!: EvidenceId", version AS "version!: i32"
               FROM visibility WHERE id = ? AND deleted_at IS NULL"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| Error::not_found("visibility entry", id.as_str()))?;
        let evidence = evidence_item(&mut tx, &row.evidence_id).await?;
        editable_report_person(&mut tx, &evidence.report_id).await?;
        ensure_version(
            "visibility entry",
            &evidence.title,
            row.version,
            expected_version,
        )?;
        let people = live_people(&mut tx, &draft.person_id).await?;
        let v = draft.validate(&people, self.clock.today())?;
        seen_after_start(&v, &evidence)?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE visibility SET person_id = ?, channel = ?, detail = ?, seen_on = ?,
                 version = version + 1, updated_at = ? WHERE id = ?",
            v.person_id,
            v.channel,
            v.detail,
            v.seen_on,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Visibility, id.as_str()).await?;
        let updated = evidence_item(&mut tx, &row.evidence_id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Which of a report's evidence the skip-level (everyone recorded as skip-level) has not
    /// seen. `committee` is the committee of the report's next cycle, when there is one.
    /// The committee of the report's next cycle as of today (the nearest calibration on or
    /// after today, else their latest), its members who have joined by today; `None` when the
    /// report is no candidate.
    pub async fn next_committee(&self, report_id: &ReportId) -> Result<Option<Vec<PersonRef>>> {
        let mut conn = self.pool.acquire().await?;
        let today = self.clock.today();
        let candidacies =
            super::candidates::select_candidates(&mut conn, None, Some(report_id), None).await?;
        let cycles = super::cycles::select_cycles(&mut conn, None).await?;
        let mine: Vec<&crate::model::Cycle> = cycles
            .iter()
            .filter(|y| candidacies.iter().any(|c| c.cycle_id == y.id))
            .collect();
        let next = mine
            .iter()
            .filter(|y| y.calibration_date >= today)
            .min_by_key(|y| y.calibration_date)
            .or_else(|| mine.iter().max_by_key(|y| y.calibration_date));
        Ok(next.map(|y| {
            y.committee
                .iter()
                .filter(|m| m.joined_on.is_none_or(|j| j <= today))
                .map(|m| m.person.clone())
                .collect()
        }))
    }

    pub async fn visibility_gaps(
        &self,
        report_id: &ReportId,
        committee: Option<Vec<PersonRef>>,
    ) -> Result<VisibilityGaps> {
        let mut conn = self.pool.acquire().await?;
        super::reports::report(&mut conn, report_id).await?;
        let evidence = select_evidence(&mut conn, Some(report_id), None).await?;
        let skip_levels = sqlx::query_as!(
            PersonRef,
            r#"SELECT id AS "id!: PersonId", name AS "name!", title AS "title!",
                      relationship AS "relationship!: Relationship"
               FROM people WHERE relationship = 'skip_level' AND deleted_at IS NULL
               ORDER BY name"#
        )
        .fetch_all(&mut *conn)
        .await?;
        let unseen_by_skip_level = unseen_by(&evidence, &skip_levels);
        let unseen_by_committee = committee
            .as_deref()
            .map(|members| unseen_by(&evidence, members))
            .unwrap_or_default();
        Ok(VisibilityGaps {
            skip_levels,
            unseen_by_skip_level,
            committee,
            unseen_by_committee,
            evidence_count: i32::try_from(evidence.len()).unwrap_or(i32::MAX),
        })
    }
}

/// Nobody can have seen work before it started.
fn seen_after_start(v: &ValidVisibility, evidence: &Evidence) -> Result<()> {
    if v.seen_on < evidence.started_on {
        return Err(Error::invalid(
            "seenOn",
            format!(
                "Seen on cannot be before the work started ({}).",
                evidence.started_on
            ),
        ));
    }
    Ok(())
}

/// Inserts a validated visibility entry and indexes it.
pub(crate) async fn insert_visibility(
    conn: &mut SqliteConnection,
    evidence_id: &EvidenceId,
    v: &ValidVisibility,
    now: DateTime<Utc>,
) -> Result<VisibilityId> {
    let id = VisibilityId::new();
    sqlx::query!(
        "INSERT INTO visibility (id, evidence_id, person_id, channel, detail, seen_on,
             version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        evidence_id,
        v.person_id,
        v.channel,
        v.detail,
        v.seen_on,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Visibility, id.as_str()).await?;
    Ok(id)
}

/// The evidence none of `audience` has seen (all of it for an empty audience).
pub fn unseen_by(evidence: &[Evidence], audience: &[PersonRef]) -> Vec<UnseenEvidence> {
    let audience: HashSet<&PersonId> = audience.iter().map(|p| &p.id).collect();
    evidence
        .iter()
        .filter(|e| !e.visibility.iter().any(|v| audience.contains(&v.person.id)))
        .map(|e| UnseenEvidence {
            id: e.id.clone(),
            title: e.title.clone(),
            kind: e.kind,
            role: e.role,
            started_on: e.started_on,
            has_impact: !e.impact.trim().is_empty(),
        })
        .collect()
}

struct VisibilityRow {
    id: VisibilityId,
    evidence_id: EvidenceId,
    person_id: PersonId,
    name: String,
    title: String,
    relationship: Relationship,
    channel: Channel,
    detail: String,
    seen_on: NaiveDate,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// Live visibility entries of a report's evidence (or one item's), oldest first.
pub(crate) async fn select_visibility(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    evidence_id: Option<&EvidenceId>,
) -> Result<HashMap<EvidenceId, Vec<VisibilityEntry>>> {
    let rows = sqlx::query_as!(
        VisibilityRow,
        r#"SELECT v.id AS "id!: VisibilityId", v.evidence_id AS "evidence_id!: EvidenceId",
                  p.id AS "person_id!: PersonId", p.name AS "name!", p.title AS "title!",
                  p.relationship AS "relationship!: Relationship",
                  v.channel AS "channel!: Channel", v.detail AS "detail!",
                  v.seen_on AS "seen_on!: NaiveDate", v.version AS "version!: i32",
                  v.created_at AS "created_at!: DateTime<Utc>",
                  v.updated_at AS "updated_at!: DateTime<Utc>"
           FROM visibility v JOIN evidence e ON e.id = v.evidence_id
           JOIN people p ON p.id = v.person_id
           WHERE v.deleted_at IS NULL
             AND (?1 IS NULL OR e.report_id = ?1) AND (?2 IS NULL OR e.id = ?2)
           ORDER BY v.seen_on, v.id"#,
        report_id,
        evidence_id
    )
    .fetch_all(conn)
    .await?;
    let mut by_evidence: HashMap<EvidenceId, Vec<VisibilityEntry>> = HashMap::new();
    for r in rows {
        by_evidence
            .entry(r.evidence_id.clone())
            .or_default()
            .push(VisibilityEntry {
                id: r.id,
                evidence_id: r.evidence_id,
                person: PersonRef {
                    id: r.person_id,
                    name: r.name,
                    title: r.title,
                    relationship: r.relationship,
                },
                channel: r.channel,
                detail: r.detail,
                seen_on: r.seen_on,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            });
    }
    Ok(by_evidence)
}
