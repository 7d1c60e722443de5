//! Calibration notes as Markdown that pastes cleanly into Google Docs, Confluence or GitHub:
//! ATX headings, bullet lists, no HTML and no tables.
//!
//! Every piece of user text goes through [`text`], which escapes whatever Markdown could read
//! as structure (emphasis, links, HTML, headings, list markers) and folds line breaks into
//! spaces so that a multi-line note cannot break the list it sits in. The same notes always
//! give the same bytes, ending in a single newline.

use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;

use super::notes::{
    CalibrationNotes, EvidenceNotes, ManagerOnly, MandateNotes, MentorshipNotes, QuoteNotes,
    ReportNotes,
};
use super::wording::*;

/// The notes as a Markdown document. Its first line is the privacy line.
pub fn render(notes: &CalibrationNotes) -> String {
    let mut md = Md::default();
    md.para(&opening(&notes.privacy_line));
    md.line(&format!("# {}", text(or_untitled(&notes.title))));
    md.blank();
    for line in &notes.context {
        md.para(&opening(line));
    }
    summary(&mut md, notes);
    for report in &notes.reports {
        render_report(&mut md, report);
    }
    md.finish()
}

fn summary(md: &mut Md, notes: &CalibrationNotes) {
    if notes.summary.is_empty() {
        return;
    }
    md.line(&format!("## {SUMMARY}"));
    md.blank();
    for row in &notes.summary {
        let facts: Vec<String> = summary_facts(row)
            .iter()
            .map(|(label, value)| format!("{label}: {}", text(value)))
            .collect();
        md.item(
            0,
            &format!("**{}** — {}", text(or_unnamed(&row.name)), facts.join("; ")),
        );
    }
    md.blank();
}

fn render_report(md: &mut Md, r: &ReportNotes) {
    md.line(&format!("## {}", text(or_unnamed(&r.name))));
    md.blank();
    md.item(0, &format!("Levels: {}", text(&r.levels)));
    md.item(0, &format!("Team: {}", text(&r.team)));
    md.item(0, &archetype_line(r));
    md.blank();

    md.section("Mandate");
    match &r.mandate {
        Some(m) => mandate(md, m),
        None => md.para(NO_MANDATE),
    }

    md.section("Readiness");
    if r.readiness.trim().is_empty() {
        md.para(NO_READINESS);
    } else {
        md.para(&opening(&r.readiness));
    }
    if !r.readiness_detail.is_empty() {
        for detail in &r.readiness_detail {
            md.item(0, &opening(detail));
        }
        md.blank();
    }

    evidence(md, r);
    mentorship(md, &r.mentorship);

    md.section("Advocates");
    if r.advocates.is_empty() {
        md.para(NO_ADVOCATES);
    } else {
        for a in &r.advocates {
            let mut line = opening(&a.name);
            if let Some(strength) = &a.strength {
                let _ = write!(line, " — {}", text(strength));
            }
            if !a.what_seen.trim().is_empty() {
                let _ = write!(line, ": {}", text(&a.what_seen));
            }
            md.item(0, &line);
        }
        md.blank();
    }

    if let Some(m) = &r.manager_only {
        manager_only(md, m);
    }
}

