#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Integration tests of `trellis-core` against real SQLite files in temp dirs (no mocks).
//! Every test opens its own store on a fresh directory with a fixed (or hand-moved) clock.

mod advocates;
mod archived;
mod checklist;
mod cycle_support;
mod cycles;
mod dates_across_records;
mod deletion;
mod demo_record;
mod evidence;
mod export_notes;
mod export_render;
mod generator;
mod ladder;
mod lapsed;
mod managers;
mod mandates;
mod mentorship;
mod migration_upgrade;
mod migrations;
mod one_on_ones;
mod packets;
mod people;
mod prep;
mod questions;
mod radar;
mod replay;
mod roster;
mod rules_register;
mod search;
mod support;
mod thresholds;
mod timeline;
mod validation;
mod visibility;
