//! The radar's thresholds: defaults unless the manager changed them.

use super::Store;
use crate::error::{Error, Result};
use crate::model::Thresholds;

const THRESHOLDS: &str = "radar.thresholds";

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
        sqlx::query!(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            THRESHOLDS,
            json,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(t)
    }
}
