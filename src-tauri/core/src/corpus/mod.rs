//! Scripted histories that measure the surprise radar's precision and recall.
//!
//! A history (a `*.history` file, see `tests/corpus/README.md` for the full vocabulary) is a
//! story a manager can read: dated blocks of entry steps (`on 2026-03-02:` then `report …`,
//! `evidence … for …`, `"Morgan Avery" saw …`, `review received from …`), and for each
//! candidate either `clean` or the problems planted in the story with the day each should
//! first be flagged. [`run_dir`] enters every history into its own temporary store through
//! the store's public API, with a [`crate::clock::ManualClock`] set to each step's entry day
//! (records count from the day they were entered, not from the days they describe), then
//! replays the radar on the first of every month and on every expected day and judges:
//! each planted problem flagged on time, nothing medium or high on a clean candidate, and
//! lead times the radar reports equal to the ones a manager would have seen. While entering,
//! it also runs the radar on the replay days as the store stood then: the replay of the
//! finished record must show exactly that (knowledge time, no hindsight).

mod clause;
pub mod deadlines;
pub mod error;
pub mod expect;
mod fields;
pub mod history;
mod interpret;
mod interpret_cycle;
mod interpret_evidence;
mod interpret_facts;
mod interpret_mandate;
mod interpret_people;
mod interpret_rules;
mod judge;
mod live;
mod names;
pub mod outcome;
mod parse;
mod parse_cycle;
mod parse_mandate;
mod parse_rule;
mod replay;
mod report;
mod run;
pub mod step;
mod tokens;
mod verdict;
mod words;

pub use deadlines::{Deadline, DEADLINES};
pub use error::{CorpusError, CorpusResult, Place};
pub use history::History;
pub use outcome::{Alarm, CorpusOutcome, HistoryOutcome, Mismatch, ProblemRow, Verdict};
pub use run::{history_files, run_dir, run_history, EXTENSION};
