//! Queries for mandates and their history.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::people::live_people;
use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use std::collections::HashMap;

use crate::ids::{MandateId, MandateReviewId, PersonId, ReportId};
use crate::model::mandate::{ValidClosing, ValidMandate, ValidMandateReview};
use crate::model::{
    Assessment, Mandate, MandateClosing, MandateDraft, MandateReview, MandateReviewDraft,
    MandateStatus, PersonRef, RecordKind, Relationship, ReviewOutcome,
};

impl Store {
    /// A report's mandates: the active one first, then history, newest first.
    pub async fn mandates(&self, report_id: &ReportId) -> Result<Vec<Mandate>> {
        let mut conn = self.pool.acquire().await?;
        select_mandates(&mut conn, report_id).await
    }

    /// Sets a new active mandate. If one is active, `closing` says how it ended (completed or
    /// dropped, why, when) and it moves to history; without it the request is a conflict.
    pub async fn set_mandate(
        &self,
        report_id: &ReportId,
        draft: &MandateDraft,
        closing: Option<&MandateClosing>,
    ) -> Result<Vec<Mandate>> {
        let mut tx = self.write().await?;
        let (_, name) = editable_report_person(&mut tx, report_id).await?;
        let today = self.clock.today();
        let people = live_people(&mut tx, &draft.sponsor_id).await?;
        let v = draft.validate(&people, today)?;
        let active = select_mandates(&mut tx, report_id)
            .await?
            .into_iter()
            .find(|m| m.status == MandateStatus::Active);
        let now = self.clock.now();
        if let Some(active) = active {
            let Some(closing) = closing else {
                return Err(Error::conflict(format!(
                    "{name} already has an active mandate; say how it ended (completed or \
                     dropped) to replace it."
                )));
            };
            let closed = closing.validate(active.set_on, today)?;
            if v.set_on < closed.ended_on {
                return Err(Error::invalid(
                    "setOn",
                    format!(
                        "The new mandate cannot start before the current one ended ({}).",
                        closed.ended_on
                    ),
                ));
            }
            close(&mut tx, &active.id, &closed, now).await?;
        }
        let id = MandateId::new();
        insert_mandate(&mut tx, &id, report_id, &v, now).await?;
        let mandates = select_mandates(&mut tx, report_id).await?;
        tx.commit().await?;
        Ok(mandates)
    }

