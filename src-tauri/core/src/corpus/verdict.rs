//! The verdict on one planted problem (when it was first flagged, how that compares with
//! the expected day, the lead time), and the medium and high signals nobody planted, one
//! line per rule.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::error::CorpusResult;
use super::expect::Planted;
use super::judge::Resolved;
use super::outcome::{Alarm, ProblemRow, Verdict};
use super::replay::{Replayer, Wanted};
use crate::model::{Severity, Signal};

/// One planted problem: the day it was judged on (the expected day, else the first later
/// day it showed, looked for day by day up to `last`), when the run of days it showed on
/// began, and the verdict.
pub(super) async fn problem(
    replayer: &mut Replayer<'_>,
    r: &Resolved<'_>,
    p: &Planted,
    last: NaiveDate,
) -> CorpusResult<ProblemRow> {
    let wanted = Wanted {
        rule: p.rule,
        about: p.about.clone(),
    };
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
        for d in replayer
            .days(&r.report)
            .into_iter()
            .filter(|d| *d < by && *d >= r.entered)
        {
            if replayer.shows(&r.report, d, &wanted).await? {
                row.notes.push(format!(
                    "it showed on {d}, but no longer on the expected day"
                ));
                break;
            }
        }
        return Ok(row);
    };
    let signals: Vec<Signal> = replayer.matching(&r.report, on, &wanted).await?;
    let Some(judged) = signals.iter().min_by_key(|s| s.since) else {
        return Ok(row);
    };
    let first = replayer
        .run_start(&r.report, on, r.entered, &wanted)
        .await?;
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
            row.notes
                .push(format!("severity {got:?}, expected {want:?}").to_lowercase());
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
pub(super) fn alarms<'a>(
    report: &str,
    seen: impl Iterator<Item = (NaiveDate, &'a Signal)>,
) -> Vec<Alarm> {
    let mut by_rule: BTreeMap<
        crate::model::SignalRule,
        (Alarm, BTreeSet<String>, BTreeSet<NaiveDate>),
    > = BTreeMap::new();
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