fn manager_only(md: &mut Md, r: &ManagerOnly) {
    md.section("Packet and reviews");
    md.item(0, &format!("Packet: {}", text(&r.packet)));
    if r.reviews.is_empty() {
        md.item(0, &format!("Reviews: {NO_REVIEWS}"));
    } else {
        md.item(0, "Reviews:");
        for v in &r.reviews {
            md.item(
                1,
                &format!(
                    "{} ({}): requested {}; {}",
                    opening(&v.reviewer),
                    text(&v.role),
                    super::wording::day(v.requested_on),
                    text(&v.status)
                ),
            );
        }
    }
    md.blank();

    md.section("Rules of thumb");
    if r.checklist.is_empty() {
        md.para(NO_RULES);
    } else {
        for c in &r.checklist {
            let mut line = format!("{}: {}", opening(&c.status), text(&c.wording));
            if !c.confirmed {
                line.push_str(&format!(" {HEARSAY}"));
            }
            if !c.detail.trim().is_empty() {
                let _ = write!(line, " — {}", text(&c.detail));
            }
            md.item(0, &line);
        }
        md.blank();
    }

    md.section("Signals");
    if r.signals.is_empty() {
        md.para(NO_SIGNALS);
    } else {
        for s in &r.signals {
            md.item(
                0,
                &format!(
                    "{}: {}{}; {}",
                    opening(&s.severity),
                    text(&s.message),
                    super::wording::since(s),
                    text(&s.handling)
                ),
            );
        }
        md.blank();
    }
    if !r.earlier.is_empty() {
        md.para("Earlier in the cycle:");
        for line in &r.earlier {
            md.item(0, &text(line));
        }
        md.blank();
    }

    if !r.private_notes.is_empty() {
        md.section("Private 1:1 notes");
        for n in &r.private_notes {
            md.item(
                0,
                &format!("{}: {}", super::wording::day(n.on), rich(&n.body)),
            );
        }
        md.blank();
    }
}

fn archetype_line(r: &ReportNotes) -> String {
    let worked = text(&r.archetype_worked);
    match archetype_verdict(r) {
        None => format!("Archetype: works as {worked}"),
        Some((needed, verdict, warn)) => format!(
            "Archetype: works as {worked}; needed as {}{}{verdict}",
            text(needed),
            if warn { " — " } else { " " }
        ),
    }
}

fn mandate(md: &mut Md, m: &MandateNotes) {
    md.item(0, &format!("Statement: {}", text(&m.statement)));
    if m.priority.trim().is_empty() {
        md.item(0, &format!("Company priority: {NO_PRIORITY}"));
    } else {
        md.item(0, &format!("Company priority: {}", text(&m.priority)));
    }
    if m.sponsor.trim().is_empty() {
        md.item(0, &format!("Sponsor: {NO_SPONSOR}"));
    } else {
        md.item(0, &format!("Sponsor: {}", text(&m.sponsor)));
    }
    md.item(0, &format!("Set on: {}", mandate_dates(m)));
    md.blank();
}

fn evidence(md: &mut Md, r: &ReportNotes) {
    if r.evidence.is_empty() {
        md.section("Strongest evidence");
        if r.evidence_considered == 0 {
            md.para(NO_EVIDENCE);
        } else {
            md.para(&none_selected(r.evidence_considered));
        }
        return;
    }
    md.section(&evidence_heading(r.evidence.len(), r.evidence_considered));
    for e in &r.evidence {
        evidence_item(md, e);
    }
    md.blank();
}

fn evidence_item(md: &mut Md, e: &EvidenceNotes) {
    let flagship = if e.flagship {
        format!("{FLAGSHIP}: ")
    } else {
        String::new()
    };
    md.item(0, &format!("{flagship}**{}**", text(or_untitled(&e.title))));
    md.item(1, &opening(&evidence_facts(e)));
    if e.co_owners.is_empty() {
        md.item(1, "Co-owners: none");
    } else {
        let names: Vec<String> = e.co_owners.iter().map(|n| text(n)).collect();
        md.item(1, &format!("Co-owners: {}", names.join(", ")));
    }
    if e.impact.trim().is_empty() {
        md.item(1, &format!("Impact: {NOT_QUANTIFIED}"));
    } else {
        md.item(1, &format!("Impact: {}", rich(&e.impact)));
    }
    if e.seen_by.is_empty() {
        md.item(1, &format!("Seen by: {SEEN_BY_NOBODY}"));
    } else {
        let seen: Vec<String> = e
            .seen_by
            .iter()
            .map(|s| {
                let committee = if s.committee { " (committee)" } else { "" };
                format!(
                    "{}{committee} — {}, {}",
                    text(&s.name),
                    text(&s.channel),
                    super::wording::day(s.seen_on)
                )
            })
            .collect();
        md.item(1, &format!("Seen by: {}", seen.join("; ")));
    }
}

