//! The Trellis desktop shell: reads the command line, opens the store from trellis-core,
//! and exposes it to the web UI through typed commands. Logic lives in trellis-core.

#[cfg(test)]
mod allowed;
mod commands;
pub mod launch;
mod navigation;
mod reminders;
#[cfg(unix)]
mod signals;
mod startup;
mod state;
mod tray;

use std::ffi::OsString;
use std::process::ExitCode;

use tauri::Manager;
use trellis_core::data_dir;

use trellis_core::trace;

use crate::launch::{Launch, LaunchOptions, USAGE};
use crate::state::{AppState, Slot};

/// Every command the UI may call; also the source of `ui/src/bindings.ts`.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::{
        advocates, app, calendar, cycles, data, encryption, evidence, export, ladder, links,
        mandates, mentorship, one_on_ones, people, prep, radar, records, reminders, roster,
    };
    tauri_specta::Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            app::app_info,
            roster::list_reports,
            roster::get_report,
            roster::create_report,
            roster::update_report,
            roster::archive_report,
            roster::restore_report,
            ladder::list_ladder,
            ladder::list_ladder_changes,
            ladder::add_level,
            ladder::rename_level,
            ladder::move_level,
            ladder::remove_level,
            people::list_people,
            people::create_person,
            people::update_person,
            mandates::list_mandates,
            mandates::set_mandate,
            mandates::update_mandate,
            mandates::close_mandate,
            mandates::review_mandate,
            evidence::list_evidence,
            evidence::get_evidence,
            evidence::create_evidence,
            evidence::update_evidence,
            evidence::add_visibility,
            evidence::update_visibility,
            evidence::visibility_gaps,
            advocates::list_advocates,
            advocates::create_advocate,
            advocates::update_advocate,
            mentorship::list_mentorships,
            mentorship::create_mentorship,
            mentorship::update_mentorship,
            mentorship::add_feedback,
            mentorship::update_feedback,
            records::delete_record,
            records::restore_record,
            records::search,
            records::report_timeline,
            cycles::list_cycles,
            cycles::get_cycle,
            cycles::create_cycle,
            cycles::update_cycle,
            cycles::list_candidates,
            cycles::list_candidacies,
            cycles::get_candidate,
            cycles::add_candidate,
            cycles::set_readiness,
            cycles::save_packet,
            cycles::draft_packet,
            cycles::list_packet_versions,
            cycles::packet_diff,
            cycles::list_reviews,
            cycles::add_review,
            cycles::update_review,
            cycles::set_rule_check,
            radar::report_radar,
            radar::cycle_dashboard,
            radar::acknowledge_signal,
            radar::undo_signal_ack,
            radar::list_signal_acks,
            radar::get_thresholds,
            radar::set_thresholds,
            radar::list_rules,
            radar::create_rule,
            radar::update_rule,
            radar::list_manager_changes,
            radar::add_manager_change,
            radar::update_manager_change,
            one_on_ones::list_one_on_ones,
            calendar::open_calendar_file,
            calendar::preview_calendar,
            calendar::import_calendar,
            one_on_ones::create_meeting,
            one_on_ones::update_meeting,
            one_on_ones::add_note,
            one_on_ones::update_note,
            one_on_ones::add_agenda_item,
            one_on_ones::update_agenda_item,
            one_on_ones::set_agenda_status,
            one_on_ones::add_action_item,
            one_on_ones::update_action_item,
            one_on_ones::evidence_from_one_on_one,
            one_on_ones::feedback_from_one_on_one,
            one_on_ones::list_one_on_one_origins,
            prep::get_prep,
            prep::get_today,
            prep::get_roster_glance,
            prep::list_questions,
            prep::create_question,
            prep::update_question,
            prep::list_question_triggers,
            export::preview_calibration_notes,
            export::export_calibration_notes,
            links::open_external_link,
            data::list_backups,
            data::restore_backup,
            data::export_archive,
            data::import_archive,
            data::restore_after_damage,
            data::start_empty_after_damage,
            encryption::unlock,
            encryption::set_aside_unreadable,
            encryption::protect_with_passphrase,
            encryption::change_passphrase,
            encryption::remove_passphrase,
            reminders::get_reminder_preferences,
            reminders::set_reminder_settings,
            reminders::set_start_at_login,
        ])
}

