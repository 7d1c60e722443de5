use tauri::State;
use trellis_core::ids::PersonId;
use trellis_core::model::{Person, PersonDraft};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_people(state: State<'_, AppState>) -> Result<Vec<Person>> {
    state.store().await?.people().await
}

#[tauri::command]
#[specta::specta]
pub async fn create_person(state: State<'_, AppState>, draft: PersonDraft) -> Result<Person> {
    state.store().await?.create_person(&draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_person(
    state: State<'_, AppState>,
    id: PersonId,
    expected_version: i32,
    draft: PersonDraft,
) -> Result<Person> {
    state
        .store()
        .await?
        .update_person(&id, expected_version, &draft)
        .await
}
