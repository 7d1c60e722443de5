//! The manager's data as a whole: backups (list, restore), the archive (export everything,
//! import an archive) and recovery from a damaged database. File locations come only from
//! native dialogs opened here; the UI never names a path.

use std::path::PathBuf;

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use trellis_core::archive::{self, ImportSummary};
use trellis_core::backup::{self, BackupInfo, BackupKind};
use trellis_core::{opening, Error, Result};

use crate::state::{AppState, Slot};

/// Every backup in the data directory's backups folder, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    let passphrase = state.passphrase();
    backup::list_with(state.data_dir(), passphrase.as_ref()).await
}

/// What restoring a backup did: the copy of the data it replaced, and anything the reopen
/// had to say (an older backup upgraded, …).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOutcome {
    pub safety_copy: BackupInfo,
    pub notices: Vec<String>,
}

/// Restores a backup over the current data, after backing the current data up.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<RestoreOutcome> {
    let store = state.store().await?;
    match backup::restore(store.clone(), &file_name).await {
        Ok(restored) => {
            state.replace(Slot::Ready(restored.store));
            Ok(RestoreOutcome {
                safety_copy: restored.safety_copy,
                notices: restored.notices,
            })
        }
        Err(e) => {
            // A failure after the old store was closed leaves nothing open: open again
            // whatever is in place now, exactly as at start-up.
            if store.pool().is_closed() {
                state.reopen().await;
            }
            Err(e)
        }
    }
}

/// Writes everything to one archive file the manager picks (native save dialog). Returns
/// the path written, or `None` when they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_archive(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>> {
    let store = state.store().await?;
    let name = format!("trellis-archive-{}.json", store.clock().today());
    let dialog = app
        .dialog()
        .file()
        .set_title("Export everything")
        .set_file_name(&name)
        .add_filter("Trellis archive (JSON)", &["json"]);
    let Some(path) = pick(move || dialog.blocking_save_file()).await? else {
        return Ok(None);
    };
    archive::export_to_file(&store, &path).await?;
    Ok(Some(path.display().to_string()))
}

/// What an import did: what it wrote, and the backup of the data it replaced.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub path: String,
    pub summary: ImportSummary,
    pub safety_copy: BackupInfo,
}

/// Replaces everything with an archive the manager picks (native open dialog). The whole
/// file is checked first; then the current data is backed up; then the archive is applied in
/// one transaction. Returns `None` when they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_archive(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ImportOutcome>> {
    let store = state.store().await?;
    let dialog = app
        .dialog()
        .file()
        .set_title("Import an archive")
        .add_filter("Trellis archive (JSON)", &["json"]);
    let Some(path) = pick(move || dialog.blocking_pick_file()).await? else {
        return Ok(None);
    };
    let bytes = read_archive(&path)?;
    archive::check(&bytes).await?;
    let safety_copy = backup::take(&store, BackupKind::PreImport).await?;
    let summary = archive::import(&store, &bytes).await?;
    Ok(Some(ImportOutcome {
        path: path.display().to_string(),
        summary,
        safety_copy,
    }))
}

/// On the recovery screen: puts the chosen backup in place of the damaged database.
#[tauri::command]
#[specta::specta]
pub async fn restore_after_damage(state: State<'_, AppState>, file_name: String) -> Result<()> {
    // Data unlocked and then found damaged: its backups are encrypted with the same passphrase.
    let passphrase = state.passphrase();
    let store = opening::restore_after_damage_with(
        state.data_dir(),
        &file_name,
        state.clock(),
        passphrase.as_ref(),
    )
    .await?;
    state.replace(Slot::Ready(store));
    Ok(())
}

/// On the recovery screen: starts with an empty record (the damaged file stays aside).
#[tauri::command]
#[specta::specta]
pub async fn start_empty_after_damage(state: State<'_, AppState>) -> Result<()> {
    let passphrase = state.passphrase();
    let store = opening::start_empty_after_damage_with(
        state.data_dir(),
        state.clock(),
        passphrase.as_ref(),
    )
    .await?;
    state.replace(Slot::Ready(store));
    Ok(())
}

/// Runs a blocking native dialog off the async runtime; `None` when the manager cancelled.
pub(super) async fn pick(
    dialog: impl FnOnce() -> Option<tauri_plugin_dialog::FilePath> + Send + 'static,
) -> Result<Option<PathBuf>> {
    let chosen = tauri::async_runtime::spawn_blocking(dialog)
        .await
        .map_err(|e| Error::Storage {
            message: format!("The file dialog failed: {e}"),
        })?;
    chosen
        .map(|c| {
            c.into_path().map_err(|e| Error::Storage {
                message: format!("The file dialog returned a location that is not a file: {e}"),
            })
        })
        .transpose()
}

/// Reads an archive file, refusing one larger than an import reads before loading it.
fn read_archive(path: &std::path::Path) -> Result<Vec<u8>> {
    let unreadable = |e: std::io::Error| Error::Storage {
        message: format!("Could not read {}: {e}", path.display()),
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > archive::MAX_BYTES as u64 {
        return Err(Error::invalid(
            "file",
            format!(
                "{} is {} MB; an archive can be at most {} MB.",
                path.display(),
                size / (1024 * 1024),
                archive::MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(unreadable)
}
