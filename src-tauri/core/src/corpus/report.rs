//! The corpus outcome as Markdown: a summary, then per history the table of planted problems
//! (problem | expected by | first flagged | rule | severity | lead days | verdict), the false
//! alarms on clean candidates, the medium/high signals nobody planted, and where the replay
//! differs from what Trellis showed on the day.

use std::fmt::Write;

use super::outcome::{
    day, severity, Alarm, CorpusOutcome, HistoryOutcome, Mismatch, ProblemRow, Verdict,
};

/// Text made safe for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

impl CorpusOutcome {
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let rows: Vec<&ProblemRow> = self.histories.iter().flat_map(|h| &h.problems).collect();
        let count = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
        let candidates: usize = self
            .histories
            .iter()
            .map(|h| {
                let mut names: Vec<&str> = h
                    .problems
                    .iter()
                    .map(|p| p.report.as_str())
                    .chain(h.clean.iter().map(String::as_str))
                    .collect();
                names.sort_unstable();
                names.dedup();
                names.len()
            })
            .sum();
        let clean: usize = self.histories.iter().map(|h| h.clean.len()).sum();
        let alarms: usize = self.histories.iter().map(|h| h.false_alarms.len()).sum();
        let hindsight: usize = self.histories.iter().map(|h| h.knowledge.len()).sum();
        let _ = writeln!(
            out,
            "{} histories, {candidates} candidates ({clean} clean), {} planted problems: \
             {} on time, {} late, {} early, {} missed, {} not run. \
             False alarms on clean candidates: {alarms} (rule × candidate). \
             Replay ≠ what Trellis showed on the day: {hindsight} (rule × candidate).\n",
            self.histories.len(),
            rows.len(),
            count(Verdict::OnTime),
            count(Verdict::Late),
            count(Verdict::Early),
            count(Verdict::Missed),
            count(Verdict::NotRun),
        );
        for h in &self.histories {
            history(&mut out, h);
        }
        out
    }
}

fn history(out: &mut String, h: &HistoryOutcome) {
    let file = h.file.file_name().map_or_else(
        || h.file.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let _ = writeln!(out, "## {} (`{file}`)\n", cell(&h.title));
    if let Some(e) = &h.error {
        let _ = writeln!(out, "**Could not be entered:** {}\n", cell(e));
    }
    if !h.clean.is_empty() {
        let _ = writeln!(out, "Clean candidates: {}.\n", h.clean.join(", "));
    }
    let _ = writeln!(
        out,
        "| problem | expected by | first flagged | rule | severity | lead days | verdict |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for p in &h.problems {
        let problem = match &p.about {
            Some(a) => format!(
                "{}: {} (about \u{201c}{a}\u{201d})",
                p.report,
                p.rule.label()
            ),
            None => format!("{}: {}", p.report, p.rule.label()),
        };
        let expected = match p.not_before {
            Some(nb) if nb.to_string() == p.expected_by => {
                format!("{} (not earlier)", p.expected_by)
            }
            Some(nb) => format!("{} (not before {nb})", p.expected_by),
            None => p.expected_by.clone(),
        };
        let first = match (p.first_flagged, p.radar_since) {
            (Some(f), Some(s)) if f != s => format!("{f} (radar says since {s})"),
            (f, _) => day(f),
        };
        let verdict = if p.notes.is_empty() {
            p.verdict.label().to_owned()
        } else {
            format!("{}; {}", p.verdict.label(), p.notes.join("; "))
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}` | {} | {} | {} |",
            cell(&problem),
            expected,
            first,
            p.rule.id(),
            p.severity.map_or("—", severity),
            p.lead_days
                .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            cell(&verdict),
        );
    }
    out.push('\n');
    if h.error.is_some() {
        let _ = writeln!(out, "Not replayed: the history could not be entered.\n");
        return;
    }
    alarm_table(
        out,
        "False alarms on clean candidates",
        "none",
        &h.false_alarms,
    );
    alarm_table(
        out,
        "Unplanted medium/high signals on problem candidates (not failures)",
        "none",
        &h.unplanted,
    );
    knowledge_table(out, &h.knowledge);
}

fn knowledge_table(out: &mut String, mismatches: &[Mismatch]) {
    let _ = writeln!(
        out,
        "Replay of the finished record vs. what Trellis showed on the day (knowledge time):"
    );
    if mismatches.is_empty() {
        let _ = writeln!(out, "the same on every day.\n");
        return;
    }
    let _ = writeln!(
        out,
        "\n| candidate | rule | the replay | first day | days | for example |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for m in mismatches {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} |",
            cell(&m.report),
            m.rule.id(),
            if m.hindsight {
                "shows it, Trellis did not (hindsight)"
            } else {
                "lacks it, Trellis showed it"
            },
            m.first,
            m.days.len(),
            cell(&m.example)
        );
    }
    out.push('\n');
}

fn alarm_table(out: &mut String, title: &str, empty: &str, alarms: &[Alarm]) {
    let _ = writeln!(out, "{title}:");
    if alarms.is_empty() {
        let _ = writeln!(out, "{empty}.\n");
        return;
    }
    let _ = writeln!(out, "\n| candidate | rule | severity | first seen | last seen | replayed days | causes | message on the first day |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for a in alarms {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} | {} | {} |",
            cell(&a.report),
            a.rule.id(),
            severity(a.severity),
            a.first,
            a.last,
            a.days,
            a.causes,
            cell(&a.message)
        );
    }
    out.push('\n');
}
