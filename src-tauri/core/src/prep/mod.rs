//! The 1:1 prep view, as a pure function of the record (as the radar reads it), the report's
//! 1:1s, the question bank and a date: what changed since the last 1:1, what carries over,
//! what is due, and which questions to ask.

pub mod markdown;
mod questions;

use chrono::{Days, NaiveDate};

use crate::history::RecordProblem;
use crate::model::{
    ClearedSignal, EvidenceChange, FeedbackChange, MandateCheck, MandateState, OneOnOnes, Prep,
    PrepAgendaItem, PrepChanges, Question, ReviewChange, Signal, VisibilityChange,
};
use crate::radar::{self, RadarRecord, Replay};

pub use questions::suggest;

/// Why there is no prep on a day.
#[derive(Debug, Clone)]
pub enum NoPrep {
    /// The report had not been entered into Trellis by then.
    NotEntered,
    /// The report's own record cannot be read.
    Unreadable(RecordProblem),
}

/// How far back "since the last 1:1" reaches when no 1:1 is recorded.
pub const DEFAULT_WINDOW_DAYS: u64 = 28;
/// A mandate review this close (or closer) is due.
pub const MANDATE_DUE_DAYS: i64 = 30;

/// The prep for the next 1:1 with the report, as of `as_of`, from the replay of their
/// history (the record as it stood on `as_of`, and the signals then and at the last 1:1).
pub fn build(
    replay: &Replay,
    ones: &OneOnOnes,
    bank: &[Question],
    as_of: NaiveDate,
) -> Result<Prep, NoPrep> {
    let snapshot = replay.record_on(as_of);
    let record = match snapshot.as_ref() {
        Ok(Some(r)) => r,
        Ok(None) => return Err(NoPrep::NotEntered),
        Err(p) => return Err(NoPrep::Unreadable(p.clone())),
    };
    let last = ones
        .meetings
        .iter()
        .map(|m| m.held_on)
        .filter(|d| *d < as_of)
        .max();
    let next = ones
        .meetings
        .iter()
        .map(|m| m.held_on)
        .filter(|d| *d >= as_of)
        .min();
    let since = last.unwrap_or_else(|| {
        as_of
            .checked_sub_days(Days::new(DEFAULT_WINDOW_DAYS))
            .unwrap_or(NaiveDate::MIN)
    });
    let now = replay.signals_on(as_of).map_err(NoPrep::Unreadable)?;
    let then = replay.signals_on(since).map_err(NoPrep::Unreadable)?;
    let mandate = mandate_check(record, as_of);
    let changes = changes(record, since, as_of, &now, &then);
    let before = next.map_or(NaiveDate::MAX, |n| n);
    let agenda = ones
        .open_agenda
        .iter()
        .map(|item| PrepAgendaItem {
            carried: item.carried_into(before),
            item: item.clone(),
        })
        .collect();
    let held = ones.meetings.iter().filter(|m| m.held_on < as_of).count();
    Ok(Prep {
        report_id: record.report.id.clone(),
        report_name: record.report.name.clone(),
        as_of,
        last_one_on_one: last,
        next_one_on_one: next,
        since,
        questions: suggest(bank, record, &now, mandate.state, held),
        changes,
        agenda,
        actions: ones.open_actions.clone(),
        mandate,
    })
}

fn in_window(d: NaiveDate, since: NaiveDate, as_of: NaiveDate) -> bool {
    d > since && d <= as_of
}

