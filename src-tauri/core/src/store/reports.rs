//! Queries for reports (and the person each report is).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::ladder::level_refs;
use super::{search, Store};
use crate::error::{Error, Result};
use crate::ids::{LevelId, PersonId, ReportId};
use crate::model::{
    Archetype, LevelRef, Report, ReportDraft, RosterFilter, TeamStrength, ValidReport,
};

/// A report as one flat row of the join.
struct ReportRow {
    id: ReportId,
    person_id: PersonId,
    name: String,
    current_level_id: LevelId,
    current_level_name: String,
    current_level_rank: i32,
    target_level_id: LevelId,
    target_level_name: String,
    target_level_rank: i32,
    team: String,
    in_role_since: NaiveDate,
    archetype_worked: Archetype,
    archetype_needed: Archetype,
    team_strength: TeamStrength,
    notes: String,
    archived_at: Option<DateTime<Utc>>,
    one_on_one_every_days: i32,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<ReportRow> for Report {
    fn from(r: ReportRow) -> Self {
        Report {
            id: r.id,
            person_id: r.person_id,
            name: r.name,
            current_level: LevelRef {
                id: r.current_level_id,
                name: r.current_level_name,
                rank: r.current_level_rank,
            },
            target_level: LevelRef {
                id: r.target_level_id,
                name: r.target_level_name,
                rank: r.target_level_rank,
            },
            team: r.team,
            in_role_since: r.in_role_since,
            archetype_worked: r.archetype_worked,
            archetype_needed: r.archetype_needed,
            team_strength: r.team_strength,
            notes: r.notes,
            archived_at: r.archived_at,
            one_on_one_every_days: r.one_on_one_every_days,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl Store {
    /// The active or archived part of the roster, by name.
    pub async fn reports(&self, filter: RosterFilter) -> Result<Vec<Report>> {
        let mut conn = self.pool.acquire().await?;
        select_reports(&mut conn, None, Some(filter == RosterFilter::Archived)).await
    }

    /// How many reports there are, active and archived.
    pub async fn report_count(&self) -> Result<i32> {
        Ok(
            sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i32" FROM reports"#)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    pub async fn report(&self, id: &ReportId) -> Result<Report> {
        let mut conn = self.pool.acquire().await?;
        report(&mut conn, id).await
    }

    /// Validates and stores a new report (and the person it is).
    pub async fn create_report(&self, draft: &ReportDraft) -> Result<Report> {
        let mut tx = self.write().await?;
        let valid = draft.validate(&level_refs(&mut tx).await?, self.clock.today())?;
        let (id, _) = insert_report(&mut tx, &valid, self.clock.now()).await?;
        let created = report(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Replaces a report's fields. `expected_version` is the version the edit was based on;
    /// if the report changed since, nothing is written and a conflict is returned.
    pub async fn update_report(
        &self,
        id: &ReportId,
        expected_version: i32,
        draft: &ReportDraft,
    ) -> Result<Report> {
        let mut tx = self.write().await?;
        let current = report(&mut tx, id).await?;
        if current.archived_at.is_some() {
            return Err(Error::conflict(format!(
                "{} is archived; restore the report before editing it.",
                current.name
            )));
        }
        if current.version != expected_version {
            return Err(Error::conflict(format!(
                "{} was changed elsewhere since this form was opened; \
                 reload to see the latest version, then edit again.",
                current.name
            )));
        }
        let v = draft.validate(&level_refs(&mut tx).await?, self.clock.today())?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE people SET name = ?, version = version + 1, updated_at = ? WHERE id = ?",
            v.name,
            now,
            current.person_id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE reports SET current_level_id = ?, target_level_id = ?, team = ?,
                 in_role_since = ?, archetype_worked = ?, archetype_needed = ?,
                 team_strength = ?, notes = ?, one_on_one_every_days = ?, version = version + 1,
                 updated_at = ?
             WHERE id = ?",
            v.current_level.id,
            v.target_level.id,
            v.team,
            v.in_role_since,
            v.archetype_worked,
            v.archetype_needed,
            v.team_strength,
            v.notes,
            v.one_on_one_every_days,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex_person_and_dependents(&mut tx, &current.person_id).await?;
        let updated = report(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Moves a report to the archive. Archiving an archived report changes nothing.
    pub async fn archive_report(&self, id: &ReportId) -> Result<Report> {
        self.set_archived(id, Some(self.clock.now())).await
    }

    /// Brings an archived report back to the active roster.
    pub async fn restore_report(&self, id: &ReportId) -> Result<Report> {
        self.set_archived(id, None).await
    }

    async fn set_archived(
        &self,
        id: &ReportId,
        archived_at: Option<DateTime<Utc>>,
    ) -> Result<Report> {
        let mut tx = self.write().await?;
        let current = report(&mut tx, id).await?;
        if current.archived_at.is_some() != archived_at.is_some() {
            let now = self.clock.now();
            sqlx::query!(
                "UPDATE reports SET archived_at = ?, version = version + 1, updated_at = ?
                 WHERE id = ?",
                archived_at,
                now,
                id
            )
            .execute(&mut *tx)
            .await?;
        }
        let updated = report(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}

/// Inserts a validated report and its person; used by the store and the generator.
pub(crate) async fn insert_report(
    conn: &mut SqliteConnection,
    v: &ValidReport,
    now: DateTime<Utc>,
) -> Result<(ReportId, PersonId)> {
    let person_id = PersonId::new();
    let id = ReportId::new();
    sqlx::query!(
        "INSERT INTO people (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        person_id,
        v.name,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO reports (id, person_id, current_level_id, target_level_id, team,
             in_role_since, archetype_worked, archetype_needed, team_strength, notes,
             one_on_one_every_days, archived_at, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)",
        id,
        person_id,
        v.current_level.id,
        v.target_level.id,
        v.team,
        v.in_role_since,
        v.archetype_worked,
        v.archetype_needed,
        v.team_strength,
        v.notes,
        v.one_on_one_every_days,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(&mut *conn, crate::model::RecordKind::Report, id.as_str()).await?;
    Ok((id, person_id))
}

pub(crate) async fn report(conn: &mut SqliteConnection, id: &ReportId) -> Result<Report> {
    select_reports(conn, Some(id), None)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("report", id.as_str()))
}

/// Reports matching an optional id and an optional archived state, ordered by name.
pub(crate) async fn select_reports(
    conn: &mut SqliteConnection,
    id: Option<&ReportId>,
    archived: Option<bool>,
) -> Result<Vec<Report>> {
    let rows = sqlx::query_as!(
        ReportRow,
        r#"SELECT r.id AS "id!: ReportId", r.person_id AS "person_id!: PersonId",
                  p.name AS "name!",
                  cl.id AS "current_level_id!: LevelId", cl.name AS "current_level_name!",
                  cl.rank AS "current_level_rank!: i32",
                  tl.id AS "target_level_id!: LevelId", tl.name AS "target_level_name!",
                  tl.rank AS "target_level_rank!: i32",
                  r.team AS "team!", r.in_role_since AS "in_role_since!: NaiveDate",
                  r.archetype_worked AS "archetype_worked!: Archetype",
                  r.archetype_needed AS "archetype_needed!: Archetype",
                  r.team_strength AS "team_strength!: TeamStrength",
                  r.notes AS "notes!", r.archived_at AS "archived_at?: DateTime<Utc>",
                  r.one_on_one_every_days AS "one_on_one_every_days!: i32",
                  r.version AS "version!: i32",
                  r.created_at AS "created_at!: DateTime<Utc>",
                  r.updated_at AS "updated_at!: DateTime<Utc>"
           FROM reports r
           JOIN people p ON p.id = r.person_id
           JOIN ladder_levels cl ON cl.id = r.current_level_id
           JOIN ladder_levels tl ON tl.id = r.target_level_id
           WHERE (?1 IS NULL OR r.id = ?1)
             AND (?2 IS NULL OR (r.archived_at IS NOT NULL) = ?2)
           ORDER BY r.id"#,
        id,
        archived
    )
    .fetch_all(conn)
    .await?;
    let mut reports: Vec<Report> = rows.into_iter().map(Report::from).collect();
    // SQLite's NOCASE folds ASCII only; order by the Unicode lower case (stable: ties keep id order).
    reports.sort_by_cached_key(|r| r.name.to_lowercase());
    Ok(reports)
}
