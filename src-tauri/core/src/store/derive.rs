//! Turning 1:1 content (a note, an agenda item, an action item) into evidence or a mentorship
//! feedback entry in one step, keeping a link back to where it came from.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::evidence::evidence_item;
use super::mentorship::mentorship;
use super::Store;
use crate::error::{Error, Result};
use crate::ids::{MentorshipId, ReportId};
use crate::model::{
    Evidence, EvidenceDraft, FeedbackDraft, Mentorship, RecordKind, SourceKind, SourceRef,
};

impl Store {
    /// Creates evidence from 1:1 content (the draft is what the manager confirmed in the
    /// form), linked back to it. All or nothing.
    pub async fn evidence_from(
        &self,
        source: &SourceRef,
        draft: &EvidenceDraft,
    ) -> Result<Evidence> {
        let mut tx = self.write().await?;
        let (report_id, _) = source_report(&mut tx, source).await?;
        let id = self.create_evidence_in(&mut tx, &report_id, draft).await?;
        link(&mut tx, source, RecordKind::Evidence, id.as_str(), self).await?;
        let created = evidence_item(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Records mentorship feedback from 1:1 content, linked back to it. The mentorship must
    /// be one of the same report's.
    pub async fn feedback_from(
        &self,
        source: &SourceRef,
        mentorship_id: &MentorshipId,
        draft: &FeedbackDraft,
    ) -> Result<Mentorship> {
        let mut tx = self.write().await?;
        let (report_id, _) = source_report(&mut tx, source).await?;
        let (feedback_id, owner) = self.add_feedback_in(&mut tx, mentorship_id, draft).await?;
        if owner != report_id {
            return Err(Error::invalid(
                "mentorshipId",
                "That mentorship belongs to another report.",
            ));
        }
        link(
            &mut tx,
            source,
            RecordKind::Feedback,
            feedback_id.as_str(),
            self,
        )
        .await?;
        let updated = mentorship(&mut tx, mentorship_id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// The report a piece of 1:1 content belongs to, and its date (the 1:1's, or when raised).
async fn source_report(
    conn: &mut SqliteConnection,
    source: &SourceRef,
) -> Result<(ReportId, NaiveDate)> {
    let row = match source.kind {
        SourceKind::Note => sqlx::query!(
            r#"SELECT m.report_id AS "report_id!: ReportId", m.held_on AS "on!: NaiveDate"
               FROM meeting_notes n JOIN meetings m ON m.id = n.meeting_id
               WHERE n.id = ? AND n.deleted_at IS NULL AND m.deleted_at IS NULL"#,
            source.id
        )
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| (r.report_id, r.on)),
        SourceKind::AgendaItem => sqlx::query!(
            r#"SELECT report_id AS "report_id!: ReportId", added_on AS "on!: NaiveDate"
               FROM agenda_items WHERE id = ? AND deleted_at IS NULL"#,
            source.id
        )
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| (r.report_id, r.on)),
        SourceKind::ActionItem => sqlx::query!(
            r#"SELECT report_id AS "report_id!: ReportId",
                      date(created_at) AS "on!: NaiveDate"
               FROM action_items WHERE id = ? AND deleted_at IS NULL"#,
            source.id
        )
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| (r.report_id, r.on)),
    };
    row.ok_or_else(|| {
        let noun = match source.kind {
            SourceKind::Note => "note",
            SourceKind::AgendaItem => "agenda item",
            SourceKind::ActionItem => "action item",
        };
        Error::not_found(noun, &source.id)
    })
}

async fn link(
    conn: &mut SqliteConnection,
    source: &SourceRef,
    target: RecordKind,
    target_id: &str,
    store: &Store,
) -> Result<()> {
    let now = store.clock().now();
    sqlx::query!(
        "INSERT INTO one_on_one_links (source_kind, source_id, target_kind, target_id, created_at)
         VALUES (?, ?, ?, ?, ?)",
        source.kind,
        source.id,
        target,
        target_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}
