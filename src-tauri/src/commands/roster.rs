use tauri::State;
use trellis_core::ids::ReportId;
use trellis_core::model::{Report, ReportDraft, RosterFilter};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_reports(state: State<'_, AppState>, filter: RosterFilter) -> Result<Vec<Report>> {
    state.store().await?.reports(filter).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_report(state: State<'_, AppState>, id: ReportId) -> Result<Report> {
    state.store().await?.report(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_report(state: State<'_, AppState>, draft: ReportDraft) -> Result<Report> {
    state.store().await?.create_report(&draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_report(
    state: State<'_, AppState>,
    id: ReportId,
    expected_version: i32,
    draft: ReportDraft,
) -> Result<Report> {
    state
        .store()
        .await?
        .update_report(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn archive_report(state: State<'_, AppState>, id: ReportId) -> Result<Report> {
    state.store().await?.archive_report(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_report(state: State<'_, AppState>, id: ReportId) -> Result<Report> {
    state.store().await?.restore_report(&id).await
}
