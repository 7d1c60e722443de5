//! Reading one step: its head names the kind of step and the records it is about (`evidence
//! "Title" for "Report"`), its clauses give the fields (`led; project; started 2026-03-02`).
//! This file reads the staff record's steps; [`super::parse_cycle`] reads the cycle's.

use super::clause::Clause;
use super::error::{CorpusError, CorpusResult, Place};
use super::parse_cycle;
use super::step::{Action, Ending, EvidenceFields, MandateFields, MandateOutcome, ReportFields};
use super::tokens::{after_words, head_and_clauses, match_pattern, parse_date, tokenize, Token};
use super::words;

/// Parses one step (a line under an `on` or `every` block).
pub fn parse_step(place: &Place, text: &str) -> CorpusResult<Action> {
    let (head, clauses) = head_and_clauses(text);
    let h = tokenize(&head).map_err(|m| CorpusError::syntax(place, m))?;
    let cs = Clause::all(place, &clauses)?;
    let m = |pattern: &str| match_pattern(&h, pattern);
    let action = if let Some(n) = m("person _") {
        person(n, &cs)?
    } else if let Some(n) = m("report _") {
        report(n, false, &cs)?
    } else if let Some(n) = m("update report _") {
        report(n, true, &cs)?
    } else if let Some(n) = m("evidence _ for _") {
        evidence(n, false, &cs)?
    } else if let Some(n) = m("update evidence _").or_else(|| m("update evidence _ for _")) {
        evidence(n, true, &cs)?
    } else if let Some(n) = m("delete evidence _").or_else(|| m("delete evidence _ for _")) {
        none(&cs, "delete evidence")?;
        let mut n = n.into_iter();
        Action::DeleteEvidence { title: next(&mut n), report: n.next() }
    } else if let Some(n) = m("flagship _").or_else(|| m("flagship _ for _")) {
        none(&cs, "flagship")?;
        let mut n = n.into_iter();
        Action::Flagship { title: next(&mut n), report: n.next() }
    } else if let Some(n) = m("_ saw _").or_else(|| m("_ saw _ of _")) {
        seen(n, &cs)?
    } else if let Some(n) = m("advocate _ for _") {
        advocate(n, false, &cs)?
    } else if let Some(n) = m("update advocate _ for _") {
        advocate(n, true, &cs)?
    } else if let Some(n) = m("mandate of _") {
        mandate(n, false, &cs)?
    } else if let Some(n) = m("update mandate of _") {
        mandate(n, true, &cs)?
    } else if let Some(mut n) = m("close mandate of _") {
        Action::CloseMandate { report: n.remove(0), ending: ending(place, &cs, "close mandate")? }
    } else if let Some(mut n) = m("review mandate of _") {
        review_mandate(n.remove(0), &cs)?
    } else if let Some(n) = m("_ mentors _") {
        mentorship(n, &cs)?
    } else if let Some(n) = m("feedback from _ about _") {
        feedback(place, n, &cs)?
    } else if let Some(n) = m("address feedback from _ about _") {
        address(n, &cs)?
    } else if let Some(mut n) = m("manager change for _") {
        manager_change(n.remove(0), &cs)?
    } else if let Some(n) = m("manager of _ is _") {
        tenure(n, &cs)?
    } else if let Some(mut n) = m("1:1 with _") {
        let mut on = None;
        for c in &cs {
            on = Some(c.date("on")?.ok_or_else(|| c.unknown("1:1", "`on DATE`"))?);
        }
        Action::OneOnOne { report: n.remove(0), on }
    } else if let Some(mut n) = m("1:1 cadence for _") {
        let mut days = None;
        for c in &cs {
            days = Some(c.number("every")?.filter(|d| *d > 0).ok_or_else(|| c.unknown("1:1 cadence", "`every N` (days)"))?);
        }
        let days = days.ok_or_else(|| CorpusError::syntax(place, "`1:1 cadence` needs `every N` (days)"))?;
        Action::Cadence { report: n.remove(0), days }
    } else if let Some(action) = parse_cycle::parse(place, &h, &cs)? {
        action
    } else {
        return Err(CorpusError::syntax(place, format!("unknown step `{head}` (see tests/corpus/README.md for the steps)")));
    };
    Ok(action)
}

