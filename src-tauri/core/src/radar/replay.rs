//! Replaying the radar over a report's history: the signals a manager using Trellis every day
//! would have seen on a day, each dated by the first day of the unbroken run of days on which
//! they would have seen it (the record as it stood on each of those days, not as it is now).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use chrono::NaiveDate;

use super::checkpoints::change_days;
use super::record::RadarRecord;
use super::rules::{self, Ctx, Finding};
use crate::history::snapshot::{self, next_cycle, CycleChoice, References};
use crate::history::{History, RecordProblem};
use crate::ids::{CycleId, ReportId};
use crate::model::{AckAction, AckState, Signal, SignalRule};

type Snapshot = Result<Option<RadarRecord>, RecordProblem>;
/// Snapshots already built, by the entry day they start on and the cycle judged against.
type Snapshots = HashMap<(NaiveDate, Option<CycleId>), Rc<Snapshot>>;

/// A report's history, ready to be replayed on any day.
pub struct Replay<'h> {
    history: &'h History,
    report: ReportId,
    /// The cycle to judge against; `None`: the report's next one on each day.
    cycle: Option<CycleId>,
    /// Every day something was entered, oldest first.
    days: Vec<NaiveDate>,
    /// The days after calibrations, when judging against the next cycle (it changes then).
    switches: Vec<NaiveDate>,
    /// For each set of tables some rules read, the days on which one of them changed.
    epochs: RefCell<HashMap<Vec<&'static str>, Rc<Vec<NaiveDate>>>>,
    cache: RefCell<Snapshots>,
    /// The days on which a person or a ladder level changed, oldest first.
    reference_days: Vec<NaiveDate>,
    /// The references already resolved, by the last of `reference_days` they stand from.
    references: RefCell<HashMap<Option<NaiveDate>, Rc<References>>>,
}

impl<'h> Replay<'h> {
    pub fn new(history: &'h History, report: &ReportId, cycle: Option<&CycleId>) -> Self {
        // The next cycle changes on the day after a calibration.
        let switches = if cycle.is_none() {
            history
                .shared
                .cycles_ever()
                .filter_map(|y| y.calibration_date.succ_opt())
                .collect()
        } else {
            Vec::new()
        };
        Self {
            history,
            report: report.clone(),
            cycle: cycle.cloned(),
            days: history.entry_days(),
            switches,
            epochs: RefCell::new(HashMap::new()),
            cache: RefCell::new(HashMap::new()),
            reference_days: history.reference_days(),
            references: RefCell::new(HashMap::new()),
        }
    }

