//! A history file as a whole: its title, the dated blocks of steps, and the expectations.
//!
//! ```text
//! history: Payments platform, H2 2026 calibration
//!
//! on 2025-09-08:
//!   report "Ada Lovelace": "Staff" to "Senior Staff"; team "Payments"; works as architect
//!   evidence "Ledger consistency migration" for "Ada Lovelace": led; project;
//!       started 2025-03-03; impact "Reconciliation breaks 40 → 2 a month"
//!
//! every 14 days from 2025-09-08 to 2026-10-12:
//!   1:1 with "Ada Lovelace"
//!
//! expect "Ada Lovelace": clean
//! expect "Priya Raman":
//!   packet.no_draft expected on the packet draft deadline
//! ```
//!
//! Top-level lines open a block; the lines indented under it belong to it, and a line
//! indented deeper than the block's first line continues the line above it.

use std::path::Path;

use chrono::{Days, NaiveDate};

use super::error::{CorpusError, CorpusResult, Place};
use super::expect::{parse_expectation, Expectation};
use super::parse::parse_step;
use super::step::Step;
use super::tokens::{head_and_clauses, match_pattern, parse_date, strip_comment, tokenize, Token};

/// A parsed history: steps in the order they are entered (by entry day, then file order).
#[derive(Debug, Clone)]
pub struct History {
    pub file: std::path::PathBuf,
    pub title: String,
    pub steps: Vec<Step>,
    pub expectations: Vec<Expectation>,
}

enum Block {
    None,
    On(NaiveDate),
    Every {
        days: u64,
        from: NaiveDate,
        to: NaiveDate,
    },
    Expect {
        report: String,
        cycle: Option<String>,
    },
}

/// One logical line under a block (continuations joined), with the block it belongs to.
struct Item {
    place: Place,
    text: String,
    block: usize,
}

