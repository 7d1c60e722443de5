//! Words every format uses the same way.

/// A date as the notes print it, as a manager reads it: "5 Oct 2026".
pub use crate::radar::day;

/// " — since 5 Oct 2026" after a signal's message; nothing when the notes leave its date out.
pub fn since(s: &super::notes::SignalNotes) -> String {
    s.since
        .map(|d| format!(" — since {}", day(d)))
        .unwrap_or_default()
}

/// A title, or "(untitled)" when it is blank.
pub fn or_untitled(s: &str) -> &str {
    if s.trim().is_empty() {
        "(untitled)"
    } else {
        s
    }
}

/// A name, or "(no name)" when it is blank.
pub fn or_unnamed(s: &str) -> &str {
    if s.trim().is_empty() {
        "(no name)"
    } else {
        s
    }
}

// What a section says when the record has nothing for it.
pub const NO_MANDATE: &str = "No mandate recorded.";
pub const NO_READINESS: &str = "No readiness call recorded.";
pub const NO_ADVOCATES: &str = "No advocates recorded.";
pub const NO_RULES: &str = "No rules of thumb recorded.";
pub const NO_SIGNALS: &str = "No signals raised.";
pub const NO_EVIDENCE: &str = "No evidence recorded.";
pub const NO_MENTORSHIP: &str = "No mentorship recorded.";
pub const NO_QUOTES: &str = "no quotable feedback recorded.";
pub const NO_REVIEWS: &str = "none requested.";
pub const NO_PRIORITY: &str = "no company priority named";
pub const NO_SPONSOR: &str = "no sponsor named";
pub const NOT_QUANTIFIED: &str = "not quantified";
pub const SEEN_BY_NOBODY: &str = "nobody recorded";

// Marks that must read the same in every format.
pub const HEARSAY: &str = "(hearsay, unconfirmed)";
pub const DIFFERS: &str = "⚠ differs";
pub const UNCLEAR: &str = "⚠ unclear";
pub const FITS: &str = "(fits)";
pub const NOT_QUOTABLE: &str = "NOT QUOTABLE";

/// The evidence section's heading: "Strongest evidence (6 strongest of 42)".
pub fn evidence_heading(shown: usize, considered: i32) -> String {
    format!("Strongest evidence ({shown} strongest of {considered})")
}

/// The evidence section's sentence when some was recorded but none chosen.
pub fn none_selected(considered: i32) -> String {
    format!("No evidence selected from the {considered} recorded.")
}

/// A period by months: "Nov 2026 – Jan 2027", "Nov 2026" when within one month, "since Nov
/// 2026" while it lasts.
pub fn period(p: &crate::model::Period) -> String {
    let month = |d: chrono::NaiveDate| d.format("%b %Y").to_string();
    match p.until {
        None => format!("since {}", month(p.from)),
        Some(until) if month(until) == month(p.from) => month(p.from),
        Some(until) => format!("{} – {}", month(p.from), month(until)),
    }
}

/// The summary page's heading.
pub const SUMMARY: &str = "The cycle at a glance";

/// A summary row's facts after the name, as (label, the record's words).
pub fn summary_facts(row: &super::notes::SummaryRow) -> [(&'static str, String); 4] {
    let or = |s: &str, none: &str| {
        if s.trim().is_empty() {
            none.to_owned()
        } else {
            s.to_owned()
        }
    };
    [
        ("Levels", row.levels.clone()),
        ("Readiness", or(&row.readiness, "no call recorded")),
        ("Flagship", or(&row.flagship, "none marked")),
        ("Advocates", or(&row.advocates.join(", "), "none recorded")),
    ]
}

/// "Flagship: " before the flagship's title.
pub const FLAGSHIP: &str = "Flagship";

/// Whether a mentorship section has nothing to say.
pub fn no_mentorship(m: &super::notes::MentorshipNotes) -> bool {
    m.mentees == 0
        && m.quotes.is_empty()
        && m.feedback
            .is_none_or(|f| f.positive + f.mixed + f.negative == 0)
}

/// "2 positive, 0 mixed, 1 negative".
pub fn feedback_counts(f: &super::notes::FeedbackCounts) -> String {
    format!(
        "{} positive, {} mixed, {} negative",
        f.positive, f.mixed, f.negative
    )
}

/// A mandate's dates on one line: "15 Jun 2026; review by 1 Feb 2027" (the review only in
/// the manager's brief).
pub fn mandate_dates(m: &super::notes::MandateNotes) -> String {
    match &m.review {
        Some(review) => format!("{}; {review}", day(m.set_on)),
        None => day(m.set_on),
    }
}

/// What the archetype line adds after "works as X" in the manager's brief: the archetype
/// needed, the verdict, and whether the verdict is a warning.
pub fn archetype_verdict(r: &super::notes::ReportNotes) -> Option<(&str, &'static str, bool)> {
    let fit = r.archetype_fit.as_ref()?;
    let verdict = if fit.fits {
        FITS
    } else if r.archetype_worked == fit.needed {
        UNCLEAR
    } else {
        DIFFERS
    };
    Some((fit.needed.as_str(), verdict, !fit.fits))
}

/// The quotes line when there are none: the manager's brief says none were quotable (its
/// counts show the rest); the committee brief says only that there are none.
pub fn no_quotes(m: &super::notes::MentorshipNotes) -> &'static str {
    if m.feedback.is_some() {
        NO_QUOTES
    } else {
        "none."
    }
}

/// What a piece of evidence is, on one line: "Project · Led · 6 Jul 2026 – 30 Sep 2026 · in
/// production since 1 Oct 2026 · work mix: High leverage".
pub fn evidence_facts(e: &super::notes::EvidenceNotes) -> String {
    let mut facts = vec![e.kind.clone(), e.role.clone(), e.period.clone()];
    if let Some(d) = e.in_production_since {
        facts.push(format!("in production since {}", day(d)));
    }
    if !e.work_mix.is_empty() {
        facts.push(format!("work mix: {}", e.work_mix));
    }
    facts.join(" · ")
}
