use tauri::State;
use trellis_core::ids::LevelId;
use trellis_core::model::{LadderChange, LadderLevel, LevelDraft};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_ladder(state: State<'_, AppState>) -> Result<Vec<LadderLevel>> {
    state.store().await?.ladder().await
}

#[tauri::command]
#[specta::specta]
pub async fn list_ladder_changes(state: State<'_, AppState>) -> Result<Vec<LadderChange>> {
    state.store().await?.ladder_changes().await
}

#[tauri::command]
#[specta::specta]
pub async fn add_level(state: State<'_, AppState>, draft: LevelDraft) -> Result<Vec<LadderLevel>> {
    state.store().await?.add_level(draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn rename_level(
    state: State<'_, AppState>,
    id: LevelId,
    name: String,
) -> Result<Vec<LadderLevel>> {
    state.store().await?.rename_level(&id, &name).await
}

#[tauri::command]
#[specta::specta]
pub async fn move_level(
    state: State<'_, AppState>,
    id: LevelId,
    rank: i32,
) -> Result<Vec<LadderLevel>> {
    state.store().await?.move_level(&id, rank).await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_level(state: State<'_, AppState>, id: LevelId) -> Result<Vec<LadderLevel>> {
    state.store().await?.remove_level(&id).await
}
