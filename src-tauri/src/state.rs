//! What the app keeps between commands: the store (or why it could not be opened) and where
//! the data lives.

use serde::Serialize;
use specta::Type;
use trellis_core::data_dir::{DataDir, DataDirSource};
use trellis_core::{Error, Result, Store};

pub struct AppState {
    store: std::result::Result<Store, Error>,
    pub info: AppInfo,
}

/// Shown in the app so the manager always knows where their data is.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub data_dir_source: DataDirSource,
    pub db_file: String,
    /// True when this is the demo's data: the UI says so on every screen.
    pub demo: bool,
    /// Why the data could not be opened, if it could not; every other command fails too.
    pub startup_error: Option<String>,
}

impl AppState {
    pub fn new(store: std::result::Result<Store, Error>, data_dir: &DataDir, demo: bool) -> Self {
        let info = AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: data_dir.path.display().to_string(),
            data_dir_source: data_dir.source,
            db_file: data_dir
                .path
                .join(trellis_core::store::DB_FILE)
                .display()
                .to_string(),
            demo,
            startup_error: store.as_ref().err().map(ToString::to_string),
        };
        Self { store, info }
    }

    /// The store, or the start-up error again if it could not be opened.
    pub fn store(&self) -> Result<&Store> {
        self.store.as_ref().map_err(|e| Error::Storage {
            message: e.to_string(),
        })
    }
}
