//! What the app keeps between commands: the store (or why it could not be opened) and where
//! the data lives. The store can be swapped while the app runs (restoring a backup, importing
//! an archive, recovering from a damaged file), so commands take a clone of it per call.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::Serialize;
use specta::Type;
use trellis_core::clock::{Clock, SystemClock};
use trellis_core::data_dir::{DataDir, DataDirLock, DataDirSource};
use trellis_core::opening::{self, Damage, Opened};
use trellis_core::passphrase::Passphrase;
use trellis_core::{Error, Result, Store};

/// The store, or why there is none.
pub enum Slot {
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

pub struct AppState {
    slot: RwLock<Slot>,
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
}

impl AppState {
    pub fn new(
        slot: Slot,
        notices: Vec<String>,
        data_dir: &DataDir,
        demo: bool,
        lock: Option<DataDirLock>,
    ) -> Self {
        Self {
            slot: RwLock::new(slot),
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
    pub fn is_locked(&self) -> bool {
        matches!(*self.read(), Slot::Locked)
    }

    pub fn info(&self) -> AppInfo {
        let (startup_error, damage, locked, encrypted) = match &*self.read() {
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
        }
    }

    /// The store, or the reason it is not open.
    pub fn store(&self) -> Result<Store> {
        match &*self.read() {
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