/// The next name of a head that matched (the pattern guarantees it).
pub fn next(names: &mut impl Iterator<Item = String>) -> String {
    names.next().unwrap_or_default()
}

/// A step that takes no clauses.
pub fn none(cs: &[Clause], step: &str) -> CorpusResult<()> {
    match cs.first() {
        Some(c) => Err(c.unknown(step, "nothing after the colon")),
        None => Ok(()),
    }
}

fn person(mut n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut relationship, mut title, mut notes) = (None, None, None);
    for c in cs {
        if let Some(r) = c.choice(words::relationship) {
            relationship = Some(r);
        } else if let Some(t) = c.text("title")? {
            title = Some(t);
        } else if let Some(t) = c.text("notes")? {
            notes = Some(t);
        } else {
            return Err(c.unknown("person", "skip-level|leadership|peer|my org|cross-functional|other, `title \"…\"`, `notes \"…\"`"));
        }
    }
    Ok(Action::Person { name: n.remove(0), relationship, title, notes })
}

fn report(mut n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
    let mut f = ReportFields::default();
    for c in cs {
        if let Some(levels) = match_pattern(&c.tokens, "_ to _") {
            let mut levels = levels.into_iter();
            f.level = levels.next();
            f.target = levels.next();
        } else if let Some(t) = c.text("level")? {
            f.level = Some(t);
        } else if let Some(t) = c.text("target")? {
            f.target = Some(t);
        } else if let Some(t) = c.text("team")? {
            f.team = Some(t);
        } else if let Some(d) = c.date("in role since")? {
            f.in_role_since = Some(d);
        } else if let Some(a) = c.choice_after("works as", words::archetype)? {
            f.works_as = Some(a);
        } else if let Some(a) = c.choice_after("needed as", words::archetype)? {
            f.needed_as = Some(a);
        } else if c.is("strong team") {
            f.team_strength = Some(crate::model::TeamStrength::Strong);
        } else if c.is("weak team") {
            f.team_strength = Some(crate::model::TeamStrength::Weak);
        } else if let Some(t) = c.text("notes")? {
            f.notes = Some(t);
        } else {
            return Err(c.unknown("report", "`\"Level\" to \"Target level\"`, `team \"…\"`, `in role since DATE`, `works as ARCHETYPE`, `needed as ARCHETYPE`, `strong team`|`weak team`, `notes \"…\"`"));
        }
    }
    Ok(Action::Report { name: n.remove(0), update, fields: f })
}

