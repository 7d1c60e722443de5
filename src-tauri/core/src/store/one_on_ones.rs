//! Queries for 1:1s: meetings, their notes, the agenda that carries over from one to the
//! next, action items, and the evidence or feedback made from them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{ActionItemId, AgendaItemId, MeetingId, NoteId, ReportId};
use crate::model::one_on_one::{ValidActionItem, ValidAgendaItem, ValidNote, MAX_OPEN_AGENDA};
use crate::model::{
    ActionItem, ActionItemDraft, ActionOwner, AgendaEntry, AgendaItem, AgendaItemDraft,
    AgendaOutcome, AgendaStatus, DerivedLink, Meeting, MeetingDraft, MeetingNote, NoteDraft,
    OneOnOneOrigin, OneOnOnes, RecordKind, SourceKind,
};
use crate::radar::day;

impl Store {
    /// A report's 1:1s, newest first, with the open agenda and open action items.
    pub async fn one_on_ones(&self, report_id: &ReportId) -> Result<OneOnOnes> {
        let mut conn = self.pool.acquire().await?;
        load(&mut conn, report_id, self.clock.today()).await
    }

    /// Records a 1:1 (a date after today plans one). Every open agenda item raised by then
    /// is carried into it.
    pub async fn create_meeting(
        &self,
        report_id: &ReportId,
        draft: &MeetingDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let (_, name) = editable_report_person(&mut tx, report_id).await?;
        let held_on = draft.validate()?;
        ensure_free_day(&mut tx, report_id, held_on, None, &name).await?;
        add_meeting(&mut tx, report_id, held_on, self.clock.now()).await?;
        let out = load(&mut tx, report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Moves a 1:1 to another date.
    pub async fn update_meeting(
        &self,
        id: &MeetingId,
        expected_version: i32,
        draft: &MeetingDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let (report_id, held_on, version) = meeting_row(&mut tx, id).await?;
        let (_, name) = editable_report_person(&mut tx, &report_id).await?;
        ensure_version("1:1", &held_on.to_string(), version, expected_version)?;
        let new_date = draft.validate()?;
        ensure_free_day(&mut tx, &report_id, new_date, Some(id), &name).await?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE meetings SET held_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
            new_date,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        resync_agenda(&mut tx, id, &report_id, new_date).await?;
        search::reindex_with_parts(&mut tx, RecordKind::Meeting, id.as_str()).await?;
        let out = load(&mut tx, &report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Adds a note to a 1:1.
    pub async fn add_note(&self, meeting_id: &MeetingId, draft: &NoteDraft) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let (report_id, _, _) = meeting_row(&mut tx, meeting_id).await?;
        editable_report_person(&mut tx, &report_id).await?;
        let v = draft.validate()?;
        insert_note(&mut tx, &NoteId::new(), meeting_id, &v, self.clock.now()).await?;
        let out = load(&mut tx, &report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    pub async fn update_note(
        &self,
        id: &NoteId,
        expected_version: i32,
        draft: &NoteDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let row = sqlx::query!(
            r#"SELECT m.report_id AS "report_id!: ReportId", n.version AS "version!: i32",
                      m.held_on AS "held_on!: NaiveDate"
               FROM meeting_notes n JOIN meetings m ON m.id = n.meeting_id
               WHERE n.id = ? AND n.deleted_at IS NULL AND m.deleted_at IS NULL"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| Error::not_found("note", id.as_str()))?;
        editable_report_person(&mut tx, &row.report_id).await?;
        ensure_version(
            "note",
            &format!("1:1 on {}", row.held_on),
            row.version,
            expected_version,
        )?;
        let v = draft.validate()?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE meeting_notes SET body = ?, private = ?, version = version + 1,
                 updated_at = ? WHERE id = ?",
            v.body,
            v.private,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Note, id.as_str()).await?;
        let out = load(&mut tx, &row.report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Adds an agenda item: to a given 1:1 (and any later one), or, without one, for the
    /// next 1:1 (it joins every 1:1 dated today or later, and every one recorded after).
    pub async fn add_agenda_item(
        &self,
        report_id: &ReportId,
        meeting_id: Option<&MeetingId>,
        draft: &AgendaItemDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        editable_report_person(&mut tx, report_id).await?;
        let v = draft.validate()?;
        ensure_agenda_room(&mut tx, report_id, None).await?;
        let added_on = match meeting_id {
            Some(m) => {
                let (owner, held_on, _) = meeting_row(&mut tx, m).await?;
                same_report(&owner, report_id, "1:1")?;
                held_on
            }
            None => self.clock.today(),
        };
        let id = AgendaItemId::new();
        insert_agenda_item(
            &mut tx,
            &id,
            report_id,
            &v,
            added_on,
            None,
            self.clock.now(),
        )
        .await?;
        sqlx::query!(
            "INSERT INTO meeting_agenda (meeting_id, item_id)
             SELECT id, ?1 FROM meetings
             WHERE report_id = ?2 AND deleted_at IS NULL AND held_on >= ?3",
            id,
            report_id,
            added_on
        )
        .execute(&mut *tx)
        .await?;
        let out = load(&mut tx, report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Changes an agenda item's words or whether it is shared.
    pub async fn update_agenda_item(
        &self,
        id: &AgendaItemId,
        expected_version: i32,
        draft: &AgendaItemDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let item = agenda_row(&mut tx, id).await?;
        editable_report_person(&mut tx, &item.report_id).await?;
        ensure_version("agenda item", &item.text, item.version, expected_version)?;
        let v = draft.validate()?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE agenda_items SET text = ?, shared = ?, version = version + 1, updated_at = ?
             WHERE id = ?",
            v.text,
            v.shared,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::AgendaItem, id.as_str()).await?;
        let out = load(&mut tx, &item.report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Marks an agenda item done or dropped (in a 1:1, or outside one: today), or reopens it
    /// (`AgendaStatus::Open`) so that it carries over again.
    pub async fn set_agenda_status(
        &self,
        id: &AgendaItemId,
        expected_version: i32,
        status: AgendaStatus,
        meeting_id: Option<&MeetingId>,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let item = agenda_row(&mut tx, id).await?;
        editable_report_person(&mut tx, &item.report_id).await?;
        ensure_version("agenda item", &item.text, item.version, expected_version)?;
        let today = self.clock.today();
        let now = self.clock.now();
        match status {
            AgendaStatus::Open => {
                ensure_agenda_room(&mut tx, &item.report_id, Some(id)).await?;
                sqlx::query!(
                    "UPDATE agenda_items SET status = 'open', closed_on = NULL,
                         closed_meeting_id = NULL, version = version + 1, updated_at = ?
                     WHERE id = ?",
                    now,
                    id
                )
                .execute(&mut *tx)
                .await?;
                // Open again: it joins the 1:1s still to come.
                sqlx::query!(
                    "INSERT OR IGNORE INTO meeting_agenda (meeting_id, item_id)
                     SELECT id, ?1 FROM meetings
                     WHERE report_id = ?2 AND deleted_at IS NULL AND held_on >= ?3",
                    id,
                    item.report_id,
                    today
                )
                .execute(&mut *tx)
                .await?;
            }
            AgendaStatus::Done | AgendaStatus::Dropped => {
                let closed_on = match meeting_id {
                    Some(m) => {
                        let (owner, held_on, _) = meeting_row(&mut tx, m).await?;
                        same_report(&owner, &item.report_id, "1:1")?;
                        if held_on < item.added_on {
                            return Err(Error::invalid(
                                "meetingId",
                                format!(
                                    "This item was raised on {}, after the 1:1 on {}.",
                                    day(item.added_on),
                                    day(held_on)
                                ),
                            ));
                        }
                        sqlx::query!(
                            "INSERT OR IGNORE INTO meeting_agenda (meeting_id, item_id)
                             VALUES (?, ?)",
                            m,
                            id
                        )
                        .execute(&mut *tx)
                        .await?;
                        held_on
                    }
                    None => today.max(item.added_on),
                };
                sqlx::query!(
                    "UPDATE agenda_items SET status = ?, closed_on = ?, closed_meeting_id = ?,
                         version = version + 1, updated_at = ? WHERE id = ?",
                    status,
                    closed_on,
                    meeting_id,
                    now,
                    id
                )
                .execute(&mut *tx)
                .await?;
                // Closed: it no longer carries into later 1:1s.
                sqlx::query!(
                    "DELETE FROM meeting_agenda WHERE item_id = ?1 AND meeting_id IN
                         (SELECT id FROM meetings WHERE report_id = ?2 AND held_on > ?3)",
                    id,
                    item.report_id,
                    closed_on
                )
                .execute(&mut *tx)
                .await?;
            }
        }
        search::reindex(&mut tx, RecordKind::AgendaItem, id.as_str()).await?;
        let out = load(&mut tx, &item.report_id, today).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Adds an action item, raised in a 1:1 or outside one.
    pub async fn add_action_item(
        &self,
        report_id: &ReportId,
        meeting_id: Option<&MeetingId>,
        draft: &ActionItemDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        editable_report_person(&mut tx, report_id).await?;
        if let Some(m) = meeting_id {
            let (owner, _, _) = meeting_row(&mut tx, m).await?;
            same_report(&owner, report_id, "1:1")?;
        }
        let v = draft.validate(self.clock.today())?;
        let id = ActionItemId::new();
        insert_action_item(&mut tx, &id, report_id, meeting_id, &v, self.clock.now()).await?;
        let out = load(&mut tx, report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Edits an action item, including marking it done (a date) or not done (empty).
    pub async fn update_action_item(
        &self,
        id: &ActionItemId,
        expected_version: i32,
        draft: &ActionItemDraft,
    ) -> Result<OneOnOnes> {
        let mut tx = self.write().await?;
        let row = sqlx::query!(
            r#"SELECT report_id AS "report_id!: ReportId", text AS "text!",
                      version AS "version!: i32"
               FROM action_items WHERE id = ? AND deleted_at IS NULL"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| Error::not_found("action item", id.as_str()))?;
        editable_report_person(&mut tx, &row.report_id).await?;
        ensure_version("action item", &row.text, row.version, expected_version)?;
        let v = draft.validate(self.clock.today())?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE action_items SET text = ?, owner = ?, due_on = ?, done_on = ?,
                 version = version + 1, updated_at = ? WHERE id = ?",
            v.text,
            v.owner,
            v.due_on,
            v.done_on,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::ActionItem, id.as_str()).await?;
        let out = load(&mut tx, &row.report_id, self.clock.today()).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Where a report's evidence and feedback came from, for those made from 1:1 content.
    pub async fn one_on_one_origins(&self, report_id: &ReportId) -> Result<Vec<OriginLink>> {
        let mut conn = self.pool.acquire().await?;
        Ok(link_rows(&mut conn, report_id)
            .await?
            .into_iter()
            .map(|r| OriginLink {
                target_kind: r.target_kind,
                target_id: r.target_id,
                origin: OneOnOneOrigin {
                    source: r.source_kind,
                    source_id: r.source_id,
                    meeting_id: r.meeting_id,
                    held_on: r.held_on,
                },
            })
            .collect())
    }
}

/// Evidence or feedback and the 1:1 content it was made from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OriginLink {
    pub target_kind: RecordKind,
    pub target_id: String,
    pub origin: OneOnOneOrigin,
}

/// After a 1:1 moved to `held_on`: what was closed in it is closed on its new date; items
/// raised after that date leave its agenda (refused if one of them was closed in it); open
/// items raised by then join it.
async fn resync_agenda(
    conn: &mut SqliteConnection,
    meeting_id: &MeetingId,
    report_id: &ReportId,
    held_on: NaiveDate,
) -> Result<()> {
    let closed_too_early = sqlx::query_scalar!(
        r#"SELECT added_on AS "added_on!: NaiveDate" FROM agenda_items
           WHERE closed_meeting_id = ? AND added_on > ? AND deleted_at IS NULL
           ORDER BY added_on LIMIT 1"#,
        meeting_id,
        held_on
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(raised) = closed_too_early {
        return Err(Error::invalid(
            "heldOn",
            format!(
                "An agenda item done or dropped in this 1:1 was raised on {raised}; \
                 the 1:1 cannot move before that."
            ),
        ));
    }
    sqlx::query!(
        "UPDATE agenda_items SET closed_on = ? WHERE closed_meeting_id = ?",
        held_on,
        meeting_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM meeting_agenda WHERE meeting_id = ?1 AND item_id IN
             (SELECT id FROM agenda_items WHERE added_on > ?2)",
        meeting_id,
        held_on
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT OR IGNORE INTO meeting_agenda (meeting_id, item_id)
         SELECT ?1, id FROM agenda_items
         WHERE report_id = ?2 AND deleted_at IS NULL AND added_on <= ?3
           AND (status = 'open' OR closed_on >= ?3)",
        meeting_id,
        report_id,
        held_on
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn same_report(owner: &ReportId, report_id: &ReportId, noun: &str) -> Result<()> {
    if owner == report_id {
        Ok(())
    } else {
        Err(Error::invalid(
            "meetingId",
            format!("That {noun} belongs to another report."),
        ))
    }
}

/// One 1:1 per report per day.
async fn ensure_free_day(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    on: NaiveDate,
    except: Option<&MeetingId>,
    name: &str,
) -> Result<()> {
    let taken = sqlx::query_scalar!(
        r#"SELECT id AS "id!: MeetingId" FROM meetings
           WHERE report_id = ? AND held_on = ? AND deleted_at IS NULL"#,
        report_id,
        on
    )
    .fetch_optional(conn)
    .await?;
    match taken {
        Some(id) if Some(&id) != except => Err(Error::invalid(
            "heldOn",
            format!(
                "There is already a 1:1 with {name} on {}; open that one instead.",
                day(on)
            ),
        )),
        _ => Ok(()),
    }
}

/// A new 1:1 on a free day, carrying every open agenda item raised by then.
pub(crate) async fn add_meeting(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    held_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<MeetingId> {
    let id = MeetingId::new();
    insert_meeting(&mut *conn, &id, report_id, held_on, now).await?;
    sqlx::query!(
        "INSERT INTO meeting_agenda (meeting_id, item_id)
         SELECT ?1, id FROM agenda_items
         WHERE report_id = ?2 AND deleted_at IS NULL AND added_on <= ?3
           AND (status = 'open' OR closed_on >= ?3)",
        id,
        report_id,
        held_on
    )
    .execute(conn)
    .await?;
    Ok(id)
}

pub(crate) async fn insert_meeting(
    conn: &mut SqliteConnection,
    id: &MeetingId,
    report_id: &ReportId,
    held_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO meetings (id, report_id, held_on, version, created_at, updated_at)
         VALUES (?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        held_on,
        now,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn insert_note(
    conn: &mut SqliteConnection,
    id: &NoteId,
    meeting_id: &MeetingId,
    v: &ValidNote,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO meeting_notes (id, meeting_id, body, private, version, created_at,
             updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
        id,
        meeting_id,
        v.body,
        v.private,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Note, id.as_str()).await
}

/// Inserts an agenda item raised on `added_on`: open, or already done or dropped (`closed`:
/// how, on which day, in which 1:1). Which 1:1s it is on is the caller's business.
pub(crate) async fn insert_agenda_item(
    conn: &mut SqliteConnection,
    id: &AgendaItemId,
    report_id: &ReportId,
    v: &ValidAgendaItem,
    added_on: NaiveDate,
    closed: Option<(AgendaStatus, NaiveDate, Option<&MeetingId>)>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (status, closed_on, closed_meeting_id) = match closed {
        Some((status, on, meeting)) => (status, Some(on), meeting),
        None => (AgendaStatus::Open, None, None),
    };
    sqlx::query!(
        "INSERT INTO agenda_items (id, report_id, text, shared, added_on, status, closed_on,
             closed_meeting_id, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        v.text,
        v.shared,
        added_on,
        status,
        closed_on,
        closed_meeting_id,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::AgendaItem, id.as_str()).await
}

pub(crate) async fn insert_action_item(
    conn: &mut SqliteConnection,
    id: &ActionItemId,
    report_id: &ReportId,
    meeting_id: Option<&MeetingId>,
    v: &ValidActionItem,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO action_items (id, report_id, meeting_id, text, owner, due_on, done_on,
             version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        report_id,
        meeting_id,
        v.text,
        v.owner,
        v.due_on,
        v.done_on,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::ActionItem, id.as_str()).await
}

/// An agenda item closed (done or dropped) after it was raised, on `closed_on`, in the 1:1
/// `meeting` if any (the generator writes it on that day).
pub(crate) async fn close_agenda_item(
    conn: &mut SqliteConnection,
    id: &AgendaItemId,
    status: AgendaStatus,
    closed_on: NaiveDate,
    meeting: Option<&MeetingId>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE agenda_items SET status = ?, closed_on = ?, closed_meeting_id = ?,
             version = version + 1, updated_at = ? WHERE id = ?",
        status,
        closed_on,
        meeting,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::AgendaItem, id.as_str()).await
}

/// An action item done on `done_on`, after it was agreed (the generator writes it that day).
pub(crate) async fn finish_action_item(
    conn: &mut SqliteConnection,
    id: &ActionItemId,
    done_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE action_items SET done_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
        done_on,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::ActionItem, id.as_str()).await
}

/// A live meeting's report, date and version.
pub(crate) async fn meeting_row(
    conn: &mut SqliteConnection,
    id: &MeetingId,
) -> Result<(ReportId, NaiveDate, i32)> {
    let row = sqlx::query!(
        r#"SELECT report_id AS "report_id!: ReportId", held_on AS "held_on!: NaiveDate",
                  version AS "version!: i32"
           FROM meetings WHERE id = ? AND deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::not_found("1:1", id.as_str()))?;
    Ok((row.report_id, row.held_on, row.version))
}

struct AgendaRow {
    report_id: ReportId,
    text: String,
    added_on: NaiveDate,
    version: i32,
}

/// Refuses one more open agenda item (a new one, or `reopened` opening again) once the report
/// has [`MAX_OPEN_AGENDA`] open.
async fn ensure_agenda_room(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    reopened: Option<&AgendaItemId>,
) -> Result<()> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM agenda_items
         WHERE report_id = ? AND status = 'open' AND deleted_at IS NULL AND id IS NOT ?",
    )
    .bind(report_id)
    .bind(reopened)
    .fetch_one(conn)
    .await?;
    let open = usize::try_from(open).unwrap_or(usize::MAX);
    if open >= MAX_OPEN_AGENDA {
        return Err(Error::invalid(
            "agenda",
            format!(
                "Open agenda items: at most {MAX_OPEN_AGENDA}, not {}. Mark some done or \
                 dropped first.",
                open.saturating_add(1)
            ),
        ));
    }
    Ok(())
}

async fn agenda_row(conn: &mut SqliteConnection, id: &AgendaItemId) -> Result<AgendaRow> {
    sqlx::query_as!(
        AgendaRow,
        r#"SELECT report_id AS "report_id!: ReportId", text AS "text!",
                  added_on AS "added_on!: NaiveDate", version AS "version!: i32"
           FROM agenda_items WHERE id = ? AND deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::not_found("agenda item", id.as_str()))
}

/// Every 1:1 of a report with everything attached; `today` splits held from planned.
pub(crate) async fn load(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    today: NaiveDate,
) -> Result<OneOnOnes> {
    let meetings = sqlx::query!(
        r#"SELECT id AS "id!: MeetingId", held_on AS "held_on!: NaiveDate",
                  version AS "version!: i32", created_at AS "created_at!: DateTime<Utc>",
                  updated_at AS "updated_at!: DateTime<Utc>"
           FROM meetings WHERE report_id = ? AND deleted_at IS NULL
           ORDER BY held_on DESC"#,
        report_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut links = derived_links(conn, report_id).await?;
    let mut notes: HashMap<MeetingId, Vec<MeetingNote>> = HashMap::new();
    for n in sqlx::query!(
        r#"SELECT n.id AS "id!: NoteId", n.meeting_id AS "meeting_id!: MeetingId",
                  n.body AS "body!", n.private AS "private!: bool", n.version AS "version!: i32",
                  n.created_at AS "created_at!: DateTime<Utc>",
                  n.updated_at AS "updated_at!: DateTime<Utc>"
           FROM meeting_notes n JOIN meetings m ON m.id = n.meeting_id
           WHERE m.report_id = ? AND n.deleted_at IS NULL AND m.deleted_at IS NULL
           ORDER BY n.created_at, n.id"#,
        report_id
    )
    .fetch_all(&mut *conn)
    .await?
    {
        notes
            .entry(n.meeting_id.clone())
            .or_default()
            .push(MeetingNote {
                links: links
                    .remove(&(SourceKind::Note, n.id.to_string()))
                    .unwrap_or_default(),
                id: n.id,
                meeting_id: n.meeting_id,
                body: n.body,
                private: n.private,
                version: n.version,
                created_at: n.created_at,
                updated_at: n.updated_at,
            });
    }
    let items = agenda_items(conn, report_id, &mut links).await?;
    let mut actions: Vec<ActionItem> = sqlx::query!(
        r#"SELECT id AS "id!: ActionItemId", meeting_id AS "meeting_id?: MeetingId",
                  text AS "text!", owner AS "owner!: ActionOwner",
                  due_on AS "due_on?: NaiveDate", done_on AS "done_on?: NaiveDate",
                  version AS "version!: i32", created_at AS "created_at!: DateTime<Utc>",
                  updated_at AS "updated_at!: DateTime<Utc>"
           FROM action_items WHERE report_id = ? AND deleted_at IS NULL
           ORDER BY created_at, id"#,
        report_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|a| ActionItem {
        links: links
            .remove(&(SourceKind::ActionItem, a.id.to_string()))
            .unwrap_or_default(),
        id: a.id,
        report_id: report_id.clone(),
        meeting_id: a.meeting_id,
        text: a.text,
        owner: a.owner,
        due_on: a.due_on,
        done_on: a.done_on,
        version: a.version,
        created_at: a.created_at,
        updated_at: a.updated_at,
    })
    .collect();
    let live: std::collections::HashSet<&MeetingId> = meetings.iter().map(|m| &m.id).collect();
    // An action raised in a deleted 1:1 is still an action.
    for a in &mut actions {
        if a.meeting_id.as_ref().is_some_and(|m| !live.contains(m)) {
            a.meeting_id = None;
        }
    }
    let built: Vec<Meeting> = meetings
        .iter()
        .map(|m| Meeting {
            agenda: agenda_of(&items, &m.id, m.held_on),
            actions: actions
                .iter()
                .filter(|a| a.meeting_id.as_ref() == Some(&m.id))
                .cloned()
                .collect(),
            notes: notes.remove(&m.id).unwrap_or_default(),
            id: m.id.clone(),
            report_id: report_id.clone(),
            held_on: m.held_on,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
        .collect();
    let mut open_actions: Vec<ActionItem> = actions
        .into_iter()
        .filter(|a| a.done_on.is_none())
        .collect();
    open_actions.sort_by(|a, b| {
        (a.due_on.is_none(), a.due_on, a.created_at, &a.id).cmp(&(
            b.due_on.is_none(),
            b.due_on,
            b.created_at,
            &b.id,
        ))
    });
    Ok(OneOnOnes {
        report_id: report_id.clone(),
        next_meeting: built
            .iter()
            .map(|m| m.held_on)
            .filter(|d| *d >= today)
            .min(),
        last_meeting: built
            .iter()
            .map(|m| m.held_on)
            .filter(|d| *d <= today)
            .max(),
        meetings: built,
        open_agenda: items
            .into_iter()
            .filter(|(i, _)| i.status == AgendaStatus::Open)
            .map(|(i, _)| i)
            .collect(),
        open_actions,
    })
}

/// A report's agenda items (oldest first), each with the ids of the live 1:1s it was on.
async fn agenda_items(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    links: &mut HashMap<(SourceKind, String), Vec<DerivedLink>>,
) -> Result<Vec<(AgendaItem, Vec<MeetingId>)>> {
    let mut on: HashMap<AgendaItemId, Vec<(NaiveDate, MeetingId)>> = HashMap::new();
    for row in sqlx::query!(
        r#"SELECT a.item_id AS "item_id!: AgendaItemId", m.id AS "meeting_id!: MeetingId",
                  m.held_on AS "held_on!: NaiveDate"
           FROM meeting_agenda a JOIN meetings m ON m.id = a.meeting_id
           WHERE m.report_id = ? AND m.deleted_at IS NULL"#,
        report_id
    )
    .fetch_all(&mut *conn)
    .await?
    {
        on.entry(row.item_id)
            .or_default()
            .push((row.held_on, row.meeting_id));
    }
    let rows = sqlx::query!(
        r#"SELECT id AS "id!: AgendaItemId", text AS "text!", shared AS "shared!: bool",
                  added_on AS "added_on!: NaiveDate", status AS "status!: AgendaStatus",
                  closed_on AS "closed_on?: NaiveDate",
                  closed_meeting_id AS "closed_meeting_id?: MeetingId",
                  version AS "version!: i32", created_at AS "created_at!: DateTime<Utc>",
                  updated_at AS "updated_at!: DateTime<Utc>"
           FROM agenda_items WHERE report_id = ? AND deleted_at IS NULL
           ORDER BY added_on, created_at, id"#,
        report_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut meetings = on.remove(&r.id).unwrap_or_default();
            meetings.sort();
            let item = AgendaItem {
                links: links
                    .remove(&(SourceKind::AgendaItem, r.id.to_string()))
                    .unwrap_or_default(),
                meeting_dates: meetings.iter().map(|(d, _)| *d).collect(),
                id: r.id,
                report_id: report_id.clone(),
                text: r.text,
                shared: r.shared,
                added_on: r.added_on,
                status: r.status,
                closed_on: r.closed_on,
                closed_meeting_id: r.closed_meeting_id,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            };
            (item, meetings.into_iter().map(|(_, m)| m).collect())
        })
        .collect())
}

/// The agenda of one 1:1: every item that was on it, with what happened to it there.
fn agenda_of(
    items: &[(AgendaItem, Vec<MeetingId>)],
    meeting: &MeetingId,
    held_on: NaiveDate,
) -> Vec<AgendaEntry> {
    items
        .iter()
        .filter(|(_, on)| on.contains(meeting))
        .map(|(item, _)| {
            let outcome = if item.closed_meeting_id.as_ref() == Some(meeting) {
                match item.status {
                    AgendaStatus::Dropped => AgendaOutcome::Dropped,
                    _ => AgendaOutcome::Done,
                }
            } else if item.status != AgendaStatus::Open
                || item.meeting_dates.iter().any(|d| *d > held_on)
            {
                AgendaOutcome::CarriedOver
            } else {
                AgendaOutcome::Open
            };
            AgendaEntry {
                carried: item.carried_into(held_on),
                outcome,
                item: item.clone(),
            }
        })
        .collect()
}

/// One link from 1:1 content to the live evidence or feedback made from it, with the 1:1 it
/// came from: a note's own, an agenda item's first (the one it was raised in), an action
/// item's (if raised in one). Deleted targets and deleted 1:1s drop out.
struct LinkRow {
    source_kind: SourceKind,
    source_id: String,
    target_kind: RecordKind,
    target_id: String,
    title: String,
    meeting_id: Option<MeetingId>,
    held_on: Option<NaiveDate>,
}

async fn link_rows(conn: &mut SqliteConnection, report_id: &ReportId) -> Result<Vec<LinkRow>> {
    Ok(sqlx::query_as!(
        LinkRow,
        r#"WITH links AS (
               SELECT l.source_kind, l.source_id, l.target_kind, l.target_id, l.created_at,
                      COALESCE(e.title, p.name || ', ' || f.received_on) AS title,
                      COALESCE(n.meeting_id,
                          (SELECT m.id FROM meeting_agenda ma JOIN meetings m ON m.id = ma.meeting_id
                           WHERE ma.item_id = a.id AND m.deleted_at IS NULL
                           ORDER BY m.held_on LIMIT 1),
                          x.meeting_id) AS meeting_id
               FROM one_on_one_links l
               LEFT JOIN meeting_notes n ON l.source_kind = 'note' AND n.id = l.source_id
               LEFT JOIN agenda_items a ON l.source_kind = 'agenda_item' AND a.id = l.source_id
               LEFT JOIN action_items x ON l.source_kind = 'action_item' AND x.id = l.source_id
               LEFT JOIN evidence e ON l.target_kind = 'evidence' AND e.id = l.target_id
                    AND e.deleted_at IS NULL
               LEFT JOIN mentorship_feedback f ON l.target_kind = 'feedback'
                    AND f.id = l.target_id AND f.deleted_at IS NULL
               LEFT JOIN mentorships ms ON ms.id = f.mentorship_id AND ms.deleted_at IS NULL
               LEFT JOIN people p ON p.id = ms.mentee_id
               WHERE e.report_id = ?1 OR ms.report_id = ?1)
           SELECT k.source_kind AS "source_kind!: SourceKind", k.source_id AS "source_id!",
                  k.target_kind AS "target_kind!: RecordKind", k.target_id AS "target_id!",
                  k.title AS "title!: String", m.id AS "meeting_id?: MeetingId",
                  m.held_on AS "held_on?: NaiveDate"
           FROM links k LEFT JOIN meetings m ON m.id = k.meeting_id AND m.deleted_at IS NULL
           ORDER BY k.created_at, k.target_id"#,
        report_id
    )
    .fetch_all(conn)
    .await?)
}

/// The evidence and feedback made from a report's 1:1 content, by source.
async fn derived_links(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
) -> Result<HashMap<(SourceKind, String), Vec<DerivedLink>>> {
    let mut out: HashMap<(SourceKind, String), Vec<DerivedLink>> = HashMap::new();
    for r in link_rows(conn, report_id).await? {
        out.entry((r.source_kind, r.source_id))
            .or_default()
            .push(DerivedLink {
                kind: r.target_kind,
                id: r.target_id,
                title: r.title,
            });
    }
    Ok(out)
}
