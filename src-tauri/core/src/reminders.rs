//! What to remind the manager of, as desktop notifications: pure functions from what is due
//! (the Today view's findings and the candidacies' deadlines) to at most one notification per
//! kind, each naming everything of its kind not reminded of before.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use crate::model::reminder::{DEADLINE_AHEAD_DAYS, ONE_ON_ONE_AHEAD_DAYS, SIGNAL_WITHIN_DAYS};
use crate::model::{
    DeadlineKind, MandateReviewDue, PacketDeadline, Reminder, ReminderKind, ReminderSettings,
    ReminderTarget, ReviewerRole, Severity, Signal, UpcomingOneOnOne,
};
use crate::radar::day;

/// What may be reminded of on `as_of`.
pub struct Due<'a> {
    pub as_of: NaiveDate,
    /// The next 1:1s (planned ones are reminded of).
    pub one_on_ones: &'a [UpcomingOneOnOne],
    pub deadlines: &'a [PacketDeadline],
    pub mandate_reviews: &'a [MandateReviewDue],
    /// Open signals (high ones that fired lately are reminded of).
    pub signals: &'a [Signal],
}

/// Kept apart so a key names one thing for ever.
pub fn one_on_one_key(u: &UpcomingOneOnOne) -> String {
    format!("one_on_one:{}:{}", u.report_id, u.on)
}

fn deadline_key(d: &PacketDeadline) -> String {
    let what = match d.what {
        DeadlineKind::PacketDraft => "draft".to_owned(),
        DeadlineKind::Review(role) => format!("review.{}", role_key(role)),
        DeadlineKind::PacketDue => "packet".to_owned(),
    };
    format!("deadline:{}:{what}:{}", d.candidate_id, d.on)
}

fn role_key(role: ReviewerRole) -> &'static str {
    match role {
        ReviewerRole::StaffPeer => "staff_peer",
        ReviewerRole::Manager => "manager",
        ReviewerRole::SkipLevel => "skip_level",
        ReviewerRole::StaffPlus => "staff_plus",
    }
}

fn mandate_key(m: &MandateReviewDue) -> String {
    format!("mandate_review:{}:{}", m.mandate_id, m.review_by)
}

fn signal_key(s: &Signal) -> String {
    format!(
        "signal:{}:{}:{}:{}",
        s.report_id,
        s.rule.id(),
        s.cause_key,
        s.since
    )
}

/// The notifications to raise on `due.as_of`: for each kind the manager wants, one naming
/// everything of that kind that is due and was not reminded of before (`sent` holds the keys
/// of those that were).
pub fn compose(due: &Due, settings: &ReminderSettings, sent: &HashSet<String>) -> Vec<Reminder> {
    let as_of = due.as_of;
    // What of `all` passes `due_now` and was not reminded of before, with its key.
    fn fresh<'a, T>(
        all: &'a [T],
        due_now: impl Fn(&T) -> bool,
        key: impl Fn(&T) -> String,
        sent: &HashSet<String>,
    ) -> Vec<(&'a T, String)> {
        all.iter()
            .filter(|t| due_now(t))
            .map(|t| (t, key(t)))
            .filter(|(_, k)| !sent.contains(k))
            .collect()
    }
    let soon = as_of + Days::new(ONE_ON_ONE_AHEAD_DAYS.unsigned_abs());
    let week = as_of + Days::new(DEADLINE_AHEAD_DAYS.unsigned_abs());
    let since = as_of - Days::new(SIGNAL_WITHIN_DAYS.unsigned_abs());
    let mut out = Vec::new();
    if settings.one_on_ones {
        let due_now = |u: &UpcomingOneOnOne| u.planned && u.on >= as_of && u.on <= soon;
        let items = fresh(due.one_on_ones, due_now, one_on_one_key, sent);
        out.extend(one_on_ones(&items, as_of));
    }
    if settings.deadlines {
        let due_now = |d: &PacketDeadline| d.on > as_of && d.on <= week;
        let items = fresh(due.deadlines, due_now, deadline_key, sent);
        out.extend(deadlines_reminder(&items, as_of));
    }
    if settings.mandate_reviews {
        let due_now = |m: &MandateReviewDue| m.review_by <= week;
        let items = fresh(due.mandate_reviews, due_now, mandate_key, sent);
        out.extend(mandate_reviews(&items, as_of));
    }
    if settings.high_signals {
        let due_now =
            |s: &Signal| s.severity == Severity::High && s.ack.is_none() && s.since > since;
        let items = fresh(due.signals, due_now, signal_key, sent);
        out.extend(high_signals(&items));
    }
    out
}

/// One notification of `kind` naming `items` (none without items): `one` words it for a single
/// item, `many` for several; it opens what `open` gives for the first item.
fn notification<T>(
    kind: ReminderKind,
    items: &[(&T, String)],
    open: impl Fn(&T) -> ReminderTarget,
    one: impl Fn(&T) -> (String, String),
    many: impl Fn(&[(&T, String)]) -> (String, String),
) -> Option<Reminder> {
    let (first, _) = items.first()?;
    let (title, body) = match items {
        [(only, _)] => one(only),
        _ => many(items),
    };
    Some(Reminder {
        kind,
        title,
        body,
        open: open(first),
        keys: items.iter().map(|(_, k)| k.clone()).collect(),
    })
}

/// Lines as one sentence each, in one paragraph: "a; b; c.".
fn sentences(lines: impl Iterator<Item = String>) -> String {
    format!("{}.", lines.collect::<Vec<_>>().join("; "))
}

