//! Drafting a candidate's packet from their record (see [`crate::packet_draft`]).

use chrono::NaiveDate;

use super::Store;
use crate::error::{Error, Result};
use crate::ids::CandidateId;
use crate::model::PacketSections;
use crate::radar::{self, Replay};

impl Store {
    /// The packet sections a candidate's record supports on `as_of`, judged against the
    /// candidacy's cycle: a proposal for the packet editor (saving it makes a new version).
    pub async fn draft_packet(
        &self,
        candidate_id: &CandidateId,
        as_of: NaiveDate,
    ) -> Result<PacketSections> {
        let candidate = self.candidate(candidate_id).await?;
        let mut conn = self.pool.acquire().await?;
        let (history, name) = super::radar::one_history(&mut conn, &candidate.report_id).await?;
        drop(conn);
        let replay = Replay::new(&history, &candidate.report_id, Some(&candidate.cycle_id));
        let judged = radar::judge(&replay, &candidate.report_id, &name, as_of);
        let Some(record) = judged.record else {
            return Err(Error::conflict(format!(
                "{name}'s record as of {} cannot be read, so no packet can be drafted from it; \
                 the radar names what to correct.",
                radar::day(as_of)
            )));
        };
        let draft = crate::packet_draft::draft(&record, &judged.signals, as_of);
        // The same limits as a packet the manager writes.
        draft.validate()
    }
}
