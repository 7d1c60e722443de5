//! The Today view: the next 1:1s, signals new since the manager last looked and standing high
//! ones, overdue action items, mandate reviews and packet deadlines coming up, and every active
//! report at a glance.

use chrono::{Days, NaiveDate};

use super::history::all_histories;
use super::radar::judge_each;
use super::{Store, Written};
use crate::error::Result;
use crate::ids::{ActionItemId, CycleId, MandateId, ReportId};
use crate::model::today::{
    DEADLINES_AHEAD_DAYS, FIRST_VISIT_NEW_DAYS, MANDATE_REVIEWS_AHEAD_DAYS, ONE_ON_ONES_AHEAD_DAYS,
};
use crate::model::{
    reminder, ActionOwner, CycleDeadline, MandateReviewDue, OverdueAction, PacketDeadline,
    ReportGlance, Severity, Signal, Today, UpcomingOneOnOne,
};
use crate::radar::deadlines;

/// Today worked out ahead of being asked for ([`Store::today_ahead`]), with where the record
/// stood then.
#[derive(Debug, Clone)]
pub struct TodayAhead {
    pub today: Today,
    as_read: Written,
}

impl Store {
    /// What needs the manager on `as_of` (normally today). Opening it today records the
    /// visit, so that tomorrow's Today knows what is new since.
    pub async fn today(&self, as_of: NaiveDate) -> Result<Today> {
        self.today_with(as_of, None).await
    }

    /// Today on `as_of` worked out ahead of being asked for (while the app starts), without
    /// recording a visit: hand it to [`Store::today_with`] when the manager opens Today.
    pub async fn today_ahead(&self, as_of: NaiveDate) -> Result<TodayAhead> {
        let as_read = self.written();
        let previous_visit = self.previous_visit(as_of, false).await?;
        let today = self.today_since(as_of, previous_visit, false).await?.0;
        Ok(TodayAhead { today, as_read })
    }

    /// [`Store::today`], using `ahead` (from [`Store::today_ahead`]) when it still holds: worked
    /// out for the same day, after the same previous visit, with nothing written since.
    pub async fn today_with(&self, as_of: NaiveDate, ahead: Option<TodayAhead>) -> Result<Today> {
        let previous_visit = self.previous_visit(as_of, true).await?;
        match ahead {
            Some(ahead)
                if ahead.today.as_of == as_of
                    && ahead.today.previous_visit == previous_visit
                    && self.unchanged_since(&ahead.as_read) =>
            {
                Ok(ahead.today)
            }
            _ => Ok(self.today_since(as_of, previous_visit, false).await?.0),
        }
    }

    /// The previous visit Today on `as_of` counts from: none unless `as_of` is today; recorded
    /// as a visit when `record`.
    async fn previous_visit(&self, as_of: NaiveDate, record: bool) -> Result<Option<NaiveDate>> {
        if as_of != self.clock.today() {
            Ok(None)
        } else if record {
            self.record_visit(as_of).await
        } else {
            self.visit_before(as_of).await
        }
    }

