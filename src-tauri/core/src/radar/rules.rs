//! The radar's rules. Each looks at the record as it stood on a day (see `history::snapshot`)
//! and says what is wrong on that day, because of which records, and what to do. When a
//! problem first showed is not theirs to say: the replay (`radar::replay`) finds the first day
//! of the unbroken run of days on which a rule found the same cause.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::checks;
use super::record::RadarRecord;
use super::view::{
    active_mandate, advocates_on, audience, drifting, evidence_on, lapse_days, months_before,
    record_start, seen_by, strongest,
};
use crate::model::{
    Archetype, Cause, CheckStatus, EvidenceRole, LadderChangeKind, Readiness, RecordKind,
    ReviewerRole, Sentiment, Severity, SignalRule, Thresholds,
};

/// A signal before acknowledgements, first-fired dates and lead times are applied.
pub struct Finding {
    pub rule: SignalRule,
    /// When not the rule's own severity (a hearsay rule of thumb weighs less).
    pub severity: Option<Severity>,
    pub message: String,
    pub causes: Vec<Cause>,
    pub action: String,
    /// What tells one cause from another (with the causes' ids): an acknowledgement covers
    /// this exact cause.
    pub key: String,
    /// What the replay follows from day to day when it is not the key (a visibility gap stays
    /// the same problem while the items behind it change).
    pub run: Option<String>,
}

impl Finding {
    /// The identity the replay follows: the same rule and run on consecutive days is the same
    /// signal.
    pub fn identity(&self) -> (SignalRule, &str) {
        (self.rule, self.run.as_deref().unwrap_or(&self.key))
    }
}

pub struct Ctx<'a> {
    pub r: &'a RadarRecord,
    pub as_of: NaiveDate,
    pub t: &'a Thresholds,
}

fn cause(kind: RecordKind, id: &str, title: &str) -> Cause {
    Cause {
        kind,
        id: id.to_owned(),
        title: title.to_owned(),
        report_id: None,
    }
}

fn weeks_before(d: NaiveDate, weeks: i32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::try_from(weeks.max(0)).unwrap_or(0) * 7))
        .unwrap_or(NaiveDate::MIN)
}

type RuleFn = fn(&Ctx, &mut Vec<Finding>);

/// Every rule, with the signal rules it can produce.
const RULES: &[(&[SignalRule], RuleFn)] = &[
    (&[SignalRule::PacketNoDraft], packet),
    (
        &[
            SignalRule::NoStaffPeerReview,
            SignalRule::NoManagerReview,
            SignalRule::NoSkipLevelReview,
        ],
        reviews,
    ),
    (
        &[
            SignalRule::RuleOfThumbUnmet,
            SignalRule::RuleOfThumbUnchecked,
        ],
        rules_of_thumb,
    ),
    (
        &[SignalRule::HighImpactUnseen, SignalRule::SeenShareLow],
        visibility,
    ),
    (
        &[SignalRule::NegativeFeedbackUnaddressed],
        negative_feedback,
    ),
    (
        &[
            SignalRule::MandateMissing,
            SignalRule::MandateReviewOverdue,
            SignalRule::MandateNoPriority,
        ],
        mandate,
    ),
    (
        &[SignalRule::ArchetypeMismatch, SignalRule::ArchetypeUnclear],
        archetype,
    ),
    (&[SignalRule::ManagerChangedInCycle], manager_changes),
    (&[SignalRule::LadderChangedInCycle], ladder_changes),
    (&[SignalRule::DuplicateLead], duplicate_lead),
    (&[SignalRule::WorkMixDrift], work_mix),
    (
        &[SignalRule::EvidenceThin, SignalRule::EvidenceUnquantified],
        evidence_volume,
    ),
    (&[SignalRule::NoAdvocate], advocates),
    (&[SignalRule::OneOnOneLapsed], one_on_ones),
    (&[SignalRule::RecordUnreadable], unreadable),
];

/// What the rules find on the day, all of them or only those producing `only`.
pub fn all(ctx: &Ctx, only: Option<&HashSet<SignalRule>>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (produces, rule) in RULES {
        if only.is_none_or(|o| produces.iter().any(|p| o.contains(p))) {
            rule(ctx, &mut out);
        }
    }
    out
}

/// The candidacy, when the report is a candidate who wants the promotion on the day.
fn pursued<'a>(ctx: &Ctx<'a>) -> Option<&'a super::record::Candidacy> {
    ctx.r.candidacy.as_ref().filter(|c| {
        c.candidate.added_on <= ctx.as_of && c.candidate.readiness != Readiness::NotInterested
    })
}

