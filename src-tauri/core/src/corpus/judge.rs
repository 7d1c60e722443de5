//! Judging a history entered into its store against its expectations: replay every
//! expected report on the first of every month and on every expected day, then, per planted
//! problem, find the first day it was flagged (as a manager opening Trellis every day would
//! have seen it) and the verdict; and collect the medium and high signals nobody planted.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::error::{CorpusError, CorpusResult};
use super::expect::{Expectation, Expected};
use super::history::History;
use super::interpret::Interpreter;
use super::live::Live;
use super::outcome::{Alarm, Mismatch, ProblemRow};
use super::replay::{Replayer, Wanted};
use super::verdict::{alarms, problem};
use crate::ids::ReportId;
use crate::model::Cycle;

/// An expectation with its names resolved.
pub(super) struct Resolved<'h> {
    pub exp: &'h Expectation,
    pub report: ReportId,
    /// The day the report was entered into Trellis: nobody saw anything about them before.
    pub entered: NaiveDate,
    pub cycle: Option<Cycle>,
}

pub struct Judged {
    pub clean: Vec<String>,
    pub problems: Vec<ProblemRow>,
    pub false_alarms: Vec<Alarm>,
    pub unplanted: Vec<Alarm>,
    pub knowledge: Vec<Mismatch>,
    pub replays: usize,
}

fn bad(exp: &Expectation, message: String) -> CorpusError {
    CorpusError::syntax(&exp.place, message)
}

pub async fn judge(history: &History, it: &Interpreter, live: &Live) -> CorpusResult<Judged> {
    let store_error = |e: crate::Error| CorpusError::Store {
        message: e.to_string(),
    };
    let cycles = it.store.cycles().await.map_err(store_error)?;
    let mut resolved = Vec::new();
    for exp in &history.expectations {
        let report = it.names.report(&exp.report).map_err(|m| bad(exp, m))?;
        let entered = it
            .names
            .report_entered(&exp.report)
            .map_err(|m| bad(exp, m))?;
        let cycle_name = match (&exp.cycle, it.names.cycles_of(&exp.report).as_slice()) {
            (Some(c), _) => Some(c.clone()),
            (None, []) => None,
            (None, [only]) => Some(only.clone()),
            (None, _) => return Err(bad(exp, format!("{} is a candidate in several cycles: say which (`expect \"{}\" in \"Cycle\":`)", exp.report, exp.report))),
        };
        let cycle = match cycle_name {
            Some(name) => {
                let id = it.names.cycle(&name).map_err(|m| bad(exp, m))?;
                cycles.iter().find(|c| c.id == id).cloned()
            }
            None => None,
        };
        resolved.push(Resolved {
            exp,
            report,
            entered,
            cycle,
        });
    }
    for (name, place) in it.names.candidate_reports() {
        if !history.expectations.iter().any(|e| &e.report == name) {
            return Err(CorpusError::syntax(
                place,
                format!("{name} is a candidate but has no `expect \"{name}\":` block (say `clean` or what was planted)"),
            ));
        }
    }
    let mut clean = Vec::new();
    for r in &resolved {
        let is_clean = matches!(r.exp.expected, Expected::Clean);
        let mixed = resolved.iter().any(|o| {
            o.exp.report == r.exp.report && matches!(o.exp.expected, Expected::Clean) != is_clean
        });
        if mixed {
            return Err(bad(
                r.exp,
                format!(
                    "{} is expected both clean and with planted problems",
                    r.exp.report
                ),
            ));
        }
        if is_clean && !clean.contains(&r.exp.report) {
            clean.push(r.exp.report.clone());
        }
    }

    // The days to replay: the first of every month up to the last calibration, and every
    // expected day (with the day before each `not before`).
    let last = cycles
        .iter()
        .map(|c| c.calibration_date)
        .max()
        .or(history.steps.last().map(|s| s.entered))
        .unwrap_or(NaiveDate::MIN);
    let first = resolved.iter().map(|r| r.entered).min().unwrap_or(last);
    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut month = first.with_day(1).unwrap_or(first);
    while month <= last {
        days.insert(month);
        month = month
            .checked_add_months(Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    for r in &resolved {
        if let Expected::Problem(p) = &r.exp.expected {
            let by = p.by.resolve(r.cycle.as_ref()).ok_or_else(|| {
                bad(
                    r.exp,
                    format!(
                        "{} is not a candidate, so a deadline means nothing for them",
                        r.exp.report
                    ),
                )
            })?;
            days.insert(by);
            if let Some(nb) = p.not_before.and_then(|w| w.resolve(r.cycle.as_ref())) {
                days.insert(nb);
                days.extend(nb.checked_sub_days(Days::new(1)));
            }
        }
    }
    let mut replayer = Replayer::new(&it.store);
    let mut reports: Vec<(&ReportId, NaiveDate, &str)> = resolved
        .iter()
        .map(|r| (&r.report, r.entered, r.exp.report.as_str()))
        .collect();
    reports.sort();
    reports.dedup();
    for (report, entered, _) in &reports {
        replayer.signals(report, *entered).await?;
        for d in days.iter().filter(|d| **d >= *entered) {
            replayer.signals(report, *d).await?;
        }
    }

    let mut problems = Vec::new();
    for r in &resolved {
        if let Expected::Problem(p) = &r.exp.expected {
            problems.push(problem(&mut replayer, r, p, last).await?);
        }
    }

    let knowledge = live.compare(last, it, &mut replayer).await?;
    let (mut false_alarms, mut unplanted) = (Vec::new(), Vec::new());
    for (report, _, name) in &reports {
        let planted: Vec<Wanted> = resolved
            .iter()
            .filter(|r| r.exp.report == *name)
            .filter_map(|r| match &r.exp.expected {
                Expected::Problem(p) => Some(Wanted {
                    rule: p.rule,
                    about: p.about.clone(),
                }),
                Expected::Clean => None,
            })
            .collect();
        let alarms = alarms(
            name,
            replayer
                .all(report)
                .into_iter()
                .filter(|(_, s)| !planted.iter().any(|w| w.matches(s))),
        );
        if clean.iter().any(|c| c == name) {
            false_alarms.extend(alarms);
        } else {
            unplanted.extend(alarms);
        }
    }
    let replays = reports.iter().map(|(r, _, _)| replayer.days(r).len()).sum();
    Ok(Judged {
        clean,
        problems,
        false_alarms,
        unplanted,
        knowledge,
        replays,
    })
}
