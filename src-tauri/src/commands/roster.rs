use tauri::State;
use trellis_core::ids::ReportId;
use trellis_core::model::{Report, ReportDraft, RosterFilter};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_reports(state: State<'_, AppState>, filter: RosterFilter) -> Result<Vec<Report>> {
    state.store()?.reports(filter).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_report(state: State<'_, AppState>, id: ReportId) -> Result<Report> {
    state.store()?.report(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_report(state: State<'_, AppState>, draft: ReportDraft) -> Result<Report> {
    state.store()?.create_report(&draft).await
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
        .store()?
        .update_report(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn archive_report(state: State<'_, AppState>, id: ReportId) -> Result<Report> {
    state.store()?.archive_report(&id).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_report(state: State<'_, AppState>, id: ReportId) -> Result<Report> {
    state.store()?.restore_report(&id).await
}
