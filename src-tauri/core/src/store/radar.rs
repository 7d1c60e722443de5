//! Judging reports from their history (one report, or every candidate of a cycle), and
//! remembering acknowledgements.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::history::{all_histories, report_history, AllHistories};
use super::Store;
use crate::error::{Error, Result};
use crate::history::History;
use crate::ids::{AckId, CycleId, ReportId};
use crate::model::{
    AckAction, AckDraft, CandidateRadar, CycleDashboard, ReportRadar, Severity, SignalAck,
    SignalRule,
};
use crate::radar::{self, Judged, Replay, StoredAck};

impl Store {
    /// Every version of a report's record (and of the shared records), to replay it on any
    /// day ([`crate::radar::Replay`]).
    pub async fn report_history(&self, report_id: &ReportId) -> Result<History> {
        let mut conn = self.pool.acquire().await?;
        Ok(one_history(&mut conn, report_id).await?.0)
    }

    /// One report's radar as of `as_of`, judged against their candidacy in the next cycle
    /// (the nearest calibration on or after `as_of`, else their latest), from the record as
    /// it stood that day.
    pub async fn report_radar(
        &self,
        report_id: &ReportId,
        as_of: NaiveDate,
    ) -> Result<ReportRadar> {
        let mut conn = self.pool.acquire().await?;
        let (history, name) = one_history(&mut conn, report_id).await?;
        let judged = radar::judge(
            &Replay::new(&history, report_id, None),
            report_id,
            &name,
            as_of,
        );
        Ok(report_radar(report_id, &name, judged, as_of))
    }

    /// Every candidate of a cycle with their signals as of `as_of` (those entered by then).
    pub async fn cycle_dashboard(
        &self,
        cycle_id: &CycleId,
        as_of: NaiveDate,
    ) -> Result<CycleDashboard> {
        let mut conn = self.pool.acquire().await?;
        let cycle = super::cycles::cycle(&mut conn, cycle_id).await?;
        let histories = all_histories(&mut conn).await?;
        let mut rows = Vec::new();
        for (report_id, judged) in judge_cycle(&mut conn, &histories, cycle_id, as_of).await? {
            let candidate = match &judged.record {
                Some(r) => r.candidacy.as_ref().map(|c| c.candidate.clone()),
                // Not entered yet on that day.
                None if judged.signals.is_empty() => None,
                // Unreadable: listed with the error, as the candidacy stands now.
                None => live_candidate(&mut conn, cycle_id, &report_id).await?,
            };
            let Some(candidate) = candidate else {
                continue;
            };
            let signals = judged.signals;
            let open = |s: Severity| {
                count(
                    signals
                        .iter()
                        .filter(|x| x.ack.is_none() && x.severity == s),
                )
            };
            rows.push(CandidateRadar {
                high: open(Severity::High),
                medium: open(Severity::Medium),
                low: open(Severity::Low),
                acknowledged: count(signals.iter().filter(|x| x.ack.is_some())),
                candidate,
                signals,
            });
        }
        rows.sort_by(|a, b| {
            (a.candidate.report_name.to_lowercase(), &a.candidate.id)
                .cmp(&(b.candidate.report_name.to_lowercase(), &b.candidate.id))
        });
        Ok(CycleDashboard {
            days_to_calibration: i32::try_from((cycle.calibration_date - as_of).num_days())
                .unwrap_or(i32::MAX),
            cycle,
            as_of,
            candidates: rows,
        })
    }

    /// Acknowledges or snoozes a signal (with a reason); kept in history.
    pub async fn acknowledge_signal(
        &self,
        report_id: &ReportId,
        draft: &AckDraft,
    ) -> Result<SignalAck> {
        let today = self.clock.today();
        let v = draft.validate(today)?;
        let mut tx = self.write().await?;
        super::editable_report_person(&mut tx, report_id).await?;
        let id = AckId::new();
        let now = self.clock.now();
        let rule = v.rule.id();
        sqlx::query!(
            "INSERT INTO signal_acks (id, report_id, rule_id, cause_key, action, reason, until,
                 acked_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            id,
            report_id,
            rule,
            v.cause_key,
            v.action,
            v.reason,
            v.until,
            today,
            now
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SignalAck {
            id,
            rule: v.rule,
            cause_key: v.cause_key,
            action: v.action,
            reason: v.reason,
            until: v.until,
            acked_on: today,
        })
    }

