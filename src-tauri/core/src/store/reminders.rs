//! Reminders: which the manager wants (a setting, carried by archives), and which were raised
//! on this computer already (`reminders_sent`, not archived), so that each is raised once.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::Store;
use crate::error::Result;
use crate::model::{Reminder, ReminderSettings};
use crate::reminders::{compose, Due};

/// The settings key of the reminder settings.
pub const REMINDERS_KEY: &str = "reminders";
/// What was raised is remembered this long (long after anything it named is past).
const SENT_KEPT_DAYS: u64 = 400;

impl Store {
    /// The manager's reminder settings: every kind until they change them (the demo's are off).
    pub async fn reminder_settings(&self) -> Result<ReminderSettings> {
        self.setting(REMINDERS_KEY, "reminder settings").await
    }

    pub async fn set_reminder_settings(
        &self,
        settings: &ReminderSettings,
    ) -> Result<ReminderSettings> {
        self.put_setting(REMINDERS_KEY, "reminder settings", settings, false)
            .await?;
        Ok(*settings)
    }

    /// Sets the reminder settings unless the manager chose some already (the demo's: off).
    pub async fn init_reminder_settings(&self, settings: &ReminderSettings) -> Result<()> {
        self.put_setting(REMINDERS_KEY, "reminder settings", settings, true)
            .await
    }

    /// The reminders due on `as_of` that were not raised before, of the kinds `settings` asks
    /// for; they count as raised from now on (the caller raises them).
    pub async fn take_reminders(
        &self,
        as_of: NaiveDate,
        settings: &ReminderSettings,
    ) -> Result<Vec<Reminder>> {
        if !settings.any() {
            return Ok(Vec::new());
        }
        let (today, deadlines) = self.today_since(as_of, None, true).await?;
        let signals: Vec<_> = today
            .new_signals
            .into_iter()
            .chain(today.standing_high)
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
        let reminders = compose(&due, settings, &sent);
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
