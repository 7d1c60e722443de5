//! Where "now" comes from. The store stamps records with it and validation compares dates to
//! "today"; tests use a fixed clock, and scripted histories ([`crate::corpus`]) a clock they
//! move from one entry day to the next.

use std::sync::{Mutex, PoisonError};

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

/// A clock its owner moves (forwards or backwards): a scripted history sets it to each entry
/// day before entering that day's records, so that every record is stamped with the day it
/// was entered. Dates are UTC days, like [`FixedClock`].
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    /// Moves the clock to `at`.
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = at;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        at.date_naive()
    }
}
