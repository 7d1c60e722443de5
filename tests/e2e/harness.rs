//! Runs the real app in the real webview for a test: a private Xvfb display, tauri-driver in
//! front of WebKitWebDriver, and the app started on a temporary data directory with its
//! XDG folders pointed into it, so tests never touch a real user's data.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::webdriver::Session;

const NATIVE_DRIVER: &str = "/usr/bin/WebKitWebDriver";
/// Where the stand-in `xdg-open` writes each link it was asked to open.
const OPENED: &str = "opened-links.txt";
const SETUP_HINT: &str = "run scripts/test, which installs the end-to-end tools";

/// One app at a time: two WebKit apps on two cores make each other's waits flaky, and
/// serial runs keep display and port choice simple.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub struct Harness {
    // Released after Drop has stopped this harness's Xvfb and tauri-driver.
    _turn: MutexGuard<'static, ()>,
    xvfb: Child,
    display: String,
    driver: Child,
    port: u16,
    home: tempfile::TempDir,
    desktop: Option<Desktop>,
}

/// A desktop of the harness's own: a D-Bus session bus with the dunst notification daemon,
/// and the openbox window manager, on the harness's display, so that a test reads what the app
/// raised as the desktop shows it (and clicks it), closes the window as a user does, and a
/// developer's real desktop never sees a test's notifications.
struct Desktop {
    bus: Child,
    daemon: Child,
    window_manager: Child,
    address: String,
}

/// One notification as the desktop received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub summary: String,
    pub body: String,
}

impl Harness {
    pub fn start() -> Self {
        Self::start_with(false)
    }

    /// A harness whose app raises its notifications on a desktop of the harness's own.
    pub fn with_notifications() -> Self {
        Self::start_with(true)
    }

