//! What the app keeps between commands: the store (or why it could not be opened) and where
//! the data lives. The store can be swapped while the app runs (restoring a backup, importing
//! an archive, recovering from a damaged file), so commands take a clone of it per call.
//!
//! At start-up the window opens while the data is being opened ([`Slot::Opening`]): commands
//! wait for it. Today is worked out as soon as the data is open, before the window asks for it
//! ([`AppState::take_today_ahead`]), and the work the first screen does not need (the day's
//! backup, the first reminder check) waits until the first screen is shown
//! ([`AppState::first_screen_shown`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use serde::Serialize;
use specta::Type;
use tauri::async_runtime::JoinHandle;
use tokio::sync::watch;
use trellis_core::clock::{Clock, SystemClock};
use trellis_core::data_dir::{DataDir, DataDirLock, DataDirSource};
use trellis_core::opening::{self, Damage, Opened};
use trellis_core::passphrase::Passphrase;
use trellis_core::store::TodayAhead;
use trellis_core::{Error, Result, Store};

/// The store, or why there is none.
pub enum Slot {
    /// Being opened at start-up: commands wait until it is one of the others.
    Opening,
    /// Open; `notices` are what opening it had to say (checked after an unclean shutdown,
    /// upgraded after a backup, today's backup failed…).
    Ready(Store),
    /// The database was damaged and moved aside: the recovery screen offers a backup.
    Damaged(Damage),
    /// Protected by a passphrase: the unlock screen asks for it.
    Locked,
    /// It could not be opened for another reason (nothing was changed).
    Unavailable(Error),
}

impl Slot {
    /// What opening the data directory gave, as a slot, with its notices.
    pub fn from_open(opened: Result<Opened>) -> (Self, Vec<String>) {
        match opened {
            Ok(Opened::Ready { store, notices }) => (Self::Ready(store), notices),
            Ok(Opened::Damaged(damage)) => (Self::Damaged(damage), Vec::new()),
            Ok(Opened::Locked { .. }) => (Self::Locked, Vec::new()),
            Err(e) => (Self::Unavailable(e), Vec::new()),
        }
    }
}

/// How long the work left for after the first screen waits at most for it to be shown.
const FIRST_SCREEN_AT_MOST: Duration = Duration::from_secs(10);

pub struct AppState {
    slot: RwLock<Slot>,
    /// True once start-up's opening is over (the slot is no longer [`Slot::Opening`]).
    opened: watch::Sender<bool>,
    /// True once the first screen has shown its data.
    first_screen: watch::Sender<bool>,
    /// The day's backup, left for after the first screen, is not made yet.
    daily_backup_pending: AtomicBool,
    /// Today, worked out while the window starts; taken by the first `get_today` (which uses it
    /// only if nothing was written since: see `Store::today_with`).
    today_ahead: Mutex<Option<JoinHandle<Result<TodayAhead>>>>,
    notices: RwLock<Vec<String>>,
    data_dir: PathBuf,
    data_dir_source: DataDirSource,
    demo: bool,
    clock: Arc<dyn Clock>,
    /// This app's hold on the data folder (none when another app has it).
    _lock: Option<DataDirLock>,
    /// The passphrase the data was unlocked with, for recovering it after damage.
    passphrase: RwLock<Option<Passphrase>>,
}

/// Shown in the app so the manager always knows where their data is.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub data_dir_source: DataDirSource,
    pub db_file: String,
    /// True when this is the demo's data: the UI says so on every screen.
    pub demo: bool,
    /// Why the data could not be opened, if it could not; every other command fails too.
    pub startup_error: Option<String>,
    /// The database was found damaged and moved aside: what happened and which backup to offer.
    pub damage: Option<Damage>,
    /// What opening the data had to say, in sentences for the manager.
    pub notices: Vec<String>,
    /// The data is protected by a passphrase and not unlocked yet: the unlock screen shows.
    pub locked: bool,
    /// The open data is protected by a passphrase.
    pub encrypted: bool,
    /// The day's backup is still to be made (after the first screen): its notices may follow,
    /// so the window asks again shortly.
    pub daily_backup_pending: bool,
}

