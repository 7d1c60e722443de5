//! Reading one step: its head names the kind of step and the records it is about (`evidence
//! "Title" for "Report"`), its clauses give the fields (`led; project; started 2026-03-02`).
//! This file reads people, reports, evidence and advocates; `parse_mandate` and
//! `parse_cycle` read the rest.

use super::clause::Clause;
use super::error::{CorpusError, CorpusResult, Place};
use super::parse_cycle;
use super::parse_mandate::{
    address, ending, feedback, manager_change, mandate, mentorship, review_mandate, tenure,
};
use super::step::{Action, EvidenceFields, ReportFields};
use super::tokens::{head_and_clauses, match_pattern, tokenize};
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
        Action::DeleteEvidence {
            title: next(&mut n),
            report: n.next(),
        }
    } else if let Some(n) = m("flagship _").or_else(|| m("flagship _ for _")) {
        none(&cs, "flagship")?;
        let mut n = n.into_iter();
        Action::Flagship {
            title: next(&mut n),
            report: n.next(),
        }
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
        Action::CloseMandate {
            report: n.remove(0),
            ending: ending(place, &cs, "close mandate")?,
        }
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
        Action::OneOnOne {
            report: n.remove(0),
            on,
        }
    } else if let Some(mut n) = m("1:1 cadence for _") {
        let mut days = None;
        for c in &cs {
            days = Some(
                c.number("every")?
                    .filter(|d| *d > 0)
                    .ok_or_else(|| c.unknown("1:1 cadence", "`every N` (days)"))?,
            );
        }
        let days =
            days.ok_or_else(|| CorpusError::syntax(place, "`1:1 cadence` needs `every N` (days)"))?;
        Action::Cadence {
            report: n.remove(0),
            days,
        }
    } else if let Some(action) = parse_cycle::parse(place, &h, &cs)? {
        action
    } else {
        return Err(CorpusError::syntax(
            place,
            format!("unknown step `{head}` (see tests/corpus/README.md for the steps)"),
        ));
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
    Ok(Action::Person {
        name: n.remove(0),
        relationship,
        title,
        notes,
    })
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
    Ok(Action::Report {
        name: n.remove(0),
        update,
        fields: f,
    })
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
    Ok(Action::Evidence {
        title: next(&mut n),
        report: n.next(),
        update,
        fields: f,
    })
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
    Ok(Action::Seen {
        person: next(&mut n),
        title: next(&mut n),
        report: n.next(),
        on,
        channel,
        detail,
    })
}

fn advocate(n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut strength, mut what_seen, mut last_checked, mut notes, mut since) =
        (None, None, None, None, None);
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
    Ok(Action::Advocate {
        person: next(&mut n),
        report: next(&mut n),
        update,
        strength,
        what_seen,
        last_checked,
        notes,
        supporting_since: since,
    })
}