    fn start_with(notifications: bool) -> Self {
        // A test that panicked while holding the lock poisons it; the next test still runs.
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let home = tempfile::tempdir().expect("temporary home");
        let (xvfb, display) = start_xvfb();
        let port = free_port();
        let native_port = free_port();
        assert!(
            Path::new(NATIVE_DRIVER).exists(),
            "{NATIVE_DRIVER} is missing (Debian package webkit2gtk-driver): {SETUP_HINT}"
        );
        let bin = stand_in_link_opener(home.path());
        let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .expect("PATH");
        let desktop = notifications.then(|| start_desktop(&display, home.path()));
        let mut driver = Command::new(tauri_driver());
        match &desktop {
            Some(d) => driver.env("DBUS_SESSION_BUS_ADDRESS", &d.address),
            None => driver.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let driver = driver
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .args(["--native-driver", NATIVE_DRIVER])
            .env("DISPLAY", &display)
            .env("PATH", path)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env_remove("TRELLIS_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start tauri-driver ({e}): {SETUP_HINT}"));
        // tauri-driver listens at once but starts WebKitWebDriver behind it; a session
        // asked for before that one listens is dropped ("Peer disconnected").
        wait_until("tauri-driver and WebKitWebDriver to listen", || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
                && TcpStream::connect(("127.0.0.1", native_port)).is_ok()
        });
        Self {
            _turn: turn,
            xvfb,
            display,
            driver,
            port,
            home,
            desktop,
        }
    }

    fn dunstctl(&self, args: &[&str]) -> String {
        let desktop = self
            .desktop
            .as_ref()
            .expect("a harness started with_notifications");
        let out = Command::new("dunstctl")
            .args(args)
            .env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &desktop.address)
            .output()
            .unwrap_or_else(|e| panic!("dunstctl {args:?}: {e}"));
        assert!(
            out.status.success(),
            "dunstctl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// How many notifications the desktop shows now (or queues to show).
    pub fn notifications_on_screen(&self) -> usize {
        ["displayed", "waiting"]
            .iter()
            .map(|what| {
                self.dunstctl(&["count", what])
                    .trim()
                    .parse::<usize>()
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Waits until the desktop shows a notification.
    pub fn wait_for_notification(&self) {
        wait_until("a desktop notification", || {
            self.notifications_on_screen() > 0
        });
    }

    /// Clicks the topmost notification on the screen (its default action).
    pub fn click_notification(&self) {
        self.dunstctl(&["action", "0"]);
    }

    /// Closes every notification on the screen and returns all the desktop received, oldest
    /// first.
    pub fn notifications(&self) -> Vec<Shown> {
        self.dunstctl(&["close-all"]);
        let history: serde_json::Value = serde_json::from_str(&self.dunstctl(&["history"]))
            .unwrap_or_else(|e| panic!("dunstctl history: {e}"));
        let field = |n: &serde_json::Value, key: &str| {
            n[key]["data"].as_str().unwrap_or_default().to_owned()
        };
        let mut shown: Vec<Shown> = history["data"][0]
            .as_array()
            .map(|all| {
                all.iter()
                    .map(|n| Shown {
                        summary: field(n, "summary"),
                        body: field(n, "body"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        // The history is newest first.
        shown.reverse();
        shown
    }

    /// The titles of the windows on the screen (as the window manager lists them).
    pub fn windows_on_screen(&self) -> Vec<String> {
        let out = self.wmctrl(&["-l"]);
        // "0x00400003  0 host Title": the title is what follows the host name.
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split_whitespace().skip(3).collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// Closes the window titled `title` as its close button does (the window manager asks it).
    pub fn close_window(&self, title: &str) {
        let out = self.wmctrl(&["-c", title]);
        assert!(out.status.success(), "wmctrl -c {title}");
    }

    /// The window manager's command line, on this harness's display.
    fn wmctrl(&self, args: &[&str]) -> std::process::Output {
        Command::new("wmctrl")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .unwrap_or_else(|e| panic!("wmctrl ({e}): {SETUP_HINT}"))
    }

    /// This harness's home folder (the app's `HOME`).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Starts the app on `data_dir`. `name` labels the screenshot kept if the test fails.
    pub fn launch(&self, data_dir: &Path, name: &str) -> App {
        self.launch_program(Path::new(env!("CARGO_BIN_EXE_trellis")), data_dir, name)
    }

    /// [`Harness::launch`] for the app's program at `program` (for example, the one a package
    /// installed) instead of the one this test was built with.
    pub fn launch_program(&self, program: &Path, data_dir: &Path, name: &str) -> App {
        let args = vec!["--data-dir".to_owned(), data_dir.display().to_string()];
        let program = program
            .to_str()
            .unwrap_or_else(|| panic!("the app's path is not UTF-8: {}", program.display()));
        let session = Session::start(self.port, program, &args)
            .unwrap_or_else(|e| panic!("could not start the app: {e:?}"));
        App {
            session: Some(session),
            name: name.to_owned(),
        }
    }

    /// Answers the app's native save dialog (a real GTK window titled `title` on this
    /// harness's display) with `path`, the way a user types a location and presses Enter.
    pub fn save_as(&self, title: &str, path: &Path) {
        let xdotool = |args: &[&str]| {
            let out = Command::new("xdotool")
                .args(args)
                .env("DISPLAY", &self.display)
                .output()
                .unwrap_or_else(|e| panic!("could not run xdotool ({e}): {SETUP_HINT}"));
            assert!(
                out.status.success(),
                "xdotool {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).trim().to_owned()
        };
        let mut window = String::new();
        wait_until(&format!("the {title:?} dialog"), || {
            let out = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", title])
                .env("DISPLAY", &self.display)
                .output();
            window = out
                .map(|o| {
                    String::from_utf8_lossy(&o.stdout)
                        .lines()
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .unwrap_or_default();
            !window.is_empty()
        });
        // The name field has the focus; replace the suggested name with the whole path. An
        // open dialog needs its location field first (Ctrl+L; a save dialog's name field
        // takes the path as it is). GTK can drop keys while it completes what is typed: if the
        // dialog is still there, the path is typed again.
        let open = !title.starts_with("Save") && !title.starts_with("Export");
        let visible = || {
            Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", title])
                .env("DISPLAY", &self.display)
                .output()
                .map(|o| !String::from_utf8_lossy(&o.stdout).trim().is_empty())
                .unwrap_or(false)
        };
        for _attempt in 0..3 {
            std::thread::sleep(Duration::from_millis(500));
            xdotool(&["windowfocus", "--sync", &window]);
            if open {
                xdotool(&["key", "--window", &window, "ctrl+l"]);
                std::thread::sleep(Duration::from_millis(300));
            }
            xdotool(&["key", "--window", &window, "ctrl+a"]);
            xdotool(&["type", "--delay", "20", &path.display().to_string()]);
            std::thread::sleep(Duration::from_millis(300));
            xdotool(&["key", "Return"]);
            let start = Instant::now();
            while visible() && start.elapsed() < Duration::from_secs(3) {
                std::thread::sleep(Duration::from_millis(100));
            }
            if !visible() {
                return;
            }
        }
    }

    /// The links the app handed to the system's opener (`xdg-open`), in order.
    pub fn opened_links(&self) -> Vec<String> {
        std::fs::read_to_string(self.home.path().join(OPENED))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// A scratch folder that lives as long as the harness.
    pub fn scratch(&self, name: &str) -> PathBuf {
        let dir = self.home.path().join(name);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        // tauri-driver leads its own process group, with the WebKitWebDriver it started (and
        // any app still running): end them all, or each test leaves a WebKitWebDriver behind.
        // (The shell's own kill: no procps needed.)
        let _ = Command::new("sh")
            .args(["-c", &format!("kill -KILL -{}", self.driver.id())])
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(desktop) = &mut self.desktop {
            for child in [
                &mut desktop.window_manager,
                &mut desktop.daemon,
                &mut desktop.bus,
            ] {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
        // Killed, Xvfb cannot remove its lock and socket; without this they pile up and use
        // up the displays.
        if let Some(n) = self.display.strip_prefix(':') {
            let _ = std::fs::remove_file(format!("/tmp/.X{n}-lock"));
            let _ = std::fs::remove_file(format!("/tmp/.X11-unix/X{n}"));
        }
    }
}

/// A running app. Dereferences to its WebDriver session; quits the app when dropped, and
/// keeps a screenshot in target/tmp/e2e/ if the test is failing.
pub struct App {
    session: Option<Session>,
    name: String,
}

impl App {
    pub fn quit(mut self) {
        if let Some(session) = self.session.take() {
            session.quit().expect("quit the app");
        }
    }
}

impl std::ops::Deref for App {
    type Target = Session;
    fn deref(&self) -> &Session {
        self.session.as_ref().expect("the app is running")
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        if std::thread::panicking() {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e");
            if let Ok(png) = session.screenshot() {
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("{}.png", self.name));
                if std::fs::write(&path, png).is_ok() {
                    eprintln!("screenshot of the failing window: {}", path.display());
                }
            }
        }
        let _ = session.quit();
    }
}

fn tauri_driver() -> PathBuf {
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Whether display `n` belongs to a running X server: its lock file names a live process
/// (a lock left by a killed server does not count).
fn display_in_use(n: u32) -> bool {
    let Ok(lock) = std::fs::read_to_string(format!("/tmp/.X{n}-lock")) else {
        return false;
    };
    match lock.trim().parse::<u32>() {
        Ok(pid) => Path::new(&format!("/proc/{pid}")).exists(),
        Err(_) => true,
    }
}

/// Starts Xvfb on the first free display from :90.
fn start_xvfb() -> (Child, String) {
    for n in 90..190 {
        if display_in_use(n) {
            continue;
        }
        let display = format!(":{n}");
        let Ok(mut child) = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        else {
            panic!("could not start Xvfb (Debian package xvfb): {SETUP_HINT}");
        };
        let socket = format!("/tmp/.X11-unix/X{n}");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if Path::new(&socket).exists() {
                return (child, display);
            }
            if let Ok(Some(_)) = child.try_wait() {
                break; // lost a race for this display; try the next one
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    panic!("no free X display between :90 and :189");
}

/// A session bus, the dunst notification daemon and the openbox window manager on `display`
/// (Debian packages dbus-daemon, dunst, openbox).
fn start_desktop(display: &str, home: &Path) -> Desktop {
    use std::io::BufRead;
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start dbus-daemon ({e}): {SETUP_HINT}"));
    let mut address = String::new();
    if let Some(out) = bus.stdout.take() {
        let _ = std::io::BufReader::new(out).read_line(&mut address);
    }
    let address = address.trim().to_owned();
    assert!(!address.is_empty(), "dbus-daemon printed no address");
    // The desktop's programs, on the display and the bus, with the harness's home.
    let start = |program: &str| {
        Command::new(program)
            .env("DISPLAY", display)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {program} ({e}): {SETUP_HINT}"))
    };
    let daemon = start("dunst");
    let window_manager = start("openbox");
    let desktop = Desktop {
        bus,
        daemon,
        window_manager,
        address,
    };
    wait_until("dunst to answer on the session bus", || {
        Command::new("dunstctl")
            .args(["is-paused"])
            .env("DBUS_SESSION_BUS_ADDRESS", &desktop.address)
            .output()
            .is_ok_and(|o| o.status.success())
    });
    desktop
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The system browser is outside the test: in its place, an `xdg-open` first on the app's
/// PATH records each link it is given (the opener the app uses on Linux runs `xdg-open`).
fn stand_in_link_opener(home: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let script = bin.join("xdg-open");
    let log = home.join(OPENED);
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )
    .expect("stand-in xdg-open");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}
