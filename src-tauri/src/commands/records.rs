use tauri::State;
use trellis_core::ids::ReportId;
use trellis_core::model::{RecordKind, SearchResults, TimelineEntry, TimelineKind};
use trellis_core::Result;

use crate::state::AppState;

/// Deletes any record of the staff record; undo with `restore_record`.
#[tauri::command]
#[specta::specta]
pub async fn delete_record(state: State<'_, AppState>, kind: RecordKind, id: String) -> Result<()> {
    state.store().await?.delete_record(kind, &id).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_record(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: String,
) -> Result<()> {
    state.store().await?.restore_record(kind, &id).await
}

#[tauri::command]
#[specta::specta]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<SearchResults> {
    state.store().await?.search(&query, limit).await
}

/// Every dated record of a report, newest first; only `kinds` when not empty.
#[tauri::command]
#[specta::specta]
pub async fn report_timeline(
    state: State<'_, AppState>,
    report_id: ReportId,
    kinds: Vec<TimelineKind>,
) -> Result<Vec<TimelineEntry>> {
    state.store().await?.timeline(&report_id, &kinds).await
}
