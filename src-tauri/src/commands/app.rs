use tauri::{AppHandle, Manager};

use crate::state::{AppInfo, AppState};

/// Where the data lives, the version, and whether start-up went wrong (once the data is open).
#[tauri::command]
#[specta::specta]
pub async fn app_info(app: AppHandle) -> AppInfo {
    app.state::<AppState>().info().await
}
