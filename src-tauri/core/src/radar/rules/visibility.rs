//! Rules about who has seen the work and what mentees say.

use super::super::view::{audience, day, seen_by, strongest};
use super::{cause, Ctx, Finding};
use crate::model::{RecordKind, Sentiment, SignalRule};

pub(super) fn visibility(ctx: &Ctx, out: &mut Vec<Finding>) {
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
            message: match seen {
                0 => format!(
                    "None of their {} strongest pieces of work has been seen by {who}.",
                    strongest.len()
                ),
                _ => format!(
                    "Only {seen} of their {} strongest pieces of work have been seen by {who}.",
                    strongest.len()
                ),
            },
            causes: Vec::new(),
            action: format!("Plan how {who} will see the rest of the work before calibration."),
            key: String::new(),
            run: None,
        });
    }
}

pub(super) fn negative_feedback(ctx: &Ctx, out: &mut Vec<Finding>) {
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
                        f.source.from_whom(&m.mentee.name),
                        day(f.received_on)
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
