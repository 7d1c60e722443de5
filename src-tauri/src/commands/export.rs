//! Exporting calibration notes: the core builds and renders them; the save location comes
//! only from the native save dialog opened here (the UI never names a path).

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use trellis_core::export::{self, CalibrationNotes, ExportFormat, ExportOptions, ExportScope};
use trellis_core::{Error, Result};

use crate::state::AppState;

/// The notes as they would be exported (for a preview), as of today.
#[tauri::command]
#[specta::specta]
pub async fn preview_calibration_notes(
    state: State<'_, AppState>,
    scope: ExportScope,
    options: ExportOptions,
) -> Result<CalibrationNotes> {
    let store = state.store().await?;
    store
        .calibration_notes(&scope, &options, store.clock().today())
        .await
}

/// Builds the notes, asks where to save them (native dialog), and writes the file
/// atomically. Returns the path written, or `None` when the manager cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_calibration_notes(
    app: AppHandle,
    state: State<'_, AppState>,
    scope: ExportScope,
    format: ExportFormat,
    options: ExportOptions,
) -> Result<Option<String>> {
    let store = state.store().await?;
    let notes = store
        .calibration_notes(&scope, &options, store.clock().today())
        .await?;
    let bytes = format.render(&notes)?;
    let name = format!("{}.{}", export::file_stem(&notes), format.extension());
    let dialog = app
        .dialog()
        .file()
        .set_title(format!("Save the {}", notes.brief.label().to_lowercase()))
        .set_file_name(&name)
        .add_filter(format.label(), &[format.extension()]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| Error::Storage {
            message: format!("The save dialog failed: {e}"),
        })?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| Error::Storage {
        message: format!("The save dialog returned a location that is not a file: {e}"),
    })?;
    export::write::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}
