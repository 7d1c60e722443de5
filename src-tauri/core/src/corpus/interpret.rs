//! Applying a history's steps through the store's public API, as a manager would enter them:
//! the clock is set to each step's entry day (18:00 UTC) first, so every record is stamped
//! with the day it was entered. The steps themselves are entered by `interpret_people`,
//! `interpret_evidence`, `interpret_mandate`, `interpret_cycle` and `interpret_rules`.

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};

use super::error::{CorpusError, CorpusResult};
use super::names::Names;
use super::step::{Action, Step};
use crate::clock::ManualClock;
use crate::error::Error;
use crate::Store;

/// The store a history is entered into, its clock, and the names given so far.
pub struct Interpreter {
    pub store: Store,
    pub clock: Arc<ManualClock>,
    pub names: Names,
}

/// `YYYY-MM-DD`, as drafts carry dates.
pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn opt_ymd(d: Option<NaiveDate>) -> String {
    d.map(ymd).unwrap_or_default()
}

/// The instant a step entered on `day` is stamped with: 18:00 UTC that day.
pub fn entry_instant(day: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(18, 0, 0).unwrap_or_default())
}

/// The store's error in words, with every field issue.
pub fn why(e: Error) -> String {
    match &e {
        Error::Validation { fields, .. } if fields.len() > 1 => fields
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => e.to_string(),
    }
}

impl Interpreter {
    pub fn new(store: Store, clock: Arc<ManualClock>) -> Self {
        Self {
            store,
            clock,
            names: Names::default(),
        }
    }

    /// Enters one step on its entry day.
    pub async fn apply(&mut self, step: &Step) -> CorpusResult<()> {
        self.clock.set(entry_instant(step.entered));
        self.run(step).await.map_err(|message| CorpusError::Step {
            place: step.place.clone(),
            step: step.text.clone(),
            message,
        })
    }

    async fn run(&mut self, step: &Step) -> Result<(), String> {
        match &step.action {
            Action::Person { .. }
            | Action::Report { .. }
            | Action::ManagerChange { .. }
            | Action::OneOnOne { .. } => self.run_people(step).await,
            Action::Evidence { .. }
            | Action::DeleteEvidence { .. }
            | Action::Seen { .. }
            | Action::Advocate { .. } => self.run_evidence(step).await,
            Action::Mandate { .. }
            | Action::CloseMandate { .. }
            | Action::Mentorship { .. }
            | Action::Feedback { .. }
            | Action::AddressFeedback { .. } => self.run_mandates(step).await,
            Action::Flagship { .. }
            | Action::ReviewMandate { .. }
            | Action::ManagerTenure { .. }
            | Action::Cadence { .. }
            | Action::JoinCommittee { .. } => self.run_facts(step).await,
            Action::Rule { .. }
            | Action::RuleCheckedByHand { .. }
            | Action::AddLevel { .. }
            | Action::RenameLevel { .. }
            | Action::MoveLevel { .. }
            | Action::RemoveLevel { .. } => self.run_rules(step).await,
            _ => self.run_cycle(step).await,
        }
    }

    /// A ladder level's id by its current name.
    pub async fn level(&self, name: &str) -> Result<crate::ids::LevelId, String> {
        self.store
            .ladder()
            .await
            .map_err(why)?
            .into_iter()
            .find(|l| l.name == name)
            .map(|l| l.id)
            .ok_or_else(|| format!("no level called \u{201c}{name}\u{201d} on the ladder"))
    }
}