    /// The days on which something `rules` read changed (and the next cycle's switches),
    /// oldest first: between two of them, what those rules find changes only with the
    /// calendar.
    fn epochs_for<'r>(&self, rules: impl Iterator<Item = &'r SignalRule>) -> Rc<Vec<NaiveDate>> {
        let mut tables: Vec<&'static str> = rules.flat_map(|r| rules::reads(*r)).copied().collect();
        tables.sort_unstable();
        tables.dedup();
        if let Some(days) = self.epochs.borrow().get(&tables) {
            return Rc::clone(days);
        }
        let mut days = self.history.days_of(&tables);
        days.extend(&self.switches);
        days.sort();
        days.dedup();
        let days = Rc::new(days);
        self.epochs.borrow_mut().insert(tables, Rc::clone(&days));
        days
    }

    /// The last of `epochs` on or before `d`.
    fn epoch_in(epochs: &[NaiveDate], d: NaiveDate) -> Option<NaiveDate> {
        let i = epochs.partition_point(|x| *x <= d);
        i.checked_sub(1).and_then(|i| epochs.get(i)).copied()
    }

    /// The last day on or before `d` on which something was entered.
    fn epoch(&self, d: NaiveDate) -> Option<NaiveDate> {
        let i = self.days.partition_point(|x| *x <= d);
        i.checked_sub(1).and_then(|i| self.days.get(i)).copied()
    }

    /// The record as it stood at the end of `d` (`Ok(None)`: not entered yet).
    pub fn record_on(&self, d: NaiveDate) -> Rc<Snapshot> {
        let Some(epoch) = self.epoch(d) else {
            return Rc::new(Ok(None));
        };
        let cycle = match &self.cycle {
            Some(id) => Some(id.clone()),
            None => next_cycle(self.history, &self.report, d),
        };
        let key = (epoch, cycle);
        if let Some(s) = self.cache.borrow().get(&key) {
            return Rc::clone(s);
        }
        let choice = match &key.1 {
            Some(id) => CycleChoice::Cycle(id),
            None => CycleChoice::None,
        };
        let s = Rc::new(snapshot::radar_record(
            self.history,
            &self.references_on(epoch),
            &self.report,
            choice,
            epoch,
        ));
        self.cache.borrow_mut().insert(key, Rc::clone(&s));
        s
    }

    /// The people and ladder levels as they stood on `d`.
    fn references_on(&self, d: NaiveDate) -> Rc<References> {
        let since = Self::epoch_in(&self.reference_days, d);
        if let Some(r) = self.references.borrow().get(&since) {
            return Rc::clone(r);
        }
        let r = Rc::new(References::on(self.history, d));
        self.references.borrow_mut().insert(since, Rc::clone(&r));
        r
    }

    /// What the rules find on `d` (only the rules producing `only`, when given).
    fn findings(&self, d: NaiveDate, only: Option<&HashSet<SignalRule>>) -> Option<Vec<Finding>> {
        let snap = self.record_on(d);
        let r = snap.as_ref().as_ref().ok()?.as_ref()?;
        Some(rules::all(
            &Ctx {
                r,
                as_of: d,
                t: &r.thresholds,
            },
            only,
        ))
    }

    /// What the rules find on `d`, as the (rule, identity) pairs a replay follows from day to
    /// day: the slow but plain definition a replay's first-fired days can be checked against.
    pub fn identities_on(&self, d: NaiveDate) -> Vec<(SignalRule, String)> {
        let mut out: Vec<(SignalRule, String)> = self
            .findings(d, None)
            .unwrap_or_default()
            .iter()
            .map(|f| (f.identity().0, f.identity().1.to_owned()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The signals on `d`, each dated by the first day of its unbroken run. `Err`: the
    /// report's own record cannot be read.
    pub fn signals_on(&self, d: NaiveDate) -> Result<Vec<Signal>, RecordProblem> {
        let snap = self.record_on(d);
        let record = match snap.as_ref() {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(Vec::new()),
            Err(p) => return Err(p.clone()),
        };
        let now = rules::all(
            &Ctx {
                r: record,
                as_of: d,
                t: &record.thresholds,
            },
            None,
        );
        let firsts = self.first_days(&now, d);
        let calibration = record
            .candidacy
            .as_ref()
            .filter(|c| c.candidate.added_on <= d)
            .map(|c| c.cycle.calibration_date);
        let mut signals: Vec<Signal> = now
            .into_iter()
            .map(|f| {
                let since = firsts
                    .get(&(f.identity().0, f.identity().1.to_owned()))
                    .copied()
                    .unwrap_or(d);
                let cause_key = format!("{}|{}", f.rule.id(), f.key);
                Signal {
                    severity: f.severity.unwrap_or_else(|| f.rule.severity()),
                    report_id: record.report.id.clone(),
                    report_name: record.report.name.clone(),
                    ack: ack_for(record, f.rule, &cause_key, d),
                    lead_time_days: calibration
                        .map(|c| i32::try_from((c - since).num_days()).unwrap_or(i32::MAX)),
                    rule: f.rule,
                    message: f.message,
                    causes: f.causes,
                    action: f.action,
                    since,
                    cause_key,
                }
            })
            .collect();
        signals.sort_by(|a, b| {
            (a.severity, a.rule, a.since, &a.cause_key).cmp(&(
                b.severity,
                b.rule,
                b.since,
                &b.cause_key,
            ))
        });
        Ok(signals)
    }

    /// For each finding on `d`, the first day of the unbroken run of days, ending on `d`, on
    /// which the replay found the same (rule and run), walking back over the record as it
    /// stood on each of those days.
    fn first_days(
        &self,
        now: &[Finding],
        d: NaiveDate,
    ) -> HashMap<(SignalRule, String), NaiveDate> {
        let mut open: BTreeMap<(SignalRule, String), NaiveDate> = now
            .iter()
            .map(|f| ((f.identity().0, f.identity().1.to_owned()), d))
            .collect();
        let mut done = HashMap::new();
        let mut hi = d;
        'walk: while !open.is_empty() {
            // From `epoch` to `hi` what the open rules read stayed the same: they need only be
            // asked on the days the calendar can change what they find.
            let epochs = self.epochs_for(open.keys().map(|k| &k.0));
            let Some(epoch) = Self::epoch_in(&epochs, hi) else {
                break;
            };
            let snap = self.record_on(epoch);
            let Ok(Some(r)) = snap.as_ref() else { break };
            let mut days = change_days(r, epoch, hi);
            days.push(epoch);
            for day in days {
                let only: HashSet<SignalRule> = open.keys().map(|k| k.0).collect();
                let found = rules::all(
                    &Ctx {
                        r,
                        as_of: day,
                        t: &r.thresholds,
                    },
                    Some(&only),
                );
                let found: HashSet<(SignalRule, &str)> =
                    found.iter().map(Finding::identity).collect();
                open.retain(|k, since| {
                    if found.contains(&(k.0, k.1.as_str())) {
                        *since = day;
                        true
                    } else {
                        done.insert(k.clone(), *since);
                        false
                    }
                });
                if open.is_empty() {
                    break 'walk;
                }
            }
            match epoch.pred_opt() {
                Some(p) => hi = p,
                None => break,
            }
        }
        done.extend(open);
        done
    }

    /// The periods within `[from, to]` during which `rule` fired, oldest first; the last one
    /// open-ended (`None`) when it still fires on `to`.
    pub fn fired_periods(
        &self,
        rule: SignalRule,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        let only: HashSet<SignalRule> = [rule].into_iter().collect();
        // Each stretch of days on which the record stayed the same for the rules, latest first,
        // with the days within it on which the rule's finding can change.
        let mut days: Vec<(NaiveDate, Rc<Snapshot>)> = Vec::new();
        let epochs = self.epochs_for([rule].iter());
        let mut hi = to;
        while hi >= from {
            let Some(epoch) = Self::epoch_in(&epochs, hi) else {
                break;
            };
            let start = epoch.max(from);
            let snap = self.record_on(epoch);
            if let Ok(Some(r)) = snap.as_ref() {
                let mut within = change_days(r, start, hi);
                within.push(start);
                days.extend(within.into_iter().map(|d| (d, Rc::clone(&snap))));
            }
            match epoch.pred_opt() {
                Some(p) if epoch > from => hi = p,
                _ => break,
            }
        }
        days.sort_by_key(|(d, _)| *d);
        days.dedup_by_key(|(d, _)| *d);
        let mut periods = Vec::new();
        let mut open: Option<NaiveDate> = None;
        for (day, snap) in days {
            let fires = match snap.as_ref() {
                Ok(Some(r)) => rules::all(
                    &Ctx {
                        r,
                        as_of: day,
                        t: &r.thresholds,
                    },
                    Some(&only),
                )
                .iter()
                .any(|x| x.rule == rule),
                _ => false,
            };
            match (fires, open) {
                (true, None) => open = Some(day),
                (false, Some(start)) => {
                    periods.push((start, day.pred_opt()));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            periods.push((start, None));
        }
        periods
    }
}

/// The newest acknowledgement of this exact cause made by `as_of` (a snooze only until its
/// date).
fn ack_for(
    record: &RadarRecord,
    rule: SignalRule,
    cause_key: &str,
    as_of: NaiveDate,
) -> Option<AckState> {
    record
        .acks
        .iter()
        .filter(|a| a.rule == rule && a.cause_key == cause_key && a.acked_on <= as_of)
        .max_by_key(|a| a.acked_on)
        .filter(|a| a.action == AckAction::Acknowledged || a.until.is_some_and(|u| u >= as_of))
        .map(|a| AckState {
            action: a.action,
            reason: a.reason.clone(),
            acked_on: a.acked_on,
            until: a.until,
        })
}
