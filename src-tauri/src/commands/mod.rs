//! Command adapters, one file per area. Each takes its arguments, gets the store, calls the
//! core and returns its result: no logic lives here.

pub mod advocates;
pub mod app;
pub mod calendar;
pub mod cycles;
pub mod data;
pub mod encryption;
pub mod evidence;
pub mod export;
pub mod ladder;
pub mod links;
pub mod mandates;
pub mod mentorship;
pub mod one_on_ones;
pub mod people;
pub mod prep;
pub mod radar;
pub mod records;
pub mod reminders;
pub mod roster;
