//! Replaying the finished record: the radar as of a day, for one report, remembered so
//! that each (report, day) is computed once; and what a manager opening Trellis every day
//! would have seen: the first day of the unbroken run of days, ending on a given day, on
//! which a signal showed.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};

use super::error::{CorpusError, CorpusResult};
use crate::ids::ReportId;
use crate::model::{Signal, SignalRule};
use crate::Store;

/// Which signals an expectation is about: one rule, and optionally a text that the signal's
/// message or one of its causes contains.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub rule: SignalRule,
    pub about: Option<String>,
}

impl Wanted {
    pub fn matches(&self, s: &Signal) -> bool {
        s.rule == self.rule
            && self.about.as_ref().is_none_or(|about| {
                let about = about.to_lowercase();
                s.message.to_lowercase().contains(&about)
                    || s.causes
                        .iter()
                        .any(|c| c.title.to_lowercase().contains(&about))
            })
    }
}

/// The radar of one history's finished store, replayed on the days asked for.
pub struct Replayer<'a> {
    store: &'a Store,
    seen: HashMap<(ReportId, NaiveDate), Vec<Signal>>,
}

impl<'a> Replayer<'a> {
    pub fn new(store: &'a Store) -> Self {
        Self {
            store,
            seen: HashMap::new(),
        }
    }

    /// The report's signals as of `day`.
    pub async fn signals(
        &mut self,
        report: &ReportId,
        day: NaiveDate,
    ) -> CorpusResult<Vec<Signal>> {
        let key = (report.clone(), day);
        if let Some(s) = self.seen.get(&key) {
            return Ok(s.clone());
        }
        let radar = self
            .store
            .report_radar(report, day)
            .await
            .map_err(|e| CorpusError::Store {
                message: format!("the radar failed as of {day}: {e}"),
            })?;
        self.seen.insert(key, radar.signals.clone());
        Ok(radar.signals)
    }

    /// The signals `wanted` picks on `day`.
    pub async fn matching(
        &mut self,
        report: &ReportId,
        day: NaiveDate,
        wanted: &Wanted,
    ) -> CorpusResult<Vec<Signal>> {
        Ok(self
            .signals(report, day)
            .await?
            .into_iter()
            .filter(|s| wanted.matches(s))
            .collect())
    }

    pub async fn shows(
        &mut self,
        report: &ReportId,
        day: NaiveDate,
        wanted: &Wanted,
    ) -> CorpusResult<bool> {
        Ok(!self.matching(report, day, wanted).await?.is_empty())
    }

    /// Every day replayed so far for `report`, in order.
    pub fn days(&self, report: &ReportId) -> BTreeSet<NaiveDate> {
        self.seen
            .keys()
            .filter(|(r, _)| r == report)
            .map(|(_, d)| *d)
            .collect()
    }

    /// Every (day, signal) replayed so far for `report`.
    pub fn all(&self, report: &ReportId) -> Vec<(NaiveDate, &Signal)> {
        let mut out: Vec<(NaiveDate, &Signal)> = self
            .seen
            .iter()
            .filter(|((r, _), _)| r == report)
            .flat_map(|((_, d), signals)| signals.iter().map(move |s| (*d, s)))
            .collect();
        out.sort_by(|a, b| (a.0, &a.1.cause_key).cmp(&(b.0, &b.1.cause_key)));
        out
    }

    /// The first day of the unbroken run of days ending on `last` on which `wanted` shows,
    /// never before `floor` (the day the report was entered: nobody saw anything before).
    /// Walks back over the days replayed so far, then pins the start between the last day
    /// without the signal and the first day with it by bisection (a run is taken to start
    /// once between two replayed days).
    pub async fn run_start(
        &mut self,
        report: &ReportId,
        last: NaiveDate,
        floor: NaiveDate,
        wanted: &Wanted,
    ) -> CorpusResult<NaiveDate> {
        let mut start = last;
        let mut absent = None;
        let days: Vec<NaiveDate> = self
            .days(report)
            .into_iter()
            .filter(|d| *d < last && *d >= floor)
            .rev()
            .collect();
        for d in days {
            if self.shows(report, d, wanted).await? {
                start = d;
            } else {
                absent = Some(d);
                break;
            }
        }
        let mut low = match absent {
            Some(d) => d,
            None => match floor.checked_sub_days(Days::new(1)) {
                Some(before) if start > floor => before,
                _ => return Ok(start),
            },
        };
        // Invariant: absent on `low` (or `low` is before the floor), present on `start`.
        while (start - low).num_days() > 1 {
            let mid = low + chrono::Duration::days((start - low).num_days() / 2);
            if mid >= floor && self.shows(report, mid, wanted).await? {
                start = mid;
            } else {
                low = mid;
            }
        }
        Ok(start)
    }
}
