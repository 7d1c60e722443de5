//! Field checks shared by every input type. A `Checks` collects every problem with an input
//! so that the user sees them all at once, each naming its field.

use chrono::NaiveDate;

use crate::error::{Error, FieldIssue, Result};

/// Longest single-line value (names, teams, titles), in characters.
pub const MAX_LINE: usize = 200;
/// Longest link, in characters (real document URLs run long).
pub const MAX_URL: usize = 2_000;
/// Longest free-text value (notes), in characters.
pub const MAX_TEXT: usize = 20_000;

/// Dates before this are certainly typos.
const EARLIEST_DATE: (i32, u32, u32) = (1950, 1, 1);
/// Dates after this are certainly typos too (planned dates, snoozes and as-of dates included).
const LATEST_DATE: (i32, u32, u32) = (2199, 12, 31);

/// Unicode line and paragraph separators: line breaks that are not control characters.
fn is_line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Bidirectional embedding, override and isolate controls ("Trojan Source" characters).
fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero-width characters and marks that change how text around them is shown.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{2060}'..='\u{2064}')
}

/// Whether `c` changes how the text around it reads without showing itself: a direction
/// control or mark, or a zero-width character.
pub fn hides_text(c: char) -> bool {
    is_direction_override(c) || is_invisible(c)
}

/// Text quoted for a message (an error line, a terminal): control characters, line breaks,
/// direction controls and invisible characters are written as escapes (`\n`, `\u{202e}`), so
/// that text from a file can neither clear a terminal, nor forge a line, nor hide what it says.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => push_printable(&mut out, c),
        }
    }
    out.push('"');
    out
}

/// [`escaped`] without the quotes: for a message that carries text it did not write itself
/// (a parser's complaint quoting the file).
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_printable(&mut out, c);
    }
    out
}

fn push_printable(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if c.is_control() || is_line_break(c) || hides_text(c) => {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
        c => out.push(c),
    }
}

/// How many of a list's `len` items to check one by one: none once the list is over its
/// `max` (the count, reported by [`Checks::count`], is then the problem to fix).
pub fn items_to_check(len: usize, max: usize) -> usize {
    if len > max {
        0
    } else {
        len
    }
}

/// A value checked as required. Once [`Checks::finish`] has passed it is always present; a
/// missing one (already reported by `finish`) still yields a validation error, never a panic.
pub fn present<T>(value: Option<T>) -> Result<T> {
    value.ok_or_else(|| Error::from_issues(Vec::new()))
}

