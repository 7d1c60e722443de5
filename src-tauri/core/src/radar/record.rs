//! What the radar reads: one report's record (and candidacy) as it stood at the end of a day,
//! rebuilt from the history (`history::snapshot`). The radar itself never touches the
//! database.

use chrono::NaiveDate;

use crate::history::RecordProblem;
use crate::ids::{EvidenceId, ReportId, RuleId};
use crate::model::radar::{AckAction, SignalRule};
use crate::model::{
    Advocate, Candidate, Cycle, Evidence, LadderChange, ManagerChange, Mandate, ManualStatus,
    Mentorship, PacketReview, PacketVersion, PersonRef, Report, RuleOfThumb, Thresholds,
};

/// Everything the radar needs about one report.
#[derive(Debug, Clone)]
pub struct RadarRecord {
    pub report: Report,
    pub mandates: Vec<Mandate>,
    pub evidence: Vec<Evidence>,
    pub advocates: Vec<Advocate>,
    pub mentorships: Vec<Mentorship>,
    pub manager_changes: Vec<ManagerChange>,
    /// Every change to the ladder, oldest first, with the changed level's rank around it.
    pub ladder: Vec<LadderStep>,
    /// Everyone recorded as skip-level: the audience when there is no committee.
    pub skip_levels: Vec<PersonRef>,
    /// Evidence other reports are recorded as having led under a title this report's led work
    /// has (the radar skips the report's own), for duplicate claims.
    pub led_everywhere: std::sync::Arc<Vec<LedElsewhere>>,
    /// The candidacy the radar judges against (its cycle, packet, reviews, rules), if any.
    pub candidacy: Option<Candidacy>,
    pub acks: Vec<StoredAck>,
    /// The report's 1:1s (ids and dates, oldest first), planned ones included.
    pub meetings: Vec<(crate::ids::MeetingId, NaiveDate)>,
    /// The radar's thresholds in force on the day.
    pub thresholds: Thresholds,
    /// Records of this report that could not be read (left out of everything above).
    pub problems: Vec<RecordProblem>,
}

/// One change to the ladder, with the ladder's ranks the day before it and on its day.
#[derive(Debug, Clone)]
pub struct LadderStep {
    pub change: LadderChange,
    pub ranks_before: Vec<(crate::ids::LevelId, i32)>,
    pub ranks_after: Vec<(crate::ids::LevelId, i32)>,
}

impl LadderStep {
    fn rank(ranks: &[(crate::ids::LevelId, i32)], level: &crate::ids::LevelId) -> Option<i32> {
        ranks.iter().find(|(l, _)| l == level).map(|(_, r)| *r)
    }

    /// The changed level's rank the day before the change (`None`: it did not exist).
    pub fn rank_before(&self) -> Option<i32> {
        Self::rank(&self.ranks_before, &self.change.level_id)
    }

    /// The changed level's rank on the day of the change (`None`: it no longer exists).
    pub fn rank_after(&self) -> Option<i32> {
        Self::rank(&self.ranks_after, &self.change.level_id)
    }

    /// The ranks of `a` and `b`, lowest first, on the day before the change (`after`: false)
    /// or on its day.
    pub fn span(
        &self,
        a: &crate::ids::LevelId,
        b: &crate::ids::LevelId,
        after: bool,
    ) -> Option<(i32, i32)> {
        let ranks = if after {
            &self.ranks_after
        } else {
            &self.ranks_before
        };
        let (x, y) = (Self::rank(ranks, a)?, Self::rank(ranks, b)?);
        Some((x.min(y), x.max(y)))
    }
}

#[derive(Debug, Clone)]
pub struct Candidacy {
    pub candidate: Candidate,
    pub cycle: Cycle,
    pub versions: Vec<PacketVersion>,
    pub reviews: Vec<PacketReview>,
    /// Every rule of the register (the radar picks those that apply).
    pub rules: Vec<RuleOfThumb>,
    /// The manager's own calls on rules without a machine check.
    pub manual: Vec<ManualCheck>,
}

#[derive(Debug, Clone)]
pub struct ManualCheck {
    pub rule_id: RuleId,
    pub status: ManualStatus,
    pub note: String,
    pub checked_on: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct LedElsewhere {
    /// The title as compared (see `radar::title_key`).
    pub key: String,
    pub report_id: ReportId,
    pub report_name: String,
    pub evidence_id: EvidenceId,
    pub title: String,
    pub started_on: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct StoredAck {
    pub rule: SignalRule,
    pub cause_key: String,
    pub action: AckAction,
    pub reason: String,
    pub until: Option<NaiveDate>,
    pub acked_on: NaiveDate,
}
