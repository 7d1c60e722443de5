//! Reading a rule of thumb's fields: who said it, when and where, confirmed or hearsay, the
//! levels and archetypes it applies to, and its machine check in words.

use super::clause::Clause;
use super::error::CorpusResult;
use super::step::{RuleCheck, RuleFields};
use super::tokens::{after_words, words_of, Token};
use super::words;
use crate::model::Check;

pub(super) fn rule(cs: &[Clause]) -> CorpusResult<RuleFields> {
    let mut f = RuleFields::default();
    for c in cs {
        if let Some(t) = c.text("said by")? {
            f.said_by = Some(t);
        } else if let Some(d) = c.date("said on")? {
            f.said_on = Some(d);
        } else if let Some(s) = c.choice_after("heard in", words::rule_source)? {
            f.source = Some(s);
        } else if let Some(t) = c.text("detail")? {
            f.detail = Some(t);
        } else if c.is("confirmed") {
            f.confirmed = Some(true);
        } else if c.is("hearsay") {
            f.confirmed = Some(false);
        } else if c.is("retired") {
            f.retired = Some(true);
        } else if let Some(t) = c.texts("levels")? {
            f.levels = Some(t);
        } else if let Some(rest) = after_words(&c.tokens, "archetypes") {
            let list = words_of(rest)
                .map(|w| {
                    w.split_whitespace()
                        .map(words::archetype)
                        .collect::<Option<Vec<_>>>()
                })
                .and_then(|a| a.filter(|a| !a.is_empty()))
                .ok_or_else(|| {
                    c.unknown("rule", "`archetypes tech-lead architect solver right-hand`")
                })?;
            f.archetypes = Some(list);
        } else if let Some(rest) = after_words(&c.tokens, "check") {
            f.check = Some(check(c, rest)?);
        } else {
            return Err(c.unknown("rule", "`said by \"…\"`, `said on DATE`, `heard in review comment|past calibration|conversation|other source`, `detail \"…\"`, confirmed|hearsay, retired, `levels \"…\"`, `archetypes …`, `check …`"));
        }
    }
    Ok(f)
}

/// The machine checks, in words.
fn check(c: &Clause, rest: &[Token]) -> CorpusResult<RuleCheck> {
    let usage = "`check top work in production for N months`, `check led work of kind KIND [or KIND…]`, `check positive mentee feedback for N months`, `check at least N advocates`, `check top work seen by N committee members`";
    let w = words_of(rest).ok_or_else(|| c.unknown("rule", usage))?;
    let number = |prefix: &str, suffix: &str| {
        w.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix(suffix))
            .and_then(|n| n.trim().parse::<i32>().ok())
    };
    if let Some(months) = number("top work in production for", "months") {
        return Ok(RuleCheck::Check(Check::TopEvidenceInProduction { months }));
    }
    if let Some(months) = number("positive mentee feedback for", "months") {
        return Ok(RuleCheck::Check(Check::PositiveMentorshipFeedback {
            months,
        }));
    }
    if let Some(count) = number("at least", "advocates") {
        return Ok(RuleCheck::Check(Check::MinAdvocates { count }));
    }
    if let Some(count) = number("top work seen by", "committee members") {
        return Ok(RuleCheck::Check(Check::SeenByCommittee { count }));
    }
    if let Some(kinds) = w.strip_prefix("led work of kind ") {
        let kinds: Option<Vec<_>> = kinds.split(" or ").map(words::kind).collect();
        return match kinds {
            Some(k) => Ok(RuleCheck::LedAnyOf(k)),
            None => Err(c.unknown("rule", usage)),
        };
    }
    Err(c.unknown("rule", usage))
}