fn packet(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(c) = pursued(ctx) else {
        return;
    };
    let due = months_before(c.cycle.calibration_date, ctx.t.packet_draft_months);
    if ctx.as_of < due || c.versions.iter().any(|v| v.saved_on <= ctx.as_of) {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::PacketNoDraft,
        message: format!(
            "No packet draft {} months before calibration ({}).",
            ctx.t.packet_draft_months, c.cycle.calibration_date
        ),
        causes: vec![cause(
            RecordKind::Candidate,
            c.candidate.id.as_str(),
            &c.cycle.name,
        )],
        action: "Start the packet with them now: staff-level projects, impact, gaps and a plan."
            .into(),
        key: c.candidate.id.to_string(),
        run: None,
    });
}

/// When a review by `role` is due: the threshold's weeks before packets are due.
pub fn review_due(
    c: &super::record::Candidacy,
    t: &Thresholds,
    role: ReviewerRole,
) -> Option<NaiveDate> {
    let weeks = match role {
        ReviewerRole::StaffPeer => t.staff_peer_review_weeks,
        ReviewerRole::Manager => t.manager_review_weeks,
        ReviewerRole::SkipLevel => t.skip_level_review_weeks,
        ReviewerRole::StaffPlus => return None,
    };
    Some(weeks_before(c.cycle.packet_due, weeks))
}

fn reviews(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(c) = pursued(ctx) else { return };
    for (role, rule, who) in [
        (
            ReviewerRole::StaffPeer,
            SignalRule::NoStaffPeerReview,
            "a staff-level peer",
        ),
        (
            ReviewerRole::Manager,
            SignalRule::NoManagerReview,
            "the manager",
        ),
        (
            ReviewerRole::SkipLevel,
            SignalRule::NoSkipLevelReview,
            "the skip-level",
        ),
    ] {
        let Some(due) = review_due(c, ctx.t, role) else {
            continue;
        };
        let received = c
            .reviews
            .iter()
            .any(|v| v.reviewer_role == role && v.received_on.is_some_and(|d| d <= ctx.as_of));
        if ctx.as_of < due || received {
            continue;
        }
        let pending: Vec<Cause> = c
            .reviews
            .iter()
            .filter(|v| v.reviewer_role == role && v.requested_on <= ctx.as_of)
            .map(|v| {
                cause(
                    RecordKind::Review,
                    v.id.as_str(),
                    &format!("Requested from {} on {}", v.reviewer.name, v.requested_on),
                )
            })
            .collect();
        let mut causes = vec![cause(
            RecordKind::Candidate,
            c.candidate.id.as_str(),
            &c.cycle.name,
        )];
        let asked = !pending.is_empty();
        causes.extend(pending);
        let late = ctx.as_of > c.cycle.packet_due;
        out.push(Finding {
            severity: None,
            rule,
            message: format!(
                "No review of the packet by {who} {} (packets are due {}){}.",
                if late { "and packets were due" } else { "yet" },
                c.cycle.packet_due,
                if asked {
                    "; requested, not received"
                } else {
                    ""
                }
            ),
            causes,
            action: if asked {
                format!("Chase the review by {who}; their comments reveal the rules of thumb.")
            } else {
                format!("Ask {who} to review the packet now, while there is time to act on it.")
            },
            key: c.candidate.id.to_string(),
            run: None,
        });
    }
}

fn rules_of_thumb(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = pursued(ctx) else { return };
    for rule in checks::applicable(r, c, ctx.as_of) {
        let outcome = checks::status(rule, r, c, ctx.as_of);
        if outcome.status == CheckStatus::Met {
            continue;
        }
        let unmet = outcome.status == CheckStatus::Unmet;
        let mut causes = vec![cause(RecordKind::Rule, rule.id.as_str(), &rule.wording)];
        causes.extend(outcome.record.clone());
        out.push(Finding {
            // Hearsay weighs less than a confirmed rule.
            severity: (unmet && !rule.confirmed).then_some(Severity::Medium),
            rule: if unmet { SignalRule::RuleOfThumbUnmet } else { SignalRule::RuleOfThumbUnchecked },
            message: format!(
                "{} rule of thumb {}: \u{201c}{}\u{201d}. {}",
                if rule.confirmed { "Confirmed" } else { "Hearsay" },
                if unmet { "unmet" } else { "not checked" },
                rule.wording,
                outcome.detail
            ),
            causes,
            action: if unmet {
                "Plan how to meet it before calibration, or prepare the argument for why it does not apply.".into()
            } else {
                "Check it by hand on the candidate's checklist.".into()
            },
            key: format!("{}:{}", rule.id, c.candidate.id),
            run: None,
        });
    }
}

