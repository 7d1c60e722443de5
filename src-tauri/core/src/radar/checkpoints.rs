//! The days on which a rule's finding about an unchanging record can change: every date the
//! record holds, the day after it, and the days on which something dated then leaves one of
//! the rules' windows or passes one of their deadlines. Between two such days the rules find
//! the same, which lets a replay test a few days instead of every day.

use chrono::{Days, NaiveDate};

use super::record::RadarRecord;
use super::rules::{draft_due, review_due};
use super::view::{lapsed_after, leaves_window};
use crate::model::ReviewerRole;

/// Every date the record holds, apart from the evidence's (which sliding windows judge) and
/// the 1:1s' (which only the lapse judges).
fn dates(r: &RadarRecord) -> Vec<NaiveDate> {
    let mut out = vec![r.report.in_role_since, r.report.created_at.date_naive()];
    for m in &r.mandates {
        out.push(m.set_on);
        out.extend(m.ended_on);
        out.extend(m.review_by);
    }
    for a in &r.advocates {
        out.extend(a.supporting_since);
        out.extend(a.last_checked);
    }
    for m in &r.mentorships {
        out.push(m.started_on);
        out.extend(m.ended_on);
        for f in &m.feedback {
            out.push(f.received_on);
            out.extend(f.addressed_on);
        }
    }
    for m in &r.manager_changes {
        out.push(m.changed_on);
        out.extend(m.ended_on);
    }
    out.extend(r.ladder.iter().map(|l| l.change.changed_at.date_naive()));
    out.extend(r.led_everywhere.iter().map(|l| l.started_on));
    for a in &r.acks {
        out.push(a.acked_on);
        out.extend(a.until);
    }
    if let Some(c) = &r.candidacy {
        out.extend([
            c.candidate.added_on,
            c.cycle.opens_on,
            c.cycle.packet_due,
            c.cycle.calibration_date,
            draft_due(c, &r.thresholds),
        ]);
        for role in [
            ReviewerRole::StaffPeer,
            ReviewerRole::Manager,
            ReviewerRole::SkipLevel,
        ] {
            out.extend(review_due(c, &r.thresholds, role));
        }
        out.extend(c.cycle.committee.iter().filter_map(|m| m.joined_on));
        for v in &c.versions {
            out.push(v.saved_on);
        }
        for v in &c.reviews {
            out.push(v.requested_on);
            out.extend(v.received_on);
        }
        out.extend(c.rules.iter().map(|rule| rule.said_on));
        out.extend(c.manual.iter().map(|m| m.checked_on));
    }
    out
}

/// The evidence's dates: when work started, ended, went into production, was seen.
fn evidence_dates(r: &RadarRecord) -> Vec<NaiveDate> {
    let mut out = vec![r.report.created_at.date_naive()];
    for e in &r.evidence {
        out.push(e.started_on);
        out.extend(e.ended_on);
        out.extend(e.in_production_since);
        out.extend(e.visibility.iter().map(|v| v.seen_on));
    }
    out
}

/// The days in `(after, until]` on which the rules' findings about `r` can change, latest
/// first.
pub fn change_days(r: &RadarRecord, after: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let t = &r.thresholds;
    let windows = [t.work_mix_months, t.evidence_months, 12];
    let mut days = Vec::new();
    let both = |x: NaiveDate, days: &mut Vec<NaiveDate>| {
        days.push(x);
        days.extend(x.succ_opt());
    };
    for x in dates(r) {
        both(x, &mut days);
    }
    // Sliding windows: the day something leaves the last months (and the day after).
    let mut evidence = evidence_dates(r);
    evidence.sort();
    evidence.dedup();
    for x in evidence {
        both(x, &mut days);
        for d in [Some(x), x.succ_opt()].into_iter().flatten() {
            days.extend(windows.iter().map(|m| leaves_window(d, *m)));
        }
    }
    // The lapse: a 1:1's day, and the day its lapse would begin.
    let lapse = lapsed_after(r);
    for (_, x) in &r.meetings {
        days.push(*x);
        days.extend(x.checked_add_days(Days::new(lapse)));
    }
    days.retain(|d| *d > after && *d <= until);
    days.sort_by(|a, b| b.cmp(a));
    days.dedup();
    days
}
