//! Queries for the company ladder and its change history.

use sqlx::SqliteConnection;

use super::Store;
use crate::error::{Error, Result};
use crate::ids::{LadderChangeId, LevelId};
use crate::model::ladder::{check_level, MAX_LEVELS};
use crate::model::{LadderChange, LadderChangeKind, LadderLevel, LevelDraft, LevelRef};

impl Store {
    /// The ladder, lowest level first, with how many reports use each level.
    pub async fn ladder(&self) -> Result<Vec<LadderLevel>> {
        let mut conn = self.pool.acquire().await?;
        ladder(&mut conn).await
    }

    /// The ladder's history, newest first.
    pub async fn ladder_changes(&self) -> Result<Vec<LadderChange>> {
        Ok(sqlx::query_as!(
            LadderChange,
            r#"SELECT id AS "id: LadderChangeId", level_id AS "level_id: LevelId",
                      change AS "change: LadderChangeKind", detail,
                      changed_at AS "changed_at: _"
               FROM ladder_changes ORDER BY changed_at DESC, id DESC"#
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Inserts a level at `draft.rank`; the levels at and above it move up one.
    pub async fn add_level(&self, draft: LevelDraft) -> Result<Vec<LadderLevel>> {
        let mut tx = self.write().await?;
        let levels = level_refs(&mut tx).await?;
        if levels.len() >= MAX_LEVELS {
            return Err(Error::invalid(
                "name",
                format!(
                    "Ladder levels: at most {MAX_LEVELS}, not {}. Remove or rename one instead.",
                    levels.len() + 1
                ),
            ));
        }
        let name = check_level(Some(&draft.name), Some((draft.rank, levels.len() + 1)))?;
        let rank = draft.rank;
        ensure_name_free(&levels, &name, None)?;
        let id = LevelId::new();
        let now = self.clock.now();
        sqlx::query!(
            "UPDATE ladder_levels SET rank = rank + 1 WHERE rank >= ?",
            rank
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO ladder_levels (id, name, rank, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?)",
            id,
            name,
            rank,
            now,
            now
        )
        .execute(&mut *tx)
        .await?;
        let detail = format!("Added {name} at position {rank}");
        record_change(&mut tx, &id, LadderChangeKind::Added, &detail, self).await?;
        let ladder = ladder(&mut tx).await?;
        tx.commit().await?;
        Ok(ladder)
    }

    pub async fn rename_level(&self, id: &LevelId, name: &str) -> Result<Vec<LadderLevel>> {
        let mut tx = self.write().await?;
        let levels = level_refs(&mut tx).await?;
        let old = find(&levels, id)?;
        let name = check_level(Some(name), None)?;
        ensure_name_free(&levels, &name, Some(id))?;
        if name != old.name {
            let now = self.clock.now();
            sqlx::query!(
                "UPDATE ladder_levels SET name = ?, updated_at = ? WHERE id = ?",
                name,
                now,
                id
            )
            .execute(&mut *tx)
            .await?;
            let detail = format!("Renamed {} to {name}", old.name);
            record_change(&mut tx, id, LadderChangeKind::Renamed, &detail, self).await?;
        }
        let ladder = ladder(&mut tx).await?;
        tx.commit().await?;
        Ok(ladder)
    }

    /// Moves a level to `rank`; the levels in between shift by one.
    pub async fn move_level(&self, id: &LevelId, rank: i32) -> Result<Vec<LadderLevel>> {
        let mut tx = self.write().await?;
        let levels = level_refs(&mut tx).await?;
        let old = find(&levels, id)?;
        check_level(None, Some((rank, levels.len())))?;
        if rank != old.rank {
            let now = self.clock.now();
            sqlx::query!(
                "UPDATE ladder_levels SET rank = CASE
                     WHEN ?1 < ?2 THEN rank - 1 ELSE rank + 1 END
                 WHERE rank BETWEEN min(?1, ?2) AND max(?1, ?2) AND id <> ?3",
                old.rank,
                rank,
                id
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query!(
                "UPDATE ladder_levels SET rank = ?, updated_at = ? WHERE id = ?",
                rank,
                now,
                id
            )
            .execute(&mut *tx)
            .await?;
            let detail = format!("Moved {} from position {} to {rank}", old.name, old.rank);
            record_change(&mut tx, id, LadderChangeKind::Moved, &detail, self).await?;
        }
        let ladder = ladder(&mut tx).await?;
        tx.commit().await?;
        Ok(ladder)
    }

    /// Removes a level no report uses; the ladder keeps at least one level.
    pub async fn remove_level(&self, id: &LevelId) -> Result<Vec<LadderLevel>> {
        let mut tx = self.write().await?;
        let before = ladder(&mut tx).await?;
        let Some(level) = before.iter().find(|l| &l.id == id) else {
            return Err(Error::not_found("ladder level", id.as_str()));
        };
        if before.len() == 1 {
            return Err(Error::conflict(
                "The ladder needs at least one level; add another before removing this one.",
            ));
        }
        if level.report_count > 0 {
            return Err(Error::conflict(format!(
                "{} cannot be removed: {} report{} at or aiming for it. \
                 Move {} to another level first.",
                level.name,
                level.report_count,
                if level.report_count == 1 {
                    " is"
                } else {
                    "s are"
                },
                if level.report_count == 1 {
                    "that report"
                } else {
                    "them"
                },
            )));
        }
        sqlx::query!("DELETE FROM ladder_levels WHERE id = ?", id)
            .execute(&mut *tx)
            .await?;
        sqlx::query!(
            "UPDATE ladder_levels SET rank = rank - 1 WHERE rank > ?",
            level.rank
        )
        .execute(&mut *tx)
        .await?;
        let detail = format!("Removed {} from position {}", level.name, level.rank);
        record_change(&mut tx, id, LadderChangeKind::Removed, &detail, self).await?;
        let ladder = ladder(&mut tx).await?;
        tx.commit().await?;
        Ok(ladder)
    }
}

pub(super) async fn ladder(conn: &mut SqliteConnection) -> Result<Vec<LadderLevel>> {
    Ok(sqlx::query_as!(
        LadderLevel,
        r#"SELECT l.id AS "id: LevelId", l.name, l.rank AS "rank: i32",
                  (SELECT COUNT(*) FROM reports r
                    WHERE r.current_level_id = l.id OR r.target_level_id = l.id)
                    AS "report_count!: i32"
           FROM ladder_levels l ORDER BY l.rank"#
    )
    .fetch_all(conn)
    .await?)
}

pub(crate) async fn level_refs(conn: &mut SqliteConnection) -> Result<Vec<LevelRef>> {
    Ok(sqlx::query_as!(
        LevelRef,
        r#"SELECT id AS "id: LevelId", name, rank AS "rank: i32"
           FROM ladder_levels ORDER BY rank"#
    )
    .fetch_all(conn)
    .await?)
}

fn find<'a>(levels: &'a [LevelRef], id: &LevelId) -> Result<&'a LevelRef> {
    levels
        .iter()
        .find(|l| &l.id == id)
        .ok_or_else(|| Error::not_found("ladder level", id.as_str()))
}

fn ensure_name_free(levels: &[LevelRef], name: &str, except: Option<&LevelId>) -> Result<()> {
    let taken = levels
        .iter()
        .any(|l| Some(&l.id) != except && l.name.to_lowercase() == name.to_lowercase());
    if taken {
        return Err(Error::invalid(
            "name",
            format!("The ladder already has a level named {name}."),
        ));
    }
    Ok(())
}

async fn record_change(
    conn: &mut SqliteConnection,
    level_id: &LevelId,
    change: LadderChangeKind,
    detail: &str,
    store: &Store,
) -> Result<()> {
    let id = LadderChangeId::new();
    let now = store.clock.now();
    sqlx::query!(
        "INSERT INTO ladder_changes (id, level_id, change, detail, changed_at)
         VALUES (?, ?, ?, ?, ?)",
        id,
        level_id,
        change,
        detail,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}
