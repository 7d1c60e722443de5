//! Settings the manager changed (the radar's thresholds, the reminders): one JSON value per key
//! in `settings`, the default until one is stored.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::model::Thresholds;

/// The settings key of the radar thresholds.
pub const THRESHOLDS_KEY: &str = "radar.thresholds";

impl Store {
    pub async fn thresholds(&self) -> Result<Thresholds> {
        self.setting(THRESHOLDS_KEY, "radar thresholds").await
    }

    pub async fn set_thresholds(&self, thresholds: &Thresholds) -> Result<Thresholds> {
        let t = thresholds.validate()?;
        self.put_setting(THRESHOLDS_KEY, "thresholds", &t, false)
            .await?;
        Ok(t)
    }

    /// The stored value of `key`, or `T`'s default; `what` names it in a message.
    pub(super) async fn setting<T: DeserializeOwned + Default>(
        &self,
        key: &str,
        what: &str,
    ) -> Result<T> {
        let stored = sqlx::query_scalar!(
            r#"SELECT value AS "value!" FROM settings WHERE key = ?"#,
            key
        )
        .fetch_optional(&self.pool)
        .await?;
        match stored {
            None => Ok(T::default()),
            Some(json) => serde_json::from_str(&json).map_err(|e| Error::Storage {
                message: format!("The stored {what} could not be read: {e}"),
            }),
        }
    }

    /// Stores `value` under `key` (unless one is stored already and `only_if_unset`).
    pub(super) async fn put_setting<T: Serialize>(
        &self,
        key: &str,
        what: &str,
        value: &T,
        only_if_unset: bool,
    ) -> Result<()> {
        let json = serde_json::to_string(value).map_err(|e| Error::Storage {
            message: format!("Could not encode the {what}: {e}"),
        })?;
        let now = self.clock.now();
        let mut tx = self.write().await?;
        if only_if_unset {
            sqlx::query!(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                 ON CONFLICT (key) DO NOTHING",
                key,
                json,
                now
            )
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query!(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                key,
                json,
                now
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
