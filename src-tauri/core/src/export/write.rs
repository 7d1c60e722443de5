//! Writing a file so that it is either wholly there or not changed at all: a temporary file
//! beside the target, synced, then renamed over it (and the directory synced).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically. An existing file is replaced only once the new
/// content is safely on disk.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let failed = |what: &str, e: std::io::Error| Error::Storage {
        message: format!("Could not {what} {}: {e}", path.display()),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".trellis-export-")
        // tempfile creates the file for its owner only (0600 on Unix), and the rename keeps it.
        .tempfile_in(dir)
        .map_err(|e| failed("prepare", e))?;
    tmp.write_all(bytes).map_err(|e| failed("write", e))?;
    tmp.as_file().sync_all().map_err(|e| failed("sync", e))?;
    tmp.persist(path).map_err(|e| failed("save", e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Best effort: makes the rename itself durable where the platform allows it.
        let _ = d.sync_all();
    }
    Ok(())
}
