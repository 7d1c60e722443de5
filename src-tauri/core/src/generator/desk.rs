//! Entering the generated record over time, as a manager using Trellis would have: the
//! history triggers date every version of a record by the transaction's `write_clock`, so the
//! generator stamps each write with the day its fact was entered (and stores the same instant
//! as the record's created or updated time). A replay of any earlier day then sees only what
//! had been entered by then.
//!
//! Nothing is entered before the manager started using Trellis ([`ONBOARDING_MONTHS`] before
//! today: the people, the reports and each report's backlog of older facts are entered that
//! day), nor after today.

use chrono::{DateTime, Days, Months, NaiveDate, NaiveTime, Utc};
use sqlx::SqliteConnection;

use crate::clock::Clock;
use crate::error::Result;
use crate::store;

/// How many months before today the demo manager started using Trellis.
pub const ONBOARDING_MONTHS: u32 = 13;

/// The day the manager started using Trellis, for a record generated on `today`.
pub fn onboarding_day(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(ONBOARDING_MONTHS))
        .unwrap_or(today)
}

/// Where the generator's writes are dated: the day each one is entered.
pub struct Desk<'c> {
    clock: &'c dyn Clock,
    now: DateTime<Utc>,
    today: NaiveDate,
    onboarding: NaiveDate,
    /// The day the transaction is stamped with now, and its instant.
    stamped: Option<(NaiveDate, DateTime<Utc>)>,
}

impl<'c> Desk<'c> {
    pub fn new(clock: &'c dyn Clock) -> Self {
        let now = clock.now();
        let today = clock.today();
        Self {
            clock,
            now,
            today,
            onboarding: onboarding_day(today),
            stamped: None,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn onboarding(&self) -> NaiveDate {
        self.onboarding
    }

    /// The day a fact dated `day` is entered, when what it belongs to (its report, its parent
    /// record, or the earlier version of the same record) was entered on `floor`: not before
    /// either, nor before onboarding, nor after today.
    pub fn day(&self, day: NaiveDate, floor: NaiveDate) -> NaiveDate {
        day.max(floor).max(self.onboarding).min(self.today)
    }

    /// Dates the writes that follow as entered on `day` (see [`Desk::day`]) and returns the
    /// instant to store as their created or updated time.
    pub async fn on(
        &mut self,
        conn: &mut SqliteConnection,
        day: NaiveDate,
    ) -> Result<DateTime<Utc>> {
        let day = self.day(day, self.onboarding);
        if let Some((stamped, at)) = self.stamped {
            if stamped == day {
                return Ok(at);
            }
        }
        let at = self.instant(day);
        store::stamp_write(conn, at, self.clock.date_of(at)).await?;
        self.stamped = Some((day, at));
        Ok(at)
    }

    /// An instant on `day` in the user's time zone (midday, or now for today), never after now.
    fn instant(&self, day: NaiveDate) -> DateTime<Utc> {
        if day >= self.today {
            return self.now;
        }
        let mut at = day
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
            .and_utc();
        // Midday UTC is another calendar day only for zones more than twelve hours away.
        let got = self.clock.date_of(at);
        if got > day {
            at = at.checked_sub_days(Days::new(1)).unwrap_or(at);
        } else if got < day {
            at = at.checked_add_days(Days::new(1)).unwrap_or(at);
        }
        at.min(self.now)
    }
}
