//! Calendar import against the record: each invitation in a calendar file matched to a report
//! (or the manager's choice), its days set against the 1:1s already there, and the missing
//! ones planned. Importing the same file again plans nothing new.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};
use sqlx::SqliteConnection;

use super::one_on_ones::add_meeting;
use super::reports::select_reports;
use super::Store;
use crate::calendar::{self, matching, Invitation, Window, HORIZON_DAYS};
use crate::error::{Error, Result};
use crate::ids::ReportId;
use crate::model::{
    CalendarChoice, CalendarImported, CalendarPreview, CalendarReport, InvitationPreview, Report,
};

impl Store {
    /// What importing the calendar file `text` would plan, from today to a quarter ahead.
    pub async fn preview_calendar(
        &self,
        text: &str,
        choices: &[CalendarChoice],
    ) -> Result<CalendarPreview> {
        let mut conn = self.pool.acquire().await?;
        preview(&mut conn, self, text, choices).await
    }

    /// Plans the 1:1s the preview shows, in one transaction.
    pub async fn import_calendar(
        &self,
        text: &str,
        choices: &[CalendarChoice],
    ) -> Result<CalendarImported> {
        let mut tx = self.write().await?;
        let preview = preview(&mut tx, self, text, choices).await?;
        let now = self.clock.now();
        let mut out = CalendarImported {
            planned: 0,
            already_planned: 0,
            reports: Vec::new(),
        };
        for invitation in preview.invitations {
            let Some(report) = invitation.report else {
                continue;
            };
            for day in &invitation.to_plan {
                add_meeting(&mut tx, &report.id, *day, now).await?;
            }
            out.planned += count(&invitation.to_plan);
            out.already_planned += count(&invitation.already_planned);
            if !invitation.to_plan.is_empty() && !out.reports.contains(&report.name) {
                out.reports.push(report.name);
            }
        }
        tx.commit().await?;
        Ok(out)
    }
}

async fn preview(
    conn: &mut SqliteConnection,
    store: &Store,
    text: &str,
    choices: &[CalendarChoice],
) -> Result<CalendarPreview> {
    if text.len() > calendar::MAX_BYTES {
        return Err(Error::invalid(
            "file",
            format!(
                "The calendar file is larger than {} MB; export only the 1:1s (one series or a few) from the calendar app.",
                calendar::MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    let today = store.clock.today();
    let window = Window {
        from: today,
        until: today + Days::new(HORIZON_DAYS.unsigned_abs()),
    };
    let clock = store.clock.clone();
    let invitations = calendar::read(text, window, &|at| clock.date_of(at))?;
    let reports = select_reports(&mut *conn, None, Some(false)).await?;
    let mut previews = Vec::with_capacity(invitations.len());
    // Per report: the days with a 1:1 already, and the ones earlier invitations in the file
    // will plan (two invitations for one report never plan the same day twice).
    let mut taken: HashMap<ReportId, BTreeSet<NaiveDate>> = HashMap::new();
    for invitation in invitations {
        let (report, matched) = report_for(&invitation, choices, &reports)?;
        let planned = match &report {
            Some(r) => match taken.get(&r.id) {
                Some(days) => days.clone(),
                None => planned_days(&mut *conn, &r.id, window).await?,
            },
            None => BTreeSet::new(),
        };
        let (already_planned, to_plan) = invitation
            .dates
            .iter()
            .partition::<Vec<NaiveDate>, _>(|d| planned.contains(d));
        let cancelled_but_planned = invitation
            .cancelled
            .iter()
            .filter(|d| planned.contains(d))
            .copied()
            .collect();
        if let Some(r) = &report {
            let days = taken.entry(r.id.clone()).or_insert_with(|| planned.clone());
            days.extend(to_plan.iter().copied());
        }
        previews.push(InvitationPreview {
            to_plan: if report.is_some() {
                to_plan
            } else {
                invitation.dates.clone()
            },
            already_planned,
            cancelled_but_planned,
            report,
            matched,
            uid: invitation.uid,
            title: invitation.title,
            attendees: invitation.attendees,
            repeats: invitation.repeats,
            cancelled: invitation.cancelled,
            unknown_zones: invitation.unknown_zones,
            problem: invitation.problem,
        });
    }
    Ok(CalendarPreview {
        from: window.from,
        until: window.until,
        invitations: previews,
    })
}

/// The manager's choice for the invitation if they made one (a report that is no longer
/// active is refused), else the report its names match; and whether it was matched.
fn report_for(
    invitation: &Invitation,
    choices: &[CalendarChoice],
    reports: &[Report],
) -> Result<(Option<CalendarReport>, bool)> {
    let as_choice = |r: &Report| CalendarReport {
        id: r.id.clone(),
        name: r.name.clone(),
    };
    if let Some(choice) = choices.iter().find(|c| c.uid == invitation.uid) {
        let Some(id) = &choice.report_id else {
            return Ok((None, false));
        };
        let report = reports.iter().find(|r| &r.id == id).ok_or_else(|| {
            Error::invalid(
                "reportId",
                format!(
                    "“{}” can only plan 1:1s with an active report; choose another.",
                    if invitation.title.is_empty() {
                        calendar::UNTITLED
                    } else {
                        &invitation.title
                    }
                ),
            )
        })?;
        return Ok((Some(as_choice(report)), false));
    }
    let candidates: Vec<matching::Candidate<'_, usize>> = reports
        .iter()
        .enumerate()
        .map(|(key, r)| matching::Candidate { key, name: &r.name })
        .collect();
    let found = matching::report_for(&invitation.title, &invitation.attendees, &candidates);
    Ok((
        found.and_then(|i| reports.get(i)).map(as_choice),
        found.is_some(),
    ))
}

/// Days in the window that already have a 1:1 with the report (held or planned).
async fn planned_days(
    conn: &mut SqliteConnection,
    report_id: &ReportId,
    window: Window,
) -> Result<BTreeSet<NaiveDate>> {
    let days = sqlx::query_scalar!(
        r#"SELECT held_on AS "held_on!: NaiveDate" FROM meetings
           WHERE report_id = ? AND deleted_at IS NULL AND held_on BETWEEN ? AND ?"#,
        report_id,
        window.from,
        window.until
    )
    .fetch_all(conn)
    .await?;
    Ok(days.into_iter().collect())
}

fn count(days: &[NaiveDate]) -> u32 {
    u32::try_from(days.len()).unwrap_or(u32::MAX)
}
