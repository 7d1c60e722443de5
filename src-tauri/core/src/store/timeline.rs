//! A report's timeline: every dated record about them, newest first.

use super::Store;
use crate::error::Result;
use crate::ids::ReportId;
use crate::model::{MandateStatus, RecordKind, Sentiment, TimelineEntry, TimelineKind};

impl Store {
    /// Every dated record of the report, newest first; only `kinds` when not empty.
    pub async fn timeline(
        &self,
        report_id: &ReportId,
        kinds: &[TimelineKind],
    ) -> Result<Vec<TimelineEntry>> {
        let report = self.report(report_id).await?;
        let mandates = self.mandates(report_id).await?;
        let evidence = self.evidence(report_id).await?;
        let advocates = self.advocates(report_id).await?;
        let mentorships = self.mentorships(report_id).await?;

        let mut entries = Vec::new();
        let mut push = |date,
                        kind,
                        record_kind: RecordKind,
                        record_id: &str,
                        title: String,
                        detail: String| {
            entries.push(TimelineEntry {
                date,
                kind,
                record_kind,
                record_id: record_id.to_owned(),
                title,
                detail,
            });
        };
        push(
            report.in_role_since,
            TimelineKind::RoleStarted,
            RecordKind::Report,
            report.id.as_str(),
            format!("Started as {}", report.current_level.name),
            report.team.clone(),
        );
        for m in &mandates {
            push(
                m.set_on,
                TimelineKind::MandateSet,
                RecordKind::Mandate,
                m.id.as_str(),
                format!("Mandate: {}", first_line(&m.statement)),
                m.priority.clone(),
            );
            if let Some(ended) = m.ended_on {
                let how = if m.status == MandateStatus::Completed {
                    "completed"
                } else {
                    "dropped"
                };
                push(
                    ended,
                    TimelineKind::MandateEnded,
                    RecordKind::Mandate,
                    m.id.as_str(),
                    format!("Mandate {how}: {}", first_line(&m.statement)),
                    m.status_reason.clone(),
                );
            }
        }
        for e in &evidence {
            push(
                e.started_on,
                TimelineKind::EvidenceStarted,
                RecordKind::Evidence,
                e.id.as_str(),
                e.title.clone(),
                e.impact.clone(),
            );
            if let Some(ended) = e.ended_on {
                push(
                    ended,
                    TimelineKind::EvidenceEnded,
                    RecordKind::Evidence,
                    e.id.as_str(),
                    format!("Finished: {}", e.title),
                    e.impact.clone(),
                );
            }
            if let Some(live) = e.in_production_since {
                push(
                    live,
                    TimelineKind::InProduction,
                    RecordKind::Evidence,
                    e.id.as_str(),
                    format!("In production: {}", e.title),
                    String::new(),
                );
            }
            for v in &e.visibility {
                push(
                    v.seen_on,
                    TimelineKind::Seen,
                    RecordKind::Evidence,
                    e.id.as_str(),
                    format!("{} saw {}", v.person.name, e.title),
                    v.detail.clone(),
                );
            }
        }
        for a in &advocates {
            if let Some(checked) = a.last_checked {
                push(
                    checked,
                    TimelineKind::AdvocateChecked,
                    RecordKind::Advocate,
                    a.id.as_str(),
                    format!("Support checked with {}", a.person.name),
                    a.what_seen.clone(),
                );
            }
        }
        for m in &mentorships {
            push(
                m.started_on,
                TimelineKind::MentorshipStarted,
                RecordKind::Mentorship,
                m.id.as_str(),
                format!("Started mentoring {}", m.mentee.name),
                first_line(&m.goals).to_owned(),
            );
            if let Some(ended) = m.ended_on {
                push(
                    ended,
                    TimelineKind::MentorshipEnded,
                    RecordKind::Mentorship,
                    m.id.as_str(),
                    format!("Stopped mentoring {}", m.mentee.name),
                    String::new(),
                );
            }
            for f in &m.feedback {
                let sentiment = match f.sentiment {
                    Sentiment::Positive => "Positive",
                    Sentiment::Mixed => "Mixed",
                    Sentiment::Negative => "Negative",
                };
                push(
                    f.received_on,
                    TimelineKind::Feedback,
                    RecordKind::Mentorship,
                    m.id.as_str(),
                    format!("{sentiment} feedback from {}", m.mentee.name),
                    f.words.clone(),
                );
            }
        }
        if !kinds.is_empty() {
            // A filter of any length costs one pass: repeated kinds count once.
            let kinds: std::collections::BTreeSet<TimelineKind> = kinds.iter().copied().collect();
            entries.retain(|e| kinds.contains(&e.kind));
        }
        entries.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(a.kind.cmp(&b.kind))
                .then(a.title.cmp(&b.title))
        });
        Ok(entries)
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}
