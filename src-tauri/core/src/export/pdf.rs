//! Calibration notes as a PDF: A4, the privacy line first on page 1 (and small atop every
//! later page), each report on its own page, page numbers in the footer. Fonts are embedded
//! (DejaVu Sans, in the binary) and the layout is our own ([`layout`]), so the same notes give
//! the same bytes on every machine.

mod draw;
mod fonts;
mod layout;

use fonts::{Fonts, Weight};
use layout::{Block, Run, Style};

use super::notes::{
    CalibrationNotes, EvidenceNotes, ManagerOnly, MandateNotes, MentorshipNotes, QuoteNotes,
    ReportNotes,
};
use super::wording::*;
use crate::error::Result;

/// The notes as the bytes of a PDF file. Fails only if the PDF writer rejects the document;
/// the error says why.
pub fn render(notes: &CalibrationNotes) -> Result<Vec<u8>> {
    let fonts = Fonts::embedded()?;
    let mut doc = Doc::default();
    doc.text(Style::Privacy, vec![bold(&notes.privacy_line)]);
    doc.heading(Style::Title, or_untitled(&notes.title));
    for line in &notes.context {
        doc.text(Style::Context, vec![plain(line)]);
    }
    summary(&mut doc, notes);
    for (i, report) in notes.reports.iter().enumerate() {
        if i > 0 || !notes.summary.is_empty() {
            doc.blocks.push(Block::PageBreak);
        }
        render_report(&mut doc, report);
    }
    let pages = layout::paginate(&doc.blocks, &notes.privacy_line, &fonts);
    draw::draw(&pages, &fonts, &notes.title)
}

fn summary(doc: &mut Doc, notes: &CalibrationNotes) {
    if notes.summary.is_empty() {
        return;
    }
    doc.heading(Style::Name, SUMMARY);
    for row in &notes.summary {
        let mut item = Doc::default();
        item.bullet(1, vec![bold(or_unnamed(&row.name))]);
        for (label, value) in summary_facts(row) {
            item.fact(2, label, &value);
        }
        doc.blocks.push(Block::Keep(item.blocks));
    }
}

fn render_report(doc: &mut Doc, r: &ReportNotes) {
    doc.heading(Style::Name, or_unnamed(&r.name));
    doc.fact(0, "Levels", &r.levels);
    doc.fact(0, "Team", &r.team);
    let mut archetype = vec![
        bold("Archetype: "),
        plain(&format!("works as {}", r.archetype_worked)),
    ];
    if let Some((needed, verdict, warn)) = archetype_verdict(r) {
        archetype.push(plain(&format!("; needed as {needed}")));
        archetype.push(if warn {
            bold(&format!(" — {verdict}"))
        } else {
            plain(&format!(" {verdict}"))
        });
    }
    doc.text(Style::Body, archetype);

    doc.heading(Style::Section, "Mandate");
    match &r.mandate {
        Some(m) => mandate(doc, m),
        None => doc.line(NO_MANDATE),
    }

    doc.heading(Style::Section, "Readiness");
    if r.readiness.trim().is_empty() {
        doc.line(NO_READINESS);
    } else {
        doc.line(&r.readiness);
    }
    for detail in &r.readiness_detail {
        doc.bullet(1, vec![plain(detail)]);
    }

    evidence(doc, r);
    mentorship(doc, &r.mentorship);

    doc.heading(Style::Section, "Advocates");
    if r.advocates.is_empty() {
        doc.line(NO_ADVOCATES);
    }
    for a in &r.advocates {
        let mut runs = vec![bold(&a.name)];
        if let Some(strength) = &a.strength {
            runs.push(plain(&format!(" — {strength}")));
        }
        if !a.what_seen.trim().is_empty() {
            runs.push(plain(&format!(": {}", a.what_seen)));
        }
        doc.bullet(1, runs);
    }

    if let Some(m) = &r.manager_only {
        manager_only(doc, m);
    }
}

