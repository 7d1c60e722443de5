//! The radar's thresholds: defaults unless the manager changed them.

use super::Store;
use crate::error::{Error, Result};
use crate::model::Thresholds;

/// The settings key of the radar thresholds.
pub const THRESHOLDS_KEY: &str = "radar.thresholds";
const THRESHOLDS: &str = THRESHOLDS_KEY;

impl Store {
    pub async fn thresholds(&self) -> Result<Thresholds> {
        let stored = sqlx::query_scalar!(
            r#"SELECT value AS "value!" FROM settings WHERE key = ?"#,
            THRESHOLDS
        )
        .fetch_optional(&self.pool)
        .await?;
        match stored {
            None => Ok(Thresholds::default()),
            Some(json) => serde_json::from_str(&json).map_err(|e| Error::Storage {
                message: format!("The stored radar thresholds could not be read: {e}"),
            }),
        }
    }

    pub async fn set_thresholds(&self, thresholds: &Thresholds) -> Result<Thresholds> {
        let t = thresholds.validate()?;
        let json = serde_json::to_string(&t).map_err(|e| Error::Storage {
            message: format!("Could not encode the thresholds: {e}"),
        })?;
        let now = self.clock.now();
        let mut tx = self.write().await?;
        sqlx::query!(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            THRESHOLDS,
            json,
            now
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(t)
    }
}
