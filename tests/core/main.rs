#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Integration tests of `trellis-core` against real SQLite files in temp dirs (no mocks).
//! Every test opens its own store on a fresh directory with a fixed (or hand-moved) clock.

mod generator;
mod ladder;
mod migrations;
mod roster;
mod support;
mod validation;
