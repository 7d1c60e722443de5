//! Loading what calibration notes need (in the same batches as the radar) and building them.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::history::all_histories;
use super::radar::{judge_cycle, one_history};
use super::Store;
use crate::error::{Error, Result};
use crate::export::build::{self, ExportOptions};
use crate::export::{CalibrationNotes, ExportScope};
use crate::ids::ReportId;
use crate::radar::{self, Judged, Replay};

impl Store {
    /// Calibration notes for a report or a whole cycle, as of a date (normally today).
    pub async fn calibration_notes(
        &self,
        scope: &ExportScope,
        options: &ExportOptions,
        as_of: NaiveDate,
    ) -> Result<CalibrationNotes> {
        options.check()?;
        let mut conn = self.pool.acquire().await?;
        let (subject, context, judged) = match scope {
            ExportScope::Report { report_id } => {
                let (history, name) = one_history(&mut conn, report_id).await?;
                let judged = radar::judge(
                    &Replay::new(&history, report_id, None),
                    report_id,
                    &name,
                    as_of,
                );
                let Some(record) = &judged.record else {
                    return Err(Error::conflict(format!(
                        "{name}'s record cannot be read as it stood on {as_of}, so no notes can be made; the radar names the record to correct."
                    )));
                };
                let mut context = vec![format!(
                    "{}, {}",
                    record.report.current_level.name, record.report.team
                )];
                if let Some(c) = &record.candidacy {
                    context.push(cycle_line(&c.cycle));
                }
                (record.report.name.clone(), context, vec![judged])
            }
            ExportScope::Cycle { cycle_id } => {
                let cycle = super::cycles::cycle(&mut conn, cycle_id).await?;
                let histories = all_histories(&mut conn).await?;
                let judged: Vec<Judged> = judge_cycle(&mut conn, &histories, cycle_id, as_of)
                    .await?
                    .into_iter()
                    .map(|(_, j)| j)
                    .filter(|j| j.record.as_ref().is_some_and(|r| r.candidacy.is_some()))
                    .collect();
                (
                    cycle.name.clone(),
                    vec![
                        cycle_line(&cycle),
                        format!(
                            "{} candidate{}.",
                            judged.len(),
                            if judged.len() == 1 { "" } else { "s" }
                        ),
                    ],
                    judged,
                )
            }
        };
        drop(conn);
        let mut notes_by_report = if options.include_private_notes {
            let only = match scope {
                ExportScope::Report { report_id } => Some(report_id),
                ExportScope::Cycle { .. } => None,
            };
            let mut conn = self.pool.acquire().await?;
            meeting_notes(&mut conn, only).await?
        } else {
            HashMap::new()
        };
        let mut reports = Vec::with_capacity(judged.len());
        for j in &judged {
            let Some(r) = &j.record else { continue };
            let notes = notes_by_report.remove(&r.report.id).unwrap_or_default();
            reports.push(build::report_notes(r, j, &notes, options, as_of));
        }
        if reports.is_empty() {
            return Err(Error::conflict(
                "This cycle has no candidates yet: add candidates before exporting its notes.",
            ));
        }
        let summary = matches!(scope, ExportScope::Cycle { .. });
        Ok(build::document(
            &subject, context, reports, options, summary, as_of,
        ))
    }
}

fn cycle_line(c: &crate::model::Cycle) -> String {
    let committee: Vec<&str> = c.committee.iter().map(|m| m.person.name.as_str()).collect();
    format!(
        "{}: calibration {}, packets due {}; committee: {}.",
        c.name,
        crate::radar::day(c.calibration_date),
        crate::radar::day(c.packet_due),
        if committee.is_empty() {
            "not recorded".to_owned()
        } else {
            committee.join(", ")
        }
    )
}

/// Every live 1:1 note (date, words) of one report, or of every report, in one query.
async fn meeting_notes(
    conn: &mut SqliteConnection,
    report_id: Option<&ReportId>,
) -> Result<HashMap<ReportId, Vec<(NaiveDate, String)>>> {
    let mut out: HashMap<ReportId, Vec<(NaiveDate, String)>> = HashMap::new();
    for r in sqlx::query!(
        r#"SELECT m.report_id AS "report_id!: ReportId", m.held_on AS "held_on!: NaiveDate",
                  n.body AS "body!"
           FROM meeting_notes n JOIN meetings m ON m.id = n.meeting_id
           WHERE (?1 IS NULL OR m.report_id = ?1)
             AND n.deleted_at IS NULL AND m.deleted_at IS NULL
           ORDER BY m.held_on, n.created_at, n.id"#,
        report_id
    )
    .fetch_all(conn)
    .await?
    {
        out.entry(r.report_id)
            .or_default()
            .push((r.held_on, r.body));
    }
    Ok(out)
}
