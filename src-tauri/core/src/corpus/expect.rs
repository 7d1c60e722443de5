//! Expectations: for each candidate, `clean` (no medium or high signal on any replayed
//! day) or the problems planted in its story, each with the rule that must flag it and the
//! day it must be flagged by:
//!
//! ```text
//! expect "Priya Raman":
//!   packet.no_draft expected on the packet draft deadline
//!   mentorship.negative_unaddressed expected by 2026-03-16 not before 2026-03-16
//!   rule_of_thumb.unmet expected on 2026-02-10 about "in production" as high
//! ```
//!
//! `expected on X` means `expected by X not before X`. `about "…"` picks, among signals of
//! the same rule, those whose causes or message contain the text. `as high|medium|low` also
//! checks the severity.

use chrono::NaiveDate;

use super::deadlines::Deadline;
use super::error::{CorpusError, CorpusResult, Place};
use super::tokens::{parse_date, tokenize, Token};
use super::words;
use crate::model::{Cycle, Severity, SignalRule};

#[derive(Debug, Clone)]
pub struct Expectation {
    pub place: Place,
    pub report: String,
    /// The cycle the candidate is judged in (needed only for a report in several).
    pub cycle: Option<String>,
    pub expected: Expected,
}

#[derive(Debug, Clone)]
pub enum Expected {
    Clean,
    Problem(Planted),
}

/// A planted problem: the rule that must flag it, and when.
#[derive(Debug, Clone)]
pub struct Planted {
    pub rule: SignalRule,
    pub by: When,
    pub not_before: Option<When>,
    pub about: Option<String>,
    pub severity: Option<Severity>,
}

/// A day, given as a date or as one of the cycle's deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Date(NaiveDate),
    Deadline(Deadline),
}

impl When {
    pub fn resolve(self, cycle: Option<&Cycle>) -> Option<NaiveDate> {
        match self {
            Self::Date(d) => Some(d),
            Self::Deadline(d) => cycle.map(|c| d.in_cycle(c)),
        }
    }
}

pub fn parse_expectation(
    place: &Place,
    report: &str,
    cycle: Option<&str>,
    text: &str,
) -> CorpusResult<Expectation> {
    let fail = |m: String| CorpusError::syntax(place, m);
    let tokens = tokenize(text).map_err(fail)?;
    let expected = if matches!(tokens.as_slice(), [Token::Word(w)] if w.eq_ignore_ascii_case("clean"))
    {
        Expected::Clean
    } else {
        Expected::Problem(planted(&tokens).map_err(fail)?)
    };
    Ok(Expectation {
        place: place.clone(),
        report: report.to_owned(),
        cycle: cycle.map(str::to_owned),
        expected,
    })
}

fn planted(tokens: &[Token]) -> Result<Planted, String> {
    let usage = "expected `clean` or `<rule id> expected by|on <date or deadline> [not before <date or deadline>] [about \"text\"] [as high|medium|low]`";
    let Some(Token::Word(id)) = tokens.first() else {
        return Err(usage.to_owned());
    };
    let rule = SignalRule::ALL
        .into_iter()
        .find(|r| r.id() == id.as_str())
        .ok_or_else(|| format!("unknown rule id `{id}` (see docs/radar-json.md)"))?;
    let (mut by, mut exact, mut not_before, mut about, mut severity) =
        (None, false, None, None, None);
    let mut i = 1;
    while i < tokens.len() {
        let word = |j: usize| match tokens.get(j) {
            Some(Token::Word(w)) => w.to_lowercase(),
            _ => String::new(),
        };
        // The words up to the next keyword.
        let phrase = |from: usize| {
            let mut j = from;
            let mut out = Vec::new();
            while let Some(Token::Word(w)) = tokens.get(j) {
                if ["not", "about", "as"].contains(&w.to_lowercase().as_str()) {
                    break;
                }
                out.push(w.clone());
                j += 1;
            }
            (out.join(" "), j)
        };
        match (word(i).as_str(), word(i + 1).as_str()) {
            ("expected", "by" | "on") => {
                exact = word(i + 1) == "on";
                let (p, next) = phrase(i + 2);
                by = Some(when(&p)?);
                i = next;
            }
            ("not", "before") => {
                let (p, next) = phrase(i + 2);
                not_before = Some(when(&p)?);
                i = next;
            }
            ("about", _) => match tokens.get(i + 1) {
                Some(Token::Text(t)) => {
                    about = Some(t.clone());
                    i += 2;
                }
                _ => return Err("`about` takes a quoted text".to_owned()),
            },
            ("as", s) => {
                severity = Some(words::severity(s).ok_or("`as` takes high, medium or low")?);
                i += 2;
            }
            _ => return Err(usage.to_owned()),
        }
    }
    let by = by.ok_or(usage)?;
    if exact && not_before.is_some() {
        return Err("`expected on` already means `not before` the same day".to_owned());
    }
    Ok(Planted {
        rule,
        by,
        not_before: if exact { Some(by) } else { not_before },
        about,
        severity,
    })
}

fn when(words: &str) -> Result<When, String> {
    if let Some(d) = parse_date(words.trim()) {
        return Ok(When::Date(d));
    }
    Deadline::from_words(words).map(When::Deadline).ok_or_else(|| {
        format!("`{words}` is neither a YYYY-MM-DD date nor a deadline (the packet draft, staff-peer review, manager review or skip-level review deadline)")
    })
}