fn changes(
    r: &RadarRecord,
    since: NaiveDate,
    as_of: NaiveDate,
    now: &[Signal],
    then: &[Signal],
) -> PrepChanges {
    let win = |d: NaiveDate| in_window(d, since, as_of);
    let mut evidence: Vec<EvidenceChange> = r
        .evidence
        .iter()
        .filter_map(|e| {
            let events = [
                ("started", Some(e.started_on)),
                ("in production", e.in_production_since),
                ("finished", e.ended_on),
                ("recorded", Some(e.created_at.date_naive())),
            ];
            let hits: Vec<(&str, NaiveDate)> = events
                .iter()
                .filter_map(|(what, d)| d.filter(|d| win(*d)).map(|d| (*what, d)))
                .collect();
            let on = hits.iter().map(|(_, d)| *d).max()?;
            Some(EvidenceChange {
                evidence_id: e.id.clone(),
                title: e.title.clone(),
                what: hits.iter().map(|(w, _)| (*w).to_owned()).collect(),
                on,
            })
        })
        .collect();
    evidence
        .sort_by(|a, b| (b.on, &a.title, &a.evidence_id).cmp(&(a.on, &b.title, &b.evidence_id)));

    let mut feedback: Vec<FeedbackChange> = r
        .mentorships
        .iter()
        .flat_map(|m| m.feedback.iter().map(move |f| (m, f)))
        .filter(|(_, f)| {
            win(f.received_on) || win(f.created_at.date_naive()) || f.addressed_on.is_some_and(win)
        })
        .map(|(m, f)| FeedbackChange {
            feedback_id: f.id.clone(),
            mentee: m.mentee.name.clone(),
            from: f.source.from_whom(&m.mentee.name),
            sentiment: f.sentiment,
            received_on: f.received_on,
            addressed_on: f.addressed_on.filter(|d| win(*d)),
            words: f.words.clone(),
        })
        .collect();
    feedback.sort_by(|a, b| (b.received_on, &a.feedback_id).cmp(&(a.received_on, &b.feedback_id)));

    let mut visibility: Vec<VisibilityChange> = r
        .evidence
        .iter()
        .flat_map(|e| e.visibility.iter().map(move |v| (e, v)))
        .filter(|(_, v)| win(v.seen_on) || win(v.created_at.date_naive()))
        .map(|(e, v)| VisibilityChange {
            visibility_id: v.id.clone(),
            evidence_id: e.id.clone(),
            evidence_title: e.title.clone(),
            person: v.person.name.clone(),
            channel: v.channel,
            seen_on: v.seen_on,
        })
        .collect();
    visibility.sort_by(|a, b| (b.seen_on, &a.visibility_id).cmp(&(a.seen_on, &b.visibility_id)));

    let mut review_comments: Vec<ReviewChange> = r
        .candidacy
        .iter()
        .flat_map(|c| &c.reviews)
        .filter_map(|rv| {
            let on = rv.received_on.filter(|d| win(*d))?;
            Some(ReviewChange {
                review_id: rv.id.clone(),
                reviewer: rv.reviewer.name.clone(),
                role: rv.reviewer_role,
                received_on: on,
                comments: rv.comments.clone(),
            })
        })
        .collect();
    review_comments
        .sort_by(|a, b| (b.received_on, &a.review_id).cmp(&(a.received_on, &b.review_id)));

    let then_keys: std::collections::HashSet<&str> =
        then.iter().map(|s| s.cause_key.as_str()).collect();
    let now_keys: std::collections::HashSet<&str> =
        now.iter().map(|s| s.cause_key.as_str()).collect();
    let signals_appeared = now
        .iter()
        .filter(|s| !then_keys.contains(s.cause_key.as_str()))
        .cloned()
        .collect();
    let signals_cleared = then
        .iter()
        .filter(|s| !now_keys.contains(s.cause_key.as_str()))
        .map(|s| ClearedSignal {
            rule: s.rule,
            message: s.message.clone(),
            cause_key: s.cause_key.clone(),
        })
        .collect();
    PrepChanges {
        evidence,
        feedback,
        visibility,
        review_comments,
        signals_appeared,
        signals_cleared,
    }
}

fn mandate_check(r: &RadarRecord, as_of: NaiveDate) -> MandateCheck {
    let mandate = radar::active_mandate(r, as_of).cloned();
    let state = match &mandate {
        None => MandateState::Missing,
        Some(m) => match m.review_by {
            None => MandateState::NoReviewDate,
            Some(d) if d < as_of => MandateState::ReviewOverdue,
            Some(d) if (d - as_of).num_days() <= MANDATE_DUE_DAYS => MandateState::ReviewDue,
            Some(_) => MandateState::OnTrack,
        },
    };
    MandateCheck { state, mandate }
}
