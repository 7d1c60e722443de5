//! Reminders on the desktop: every minute once the first screen is shown (and right after the
//! settings change) the core says what is due and not raised yet, and each becomes a desktop
//! notification through Tauri's notification plugin. Clicking one, or its "Open prep" / "Open
//! in Trellis" button, brings the window back on the screen it names. Nothing leaves the
//! computer: the notification goes to the desktop's own notification service.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tauri::{AppHandle, Manager};
use tauri_plugin_notification::{Action, ActionPerformed, ActionType, NotificationExt};
use trellis_core::model::{Reminder, ReminderKind, ReminderTarget};

use crate::state::AppState;
use crate::tray;

/// How often what is due is looked at.
const EVERY: Duration = Duration::from_secs(60);
/// The action types: a 1:1's notification opens its prep, the others their screen.
const OPENS_PREP: &str = "trellis.opens_prep";
const OPENS_SCREEN: &str = "trellis.opens_screen";
const OPEN: &str = "open";

/// The screens the notifications raised in this run open, by notification id.
#[derive(Default)]
pub struct Raised {
    next_id: AtomicI32,
    targets: Mutex<HashMap<i32, ReminderTarget>>,
    /// The latest 1:1 reminder's prep, for the tray menu.
    latest_prep: Mutex<Option<(String, ReminderTarget)>>,
}

impl Raised {
    pub fn latest_prep(&self) -> Option<(String, ReminderTarget)> {
        self.latest_prep.lock().ok().and_then(|p| p.clone())
    }
}

/// Registers the notification buttons and their handler; [`start_checking`] starts looking.
pub fn start(app: &AppHandle) {
    app.manage(Raised::default());
    let notification = app.notification();
    let types = vec![
        ActionType::builder(OPENS_PREP)
            .actions(vec![Action::builder(OPEN, "Open prep").build()])
            .build(),
        ActionType::builder(OPENS_SCREEN)
            .actions(vec![Action::builder(OPEN, "Open in Trellis").build()])
            .build(),
    ];
    if let Err(e) = notification.register_action_types(types) {
        eprintln!("trellis: reminders cannot offer their buttons: {e}");
    }
    let handle = app.clone();
    let _ = notification.on_action(move |performed: &ActionPerformed| {
        on_action(&handle, performed);
    });
}

/// Looks at what is due now and then every minute (from the start-up, once the first screen is
/// shown).
pub fn start_checking(app: &AppHandle) {
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            check_now(&handle).await;
            tokio::time::sleep(EVERY).await;
        }
    });
}

/// Raises what is due now and was not raised before.
pub async fn check_now(app: &AppHandle) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    // Locked, damaged or unavailable data reminds of nothing.
    let Ok(store) = state.store().await else {
        return;
    };
    let settings = match store.reminder_settings().await {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("trellis: could not read the reminder settings: {e}");
            return;
        }
    };
    // The tray follows the settings, whichever way they changed (an import, a restore).
    tray::apply(app, settings.keep_running_in_tray);
    let today = state.clock().today();
    match store.take_reminders(today, &settings).await {
        Ok(reminders) => {
            for reminder in reminders {
                raise(app, &reminder);
            }
        }
        Err(e) => eprintln!("trellis: could not work out today's reminders: {e}"),
    }
}

fn raise(app: &AppHandle, reminder: &Reminder) {
    let Some(raised) = app.try_state::<Raised>() else {
        return;
    };
    let id = raised.next_id.fetch_add(1, Ordering::Relaxed) + 1;
    if let Ok(mut targets) = raised.targets.lock() {
        targets.insert(id, reminder.open.clone());
    }
    let action_type = if reminder.kind == ReminderKind::OneOnOne {
        if let Ok(mut latest) = raised.latest_prep.lock() {
            *latest = Some((reminder.title.clone(), reminder.open.clone()));
        }
        tray::refresh(app);
        OPENS_PREP
    } else {
        OPENS_SCREEN
    };
    let shown = app
        .notification()
        .builder()
        .id(id)
        .title(&reminder.title)
        .body(&reminder.body)
        .action_type_id(action_type)
        .show();
    if let Err(e) = shown {
        eprintln!(
            "trellis: could not raise the reminder “{}”: {e}",
            reminder.title
        );
    }
}

fn on_action(app: &AppHandle, performed: &ActionPerformed) {
    if !matches!(performed.action_id(), "tap" | OPEN) {
        return;
    }
    let Some(id) = performed.notification().map(|n| n.id()) else {
        return;
    };
    let target = app
        .try_state::<Raised>()
        .and_then(|r| r.targets.lock().ok().and_then(|t| t.get(&id).cloned()));
    if let Some(target) = target {
        open(app, &target);
    }
}

/// Shows the window (from the tray too) on the screen `target` names.
pub fn open(app: &AppHandle, target: &ReminderTarget) {
    tray::show_window(app);
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let route = route(target);
    // The UI routes by the address's fragment; a JSON string is a safe JavaScript literal.
    let script = format!(
        "window.location.hash = {}",
        serde_json::to_string(&route).unwrap_or_else(|_| "\"#/\"".to_owned())
    );
    if let Err(e) = window.eval(&script) {
        eprintln!("trellis: could not open {route}: {e}");
    }
}

/// The UI's address of a reminder's screen (ui/src/App.tsx).
fn route(target: &ReminderTarget) -> String {
    match target {
        ReminderTarget::Prep { report_id } => format!("#/reports/{report_id}/prep"),
        ReminderTarget::Candidate { candidate_id } => format!("#/candidates/{candidate_id}"),
        ReminderTarget::Mandate { report_id } => format!("#/reports/{report_id}/overview"),
        ReminderTarget::Radar { report_id } => format!("#/reports/{report_id}/radar"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_target_opens_a_route_of_the_ui() {
        let app =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/App.tsx"))
                .unwrap_or_else(|e| panic!("App.tsx: {e}"));
        let report: trellis_core::ids::ReportId = "r1".to_owned().into();
        for (target, pattern) in [
            (
                ReminderTarget::Prep {
                    report_id: report.clone(),
                },
                "/reports/:id/:tab",
            ),
            (
                ReminderTarget::Candidate {
                    candidate_id: "c1".to_owned().into(),
                },
                "/candidates/:id",
            ),
        ] {
            assert!(app.contains(&format!("path=\"{pattern}\"")), "{pattern}");
            assert!(route(&target).starts_with("#/"));
        }
        let tabs = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ui/src/features/roster/reportTabs.ts"
        ))
        .unwrap_or_else(|e| panic!("reportTabs.ts: {e}"));
        for tab in ["prep", "overview", "radar"] {
            assert!(tabs.contains(&format!("value: \"{tab}\"")), "no {tab} tab");
        }
    }
}
