//! The session marker: `<data_dir>/trellis.open`, written once the app has opened its data
//! and removed by [`crate::Store::close`]. Finding it at start-up means the last session did
//! not shut down cleanly (a crash, a kill, a power cut), so the database is checked first.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::backup::{remove_if_present, storage_error, sync_dir};
use crate::clock::Clock;
use crate::error::Result;

/// The marker's file name in the data directory.
pub const MARKER_FILE: &str = "trellis.open";

pub(crate) fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(MARKER_FILE)
}

/// Whether the marker is there. When that cannot be told, it counts as there (the database is
/// then checked, which is only slower).
pub(crate) fn present(data_dir: &Path) -> bool {
    path(data_dir).try_exists().unwrap_or(true)
}

/// Writes the marker (this process's id and the time), flushed to disk so that a power cut
/// right after start-up still leaves it.
pub(crate) fn write(data_dir: &Path, clock: &dyn Clock) -> Result<PathBuf> {
    let marker = path(data_dir);
    let written = crate::files::create_file(&marker)
        .and_then(|mut f| {
            writeln!(
                f,
                "Trellis has this data open (process {}, since {}).\n\
                 If Trellis is not running, it did not close cleanly; it checks the data at \
                 the next start.",
                std::process::id(),
                clock.now().to_rfc3339()
            )?;
            f.sync_all()
        })
        .and_then(|()| sync_dir(data_dir));
    written.map_err(|e| {
        storage_error(format!(
            "Could not write the session marker {}: {e}",
            marker.display()
        ))
    })?;
    Ok(marker)
}

/// Removes the marker, if there.
pub(crate) fn remove(data_dir: &Path) -> Result<()> {
    let marker = path(data_dir);
    remove_if_present(&marker).map_err(|e| {
        storage_error(format!(
            "Could not remove the session marker {}: {e}",
            marker.display()
        ))
    })
}
