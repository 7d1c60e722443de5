//! Calibration notes as one self-contained HTML file: semantic markup, an inline style sheet
//! for the screen and for print (each report on its own page), and nothing that reaches
//! outside the file — no scripts, no images, no fonts, no URLs of any kind. A Content Security
//! Policy forbids everything but the inline style, in case a viewer is more trusting.
//!
//! Every piece of user text goes through [`esc`]: HTML-escaped, with the code points HTML
//! forbids dropped. The output passes the Nu HTML Checker without errors or warnings.

use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;

use super::notes::{
    CalibrationNotes, EvidenceNotes, ManagerOnly, MandateNotes, MentorshipNotes, QuoteNotes,
    ReportNotes,
};
use super::wording::*;

/// Screen and print styles. No `url(`, no `@import`, no web fonts.
const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; padding: 1.5rem 1rem 3rem; background: #f5f6f8; color: #1f2328;
  font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.privacy, header, main { max-width: 52rem; margin-left: auto; margin-right: auto; }
.privacy { margin-top: 0; padding: .5rem .75rem; border: 1px solid #e3b341;
  border-radius: 6px; background: #fff8e1; font-weight: 600; }
h1 { margin: 1rem 0 .25rem; font-size: 1.6rem; line-height: 1.25; }
.context { margin: 0; color: #57606a; }
.report { margin: 1.5rem 0; padding: 1rem 1.5rem; border: 1px solid #d0d7de;
  border-radius: 8px; background: #fff; }
h2 { margin: 0 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid #d0d7de;
  font-size: 1.35rem; }
h3 { margin: 1.1rem 0 .3rem; font-size: 1.05rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
ul, ol { margin: .25rem 0; padding-left: 1.4rem; }
.evidence > li { margin-bottom: .5rem; }
.item-title { margin: 0; font-weight: 600; }
.warn { color: #a40e26; font-weight: 700; }
.flagship { color: #57606a; font-weight: 600; }
.summary { margin: 1.5rem 0; padding: 1rem 1.5rem; border: 1px solid #d0d7de;
  border-radius: 8px; background: #fff; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; text-align: left;
  vertical-align: top; }
.empty { margin: .25rem 0; color: #57606a; font-style: italic; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { padding: 0; background: none; color: #000; font-size: 10.5pt; line-height: 1.35; }
  .privacy { border: 1pt solid #000; border-radius: 0; background: none; }
  .report { margin: 0; padding: 0; border: none; border-radius: 0; background: none; }
  .summary { margin: 0; padding: 0; border: none; border-radius: 0; background: none; }
  th, td { border-bottom: .5pt solid #000; }
  .report + .report, .summary + .report { break-before: page; }
  h2 { border-bottom: 1pt solid #000; font-size: 14pt; }
  h3 { font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  .evidence > li, dl { break-inside: avoid; }
  .context, .warn, .empty, .flagship { color: #000; }
}
"#;

/// The notes as an HTML document. The first text in its body is the privacy line.
pub fn render(notes: &CalibrationNotes) -> String {
    let mut h = String::with_capacity(16 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{}</title>", esc_line(or_untitled(&notes.title)));
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(h, "<p class=\"privacy\">{}</p>", esc(&notes.privacy_line));
    h.push_str("<header>\n");
    let _ = writeln!(h, "<h1>{}</h1>", esc(or_untitled(&notes.title)));
    for line in &notes.context {
        let _ = writeln!(h, "<p class=\"context\">{}</p>", esc(line));
    }
    h.push_str("</header>\n<main>\n");
    summary(&mut h, notes);
    for report in &notes.reports {
        render_report(&mut h, report);
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn summary(h: &mut String, notes: &CalibrationNotes) {
    let Some(first) = notes.summary.first() else {
        return;
    };
    let _ = writeln!(h, "<section class=\"summary\">\n<h2>{SUMMARY}</h2>");
    h.push_str("<table>\n<thead><tr><th scope=\"col\">Candidate</th>");
    for (label, _) in summary_facts(first) {
        let _ = write!(h, "<th scope=\"col\">{label}</th>");
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &notes.summary {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th>",
            esc(or_unnamed(&row.name))
        );
        for (_, value) in summary_facts(row) {
            let _ = write!(h, "<td>{}</td>", esc(&value));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn render_report(h: &mut String, r: &ReportNotes) {
    h.push_str("<article class=\"report\">\n");
    let _ = writeln!(h, "<h2>{}</h2>", esc(or_unnamed(&r.name)));
    h.push_str("<dl>\n");
    fact(h, "Levels", &esc(&r.levels));
    fact(h, "Team", &esc(&r.team));
    fact(h, "Archetype", &archetype(r));
    h.push_str("</dl>\n");

    section(h, "Mandate");
    match &r.mandate {
        Some(m) => mandate(h, m),
        None => empty(h, NO_MANDATE),
    }
    h.push_str("</section>\n");

    section(h, "Readiness");
    if r.readiness.trim().is_empty() {
        empty(h, NO_READINESS);
    } else {
        let _ = writeln!(h, "<p>{}</p>", esc(&r.readiness));
    }
    list(h, r.readiness_detail.iter().map(|d| esc(d)));
    h.push_str("</section>\n");

    evidence(h, r);
    mentorship(h, &r.mentorship);

    section(h, "Advocates");
    if r.advocates.is_empty() {
        empty(h, NO_ADVOCATES);
    }
    list(
        h,
        r.advocates.iter().map(|a| {
            let mut line = esc(&a.name);
            if let Some(strength) = &a.strength {
                let _ = write!(line, " — {}", esc(strength));
            }
            if !a.what_seen.trim().is_empty() {
                let _ = write!(line, ": {}", esc(&a.what_seen));
            }
            line
        }),
    );
    h.push_str("</section>\n");

    if let Some(m) = &r.manager_only {
        manager_only(h, m);
    }
    h.push_str("</article>\n");
}

fn manager_only(h: &mut String, r: &ManagerOnly) {
    section(h, "Packet and reviews");
    h.push_str("<ul>\n");
    let _ = writeln!(h, "<li>Packet: {}</li>", esc(&r.packet));
    if r.reviews.is_empty() {
        h.push_str(&format!("<li>Reviews: {NO_REVIEWS}</li>\n"));
    } else {
        h.push_str("<li>Reviews:\n");
        list(
            h,
            r.reviews.iter().map(|v| {
                format!(
                    "{} ({}): requested {}; {}",
                    esc(&v.reviewer),
                    esc(&v.role),
                    super::wording::day(v.requested_on),
                    esc(&v.status)
                )
            }),
        );
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n</section>\n");

    section(h, "Rules of thumb");
    if r.checklist.is_empty() {
        empty(h, NO_RULES);
    }
    list(
        h,
        r.checklist.iter().map(|c| {
            let mut line = format!("{}: {}", esc(&c.status), esc(&c.wording));
            if !c.confirmed {
                line.push_str(&format!(" <em>{HEARSAY}</em>"));
            }
            if !c.detail.trim().is_empty() {
                let _ = write!(line, " — {}", esc(&c.detail));
            }
            line
        }),
    );
    h.push_str("</section>\n");

    section(h, "Signals");
    if r.signals.is_empty() {
        empty(h, NO_SIGNALS);
    }
    list(
        h,
        r.signals.iter().map(|s| {
            format!(
                "<strong>{}</strong>: {}{}; {}",
                esc(&s.severity),
                esc(&s.message),
                super::wording::since(s),
                esc(&s.handling)
            )
        }),
    );
    if !r.earlier.is_empty() {
        h.push_str("<p>Earlier in the cycle:</p>\n");
        list(h, r.earlier.iter().map(|line| esc(line)));
    }
    h.push_str("</section>\n");

    if !r.private_notes.is_empty() {
        section(h, "Private 1:1 notes");
        list(
            h,
            r.private_notes
                .iter()
                .map(|n| format!("{}: {}", super::wording::day(n.on), rich(&n.body))),
        );
        h.push_str("</section>\n");
    }
}

fn archetype(r: &ReportNotes) -> String {
    let worked = esc(&r.archetype_worked);
    match archetype_verdict(r) {
        None => format!("works as {worked}"),
        Some((needed, verdict, false)) => {
            format!("works as {worked}; needed as {} {verdict}", esc(needed))
        }
        Some((needed, verdict, true)) => format!(
            "works as {worked}; needed as {} — <strong class=\"warn\">{verdict}</strong>",
            esc(needed)
        ),
    }
}

fn mandate(h: &mut String, m: &MandateNotes) {
    h.push_str("<dl>\n");
    fact(h, "Statement", &esc(&m.statement));
    if m.priority.trim().is_empty() {
        fact(h, "Company priority", NO_PRIORITY);
    } else {
        fact(h, "Company priority", &esc(&m.priority));
    }
    if m.sponsor.trim().is_empty() {
        fact(h, "Sponsor", NO_SPONSOR);
    } else {
        fact(h, "Sponsor", &esc(&m.sponsor));
    }
    fact(h, "Set on", &mandate_dates(m));
    h.push_str("</dl>\n");
}

fn evidence(h: &mut String, r: &ReportNotes) {
    if r.evidence.is_empty() {
        section(h, "Strongest evidence");
        if r.evidence_considered == 0 {
            empty(h, NO_EVIDENCE);
        } else {
            empty(h, &none_selected(r.evidence_considered));
        }
        h.push_str("</section>\n");
        return;
    }
    section(
        h,
        &evidence_heading(r.evidence.len(), r.evidence_considered),
    );
    h.push_str("<ol class=\"evidence\">\n");
    for e in &r.evidence {
        evidence_item(h, e);
    }
    h.push_str("</ol>\n</section>\n");
}

fn evidence_item(h: &mut String, e: &EvidenceNotes) {
    let flagship = if e.flagship {
        format!("<span class=\"flagship\">{FLAGSHIP}:</span> ")
    } else {
        String::new()
    };
    let _ = writeln!(
        h,
        "<li>\n<p class=\"item-title\">{flagship}{}</p>",
        esc(or_untitled(&e.title))
    );
    let mut lines = vec![esc(&evidence_facts(e))];
    if e.co_owners.is_empty() {
        lines.push("Co-owners: none".to_owned());
    } else {
        let names: Vec<String> = e.co_owners.iter().map(|n| esc(n)).collect();
        lines.push(format!("Co-owners: {}", names.join(", ")));
    }
    if e.impact.trim().is_empty() {
        lines.push(format!("Impact: {NOT_QUANTIFIED}"));
    } else {
        lines.push(format!("Impact: {}", rich(&e.impact)));
    }
    if e.seen_by.is_empty() {
        lines.push(format!("Seen by: {SEEN_BY_NOBODY}"));
    } else {
        let seen: Vec<String> = e
            .seen_by
            .iter()
            .map(|s| {
                let committee = if s.committee {
                    " <strong>(committee)</strong>"
                } else {
                    ""
                };
                format!(
                    "{}{committee} — {}, {}",
                    esc(&s.name),
                    esc(&s.channel),
                    super::wording::day(s.seen_on)
                )
            })
            .collect();
        lines.push(format!("Seen by: {}", seen.join("; ")));
    }
    list(h, lines);
    h.push_str("</li>\n");
}

fn mentorship(h: &mut String, m: &MentorshipNotes) {
    section(h, "Mentorship");
    if no_mentorship(m) {
        empty(h, NO_MENTORSHIP);
        h.push_str("</section>\n");
        return;
    }
    h.push_str("<ul>\n");
    let _ = writeln!(h, "<li>Mentees: {}</li>", m.mentees);
    if let Some(f) = &m.feedback {
        let _ = writeln!(h, "<li>Feedback: {}</li>", feedback_counts(f));
    }
    if m.quotes.is_empty() {
        h.push_str(&format!("<li>Quotes: {}</li>\n", no_quotes(m)));
    } else {
        h.push_str("<li>Quotes (newest first):\n");
        list(h, m.quotes.iter().map(quote));
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n</section>\n");
}

fn quote(q: &QuoteNotes) -> String {
    let marker = if q.quotable {
        String::new()
    } else {
        format!("<strong class=\"warn\">{NOT_QUOTABLE}</strong> — ")
    };
    format!(
        "{marker}{}, {} ({}): “{}”",
        super::wording::day(q.received_on),
        esc(&q.from),
        esc(&q.sentiment),
        esc(&q.words)
    )
}

/// Opens a `<section>` with its heading; the caller closes it.
fn section(h: &mut String, heading: &str) {
    let _ = writeln!(h, "<section>\n<h3>{heading}</h3>");
}

fn fact(h: &mut String, term: &str, html: &str) {
    let _ = writeln!(h, "<dt>{term}</dt><dd>{html}</dd>");
}

fn empty(h: &mut String, sentence: &str) {
    let _ = writeln!(h, "<p class=\"empty\">{sentence}</p>");
}

/// A `<ul>` of already-escaped items; nothing at all when there are none.
fn list(h: &mut String, items: impl IntoIterator<Item = String>) {
    let mut items = items.into_iter().peekable();
    if items.peek().is_none() {
        return;
    }
    h.push_str("<ul>\n");
    for item in items {
        let _ = writeln!(h, "<li>{item}</li>");
    }
    h.push_str("</ul>\n");
}

/// User text as HTML element content: escaped, normalised to NFC (as the checker asks), with
/// line breaks kept as `<br>`.
fn esc(s: &str) -> String {
    escape(s.trim(), true)
}

/// User text for `<title>`, on one line.
fn esc_line(s: &str) -> String {
    escape(s.trim(), false)
}

/// Free text written in Markdown (export::rich): its lines joined with `<br>`, list items after
/// a bullet, and only `strong`, `em`, `code` and `a` (https, http, mailto) around escaped words.
fn rich(s: &str) -> String {
    super::rich::read(s)
        .iter()
        .map(|line| {
            let mut out = String::new();
            if let Some(marker) = &line.marker {
                out.push_str(&"\u{a0}\u{a0}".repeat(usize::from(line.depth.saturating_sub(1))));
                out.push_str(&escape(marker, false));
                out.push(' ');
            }
            for span in &line.spans {
                out.push_str(&rich_span(span));
            }
            out
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

fn rich_span(span: &super::rich::Span) -> String {
    let mut out = escape(&span.text, false);
    for (on, tag) in [
        (span.code, "code"),
        (span.emphasis, "em"),
        (span.strong, "strong"),
    ] {
        if on {
            out = format!("<{tag}>{out}</{tag}>");
        }
    }
    match &span.link {
        Some(url) => format!("<a href=\"{}\">{out}</a>", escape(url, false)),
        None => out,
    }
}

fn escape(s: &str, breaks: bool) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    for c in s.nfc() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' if breaks => out.push_str("<br>"),
            '\n' | '\t' | '\u{c}' => out.push(' '),
            c if forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Code points HTML does not allow in a document: controls other than whitespace, and
/// noncharacters.
fn forbidden(c: char) -> bool {
    let n = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}
