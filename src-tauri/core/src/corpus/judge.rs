//! Judging a history entered into its store against its expectations: replay every
//! expected report on the first of every month and on every expected day, then, per planted
//! problem, find the first day it was flagged (as a manager opening Trellis every day would
//! have seen it) and the verdict; and collect the medium and high signals nobody planted.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, Months, NaiveDate};

use super::error::{CorpusError, CorpusResult};
use super::expect::{Expectation, Expected, Planted};
use super::history::History;
use super::interpret::Interpreter;
use super::outcome::{Alarm, ProblemRow, Verdict};
use super::replay::{Replayer, Wanted};
use crate::ids::ReportId;
use crate::model::{Cycle, Severity, Signal};

/// An expectation with its names resolved.
struct Resolved<'h> {
    exp: &'h Expectation,
    report: ReportId,
    entered: NaiveDate,
    cycle: Option<Cycle>,
}

pub struct Judged {
    pub clean: Vec<String>,
    pub problems: Vec<ProblemRow>,
    pub false_alarms: Vec<Alarm>,
    pub unplanted: Vec<Alarm>,
    pub replays: usize,
}

fn bad(exp: &Expectation, message: String) -> CorpusError {
    CorpusError::syntax(&exp.place, message)
}

pub async fn judge(history: &History, it: &Interpreter) -> CorpusResult<Judged> {
    let store_error = |e: crate::Error| CorpusError::Store { message: e.to_string() };
    let cycles = it.store.cycles().await.map_err(store_error)?;
    let mut resolved = Vec::new();
    for exp in &history.expectations {
        let report = it.names.report(&exp.report).map_err(|m| bad(exp, m))?;
        let entered = it.names.report_entered(&exp.report).map_err(|m| bad(exp, m))?;
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
        resolved.push(Resolved { exp, report, entered, cycle });
    }
    for name in it.names.candidate_reports() {
        if !history.expectations.iter().any(|e| e.report == name) {
            return Err(CorpusError::syntax(
                &history.steps.first().map_or_else(|| super::error::Place::new(&history.file, 1), |s| s.place.clone()),
                format!("{name} is a candidate but has no `expect \"{name}\":` block (say `clean` or what was planted)"),
            ));
        }
    }
    let mut clean = Vec::new();
    for r in &resolved {
        let is_clean = matches!(r.exp.expected, Expected::Clean);
        let mixed = resolved.iter().any(|o| o.exp.report == r.exp.report && matches!(o.exp.expected, Expected::Clean) != is_clean);
        if mixed {
            return Err(bad(r.exp, format!("{} is expected both clean and with planted problems", r.exp.report)));
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
        month = month.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
    }
    for r in &resolved {
        if let Expected::Problem(p) = &r.exp.expected {
            let by = p.by.resolve(r.cycle.as_ref()).ok_or_else(|| bad(r.exp, format!("{} is not a candidate, so a deadline means nothing for them", r.exp.report)))?;
            days.insert(by);
            if let Some(nb) = p.not_before.and_then(|w| w.resolve(r.cycle.as_ref())) {
                days.insert(nb);
                days.extend(nb.checked_sub_days(Days::new(1)));
            }
        }
    }
    let mut replayer = Replayer::new(&it.store);
    let mut reports: Vec<(&ReportId, NaiveDate, &str)> = resolved.iter().map(|r| (&r.report, r.entered, r.exp.report.as_str())).collect();
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

    let (mut false_alarms, mut unplanted) = (Vec::new(), Vec::new());
    for (report, _, name) in &reports {
        let planted: Vec<Wanted> = resolved
            .iter()
            .filter(|r| r.exp.report == *name)
            .filter_map(|r| match &r.exp.expected {
                Expected::Problem(p) => Some(Wanted { rule: p.rule, about: p.about.clone() }),
                Expected::Clean => None,
            })
            .collect();
        let alarms = alarms(name, replayer.all(report).into_iter().filter(|(_, s)| !planted.iter().any(|w| w.matches(s))));
        if clean.iter().any(|c| c == name) {
            false_alarms.extend(alarms);
        } else {
            unplanted.extend(alarms);
        }
    }
    let replays = reports.iter().map(|(r, _, _)| replayer.days(r).len()).sum();
    Ok(Judged { clean, problems, false_alarms, unplanted, replays })
}

/// One planted problem: the day it was judged on (the expected day, else the first later
/// day it showed, looked for day by day up to `last`), when the run of days it showed on
/// began, and the verdict.
async fn problem(replayer: &mut Replayer<'_>, r: &Resolved<'_>, p: &Planted, last: NaiveDate) -> CorpusResult<ProblemRow> {
    let wanted = Wanted { rule: p.rule, about: p.about.clone() };
    let cycle = r.cycle.as_ref();
    let by = p.by.resolve(cycle).unwrap_or(NaiveDate::MIN);
    let not_before = p.not_before.and_then(|w| w.resolve(cycle));
    let mut row = ProblemRow {
        place: r.exp.place.to_string(),
        report: r.exp.report.clone(),
        rule: p.rule,
        about: p.about.clone(),
        expected_by: by.to_string(),
        not_before,
        first_flagged: None,
        radar_since: None,
        severity: None,
        lead_days: None,
        radar_lead_days: None,
        verdict: Verdict::Missed,
        notes: Vec::new(),
    };
    let mut judged_on = None;
    if by >= r.entered && replayer.shows(&r.report, by, &wanted).await? {
        judged_on = Some(by);
    } else {
        let mut d = by.max(r.entered);
        while d < last {
            d = d.succ_opt().unwrap_or(NaiveDate::MAX);
            if replayer.shows(&r.report, d, &wanted).await? {
                judged_on = Some(d);
                break;
            }
        }
    }
    let Some(on) = judged_on else {
        for d in replayer.days(&r.report).into_iter().filter(|d| *d < by && *d >= r.entered) {
            if replayer.shows(&r.report, d, &wanted).await? {
                row.notes.push(format!("it showed on {d}, but no longer on the expected day"));
                break;
            }
        }
        return Ok(row);
    };
    let signals: Vec<Signal> = replayer.matching(&r.report, on, &wanted).await?;
    let Some(judged) = signals.iter().min_by_key(|s| s.since) else {
        return Ok(row);
    };
    let first = replayer.run_start(&r.report, on, r.entered, &wanted).await?;
    row.first_flagged = Some(first);
    row.radar_since = Some(judged.since);
    row.severity = signals.iter().map(|s| s.severity).min();
    row.radar_lead_days = judged.lead_time_days;
    row.lead_days = cycle.map(|c| (c.calibration_date - first).num_days());
    row.verdict = if first > by {
        Verdict::Late
    } else if not_before.is_some_and(|nb| first < nb) {
        Verdict::Early
    } else {
        Verdict::OnTime
    };
    if let (Some(want), Some(got)) = (p.severity, row.severity) {
        if want != got {
            row.notes.push(format!("severity {got:?}, expected {want:?}").to_lowercase());
        }
    }
    if let (Some(radar), Some(days)) = (row.radar_lead_days, row.lead_days) {
        if i64::from(radar) != days {
            row.notes.push(format!(
                "the radar gives {radar} days of lead time (since {}), but it was first flagged on {first}: {days} days before calibration",
                judged.since
            ));
        }
    }
    Ok(row)
}

/// Medium and high signals, one line per rule: first and last day, how many days, causes.
fn alarms<'a>(report: &str, seen: impl Iterator<Item = (NaiveDate, &'a Signal)>) -> Vec<Alarm> {
    let mut by_rule: BTreeMap<crate::model::SignalRule, (Alarm, BTreeSet<String>, BTreeSet<NaiveDate>)> = BTreeMap::new();
    for (day, s) in seen.filter(|(_, s)| s.severity != Severity::Low) {
        let entry = by_rule.entry(s.rule).or_insert_with(|| {
            (
                Alarm {
                    report: report.to_owned(),
                    rule: s.rule,
                    severity: s.severity,
                    causes: 0,
                    first: day,
                    last: day,
                    days: 0,
                    message: s.message.clone(),
                },
                BTreeSet::new(),
                BTreeSet::new(),
            )
        });
        entry.0.severity = entry.0.severity.min(s.severity);
        entry.0.last = entry.0.last.max(day);
        entry.1.insert(s.cause_key.clone());
        entry.2.insert(day);
    }
    by_rule
        .into_values()
        .map(|(mut a, causes, days)| {
            a.causes = causes.len();
            a.days = days.len();
            a
        })
        .collect()
}