impl AppState {
    pub fn new(
        slot: Slot,
        notices: Vec<String>,
        data_dir: &DataDir,
        demo: bool,
        lock: Option<DataDirLock>,
    ) -> Self {
        let opened = !matches!(slot, Slot::Opening);
        Self {
            slot: RwLock::new(slot),
            opened: watch::Sender::new(opened),
            first_screen: watch::Sender::new(false),
            daily_backup_pending: AtomicBool::new(false),
            today_ahead: Mutex::new(None),
            notices: RwLock::new(notices),
            data_dir: data_dir.path.clone(),
            data_dir_source: data_dir.source,
            demo,
            clock: Arc::new(SystemClock),
            _lock: lock,
            passphrase: RwLock::new(None),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        Arc::clone(&self.clock)
    }

    /// Whether the data waits for its passphrase.
    pub async fn is_locked(&self) -> bool {
        self.wait_until_opened().await;
        matches!(*self.read(), Slot::Locked)
    }

    /// Puts what start-up's opening gave in place: commands waiting for it go on.
    pub fn finish_opening(&self, slot: Slot, notices: Vec<String>, daily_backup_pending: bool) {
        self.set_notices(notices);
        self.daily_backup_pending
            .store(daily_backup_pending, Ordering::SeqCst);
        self.replace(slot);
        self.opened.send_replace(true);
    }

    /// Resolves once start-up's opening is over.
    pub async fn wait_until_opened(&self) {
        let mut opened = self.opened.subscribe();
        // The sender lives as long as `self`: waiting cannot fail while it is borrowed.
        let _ = opened.wait_for(|done| *done).await;
    }

    /// Notes that the first screen has its data on screen.
    pub fn first_screen_shown(&self) {
        self.first_screen.send_replace(true);
    }

    /// Resolves once the first screen is shown (or after [`FIRST_SCREEN_AT_MOST`]).
    pub async fn after_first_screen(&self) {
        let mut shown = self.first_screen.subscribe();
        let _ = tokio::time::timeout(FIRST_SCREEN_AT_MOST, shown.wait_for(|s| *s)).await;
    }

    /// Notes that the day's backup left for after the first screen is done, with what it said.
    pub fn daily_backup_done(&self, notices: Vec<String>) {
        self.notices
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .extend(notices);
        self.daily_backup_pending.store(false, Ordering::SeqCst);
    }

    /// Keeps Today being worked out ahead, for the first `get_today`.
    pub fn set_today_ahead(&self, ahead: JoinHandle<Result<TodayAhead>>) {
        *self.today_ahead.lock().unwrap_or_else(|p| p.into_inner()) = Some(ahead);
    }

    /// Today worked out ahead, if it was (taken once).
    pub async fn take_today_ahead(&self) -> Option<TodayAhead> {
        let ahead = self
            .today_ahead
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()?;
        ahead.await.ok()?.ok()
    }

    pub async fn info(&self) -> AppInfo {
        self.wait_until_opened().await;
        let (startup_error, damage, locked, encrypted) = match &*self.read() {
            Slot::Opening => (None, None, false, false),
            Slot::Ready(store) => (None, None, false, store.is_encrypted()),
            Slot::Damaged(damage) => (None, Some(damage.clone()), false, false),
            Slot::Locked => (None, None, true, true),
            Slot::Unavailable(e) => (Some(e.to_string()), None, false, false),
        };
        let notices = self
            .notices
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            data_dir_source: self.data_dir_source,
            db_file: self
                .data_dir
                .join(trellis_core::store::DB_FILE)
                .display()
                .to_string(),
            demo: self.demo,
            startup_error,
            damage,
            notices,
            locked,
            encrypted,
            daily_backup_pending: self.daily_backup_pending.load(Ordering::SeqCst),
        }
    }

