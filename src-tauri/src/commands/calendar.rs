//! Calendar import: the manager picks an .ics file (native open dialog; the UI never names a
//! path), sees what it would plan, and plans it. The file's text travels to the UI and back so
//! that the preview and the import read the same file; the core reads the dates itself each
//! time (nothing the UI sends becomes a date).

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use trellis_core::calendar::MAX_BYTES;
use trellis_core::model::{CalendarChoice, CalendarImported, CalendarPreview};
use trellis_core::{Error, Result};

use super::data::pick;
use crate::state::AppState;

/// A calendar file the manager picked.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFile {
    /// The file's name (not its folder), to show.
    pub name: String,
    pub text: String,
}

/// Asks for a calendar file (native open dialog) and reads it; `None` when they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn open_calendar_file(app: AppHandle) -> Result<Option<CalendarFile>> {
    let dialog = app
        .dialog()
        .file()
        .set_title("Import 1:1s from a calendar file")
        .add_filter("Calendar file (.ics)", &["ics", "ical", "ifb", "icalendar"]);
    let Some(path) = pick(move || dialog.blocking_pick_file()).await? else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let problem = |message: String| Error::invalid("file", message);
    let size = std::fs::metadata(&path)
        .map_err(|e| problem(format!("Could not read {name}: {e}")))?
        .len();
    if size > MAX_BYTES as u64 {
        return Err(problem(format!(
            "{name} is larger than {} MB; export only the 1:1s (one series or a few) from the calendar app.",
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(&path).map_err(|e| problem(format!("Could not read {name}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        problem(format!(
            "{name} is not a text file, so not a calendar file."
        ))
    })?;
    Ok(Some(CalendarFile { name, text }))
}

#[tauri::command]
#[specta::specta]
pub async fn preview_calendar(
    state: State<'_, AppState>,
    text: String,
    choices: Vec<CalendarChoice>,
) -> Result<CalendarPreview> {
    state.store().await?.preview_calendar(&text, &choices).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_calendar(
    state: State<'_, AppState>,
    text: String,
    choices: Vec<CalendarChoice>,
) -> Result<CalendarImported> {
    state.store().await?.import_calendar(&text, &choices).await
}