fn visibility(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let (audience, who) = audience(r, ctx.as_of);
    if audience.is_empty() {
        return;
    }
    let strongest = strongest(r, ctx.as_of);
    let unseen: Vec<_> = strongest
        .iter()
        .filter(|e| !seen_by(e, &audience, ctx.as_of))
        .collect();
    if !unseen.is_empty() {
        let mut ids: Vec<&str> = unseen.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        out.push(Finding {
            severity: None,
            rule: SignalRule::HighImpactUnseen,
            message: format!(
                "{} of their strongest work {} not been seen by {who}{}.",
                if unseen.len() == 1 {
                    "One piece".to_owned()
                } else {
                    format!("{} pieces", unseen.len())
                },
                if unseen.len() == 1 { "has" } else { "have" },
                if unseen.iter().any(|e| e.flagship) {
                    ", the flagship among them"
                } else {
                    ""
                },
            ),
            causes: unseen
                .iter()
                .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
                .collect(),
            action: format!("Get this work in front of {who}: a demo, a doc, a skip-level 1:1."),
            key: ids.join(","),
            run: Some(String::new()),
        });
    }
    let seen = strongest.len() - unseen.len();
    if strongest.len() >= 2
        && seen * 100 < strongest.len() * usize::try_from(ctx.t.seen_share_percent).unwrap_or(100)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::SeenShareLow,
            message: format!(
                "Only {seen} of their {} strongest pieces of work have been seen by {who}.",
                strongest.len()
            ),
            causes: Vec::new(),
            action: format!("Plan how {who} will see the rest of the work before calibration."),
            key: String::new(),
            run: None,
        });
    }
}

fn negative_feedback(ctx: &Ctx, out: &mut Vec<Finding>) {
    for m in &ctx.r.mentorships {
        for f in &m.feedback {
            let open = f.sentiment == Sentiment::Negative
                && f.received_on <= ctx.as_of
                && f.addressed_on.is_none_or(|a| a > ctx.as_of);
            if open {
                out.push(Finding {
                    severity: None,
                    rule: SignalRule::NegativeFeedbackUnaddressed,
                    message: format!(
                        "Negative feedback from {} ({}) not addressed.",
                        m.mentee.name, f.received_on
                    ),
                    causes: vec![cause(RecordKind::Feedback, f.id.as_str(), &f.words)],
                    action: "Talk it through with the report and record what was done.".into(),
                    key: f.id.to_string(),
                    run: None,
                });
            }
        }
    }
}

fn mandate(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    match active_mandate(r, ctx.as_of) {
        None => out.push(Finding {
            severity: None,
            rule: SignalRule::MandateMissing,
            message: "No current mandate: nobody has said what the company values from them now."
                .into(),
            causes: Vec::new(),
            action: "Agree a mandate: the problem they own, the priority it serves, a sponsor."
                .into(),
            key: String::new(),
            run: None,
        }),
        Some(m) => {
            if let Some(review) = m.review_by.filter(|rb| *rb < ctx.as_of) {
                out.push(Finding {
                    severity: None,
                    rule: SignalRule::MandateReviewOverdue,
                    message: format!("The mandate's review date ({review}) has passed."),
                    causes: vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
                    action: "Review the mandate: still the right problem, still valued? Record the review (kept, changed or dropped) with the next date.".into(),
                    key: format!("{}:{review}", m.id),
                    run: None,
                });
            }
            if m.priority.trim().is_empty() {
                out.push(Finding {
                    severity: None,
                    rule: SignalRule::MandateNoPriority,
                    message: "The mandate is tied to no company priority.".into(),
                    causes: vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
                    action:
                        "Name the priority it serves, or find work where leadership's attention is."
                            .into(),
                    key: m.id.to_string(),
                    run: None,
                });
            }
        }
    }
}

fn archetype(ctx: &Ctx, out: &mut Vec<Finding>) {
    let report = &ctx.r.report;
    let unclear = report.archetype_worked == Archetype::Unclear
        || report.archetype_needed == Archetype::Unclear;
    let key = format!(
        "{:?}:{:?}",
        report.archetype_worked, report.archetype_needed
    );
    if unclear {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ArchetypeUnclear,
            message: "The archetype they work as, or the one needed, is unclear.".into(),
            causes: vec![cause(RecordKind::Report, report.id.as_str(), &report.name)],
            action: "Decide together which archetype the role is, and what the organisation needs."
                .into(),
            key,
            run: None,
        });
    } else if report.archetype_worked != report.archetype_needed {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ArchetypeMismatch,
            message: format!(
                "Works as {} while the organisation needs {}.",
                report.archetype_worked.label(),
                report.archetype_needed.label()
            ),
            causes: vec![cause(RecordKind::Report, report.id.as_str(), &report.name)],
            action: "Discuss the gap: change the work, or make the case for the archetype they practise.".into(),
            key,
            run: None,
        });
    }
}

