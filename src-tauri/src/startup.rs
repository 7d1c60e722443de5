//! The start-up after the window is asked for: the data is opened in the background while the
//! window and its page load (commands wait for it, see [`AppState`]); Today is worked out as
//! soon as the data is open, before the page asks for it; and what the first screen does not
//! need (the day's backup and its check, the first reminder check) waits until the first screen
//! is shown. BENCHMARKS.md ("Start-up on five years") has the trace this order comes from.

use std::sync::Arc;
use std::time::Duration;

use tauri::{AppHandle, Manager};
use trellis_core::clock::SystemClock;
use trellis_core::data_dir::DataDir;
use trellis_core::opening::{self, Opened};
use trellis_core::{generator, trace};

use crate::reminders;
use crate::state::{AppState, Slot};

/// After the first screen is shown, the background work leaves the manager's first moments
/// with the app (the first clicks, the first screens) this long to themselves.
const SETTLE: Duration = Duration::from_secs(3);

/// Opens the data in `dir` in the background and puts it in the app's state (already managed,
/// in [`Slot::Opening`]); then the work for after the first screen.
pub fn open_in_background(app: &AppHandle, dir: DataDir, demo: bool) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let (slot, notices) = Slot::from_open(open_store(&dir, demo).await);
        log_outcome(&slot, &dir);
        let store = match &slot {
            Slot::Ready(store) => Some(store.clone()),
            _ => None,
        };
        let Some(state) = app.try_state::<AppState>() else {
            return;
        };
        if let Some(store) = &store {
            let ahead = store.clone();
            state.set_today_ahead(tauri::async_runtime::spawn(async move {
                let today = ahead.today_ahead(ahead.clock().today()).await;
                trace::mark("shell: today worked out ahead");
                today
            }));
        }
        state.finish_opening(slot, notices, store.is_some());
        trace::mark("shell: data open");
        state.after_first_screen().await;
        tokio::time::sleep(SETTLE).await;
        trace::mark("shell: after the first screen");
        if let Some(store) = store {
            daily_backup(&state, &store, &dir).await;
        }
        reminders::start_checking(&app);
    });
}

/// The day's backup (if due), left for after the first screen. Damage found by its check puts
/// the recovery screen in place of the data; an error (the damaged file could not be set aside,
/// the store is closed) leaves the data unavailable with it, as it would at start-up.
async fn daily_backup(state: &AppState, store: &trellis_core::Store, dir: &DataDir) {
    let (slot, notices) = match opening::daily_backup_after_opening(store).await {
        Ok(after) => (after.damage.map(Slot::Damaged), after.notices),
        Err(e) => (Some(Slot::Unavailable(e)), Vec::new()),
    };
    if let Some(slot) = slot {
        log_outcome(&slot, dir);
        state.replace(slot);
    }
    state.daily_backup_done(notices);
}

/// Opens the data directory for the first screen (checked and upgraded: see
/// `trellis_core::opening`) and, for the demo, fills an empty one with the example team.
async fn open_store(dir: &DataDir, demo: bool) -> trellis_core::Result<Opened> {
    let opened =
        opening::open_data_dir_for_first_screen(&dir.path, Arc::new(SystemClock), None).await?;
    if let (true, Opened::Ready { store, .. }) = (demo, &opened) {
        generator::seed_demo_if_empty(store).await?;
    }
    Ok(opened)
}

fn log_outcome(slot: &Slot, dir: &DataDir) {
    match slot {
        Slot::Opening => {}
        Slot::Ready(_) => eprintln!("trellis: data in {}", dir.path.display()),
        Slot::Damaged(damage) => eprintln!("trellis: {}", damage.explanation),
        Slot::Locked => eprintln!(
            "trellis: the data in {} is protected by a passphrase; the window asks for it",
            dir.path.display()
        ),
        Slot::Unavailable(e) => eprintln!("trellis: could not open {}: {e}", dir.path.display()),
    }
}
