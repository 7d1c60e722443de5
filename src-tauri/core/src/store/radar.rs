//! Loading what the radar reads (in batches, so that a whole cycle costs a few queries),
//! running it, and remembering acknowledgements.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::candidates::{cycle_packet_versions, select_candidates, select_reviews};
use super::cycles::select_cycles;
use super::{advocates, evidence, managers, mandates, mentorship, reports, rules, Store};
use crate::error::{Error, Result};
use crate::ids::{AckId, CandidateId, CycleId, EvidenceId, MeetingId, ReportId, RuleId};
use crate::model::{
    AckAction, AckDraft, Candidate, CandidateRadar, CycleDashboard, LadderChange, ManualStatus,
    PersonRef, Relationship, ReportRadar, Severity, SignalAck, SignalRule,
};
use crate::radar::{self, Candidacy, LedElsewhere, ManualCheck, RadarRecord, StoredAck};

impl Store {
    /// One report's radar as of `as_of`, judged against their candidacy in the next cycle
    /// (the nearest calibration on or after `as_of`, else their latest).
    pub async fn report_radar(
        &self,
        report_id: &ReportId,
        as_of: NaiveDate,
    ) -> Result<ReportRadar> {
        let thresholds = self.thresholds().await?;
        let record = self.radar_record(report_id, as_of).await?;
        let signals = radar::radar(&record, as_of, &thresholds);
        let checklist = record
            .candidacy
            .as_ref()
            .map(|c| radar::checklist(&record, c, as_of))
            .unwrap_or_default();
        Ok(ReportRadar {
            report_id: record.report.id.clone(),
            report_name: record.report.name.clone(),
            as_of,
            cycle: record.candidacy.as_ref().map(|c| c.cycle.clone()),
            candidacy: record.candidacy.map(|c| c.candidate),
            signals,
            checklist,
        })
    }

    /// What the radar reads about one report, with their candidacy in the next cycle as of
    /// `as_of` (the nearest calibration on or after it, else the most recent one).
    pub async fn radar_record(
        &self,
        report_id: &ReportId,
        as_of: NaiveDate,
    ) -> Result<RadarRecord> {
        let mut conn = self.pool.acquire().await?;
        let candidacies = select_candidates(&mut conn, None, Some(report_id), None).await?;
        let cycles = select_cycles(&mut conn, None).await?;
        let calibration = |c: &Candidate| {
            cycles
                .iter()
                .find(|y| y.id == c.cycle_id)
                .map_or(NaiveDate::MIN, |y| y.calibration_date)
        };
        let chosen = candidacies
            .iter()
            .filter(|c| calibration(c) >= as_of)
            .min_by_key(|c| calibration(c))
            .or_else(|| candidacies.iter().max_by_key(|c| calibration(c)));
        let mut records = load(&mut conn, Some(report_id), chosen.map(|c| &c.cycle_id)).await?;
        records
            .remove(report_id)
            .ok_or_else(|| Error::not_found("report", report_id.as_str()))
    }

