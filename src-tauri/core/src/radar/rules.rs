//! The radar's rules. Each looks at the record as it stood on the as-of date and says what
//! is wrong, since when, because of which records, and what to do.

use chrono::{Days, NaiveDate};

use super::checks;
use super::record::RadarRecord;
use super::view::{
    active_mandate, advocates_on, audience, checkpoints, evidence_on, high_impact, months_before,
    record_start, run_start, seen_by,
};
use crate::model::{
    Archetype, Cause, CheckStatus, EvidenceRole, LadderChangeKind, Readiness, RecordKind,
    ReviewerRole, Sentiment, Severity, SignalRule, Thresholds, WorkMix,
};

/// A signal before acknowledgements and lead times are applied.
pub struct Finding {
    pub rule: SignalRule,
    /// When not the rule's own severity (a hearsay rule of thumb weighs less).
    pub severity: Option<Severity>,
    pub message: String,
    pub causes: Vec<Cause>,
    pub action: String,
    pub since: NaiveDate,
    /// Extra words that tell one cause from another (with the causes' ids).
    pub key: String,
}

pub struct Ctx<'a> {
    pub r: &'a RadarRecord,
    pub as_of: NaiveDate,
    pub t: &'a Thresholds,
    /// The record's checkpoints (see view::checkpoints), computed once.
    pub cps: Vec<NaiveDate>,
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

pub fn all(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    packet(ctx, &mut out);
    reviews(ctx, &mut out);
    rules_of_thumb(ctx, &mut out);
    visibility(ctx, &mut out);
    negative_feedback(ctx, &mut out);
    mandate(ctx, &mut out);
    archetype(ctx, &mut out);
    cycle_changes(ctx, &mut out);
    duplicate_lead(ctx, &mut out);
    work_mix(ctx, &mut out);
    evidence_volume(ctx, &mut out);
    advocates(ctx, &mut out);
    one_on_ones(ctx, &mut out);
    out
}

/// The candidacy, when the report is a candidate who wants the promotion on `as_of`.
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
        since: due.max(c.candidate.added_on),
        key: c.candidate.id.to_string(),
    });
}

fn reviews(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(c) = pursued(ctx) else { return };
    for (role, weeks, rule, who) in [
        (
            ReviewerRole::StaffPeer,
            ctx.t.staff_peer_review_weeks,
            SignalRule::NoStaffPeerReview,
            "a staff-level peer",
        ),
        (
            ReviewerRole::Manager,
            ctx.t.manager_review_weeks,
            SignalRule::NoManagerReview,
            "the manager",
        ),
        (
            ReviewerRole::SkipLevel,
            ctx.t.skip_level_review_weeks,
            SignalRule::NoSkipLevelReview,
            "the skip-level",
        ),
    ] {
        let due = weeks_before(c.cycle.calibration_date, weeks);
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
        out.push(Finding {
            severity: None,
            rule,
            message: format!(
                "No review of the packet by {who} {weeks} weeks before calibration{}.",
                if asked {
                    " (requested, not received)"
                } else {
                    ""
                }
            ),
            causes,
            action: if asked {
                format!("Chase the review by {who}; their comments reveal the rules of thumb.")
            } else {
                format!("Ask {who} to review the packet now.")
            },
            since: due.max(c.candidate.added_on),
            key: c.candidate.id.to_string(),
        });
    }
}

fn rules_of_thumb(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let Some(c) = pursued(ctx) else { return };
    let cps = &ctx.cps;
    for rule in checks::applicable(r, c, ctx.as_of) {
        let (status, detail) = checks::status(rule, r, c, ctx.as_of);
        if status == CheckStatus::Met {
            continue;
        }
        let floor = rule.said_on.max(c.candidate.added_on);
        let since = run_start(cps, ctx.as_of, floor, |d| {
            d >= floor && checks::status(rule, r, c, d).0 == status
        })
        .unwrap_or(floor);
        let unmet = status == CheckStatus::Unmet;
        out.push(Finding {
            // Hearsay weighs less than a confirmed rule.
            severity: (unmet && !rule.confirmed).then_some(Severity::Medium),
            rule: if unmet { SignalRule::RuleOfThumbUnmet } else { SignalRule::RuleOfThumbUnchecked },
            message: format!(
                "{} rule of thumb {}: \u{201c}{}\u{201d}. {detail}",
                if rule.confirmed { "Confirmed" } else { "Hearsay" },
                if unmet { "unmet" } else { "not checked" },
                rule.wording
            ),
            causes: vec![cause(RecordKind::Rule, rule.id.as_str(), &rule.wording)],
            action: if unmet {
                "Plan how to meet it before calibration, or prepare the argument for why it does not apply.".into()
            } else {
                "Check it by hand on the candidate's checklist.".into()
            },
            since,
            key: format!("{}:{}", rule.id, c.candidate.id),
        });
    }
}