fn manager_only(doc: &mut Doc, r: &ManagerOnly) {
    doc.heading(Style::Section, "Packet and reviews");
    doc.fact(1, "Packet", &r.packet);
    if r.reviews.is_empty() {
        doc.fact(1, "Reviews", NO_REVIEWS);
    } else {
        doc.bullet(1, vec![bold("Reviews:")]);
        for v in &r.reviews {
            let line = format!(
                "{} ({}): requested {}; {}",
                v.reviewer,
                v.role,
                super::wording::day(v.requested_on),
                v.status
            );
            doc.bullet(2, vec![plain(&line)]);
        }
    }

    doc.heading(Style::Section, "Rules of thumb");
    if r.checklist.is_empty() {
        doc.line(NO_RULES);
    }
    for c in &r.checklist {
        let mut runs = vec![bold(&format!("{}: ", c.status)), plain(&c.wording)];
        if !c.confirmed {
            runs.push(bold(&format!(" {HEARSAY}")));
        }
        if !c.detail.trim().is_empty() {
            runs.push(plain(&format!(" — {}", c.detail)));
        }
        doc.bullet(1, runs);
    }

    doc.heading(Style::Section, "Signals");
    if r.signals.is_empty() {
        doc.line(NO_SIGNALS);
    }
    for s in &r.signals {
        let rest = format!(
            ": {}{}; {}",
            s.message,
            super::wording::since(s),
            s.handling
        );
        doc.bullet(1, vec![bold(&s.severity), plain(&rest)]);
    }
    if !r.earlier.is_empty() {
        doc.line("Earlier in the cycle:");
        for line in &r.earlier {
            doc.bullet(1, vec![plain(line)]);
        }
    }

    if !r.private_notes.is_empty() {
        doc.heading(Style::Section, "Private 1:1 notes");
        for n in &r.private_notes {
            doc.bullet(
                1,
                std::iter::once(bold(&format!("{}: ", super::wording::day(n.on))))
                    .chain(rich_runs(&n.body))
                    .collect(),
            );
        }
    }
}

fn mandate(doc: &mut Doc, m: &MandateNotes) {
    doc.fact(1, "Statement", &m.statement);
    if m.priority.trim().is_empty() {
        doc.fact(1, "Company priority", NO_PRIORITY);
    } else {
        doc.fact(1, "Company priority", &m.priority);
    }
    if m.sponsor.trim().is_empty() {
        doc.fact(1, "Sponsor", NO_SPONSOR);
    } else {
        doc.fact(1, "Sponsor", &m.sponsor);
    }
    doc.fact(1, "Set on", &mandate_dates(m));
}

fn evidence(doc: &mut Doc, r: &ReportNotes) {
    if r.evidence.is_empty() {
        doc.heading(Style::Section, "Strongest evidence");
        if r.evidence_considered == 0 {
            doc.line(NO_EVIDENCE);
        } else {
            doc.line(&none_selected(r.evidence_considered));
        }
        return;
    }
    doc.heading(
        Style::Section,
        &evidence_heading(r.evidence.len(), r.evidence_considered),
    );
    for e in &r.evidence {
        let mut item = Doc::default();
        evidence_item(&mut item, e);
        doc.blocks.push(Block::Keep(item.blocks));
    }
}

