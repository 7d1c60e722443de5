use tauri::State;
use trellis_core::ids::{CandidateId, CycleId, ReportId, ReviewId, RuleId};
use trellis_core::model::{
    Candidate, CandidateDraft, Cycle, CycleDraft, ManualStatus, PacketDiff, PacketReview,
    PacketSections, PacketVersion, ReadinessDraft, ReviewDraft,
};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_cycles(state: State<'_, AppState>) -> Result<Vec<Cycle>> {
    state.store().await?.cycles().await
}

#[tauri::command]
#[specta::specta]
pub async fn get_cycle(state: State<'_, AppState>, id: CycleId) -> Result<Cycle> {
    state.store().await?.cycle(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_cycle(state: State<'_, AppState>, draft: CycleDraft) -> Result<Cycle> {
    state.store().await?.create_cycle(&draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_cycle(
    state: State<'_, AppState>,
    id: CycleId,
    expected_version: i32,
    draft: CycleDraft,
) -> Result<Cycle> {
    state
        .store()
        .await?
        .update_cycle(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_candidates(
    state: State<'_, AppState>,
    cycle_id: CycleId,
) -> Result<Vec<Candidate>> {
    state.store().await?.candidates(&cycle_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_candidacies(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<Candidate>> {
    state.store().await?.candidacies(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_candidate(state: State<'_, AppState>, id: CandidateId) -> Result<Candidate> {
    state.store().await?.candidate(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_candidate(
    state: State<'_, AppState>,
    cycle_id: CycleId,
    draft: CandidateDraft,
) -> Result<Candidate> {
    state.store().await?.add_candidate(&cycle_id, &draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_readiness(
    state: State<'_, AppState>,
    id: CandidateId,
    expected_version: i32,
    draft: ReadinessDraft,
) -> Result<Candidate> {
    state
        .store()
        .await?
        .set_readiness(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_packet(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
    sections: PacketSections,
    note: String,
) -> Result<PacketVersion> {
    state
        .store()
        .await?
        .save_packet(&candidate_id, &sections, &note)
        .await
}

/// The packet sections the candidate's record supports today: a proposal for the editor
/// (saving it makes a new version).
#[tauri::command]
#[specta::specta]
pub async fn draft_packet(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
) -> Result<PacketSections> {
    let store = state.store().await?;
    let today = store.clock().today();
    store.draft_packet(&candidate_id, today).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_packet_versions(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
) -> Result<Vec<PacketVersion>> {
    state.store().await?.packet_versions(&candidate_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn packet_diff(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
    from: i32,
    to: i32,
) -> Result<PacketDiff> {
    state
        .store()
        .await?
        .packet_diff(&candidate_id, from, to)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_reviews(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
) -> Result<Vec<PacketReview>> {
    state.store().await?.reviews(&candidate_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_review(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
    draft: ReviewDraft,
) -> Result<PacketReview> {
    state.store().await?.add_review(&candidate_id, &draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_review(
    state: State<'_, AppState>,
    id: ReviewId,
    expected_version: i32,
    draft: ReviewDraft,
) -> Result<PacketReview> {
    state
        .store()
        .await?
        .update_review(&id, expected_version, &draft)
        .await
}

/// The manager's own call on a rule without a machine check; `null` clears it.
#[tauri::command]
#[specta::specta]
pub async fn set_rule_check(
    state: State<'_, AppState>,
    candidate_id: CandidateId,
    rule_id: RuleId,
    status: Option<ManualStatus>,
    note: String,
) -> Result<()> {
    state
        .store()
        .await?
        .set_rule_check(&candidate_id, &rule_id, status, &note)
        .await
}