/// WebKitGTK's accelerated compositing keeps a backing store for every layer of a page; the
/// app's screens are documents (no 3D, no video), and without it the web process holds about a
/// third less after a tour of every screen on a five-year history (BENCHMARKS.md, "Whole app on
/// five years"). A value the user set is kept.
const COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The value to give [`COMPOSITING`] when the environment has `current`.
fn compositing_setting(current: Option<OsString>) -> Option<&'static str> {
    match current {
        Some(_) => None,
        None if cfg!(target_os = "linux") => Some("1"),
        None => None,
    }
}

/// Runs the app with the given command-line arguments (without the program name).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    trace::mark("process: main");
    // Before anything is written (the data, the web view's storage): the owner's only.
    trellis_core::files::private_by_default();
    // Before GTK and WebKit start (and before any other thread exists).
    if let Some(value) = compositing_setting(std::env::var_os(COMPOSITING)) {
        std::env::set_var(COMPOSITING, value);
    }
    let (launch, unknown) = match launch::parse(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("trellis: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    for arg in unknown {
        eprintln!(
            "trellis: ignoring unknown argument {}",
            arg.to_string_lossy()
        );
    }
    match launch {
        Launch::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Launch::Version => {
            println!("trellis {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Launch::Run(options) => start(options),
    }
}

fn start(options: LaunchOptions) -> ExitCode {
    let bindings = specta_builder();
    let invoke = bindings.invoke_handler();
    trace::mark("shell: commands listed");
    let app = tauri::Builder::default()
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .manage(tray::InTray::default())
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                tray::on_close_requested(window, api);
            }
        })
        .invoke_handler(move |call| {
            if trace::enabled() {
                trace::mark(&format!("ipc: {} asked", call.message.command()));
            }
            invoke(call)
        })
        .on_page_load(|_, load| {
            trace::mark(match load.event() {
                tauri::webview::PageLoadEvent::Started => "webview: page load started",
                tauri::webview::PageLoadEvent::Finished => "webview: page load finished",
            })
        })
        .setup(move |app| {
            trace::mark("shell: setup");
            let dir = data_dir::resolve(
                options.data_dir.clone(),
                std::env::var_os(data_dir::ENV_VAR),
                options.demo,
                app.path().app_data_dir()?,
            );
            // One app per data folder: a second one is told so and touches nothing.
            match data_dir::lock(&dir.path) {
                Ok(lock) => {
                    app.manage(AppState::new(
                        Slot::Opening,
                        Vec::new(),
                        &dir,
                        options.demo,
                        Some(lock),
                    ));
                    startup::open_in_background(app.handle(), dir, options.demo);
                }
                Err(e) => {
                    eprintln!("trellis: could not open {}: {e}", dir.path.display());
                    app.manage(AppState::new(
                        Slot::Unavailable(e),
                        Vec::new(),
                        &dir,
                        options.demo,
                        None,
                    ));
                }
            }
            reminders::start(app.handle());
            #[cfg(unix)]
            signals::exit_cleanly_on_request(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(|handle, event| match event {
                tauri::RunEvent::Ready => trace::mark("shell: event loop ready"),
                tauri::RunEvent::Exit => shut_down(handle),
                _ => {}
            });
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("trellis: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A clean shutdown: closes the store (checkpointing the WAL), so the next start knows the
/// last session ended well.
fn shut_down(handle: &tauri::AppHandle) {
    if let Some(state) = handle.try_state::<AppState>() {
        tauri::async_runtime::block_on(async {
            // Quitting while the data is still being opened: it is closed once open.
            state.wait_until_opened().await;
            if let Slot::Ready(store) =
                state.replace(Slot::Unavailable(trellis_core::Error::Storage {
                    message: "Trellis is shutting down.".to_owned(),
                }))
            {
                store.close().await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `ui/src/bindings.ts` is generated from the commands; the test command regenerates it
    /// and fails if the committed file differs.
    #[test]
    fn export_bindings() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let typescript = specta_typescript::Typescript::default()
            .header("// Generated by tauri-specta from src-tauri (cargo test export_bindings). Do not edit.\n// @ts-nocheck");
        super::specta_builder()
            .export(typescript, &path)
            .unwrap_or_else(|e| panic!("exporting bindings to {}: {e}", path.display()));
    }

    /// The window may call exactly the registered commands: src/allowed.rs (which build.rs
    /// turns into permissions) names each command in ui/src/bindings.ts once, and the
    /// capability grants exactly those permissions — no core, fs, shell or other plugin ones.
    #[test]
    fn the_window_may_call_exactly_the_registered_commands() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bindings = std::fs::read_to_string(root.join("../ui/src/bindings.ts"))
            .unwrap_or_else(|e| panic!("bindings: {e}"));
        // Every invoked name: `__TAURI_INVOKE<…>("name"` or `__TAURI_INVOKE("name"`.
        let mut registered: Vec<&str> = bindings
            .split("__TAURI_INVOKE")
            .skip(1)
            .filter_map(|rest| rest.lines().next())
            .filter_map(|line| line.split_once("(\"").map(|(_, name)| name))
            .filter_map(|name| name.split('"').next())
            .collect();
        registered.sort_unstable();
        let mut allowed: Vec<&str> = super::allowed::COMMANDS.to_vec();
        allowed.sort_unstable();
        assert_eq!(
            allowed, registered,
            "src/allowed.rs and the registered commands differ"
        );

        let capability: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("capabilities/default.json"))
                .unwrap_or_else(|e| panic!("capability: {e}")),
        )
        .unwrap_or_else(|e| panic!("capability: {e}"));
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap_or_else(|| panic!("no permissions array"))
            .iter()
            .map(|p| p.as_str().unwrap_or_default().to_owned())
            .collect();
        granted.sort();
        let mut expected: Vec<String> = super::allowed::COMMANDS
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        expected.sort();
        assert_eq!(
            granted, expected,
            "the capability must grant exactly the app's commands"
        );
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }

    /// WebKit's compositing is turned off on Linux unless the user chose otherwise.
    #[test]
    fn compositing_is_off_unless_the_user_set_it() {
        let expected = if cfg!(target_os = "linux") {
            Some("1")
        } else {
            None
        };
        assert_eq!(super::compositing_setting(None), expected);
        assert_eq!(super::compositing_setting(Some("0".into())), None);
    }

    /// The app is built with the repository's root tauri.conf.json (src-tauri links to it).
    #[test]
    fn the_root_tauri_conf_is_the_one_built_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tauri.conf.json");
        let text = std::fs::read_to_string(&root).unwrap_or_else(|e| panic!("{root:?}: {e}"));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let context: tauri::Context<tauri::Wry> = tauri::generate_context!();
        assert_eq!(json["identifier"], context.config().identifier.as_str());
        // The command-line tools find the same default data directory by this identifier.
        assert_eq!(json["identifier"], trellis_core::data_dir::APP_IDENTIFIER);
        assert_eq!(
            json["productName"],
            context.config().product_name.as_deref().unwrap_or("")
        );
        let link = Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json");
        assert_eq!(
            std::fs::read_link(&link).ok().as_deref(),
            Some(Path::new("../tauri.conf.json")),
            "src-tauri/tauri.conf.json must stay a link to the root config"
        );
    }
}
