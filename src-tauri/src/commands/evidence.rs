use tauri::State;
use trellis_core::ids::{EvidenceId, ReportId, VisibilityId};
use trellis_core::model::{Evidence, EvidenceDraft, VisibilityDraft, VisibilityGaps};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_evidence(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<Evidence>> {
    state.store().await?.evidence(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_evidence(state: State<'_, AppState>, id: EvidenceId) -> Result<Evidence> {
    state.store().await?.evidence_item(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_evidence(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: EvidenceDraft,
) -> Result<Evidence> {
    state
        .store()
        .await?
        .create_evidence(&report_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_evidence(
    state: State<'_, AppState>,
    id: EvidenceId,
    expected_version: i32,
    draft: EvidenceDraft,
) -> Result<Evidence> {
    state
        .store()
        .await?
        .update_evidence(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_visibility(
    state: State<'_, AppState>,
    evidence_id: EvidenceId,
    draft: VisibilityDraft,
) -> Result<Evidence> {
    state
        .store()
        .await?
        .add_visibility(&evidence_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_visibility(
    state: State<'_, AppState>,
    id: VisibilityId,
    expected_version: i32,
    draft: VisibilityDraft,
) -> Result<Evidence> {
    state
        .store()
        .await?
        .update_visibility(&id, expected_version, &draft)
        .await
}

/// Which evidence the skip-level (and, once cycles exist, the committee) has not seen.
#[tauri::command]
#[specta::specta]
pub async fn visibility_gaps(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<VisibilityGaps> {
    let store = state.store().await?;
    let committee = store.next_committee(&report_id).await?;
    store.visibility_gaps(&report_id, committee).await
}
