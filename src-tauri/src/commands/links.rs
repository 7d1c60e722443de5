//! Opening a link from a record in the system browser or mail client. The core decides which
//! links may leave the app (https and mailto only); the window itself never navigates away.

use trellis_core::{links, Error, Result};

/// Opens an https or mailto link with the system's default program.
#[tauri::command]
#[specta::specta]
pub fn open_external_link(url: String) -> Result<()> {
    let url = links::external_link(&url)?;
    tauri_plugin_opener::open_url(&url, None::<&str>).map_err(|e| Error::Storage {
        message: format!("The link could not be opened by the system: {e}"),
    })
}