fn mentorship(md: &mut Md, m: &MentorshipNotes) {
    md.section("Mentorship");
    if no_mentorship(m) {
        md.para(NO_MENTORSHIP);
        return;
    }
    md.item(0, &format!("Mentees: {}", m.mentees));
    if let Some(f) = &m.feedback {
        md.item(0, &format!("Feedback: {}", feedback_counts(f)));
    }
    if m.quotes.is_empty() {
        md.item(0, &format!("Quotes: {}", no_quotes(m)));
    } else {
        md.item(0, "Quotes (newest first):");
        for q in &m.quotes {
            md.item(1, &quote(q));
        }
    }
    md.blank();
}

fn quote(q: &QuoteNotes) -> String {
    let marker = if q.quotable {
        String::new()
    } else {
        format!("**{NOT_QUOTABLE}** — ")
    };
    format!(
        "{marker}{}, {} ({}): “{}”",
        super::wording::day(q.received_on),
        text(&q.from),
        text(&q.sentiment),
        text(&q.words)
    )
}

/// Free text written in Markdown, written again from what it means (export::rich): bold,
/// italics, code and web or mail links kept, every other character escaped, lines joined with
/// a space and list items after a bullet, so that it stays inside its list item.
fn rich(s: &str) -> String {
    let mut out = String::new();
    for line in super::rich::read(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(marker) = &line.marker {
            out.push_str(&text(marker));
            out.push(' ');
        }
        for span in &line.spans {
            let core = text(&span.text);
            if core.is_empty() {
                out.push_str(if span.text.is_empty() { "" } else { " " });
                continue;
            }
            if span.text.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            let mut part = if span.code {
                format!("`{}`", span.text.trim().replace('`', "'"))
            } else {
                core
            };
            if span.emphasis {
                part = format!("*{part}*");
            }
            if span.strong {
                part = format!("**{part}**");
            }
            if let Some(url) = &span.link {
                part = format!("[{part}](<{url}>)");
            }
            out.push_str(&part);
            if span.text.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
    }
    out.trim().to_owned()
}

/// User text made inert inside a line: every character Markdown could read as structure is
/// escaped, control characters are dropped, and runs of spaces, tabs and line breaks become
/// one space (so a multi-line note stays inside its list item). Normalised to NFC.
pub(crate) fn text(s: &str) -> String {
    let s: String = s.nfc().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let words = s
        .split([' ', '\n', '\r', '\t'])
        .filter(|w| w.chars().any(|c| !c.is_control()));
    for (i, word) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars().filter(|c| !c.is_control()) {
            if is_markdown_punctuation(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// [`text`] for user text that opens a line or a list item, where list markers and setext
/// underlines would also count.
pub(crate) fn opening(s: &str) -> String {
    escape_line_start(text(s))
}

/// Characters that can open emphasis, code, links, images, HTML, entities, headings, tables,
/// strikethrough or math somewhere in a line.
fn is_markdown_punctuation(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' | '$'
    )
}

/// Escapes what only means something at the start of a line: list markers (`-`, `+`,
/// `1.`, `1)`) and setext underlines (`=`). `s` has no leading whitespace.
fn escape_line_start(s: String) -> String {
    if s.starts_with(['-', '+', '=']) {
        return format!("\\{s}");
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    s
}

/// A Markdown document being written: blocks separated by one blank line.
#[derive(Default)]
struct Md {
    out: String,
}

impl Md {
    fn line(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// Ends the current block (at most one blank line in a row).
    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn para(&mut self, line: &str) {
        self.line(line);
        self.blank();
    }

    fn section(&mut self, heading: &str) {
        self.blank();
        self.line(&format!("### {heading}"));
        self.blank();
    }

    /// A bullet; `depth` 1 nests it under the previous one.
    fn item(&mut self, depth: usize, line: &str) {
        self.out.push_str(&"  ".repeat(depth));
        self.out.push_str("- ");
        self.line(line);
    }

    fn finish(mut self) -> String {
        let len = self.out.trim_end().len();
        self.out.truncate(len);
        self.out.push('\n');
        self.out
    }
}
