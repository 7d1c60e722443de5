//! Reading the steps about cycles and what is judged in them: cycles and committees,
//! candidacies, readiness, packet drafts and reviews, the rules-of-thumb register (its fields:
//! `parse_rule`), the ladder.

use super::clause::Clause;
use super::error::{CorpusError, CorpusResult, Place};
use super::parse::{next, none};
use super::parse_rule::rule;
use super::step::Action;
use super::tokens::{match_pattern, Token};
use super::words;

/// The step, if the head is one of the cycle's; `None` for an unknown head.
pub fn parse(place: &Place, h: &[Token], cs: &[Clause]) -> CorpusResult<Option<Action>> {
    let m = |pattern: &str| match_pattern(h, pattern);
    let action = if let Some(n) = m("cycle _") {
        cycle(n, false, cs)?
    } else if let Some(n) = m("update cycle _") {
        cycle(n, true, cs)?
    } else if let Some(n) = m("_ joins the committee of _") {
        let mut on = None;
        for c in cs {
            on = Some(
                c.date("on")?
                    .ok_or_else(|| c.unknown("committee", "`on DATE`"))?,
            );
        }
        let mut n = n.into_iter();
        Action::JoinCommittee {
            person: next(&mut n),
            cycle: next(&mut n),
            on,
        }
    } else if let Some(n) = m("candidate _ in _") {
        let (mut added_on, mut target) = (None, None);
        for c in cs {
            if let Some(d) = c.date("added on")? {
                added_on = Some(d);
            } else if let Some(t) = c.text("target")? {
                target = Some(t);
            } else {
                return Err(c.unknown("candidate", "`added on DATE`, `target \"Level\"`"));
            }
        }
        let mut n = n.into_iter();
        Action::Candidate {
            report: next(&mut n),
            cycle: next(&mut n),
            added_on,
            target,
        }
    } else if let Some(n) = m("readiness of _ in _") {
        readiness(place, n, cs)?
    } else if let Some(n) = m("packet draft of _ in _") {
        packet(n, cs)?
    } else if let Some(n) = m("review requested from _ for _ in _") {
        let (mut role, mut requested) = (None, None);
        for c in cs {
            if let Some(r) = c.choice(words::reviewer_role) {
                role = Some(r);
            } else if let Some(d) = c.date("on")? {
                requested = Some(d);
            } else {
                return Err(c.unknown(
                    "review request",
                    "staff peer|manager|skip-level|staff-plus, `on DATE`",
                ));
            }
        }
        let role = role.ok_or_else(|| CorpusError::syntax(place, "a review request needs the reviewer's role: staff peer, manager, skip-level or staff-plus"))?;
        let mut n = n.into_iter();
        Action::ReviewRequest {
            reviewer: next(&mut n),
            report: next(&mut n),
            cycle: next(&mut n),
            role,
            requested,
        }
    } else if let Some(n) = m("review received from _ for _ in _") {
        let (mut role, mut on, mut comments, mut reveals) = (None, None, None, None);
        for c in cs {
            if let Some(r) = c.choice(words::reviewer_role) {
                role = Some(r);
            } else if let Some(d) = c.date("on")? {
                on = Some(d);
            } else if let Some(t) = c.text("reveals rule")? {
                reveals = Some(t);
            } else if let Some(t) = c.bare_text() {
                comments = Some(t);
            } else {
                return Err(c.unknown("review received", "staff peer|manager|skip-level|staff-plus (when not requested before), `on DATE`, \"their comments\", `reveals rule \"wording\"`"));
            }
        }
        let mut n = n.into_iter();
        Action::ReviewReceived {
            reviewer: next(&mut n),
            report: next(&mut n),
            cycle: next(&mut n),
            role,
            on,
            comments,
            reveals,
        }
    } else if let Some(mut n) = m("rule _") {
        Action::Rule {
            wording: n.remove(0),
            update: false,
            fields: rule(cs)?,
        }
    } else if let Some(mut n) = m("update rule _") {
        Action::Rule {
            wording: n.remove(0),
            update: true,
            fields: rule(cs)?,
        }
    } else if let Some(n) = m("rule _ checked for _ in _") {
        let (mut status, mut note) = (None, None);
        for c in cs {
            if let Some(s) = c.choice(words::manual) {
                status = Some(s);
            } else if c.is("cleared") {
                status = None;
            } else if let Some(t) = c.bare_text() {
                note = Some(t);
            } else {
                return Err(c.unknown("rule check", "met|unmet|cleared, \"note\""));
            }
        }
        let mut n = n.into_iter();
        Action::RuleCheckedByHand {
            wording: next(&mut n),
            report: next(&mut n),
            cycle: next(&mut n),
            status,
            note,
        }
    } else if let Some(mut n) = m("add level _") {
        let mut position = None;
        for c in cs {
            position = Some(
                c.number("at position")?
                    .ok_or_else(|| c.unknown("add level", "`at position N`"))?,
            );
        }
        let position = position
            .ok_or_else(|| CorpusError::syntax(place, "`add level` needs `at position N`"))?;
        Action::AddLevel {
            name: n.remove(0),
            position,
        }
    } else if let Some(n) = m("rename level _ to _") {
        none(cs, "rename level")?;
        let mut n = n.into_iter();
        Action::RenameLevel {
            old: next(&mut n),
            new: next(&mut n),
        }
    } else if let Some(mut n) = m("move level _") {
        let mut position = None;
        for c in cs {
            position = Some(
                c.number("to position")?
                    .ok_or_else(|| c.unknown("move level", "`to position N`"))?,
            );
        }
        let position = position
            .ok_or_else(|| CorpusError::syntax(place, "`move level` needs `to position N`"))?;
        Action::MoveLevel {
            name: n.remove(0),
            position,
        }
    } else if let Some(mut n) = m("remove level _") {
        none(cs, "remove level")?;
        Action::RemoveLevel { name: n.remove(0) }
    } else {
        return Ok(None);
    };
    Ok(Some(action))
}

