use tauri::State;
use trellis_core::ids::{MandateId, ReportId};
use trellis_core::model::{Mandate, MandateClosing, MandateDraft, MandateReviewDraft};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_mandates(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<Mandate>> {
    state.store().await?.mandates(&report_id).await
}

/// Sets a new active mandate; `closing` says how the current one ended, if there is one.
#[tauri::command]
#[specta::specta]
pub async fn set_mandate(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: MandateDraft,
    closing: Option<MandateClosing>,
) -> Result<Vec<Mandate>> {
    state
        .store()
        .await?
        .set_mandate(&report_id, &draft, closing.as_ref())
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_mandate(
    state: State<'_, AppState>,
    id: MandateId,
    expected_version: i32,
    draft: MandateDraft,
) -> Result<Mandate> {
    state
        .store()
        .await?
        .update_mandate(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn close_mandate(
    state: State<'_, AppState>,
    id: MandateId,
    expected_version: i32,
    closing: MandateClosing,
) -> Result<Mandate> {
    state
        .store()
        .await?
        .close_mandate(&id, expected_version, &closing)
        .await
}

/// Records a review of the current mandate (kept, changed or dropped, and the next review).
#[tauri::command]
#[specta::specta]
pub async fn review_mandate(
    state: State<'_, AppState>,
    id: MandateId,
    expected_version: i32,
    review: MandateReviewDraft,
) -> Result<Mandate> {
    state
        .store()
        .await?
        .review_mandate(&id, expected_version, &review)
        .await
}