fn visibility(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let (audience, who) = audience(r);
    if audience.is_empty() {
        return;
    }
    // The period the committee judges, or the last year.
    let from = r
        .candidacy
        .as_ref()
        .map_or(months_before(ctx.as_of, 12), |c| c.cycle.opens_on);
    let cps = &ctx.cps;
    let unseen_on = |d: NaiveDate| {
        evidence_on(r, d)
            .filter(|e| e.started_on >= from && high_impact(e) && !seen_by(e, &audience, d))
            .collect::<Vec<_>>()
    };
    let unseen = unseen_on(ctx.as_of);
    if !unseen.is_empty() {
        // The signal is about these items: it dates from the first of them to appear (an item
        // seen since then no longer counts; the cause key changes with the set).
        let since = unseen
            .iter()
            .map(|e| e.started_on.max(from))
            .min()
            .unwrap_or(ctx.as_of);
        let mut ids: Vec<&str> = unseen.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        out.push(Finding {
            severity: None,
            rule: SignalRule::HighImpactUnseen,
            message: format!(
                "{} high-impact item{} {} not been seen by {who}.",
                unseen.len(),
                if unseen.len() == 1 { "" } else { "s" },
                if unseen.len() == 1 { "has" } else { "have" },
            ),
            causes: unseen
                .iter()
                .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
                .collect(),
            action: format!("Get this work in front of {who}: a demo, a doc, a skip-level 1:1."),
            since,
            key: ids.join(","),
        });
    }
    let share_low = |d: NaiveDate| {
        let items: Vec<_> = evidence_on(r, d).filter(|e| e.started_on >= from).collect();
        let seen = items.iter().filter(|e| seen_by(e, &audience, d)).count();
        items.len() >= 2
            && seen * 100 < items.len() * usize::try_from(ctx.t.seen_share_percent).unwrap_or(100)
    };
    if share_low(ctx.as_of) {
        let items: Vec<_> = evidence_on(r, ctx.as_of)
            .filter(|e| e.started_on >= from)
            .collect();
        let seen = items
            .iter()
            .filter(|e| seen_by(e, &audience, ctx.as_of))
            .count();
        out.push(Finding {
            severity: None,
            rule: SignalRule::SeenShareLow,
            message: format!(
                "Only {seen} of {} evidence items have been seen by {who}.",
                items.len()
            ),
            causes: Vec::new(),
            action: format!("Plan how {who} will see the rest of the work before calibration."),
            since: run_start(cps, ctx.as_of, from, share_low).unwrap_or(ctx.as_of),
            key: String::new(),
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
                    since: f.received_on,
                    key: f.id.to_string(),
                });
            }
        }
    }
}

fn mandate(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let cps = &ctx.cps;
    let floor = r.report.in_role_since.min(r.report.created_at.date_naive());
    match active_mandate(r, ctx.as_of) {
        None => out.push(Finding {
            severity: None,
            rule: SignalRule::MandateMissing,
            message: "No current mandate: nobody has said what the company values from them now."
                .into(),
            causes: Vec::new(),
            action: "Agree a mandate: the problem they own, the priority it serves, a sponsor."
                .into(),
            since: run_start(cps, ctx.as_of, floor, |d| active_mandate(r, d).is_none())
                .unwrap_or(ctx.as_of),
            key: String::new(),
        }),
        Some(m) => {
            if let Some(review) = m.review_by.filter(|rb| *rb < ctx.as_of) {
                out.push(Finding {
                    severity: None,
                    rule: SignalRule::MandateReviewOverdue,
                    message: format!("The mandate's review date ({review}) has passed."),
                    causes: vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
                    action: "Review the mandate: still the right problem, still valued?".into(),
                    since: review.succ_opt().unwrap_or(review),
                    key: format!("{}:{review}", m.id),
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
                    since: m.set_on,
                    key: m.id.to_string(),
                });
            }
        }
    }
}

