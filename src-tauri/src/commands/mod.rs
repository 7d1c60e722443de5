//! Command adapters, one file per area. Each takes its arguments, gets the store, calls the
//! core and returns its result: no logic lives here.

pub mod app;
pub mod ladder;
pub mod roster;
