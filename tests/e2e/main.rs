//! End-to-end tests: the real app (UI embedded) in the real webview, driven through
//! tauri-driver and WebKitWebDriver under a private Xvfb display. See harness.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accessibility;
mod daily;
mod first_run;
mod harness;
mod one_on_ones;
mod radar;
mod reminders;
mod roster;
mod staff_record;
mod steps;
mod webdriver;
mod your_data;
