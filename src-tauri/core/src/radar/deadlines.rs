//! A candidacy's deadlines still ahead: the day the first packet draft is due, the days the
//! review rounds are due, and the day packets are due, each only while what it asks for is
//! missing. The radar's cycle rules fire once one of them passes; reminders come before.

use chrono::NaiveDate;

use super::record::RadarRecord;
use super::rules::{draft_due, pursued_on, review_due};
use crate::model::{DeadlineKind, PacketDeadline, ReviewerRole};

/// The deadlines of `r`'s candidacy in `(as_of, until]`, soonest first.
pub fn ahead(r: &RadarRecord, as_of: NaiveDate, until: NaiveDate) -> Vec<PacketDeadline> {
    let Some(c) = r.candidacy.as_ref().filter(|c| pursued_on(c, as_of)) else {
        return Vec::new();
    };
    let mut due: Vec<(DeadlineKind, NaiveDate)> = Vec::new();
    if !c.versions.iter().any(|v| v.saved_on <= as_of) {
        due.push((DeadlineKind::PacketDraft, draft_due(c, &r.thresholds)));
    }
    for role in [
        ReviewerRole::StaffPeer,
        ReviewerRole::Manager,
        ReviewerRole::SkipLevel,
    ] {
        let received = c
            .reviews
            .iter()
            .any(|v| v.reviewer_role == role && v.received_on.is_some_and(|d| d <= as_of));
        if let (false, Some(on)) = (received, review_due(c, &r.thresholds, role)) {
            due.push((DeadlineKind::Review(role), on));
        }
    }
    due.push((DeadlineKind::PacketDue, c.cycle.packet_due));
    due.retain(|(_, on)| *on > as_of && *on <= until);
    due.sort_by_key(|(_, on)| *on);
    due.into_iter()
        .map(|(what, on)| PacketDeadline {
            report_id: r.report.id.clone(),
            report_name: r.report.name.clone(),
            candidate_id: c.candidate.id.clone(),
            cycle_id: c.cycle.id.clone(),
            cycle_name: c.cycle.name.clone(),
            what,
            on,
        })
        .collect()
}