fn evidence(n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
    let mut f = EvidenceFields::default();
    for c in cs {
        if let Some(r) = c.choice(words::role) {
            f.role = Some(r);
        } else if let Some(k) = c.choice(words::kind) {
            f.kind = Some(k);
        } else if let Some(w) = c.choice(words::work_mix) {
            f.work_mix = Some(w);
        } else if let Some(d) = c.date("started")? {
            f.started = Some(d);
        } else if let Some(d) = c.date("ended")? {
            f.ended = Some(Some(d));
        } else if c.is("ongoing") {
            f.ended = Some(None);
        } else if let Some(d) = c.date("in production since")? {
            f.in_production_since = Some(d);
        } else if let Some(t) = c.text("impact")? {
            f.impact = Some(t);
        } else if let Some(t) = c.text("description")? {
            f.description = Some(t);
        } else if let Some(a) = c.choice_after("archetype", words::archetype)? {
            f.archetype = Some(a);
        } else if let Some(t) = c.texts("co-owners")? {
            f.co_owners = Some(t);
        } else {
            return Err(c.unknown("evidence", "led|co-led|contributed|advised, project|org improvement|glue work|cross-functional support|strategy|incident|unblocking others|growing others, high-leverage|snacking|preening|chasing ghosts, `started DATE`, `ended DATE`, `ongoing`, `in production since DATE`, `impact \"…\"`, `description \"…\"`, `archetype ARCHETYPE`, `co-owners \"…\"`"));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::Evidence { title: next(&mut n), report: n.next(), update, fields: f })
}

fn seen(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut on, mut channel, mut detail) = (None, None, None);
    for c in cs {
        if let Some(d) = c.date("on")? {
            on = Some(d);
        } else if let Some(ch) = c.choice(words::channel) {
            channel = Some(ch);
        } else if let Some(t) = c.text("detail")? {
            detail = Some(t);
        } else {
            return Err(c.unknown("saw", "`on DATE`, demo|doc|incident review|skip-level 1:1|presentation|review|other channel, `detail \"…\"`"));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::Seen { person: next(&mut n), title: next(&mut n), report: n.next(), on, channel, detail })
}

fn advocate(n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut strength, mut what_seen, mut last_checked, mut notes, mut since) = (None, None, None, None, None);
    for c in cs {
        if let Some(s) = c.choice(words::strength) {
            strength = Some(s);
        } else if let Some(t) = c.text("saw")? {
            what_seen = Some(t);
        } else if let Some(d) = c.date("last checked")? {
            last_checked = Some(d);
        } else if let Some(t) = c.text("notes")? {
            notes = Some(t);
        } else if let Some(d) = c.date("supporting since")? {
            since = Some(d);
        } else {
            return Err(c.unknown("advocate", "strong|moderate|weak|unknown strength, `saw \"…\"`, `last checked DATE`, `notes \"…\"`, `supporting since DATE`"));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::Advocate { person: next(&mut n), report: next(&mut n), update, strength, what_seen, last_checked, notes, supporting_since: since })
}

fn mandate(mut n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
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
    Ok(Action::Mandate { report: n.remove(0), update, fields: f, ending: end })
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

fn ending(place: &Place, cs: &[Clause], step: &str) -> CorpusResult<Ending> {
    match cs {
        [c] => ending_of(c, &c.tokens, step),
        [] => Err(CorpusError::syntax(
            place,
            format!("`{step}` needs `completed|dropped [on DATE] because \"reason\"`"),
        )),
        [_, c, ..] => Err(c.unknown(step, "one clause: `completed|dropped [on DATE] because \"reason\"`")),
    }
}

fn review_mandate(report: String, cs: &[Clause]) -> CorpusResult<Action> {
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
    Ok(Action::ReviewMandate { report, outcome, next_review })
}

fn mentorship(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
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
    Ok(Action::Mentorship { report: next(&mut n), mentee: next(&mut n), goals, started, ended })
}

fn feedback(place: &Place, n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut received, mut sentiment, mut source, mut quotable, mut said) = (None, None, None, false, None);
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

fn address(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut received, mut on, mut action) = (None, None, None);
    for c in cs {
        if let Some(d) = c.date("received")? {
            received = Some(d);
        } else if let Some(d) = c.date("on")? {
            on = Some(d);
        } else if let Some(t) = c.bare_text() {
            action = Some(t);
        } else {
            return Err(c.unknown("address feedback", "`received DATE` (which feedback), `on DATE`, \"what was done\""));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::AddressFeedback { mentee: next(&mut n), report: next(&mut n), received, on, action: action.unwrap_or_default() })
}

fn manager_change(report: String, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut on, mut manager, mut note) = (None, None, None);
    for c in cs {
        if let Some(d) = c.date("on")? {
            on = Some(d);
        } else if let Some(t) = c.text("new manager")? {
            manager = Some(t);
        } else if let Some(t) = c.text("note")? {
            note = Some(t);
        } else {
            return Err(c.unknown("manager change", "`on DATE`, `new manager \"…\"`, `note \"…\"`"));
        }
    }
    Ok(Action::ManagerChange { report, on, manager: manager.unwrap_or_default(), note })
}

fn tenure(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
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
    Ok(Action::ManagerTenure { report: next(&mut n), manager: next(&mut n), from, to, me })
}
