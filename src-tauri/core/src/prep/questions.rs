//! Choosing 3–6 questions from the question bank for the next 1:1: first for the open radar
//! signals (most severe first), then the mandate's coming review, then the archetype the
//! report works as, then standing questions. Among several questions for the same trigger the
//! choice rotates with each 1:1 held, so the suggestions do not repeat every week.

use crate::model::question::{archetype_trigger, GENERAL, MANDATE_REVIEW_DUE};
use crate::model::{Archetype, MandateState, Question, Signal, SuggestedQuestion};
use crate::radar::RadarRecord;

pub const MIN_QUESTIONS: usize = 3;
pub const MAX_QUESTIONS: usize = 6;
/// At most this many questions come from radar signals.
const MAX_FROM_SIGNALS: usize = 3;

pub fn suggest(
    bank: &[Question],
    record: &RadarRecord,
    signals: &[Signal],
    mandate: MandateState,
    meetings_held: usize,
) -> Vec<SuggestedQuestion> {
    let mut picked: Vec<SuggestedQuestion> = Vec::new();
    let take = |trigger: &str, because: String, picked: &mut Vec<SuggestedQuestion>| {
        if picked.len() >= MAX_QUESTIONS {
            return false;
        }
        let mut options: Vec<&Question> = bank
            .iter()
            .filter(|q| !q.retired && q.trigger == trigger)
            .filter(|q| !picked.iter().any(|p| p.question_id == q.id))
            .collect();
        if options.is_empty() {
            return false;
        }
        options.sort_by(|a, b| a.id.cmp(&b.id));
        let q = options[meetings_held % options.len()];
        picked.push(SuggestedQuestion {
            question_id: q.id.clone(),
            text: q.text.clone(),
            because,
        });
        true
    };

    let mut from_signals = 0;
    let mut seen_rules = Vec::new();
    for s in signals.iter().filter(|s| s.ack.is_none()) {
        if from_signals >= MAX_FROM_SIGNALS {
            break;
        }
        if seen_rules.contains(&s.rule) {
            continue;
        }
        seen_rules.push(s.rule);
        if take(
            s.rule.id(),
            format!("Radar: {}", s.rule.label()),
            &mut picked,
        ) {
            from_signals += 1;
        }
    }
    if mandate == MandateState::ReviewDue {
        take(
            MANDATE_REVIEW_DUE,
            "Their mandate is due for review".into(),
            &mut picked,
        );
    }
    let worked = record.report.archetype_worked;
    if worked != Archetype::Unclear {
        take(
            &archetype_trigger(worked),
            format!("Works as {}", worked.with_article()),
            &mut picked,
        );
    }
    while picked.len() < MIN_QUESTIONS {
        if !take(GENERAL, "A standing question".into(), &mut picked) {
            break;
        }
    }
    picked
}
