//! Reminders: which the manager wants (a setting, carried by archives), and which were raised
//! on this computer already (`reminders_sent`, not archived), so that each is raised once.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::Store;
use crate::error::{Error, Result};
use crate::model::{Reminder, ReminderSettings, Severity};
use crate::reminders::{compose, Due};

/// The settings key of the reminder settings.
pub const REMINDERS_KEY: &str = "reminders";
/// What was raised is remembered this long (long after anything it named is past).
const SENT_KEPT_DAYS: u64 = 400;

impl Store {
    /// The manager's reminder settings: every kind until they change them (the demo's are off).
    pub async fn reminder_settings(&self) -> Result<ReminderSettings> {
        let stored = sqlx::query_scalar!(
            r#"SELECT value AS "value!" FROM settings WHERE key = ?"#,
            REMINDERS_KEY
        )
        .fetch_optional(&self.pool)
        .await?;
        match stored {
            None => Ok(ReminderSettings::default()),
            Some(json) => serde_json::from_str(&json).map_err(|e| Error::Storage {
                message: format!("The stored reminder settings could not be read: {e}"),
            }),
        }
    }

    pub async fn set_reminder_settings(
        &self,
        settings: &ReminderSettings,
    ) -> Result<ReminderSettings> {
        self.write_reminder_settings(settings, false).await?;
        Ok(*settings)
    }

    /// Sets the reminder settings unless the manager chose some already (the demo's: off).
    pub async fn init_reminder_settings(&self, settings: &ReminderSettings) -> Result<()> {
        self.write_reminder_settings(settings, true).await
    }

    async fn write_reminder_settings(
        &self,
        settings: &ReminderSettings,
        only_if_unset: bool,
    ) -> Result<()> {
        let json = serde_json::to_string(settings).map_err(|e| Error::Storage {
            message: format!("Could not encode the reminder settings: {e}"),
        })?;
        let now = self.clock.now();
        let mut tx = self.write().await?;
        if only_if_unset {
            sqlx::query!(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                 ON CONFLICT (key) DO NOTHING",
                REMINDERS_KEY,
                json,
                now
            )
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query!(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                     updated_at = excluded.updated_at",
                REMINDERS_KEY,
                json,
                now
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The reminders due on `as_of` that were not raised before, of the kinds the manager
    /// wants; they count as raised from now on (the caller raises them).
    pub async fn take_reminders(&self, as_of: NaiveDate) -> Result<Vec<Reminder>> {
        let settings = self.reminder_settings().await?;
        if !(settings.one_on_ones
            || settings.deadlines
            || settings.mandate_reviews
            || settings.high_signals)
        {
            return Ok(Vec::new());
        }
        let (today, deadlines) = self.today_since(as_of, None).await?;
        let signals: Vec<_> = today
            .new_signals
            .into_iter()
            .chain(today.standing_high)
            .filter(|s| s.severity == Severity::High)
            .collect();
        let due = Due {
            as_of,
            one_on_ones: &today.one_on_ones,
            deadlines: &deadlines,
            mandate_reviews: &today.mandate_reviews,
            signals: &signals,
        };
        let sent: HashSet<String> =
            sqlx::query_scalar!(r#"SELECT key AS "key!" FROM reminders_sent"#)
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .collect();
        let reminders = compose(&due, &settings, &sent);
        let forget_before = as_of
            .checked_sub_days(Days::new(SENT_KEPT_DAYS))
            .unwrap_or(NaiveDate::MIN);
        let mut tx = self.write().await?;
        for key in reminders.iter().flat_map(|r| &r.keys) {
            sqlx::query!(
                "INSERT INTO reminders_sent (key, sent_on) VALUES (?, ?)
                 ON CONFLICT (key) DO NOTHING",
                key,
                as_of
            )
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query!(
            "DELETE FROM reminders_sent WHERE sent_on < ?",
            forget_before
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(reminders)
    }
}
