//! Ends the app cleanly when the desktop session asks it to: logging out (SIGTERM, SIGHUP),
//! `kill`, or Ctrl+C in the terminal that started it (SIGINT). Each leaves through the same
//! path as closing the window, so the store is closed and the next start does not report an
//! unclean end.

use tauri::AppHandle;
use tokio::signal::unix::{signal, SignalKind};

/// Listens, on the app's async runtime, for the signals that ask a process to end.
pub fn exit_cleanly_on_request(handle: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            eprintln!("trellis: could not listen for SIGTERM/SIGINT/SIGHUP; ending the process that way will not close the data cleanly");
            return;
        };
        let name = tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
            _ = hup.recv() => "SIGHUP",
        };
        eprintln!("trellis: {name} received; closing the data and exiting");
        handle.exit(0);
    });
}