    /// Takes back an acknowledgement or snooze: the signal is open again from today. The
    /// history keeps that it was acknowledged until now, so a replay of an earlier day still
    /// sees it as the manager did then.
    pub async fn undo_signal_ack(&self, report_id: &ReportId, id: &AckId) -> Result<()> {
        let mut tx = self.write().await?;
        super::editable_report_person(&mut tx, report_id).await?;
        let removed = sqlx::query!(
            "DELETE FROM signal_acks WHERE id = ? AND report_id = ?",
            id,
            report_id
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if removed == 0 {
            return Err(Error::NotFound {
                message: "That acknowledgement is no longer there (already undone?).".to_owned(),
            });
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every acknowledgement and snooze of a report's signals, newest first.
    pub async fn signal_acks(&self, report_id: &ReportId) -> Result<Vec<SignalAck>> {
        let mut conn = self.pool.acquire().await?;
        Ok(acks(&mut conn, Some(report_id))
            .await?
            .into_iter()
            .rev()
            .map(|(_, id, a)| SignalAck {
                id,
                rule: a.rule,
                cause_key: a.cause_key,
                action: a.action,
                reason: a.reason,
                until: a.until,
                acked_on: a.acked_on,
            })
            .collect())
    }
}

fn count<'a>(it: impl Iterator<Item = &'a crate::model::Signal>) -> i32 {
    i32::try_from(it.count()).unwrap_or(i32::MAX)
}

fn report_radar(report_id: &ReportId, name: &str, judged: Judged, as_of: NaiveDate) -> ReportRadar {
    let candidacy = judged.record.as_ref().and_then(|r| r.candidacy.as_ref());
    ReportRadar {
        report_id: report_id.clone(),
        report_name: judged
            .record
            .as_ref()
            .map_or_else(|| name.to_owned(), |r| r.report.name.clone()),
        as_of,
        cycle: candidacy.map(|c| c.cycle.clone()),
        candidacy: candidacy.map(|c| c.candidate.clone()),
        signals: judged.signals,
        checklist: judged.checklist,
        drifted: judged.drifted,
    }
}

/// A report's history, and its name as stored now (to name it when its record cannot be
/// read). Fails when there is no such report.
pub(crate) async fn one_history(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
) -> Result<(History, String)> {
    let name = report_name(conn, report_id).await?;
    Ok((report_history(conn, report_id).await?, name))
}

/// A report's name as stored now.
async fn report_name(conn: &mut SqliteConnection, report_id: &ReportId) -> Result<String> {
    sqlx::query_scalar!(
        r#"SELECT p.name AS "name!" FROM reports r JOIN people p ON p.id = r.person_id WHERE r.id = ?"#,
        report_id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::not_found("report", report_id.as_str()))
}

/// Every report that is a candidate of the cycle now, judged against it on `as_of` (from the
/// record as it stood then), by name.
pub(crate) async fn judge_cycle(
    conn: &mut SqliteConnection,
    histories: &AllHistories,
    cycle_id: &CycleId,
    as_of: NaiveDate,
) -> Result<Vec<(ReportId, Judged)>> {
    let candidates = sqlx::query!(
        r#"SELECT c.report_id AS "report_id!: ReportId", p.name AS "name!"
           FROM candidates c JOIN reports r ON r.id = c.report_id JOIN people p ON p.id = r.person_id
           WHERE c.cycle_id = ? AND c.deleted_at IS NULL ORDER BY p.name, c.id"#,
        cycle_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let candidates: Vec<(ReportId, String)> = candidates
        .into_iter()
        .map(|c| (c.report_id, c.name))
        .collect();
    Ok(judge_each(histories, &candidates, Some(cycle_id), as_of))
}

/// Judges each of `reports` (id, name) as of `as_of`, against `cycle` (or each one's next
/// cycle), in the order given.
pub(crate) fn judge_each(
    histories: &AllHistories,
    candidates: &[(ReportId, String)],
    cycle: Option<&CycleId>,
    as_of: NaiveDate,
) -> Vec<(ReportId, Judged)> {
    let judge = |c: &(ReportId, String)| {
        let history = histories.history(&c.0);
        let replay = Replay::new(&history, &c.0, cycle);
        (c.0.clone(), radar::judge(&replay, &c.0, &c.1, as_of))
    };
    // Each report is judged on their own: spread them over the machine's cores, each core
    // taking the next report when it is done with one (their histories differ in size).
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(c) = candidates.get(i) else {
                return done;
            };
            done.push((i, judge(c)));
        }
    };
    let mut judged: Vec<(usize, (ReportId, Judged))> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads.clamp(1, candidates.len().max(1)))
            .map(|_| s.spawn(work))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(judged) => judged,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    // In the order given.
    judged.sort_by_key(|(i, _)| *i);
    judged.into_iter().map(|(_, j)| j).collect()
}

/// The report's candidacy in the cycle as stored now, when its record as of the day cannot
/// be read (so that the dashboard still lists them, with the error).
async fn live_candidate(
    conn: &mut SqliteConnection,
    cycle_id: &CycleId,
    report_id: &ReportId,
) -> Result<Option<crate::model::Candidate>> {
    Ok(
        super::candidates::select_candidates(conn, Some(cycle_id), Some(report_id), None)
            .await
            .ok()
            .and_then(|mut c| c.pop()),
    )
}

/// Stored acknowledgements (of one report's signals, or all), oldest first.
async fn acks(
    conn: &mut SqliteConnection,
    report: Option<&ReportId>,
) -> Result<Vec<(ReportId, AckId, StoredAck)>> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id!: AckId", report_id AS "report_id!: ReportId", rule_id AS "rule_id!",
                  cause_key AS "cause_key!", action AS "action!: AckAction", reason AS "reason!",
                  until AS "until?: NaiveDate", acked_on AS "acked_on!: NaiveDate"
           FROM signal_acks WHERE (?1 IS NULL OR report_id = ?1) ORDER BY acked_on, created_at"#,
        report
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let rule = SignalRule::ALL.into_iter().find(|s| s.id() == r.rule_id)?;
            Some((
                r.report_id,
                r.id,
                StoredAck {
                    rule,
                    cause_key: r.cause_key,
                    action: r.action,
                    reason: r.reason,
                    until: r.until,
                    acked_on: r.acked_on,
                },
            ))
        })
        .collect())
}