fn manager_changes(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = &r.candidacy else { return };
    let end = ctx.as_of.min(c.cycle.calibration_date);
    for change in r
        .manager_changes
        .iter()
        .filter(|m| m.changed_on >= c.cycle.opens_on && m.changed_on <= end)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ManagerChangedInCycle,
            message: if change.is_me {
                format!(
                    "You became their manager inside the cycle ({}).",
                    change.changed_on
                )
            } else {
                format!(
                    "Manager changed inside the cycle ({}): {}.",
                    change.changed_on, change.manager
                )
            },
            causes: vec![cause(
                RecordKind::ManagerChange,
                change.id.as_str(),
                &change.manager,
            )],
            action: if change.is_me {
                "Ask for the handoff and see their strongest work yourself before you argue for it."
                    .into()
            } else {
                "Hand over the record, and make sure the new manager has seen the strongest work."
                    .into()
            },
            key: change.id.to_string(),
            run: None,
        });
    }
}

/// A ladder change inside the cycle that touches the candidate's path from their level to
/// the target: a level added, moved or removed between the two, or either of them renamed
/// or moved.
fn ladder_changes(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = &r.candidacy else { return };
    let end = ctx.as_of.min(c.cycle.calibration_date);
    let current = &r.report.current_level;
    let target = &c.candidate.target_level;
    for step in r.ladder.iter().filter(|s| {
        let day = s.change.changed_at.date_naive();
        day >= c.cycle.opens_on && day <= end
    }) {
        let change = &step.change;
        let own = change.level_id == current.id || change.level_id == target.id;
        // Strictly between their level and the target, on the ladder as it was then.
        let between = |rank: Option<i32>, after: bool| match (
            rank,
            step.span(&current.id, &target.id, after),
        ) {
            (Some(x), Some((low, high))) => x > low && x < high,
            _ => false,
        };
        let touches = match change.change {
            LadderChangeKind::Renamed => own,
            LadderChangeKind::Added => between(step.rank_after(), true),
            LadderChangeKind::Removed => between(step.rank_before(), false),
            LadderChangeKind::Moved => {
                own || between(step.rank_before(), false) || between(step.rank_after(), true)
            }
        };
        if !touches {
            continue;
        }
        out.push(Finding {
            severity: None,
            rule: SignalRule::LadderChangedInCycle,
            message: format!(
                "The ladder changed inside the cycle, on their path from {} to {}: {}.",
                current.name, target.name, change.detail
            ),
            causes: vec![cause(
                RecordKind::LadderChange,
                change.id.as_str(),
                &change.detail,
            )],
            action: format!(
                "Check what the change means for their case for {}, and tell them.",
                target.name
            ),
            key: change.id.to_string(),
            run: None,
        });
    }
}

