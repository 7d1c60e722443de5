//! Queries for the rules-of-thumb register.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::ladder::level_refs;
use super::people::live_people;
use super::{ensure_version, search, Store};
use crate::error::{Error, Result};
use crate::ids::{LevelId, PersonId, RuleId};
use crate::model::rule_of_thumb::ValidRule;
use crate::model::{
    Archetype, Check, PersonRef, RecordKind, Relationship, RuleDraft, RuleOfThumb, RuleSource,
};

fn encode<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Storage {
        message: format!("Could not encode a rule: {e}"),
    })
}

fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Storage {
        message: format!("A stored rule could not be read: {e}"),
    })
}

impl Store {
    /// The register: live rules first, then retired, each newest first.
    pub async fn rules(&self) -> Result<Vec<RuleOfThumb>> {
        let mut conn = self.pool.acquire().await?;
        select_rules(&mut conn, None).await
    }

    pub async fn create_rule(&self, draft: &RuleDraft) -> Result<RuleOfThumb> {
        let mut tx = self.write().await?;
        let v = self.check_rule(&mut tx, draft).await?;
        let id = RuleId::new();
        insert_rule(&mut tx, &id, &v, self.clock.now()).await?;
        let created = rule(&mut tx, &id).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn update_rule(
        &self,
        id: &RuleId,
        expected_version: i32,
        draft: &RuleDraft,
    ) -> Result<RuleOfThumb> {
        let mut tx = self.write().await?;
        let current = rule(&mut tx, id).await?;
        ensure_version(
            "rule of thumb",
            &current.wording,
            current.version,
            expected_version,
        )?;
        let v = self.check_rule(&mut tx, draft).await?;
        let now = self.clock.now();
        let (levels, archetypes) = (encode(&v.levels)?, encode(&v.archetypes)?);
        let check = v.check.as_ref().map(encode).transpose()?;
        sqlx::query!(
            "UPDATE rules_of_thumb SET wording = ?, said_by_id = ?, said_on = ?, source = ?,
                 source_detail = ?, confirmed = ?, levels = ?, archetypes = ?, retired = ?,
                 check_spec = ?, version = version + 1, updated_at = ? WHERE id = ?",
            v.wording,
            v.said_by_id,
            v.said_on,
            v.source,
            v.source_detail,
            v.confirmed,
            levels,
            archetypes,
            v.retired,
            check,
            now,
            id
        )
        .execute(&mut *tx)
        .await?;
        search::reindex(&mut tx, RecordKind::Rule, id.as_str()).await?;
        let updated = rule(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn check_rule(
        &self,
        conn: &mut SqliteConnection,
        draft: &RuleDraft,
    ) -> Result<ValidRule> {
        let people = live_people(conn, &draft.said_by_id).await?;
        let ladder: Vec<LevelId> = level_refs(conn).await?.into_iter().map(|l| l.id).collect();
        draft.validate(&people, &ladder, self.clock.today())
    }
}

/// Inserts a validated rule of thumb and indexes it.
pub(crate) async fn insert_rule(
    conn: &mut SqliteConnection,
    id: &RuleId,
    v: &ValidRule,
    now: DateTime<Utc>,
) -> Result<()> {
    let (levels, archetypes) = (encode(&v.levels)?, encode(&v.archetypes)?);
    let check = v.check.as_ref().map(encode).transpose()?;
    sqlx::query!(
        "INSERT INTO rules_of_thumb (id, wording, said_by_id, said_on, source, source_detail,
             confirmed, levels, archetypes, retired, check_spec, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        id,
        v.wording,
        v.said_by_id,
        v.said_on,
        v.source,
        v.source_detail,
        v.confirmed,
        levels,
        archetypes,
        v.retired,
        check,
        now,
        now
    )
    .execute(&mut *conn)
    .await?;
    search::reindex(conn, RecordKind::Rule, id.as_str()).await
}

async fn rule(conn: &mut SqliteConnection, id: &RuleId) -> Result<RuleOfThumb> {
    select_rules(conn, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("rule of thumb", id.as_str()))
}

pub(crate) async fn select_rules(
    conn: &mut SqliteConnection,
    id: Option<&RuleId>,
) -> Result<Vec<RuleOfThumb>> {
    let rows = sqlx::query!(
        r#"SELECT r.id AS "id!: RuleId", r.wording AS "wording!", p.id AS "said_by_id?: PersonId",
                  p.name AS "said_by_name?", p.title AS "said_by_title?",
                  p.relationship AS "said_by_relationship?: Relationship",
                  r.said_on AS "said_on!: NaiveDate", r.source AS "source!: RuleSource",
                  r.source_detail AS "source_detail!", r.confirmed AS "confirmed!: bool",
                  r.levels AS "levels!", r.archetypes AS "archetypes!", r.retired AS "retired!: bool",
                  r.check_spec AS "check_spec?", r.version AS "version!: i32",
                  r.created_at AS "created_at!: DateTime<Utc>", r.updated_at AS "updated_at!: DateTime<Utc>"
           FROM rules_of_thumb r LEFT JOIN people p ON p.id = r.said_by_id
           WHERE r.deleted_at IS NULL AND (?1 IS NULL OR r.id = ?1)
           ORDER BY r.retired, r.said_on DESC, r.id"#,
        id
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let said_by = match (
                r.said_by_id,
                r.said_by_name,
                r.said_by_title,
                r.said_by_relationship,
            ) {
                (Some(id), Some(name), Some(title), Some(relationship)) => Some(PersonRef {
                    id,
                    name,
                    title,
                    relationship,
                }),
                _ => None,
            };
            Ok(RuleOfThumb {
                id: r.id,
                wording: r.wording,
                said_by,
                said_on: r.said_on,
                source: r.source,
                source_detail: r.source_detail,
                confirmed: r.confirmed,
                levels: decode::<Vec<LevelId>>(&r.levels)?,
                archetypes: decode::<Vec<Archetype>>(&r.archetypes)?,
                retired: r.retired,
                check: r.check_spec.as_deref().map(decode::<Check>).transpose()?,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        })
        .collect()
}
