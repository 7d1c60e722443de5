use tauri::State;
use trellis_core::ids::{QuestionId, ReportId};
use trellis_core::model::{Prep, Question, QuestionDraft, QuestionTrigger, ReportGlance, Today};
use trellis_core::Result;

use crate::state::AppState;

/// What needs the manager today, across every active report (opening it records the visit).
/// The first time, it is usually worked out already (while the window started).
#[tauri::command]
#[specta::specta]
pub async fn get_today(state: State<'_, AppState>) -> Result<Today> {
    let store = state.store().await?;
    let ahead = state.take_today_ahead().await;
    let today = store.today_with(store.clock().today(), ahead).await;
    state.first_screen_shown();
    today
}

/// Every active report at a glance today (the roster's columns); records no visit.
#[tauri::command]
#[specta::specta]
pub async fn get_roster_glance(state: State<'_, AppState>) -> Result<Vec<ReportGlance>> {
    let store = state.store().await?;
    store.roster_glance(store.clock().today()).await
}

/// The 1:1 prep for a report, as of today.
#[tauri::command]
#[specta::specta]
pub async fn get_prep(state: State<'_, AppState>, report_id: ReportId) -> Result<Prep> {
    let store = state.store().await?;
    store.prep(&report_id, store.clock().today()).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_questions(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<Question>> {
    state.store().await?.questions(include_retired).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_question(state: State<'_, AppState>, draft: QuestionDraft) -> Result<Question> {
    state.store().await?.create_question(&draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_question(
    state: State<'_, AppState>,
    id: QuestionId,
    expected_version: i32,
    draft: QuestionDraft,
) -> Result<Question> {
    state
        .store()
        .await?
        .update_question(&id, expected_version, &draft)
        .await
}

/// Every trigger a question can have, with words for it.
#[tauri::command]
#[specta::specta]
pub fn list_question_triggers() -> Vec<QuestionTrigger> {
    trellis_core::model::question::triggers()
}
