//! Trellis's domain core: the model, its validation and the SQLite store, plus the
//! demo/synthetic generator. It does not depend on Tauri, so everything here is tested and
//! benchmarked without a window; the desktop shell only adapts it to commands.

pub mod archive;
pub mod backup;
pub mod calendar;
pub mod clock;
pub mod corpus;
pub mod data_dir;
pub mod diff;
pub mod encryption;
pub mod error;
pub mod export;
pub mod files;
pub mod generator;
pub mod history;
pub mod ids;
pub mod links;
pub mod model;
pub mod opening;
pub mod packet_draft;
pub mod passphrase;
pub mod prep;
pub mod radar;
pub mod reminders;
pub mod store;
pub mod trace;
pub mod validate;

pub use error::{Error, FieldIssue, Result};
pub use store::Store;