    /// The store, or the reason it is not open (once start-up's opening is over).
    pub async fn store(&self) -> Result<Store> {
        self.wait_until_opened().await;
        match &*self.read() {
            Slot::Opening => Err(Error::Storage {
                message: "Trellis is still opening your data.".to_owned(),
            }),
            Slot::Ready(store) => Ok(store.clone()),
            Slot::Damaged(damage) => Err(Error::Storage {
                message: damage.explanation.clone(),
            }),
            Slot::Locked => Err(Error::Storage {
                message: "The data is protected by a passphrase; unlock it first.".to_owned(),
            }),
            Slot::Unavailable(e) => Err(Error::Storage {
                message: e.to_string(),
            }),
        }
    }

    /// The passphrase the data was last unlocked with, if any.
    pub fn passphrase(&self) -> Option<Passphrase> {
        self.passphrase
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Remembers (or forgets) the passphrase the data is protected with.
    pub fn set_passphrase(&self, passphrase: Option<Passphrase>) {
        *self.passphrase.write().unwrap_or_else(|p| p.into_inner()) = passphrase;
    }

    /// Opens the data directory again, exactly as at start-up, and puts the result in place.
    pub async fn reopen(&self) {
        let passphrase = self.passphrase();
        let (slot, notices) = Slot::from_open(
            opening::open_data_dir_with(&self.data_dir, self.clock(), passphrase.as_ref()).await,
        );
        self.set_notices(notices);
        self.replace(slot);
    }

    /// Replaces what opening the data had to say (a restore or recovery says it afresh).
    pub fn set_notices(&self, notices: Vec<String>) {
        *self.notices.write().unwrap_or_else(|p| p.into_inner()) = notices;
    }

    /// Puts a new store (or reason) in place and returns what was there.
    pub fn replace(&self, slot: Slot) -> Slot {
        let mut guard = self.slot.write().unwrap_or_else(|p| p.into_inner());
        std::mem::replace(&mut *guard, slot)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Slot> {
        // A panic while holding the lock cannot leave a half-written slot: replace swaps whole.
        self.slot.read().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use trellis_core::data_dir::{DataDir, DataDirSource};
    use trellis_core::Error;

    use super::{AppState, Slot};

    fn opening() -> AppState {
        let dir = DataDir {
            path: std::env::temp_dir().join("trellis-state-test"),
            source: DataDirSource::Flag,
        };
        AppState::new(Slot::Opening, Vec::new(), &dir, false, None)
    }

    /// A command asked while the data is being opened waits for the outcome, then gets it.
    #[tokio::test]
    async fn commands_wait_for_the_data_being_opened() {
        let state = std::sync::Arc::new(opening());
        let waiting = tokio::spawn({
            let state = state.clone();
            async move { state.store().await.err().map(|e| e.to_string()) }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "answered before the data was open");
        state.finish_opening(
            Slot::Unavailable(Error::Storage {
                message: "the disk is gone".to_owned(),
            }),
            vec!["a notice".to_owned()],
            false,
        );
        let answer = waiting.await.unwrap_or_default();
        assert!(answer.is_some_and(|e| e.contains("the disk is gone")));
        let info = state.info().await;
        assert_eq!(info.notices, ["a notice"]);
        assert!(!info.daily_backup_pending);
    }

    /// The work left for after the first screen waits for it.
    #[tokio::test]
    async fn after_the_first_screen_waits_until_it_is_shown() {
        let state = std::sync::Arc::new(opening());
        let after = tokio::spawn({
            let state = state.clone();
            async move { state.after_first_screen().await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!after.is_finished());
        state.first_screen_shown();
        let went_on = tokio::time::timeout(Duration::from_secs(5), after).await;
        assert!(
            went_on.is_ok_and(|r| r.is_ok()),
            "still waiting after the first screen was shown"
        );
    }
}