#[derive(Debug, Default)]
pub struct Checks {
    issues: Vec<FieldIssue>,
}

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem with `field`. `message` is a whole sentence naming the field. The
    /// same problem with the same field is reported once, however many items of a list have it.
    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        let issue = FieldIssue {
            field: field.to_owned(),
            message: message.into(),
        };
        if !self.issues.contains(&issue) {
            self.issues.push(issue);
        }
    }

    pub fn has_issue(&self, field: &str) -> bool {
        self.issues.iter().any(|i| i.field == field)
    }

    /// A one-line text: trimmed, no control characters, at most `MAX_LINE` characters.
    pub fn line(&mut self, field: &str, label: &str, value: &str, required: bool) -> String {
        let value = value.trim();
        self.one_line(field, label, value, required, is_line_break, MAX_LINE);
        value.to_owned()
    }

    /// The checks [`Checks::line`] and [`Checks::url`] share, first failing one reported:
    /// present if `required`, no control character nor `also_breaks` line break, no
    /// text-direction control, at most `max` characters.
    fn one_line(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
        required: bool,
        also_breaks: fn(char) -> bool,
        max: usize,
    ) {
        if required && value.is_empty() {
            self.fail(field, format!("{label} is required."));
        } else if value.chars().any(|c| c.is_control() || also_breaks(c)) {
            self.fail(
                field,
                format!("{label} must be a single line without control characters."),
            );
        } else if value.chars().any(is_direction_override) {
            self.fail(
                field,
                format!(
                    "{label} contains invisible text-direction characters, which can disguise \
                     what it says; remove them."
                ),
            );
        } else if value.chars().count() > max {
            self.fail(
                field,
                format!("{label} is too long: at most {max} characters."),
            );
        }
    }

    /// Free text: line endings normalised to `\n`, trailing whitespace and leading blank lines
    /// trimmed, tabs and
    /// newlines allowed but no other control characters, at most `MAX_TEXT` characters.
    pub fn text(&mut self, field: &str, label: &str, value: &str) -> String {
        let value = value.replace("\r\n", "\n").replace('\r', "\n");
        let value = value.trim_end();
        // Leading blank lines go; the first line keeps its indentation.
        let value = match value.find(|c: char| !c.is_whitespace()) {
            Some(first) => value[value[..first].rfind('\n').map_or(0, |n| n + 1)..].to_owned(),
            None => String::new(),
        };
        if value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            self.fail(
                field,
                format!("{label} contains control characters that cannot be stored."),
            );
        } else if value.chars().count() > MAX_TEXT {
            self.fail(
                field,
                format!("{label} is too long: at most {MAX_TEXT} characters."),
            );
        }
        value
    }

    /// A calendar date written `YYYY-MM-DD`, not before 1950, not after `latest` if given, and
    /// never after 2199.
    pub fn date(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
        latest: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, format!("{label} is required."));
            return None;
        }
        let shaped = value.len() == 10
            && value.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
        let Some(date) = parsed.filter(|_| shaped) else {
            self.fail(
                field,
                format!("{label} must be a real date written YYYY-MM-DD, e.g. 2024-03-01."),
            );
            return None;
        };
        let (y, m, d) = EARLIEST_DATE;
        if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|earliest| date < earliest) {
            self.fail(field, format!("{label} cannot be before {y}."));
            return None;
        }
        if let Some(latest) = latest.filter(|latest| date > *latest) {
            self.fail(
                field,
                format!("{label} cannot be in the future (after {latest})."),
            );
            return None;
        }
        let (y, m, d) = LATEST_DATE;
        if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|last| date > last) {
            self.fail(field, format!("{label} cannot be after {y}."));
            return None;
        }
        Some(date)
    }

    /// An optional calendar date: empty means none; otherwise as [`Checks::date`].
    pub fn maybe_date(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
        latest: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        if value.trim().is_empty() {
            None
        } else {
            self.date(field, label, value, latest)
        }
    }

    /// `later` must not be before `earlier` (both optional; nothing to check if either is absent).
    pub fn order(
        &mut self,
        field: &str,
        message: &str,
        earlier: Option<NaiveDate>,
        later: Option<NaiveDate>,
    ) {
        if let (Some(a), Some(b)) = (earlier, later) {
            if b < a {
                self.fail(field, message);
            }
        }
    }

    /// A link: an http, https or mailto URL on one line, without text-direction controls, at
    /// most `MAX_URL` characters.
    pub fn url(&mut self, field: &str, label: &str, value: &str) -> String {
        let value = value.trim().to_owned();
        // Line separators are not refused as breaks here: they count as spaces, below.
        self.one_line(field, label, &value, true, |_| false, MAX_URL);
        let lower = value.to_ascii_lowercase();
        let scheme_ok = ["https://", "http://", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s) && lower.len() > s.len());
        if !value.is_empty() && !scheme_ok && !self.has_issue(field) {
            self.fail(
                field,
                format!("{label} must start with https://, http:// or mailto:."),
            );
        }
        if value.chars().any(char::is_whitespace) && !self.has_issue(field) {
            self.fail(field, format!("{label} must not contain spaces."));
        }
        value
    }

    /// A whole number between `min` and `max`.
    pub fn whole(&mut self, field: &str, label: &str, value: i32, min: i32, max: i32) -> i32 {
        if value < min || value > max {
            self.fail(field, format!("{label} must be between {min} and {max}."));
        }
        value
    }

    /// At most `max` items in a list.
    pub fn count(&mut self, field: &str, label: &str, len: usize, max: usize) {
        if len > max {
            self.fail(field, format!("{label}: at most {max}, not {len}."));
        }
    }

    /// A choice that must be made.
    pub fn chosen<T>(&mut self, field: &str, label: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.fail(field, format!("Choose a value for {label}."));
        }
        value
    }

    /// Ok if nothing failed, else one validation error naming every field.
    pub fn finish(self) -> Result<()> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(Error::from_issues(self.issues))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issues_with_messages(c: Checks) -> Vec<(String, String)> {
        match c.finish() {
            Ok(()) => vec![],
            Err(e) => e
                .field_issues()
                .iter()
                .map(|i| (i.field.clone(), i.message.clone()))
                .collect(),
        }
    }

    fn issues(c: Checks) -> Vec<String> {
        match c.finish() {
            Ok(()) => vec![],
            Err(e) => e.field_issues().iter().map(|i| i.field.clone()).collect(),
        }
    }

    #[test]
    fn line_trims_and_rejects_empty_control_and_long_values() {
        let mut c = Checks::new();
        assert_eq!(c.line("a", "A", "  Ada  ", true), "Ada");
        c.line("b", "B", "   ", true);
        c.line("c", "C", "two\nlines", false);
        c.line("d", "D", &"x".repeat(MAX_LINE + 1), false);
        c.line("e", "E", &"é".repeat(MAX_LINE), false);
        c.line("f", "F", "", false);
        c.line("g", "G", "para\u{2029}graph", false);
        c.line("h", "H", "evil\u{202E}txt.exe", false);
        assert_eq!(c.line("i", "I", "مرحبا Ada", false), "مرحبا Ada");
        assert_eq!(issues(c), ["b", "c", "d", "g", "h"]);
    }

    #[test]
    fn text_normalises_line_endings_and_limits_length() {
        let mut c = Checks::new();
        assert_eq!(
            c.text("a", "A", "one\r\ntwo\rthree\t \n"),
            "one\ntwo\nthree"
        );
        c.text("b", "B", "nul\0byte");
        c.text("c", "C", &"x".repeat(MAX_TEXT + 1));
        assert_eq!(issues(c), ["b", "c"]);
    }

    #[test]
    fn date_accepts_iso_dates_within_bounds_only() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24);
        let mut c = Checks::new();
        assert_eq!(c.date("a", "A", "2026-11-24", today), today);
        assert_eq!(c.date("b", "B", "2026-11-25", today), None);
        assert_eq!(c.date("c", "C", "2024-02-30", today), None);
        assert_eq!(c.date("d", "D", "24/03/2024", today), None);
        assert_eq!(c.date("e", "E", "1949-12-31", today), None);
        assert_eq!(c.date("f", "F", "", today), None);
        assert_eq!(c.date("g", "G", "2024-3-1", today), None);
        assert_eq!(c.date("h", "H", "+2024-03-01", today), None);
        assert_eq!(issues(c), ["b", "c", "d", "e", "f", "g", "h"]);
    }

    #[test]
    fn dates_stop_at_the_end_of_2199_when_no_other_bound_applies() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24);
        let mut c = Checks::new();
        assert_eq!(
            c.date("a", "A", "2199-12-31", None),
            NaiveDate::from_ymd_opt(2199, 12, 31)
        );
        assert_eq!(c.date("b", "B", "2200-01-01", None), None);
        assert_eq!(c.maybe_date("c", "C", "9999-12-31", None), None);
        // A bound of today speaks first: the date is in the future.
        assert_eq!(c.date("d", "D", "2200-01-01", today), None);
        assert_eq!(
            issues_with_messages(c),
            [
                ("b".to_owned(), "B cannot be after 2199.".to_owned()),
                ("c".to_owned(), "C cannot be after 2199.".to_owned()),
                (
                    "d".to_owned(),
                    "D cannot be in the future (after 2026-11-24).".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn the_same_problem_with_the_same_field_is_reported_once() {
        let mut c = Checks::new();
        c.fail("ids", "An id is unknown.");
        c.fail("ids", "An id is unknown.");
        c.fail("ids", "Another problem.");
        c.fail("other", "An id is unknown.");
        assert_eq!(issues(c), ["ids", "ids", "other"]);
    }

    #[test]
    fn urls_need_a_safe_scheme_and_no_spaces() {
        let mut c = Checks::new();
        assert_eq!(c.url("a", "A", " https://go/doc "), "https://go/doc");
        c.url("b", "B", "mailto:ada@example.com");
        c.url("c", "C", "javascript:alert(1)");
        c.url("d", "D", "https://a b");
        c.url("e", "E", "https://");
        c.url("f", "F", "");
        c.url("g", "G", "https://example.com/\u{202E}fdp.exe");
        c.url("h", "H", &format!("https://{}", "x".repeat(MAX_URL - 8)));
        c.url("i", "I", &format!("https://{}", "x".repeat(MAX_URL - 7)));
        assert_eq!(issues(c), ["c", "d", "e", "f", "g", "i"]);
    }

    #[test]
    fn optional_dates_and_their_order() {
        let mut c = Checks::new();
        assert_eq!(c.maybe_date("a", "A", " ", None), None);
        let start = c.maybe_date("b", "B", "2024-05-01", None);
        let end = c.maybe_date("c", "C", "2024-04-30", None);
        c.order("c", "C cannot be before B.", start, end);
        c.order("d", "never", start, None);
        assert_eq!(issues(c), ["c"]);
    }

    #[test]
    fn summary_names_the_first_problem_and_counts_the_rest() {
        let mut c = Checks::new();
        c.line("name", "Name", "", true);
        c.line("team", "Team", "", true);
        let err = c.finish().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("Name is required. (And 1 more problem.)")
        );
    }
}