    /// Corrects a mandate's fields (current or past) without changing its status.
    pub async fn update_mandate(
        &self,
        id: &MandateId,
        expected_version: i32,
        draft: &MandateDraft,
    ) -> Result<Mandate> {
        let mut tx = self.write().await?;
        let current = mandate(&mut tx, id).await?;
        editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "mandate",
            &current.statement,
            current.version,
            expected_version,
        )?;
        let people = live_people(&mut tx, &draft.sponsor_id).await?;
        let v = draft.validate(&people, self.clock.today())?;
        if let Some(ended_on) = current.ended_on.filter(|ended| *ended < v.set_on) {
            return Err(Error::invalid(
                "setOn",
                format!("Set on cannot be after the mandate ended ({ended_on})."),
            ));
        }
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE mandates SET statement = ?, priority = ?, room = ?, attention = ?,
                 sponsor_id = ?, set_on = ?, review_by = ?, version = version + 1,
                 updated_at = ? WHERE id = ?",
            v.statement,
            v.priority,
            v.room,
            v.attention,
            v.sponsor_id,
            v.set_on,
            v.review_by,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Mandate, id.as_str()).await?;
        let updated = mandate(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Records a review of the active mandate: kept (its next review date moves), changed (its
    /// words, priority, room, attention or sponsor change, and its next review date), or
    /// dropped (it ends on the review's day). The mandate is not closed and copied.
    pub async fn review_mandate(
        &self,
        id: &MandateId,
        expected_version: i32,
        draft: &MandateReviewDraft,
    ) -> Result<Mandate> {
        let mut tx = self.write().await?;
        let current = mandate(&mut tx, id).await?;
        editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "mandate",
            &current.statement,
            current.version,
            expected_version,
        )?;
        if current.status != MandateStatus::Active {
            return Err(Error::conflict(
                "This mandate has already ended; only the current mandate can be reviewed.",
            ));
        }
        let sponsor = draft.changed.as_ref().and_then(|c| c.sponsor_id.clone());
        let people = live_people(&mut tx, &sponsor).await?;
        let v = draft.validate(current.set_on, &people, self.clock.today())?;
        record_review(&mut tx, id, &v, self.clock.now()).await?;
        let updated = mandate(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Ends the active mandate without a replacement.
    pub async fn close_mandate(
        &self,
        id: &MandateId,
        expected_version: i32,
        closing: &MandateClosing,
    ) -> Result<Mandate> {
        let mut tx = self.write().await?;
        let current = mandate(&mut tx, id).await?;
        editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "mandate",
            &current.statement,
            current.version,
            expected_version,
        )?;
        if current.status != MandateStatus::Active {
            return Err(Error::conflict("This mandate has already ended."));
        }
        let closed = closing.validate(current.set_on, self.clock.today())?;
        close(&mut tx, id, &closed, self.clock.now()).await?;
        let updated = mandate(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// Writes a validated review of an active mandate: the review, and what it does to the
/// mandate (kept or changed: its next review date moves; dropped: it ends on the review's day).
pub(crate) async fn record_review(
    conn: &mut SqliteConnection,
    id: &MandateId,
    v: &ValidMandateReview,
    now: DateTime<Utc>,
) -> Result<()> {
    let review = MandateReviewId::new();
    sqlx::query!(
        "INSERT INTO mandate_reviews (id, mandate_id, reviewed_on, outcome, note,
             next_review_on, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
        review,
        id,
        v.reviewed_on,
        v.outcome,
        v.note,
        v.next_review_on,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    match v.outcome {
        ReviewOutcome::Dropped => {
            let closed = ValidClosing {
                status: MandateStatus::Dropped,
                reason: v.note.clone(),
                ended_on: v.reviewed_on,
            };
            close(&mut *conn, id, &closed, now).await?;
        }
        ReviewOutcome::Kept => {
            sqlx::query!(
                "UPDATE mandates SET review_by = ?, version = version + 1, updated_at = ?
                 WHERE id = ?",
                v.next_review_on,
                now,
                id
            )
            .execute(&mut *conn)
            .await?;
        }
        ReviewOutcome::Changed => {
            let Some(c) = &v.changed else {
                return Err(Error::invalid("changed", "Say how the mandate changed."));
            };
            sqlx::query!(
                "UPDATE mandates SET statement = ?, priority = ?, room = ?, attention = ?,
                     sponsor_id = ?, review_by = ?, version = version + 1, updated_at = ?
                 WHERE id = ?",
                c.statement,
                c.priority,
                c.room,
                c.attention,
                c.sponsor_id,
                v.next_review_on,
                now,
                id
            )
            .execute(&mut *conn)
            .await?;
            search::reindex(&mut *conn, RecordKind::Mandate, id.as_str()).await?;
        }
    }
    Ok(())
}

/// Inserts a validated, active mandate and indexes it.
pub(crate) async fn insert_mandate(
    conn: &mut SqliteConnection,
    id: &MandateId,
    report_id: &ReportId,
    v: &ValidMandate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO mandates (id, report_id, statement, priority, room, attention, sponsor_id,
             set_on, review_by, status, status_reason, ended_on, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', '', NULL, 1, ?, ?)",
        id,
        report_id,
        v.statement,
        v.priority,
        v.room,
        v.attention,
        v.sponsor_id,
        v.set_on,
        v.review_by,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Mandate, id.as_str()).await
}

/// Moves a mandate to history (completed or dropped) and reindexes it.
pub(crate) async fn close(
    conn: &mut SqliteConnection,
    id: &MandateId,
    closed: &ValidClosing,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE mandates SET status = ?, status_reason = ?, ended_on = ?,
             version = version + 1, updated_at = ? WHERE id = ?",
        closed.status,
        closed.reason,
        closed.ended_on,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Mandate, id.as_str()).await
}

struct MandateRow {
    id: MandateId,
    report_id: ReportId,
    statement: String,
    priority: String,
    room: Assessment,
    attention: Assessment,
    sponsor_id: Option<PersonId>,
    sponsor_name: Option<String>,
    sponsor_title: Option<String>,
    sponsor_relationship: Option<Relationship>,
    set_on: NaiveDate,
    review_by: Option<NaiveDate>,
    status: MandateStatus,
    status_reason: String,
    ended_on: Option<NaiveDate>,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<MandateRow> for Mandate {
    fn from(r: MandateRow) -> Self {
        let sponsor = match (
            r.sponsor_id,
            r.sponsor_name,
            r.sponsor_title,
            r.sponsor_relationship,
        ) {
            (Some(id), Some(name), Some(title), Some(relationship)) => Some(PersonRef {
                id,
                name,
                title,
                relationship,
            }),
            _ => None,
        };
        Mandate {
            id: r.id,
            report_id: r.report_id,
            statement: r.statement,
            priority: r.priority,
            room: r.room,
            attention: r.attention,
            sponsor,
            set_on: r.set_on,
            review_by: r.review_by,
            status: r.status,
            status_reason: r.status_reason,
            ended_on: r.ended_on,
            reviews: Vec::new(),
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

pub(crate) async fn mandate(conn: &mut SqliteConnection, id: &MandateId) -> Result<Mandate> {
    select(conn, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("mandate", id.as_str()))
}

pub(crate) async fn select_mandates(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
) -> Result<Vec<Mandate>> {
    select(conn, Some(report_id), None).await
}

pub(crate) async fn select(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    id: Option<&MandateId>,
) -> Result<Vec<Mandate>> {
    let rows = sqlx::query_as!(
        MandateRow,
        r#"SELECT m.id AS "id!: MandateId", m.report_id AS "report_id!: ReportId",
                  m.statement AS "statement!", m.priority AS "priority!",
                  m.room AS "room!: Assessment", m.attention AS "attention!: Assessment",
                  m.sponsor_id AS "sponsor_id?: PersonId", s.name AS "sponsor_name?",
                  s.title AS "sponsor_title?",
                  s.relationship AS "sponsor_relationship?: Relationship",
                  m.set_on AS "set_on!: NaiveDate", m.review_by AS "review_by?: NaiveDate",
                  m.status AS "status!: MandateStatus", m.status_reason AS "status_reason!",
                  m.ended_on AS "ended_on?: NaiveDate", m.version AS "version!: i32",
                  m.created_at AS "created_at!: DateTime<Utc>",
                  m.updated_at AS "updated_at!: DateTime<Utc>"
           FROM mandates m LEFT JOIN people s ON s.id = m.sponsor_id
           WHERE m.deleted_at IS NULL
             AND (?1 IS NULL OR m.report_id = ?1) AND (?2 IS NULL OR m.id = ?2)
           ORDER BY m.status = 'active' DESC, m.set_on DESC, m.id DESC"#,
        report_id,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut reviews: HashMap<MandateId, Vec<MandateReview>> = HashMap::new();
    for r in sqlx::query_as!(
        MandateReview,
        r#"SELECT v.id AS "id!: MandateReviewId", v.mandate_id AS "mandate_id!: MandateId",
                  v.reviewed_on AS "reviewed_on!: NaiveDate",
                  v.outcome AS "outcome!: ReviewOutcome", v.note AS "note!",
                  v.next_review_on AS "next_review_on?: NaiveDate", v.version AS "version!: i32",
                  v.created_at AS "created_at!: DateTime<Utc>",
                  v.updated_at AS "updated_at!: DateTime<Utc>"
           FROM mandate_reviews v JOIN mandates m ON m.id = v.mandate_id
           WHERE v.deleted_at IS NULL
             AND (?1 IS NULL OR m.report_id = ?1) AND (?2 IS NULL OR m.id = ?2)
           ORDER BY v.reviewed_on DESC, v.created_at DESC, v.id DESC"#,
        report_id,
        id
    )
    .fetch_all(&mut *conn)
    .await?
    {
        reviews.entry(r.mandate_id.clone()).or_default().push(r);
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut m = Mandate::from(r);
            m.reviews = reviews.remove(&m.id).unwrap_or_default();
            m
        })
        .collect())
}