/// Titles compare case-, spacing- and punctuation-blind.
pub fn normalise(title: &str) -> String {
    title
        .to_lowercase()
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn duplicate_lead(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    for e in evidence_on(r, ctx.as_of).filter(|e| e.role == EvidenceRole::Led) {
        let mine = normalise(&e.title);
        for other in r
            .led_everywhere
            .iter()
            .filter(|o| o.report_id != r.report.id && o.started_on <= ctx.as_of && o.key == mine)
        {
            out.push(Finding {
                severity: None,
                rule: SignalRule::DuplicateLead,
                message: format!("{} is also recorded as having led \u{201c}{}\u{201d}.", other.report_name, e.title),
                causes: vec![
                    cause(RecordKind::Evidence, e.id.as_str(), &e.title),
                    Cause {
                        report_id: Some(other.report_id.clone()),
                        ..cause(
                            RecordKind::Evidence,
                            other.evidence_id.as_str(),
                            &format!("{} ({})", other.title, other.report_name),
                        )
                    },
                ],
                action: "Settle who led what (co-led, led a part) before two managers argue it in the room.".into(),
                key: format!("{}:{}", e.id, other.evidence_id),
                run: None,
            });
        }
    }
}

/// Whether, on `d`, the last months' tagged work drifts to snacking, preening or chasing
/// ghosts (at least two items and the threshold's share).
pub fn drifts(r: &RadarRecord, t: &Thresholds, d: NaiveDate) -> bool {
    let from = months_before(d, t.work_mix_months);
    let tagged: Vec<_> = evidence_on(r, d)
        .filter(|e| e.started_on > from && e.work_mix != crate::model::WorkMix::Untagged)
        .collect();
    let n = tagged.iter().filter(|e| drifting(e)).count();
    n >= 2 && n * 100 >= tagged.len() * usize::try_from(t.work_mix_percent).unwrap_or(100)
}

fn work_mix(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    if !drifts(r, ctx.t, ctx.as_of) {
        return;
    }
    let months = ctx.t.work_mix_months;
    let from = months_before(ctx.as_of, months);
    let causes: Vec<Cause> = evidence_on(r, ctx.as_of)
        .filter(|e| e.started_on > from && drifting(e))
        .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
        .collect();
    out.push(Finding {
        severity: None,
        rule: SignalRule::WorkMixDrift,
        message: format!(
            "{} of the last {months} months' work is snacking, preening or chasing ghosts.",
            causes.len()
        ),
        causes,
        action: "Steer them back to work that moves what this company cares about now.".into(),
        key: String::new(),
        run: None,
    });
}

fn evidence_volume(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let months = ctx.t.evidence_months;
    let from = months_before(ctx.as_of, months);
    let window: Vec<_> = evidence_on(r, ctx.as_of)
        .filter(|e| e.started_on > from)
        .collect();
    // Thin: only once the record is old enough to hold a full window.
    if from >= record_start(r)
        && window.len() < usize::try_from(ctx.t.evidence_min_items).unwrap_or(0)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::EvidenceThin,
            message: match window.len() {
                0 => format!("No evidence recorded in the last {months} months."),
                1 => format!("Only one evidence item in the last {months} months."),
                n => format!("Only {n} evidence items in the last {months} months."),
            },
            causes: Vec::new(),
            action: "Record what they did recently, glue work included; ask them for their brag document.".into(),
            key: String::new(),
            run: None,
        });
    }
    let bare: Vec<_> = window
        .iter()
        .filter(|e| e.impact.trim().is_empty())
        .collect();
    if bare.len() >= 2
        && bare.len() * 100
            >= window.len() * usize::try_from(ctx.t.unquantified_percent).unwrap_or(100)
    {
        out.push(Finding {
            severity: None,
            rule: SignalRule::EvidenceUnquantified,
            message: format!(
                "{} recent evidence items have no quantified impact.",
                bare.len()
            ),
            causes: bare
                .iter()
                .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
                .collect(),
            action: "Put numbers on the impact while the details are fresh.".into(),
            key: String::new(),
            run: None,
        });
    }
}

fn advocates(ctx: &Ctx, out: &mut Vec<Finding>) {
    if advocates_on(ctx.r, ctx.as_of) > 0 {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::NoAdvocate,
        message: "No leader is recorded as ready to speak for their work.".into(),
        causes: Vec::new(),
        action: "Find who has seen their best work and would speak for it; check with them.".into(),
        key: String::new(),
        run: None,
    });
}

/// No 1:1 for more than one and a half times the report's cadence, counted from the last 1:1
/// on or before the day. Only for reports with at least one recorded 1:1: without any, the
/// record cannot tell "never met" from "meets outside Trellis", and every report would be
/// flagged.
fn one_on_ones(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some((id, last)) = ctx
        .r
        .meetings
        .iter()
        .filter(|(_, d)| *d <= ctx.as_of)
        .max_by_key(|(_, d)| *d)
    else {
        return;
    };
    let days = lapse_days(ctx.r);
    let Some(lapsed) = last.checked_add_days(Days::new(days + 1)) else {
        return;
    };
    if ctx.as_of < lapsed {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::OneOnOneLapsed,
        message: format!(
            "No 1:1 since {last}: more than {days} days, for a 1:1 every {} days.",
            ctx.r.report.one_on_one_every_days
        ),
        causes: vec![cause(
            RecordKind::Meeting,
            id.as_str(),
            &format!("1:1 on {last}"),
        )],
        action: "Put a 1:1 in the calendar; the prep view lists what to raise.".into(),
        key: last.to_string(),
        run: None,
    });
}

/// A stored record the radar cannot read: named, so the manager can correct it; the rest of
/// the report is judged without it.
fn unreadable(ctx: &Ctx, out: &mut Vec<Finding>) {
    for p in &ctx.r.problems {
        out.push(Finding {
            severity: None,
            rule: SignalRule::RecordUnreadable,
            message: format!("A stored record cannot be read, so the radar left it out: {}.", p.describe()),
            causes: Vec::new(),
            action: "Correct the record (or restore a backup from before it changed); until then the signals here do not count it.".into(),
            key: format!("{}:{}:{}", p.table, p.key, p.field.as_deref().unwrap_or("")),
            run: None,
        });
    }
}
