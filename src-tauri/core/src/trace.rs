//! A trace of the start-up, for finding where the time goes (`scripts/bench-app --trace`
//! prints it).
//!
//! Off unless the environment variable [`ENV_VAR`] names a file: then each [`mark`] appends a
//! line `<milliseconds since the Unix epoch> <what happened>` to it, so that the marks of the
//! app, the web page and the benchmark that started them can be laid on one time line. Nothing
//! is written, and nothing is measured, when the variable is not set.

use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable naming the trace file.
pub const ENV_VAR: &str = "TRELLIS_TRACE";

fn sink() -> Option<&'static Mutex<std::fs::File>> {
    static SINK: OnceLock<Option<Mutex<std::fs::File>>> = OnceLock::new();
    SINK.get_or_init(|| {
        let path = std::env::var_os(ENV_VAR)?;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok()
            .map(Mutex::new)
    })
    .as_ref()
}

/// Whether marks are being written.
pub fn enabled() -> bool {
    sink().is_some()
}

/// Notes that `what` happened now (when tracing is on).
pub fn mark(what: &str) {
    let Some(sink) = sink() else {
        return;
    };
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0);
    if let Ok(mut file) = sink.lock() {
        // A trace that cannot be written is no reason to disturb the app.
        let _ = writeln!(file, "{millis:.1} {what}");
    }
}