fn archetype(ctx: &Ctx, out: &mut Vec<Finding>) {
    let report = &ctx.r.report;
    let since = report.created_at.date_naive();
    if since > ctx.as_of {
        return;
    }
    let unclear = report.archetype_worked == Archetype::Unclear
        || report.archetype_needed == Archetype::Unclear;
    if unclear {
        out.push(Finding {
            severity: None,
            rule: SignalRule::ArchetypeUnclear,
            message: "The archetype they work as, or the one needed, is unclear.".into(),
            causes: vec![cause(RecordKind::Report, report.id.as_str(), &report.name)],
            action: "Decide together which archetype the role is, and what the organisation needs."
                .into(),
            since,
            key: format!(
                "{:?}:{:?}",
                report.archetype_worked, report.archetype_needed
            ),
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
            since,
            key: format!("{:?}:{:?}", report.archetype_worked, report.archetype_needed),
        });
    }
}

fn cycle_changes(ctx: &Ctx, out: &mut Vec<Finding>) {
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
            message: format!(
                "Manager changed inside the cycle ({}): {}.",
                change.changed_on, change.manager
            ),
            causes: vec![cause(
                RecordKind::ManagerChange,
                change.id.as_str(),
                &change.manager,
            )],
            action:
                "Hand over the record, and make sure the new manager has seen the strongest work."
                    .into(),
            since: change.changed_on,
            key: change.id.to_string(),
        });
    }
    let target = &c.candidate.target_level.id;
    for change in r.ladder_changes.iter().filter(|l| {
        let day = l.changed_at.date_naive();
        day >= c.cycle.opens_on
            && day <= end
            && (&l.level_id == target
                || matches!(
                    l.change,
                    LadderChangeKind::Added | LadderChangeKind::Removed
                ))
    }) {
        out.push(Finding {
            severity: None,
            rule: SignalRule::LadderChangedInCycle,
            message: format!("The ladder changed inside the cycle: {}.", change.detail),
            causes: vec![cause(
                RecordKind::LadderChange,
                change.id.as_str(),
                &change.detail,
            )],
            action: format!(
                "Check what the change means for the target level, {}.",
                c.candidate.target_level.name
            ),
            since: change.changed_at.date_naive(),
            key: change.id.to_string(),
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
                since: e.started_on.max(other.started_on),
                key: format!("{}:{}", e.id, other.evidence_id),
            });
        }
    }
}

fn work_mix(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let months = ctx.t.work_mix_months;
    let drift = |d: NaiveDate| {
        let from = months_before(d, months);
        let tagged: Vec<_> = evidence_on(r, d)
            .filter(|e| e.started_on > from && e.work_mix != WorkMix::Untagged)
            .collect();
        let drifting = tagged
            .iter()
            .filter(|e| {
                matches!(
                    e.work_mix,
                    WorkMix::Snacking | WorkMix::Preening | WorkMix::ChasingGhosts
                )
            })
            .count();
        drifting >= 2
            && drifting * 100
                >= tagged.len() * usize::try_from(ctx.t.work_mix_percent).unwrap_or(100)
    };
    if !drift(ctx.as_of) {
        return;
    }
    let from = months_before(ctx.as_of, months);
    let causes: Vec<Cause> = evidence_on(r, ctx.as_of)
        .filter(|e| {
            e.started_on > from
                && matches!(
                    e.work_mix,
                    WorkMix::Snacking | WorkMix::Preening | WorkMix::ChasingGhosts
                )
        })
        .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
        .collect();
    let cps = &checkpoints(r, Some(months));
    out.push(Finding {
        severity: None,
        rule: SignalRule::WorkMixDrift,
        message: format!(
            "{} of the last {months} months' work is snacking, preening or chasing ghosts.",
            causes.len()
        ),
        causes,
        action: "Steer them back to work that moves what this company cares about now.".into(),
        since: run_start(cps, ctx.as_of, NaiveDate::MIN, drift).unwrap_or(ctx.as_of),
        key: String::new(),
    });
}