    /// Today as it would be shown on `as_of` after a visit on `previous_visit` (signals since
    /// then are new), without recording a visit; with the candidacies' deadlines in the
    /// reminders' horizon when `with_deadlines`.
    pub(super) async fn today_since(
        &self,
        as_of: NaiveDate,
        previous_visit: Option<NaiveDate>,
        with_deadlines: bool,
    ) -> Result<(Today, Vec<PacketDeadline>)> {
        let mut conn = self.pool.acquire().await?;
        let deadlines_until =
            with_deadlines.then(|| as_of + Days::new(reminder::DEADLINE_AHEAD_DAYS.unsigned_abs()));
        let Survey {
            roster,
            open_signals,
            packet_deadlines,
        } = survey(&mut conn, as_of, deadlines_until).await?;
        let horizon = as_of + Days::new(ONE_ON_ONES_AHEAD_DAYS.unsigned_abs());
        let mut one_on_ones: Vec<UpcomingOneOnOne> = roster
            .iter()
            .filter_map(|g| g.next_one_on_one.clone())
            .filter(|u| u.on <= horizon)
            .collect();
        one_on_ones.sort_by(|a, b| {
            (a.on, !a.planned, a.report_name.to_lowercase()).cmp(&(
                b.on,
                !b.planned,
                b.report_name.to_lowercase(),
            ))
        });
        // New: fired on or after the previous visit's day (a signal of that day may have come
        // after the manager looked); on a first visit, in the last week.
        let is_new = |s: &Signal| match previous_visit {
            Some(previous) => s.since >= previous,
            None => s.since > as_of - Days::new(FIRST_VISIT_NEW_DAYS.unsigned_abs()),
        };
        let (mut new_signals, mut standing_high): (Vec<Signal>, Vec<Signal>) = open_signals
            .into_iter()
            .filter(|s| is_new(s) || s.severity == Severity::High)
            .partition(|s| is_new(s));
        let by_severity = |a: &Signal, b: &Signal| {
            (a.severity, std::cmp::Reverse(a.since), &a.report_name).cmp(&(
                b.severity,
                std::cmp::Reverse(b.since),
                &b.report_name,
            ))
        };
        new_signals.sort_by(by_severity);
        standing_high.sort_by(by_severity);

        let overdue_actions = sqlx::query!(
            r#"SELECT a.report_id AS "report_id!: ReportId", p.name AS "report_name!",
                      a.id AS "action_id!: ActionItemId", a.text AS "text!",
                      a.owner AS "owner!: ActionOwner", a.due_on AS "due_on!: NaiveDate"
               FROM action_items a JOIN reports r ON r.id = a.report_id
               JOIN people p ON p.id = r.person_id
               WHERE a.deleted_at IS NULL AND a.done_on IS NULL AND a.due_on < ?1
                 AND r.archived_at IS NULL
               ORDER BY a.due_on, p.name COLLATE NOCASE, a.id"#,
            as_of
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|a| OverdueAction {
            report_id: a.report_id,
            report_name: a.report_name,
            action_id: a.action_id,
            text: a.text,
            owner: a.owner,
            due_on: a.due_on,
        })
        .collect();

        let review_horizon = as_of + Days::new(MANDATE_REVIEWS_AHEAD_DAYS.unsigned_abs());
        let mandate_reviews = sqlx::query!(
            r#"SELECT m.report_id AS "report_id!: ReportId", p.name AS "report_name!",
                      m.id AS "mandate_id!: MandateId", m.statement AS "statement!",
                      m.review_by AS "review_by!: NaiveDate"
               FROM mandates m JOIN reports r ON r.id = m.report_id
               JOIN people p ON p.id = r.person_id
               WHERE m.deleted_at IS NULL AND m.status = 'active' AND m.review_by IS NOT NULL
                 AND m.review_by <= ?1 AND r.archived_at IS NULL
               ORDER BY m.review_by, p.name COLLATE NOCASE"#,
            review_horizon
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|m| MandateReviewDue {
            report_id: m.report_id,
            report_name: m.report_name,
            mandate_id: m.mandate_id,
            statement: m.statement,
            review_by: m.review_by,
        })
        .collect();

        let deadline_horizon = as_of + Days::new(DEADLINES_AHEAD_DAYS.unsigned_abs());
        let deadlines = sqlx::query!(
            r#"SELECT y.id AS "cycle_id!: CycleId", y.name AS "name!",
                      y.packet_due AS "packet_due!: NaiveDate",
                      y.calibration_date AS "calibration_date!: NaiveDate",
                      (SELECT count(*) FROM candidates c WHERE c.cycle_id = y.id
                         AND c.deleted_at IS NULL) AS "candidates!: i32",
                      (SELECT count(*) FROM candidates c WHERE c.cycle_id = y.id
                         AND c.deleted_at IS NULL AND NOT EXISTS
                           (SELECT 1 FROM packet_versions v WHERE v.candidate_id = c.id))
                        AS "without_packet!: i32"
               FROM cycles y
               WHERE y.deleted_at IS NULL AND y.packet_due >= ?1 AND y.packet_due <= ?2
               ORDER BY y.packet_due, y.name"#,
            as_of,
            deadline_horizon
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|y| CycleDeadline {
            cycle_id: y.cycle_id,
            name: y.name,
            packet_due: y.packet_due,
            calibration_date: y.calibration_date,
            candidates: y.candidates,
            without_packet: y.without_packet,
        })
        .collect();

        let today = Today {
            as_of,
            previous_visit,
            one_on_ones,
            new_signals,
            standing_high,
            overdue_actions,
            mandate_reviews,
            deadlines,
            roster,
        };
        Ok((today, packet_deadlines))
    }

    /// Every active report at a glance on `as_of`: open signals by severity, readiness, the
    /// next 1:1 (the roster's columns).
    pub async fn roster_glance(&self, as_of: NaiveDate) -> Result<Vec<ReportGlance>> {
        let mut conn = self.pool.acquire().await?;
        Ok(survey(&mut conn, as_of, None).await?.roster)
    }

