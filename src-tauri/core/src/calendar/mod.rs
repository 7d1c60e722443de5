//! Calendar import: 1:1s planned from an iCalendar (`.ics`) file, as calendar apps export a
//! single invitation or a recurring series. Many companies forbid connecting a calendar, so a
//! file is the way in. Reading the file ([`read`]) knows nothing of the record; matching an
//! invitation to a report ([`matching`]) knows nothing of iCalendar; the store puts the two
//! together (`Store::preview_calendar`, `Store::import_calendar`).

pub mod matching;
pub mod read;
mod zones;

pub use read::{read, Invitation, Window};

/// How far ahead an import plans 1:1s: a quarter. Importing the file again later plans the
/// next ones (what is already planned is left as it is).
pub const HORIZON_DAYS: i64 = 91;

/// How a meeting without a title is named.
pub const UNTITLED: &str = "a meeting without a title";

/// The largest calendar file read (a year of a busy calendar is far smaller).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