fn evidence_volume(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let months = ctx.t.evidence_months;
    let start = record_start(r);
    let cps = &checkpoints(r, Some(months));
    let window = |d: NaiveDate| {
        let from = months_before(d, months);
        evidence_on(r, d).filter(move |e| e.started_on > from)
    };
    // Thin: only once the record is old enough to hold a full window.
    let thin = |d: NaiveDate| {
        months_before(d, months) >= start
            && window(d).count() < usize::try_from(ctx.t.evidence_min_items).unwrap_or(0)
    };
    if thin(ctx.as_of) {
        out.push(Finding {
            severity: None,
            rule: SignalRule::EvidenceThin,
            message: match window(ctx.as_of).count() {
                0 => format!("No evidence recorded in the last {months} months."),
                1 => format!("Only one evidence item in the last {months} months."),
                n => format!("Only {n} evidence items in the last {months} months."),
            },
            causes: Vec::new(),
            action: "Record what they did recently, glue work included; ask them for their brag document.".into(),
            since: run_start(cps, ctx.as_of, start, thin).unwrap_or(ctx.as_of),
            key: String::new(),
        });
    }
    let unquantified = |d: NaiveDate| {
        let (mut items, mut bare) = (0usize, 0usize);
        for e in window(d) {
            items += 1;
            bare += usize::from(e.impact.trim().is_empty());
        }
        bare >= 2
            && bare * 100 >= items * usize::try_from(ctx.t.unquantified_percent).unwrap_or(100)
    };
    if unquantified(ctx.as_of) {
        let causes: Vec<Cause> = window(ctx.as_of)
            .filter(|e| e.impact.trim().is_empty())
            .map(|e| cause(RecordKind::Evidence, e.id.as_str(), &e.title))
            .collect();
        out.push(Finding {
            severity: None,
            rule: SignalRule::EvidenceUnquantified,
            message: format!(
                "{} recent evidence items have no quantified impact.",
                causes.len()
            ),
            causes,
            action: "Put numbers on the impact while the details are fresh.".into(),
            since: run_start(cps, ctx.as_of, NaiveDate::MIN, unquantified).unwrap_or(ctx.as_of),
            key: String::new(),
        });
    }
}

fn advocates(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.r;
    let start = r.report.created_at.date_naive();
    if start > ctx.as_of || advocates_on(r, ctx.as_of) > 0 {
        return;
    }
    let cps = &ctx.cps;
    out.push(Finding {
        severity: None,
        rule: SignalRule::NoAdvocate,
        message: "No leader is recorded as ready to speak for their work.".into(),
        causes: Vec::new(),
        action: "Find who has seen their best work and would speak for it; check with them.".into(),
        since: run_start(cps, ctx.as_of, start, |d| advocates_on(r, d) == 0).unwrap_or(ctx.as_of),
        key: String::new(),
    });
}

/// No 1:1 held for more than the threshold's weeks, counted from the last 1:1 on or before
/// the as-of date. Only for reports with at least one recorded 1:1: without any, the record
/// cannot tell "never met" from "meets outside Trellis", and every report would be flagged.
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
    let weeks = u64::try_from(ctx.t.one_on_one_weeks.max(1)).unwrap_or(1);
    let Some(since) = last.checked_add_days(Days::new(weeks * 7 + 1)) else {
        return;
    };
    if ctx.as_of < since {
        return;
    }
    out.push(Finding {
        severity: None,
        rule: SignalRule::OneOnOneLapsed,
        message: format!("No 1:1 for more than {weeks} weeks (the last was on {last})."),
        causes: vec![cause(
            RecordKind::Meeting,
            id.as_str(),
            &format!("1:1 on {last}"),
        )],
        action: "Put a 1:1 in the calendar; the prep view lists what to raise.".into(),
        since,
        key: last.to_string(),
    });
}
