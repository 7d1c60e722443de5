use tauri::State;
use trellis_core::ids::{ActionItemId, AgendaItemId, MeetingId, MentorshipId, NoteId, ReportId};
use trellis_core::model::{
    ActionItemDraft, AgendaItemDraft, AgendaStatus, Evidence, EvidenceDraft, FeedbackDraft,
    MeetingDraft, Mentorship, NoteDraft, OneOnOnes, SourceRef,
};
use trellis_core::store::OriginLink;
use trellis_core::Result;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_one_on_ones(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<OneOnOnes> {
    state.store().await?.one_on_ones(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_meeting(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: MeetingDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .create_meeting(&report_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    state: State<'_, AppState>,
    id: MeetingId,
    expected_version: i32,
    draft: MeetingDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .update_meeting(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_note(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    draft: NoteDraft,
) -> Result<OneOnOnes> {
    state.store().await?.add_note(&meeting_id, &draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_note(
    state: State<'_, AppState>,
    id: NoteId,
    expected_version: i32,
    draft: NoteDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .update_note(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_agenda_item(
    state: State<'_, AppState>,
    report_id: ReportId,
    meeting_id: Option<MeetingId>,
    draft: AgendaItemDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .add_agenda_item(&report_id, meeting_id.as_ref(), &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_agenda_item(
    state: State<'_, AppState>,
    id: AgendaItemId,
    expected_version: i32,
    draft: AgendaItemDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .update_agenda_item(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_agenda_status(
    state: State<'_, AppState>,
    id: AgendaItemId,
    expected_version: i32,
    status: AgendaStatus,
    meeting_id: Option<MeetingId>,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .set_agenda_status(&id, expected_version, status, meeting_id.as_ref())
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_action_item(
    state: State<'_, AppState>,
    report_id: ReportId,
    meeting_id: Option<MeetingId>,
    draft: ActionItemDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .add_action_item(&report_id, meeting_id.as_ref(), &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_action_item(
    state: State<'_, AppState>,
    id: ActionItemId,
    expected_version: i32,
    draft: ActionItemDraft,
) -> Result<OneOnOnes> {
    state
        .store()
        .await?
        .update_action_item(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn evidence_from_one_on_one(
    state: State<'_, AppState>,
    source: SourceRef,
    draft: EvidenceDraft,
) -> Result<Evidence> {
    state.store().await?.evidence_from(&source, &draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn feedback_from_one_on_one(
    state: State<'_, AppState>,
    source: SourceRef,
    mentorship_id: MentorshipId,
    draft: FeedbackDraft,
) -> Result<Mentorship> {
    state
        .store()
        .await?
        .feedback_from(&source, &mentorship_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_one_on_one_origins(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<OriginLink>> {
    state.store().await?.one_on_one_origins(&report_id).await
}
