use tauri::State;
use trellis_core::ids::{AdvocateId, ReportId};
use trellis_core::model::{Advocate, AdvocateDraft};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_advocates(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<Advocate>> {
    state.store().await?.advocates(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_advocate(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: AdvocateDraft,
) -> Result<Advocate> {
    state
        .store()
        .await?
        .create_advocate(&report_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_advocate(
    state: State<'_, AppState>,
    id: AdvocateId,
    expected_version: i32,
    draft: AdvocateDraft,
) -> Result<Advocate> {
    state
        .store()
        .await?
        .update_advocate(&id, expected_version, &draft)
        .await
}
