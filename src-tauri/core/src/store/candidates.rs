//! Queries for candidates: joining a cycle, the readiness call, packet versions and their
//! comparison, review rounds, and the manager's own calls on rules of thumb.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::ladder::level_refs;
use super::people::live_people;
use super::{editable_report_person, ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{
    CandidateId, CycleId, LevelId, PacketVersionId, PersonId, ReportId, ReviewId, RuleId,
};
use crate::model::{
    Candidate, CandidateDraft, LevelRef, ManualStatus, PacketDiff, PacketReview, PacketSections,
    PacketVersion, PersonRef, Readiness, ReadinessDraft, RecordKind, Relationship, ReviewDraft,
    ReviewerRole,
};
use crate::validate::Checks;

impl Store {
    /// A cycle's candidates, by name.
    pub async fn candidates(&self, cycle_id: &CycleId) -> Result<Vec<Candidate>> {
        let mut conn = self.pool.acquire().await?;
        select_candidates(&mut conn, Some(cycle_id), None, None).await
    }

    /// Every candidacy of a report, newest cycle first.
    pub async fn candidacies(&self, report_id: &ReportId) -> Result<Vec<Candidate>> {
        let mut conn = self.pool.acquire().await?;
        select_candidates(&mut conn, None, Some(report_id), None).await
    }

    pub async fn candidate(&self, id: &CandidateId) -> Result<Candidate> {
        let mut conn = self.pool.acquire().await?;
        candidate(&mut conn, id).await
    }

    /// Makes a report a candidate in a cycle (once), for their target level by default.
    pub async fn add_candidate(
        &self,
        cycle_id: &CycleId,
        draft: &CandidateDraft,
    ) -> Result<Candidate> {
        let mut tx = self.write().await?;
        let cycle = super::cycles::cycle(&mut tx, cycle_id).await?;
        let (report_id, added_on) = draft.validate(self.clock.today())?;
        editable_report_person(&mut tx, &report_id).await?;
        let report = super::reports::report(&mut tx, &report_id).await?;
        let target: LevelId = draft
            .target_level_id
            .clone()
            .unwrap_or(report.target_level.id.clone());
        if !level_refs(&mut tx).await?.iter().any(|l| l.id == target) {
            return Err(Error::invalid(
                "targetLevelId",
                "Target level is not a level of the ladder.",
            ));
        }
        if !select_candidates(&mut tx, Some(cycle_id), Some(&report_id), None)
            .await?
            .is_empty()
        {
            return Err(Error::invalid(
                "reportId",
                format!("{} is already a candidate in {}.", report.name, cycle.name),
            ));
        }
        let id = CandidateId::new();
        insert_candidate(
            &mut tx,
            &id,
            cycle_id,
            &report_id,
            &target,
            added_on,
            self.clock.now(),
        )
        .await?;
        let created = candidate(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// The packet's readiness call: ready; not ready (reason, expected cycle, actions); not
    /// interested.
    pub async fn set_readiness(
        &self,
        id: &CandidateId,
        expected_version: i32,
        draft: &ReadinessDraft,
    ) -> Result<Candidate> {
        let mut tx = self.write().await?;
        let current = candidate(&mut tx, id).await?;
        editable_report_person(&mut tx, &current.report_id).await?;
        ensure_version(
            "candidacy",
            &current.report_name,
            current.version,
            expected_version,
        )?;
        let v = draft.validate()?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE candidates SET readiness = ?, readiness_reason = ?, expected_cycle = ?,
                 actions = ?, version = version + 1, updated_at = ? WHERE id = ?",
            v.readiness,
            v.reason,
            v.expected_cycle,
            v.actions,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Candidate, id.as_str()).await?;
        let updated = candidate(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Saves the packet as a new version (versions are never changed afterwards).
    pub async fn save_packet(
        &self,
        candidate_id: &CandidateId,
        sections: &PacketSections,
        note: &str,
    ) -> Result<PacketVersion> {
        let mut tx = self.write().await?;
        let c = candidate(&mut tx, candidate_id).await?;
        editable_report_person(&mut tx, &c.report_id).await?;
        let sections = sections.validate()?;
        let mut checks = Checks::new();
        let note = checks.line("note", "Note", note, false);
        checks.finish()?;
        let owned: Vec<String> = sqlx::query_scalar!(
            r#"SELECT id AS "id!" FROM evidence WHERE report_id = ? AND deleted_at IS NULL"#,
            c.report_id
        )
        .fetch_all(&mut *tx)
        .await?;
        if sections
            .evidence_ids()
            .any(|e| !owned.iter().any(|o| o == e.as_str()))
        {
            return Err(Error::invalid(
                "sections",
                format!(
                    "The packet links to evidence that is not {}'s.",
                    c.report_name
                ),
            ));
        }
        let number = c.packet_versions + 1;
        let id = PacketVersionId::new();
        insert_packet_version(
            &mut tx,
            &id,
            candidate_id,
            number,
            self.clock.today(),
            &note,
            &sections,
            self.clock.now(),
        )
        .await?;
        let saved = packet_versions(&mut tx, candidate_id)
            .await?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| Error::not_found("packet version", id.as_str()))?;
        tx.commit().await?;
        Ok(saved)
    }

    /// A candidate's packet versions, newest first.
    pub async fn packet_versions(&self, candidate_id: &CandidateId) -> Result<Vec<PacketVersion>> {
        let mut conn = self.pool.acquire().await?;
        candidate(&mut conn, candidate_id).await?;
        packet_versions(&mut conn, candidate_id).await
    }

    /// What changed from version `from` to version `to`.
    pub async fn packet_diff(
        &self,
        candidate_id: &CandidateId,
        from: i32,
        to: i32,
    ) -> Result<PacketDiff> {
        let versions = self.packet_versions(candidate_id).await?;
        let find = |n: i32| {
            versions
                .iter()
                .find(|v| v.number == n)
                .ok_or_else(|| Error::not_found("packet version", &n.to_string()))
        };
        let (a, b) = (find(from)?, find(to)?);
        Ok(crate::diff::packet(
            a.number,
            &a.sections,
            b.number,
            &b.sections,
        ))
    }

    /// A candidate's review rounds, oldest request first.
    pub async fn reviews(&self, candidate_id: &CandidateId) -> Result<Vec<PacketReview>> {
        let mut conn = self.pool.acquire().await?;
        select_reviews(&mut conn, Some(candidate_id), None, None).await
    }

    pub async fn add_review(
        &self,
        candidate_id: &CandidateId,
        draft: &ReviewDraft,
    ) -> Result<PacketReview> {
        let mut tx = self.write().await?;
        let c = candidate(&mut tx, candidate_id).await?;
        editable_report_person(&mut tx, &c.report_id).await?;
        let v = self.check_review(&mut tx, &c, draft).await?;
        let id = ReviewId::new();
        insert_review(&mut tx, &id, candidate_id, &v, self.clock.now()).await?;
        let created = review(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_review(
        &self,
        id: &ReviewId,
        expected_version: i32,
        draft: &ReviewDraft,
    ) -> Result<PacketReview> {
        let mut tx = self.write().await?;
        let current = review(&mut tx, id).await?;
        let c = candidate(&mut tx, &current.candidate_id).await?;
        editable_report_person(&mut tx, &c.report_id).await?;
        ensure_version(
            "packet review",
            &current.reviewer.name,
            current.version,
            expected_version,
        )?;
        let v = self.check_review(&mut tx, &c, draft).await?;
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE packet_reviews SET reviewer_id = ?, reviewer_role = ?, version_number = ?,
                 requested_on = ?, received_on = ?, comments = ?, revealed_rule_id = ?,
                 version = version + 1, updated_at = ? WHERE id = ?",
            v.reviewer_id,
            v.reviewer_role,
            v.version_number,
            v.requested_on,
            v.received_on,
            v.comments,
            v.revealed_rule_id,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Review, id.as_str()).await?;
        let updated = review(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn check_review(
        &self,
        conn: &mut SqliteConnection,
        c: &Candidate,
        draft: &ReviewDraft,
    ) -> Result<crate::model::packet::ValidReview> {
        let people = live_people(conn, &draft.reviewer_id).await?;
        let rule_exists = match &draft.revealed_rule_id {
            Some(rule) => sqlx::query_scalar!(
                r#"SELECT COUNT(*) AS "n!: i32" FROM rules_of_thumb WHERE id = ? AND deleted_at IS NULL"#,
                rule
            )
            .fetch_one(&mut *conn)
            .await?
                > 0,
            None => false,
        };
        draft.validate(&people, rule_exists, c.packet_versions, self.clock.today())
    }

    /// The manager's own call on a rule without a machine check (None clears it).
    pub async fn set_rule_check(
        &self,
        candidate_id: &CandidateId,
        rule_id: &RuleId,
        status: Option<ManualStatus>,
        note: &str,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let c = candidate(&mut tx, candidate_id).await?;
        editable_report_person(&mut tx, &c.report_id).await?;
        let exists = sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!: i32" FROM rules_of_thumb WHERE id = ? AND deleted_at IS NULL"#,
            rule_id
        )
        .fetch_one(&mut *tx)
        .await?;
        if exists == 0 {
            return Err(Error::not_found("rule of thumb", rule_id.as_str()));
        }
        let mut checks = Checks::new();
        let note = checks.text("note", "Note", note);
        checks.finish()?;
        sqlx::query!(
            "DELETE FROM rule_checks WHERE candidate_id = ? AND rule_id = ?",
            candidate_id,
            rule_id
        )
        .execute(&mut *tx)
        .await?;
        if let Some(status) = status {
            insert_rule_check(
                &mut tx,
                candidate_id,
                rule_id,
                status,
                &note,
                self.clock.today(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Inserts a candidacy (undecided readiness) and indexes it.
pub(crate) async fn insert_candidate(
    conn: &mut SqliteConnection,
    id: &CandidateId,
    cycle_id: &CycleId,
    report_id: &ReportId,
    target: &LevelId,
    added_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO candidates (id, cycle_id, report_id, target_level_id, added_on, readiness,
             readiness_reason, expected_cycle, actions, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'undecided', '', '', '', 1, ?, ?)",
        id,
        cycle_id,
        report_id,
        target,
        added_on,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Candidate, id.as_str()).await
}

/// Inserts a packet version (already validated).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_packet_version(
    conn: &mut SqliteConnection,
    id: &PacketVersionId,
    candidate_id: &CandidateId,
    number: i32,
    saved_on: NaiveDate,
    note: &str,
    sections: &PacketSections,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = serde_json::to_string(sections).map_err(|e| Error::Storage {
        message: format!("Could not encode the packet: {e}"),
    })?;
    sqlx::query!(
        "INSERT INTO packet_versions (id, candidate_id, number, saved_on, note, sections, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        candidate_id,
        number,
        saved_on,
        note,
        json,
        now
    )
    .execute(&mut *conn)
    .await?;
    // The index holds each candidate's latest version: this one replaces the one before.
    let versions = sqlx::query_scalar!(
        r#"SELECT id AS "id!: String" FROM packet_versions WHERE candidate_id = ?"#,
        candidate_id
    )
    .fetch_all(&mut *conn)
    .await?;
    for version in versions {
        search::reindex(conn, RecordKind::PacketVersion, &version).await?;
    }
    Ok(())
}

/// Inserts a validated review round and indexes it.
pub(crate) async fn insert_review(
    conn: &mut SqliteConnection,
    id: &ReviewId,
    candidate_id: &CandidateId,
    v: &crate::model::packet::ValidReview,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO packet_reviews (id, candidate_id, reviewer_id, reviewer_role, version_number,
             requested_on, received_on, comments, revealed_rule_id, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        candidate_id,
        v.reviewer_id,
        v.reviewer_role,
        v.version_number,
        v.requested_on,
        v.received_on,
        v.comments,
        v.revealed_rule_id,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Review, id.as_str()).await
}

/// A review received after it was requested: the day, the comments, and the rule of thumb they
/// revealed (the generator writes it on the day it arrived).
pub(crate) async fn receive_review(
    conn: &mut SqliteConnection,
    id: &ReviewId,
    received_on: NaiveDate,
    comments: &str,
    revealed_rule_id: Option<&RuleId>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query!(
        "UPDATE packet_reviews SET received_on = ?, comments = ?, revealed_rule_id = ?,
             version = version + 1, updated_at = ? WHERE id = ?",
        received_on,
        comments,
        revealed_rule_id,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Review, id.as_str()).await
}

/// The manager's own call on a rule without a machine check, made on `checked_on`.
pub(crate) async fn insert_rule_check(
    conn: &mut SqliteConnection,
    candidate_id: &CandidateId,
    rule_id: &RuleId,
    status: ManualStatus,
    note: &str,
    checked_on: NaiveDate,
) -> Result<()> {
    sqlx::query!(
        "INSERT INTO rule_checks (candidate_id, rule_id, status, note, checked_on)
         VALUES (?, ?, ?, ?, ?)",
        candidate_id,
        rule_id,
        status,
        note,
        checked_on
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn candidate(conn: &mut SqliteConnection, id: &CandidateId) -> Result<Candidate> {
    select_candidates(conn, None, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("candidacy", id.as_str()))
}

struct CandidateRow {
    id: CandidateId,
    cycle_id: CycleId,
    report_id: ReportId,
    report_name: String,
    level_id: LevelId,
    level_name: String,
    level_rank: i32,
    added_on: NaiveDate,
    readiness: Readiness,
    readiness_reason: String,
    expected_cycle: String,
    actions: String,
    packet_versions: i32,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub(crate) async fn select_candidates(
    conn: &mut SqliteConnection,
    cycle_id: Option<&CycleId>,
    report_id: Option<&ReportId>,
    id: Option<&CandidateId>,
) -> Result<Vec<Candidate>> {
    let rows = sqlx::query_as!(
        CandidateRow,
        r#"SELECT c.id AS "id!: CandidateId", c.cycle_id AS "cycle_id!: CycleId",
                  c.report_id AS "report_id!: ReportId", p.name AS "report_name!",
                  l.id AS "level_id!: LevelId", l.name AS "level_name!", l.rank AS "level_rank!: i32",
                  c.added_on AS "added_on!: NaiveDate", c.readiness AS "readiness!: Readiness",
                  c.readiness_reason AS "readiness_reason!", c.expected_cycle AS "expected_cycle!",
                  c.actions AS "actions!",
                  (SELECT COUNT(*) FROM packet_versions v WHERE v.candidate_id = c.id)
                    AS "packet_versions!: i32",
                  c.version AS "version!: i32", c.created_at AS "created_at!: DateTime<Utc>",
                  c.updated_at AS "updated_at!: DateTime<Utc>"
           FROM candidates c JOIN reports r ON r.id = c.report_id JOIN people p ON p.id = r.person_id
           JOIN ladder_levels l ON l.id = c.target_level_id JOIN cycles y ON y.id = c.cycle_id
           WHERE c.deleted_at IS NULL AND y.deleted_at IS NULL
             AND (?1 IS NULL OR c.cycle_id = ?1) AND (?2 IS NULL OR c.report_id = ?2)
             AND (?3 IS NULL OR c.id = ?3)
           ORDER BY y.calibration_date DESC, p.name"#,
        cycle_id,
        report_id,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Candidate {
            id: r.id,
            cycle_id: r.cycle_id,
            report_id: r.report_id,
            report_name: r.report_name,
            target_level: LevelRef {
                id: r.level_id,
                name: r.level_name,
                rank: r.level_rank,
            },
            added_on: r.added_on,
            readiness: r.readiness,
            readiness_reason: r.readiness_reason,
            expected_cycle: r.expected_cycle,
            actions: r.actions,
            packet_versions: r.packet_versions,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

pub(crate) async fn packet_versions(
    conn: &mut SqliteConnection,
    candidate_id: &CandidateId,
) -> Result<Vec<PacketVersion>> {
    select_versions(conn, Some(candidate_id), None).await
}

/// Packet versions of one candidate or one cycle, newest first.
async fn select_versions(
    conn: &mut SqliteConnection,
    candidate_id: Option<&CandidateId>,
    cycle_id: Option<&CycleId>,
) -> Result<Vec<PacketVersion>> {
    let rows = sqlx::query!(
        r#"SELECT v.id AS "id!: PacketVersionId", v.candidate_id AS "candidate_id!: CandidateId",
                  v.number AS "number!: i32", v.saved_on AS "saved_on!: NaiveDate", v.note AS "note!",
                  v.sections AS "sections!", v.created_at AS "created_at!: DateTime<Utc>"
           FROM packet_versions v JOIN candidates c ON c.id = v.candidate_id
           WHERE (?1 IS NULL OR v.candidate_id = ?1) AND (?2 IS NULL OR c.cycle_id = ?2)
           ORDER BY v.candidate_id, v.number DESC"#,
        candidate_id,
        cycle_id
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let sections: PacketSections =
                serde_json::from_str(&r.sections).map_err(|e| Error::Storage {
                    message: format!("Packet version {} could not be read: {e}", r.number),
                })?;
            Ok(PacketVersion {
                id: r.id,
                candidate_id: r.candidate_id,
                number: r.number,
                saved_on: r.saved_on,
                note: r.note,
                sections,
                created_at: r.created_at,
            })
        })
        .collect()
}

async fn review(conn: &mut SqliteConnection, id: &ReviewId) -> Result<PacketReview> {
    select_reviews(conn, None, None, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("packet review", id.as_str()))
}

struct ReviewRow {
    id: ReviewId,
    candidate_id: CandidateId,
    reviewer_id: PersonId,
    name: String,
    title: String,
    relationship: Relationship,
    reviewer_role: ReviewerRole,
    version_number: Option<i32>,
    requested_on: NaiveDate,
    received_on: Option<NaiveDate>,
    comments: String,
    revealed_rule_id: Option<RuleId>,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// Live reviews of one candidate, of one cycle's candidates, or one review.
pub(crate) async fn select_reviews(
    conn: &mut SqliteConnection,
    candidate_id: Option<&CandidateId>,
    cycle_id: Option<&CycleId>,
    id: Option<&ReviewId>,
) -> Result<Vec<PacketReview>> {
    let rows = sqlx::query_as!(
        ReviewRow,
        r#"SELECT r.id AS "id!: ReviewId", r.candidate_id AS "candidate_id!: CandidateId",
                  p.id AS "reviewer_id!: PersonId", p.name AS "name!", p.title AS "title!",
                  p.relationship AS "relationship!: Relationship",
                  r.reviewer_role AS "reviewer_role!: ReviewerRole",
                  r.version_number AS "version_number?: i32",
                  r.requested_on AS "requested_on!: NaiveDate", r.received_on AS "received_on?: NaiveDate",
                  r.comments AS "comments!", r.revealed_rule_id AS "revealed_rule_id?: RuleId",
                  r.version AS "version!: i32", r.created_at AS "created_at!: DateTime<Utc>",
                  r.updated_at AS "updated_at!: DateTime<Utc>"
           FROM packet_reviews r JOIN people p ON p.id = r.reviewer_id
           JOIN candidates c ON c.id = r.candidate_id
           WHERE r.deleted_at IS NULL AND (?1 IS NULL OR r.candidate_id = ?1)
             AND (?2 IS NULL OR c.cycle_id = ?2) AND (?3 IS NULL OR r.id = ?3)
           ORDER BY r.requested_on, r.id"#,
        candidate_id,
        cycle_id,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PacketReview {
            id: r.id,
            candidate_id: r.candidate_id,
            reviewer: PersonRef {
                id: r.reviewer_id,
                name: r.name,
                title: r.title,
                relationship: r.relationship,
            },
            reviewer_role: r.reviewer_role,
            version_number: r.version_number,
            requested_on: r.requested_on,
            received_on: r.received_on,
            comments: r.comments,
            revealed_rule_id: r.revealed_rule_id,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}