fn cycle(mut n: Vec<String>, update: bool, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut opens, mut packet_due, mut calibration, mut committee) = (None, None, None, None);
    for c in cs {
        if let Some(d) = c.date("opens")? {
            opens = Some(d);
        } else if let Some(d) = c.date("packet due")? {
            packet_due = Some(d);
        } else if let Some(d) = c.date("calibration")? {
            calibration = Some(d);
        } else if let Some(t) = c.texts("committee")? {
            committee = Some(t);
        } else {
            return Err(c.unknown(
                "cycle",
                "`opens DATE`, `packet due DATE`, `calibration DATE`, `committee \"…\", \"…\"`",
            ));
        }
    }
    Ok(Action::Cycle {
        name: n.remove(0),
        update,
        opens,
        packet_due,
        calibration,
        committee,
    })
}

fn readiness(place: &Place, n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut readiness, mut reason, mut expected_cycle, mut actions) = (None, None, None, None);
    for c in cs {
        if let Some(r) = c.choice(words::readiness) {
            readiness = Some(r);
        } else if let Some(t) = c.text("because")? {
            reason = Some(t);
        } else if let Some(t) = c.text("expected cycle")? {
            expected_cycle = Some(t);
        } else if let Some(t) = c.text("actions")? {
            actions = Some(t);
        } else {
            return Err(c.unknown("readiness", "ready|not ready|not interested|undecided, `because \"…\"`, `expected cycle \"…\"`, `actions \"…\"`"));
        }
    }
    let readiness = readiness.ok_or_else(|| {
        CorpusError::syntax(
            place,
            "readiness needs ready, not ready, not interested or undecided",
        )
    })?;
    let mut n = n.into_iter();
    Ok(Action::Readiness {
        report: next(&mut n),
        cycle: next(&mut n),
        readiness,
        reason,
        expected_cycle,
        actions,
    })
}

fn packet(n: Vec<String>, cs: &[Clause]) -> CorpusResult<Action> {
    let (mut note, mut projects, mut gaps) = (None, Vec::new(), Vec::new());
    for c in cs {
        if let Some(t) = c.text("note")? {
            note = Some(t);
        } else if let Some(t) = c.texts("projects")? {
            projects = t;
        } else if let Some(pair) = match_pattern(&c.tokens, "gap _ plan _") {
            let mut pair = pair.into_iter();
            gaps.push((next(&mut pair), next(&mut pair)));
        } else {
            return Err(c.unknown(
                "packet draft",
                "`note \"…\"`, `projects \"evidence title\", …`, `gap \"…\" plan \"…\"`",
            ));
        }
    }
    let mut n = n.into_iter();
    Ok(Action::PacketDraft {
        report: next(&mut n),
        cycle: next(&mut n),
        note,
        projects,
        gaps,
    })
}
