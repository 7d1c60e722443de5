//! What Trellis showed on the day itself. While a history is entered, the radar is run on
//! each replay day as soon as that day's entries are in: the store then holds exactly what
//! was known that day. Knowledge time means the replay of the finished record on the same
//! day shows the same signals (same rule, cause, severity and `since`): a signal only the
//! replay shows is hindsight; one only the live store showed was lost.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};

use super::error::{CorpusError, CorpusResult};
use super::expect::{Expected, When};
use super::history::History;
use super::interpret::Interpreter;
use super::outcome::Mismatch;
use super::replay::Replayer;
use crate::model::{Severity, Signal, SignalRule};

/// The signals each expected report showed, by report name and day, live.
#[derive(Debug, Default)]
pub struct Live {
    seen: BTreeMap<(String, NaiveDate), Vec<Signal>>,
}

/// What identifies a signal across the live store and the replay.
type Key = (SignalRule, String, Severity, NaiveDate);

fn key(s: &Signal) -> Key {
    (s.rule, s.cause_key.clone(), s.severity, s.since)
}

impl Live {
    /// The days to capture: the first of every month between the first and the last entry,
    /// and every expected day written as a date.
    pub fn days(history: &History) -> BTreeSet<NaiveDate> {
        let mut days = BTreeSet::new();
        if let (Some(first), Some(last)) = (history.steps.first(), history.steps.last()) {
            let mut month = first.entered.with_day(1).unwrap_or(first.entered);
            while month <= last.entered {
                if month >= first.entered {
                    days.insert(month);
                }
                month = month
                    .checked_add_months(Months::new(1))
                    .unwrap_or(NaiveDate::MAX);
            }
        }
        for e in &history.expectations {
            if let Expected::Problem(p) = &e.expected {
                for w in [Some(p.by), p.not_before].into_iter().flatten() {
                    if let When::Date(d) = w {
                        days.insert(d);
                    }
                }
            }
        }
        days
    }

    /// Runs the radar on `day` for every expected report entered so far.
    pub async fn capture(
        &mut self,
        it: &Interpreter,
        history: &History,
        day: NaiveDate,
    ) -> CorpusResult<()> {
        for e in &history.expectations {
            let Ok(id) = it.names.report(&e.report) else {
                continue;
            };
            let key = (e.report.clone(), day);
            if self.seen.contains_key(&key) {
                continue;
            }
            let radar = it
                .store
                .report_radar(&id, day)
                .await
                .map_err(|e| CorpusError::Store {
                    message: format!("the radar failed as of {day}: {e}"),
                })?;
            self.seen.insert(key, radar.signals);
        }
        Ok(())
    }

    /// Where the replay of the finished record differs from what was shown live, one line
    /// per report, rule and kind of difference, on the days up to `last` (the last replay
    /// day).
    pub async fn compare(
        &self,
        last: NaiveDate,
        it: &Interpreter,
        replayer: &mut Replayer<'_>,
    ) -> CorpusResult<Vec<Mismatch>> {
        let mut out: BTreeMap<(String, SignalRule, bool), Mismatch> = BTreeMap::new();
        for ((name, day), live) in self.seen.iter().filter(|((_, d), _)| *d <= last) {
            let Ok(id) = it.names.report(name) else {
                continue;
            };
            let replayed = replayer.signals(&id, *day).await?;
            let live_keys: BTreeSet<Key> = live.iter().map(key).collect();
            let replay_keys: BTreeSet<Key> = replayed.iter().map(key).collect();
            let only = |signals: &[Signal], other: &BTreeSet<Key>| -> Vec<Signal> {
                signals
                    .iter()
                    .filter(|s| !other.contains(&key(s)))
                    .cloned()
                    .collect()
            };
            for (hindsight, signals) in [
                (true, only(&replayed, &live_keys)),
                (false, only(live, &replay_keys)),
            ] {
                for s in signals {
                    let m = out
                        .entry((name.clone(), s.rule, hindsight))
                        .or_insert_with(|| Mismatch {
                            report: name.clone(),
                            rule: s.rule,
                            hindsight,
                            first: *day,
                            days: BTreeSet::new(),
                            example: format!("since {}: {}", s.since, s.message),
                        });
                    m.days.insert(*day);
                }
            }
        }
        Ok(out.into_values().collect())
    }
}
