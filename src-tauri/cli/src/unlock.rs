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
    match supplied()? {
        Some(p) => Ok(Some(p)),
        None => Err(format!(
            "The data in {} is protected by a passphrase: pass --passphrase-stdin and give it \
             as one line on standard input, or set {ENV_VAR}.",
            dir.display()
        )),
    }
}

/// The passphrase to write the data in `dir` with: as [`passphrase`] for existing data,
/// except that a passphrase given for data that is not encrypted is refused (it would be
/// written in the clear); for new data, the one given, so that it is created encrypted.
pub fn passphrase_for_writing(dir: &Path) -> Result<Option<Passphrase>, String> {
    let db_file = dir.join(DB_FILE);
    if !db_file.is_file() {
        return supplied();
    }
    if is_encrypted(&db_file).map_err(|e| e.to_string())? {
        return passphrase(dir);
    }
    match supplied()? {
        None => Ok(None),
        Some(_) => Err(format!(
            "A passphrase was given, but the data in {} is not encrypted, so the import would \
             be written in the clear. Turn encryption on in the app (Your data), or give no \
             passphrase. Nothing was changed.",
            dir.display()
        )),
    }
}

/// The passphrase given on standard input (`--passphrase-stdin`) or in [`ENV_VAR`], if any;
/// read once, however often it is asked for (standard input has only the one line).
fn supplied() -> Result<Option<Passphrase>, String> {
    static SUPPLIED: OnceLock<Result<Option<Passphrase>, String>> = OnceLock::new();
    SUPPLIED.get_or_init(read_supplied).clone()
}

fn read_supplied() -> Result<Option<Passphrase>, String> {
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
    secret
        .filter(|s| !s.is_empty())
        .map(|s| Passphrase::new(s).map_err(|e| e.to_string()))
        .transpose()
}
