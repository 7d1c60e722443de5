//! The 1:1 question bank: curated questions (shipped with the app, editable by the manager),
//! each suggested when its trigger holds for a report.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Archetype, SignalRule};
use crate::error::Result;
use crate::ids::QuestionId;
use crate::validate::Checks;

/// A trigger that is neither an archetype nor a radar rule: the mandate's review is coming up.
pub const MANDATE_REVIEW_DUE: &str = "mandate.review_due";
/// Asked whenever nothing more specific applies.
pub const GENERAL: &str = "general";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: QuestionId,
    pub text: String,
    /// One of [`triggers`]: `general`, `archetype.<archetype>`, `mandate.review_due`, or a
    /// radar rule id such as `visibility.high_impact_unseen`.
    pub trigger: String,
    pub retired: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A trigger a question can have, with words for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionTrigger {
    pub id: String,
    pub label: String,
}

/// The archetype trigger of an archetype.
pub fn archetype_trigger(a: Archetype) -> String {
    format!("archetype.{}", archetype_slug(a))
}

fn archetype_slug(a: Archetype) -> &'static str {
    match a {
        Archetype::TechLead => "tech_lead",
        Archetype::Architect => "architect",
        Archetype::Solver => "solver",
        Archetype::RightHand => "right_hand",
        Archetype::Unclear => "unclear",
    }
}

/// Every trigger, in the order a picker shows them.
pub fn triggers() -> Vec<QuestionTrigger> {
    let t = |id: String, label: String| QuestionTrigger { id, label };
    let mut out = vec![
        t(GENERAL.into(), "Any report (general)".into()),
        t(
            MANDATE_REVIEW_DUE.into(),
            "Mandate review due within 30 days".into(),
        ),
    ];
    for a in Archetype::ALL
        .into_iter()
        .filter(|a| *a != Archetype::Unclear)
    {
        out.push(t(
            archetype_trigger(a),
            format!("Works as {}", a.with_article()),
        ));
    }
    for rule in SignalRule::ALL {
        out.push(t(
            rule.id().into(),
            format!("Radar signal: {}", rule.label()),
        ));
    }
    out
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionDraft {
    pub text: String,
    pub trigger: String,
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidQuestion {
    pub text: String,
    pub trigger: String,
    pub retired: bool,
}

impl QuestionDraft {
    pub fn validate(&self) -> Result<ValidQuestion> {
        let mut c = Checks::new();
        let text = c.line("text", "The question", &self.text, true);
        let trigger = self.trigger.trim().to_owned();
        if trigger.is_empty() {
            c.fail("trigger", "Choose when to suggest it.");
        } else if !triggers().iter().any(|t| t.id == trigger) {
            // Quote what was sent only when it looks like a trigger id: never a long or
            // invisible-character value.
            let shown = trigger.len() <= 64 && trigger.chars().all(|c| c.is_ascii_graphic());
            c.fail(
                "trigger",
                if shown {
                    format!("\"{trigger}\" is not a known trigger.")
                } else {
                    "That is not a known trigger: choose one from the list.".to_owned()
                },
            );
        }
        c.finish()?;
        Ok(ValidQuestion {
            text,
            trigger,
            retired: self.retired,
        })
    }
}
