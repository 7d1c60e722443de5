//! A promotion packet drafted from the record: what the manager has already logged, put in
//! the packet's sections so that a packet never starts from a blank page. The flagship and the
//! led work with quantified impact (and their design links) become the staff-level projects;
//! org improvements and glue work their sections; mentees and their quotable words the
//! mentorship section; advocates theirs; and the open signals that are about the case (not the
//! manager's own process) the known gaps, each with the radar's suggested plan.
//!
//! The draft is only proposed: the packet editor shows it, and saving it makes a new version,
//! so nothing already written is ever overwritten. Feedback not marked quotable is never used,
//! not even as a gap.

use chrono::NaiveDate;

use crate::model::{
    Evidence, EvidenceKind, EvidenceRole, KnownGap, PacketItem, PacketSections, Signal, SignalRule,
    StaffProject,
};
use crate::radar::{self, RadarRecord};
use crate::validate::{MAX_LINE, MAX_TEXT};

/// At most this many items in a list section of a draft (the packet allows more; a draft
/// that long would be no help).
const MAX_DRAFT_ITEMS: usize = 8;

/// The packet's sections drafted from the record as it stood on `as_of`, with `signals` the
/// radar's signals on that day.
pub fn draft(r: &RadarRecord, signals: &[Signal], as_of: NaiveDate) -> PacketSections {
    let work: Vec<&Evidence> = r
        .evidence
        .iter()
        .filter(|e| e.started_on <= as_of && !radar::drifting(e))
        .collect();
    let strongest = radar::strongest(r, as_of);
    let mut projects: Vec<&Evidence> = strongest
        .iter()
        .copied()
        .filter(|e| is_project(e))
        .collect();
    for e in &work {
        let led = matches!(e.role, EvidenceRole::Led | EvidenceRole::CoLed);
        if led && is_project(e) && has_impact(e) && !projects.iter().any(|p| p.id == e.id) {
            projects.push(e);
        }
    }
    projects.truncate(MAX_DRAFT_ITEMS);
    PacketSections {
        staff_projects: projects.iter().map(|e| project(e)).collect(),
        org_improvements: items(&work, |k| k == EvidenceKind::OrgImprovement),
        quantified_impact: text(
            work.iter()
                .filter(|e| has_impact(e))
                .take(MAX_DRAFT_ITEMS)
                .map(|e| format!("- {}: {}", line(&e.title), e.impact.trim())),
        ),
        mentorship: mentorship(r, as_of),
        glue_work: items(&work, |k| {
            matches!(
                k,
                EvidenceKind::GlueWork
                    | EvidenceKind::UnblockingOthers
                    | EvidenceKind::CrossFunctionalSupport
                    | EvidenceKind::GrowingOthers
            )
        }),
        advocates: advocates(r),
        known_gaps: signals
            .iter()
            .filter(|s| s.ack.is_none() && about_the_case(s.rule) && !radar::about_feedback(r, s))
            .take(MAX_DRAFT_ITEMS)
            .map(|s| KnownGap {
                gap: clip(&s.message, MAX_LINE),
                plan: clip(&s.action, MAX_TEXT),
            })
            .collect(),
    }
}

/// Whether a signal speaks to the promotion case itself (a gap the packet should answer), not
/// to the manager's own process (reviews to chase, a lapsed 1:1) or to private feedback.
fn about_the_case(rule: SignalRule) -> bool {
    use SignalRule::*;
    match rule {
        RuleOfThumbUnmet | HighImpactUnseen | SeenShareLow | ArchetypeMismatch | EvidenceThin
        | EvidenceUnquantified | NoAdvocate | MandateMissing | MandateNoPriority
        | DuplicateLead | WorkMixDrift | LadderChangedInCycle => true,
        PacketNoDraft
        | NoStaffPeerReview
        | NoManagerReview
        | NoSkipLevelReview
        | RuleOfThumbUnchecked
        | NegativeFeedbackUnaddressed
        | MandateReviewOverdue
        | ArchetypeUnclear
        | ManagerChangedInCycle
        | OneOnOneLapsed
        | RecordUnreadable => false,
    }
}

fn is_project(e: &Evidence) -> bool {
    matches!(
        e.kind,
        EvidenceKind::Project | EvidenceKind::Strategy | EvidenceKind::Incident
    )
}

fn has_impact(e: &Evidence) -> bool {
    !e.impact.trim().is_empty()
}

fn project(e: &Evidence) -> StaffProject {
    StaffProject {
        title: line(&e.title),
        goal: clip(e.description.trim(), MAX_TEXT),
        complexity: String::new(),
        impact: clip(e.impact.trim(), MAX_TEXT),
        design_docs: text(e.links.iter().map(|l| {
            if l.label.trim().is_empty() {
                format!("- {}", l.url)
            } else {
                format!("- {}: {}", line(&l.label), l.url)
            }
        })),
        evidence_ids: vec![e.id.clone()],
    }
}

fn items(work: &[&Evidence], kind: impl Fn(EvidenceKind) -> bool) -> Vec<PacketItem> {
    work.iter()
        .filter(|e| kind(e.kind))
        .take(MAX_DRAFT_ITEMS)
        .map(|e| PacketItem {
            title: line(&e.title),
            body: clip(
                if has_impact(e) {
                    e.impact.trim()
                } else {
                    e.description.trim()
                },
                MAX_TEXT,
            ),
            evidence_ids: vec![e.id.clone()],
        })
        .collect()
}

/// Mentees (current and past) and their quotable words, newest first.
fn mentorship(r: &RadarRecord, as_of: NaiveDate) -> String {
    let mut lines = Vec::new();
    for m in r.mentorships.iter().filter(|m| m.started_on <= as_of) {
        let period = radar::span(m.started_on, m.ended_on, as_of);
        lines.push(format!("- Mentors {} ({period})", line(&m.mentee.name)));
        let mut quotes: Vec<_> = m
            .feedback
            .iter()
            .filter(|f| f.quotable && f.received_on <= as_of)
            .collect();
        quotes.sort_by_key(|f| std::cmp::Reverse(f.received_on));
        for f in quotes.into_iter().take(3) {
            lines.push(format!(
                "  - “{}” — {}, {}",
                f.words.split_whitespace().collect::<Vec<_>>().join(" "),
                f.source.from_whom(&m.mentee.name),
                radar::day(f.received_on)
            ));
        }
    }
    text(lines.into_iter())
}

fn advocates(r: &RadarRecord) -> String {
    text(radar::advocates_strongest_first(r).into_iter().map(|a| {
        let who = line(&a.person.with_title());
        if a.what_seen.trim().is_empty() {
            format!("- {who}")
        } else {
            format!("- {who}: {}", a.what_seen.trim())
        }
    }))
}

/// Lines joined into one text, cut to what a packet section holds.
fn text(lines: impl Iterator<Item = String>) -> String {
    clip(&lines.collect::<Vec<_>>().join("\n"), MAX_TEXT)
}

/// A title as one line within a title's length.
fn line(s: &str) -> String {
    clip(
        &s.split_whitespace().collect::<Vec<_>>().join(" "),
        MAX_LINE,
    )
}

/// At most `max` characters.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max.saturating_sub(1)).chain(['…']).collect()
    }
}
