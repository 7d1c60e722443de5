//! Where "now" comes from. The store stamps records with it and validation compares dates to
//! "today"; tests (and later, replays of history) use a fixed clock.

use chrono::{DateTime, Local, NaiveDate, Utc};

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in the user's time zone.
    fn today(&self) -> NaiveDate;

    /// The calendar date of the instant `at` in the same time zone as [`Clock::today`] (the
    /// user's). A clock whose `today` uses another zone overrides this to match.
    fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&Local).date_naive()
    }
}

/// The machine's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock that always reads the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }

    fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }

    fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        at.date_naive()
    }
}
