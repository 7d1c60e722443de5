//! Reminders: which kinds the manager wants, running in the tray, and starting at login.

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;
use trellis_core::model::ReminderSettings;
use trellis_core::{Error, Result};

use crate::reminders;
use crate::state::AppState;
use crate::tray::{self, InTray};

/// The Reminders screen: the stored settings, and what the desktop says.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReminderPreferences {
    pub settings: ReminderSettings,
    /// Whether Trellis starts when the manager logs in (the desktop's own setting).
    pub start_at_login: bool,
    /// Why the tray icon could not be shown, if it could not.
    pub tray_problem: Option<String>,
}

fn desktop_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Storage {
        message: format!("{what}: {e}"),
    }
}

fn preferences(app: &AppHandle, settings: ReminderSettings) -> Result<ReminderPreferences> {
    let start_at_login = app
        .autolaunch()
        .is_enabled()
        .map_err(|e| desktop_error("Could not read whether Trellis starts at login", e))?;
    Ok(ReminderPreferences {
        settings,
        start_at_login,
        tray_problem: tauri::Manager::try_state::<InTray>(app).and_then(|s| s.problem()),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn get_reminder_preferences(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<ReminderPreferences> {
    let settings = state.store().await?.reminder_settings().await?;
    preferences(&app, settings)
}

/// Saves the settings, shows or removes the tray icon, and raises at once what they now
/// ask for and is due.
#[tauri::command]
#[specta::specta]
pub async fn set_reminder_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Result<ReminderPreferences> {
    let saved = state
        .store()
        .await?
        .set_reminder_settings(&settings)
        .await?;
    tray::apply(&app, saved.keep_running_in_tray);
    reminders::check_now(&app).await;
    preferences(&app, saved)
}

#[tauri::command]
#[specta::specta]
pub async fn set_start_at_login(
    app: AppHandle,
    state: State<'_, AppState>,
    on: bool,
) -> Result<ReminderPreferences> {
    let launcher = app.autolaunch();
    let done = if on {
        launcher.enable()
    } else {
        launcher.disable()
    };
    done.map_err(|e| desktop_error("Could not change whether Trellis starts at login", e))?;
    let settings = state.store().await?.reminder_settings().await?;
    preferences(&app, settings)
}
