use tauri::State;
use trellis_core::ids::{FeedbackId, MentorshipId, ReportId};
use trellis_core::model::{FeedbackDraft, Mentorship, MentorshipDraft};
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_mentorships(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<Mentorship>> {
    state.store().await?.mentorships(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_mentorship(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: MentorshipDraft,
) -> Result<Mentorship> {
    state
        .store()
        .await?
        .create_mentorship(&report_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_mentorship(
    state: State<'_, AppState>,
    id: MentorshipId,
    expected_version: i32,
    draft: MentorshipDraft,
) -> Result<Mentorship> {
    state
        .store()
        .await?
        .update_mentorship(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_feedback(
    state: State<'_, AppState>,
    mentorship_id: MentorshipId,
    draft: FeedbackDraft,
) -> Result<Mentorship> {
    state
        .store()
        .await?
        .add_feedback(&mentorship_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_feedback(
    state: State<'_, AppState>,
    id: FeedbackId,
    expected_version: i32,
    draft: FeedbackDraft,
) -> Result<Mentorship> {
    state
        .store()
        .await?
        .update_feedback(&id, expected_version, &draft)
        .await
}
