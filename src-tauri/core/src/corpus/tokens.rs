//! The words of one fixture line: bare words, "quoted text" (with `\"` and `\\` escapes),
//! the head/clauses split (`head: clause; clause`), and a tiny pattern matcher for heads
//! such as `evidence _ for _` (`_` is one quoted name).

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(String),
    Text(String),
}

/// Removes a `#` comment (outside quotes, at the start or after a space) and trailing space.
pub fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    let mut prev_space = true;
    for (i, ch) in line.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '#' if !quoted && prev_space => return line[..i].trim_end(),
            _ => {}
        }
        prev_space = ch.is_whitespace();
    }
    line.trim_end()
}

/// Splits at every `sep` outside quotes that `ends` accepts (given the text after it).
fn split_outside_quotes(text: &str, sep: char, ends: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut quoted, mut escaped, mut start) = (false, false, 0);
    for (i, ch) in text.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == sep && !quoted && ends(&text[i + c.len_utf8()..]) => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `head: clause; clause` → the head and the clauses (trimmed, empty ones dropped). The
/// separator is the first colon outside quotes followed by a space or the end of the line,
/// so that `1:1` stays one word.
pub fn head_and_clauses(line: &str) -> (String, Vec<String>) {
    let parts = split_outside_quotes(line, ':', |after| {
        after.is_empty() || after.starts_with(char::is_whitespace)
    });
    let head = parts.first().map_or("", |h| h.trim()).to_owned();
    let rest = parts.get(1..).unwrap_or_default().join(":");
    let clauses = split_outside_quotes(&rest, ';', |_| true)
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    (head, clauses)
}

/// The tokens of `text`; commas outside quotes separate like spaces.
pub fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&ch) = chars.peek() {
        if ch.is_whitespace() || ch == ',' {
            chars.next();
        } else if ch == '"' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    None => return Err(format!("unclosed quote in `{text}`")),
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some(c @ ('"' | '\\')) => s.push(c),
                        _ => {
                            return Err(format!(
                                "only \\\" and \\\\ may follow a backslash: `{text}`"
                            ))
                        }
                    },
                    Some(c) => s.push(c),
                }
            }
            tokens.push(Token::Text(s));
        } else {
            let mut w = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == ',' || c == '"' {
                    break;
                }
                w.push(c);
                chars.next();
            }
            tokens.push(Token::Word(w));
        }
    }
    Ok(tokens)
}

/// Matches `tokens` against a pattern of words and `_` (one quoted text); returns the texts.
/// Words compare case-insensitively.
pub fn match_pattern(tokens: &[Token], pattern: &str) -> Option<Vec<String>> {
    let wanted: Vec<&str> = pattern.split_whitespace().collect();
    if wanted.len() != tokens.len() {
        return None;
    }
    let mut texts = Vec::new();
    for (w, t) in wanted.iter().zip(tokens) {
        match (*w, t) {
            ("_", Token::Text(s)) => texts.push(s.clone()),
            (w, Token::Word(x)) if w != "_" && w.eq_ignore_ascii_case(x) => {}
            _ => return None,
        }
    }
    Some(texts)
}

/// The leading words `prefix` (space-separated, case-insensitive), and what follows them.
pub fn after_words<'a>(tokens: &'a [Token], prefix: &str) -> Option<&'a [Token]> {
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if tokens.len() < words.len() {
        return None;
    }
    for (w, t) in words.iter().zip(tokens) {
        match t {
            Token::Word(x) if w.eq_ignore_ascii_case(x) => {}
            _ => return None,
        }
    }
    tokens.get(words.len()..)
}

/// Bare words joined by single spaces, lower-cased (`None` if any token is quoted).
pub fn words_of(tokens: &[Token]) -> Option<String> {
    let mut out = Vec::new();
    for t in tokens {
        match t {
            Token::Word(w) => out.push(w.to_lowercase()),
            Token::Text(_) => return None,
        }
    }
    Some(out.join(" "))
}

/// Exactly one quoted text.
pub fn one_text(tokens: &[Token]) -> Option<String> {
    match tokens {
        [Token::Text(s)] => Some(s.clone()),
        _ => None,
    }
}

/// One or more quoted texts.
pub fn texts(tokens: &[Token]) -> Option<Vec<String>> {
    let out: Option<Vec<String>> = tokens
        .iter()
        .map(|t| match t {
            Token::Text(s) => Some(s.clone()),
            Token::Word(_) => None,
        })
        .collect();
    out.filter(|v| !v.is_empty())
}

/// A `YYYY-MM-DD` date.
pub fn parse_date(word: &str) -> Option<NaiveDate> {
    if word.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(word, "%Y-%m-%d").ok()
}

/// Exactly one date word.
pub fn one_date(tokens: &[Token]) -> Option<NaiveDate> {
    match tokens {
        [Token::Word(w)] => parse_date(w),
        _ => None,
    }
}

/// Exactly one whole number.
pub fn one_number(tokens: &[Token]) -> Option<i32> {
    match tokens {
        [Token::Word(w)] => w.parse().ok(),
        _ => None,
    }
}
