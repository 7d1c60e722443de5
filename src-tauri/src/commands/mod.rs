//! Command adapters, one file per area. Each takes its arguments, gets the store, calls the
//! core and returns its result: no logic lives here.

pub mod advocates;
pub mod app;
pub mod cycles;
pub mod data;
pub mod evidence;
pub mod export;
pub mod ladder;
pub mod links;
pub mod mandates;
pub mod mentorship;
pub mod one_on_ones;
pub mod people;
pub mod prep;
pub mod radar;
pub mod records;
pub mod roster;

/// Runs a blocking native dialog off the async runtime; `None` when the manager cancelled.
pub(crate) async fn pick(
    dialog: impl FnOnce() -> Option<tauri_plugin_dialog::FilePath> + Send + 'static,
) -> trellis_core::Result<Option<std::path::PathBuf>> {
    let chosen = tauri::async_runtime::spawn_blocking(dialog)
        .await
        .map_err(|e| trellis_core::Error::Storage {
            message: format!("The file dialog failed: {e}"),
        })?;
    chosen
        .map(|c| {
            c.into_path().map_err(|e| trellis_core::Error::Storage {
                message: format!("The file dialog returned a location that is not a file: {e}"),
            })
        })
        .transpose()
}