fn evidence_item(doc: &mut Doc, e: &EvidenceNotes) {
    let mut title = Vec::new();
    if e.flagship {
        title.push(plain(&format!("{FLAGSHIP}: ")));
    }
    title.push(bold(or_untitled(&e.title)));
    doc.bullet(1, title);
    doc.bullet(2, vec![plain(&evidence_facts(e))]);
    if e.co_owners.is_empty() {
        doc.fact(2, "Co-owners", "none");
    } else {
        doc.fact(2, "Co-owners", &e.co_owners.join(", "));
    }
    if e.impact.trim().is_empty() {
        doc.fact(2, "Impact", NOT_QUANTIFIED);
    } else {
        doc.fact(
            2,
            "Impact",
            &super::rich::plain(&super::rich::read(&e.impact), "\n"),
        );
    }
    if e.seen_by.is_empty() {
        doc.fact(2, "Seen by", SEEN_BY_NOBODY);
        return;
    }
    let mut runs = vec![bold("Seen by: ")];
    for (i, s) in e.seen_by.iter().enumerate() {
        if i > 0 {
            runs.push(plain("; "));
        }
        runs.push(plain(&s.name));
        if s.committee {
            runs.push(bold(" (committee)"));
        }
        runs.push(plain(&format!(
            " — {}, {}",
            s.channel,
            super::wording::day(s.seen_on)
        )));
    }
    doc.bullet(2, runs);
}

fn mentorship(doc: &mut Doc, m: &MentorshipNotes) {
    doc.heading(Style::Section, "Mentorship");
    if no_mentorship(m) {
        doc.line(NO_MENTORSHIP);
        return;
    }
    doc.fact(1, "Mentees", &m.mentees.to_string());
    if let Some(f) = &m.feedback {
        doc.fact(1, "Feedback", &feedback_counts(f));
    }
    if m.quotes.is_empty() {
        doc.fact(1, "Quotes", no_quotes(m));
        return;
    }
    doc.bullet(1, vec![bold("Quotes (newest first):")]);
    for q in &m.quotes {
        doc.bullet(2, quote(q));
    }
}

fn quote(q: &QuoteNotes) -> Vec<Run> {
    let mut runs = Vec::new();
    if !q.quotable {
        runs.push(bold(&format!("{NOT_QUOTABLE} — ")));
    }
    runs.push(plain(&format!(
        "{}, {} ({}): “{}”",
        super::wording::day(q.received_on),
        q.from,
        q.sentiment,
        q.words
    )));
    runs
}

/// Free text written in Markdown as runs: bold where it is strong, links followed by their
/// address, one line per line, list items after their bullet or number.
fn rich_runs(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    for (i, line) in super::rich::read(text).iter().enumerate() {
        let mut lead = if i > 0 {
            "\n".to_owned()
        } else {
            String::new()
        };
        if let Some(marker) = &line.marker {
            lead.push_str(marker);
            lead.push(' ');
        }
        if !lead.is_empty() {
            runs.push(plain(&lead));
        }
        for span in &line.spans {
            let words = span.words();
            runs.push(if span.strong {
                bold(&words)
            } else {
                plain(&words)
            });
        }
    }
    runs
}

fn plain(text: &str) -> Run {
    Run {
        text: text.to_owned(),
        weight: Weight::Regular,
    }
}

fn bold(text: &str) -> Run {
    Run {
        text: text.to_owned(),
        weight: Weight::Bold,
    }
}

/// The document as blocks, in reading order.
#[derive(Default)]
struct Doc {
    blocks: Vec<Block>,
}

impl Doc {
    fn text(&mut self, style: Style, runs: Vec<Run>) {
        self.blocks.push(Block::Text {
            style,
            runs,
            depth: 0,
            keep_with_next: false,
        });
    }

    /// A heading, kept on the page of what follows it.
    fn heading(&mut self, style: Style, text: &str) {
        self.blocks.push(Block::Text {
            style,
            runs: vec![bold(text)],
            depth: 0,
            keep_with_next: true,
        });
    }

    /// A body paragraph.
    fn line(&mut self, text: &str) {
        self.text(Style::Body, vec![plain(text)]);
    }

    fn bullet(&mut self, depth: u8, runs: Vec<Run>) {
        self.blocks.push(Block::Text {
            style: Style::Body,
            runs,
            depth,
            keep_with_next: false,
        });
    }

    /// "Label: value", the label in bold; a paragraph at depth 0, else a bullet.
    fn fact(&mut self, depth: u8, label: &str, value: &str) {
        self.bullet(depth, vec![bold(&format!("{label}: ")), plain(value)]);
    }
}
