//! The passphrase of an encrypted data directory: from `--passphrase-stdin` (one line of
//! standard input) or the `TRELLIS_PASSPHRASE` environment variable. Asked for only when the
//! database is encrypted; never printed.

use std::path::Path;
use std::sync::OnceLock;

use trellis_core::encryption::is_encrypted;
use trellis_core::passphrase::Passphrase;
use trellis_core::store::DB_FILE;

/// The environment variable that may hold the passphrase.
pub const ENV_VAR: &str = "TRELLIS_PASSPHRASE";

/// Whether `--passphrase-stdin` was given (set once, by `main`).
static FROM_STDIN: OnceLock<bool> = OnceLock::new();

pub fn read_from_stdin(yes: bool) {
    let _ = FROM_STDIN.set(yes);
}

/// The passphrase for the database in `dir`: `None` when it is not encrypted (or there is
/// none yet); an error when it is encrypted and no passphrase was given.
pub fn passphrase(dir: &Path) -> Result<Option<Passphrase>, String> {
    if !is_encrypted(&dir.join(DB_FILE)).map_err(|e| e.to_string())? {
        return Ok(None);
    }
    let secret = if FROM_STDIN.get().copied().unwrap_or(false) {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| format!("could not read the passphrase from stdin: {e}"))?;
        let line = line.strip_suffix('\n').unwrap_or(&line);
        Some(line.strip_suffix('\r').unwrap_or(line).to_owned())
    } else {
        std::env::var(ENV_VAR).ok()
    };
    match secret.filter(|s| !s.is_empty()) {
        Some(secret) => Passphrase::new(secret).map(Some).map_err(|e| e.to_string()),
        None => Err(format!(
            "The data in {} is protected by a passphrase: pass --passphrase-stdin and give it \
             as one line on standard input, or set {ENV_VAR}.",
            dir.display()
        )),
    }
}
