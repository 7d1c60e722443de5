//! Queries for mentorships and the feedback their mentees give.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::people::live_people;
use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{FeedbackId, MentorshipId, PersonId, ReportId};
use crate::model::mentorship::{ValidFeedback, ValidMentorship};
use crate::model::{
    Feedback, FeedbackDraft, FeedbackSource, Mentorship, MentorshipDraft, PersonRef, RecordKind,
    Relationship, Sentiment,
};

impl Store {
    /// A report's mentorships (current first), each with its feedback, newest first.
    pub async fn mentorships(&self, report_id: &ReportId) -> Result<Vec<Mentorship>> {
        let mut conn = self.pool.acquire().await?;
        select_mentorships(&mut conn, Some(report_id), None).await
    }

    pub async fn create_mentorship(
        &self,
        report_id: &ReportId,
        draft: &MentorshipDraft,
    ) -> Result<Mentorship> {
        let mut tx = self.write().await?;
        let (own_person, _) = editable_report_person(&mut tx, report_id).await?;
        let people = live_people(&mut tx, &draft.mentee_id).await?;
        let v = draft.validate(&people, &own_person, self.clock.today())?;
        let id = MentorshipId::new();
        insert_mentorship(&mut tx, &id, report_id, &v, self.clock.now()).await?;
        let created = mentorship(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_mentorship(
        &self,
        id: &MentorshipId,
        expected_version: i32,
        draft: &MentorshipDraft,
    ) -> Result<Mentorship> {
        let mut tx = self.write().await?;
        let current = mentorship(&mut tx, id).await?;
        let (own_person, _) = editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "mentorship",
            &current.mentee.name,
            current.version,
            expected_version,
        )?;
        let people = live_people(&mut tx, &draft.mentee_id).await?;
        let v = draft.validate(&people, &own_person, self.clock.today())?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE mentorships SET mentee_id = ?, goals = ?, started_on = ?, ended_on = ?,
                 version = version + 1, updated_at = ? WHERE id = ?",
            v.mentee_id,
            v.goals,
            v.started_on,
            v.ended_on,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Mentorship, id.as_str()).await?;
        for f in &current.feedback {
            search::reindex(&mut tx, RecordKind::Feedback, f.id.as_str()).await?;
        }
        let updated = mentorship(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Records feedback on a mentorship; returns the mentorship.
    pub async fn add_feedback(
        &self,
        mentorship_id: &MentorshipId,
        draft: &FeedbackDraft,
    ) -> Result<Mentorship> {
        let mut tx = self.write().await?;
        self.add_feedback_in(&mut tx, mentorship_id, draft).await?;
        let updated = mentorship(&mut tx, mentorship_id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Validates and inserts feedback inside the caller's transaction; returns the entry's
    /// id and the mentorship's report.
    pub(crate) async fn add_feedback_in(
        &self,
        conn: &mut SqliteConnection,
        mentorship_id: &MentorshipId,
        draft: &FeedbackDraft,
    ) -> Result<(FeedbackId, ReportId)> {
        let m = mentorship(&mut *conn, mentorship_id).await?;
        editable_report_person(&mut *conn, &m.report_id).await?;
        let v = draft.validate(self.clock.today())?;
        received_after_start(&v, &m)?;
        let id = insert_feedback(conn, mentorship_id, &v, self.clock.now()).await?;
        Ok((id, m.report_id))
    }

    /// Edits feedback, including marking it addressed (date and what was done).
    pub async fn update_feedback(
        &self,
        id: &FeedbackId,
        expected_version: i32,
        draft: &FeedbackDraft,
    ) -> Result<Mentorship> {
        let mut tx = self.write().await?;
        let row = sqlx::query!(
            r#"SELECT mentorship_id AS "mentorship_id!: MentorshipId",
                      version AS "version!: i32"
               FROM mentorship_feedback WHERE id = ? AND deleted_at IS NULL"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| Error::not_found("feedback entry", id.as_str()))?;
        let m = mentorship(&mut tx, &row.mentorship_id).await?;
        editable_report_person(&mut tx, &m.report_id).await?;
        ensure_version(
            "feedback entry",
            &m.mentee.name,
            row.version,
            expected_version,
        )?;
        let v = draft.validate(self.clock.today())?;
        received_after_start(&v, &m)?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE mentorship_feedback SET received_on = ?, source = ?, sentiment = ?, words = ?,
                 quotable = ?, addressed_on = ?, addressed_action = ?, version = version + 1,
                 updated_at = ? WHERE id = ?",
            v.received_on,
            v.source,
            v.sentiment,
            v.words,
            v.quotable,
            v.addressed_on,
            v.addressed_action,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Feedback, id.as_str()).await?;
        let updated = mentorship(&mut tx, &row.mentorship_id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// Feedback on a mentorship comes after it started.
fn received_after_start(v: &ValidFeedback, m: &Mentorship) -> Result<()> {
    if v.received_on < m.started_on {
        return Err(Error::invalid(
            "receivedOn",
            format!(
                "Received on cannot be before the mentorship started ({}).",
                m.started_on
            ),
        ));
    }
    Ok(())
}

/// Inserts a validated mentorship and indexes it.
pub(crate) async fn insert_mentorship(
    conn: &mut SqliteConnection,
    id: &MentorshipId,
    report_id: &ReportId,
    v: &ValidMentorship,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO mentorships (id, report_id, mentee_id, goals, started_on, ended_on,
             version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        v.mentee_id,
        v.goals,
        v.started_on,
        v.ended_on,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Mentorship, id.as_str()).await
}

/// Inserts validated feedback on a mentorship and indexes it.
pub(crate) async fn insert_feedback(
    conn: &mut SqliteConnection,
    mentorship_id: &MentorshipId,
    v: &ValidFeedback,
    now: DateTime<Utc>,
) -> Result<FeedbackId> {
    let id = FeedbackId::new();
    sqlx::query!(
        "INSERT INTO mentorship_feedback (id, mentorship_id, received_on, source, sentiment,
             words, quotable, addressed_on, addressed_action, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        mentorship_id,
        v.received_on,
        v.source,
        v.sentiment,
        v.words,
        v.quotable,
        v.addressed_on,
        v.addressed_action,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Feedback, id.as_str()).await?;
    Ok(id)
}

/// A mentorship ending after it was entered (the generator writes it on the day it ended).
pub(crate) async fn end_mentorship(
    conn: &mut SqliteConnection,
    id: &MentorshipId,
    ended_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE mentorships SET ended_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
        ended_on,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Mentorship, id.as_str()).await
}

/// Feedback marked addressed after it was entered (the generator writes it on the day it was
/// addressed, so that a replay before then sees it open).
pub(crate) async fn address_feedback(
    conn: &mut SqliteConnection,
    id: &FeedbackId,
    addressed_on: NaiveDate,
    action: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE mentorship_feedback SET addressed_on = ?, addressed_action = ?,
             version = version + 1, updated_at = ? WHERE id = ?",
        addressed_on,
        action,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Feedback, id.as_str()).await
}

pub(crate) async fn mentorship(
    conn: &mut SqliteConnection,
    id: &MentorshipId,
) -> Result<Mentorship> {
    select_mentorships(conn, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("mentorship", id.as_str()))
}

struct MentorshipRow {
    id: MentorshipId,
    report_id: ReportId,
    mentee_id: PersonId,
    name: String,
    title: String,
    relationship: Relationship,
    goals: String,
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub(crate) async fn select_mentorships(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    id: Option<&MentorshipId>,
) -> Result<Vec<Mentorship>> {
    let rows = sqlx::query_as!(
        MentorshipRow,
        r#"SELECT m.id AS "id!: MentorshipId", m.report_id AS "report_id!: ReportId",
                  p.id AS "mentee_id!: PersonId", p.name AS "name!", p.title AS "title!",
                  p.relationship AS "relationship!: Relationship", m.goals AS "goals!",
                  m.started_on AS "started_on!: NaiveDate", m.ended_on AS "ended_on?: NaiveDate",
                  m.version AS "version!: i32", m.created_at AS "created_at!: DateTime<Utc>",
                  m.updated_at AS "updated_at!: DateTime<Utc>"
           FROM mentorships m JOIN people p ON p.id = m.mentee_id
           WHERE m.deleted_at IS NULL
             AND (?1 IS NULL OR m.report_id = ?1) AND (?2 IS NULL OR m.id = ?2)
           ORDER BY m.ended_on IS NOT NULL, m.started_on DESC, m.id"#,
        report_id,
        id
    )
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut feedback = select_feedback(conn, report_id, id).await?;
    Ok(rows
        .into_iter()
        .map(|r| Mentorship {
            feedback: feedback.remove(&r.id).unwrap_or_default(),
            id: r.id,
            report_id: r.report_id,
            mentee: PersonRef {
                id: r.mentee_id,
                name: r.name,
                title: r.title,
                relationship: r.relationship,
            },
            goals: r.goals,
            started_on: r.started_on,
            ended_on: r.ended_on,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

async fn select_feedback(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
    mentorship_id: Option<&MentorshipId>,
) -> Result<HashMap<MentorshipId, Vec<Feedback>>> {
    let rows = sqlx::query_as!(
        Feedback,
        r#"SELECT f.id AS "id!: FeedbackId", f.mentorship_id AS "mentorship_id!: MentorshipId",
                  f.received_on AS "received_on!: NaiveDate",
                  f.source AS "source!: FeedbackSource", f.sentiment AS "sentiment!: Sentiment",
                  f.words AS "words!", f.quotable AS "quotable!: bool",
                  f.addressed_on AS "addressed_on?: NaiveDate",
                  f.addressed_action AS "addressed_action!", f.version AS "version!: i32",
                  f.created_at AS "created_at!: DateTime<Utc>",
                  f.updated_at AS "updated_at!: DateTime<Utc>"
           FROM mentorship_feedback f JOIN mentorships m ON m.id = f.mentorship_id
           WHERE f.deleted_at IS NULL
             AND (?1 IS NULL OR m.report_id = ?1) AND (?2 IS NULL OR m.id = ?2)
           ORDER BY f.received_on DESC, f.id DESC"#,
        report_id,
        mentorship_id
    )
    .fetch_all(conn)
    .await?;
    let mut by_mentorship: HashMap<MentorshipId, Vec<Feedback>> = HashMap::new();
    for f in rows {
        by_mentorship
            .entry(f.mentorship_id.clone())
            .or_default()
            .push(f);
    }
    Ok(by_mentorship)
}
