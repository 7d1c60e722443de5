//! Queries for the 1:1 question bank and the prep view built from it.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{ensure_version, one_on_ones, Store};
use crate::error::{Error, Result};
use crate::ids::{QuestionId, ReportId};
use crate::model::{Prep, Question, QuestionDraft};

impl Store {
    /// The question bank, in trigger order then wording; retired questions only if asked.
    pub async fn questions(&self, include_retired: bool) -> Result<Vec<Question>> {
        let mut conn = self.pool.acquire().await?;
        select_questions(&mut conn, include_retired).await
    }

    pub async fn create_question(&self, draft: &QuestionDraft) -> Result<Question> {
        let v = draft.validate()?;
        let mut tx = self.write().await?;
        let id = QuestionId::new();
        let now = self.clock.now();
        sqlx::query!(
            "INSERT INTO questions (id, text, trigger, retired, version, created_at, updated_at)
             VALUES (?, ?, ?, ?, 1, ?, ?)",
            id,
            v.text,
            v.trigger,
            v.retired,
            now,
            now
        )
        .execute(&mut *tx)
        .await?;
        let q = question(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(q)
    }

    /// Edits a question (its words, trigger, or retiring it so it is no longer suggested).
    pub async fn update_question(
        &self,
        id: &QuestionId,
        expected_version: i32,
        draft: &QuestionDraft,
    ) -> Result<Question> {
        let v = draft.validate()?;
        let mut tx = self.write().await?;
        let current = question(&mut tx, id).await?;
        ensure_version("question", &current.text, current.version, expected_version)?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE questions SET text = ?, trigger = ?, retired = ?, version = version + 1,
                 updated_at = ? WHERE id = ?",
            v.text,
            v.trigger,
            v.retired,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        let q = question(&mut tx, id).await?;
        tx.commit().await?;
        Ok(q)
    }

    /// The 1:1 prep for a report as of a date (normally today).
    pub async fn prep(&self, report_id: &ReportId, as_of: NaiveDate) -> Result<Prep> {
        let mut conn = self.pool.acquire().await?;
        let (history, name) = super::radar::one_history(&mut conn, report_id).await?;
        let ones = one_on_ones::load(&mut conn, report_id, as_of).await?;
        let bank = select_questions(&mut conn, false).await?;
        let replay = crate::radar::Replay::new(&history, report_id, None);
        crate::prep::build(&replay, &ones, &bank, as_of).map_err(|why| match why {
            crate::prep::NoPrep::NotEntered => Error::conflict(format!(
                "{name} had not been entered into Trellis by {as_of}, so there is no prep for that day."
            )),
            crate::prep::NoPrep::Unreadable(p) => Error::conflict(format!(
                "The 1:1 prep for {name} cannot be made: {} cannot be read. The radar tab names it.",
                p.describe()
            )),
        })
    }
}

/// The question bank (retired questions only if asked), or one question by id.
pub(crate) async fn select_questions(
    conn: &mut SqliteConnection,
    include_retired: bool,
) -> Result<Vec<Question>> {
    select(conn, include_retired, None).await
}

async fn question(conn: &mut SqliteConnection, id: &QuestionId) -> Result<Question> {
    select(conn, true, Some(id))
        .await?
        .pop()
        .ok_or_else(|| Error::not_found("question", id.as_str()))
}

async fn select(
    conn: &mut SqliteConnection,
    include_retired: bool,
    id: Option<&QuestionId>,
) -> Result<Vec<Question>> {
    Ok(sqlx::query_as!(
        Question,
        r#"SELECT id AS "id!: QuestionId", text AS "text!", trigger AS "trigger!",
                  retired AS "retired!: bool", version AS "version!: i32",
                  created_at AS "created_at!: DateTime<Utc>",
                  updated_at AS "updated_at!: DateTime<Utc>"
           FROM questions WHERE (?1 OR retired = 0) AND (?2 IS NULL OR id = ?2)
           ORDER BY trigger, text, id"#,
        include_retired,
        id
    )
    .fetch_all(conn)
    .await?)
}
