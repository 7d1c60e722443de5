//! The 1:1 prep as Markdown (for `trellis-cli prep`), in the same order as the screen.

use std::fmt::Write;

use crate::export::labels;
use crate::export::markdown::{opening, text};
use crate::model::{ActionOwner, MandateState, Prep};

pub fn render(p: &Prep) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("# 1:1 prep: {}", text(&p.report_name)));
    line(String::new());
    let next = p
        .next_one_on_one
        .map_or("none planned".to_owned(), |d| d.to_string());
    let last = p
        .last_one_on_one
        .map_or("none recorded".to_owned(), |d| d.to_string());
    line(format!(
        "Next 1:1: {next} · last 1:1: {last} · as of {}",
        p.as_of
    ));
    line(String::new());

    line(format!("## Since {}", p.since));
    line(String::new());
    let c = &p.changes;
    if c.is_empty() {
        line("Nothing new in the record since then.".into());
    }
    for e in &c.evidence {
        line(format!(
            "- Evidence: {} ({}, {})",
            text(&e.title),
            e.what.join(", "),
            e.on
        ));
    }
    for f in &c.feedback {
        let what = match f.addressed_on {
            Some(d) => format!("addressed {d}"),
            None => format!("received {}", f.received_on),
        };
        line(format!(
            "- Feedback from {} ({}, {what}): {}",
            text(&f.from),
            labels::sentiment(f.sentiment).to_lowercase(),
            text(&f.words)
        ));
    }
    for v in &c.visibility {
        line(format!(
            "- Seen: {} saw {} ({}, {})",
            text(&v.person),
            text(&v.evidence_title),
            labels::channel(v.channel),
            v.seen_on
        ));
    }
    for r in &c.review_comments {
        line(format!(
            "- Packet review from {} ({}): {}",
            text(&r.reviewer),
            r.received_on,
            text(&r.comments)
        ));
    }
    for s in &c.signals_appeared {
        line(format!(
            "- New signal ({}): {}",
            labels::severity(s.severity).to_lowercase(),
            text(&s.message)
        ));
    }
    for s in &c.signals_cleared {
        line(format!("- Cleared: {}", text(&s.message)));
    }
    line(String::new());

    line("## Agenda".into());
    line(String::new());
    if p.agenda.is_empty() {
        line("No open agenda items.".into());
    }
    for a in &p.agenda {
        let carried = match a.carried {
            0 => String::new(),
            1 => " (carried over once)".into(),
            n => format!(" (carried over {n} times)"),
        };
        let who = if a.item.shared { "" } else { " [private]" };
        line(format!("- {}{carried}{who}", text(&a.item.text)));
    }
    line(String::new());

    line("## Open action items".into());
    line(String::new());
    if p.actions.is_empty() {
        line("No open action items.".into());
    }
    for a in &p.actions {
        let owner = match a.owner {
            ActionOwner::Manager => "me",
            ActionOwner::Report => "them",
        };
        let mut s = format!("- {} — {owner}", text(&a.text));
        if let Some(d) = a.due_on {
            let _ = write!(s, ", due {d}");
            if d < p.as_of {
                s.push_str(" (overdue)");
            }
        }
        line(s);
    }
    line(String::new());

    line("## Mandate".into());
    line(String::new());
    line(match (&p.mandate.state, &p.mandate.mandate) {
        (MandateState::Missing, _) | (_, None) => "No active mandate: agree one.".into(),
        (state, Some(m)) => {
            let review = match (state, m.review_by) {
                (MandateState::ReviewOverdue, Some(d)) => format!("review overdue since {d}"),
                (MandateState::ReviewDue, Some(d)) => format!("review due {d}"),
                (_, Some(d)) => format!("review by {d}"),
                (_, None) => "no review date".into(),
            };
            format!("{} ({review})", opening(&m.statement))
        }
    });
    line(String::new());

    line("## Questions to ask".into());
    line(String::new());
    for (i, q) in p.questions.iter().enumerate() {
        line(format!(
            "{}. {} _({})_",
            i + 1,
            text(&q.text),
            text(&q.because)
        ));
    }
    out
}