impl History {
    pub fn load(path: &Path) -> CorpusResult<History> {
        let text = std::fs::read_to_string(path).map_err(|e| CorpusError::Read {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Self::parse(path, &text)
    }

    pub fn parse(file: &Path, text: &str) -> CorpusResult<History> {
        let mut title = None;
        let mut blocks: Vec<Block> = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        let mut item_indent: Option<usize> = None;
        let mut last_on: Option<NaiveDate> = None;
        for (i, raw) in text.lines().enumerate() {
            let place = Place::new(file, i + 1);
            let line = strip_comment(raw);
            if line.trim().is_empty() {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let line = line.trim();
            if indent == 0 {
                item_indent = None;
                let (block, inline) = header(&place, line)?;
                match block {
                    Some(b) => {
                        if let Block::On(d) = b {
                            if last_on.is_some_and(|prev| d < prev) {
                                return Err(CorpusError::syntax(
                                    &place,
                                    "`on` blocks must be in date order",
                                ));
                            }
                            last_on = Some(d);
                        }
                        blocks.push(b);
                        if let Some(inline) = inline {
                            items.push(Item {
                                place,
                                text: inline,
                                block: blocks.len() - 1,
                            });
                        }
                    }
                    None => {
                        if title.is_some() {
                            return Err(CorpusError::syntax(&place, "a second `history:` line"));
                        }
                        title = inline;
                        blocks.push(Block::None);
                    }
                }
                continue;
            }
            if matches!(blocks.last(), None | Some(Block::None)) {
                return Err(CorpusError::syntax(
                    &place,
                    "an indented line outside any `on`, `every` or `expect` block",
                ));
            }
            match (item_indent, items.last_mut()) {
                (Some(first), Some(last)) if indent > first && last.block == blocks.len() - 1 => {
                    last.text.push(' ');
                    last.text.push_str(line);
                }
                _ => {
                    item_indent = Some(indent);
                    items.push(Item {
                        place,
                        text: line.to_owned(),
                        block: blocks.len() - 1,
                    });
                }
            }
        }
        let title = title.ok_or_else(|| {
            CorpusError::syntax(
                &Place::new(file, 1),
                "the file must start with `history: <title>`",
            )
        })?;
        let mut steps = Vec::new();
        let mut expectations = Vec::new();
        for item in items {
            match blocks.get(item.block) {
                Some(Block::On(day)) => {
                    let action = parse_step(&item.place, &item.text)?;
                    steps.push(Step {
                        place: item.place,
                        entered: *day,
                        text: item.text,
                        action,
                    });
                }
                Some(Block::Every { days, from, to }) => {
                    let action = parse_step(&item.place, &item.text)?;
                    let mut day = *from;
                    while day <= *to {
                        steps.push(Step {
                            place: item.place.clone(),
                            entered: day,
                            text: item.text.clone(),
                            action: action.clone(),
                        });
                        day = day
                            .checked_add_days(Days::new(*days))
                            .unwrap_or(NaiveDate::MAX);
                    }
                }
                Some(Block::Expect { report, cycle }) => {
                    expectations.push(parse_expectation(
                        &item.place,
                        report,
                        cycle.as_deref(),
                        &item.text,
                    )?);
                }
                _ => return Err(CorpusError::syntax(&item.place, "a line outside any block")),
            }
        }
        // Entry order: by day, then as written (a sort is stable).
        steps.sort_by_key(|s| s.entered);
        Ok(History {
            file: file.to_owned(),
            title,
            steps,
            expectations,
        })
    }
}

/// A top-level line: the block it opens and any text after its colon (`None` block: the
/// `history:` line, whose text is the title).
fn header(place: &Place, line: &str) -> CorpusResult<(Option<Block>, Option<String>)> {
    let (head, clauses) = head_and_clauses(line);
    let inline = (!clauses.is_empty()).then(|| clauses.join("; "));
    if head.eq_ignore_ascii_case("history") {
        let title = line
            .split_once(':')
            .map(|(_, t)| t.trim().to_owned())
            .filter(|t| !t.is_empty());
        return match title {
            Some(t) => Ok((None, Some(t))),
            None => Err(CorpusError::syntax(place, "`history:` needs a title")),
        };
    }
    if !line.contains(':') {
        return Err(CorpusError::syntax(
            place,
            format!("a block header ends with a colon: `{line}`"),
        ));
    }
    let tokens = tokenize(&head).map_err(|m| CorpusError::syntax(place, m))?;
    let word = |i: usize| match tokens.get(i) {
        Some(Token::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let block = match word(0).map(str::to_lowercase).as_deref() {
        Some("on") => match (tokens.len(), word(1).and_then(parse_date)) {
            (2, Some(d)) => Block::On(d),
            _ => return Err(CorpusError::syntax(place, "expected `on YYYY-MM-DD:`")),
        },
        Some("every") => every(place, &tokens)?,
        Some("expect") => {
            if let Some(mut names) = match_pattern(&tokens, "expect _") {
                Block::Expect { report: names.remove(0), cycle: None }
            } else if let Some(mut names) = match_pattern(&tokens, "expect _ in _") {
                let report = names.remove(0);
                Block::Expect { report, cycle: names.pop() }
            } else {
                return Err(CorpusError::syntax(place, "expected `expect \"Report name\":` (optionally `in \"Cycle\"`)"));
            }
        }
        _ => {
            return Err(CorpusError::syntax(
                place,
                format!("unknown block `{head}`: a top-level line is `history:`, `on DATE:`, `every N days from DATE to DATE:` or `expect \"Name\":`; steps are indented"),
            ))
        }
    };
    Ok((Some(block), inline))
}

/// `every N days|weeks from DATE to DATE`.
fn every(place: &Place, tokens: &[Token]) -> CorpusResult<Block> {
    let bad = || {
        CorpusError::syntax(
            place,
            "expected `every N days from YYYY-MM-DD to YYYY-MM-DD:` (or `weeks`)",
        )
    };
    let w: Vec<&str> = tokens
        .iter()
        .map(|t| match t {
            Token::Word(w) => Ok(w.as_str()),
            Token::Text(_) => Err(bad()),
        })
        .collect::<CorpusResult<_>>()?;
    let [_, n, unit, from_kw, from, to_kw, to] = w.as_slice() else {
        return Err(bad());
    };
    let n: u64 = n.parse().map_err(|_| bad())?;
    let days = match unit.to_lowercase().as_str() {
        "day" | "days" => n,
        "week" | "weeks" => n * 7,
        _ => return Err(bad()),
    };
    let (Some(from), Some(to)) = (parse_date(from), parse_date(to)) else {
        return Err(bad());
    };
    if days == 0
        || !from_kw.eq_ignore_ascii_case("from")
        || !to_kw.eq_ignore_ascii_case("to")
        || to < from
    {
        return Err(bad());
    }
    Ok(Block::Every { days, from, to })
}
