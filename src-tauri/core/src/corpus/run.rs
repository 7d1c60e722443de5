//! Running histories: each in its own temporary data directory (never the user's), entered
//! step by step with a clock moved to each entry day, then judged.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{CorpusError, CorpusResult};
use super::expect::Expected;
use super::history::History;
use super::interpret::{entry_instant, Interpreter};
use super::judge::judge;
use super::live::Live;
use super::outcome::{CorpusOutcome, HistoryOutcome, ProblemRow, Verdict};
use crate::clock::ManualClock;
use crate::Store;

/// The extension of history files.
pub const EXTENSION: &str = "history";

/// The history files of `dir`, by name.
pub fn history_files(dir: &Path) -> CorpusResult<Vec<PathBuf>> {
    let read = |e: std::io::Error| CorpusError::Read {
        path: dir.to_owned(),
        message: e.to_string(),
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read)? {
        let path = entry.map_err(read)?.path();
        if path.extension().is_some_and(|e| e == EXTENSION) {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(CorpusError::Read {
            path: dir.to_owned(),
            message: format!("no *.{EXTENSION} files here"),
        });
    }
    Ok(files)
}

/// Runs every history of `dir`. A history that cannot be read, parsed or entered is kept
/// with its error (and its planted problems marked "not run"); the others still run.
pub async fn run_dir(dir: &Path) -> CorpusResult<CorpusOutcome> {
    let mut out = CorpusOutcome::default();
    for file in history_files(dir)? {
        let outcome = match History::load(&file) {
            Ok(history) => run_history(&history).await,
            Err(e) => failed(&file, "(unreadable)", Vec::new(), Vec::new(), e),
        };
        out.histories.push(outcome);
    }
    Ok(out)
}

/// Enters one history into a fresh temporary data directory and judges it.
pub async fn run_history(history: &History) -> HistoryOutcome {
    let not_run = || {
        history
            .expectations
            .iter()
            .filter_map(|e| match &e.expected {
                Expected::Problem(p) => Some(ProblemRow {
                    place: e.place.to_string(),
                    report: e.report.clone(),
                    rule: p.rule,
                    about: p.about.clone(),
                    expected_by: match p.by {
                        super::expect::When::Date(d) => d.to_string(),
                        super::expect::When::Deadline(d) => d.label().to_owned(),
                    },
                    not_before: match p.not_before {
                        Some(super::expect::When::Date(d)) => Some(d),
                        _ => None,
                    },
                    first_flagged: None,
                    radar_since: None,
                    severity: None,
                    lead_days: None,
                    radar_lead_days: None,
                    verdict: Verdict::NotRun,
                    notes: Vec::new(),
                }),
                Expected::Clean => None,
            })
            .collect::<Vec<_>>()
    };
    let clean: Vec<String> = history
        .expectations
        .iter()
        .filter(|e| matches!(e.expected, Expected::Clean))
        .map(|e| e.report.clone())
        .collect();
    match enter_and_judge(history).await {
        Ok(outcome) => outcome,
        Err(e) => failed(&history.file, &history.title, clean, not_run(), e),
    }
}

fn failed(
    file: &Path,
    title: &str,
    clean: Vec<String>,
    problems: Vec<ProblemRow>,
    e: CorpusError,
) -> HistoryOutcome {
    HistoryOutcome {
        file: file.to_owned(),
        title: title.to_owned(),
        clean,
        problems,
        false_alarms: Vec::new(),
        unplanted: Vec::new(),
        knowledge: Vec::new(),
        error: Some(e.to_string()),
        replays: 0,
    }
}

async fn enter_and_judge(history: &History) -> CorpusResult<HistoryOutcome> {
    let store_error = |e: crate::Error| CorpusError::Store {
        message: e.to_string(),
    };
    let dir = tempfile::tempdir().map_err(|e| CorpusError::Store {
        message: format!("could not make a temporary data directory: {e}"),
    })?;
    let first = history
        .steps
        .first()
        .map_or_else(chrono::Utc::now, |s| entry_instant(s.entered));
    let clock = Arc::new(ManualClock::new(first));
    let store = Store::open_with_clock(dir.path(), clock.clone())
        .await
        .map_err(store_error)?;
    let mut it = Interpreter::new(store, clock);
    let mut live = Live::default();
    let judged = match enter(history, &mut it, &mut live).await {
        Ok(()) => judge(history, &it, &live).await,
        Err(e) => Err(e),
    };
    it.store.close().await;
    let j = judged?;
    Ok(HistoryOutcome {
        file: history.file.clone(),
        title: history.title.clone(),
        clean: j.clean,
        problems: j.problems,
        false_alarms: j.false_alarms,
        unplanted: j.unplanted,
        knowledge: j.knowledge,
        error: None,
        replays: j.replays,
    })
}

/// Enters every step on its day, running the radar live on each capture day once that day's
/// entries are in.
async fn enter(history: &History, it: &mut Interpreter, live: &mut Live) -> CorpusResult<()> {
    let days = Live::days(history);
    let mut days = days.iter().peekable();
    for step in &history.steps {
        while let Some(day) = days.next_if(|d| **d < step.entered) {
            live.capture(it, history, *day).await?;
        }
        it.apply(step).await?;
    }
    for day in days {
        live.capture(it, history, *day).await?;
    }
    Ok(())
}
