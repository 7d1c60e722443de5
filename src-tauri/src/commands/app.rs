use tauri::State;

use crate::state::{AppInfo, AppState};

/// Where the data lives, the version, and whether start-up went wrong.
#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.info()
}
