//! Protecting the data with a passphrase: unlocking it at start-up, and turning protection on,
//! changing the passphrase or turning it off. The core does the work (`trellis_core::
//! encryption`, `opening`); these adapt it and swap the open store.

use tauri::State;
use trellis_core::passphrase::Passphrase;
use trellis_core::{encryption, opening, Error, Result, Store};

use crate::state::{AppState, Slot};

/// Unlocks protected data with its passphrase. A wrong one is a validation error on
/// `passphrase` and changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<()> {
    let passphrase = Passphrase::new(passphrase)?;
    let opened =
        opening::open_data_dir_with(state.data_dir(), state.clock(), Some(&passphrase)).await?;
    let (slot, notices) = Slot::from_open(Ok(opened));
    state.set_passphrase(Some(passphrase));
    state.set_notices(notices);
    state.replace(slot);
    Ok(())
}

/// For a manager who never set a passphrase: the file only looks protected because it is
/// damaged. Sets it aside and shows the recovery screen.
#[tauri::command]
#[specta::specta]
pub async fn set_aside_unreadable(state: State<'_, AppState>) -> Result<()> {
    if !state.is_locked().await {
        return Err(Error::conflict(
            "The data is open; only unreadable, locked data can be set aside.",
        ));
    }
    let damage = opening::set_aside_unreadable(state.data_dir(), state.clock().as_ref()).await?;
    state.replace(Slot::Damaged(damage));
    Ok(())
}

/// Protects the open data (and every backup) with a new passphrase.
#[tauri::command]
#[specta::specta]
pub async fn protect_with_passphrase(state: State<'_, AppState>, passphrase: String) -> Result<()> {
    let passphrase = Passphrase::new(passphrase)?;
    let store = state.store().await?;
    let result = encryption::enable(store.clone(), &passphrase).await;
    settle(&state, &store, result, Some(passphrase)).await
}

/// Changes the passphrase of the data and every backup.
#[tauri::command]
#[specta::specta]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> Result<()> {
    let current = Passphrase::new(current).map_err(|_| wrong_current())?;
    let passphrase = Passphrase::new(passphrase)?;
    let store = state.store().await?;
    let result = encryption::change(store.clone(), &current, &passphrase).await;
    settle(&state, &store, result, Some(passphrase)).await
}

/// Turns protection off: the data and every backup are stored unencrypted again.
#[tauri::command]
#[specta::specta]
pub async fn remove_passphrase(state: State<'_, AppState>, current: String) -> Result<()> {
    let current = Passphrase::new(current).map_err(|_| wrong_current())?;
    let store = state.store().await?;
    let result = encryption::disable(store.clone(), &current).await;
    settle(&state, &store, result, None).await
}

fn wrong_current() -> Error {
    Error::invalid(
        "currentPassphrase",
        "Type the current passphrase to change or remove it.",
    )
}

/// Puts the converted store in place; after a failure that closed the old one, opens the
/// data again as at start-up (with whichever passphrase it is under now).
async fn settle(
    state: &AppState,
    old: &Store,
    result: Result<Store>,
    passphrase: Option<Passphrase>,
) -> Result<()> {
    match result {
        Ok(store) => {
            state.set_passphrase(passphrase);
            state.replace(Slot::Ready(store));
            Ok(())
        }
        Err(e) => {
            if old.pool().is_closed() {
                state.reopen().await;
            }
            Err(e)
        }
    }
}