    /// Every candidate of a cycle with their signals as of `as_of`.
    pub async fn cycle_dashboard(
        &self,
        cycle_id: &CycleId,
        as_of: NaiveDate,
    ) -> Result<CycleDashboard> {
        let mut conn = self.pool.acquire().await?;
        let thresholds = self.thresholds().await?;
        let cycle = super::cycles::cycle(&mut conn, cycle_id).await?;
        let candidates = select_candidates(&mut conn, Some(cycle_id), None, None).await?;
        let records = load(&mut conn, None, Some(cycle_id)).await?;
        let mut rows = Vec::new();
        for candidate in candidates {
            let Some(record) = records.get(&candidate.report_id) else {
                continue;
            };
            let signals = radar::radar(record, as_of, &thresholds);
            let open = |s: Severity| {
                i32::try_from(
                    signals
                        .iter()
                        .filter(|x| x.ack.is_none() && x.severity == s)
                        .count(),
                )
                .unwrap_or(i32::MAX)
            };
            rows.push(CandidateRadar {
                high: open(Severity::High),
                medium: open(Severity::Medium),
                low: open(Severity::Low),
                acknowledged: i32::try_from(signals.iter().filter(|x| x.ack.is_some()).count())
                    .unwrap_or(i32::MAX),
                candidate,
                signals,
            });
        }
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

/// Radar records of every active report (or one), judged against their candidacy in
/// `cycle` when given.
pub(crate) async fn load(
    conn: &mut SqliteConnection,
    report: Option<&ReportId>,
    cycle: Option<&CycleId>,
) -> Result<HashMap<ReportId, RadarRecord>> {
    // One report whatever its state; otherwise the active roster.
    let archived = report.is_none().then_some(false);
    let all_reports = reports::select_reports(conn, report, archived).await?;
    let mut mandates: HashMap<ReportId, Vec<_>> = HashMap::new();
    for m in mandates::select(conn, report, None).await? {
        mandates.entry(m.report_id.clone()).or_default().push(m);
    }
    let mut evidence: HashMap<ReportId, Vec<_>> = HashMap::new();
    for e in evidence::select_evidence(conn, report, None).await? {
        evidence.entry(e.report_id.clone()).or_default().push(e);
    }
    let mut advocates: HashMap<ReportId, Vec<_>> = HashMap::new();
    for a in advocates::select_advocates(conn, report, None).await? {
        advocates.entry(a.report_id.clone()).or_default().push(a);
    }
    let mut mentorships: HashMap<ReportId, Vec<_>> = HashMap::new();
    for m in mentorship::select_mentorships(conn, report, None).await? {
        mentorships.entry(m.report_id.clone()).or_default().push(m);
    }
    let mut manager_changes: HashMap<ReportId, Vec<_>> = HashMap::new();
    for m in managers::select_manager_changes(conn, report, None).await? {
        manager_changes
            .entry(m.report_id.clone())
            .or_default()
            .push(m);
    }
    let ladder_changes = sqlx::query_as!(
        LadderChange,
        r#"SELECT id AS "id!: _", level_id AS "level_id!: _", change AS "change!: _", detail AS "detail!",
                  changed_at AS "changed_at!: _"
           FROM ladder_changes ORDER BY changed_at"#
    )
    .fetch_all(&mut *conn)
    .await?;
    let skip_levels = sqlx::query_as!(
        PersonRef,
        r#"SELECT id AS "id!: _", name AS "name!", title AS "title!",
                  relationship AS "relationship!: Relationship"
           FROM people WHERE relationship = 'skip_level' AND deleted_at IS NULL ORDER BY name"#
    )
    .fetch_all(&mut *conn)
    .await?;
    let led: Vec<LedElsewhere> = sqlx::query!(
        r#"SELECT e.id AS "id!: EvidenceId", e.report_id AS "report_id!: ReportId", p.name AS "name!",
                  e.title AS "title!", e.started_on AS "started_on!: NaiveDate"
           FROM evidence e JOIN reports r ON r.id = e.report_id JOIN people p ON p.id = r.person_id
           WHERE e.deleted_at IS NULL AND e.role = 'led'"#
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|l| LedElsewhere {
        key: radar::title_key(&l.title),
        report_id: l.report_id,
        report_name: l.name,
        evidence_id: l.id,
        title: l.title,
        started_on: l.started_on,
    })
    .collect();
    let led = std::sync::Arc::new(led);
    let mut acks_by: HashMap<ReportId, Vec<StoredAck>> = HashMap::new();
    for (report_id, _, ack) in acks(conn, report).await? {
        acks_by.entry(report_id).or_default().push(ack);
    }
    // One row per report (rows are what cost here): "id|date,id|date,…".
    let mut meetings: HashMap<ReportId, Vec<(MeetingId, NaiveDate)>> = HashMap::new();
    for m in sqlx::query!(
        r#"SELECT report_id AS "report_id!: ReportId",
                  group_concat(id || '|' || held_on, ',') AS "held!: String"
           FROM meetings WHERE deleted_at IS NULL AND (?1 IS NULL OR report_id = ?1)
           GROUP BY report_id"#,
        report
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let mut held: Vec<(MeetingId, NaiveDate)> = m
            .held
            .split(',')
            .filter_map(|pair| {
                let (id, day) = pair.split_once('|')?;
                let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
                Some((MeetingId::from(id), day))
            })
            .collect();
        held.sort_by_key(|(_, d)| *d);
        meetings.insert(m.report_id, held);
    }
    let candidacies = match cycle {
        Some(cycle_id) => candidacies(conn, cycle_id, report).await?,
        None => HashMap::new(),
    };
    let mut candidacies = candidacies;

    let mut records = HashMap::new();
    for r in all_reports {
        let id = r.id.clone();

        records.insert(
            id.clone(),
            RadarRecord {
                mandates: mandates.remove(&id).unwrap_or_default(),
                evidence: evidence.remove(&id).unwrap_or_default(),
                advocates: advocates.remove(&id).unwrap_or_default(),
                mentorships: mentorships.remove(&id).unwrap_or_default(),
                manager_changes: manager_changes.remove(&id).unwrap_or_default(),
                ladder_changes: ladder_changes.clone(),
                skip_levels: skip_levels.clone(),
                led_everywhere: led.clone(),
                candidacy: candidacies.remove(&id),
                acks: acks_by.remove(&id).unwrap_or_default(),
                meetings: meetings.remove(&id).unwrap_or_default(),
                report: r,
            },
        );
    }
    Ok(records)
}

/// The candidacies of one cycle (of one report, if given), with everything attached.
async fn candidacies(
    conn: &mut SqliteConnection,
    cycle_id: &CycleId,
    report: Option<&ReportId>,
) -> Result<HashMap<ReportId, Candidacy>> {
    let cycle = super::cycles::cycle(conn, cycle_id).await?;
    let rules = rules::select_rules(conn, None).await?;
    let mut reviews: HashMap<CandidateId, Vec<_>> = HashMap::new();
    for r in select_reviews(conn, None, Some(cycle_id), None).await? {
        reviews.entry(r.candidate_id.clone()).or_default().push(r);
    }
    let manual = sqlx::query!(
        r#"SELECT k.candidate_id AS "candidate_id!: CandidateId", k.rule_id AS "rule_id!: RuleId",
                  k.status AS "status!: ManualStatus", k.note AS "note!",
                  k.checked_on AS "checked_on!: NaiveDate"
           FROM rule_checks k JOIN candidates c ON c.id = k.candidate_id WHERE c.cycle_id = ?"#,
        cycle_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut versions: HashMap<CandidateId, Vec<_>> = HashMap::new();
    for v in cycle_packet_versions(conn, cycle_id).await? {
        versions.entry(v.candidate_id.clone()).or_default().push(v);
    }
    let mut out = HashMap::new();
    for candidate in select_candidates(conn, Some(cycle_id), report, None).await? {
        let versions = versions.remove(&candidate.id).unwrap_or_default();
        out.insert(
            candidate.report_id.clone(),
            Candidacy {
                cycle: cycle.clone(),
                versions,
                reviews: reviews.remove(&candidate.id).unwrap_or_default(),
                rules: rules.clone(),
                manual: manual
                    .iter()
                    .filter(|m| m.candidate_id == candidate.id)
                    .map(|m| ManualCheck {
                        rule_id: m.rule_id.clone(),
                        status: m.status,
                        note: m.note.clone(),
                        checked_on: m.checked_on,
                    })
                    .collect(),
                candidate,
            },
        );
    }
    Ok(out)
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