/// "today", "tomorrow", "in 5 days", "3 days ago".
fn when(on: NaiveDate, as_of: NaiveDate) -> String {
    match (on - as_of).num_days() {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// "A", "A and B", "A, B and C".
fn names<'a>(all: impl IntoIterator<Item = &'a str>) -> String {
    let mut all: Vec<&str> = all.into_iter().collect();
    all.dedup();
    match all.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn one_on_ones(items: &[(&UpcomingOneOnOne, String)], as_of: NaiveDate) -> Option<Reminder> {
    notification(
        ReminderKind::OneOnOne,
        items,
        |u| ReminderTarget::Prep {
            report_id: u.report_id.clone(),
        },
        |u| {
            (
                format!("1:1 with {} {}", u.report_name, when(u.on, as_of)),
                "The prep is ready in Trellis: what changed since your last 1:1, open signals \
                 and the agenda."
                    .to_owned(),
            )
        },
        |items| {
            let mut days: Vec<NaiveDate> = items.iter().map(|(u, _)| u.on).collect();
            days.dedup();
            let lines: Vec<String> = days
                .iter()
                .map(|d| {
                    let on_day = items.iter().filter(|(u, _)| u.on == *d);
                    let who = names(on_day.map(|(u, _)| u.report_name.as_str()));
                    format!("{}: {who}", when(*d, as_of))
                })
                .collect();
            (
                format!("{} 1:1s coming up", items.len()),
                format!(
                    "{}. Each has its prep ready in Trellis.",
                    capitalised(&lines.join("; "))
                ),
            )
        },
    )
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One deadline in a sentence: "Ada Lovelace's first packet draft (H1 2027): due tomorrow,
/// 12 Jan 2027".
fn deadline_line(d: &PacketDeadline, as_of: NaiveDate) -> String {
    let what = match d.what {
        DeadlineKind::PacketDraft => "first packet draft (none saved yet)".to_owned(),
        DeadlineKind::Review(role) => format!("{} (none received yet)", review_words(role)),
        DeadlineKind::PacketDue => "packet".to_owned(),
    };
    format!(
        "{}'s {what} for {}: due {}, {}",
        d.report_name,
        d.cycle_name,
        when(d.on, as_of),
        day(d.on)
    )
}

fn review_words(role: ReviewerRole) -> &'static str {
    match role {
        ReviewerRole::StaffPeer => "packet review by a staff-level peer",
        ReviewerRole::Manager => "packet review by you, the manager",
        ReviewerRole::SkipLevel => "packet review by the skip-level",
        ReviewerRole::StaffPlus => "packet review by another staff-plus engineer",
    }
}

fn deadlines_reminder(items: &[(&PacketDeadline, String)], as_of: NaiveDate) -> Option<Reminder> {
    notification(
        ReminderKind::Deadline,
        items,
        |d| ReminderTarget::Candidate {
            candidate_id: d.candidate_id.clone(),
        },
        |d| {
            let title = match d.what {
                DeadlineKind::PacketDraft => format!("Packet draft for {} due soon", d.report_name),
                DeadlineKind::Review(_) => format!("Packet review for {} due soon", d.report_name),
                DeadlineKind::PacketDue => format!("{}'s packet is due soon", d.report_name),
            };
            (title, format!("{}.", deadline_line(d, as_of)))
        },
        |items| {
            (
                format!("{} packet deadlines this week", items.len()),
                sentences(items.iter().map(|(d, _)| deadline_line(d, as_of))),
            )
        },
    )
}

fn mandate_line(m: &MandateReviewDue, as_of: NaiveDate) -> String {
    let due = if m.review_by < as_of {
        format!("was due {}", day(m.review_by))
    } else {
        format!("due {}, {}", when(m.review_by, as_of), day(m.review_by))
    };
    format!(
        "{}'s mandate “{}”: review {due}",
        m.report_name, m.statement
    )
}

fn mandate_reviews(items: &[(&MandateReviewDue, String)], as_of: NaiveDate) -> Option<Reminder> {
    notification(
        ReminderKind::MandateReview,
        items,
        |m| ReminderTarget::Mandate {
            report_id: m.report_id.clone(),
        },
        |m| {
            (
                format!("Mandate review for {}", m.report_name),
                format!(
                    "{}. Check it still matches what leadership wants.",
                    mandate_line(m, as_of)
                ),
            )
        },
        |items| {
            (
                format!("{} mandate reviews due", items.len()),
                sentences(items.iter().map(|(m, _)| mandate_line(m, as_of))),
            )
        },
    )
}

fn high_signals(items: &[(&Signal, String)]) -> Option<Reminder> {
    notification(
        ReminderKind::HighSignal,
        items,
        |s| ReminderTarget::Radar {
            report_id: s.report_id.clone(),
        },
        |s| {
            (
                format!("New high signal for {}", s.report_name),
                format!("{} {}", s.message, s.action),
            )
        },
        |items| {
            (
                format!("{} new high signals", items.len()),
                sentences(
                    items
                        .iter()
                        .map(|(s, _)| format!("{}: {}", s.report_name, s.rule.label())),
                ),
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn relative_days_read_as_words() {
        let today = d("2026-12-07");
        assert_eq!(when(d("2026-12-07"), today), "today");
        assert_eq!(when(d("2026-12-08"), today), "tomorrow");
        assert_eq!(when(d("2026-12-12"), today), "in 5 days");
        assert_eq!(when(d("2026-12-04"), today), "3 days ago");
    }

    #[test]
    fn names_are_listed_as_a_sentence() {
        assert_eq!(names(["Ada"]), "Ada");
        assert_eq!(names(["Ada", "Grace"]), "Ada and Grace");
        assert_eq!(names(["Ada", "Grace", "Linus"]), "Ada, Grace and Linus");
    }
}
