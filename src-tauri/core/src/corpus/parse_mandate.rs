//! Reading the steps about what a report is asked to do and how they are supported:
//! mandates (set, edited, closed, reviewed), mentorships and mentee feedback, manager changes
//! and tenures.

use super::clause::Clause;
use super::error::{CorpusError, CorpusResult, Place};
use super::parse::next;
use super::step::{Action, Ending, MandateFields, MandateOutcome};
use super::tokens::{after_words, parse_date, Token};
use super::words;

pub(super) fn mandate(mut n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
    let mut f = MandateFields::default();
    let mut end = None;
    for c in cs {
        if let Some(t) = c.bare_text() {
            f.statement = Some(t);
        } else if let Some(t) = c.text("priority")? {
            f.priority = Some(t);
        } else if c.is("no priority") {
            f.priority = Some(String::new());
        } else if let Some(a) = c.choice_after("room", words::assessment)? {
            f.room = Some(a);
        } else if let Some(a) = c.choice_after("attention", words::assessment)? {
            f.attention = Some(a);
        } else if let Some(t) = c.text("sponsor")? {
            f.sponsor = Some(t);
        } else if let Some(d) = c.date("set on")? {
            f.set_on = Some(d);
        } else if let Some(d) = c.date("review by")? {
            f.review_by = Some(d);
        } else if let Some(rest) = after_words(&c.tokens, "replacing the current one") {
            end = Some(ending_of(c, rest, "mandate")?);
        } else {
            return Err(c.unknown("mandate", "\"the problem they own\", `priority \"…\"`, `no priority`, `room yes|partly|no|unknown`, `attention …`, `sponsor \"…\"`, `set on DATE`, `review by DATE`, `replacing the current one completed|dropped on DATE because \"…\"`"));
        }
    }
    Ok(Action::Mandate {
        report: n.remove(0),
        update,
        fields: f,
        ending: end,
    })
}

/// `completed|dropped [on DATE] because "reason"`, as the rest of a clause.
fn ending_of(c: &Clause, rest: &[Token], step: &str) -> CorpusResult<Ending> {
    let bad = || c.unknown(step, "`completed|dropped [on DATE] because \"reason\"`");
    let (status, tail) = match rest.split_first() {
        Some((Token::Word(w), tail)) => (words::ending(w).ok_or_else(bad)?, tail),
        _ => return Err(bad()),
    };
    let (on, tail) = match tail {
        [Token::Word(o), Token::Word(d), tail @ ..] if o.eq_ignore_ascii_case("on") => {
            (Some(parse_date(d).ok_or_else(bad)?), tail)
        }
        tail => (None, tail),
    };
    match tail {
        [Token::Word(b), Token::Text(reason)] if b.eq_ignore_ascii_case("because") => Ok(Ending {
            status,
            on,
            reason: reason.clone(),
        }),
        _ => Err(bad()),
    }
}

pub(super) fn ending(place: &Place, cs: &[Clause], step: &str) -> CorpusResult<Ending> {
    match cs {
        [c] => ending_of(c, &c.tokens, step),
        [] => Err(CorpusError::syntax(
            place,
            format!("`{step}` needs `completed|dropped [on DATE] because \"reason\"`"),
        )),
        [_, c, ..] => Err(c.unknown(
            step,
            "one clause: `completed|dropped [on DATE] because \"reason\"`",
        )),
    }
}

pub(super) fn review_mandate(report: String, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut outcome, mut next_review) = (None, None);
    for c in cs {
        if c.is("kept") {
            outcome = Some(MandateOutcome::Kept);
        } else if c.is("changed") {
            outcome = Some(MandateOutcome::Changed);
        } else if c.is("dropped") {
            outcome = Some(MandateOutcome::Dropped);
        } else if let Some(d) = c.date("next review")? {
            next_review = Some(d);
        } else {
            return Err(c.unknown("review mandate", "kept|changed|dropped, `next review DATE`"));
        }
    }
    let outcome = outcome.unwrap_or(MandateOutcome::Kept);
    Ok(Action::ReviewMandate {
        report,
        outcome,
        next_review,
    })
}

pub(super) fn mentorship(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut goals, mut started, mut ended) = (None, None, None);
    for c in cs {
        if let Some(t) = c.text("goals")? {
            goals = Some(t);
        } else if let Some(d) = c.date("started")? {
            started = Some(d);
        } else if let Some(d) = c.date("ended")? {
            ended = Some(d);
        } else {
            return Err(c.unknown("mentorship", "`goals \"…\"`, `started DATE`, `ended DATE`"));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::Mentorship {
        report: next(&mut n),
        mentee: next(&mut n),
        goals,
        started,
        ended,
    })
}

pub(super) fn feedback(place: &Place, n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut received, mut sentiment, mut source, mut quotable, mut said) =
        (None, None, None, false, None);
    for c in cs {
        if let Some(d) = c.date("received")? {
            received = Some(d);
        } else if let Some(s) = c.choice(words::sentiment) {
            sentiment = Some(s);
        } else if let Some(s) = c.choice_after("via", words::source)? {
            source = Some(s);
        } else if c.is("quotable") {
            quotable = true;
        } else if let Some(t) = c.bare_text() {
            said = Some(t);
        } else {
            return Err(c.unknown("feedback", "positive|mixed|negative, `received DATE`, `via mentee|mentee's manager|survey`, `quotable`, \"their words\""));
        }
    }
    let mut n = n.into_iter();
    let (mentee, report) = (next(&mut n), next(&mut n));
    let missing = |what: &str| CorpusError::syntax(place, format!("feedback needs {what}"));
    Ok(Action::Feedback {
        mentee,
        report,
        received,
        sentiment: sentiment.ok_or_else(|| missing("a sentiment (positive, mixed or negative)"))?,
        source,
        quotable,
        words: said.ok_or_else(|| missing("their words, quoted"))?,
    })
}

pub(super) fn address(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut received, mut on, mut action) = (None, None, None);
    for c in cs {
        if let Some(d) = c.date("received")? {
            received = Some(d);
        } else if let Some(d) = c.date("on")? {
            on = Some(d);
        } else if let Some(t) = c.bare_text() {
            action = Some(t);
        } else {
            return Err(c.unknown(
                "address feedback",
                "`received DATE` (which feedback), `on DATE`, \"what was done\"",
            ));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::AddressFeedback {
        mentee: next(&mut n),
        report: next(&mut n),
        received,
        on,
        action: action.unwrap_or_default(),
    })
}

pub(super) fn manager_change(report: String, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut on, mut manager, mut note) = (None, None, None);
    for c in cs {
        if let Some(d) = c.date("on")? {
            on = Some(d);
        } else if let Some(t) = c.text("new manager")? {
            manager = Some(t);
        } else if let Some(t) = c.text("note")? {
            note = Some(t);
        } else {
            return Err(c.unknown(
                "manager change",
                "`on DATE`, `new manager \"…\"`, `note \"…\"`",
            ));
        }
    }
    Ok(Action::ManagerChange {
        report,
        on,
        manager: manager.unwrap_or_default(),
        note,
    })
}

pub(super) fn tenure(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut from, mut to, mut me) = (None, None, false);
    for c in cs {
        if let Some(d) = c.date("from")? {
            from = Some(d);
        } else if let Some(d) = c.date("to")? {
            to = Some(d);
        } else if c.is("me") {
            me = true;
        } else {
            return Err(c.unknown("manager tenure", "`from DATE`, `to DATE`, `me`"));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::ManagerTenure {
        report: next(&mut n),
        manager: next(&mut n),
        from,
        to,
        me,
    })
}
