//! Running in the tray (an option, off by default): closing the window then hides it, and
//! Trellis keeps reminding; the tray icon's menu opens the window again, opens the prep of the
//! latest 1:1 reminder, or quits.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, CloseRequestApi, Manager, Window};

use crate::reminders::{self, Raised};

const TRAY: &str = "trellis";
const OPEN: &str = "open";
const PREP: &str = "prep";
const QUIT: &str = "quit";

/// Whether closing the window keeps Trellis running in the tray.
#[derive(Default)]
pub struct InTray {
    /// The manager's setting, as last applied.
    wanted: AtomicBool,
    /// The icon is shown: closing the window hides it.
    on: AtomicBool,
    /// Why the tray could not be shown, if it could not.
    problem: std::sync::Mutex<Option<String>>,
}

impl InTray {
    pub fn problem(&self) -> Option<String> {
        self.problem.lock().ok().and_then(|p| p.clone())
    }
}

/// Shows or removes the tray icon to match the manager's setting.
pub fn apply(app: &AppHandle, on: bool) {
    let Some(state) = app.try_state::<InTray>() else {
        return;
    };
    let was = state.wanted.swap(on, Ordering::SeqCst);
    let failed = state.problem().is_some();
    if should_build(was, on, failed, app.tray_by_id(TRAY).is_some()) {
        let problem = build(app).err();
        if let Some(problem) = &problem {
            eprintln!("trellis: {problem}");
        }
        // Without an icon to come back through, closing the window must quit.
        state.on.store(problem.is_none(), Ordering::SeqCst);
        if let Ok(mut slot) = state.problem.lock() {
            *slot = problem;
        }
    } else if !on && was {
        let _ = app.remove_tray_by_id(TRAY);
        state.on.store(false, Ordering::SeqCst);
        if let Ok(mut slot) = state.problem.lock() {
            *slot = None;
        }
    }
}

/// Whether to build the tray icon: when the setting is switched on, or when the icon has gone
/// while it is on. An icon that could not be built is tried again only when the setting is
/// switched off and on (not at every check, each a line in the log).
fn should_build(was: bool, on: bool, failed: bool, shown: bool) -> bool {
    on && (!was || (!failed && !shown))
}

fn build(app: &AppHandle) -> Result<TrayIcon, String> {
    let menu = menu(app).map_err(|e| format!("The tray menu could not be made: {e}"))?;
    let handle = app.clone();
    // The tray needs the desktop's indicator library (libayatana-appindicator3); where it is
    // missing the library panics instead of failing, which must not end the app.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut builder = TrayIconBuilder::with_id(TRAY)
            .tooltip("Trellis: reminders on")
            .menu(&menu)
            .show_menu_on_left_click(false)
            .on_menu_event(|app, event| match event.id().as_ref() {
                OPEN => show_window(app),
                PREP => {
                    if let Some((_, target)) =
                        app.try_state::<Raised>().and_then(|r| r.latest_prep())
                    {
                        reminders::open(app, &target);
                    }
                }
                QUIT => app.exit(0),
                _ => {}
            })
            .on_tray_icon_event(|tray, event| {
                if let TrayIconEvent::Click {
                    button: MouseButton::Left,
                    button_state: MouseButtonState::Up,
                    ..
                } = event
                {
                    show_window(tray.app_handle());
                }
            });
        if let Some(icon) = handle.default_window_icon() {
            builder = builder.icon(icon.clone());
        }
        builder.build(&handle)
    }))
    .map_err(|_| {
        "The tray icon is not available on this desktop (the indicator library is missing), so \
         closing the window quits Trellis."
            .to_owned()
    })?
    .map_err(|e| format!("The tray icon could not be shown: {e}"))
}

fn menu(app: &AppHandle) -> tauri::Result<Menu<tauri::Wry>> {
    let menu = Menu::new(app)?;
    menu.append(&MenuItem::with_id(
        app,
        OPEN,
        "Open Trellis",
        true,
        None::<&str>,
    )?)?;
    if let Some((title, _)) = app.try_state::<Raised>().and_then(|r| r.latest_prep()) {
        let label = format!("Open prep: {title}");
        menu.append(&MenuItem::with_id(app, PREP, label, true, None::<&str>)?)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&MenuItem::with_id(
        app,
        QUIT,
        "Quit Trellis",
        true,
        None::<&str>,
    )?)?;
    Ok(menu)
}

/// Rebuilds the tray menu (a new 1:1 reminder adds its prep).
pub fn refresh(app: &AppHandle) {
    if let Some(tray) = app.tray_by_id(TRAY) {
        if let Ok(menu) = menu(app) {
            let _ = tray.set_menu(Some(menu));
        }
    }
}

/// Brings the window back: shown, not minimised, focused.
pub fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Closing the window while Trellis runs in the tray hides it instead.
pub fn on_close_requested(window: &Window, api: &CloseRequestApi) {
    let in_tray = window
        .app_handle()
        .try_state::<InTray>()
        .is_some_and(|s| s.on.load(Ordering::SeqCst));
    if in_tray {
        api.prevent_close();
        let _ = window.hide();
    }
}

#[cfg(test)]
mod tests {
    use super::should_build;

    #[test]
    fn built_when_switched_on_rebuilt_if_gone_and_a_failure_not_retried_at_every_check() {
        // Switched on: built.
        assert!(should_build(false, true, false, false));
        // On, and still shown: nothing to do.
        assert!(!should_build(true, true, false, true));
        // On, and the icon went away: built again.
        assert!(should_build(true, true, false, false));
        // On, and it could not be built: not tried again at the next check...
        assert!(!should_build(true, true, true, false));
        // ...but when switched off and on again.
        assert!(should_build(false, true, true, false));
        // Off: never built.
        assert!(!should_build(false, false, false, false));
        assert!(!should_build(true, false, true, false));
    }
}
