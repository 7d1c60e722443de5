//! Rotation: after a new copy has passed its check, older copies of the same kind beyond the
//! kept number are removed. The new copy is always kept, whatever its time says.

use std::path::Path;

use super::list::scan;
use super::BackupKind;

/// Removes the copies of `kind` beyond the newest [`BackupKind::kept`], never `keep`, and
/// returns the names removed. Only called once `keep` (the new copy) is verified and in place.
pub(crate) fn rotate(dir: &Path, kind: BackupKind, keep: &str) -> std::io::Result<Vec<String>> {
    let Some(kept) = kind.kept() else {
        return Ok(Vec::new());
    };
    let older: Vec<_> = scan(dir)?
        .into_iter()
        .filter(|n| n.kind == kind && n.file_name != keep)
        .collect();
    let mut removed = Vec::new();
    // `scan` lists newest first; the new copy takes one of the kept places.
    for name in older.into_iter().skip(kept.saturating_sub(1)) {
        std::fs::remove_file(dir.join(&name.file_name))?;
        removed.push(name.file_name);
    }
    if !removed.is_empty() {
        super::sync_dir(dir)?;
    }
    Ok(removed)
}