    /// The previous day Today was opened, as recording a visit on `on` would return it (nothing
    /// is recorded).
    async fn visit_before(&self, on: NaiveDate) -> Result<Option<NaiveDate>> {
        let visits = sqlx::query!(
            r#"SELECT last_on AS "last_on: NaiveDate", previous_on AS "previous_on?: NaiveDate"
                 FROM visits WHERE view = 'today'"#
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(visits.and_then(|v| {
            if v.last_on < on {
                Some(v.last_on)
            } else {
                v.previous_on
            }
        }))
    }

    /// Records that Today was opened on `on`; returns the previous day it was opened.
    async fn record_visit(&self, on: NaiveDate) -> Result<Option<NaiveDate>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query!(
            "INSERT INTO visits (view, last_on, previous_on) VALUES ('today', ?1, NULL)
             ON CONFLICT (view) DO UPDATE SET
                 previous_on = CASE WHEN last_on < ?1 THEN last_on ELSE previous_on END,
                 last_on = max(last_on, ?1)",
            on
        )
        .execute(&mut *tx)
        .await?;
        let previous = sqlx::query_scalar!(
            r#"SELECT previous_on AS "previous_on?: NaiveDate" FROM visits WHERE view = 'today'"#
        )
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(previous)
    }
}

/// Every active report judged on a day: the glance of each, and every open signal.
struct Survey {
    roster: Vec<ReportGlance>,
    open_signals: Vec<Signal>,
    /// The candidacies' deadlines up to the day asked for (none unless asked), soonest first.
    packet_deadlines: Vec<PacketDeadline>,
}

async fn survey(
    conn: &mut sqlx::SqliteConnection,
    as_of: NaiveDate,
    deadlines_until: Option<NaiveDate>,
) -> Result<Survey> {
    let reports = sqlx::query!(
        r#"SELECT r.id AS "id!: ReportId", p.name AS "name!", r.one_on_one_every_days AS "every!: i64",
                  (SELECT min(m.held_on) FROM meetings m WHERE m.report_id = r.id
                     AND m.deleted_at IS NULL AND m.held_on >= ?1) AS "next?: NaiveDate",
                  (SELECT max(m.held_on) FROM meetings m WHERE m.report_id = r.id
                     AND m.deleted_at IS NULL AND m.held_on < ?1) AS "last?: NaiveDate"
           FROM reports r JOIN people p ON p.id = r.person_id
           WHERE r.archived_at IS NULL
           ORDER BY p.name COLLATE NOCASE, r.id"#,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    // Signals of every active report, each judged against their next cycle.
    let histories = all_histories(&mut *conn).await?;
    let list: Vec<(ReportId, String)> = reports
        .iter()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    let judged = judge_each(&histories, &list, None, as_of);
    let mut roster = Vec::with_capacity(reports.len());
    let mut open_signals = Vec::new();
    let mut packet_deadlines = Vec::new();
    for (r, (_, j)) in reports.iter().zip(judged) {
        if let (Some(record), Some(until)) = (&j.record, deadlines_until) {
            packet_deadlines.extend(deadlines::ahead(record, as_of, until));
        }
        // The next 1:1: the planned one, else the day the cadence asked for (which may have
        // passed: overdue); a report with no 1:1 yet is due today.
        let (on, planned) = match (r.next, r.last) {
            (Some(next), _) => (next, true),
            (None, Some(last)) => (last + Days::new(r.every.max(1).unsigned_abs()), false),
            (None, None) => (as_of, false),
        };
        let open: Vec<Signal> = j.signals.into_iter().filter(|s| s.ack.is_none()).collect();
        let count = |sev: Severity| {
            i32::try_from(open.iter().filter(|s| s.severity == sev).count()).unwrap_or(i32::MAX)
        };
        roster.push(ReportGlance {
            report_id: r.id.clone(),
            report_name: r.name.clone(),
            high: count(Severity::High),
            medium: count(Severity::Medium),
            low: count(Severity::Low),
            readiness: j
                .record
                .as_ref()
                .and_then(|rec| rec.candidacy.as_ref())
                .map(|c| c.candidate.readiness),
            next_one_on_one: Some(UpcomingOneOnOne {
                report_id: r.id.clone(),
                report_name: r.name.clone(),
                on,
                planned,
            }),
        });
        open_signals.extend(open);
    }
    packet_deadlines.sort_by(|a, b| (a.on, &a.report_name).cmp(&(b.on, &b.report_name)));
    Ok(Survey {
        roster,
        open_signals,
        packet_deadlines,
    })
}
