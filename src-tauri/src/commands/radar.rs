use tauri::State;
use trellis_core::ids::{AckId, CycleId, ManagerChangeId, ReportId, RuleId};
use trellis_core::model::{
    AckDraft, CycleDashboard, ManagerChange, ManagerChangeDraft, ReportRadar, RuleDraft,
    RuleOfThumb, SignalAck, Thresholds,
};
use trellis_core::validate::Checks;
use trellis_core::Result;

use crate::state::AppState;

/// `YYYY-MM-DD`, or empty for today.
fn as_of(state: &AppState, text: &str) -> Result<chrono::NaiveDate> {
    if text.trim().is_empty() {
        return Ok(state.clock().today());
    }
    let mut c = Checks::new();
    let date = c.date("asOf", "As of", text, None);
    c.finish()?;
    trellis_core::validate::present(date)
}

#[tauri::command]
#[specta::specta]
pub async fn report_radar(
    state: State<'_, AppState>,
    report_id: ReportId,
    as_of_date: String,
) -> Result<ReportRadar> {
    let day = as_of(&state, &as_of_date)?;
    state.store().await?.report_radar(&report_id, day).await
}

#[tauri::command]
#[specta::specta]
pub async fn cycle_dashboard(
    state: State<'_, AppState>,
    cycle_id: CycleId,
    as_of_date: String,
) -> Result<CycleDashboard> {
    let day = as_of(&state, &as_of_date)?;
    state.store().await?.cycle_dashboard(&cycle_id, day).await
}

#[tauri::command]
#[specta::specta]
pub async fn acknowledge_signal(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: AckDraft,
) -> Result<SignalAck> {
    state
        .store()
        .await?
        .acknowledge_signal(&report_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn undo_signal_ack(
    state: State<'_, AppState>,
    report_id: ReportId,
    id: AckId,
) -> Result<()> {
    state.store().await?.undo_signal_ack(&report_id, &id).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_signal_acks(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<SignalAck>> {
    state.store().await?.signal_acks(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_thresholds(state: State<'_, AppState>) -> Result<Thresholds> {
    state.store().await?.thresholds().await
}

#[tauri::command]
#[specta::specta]
pub async fn set_thresholds(
    state: State<'_, AppState>,
    thresholds: Thresholds,
) -> Result<Thresholds> {
    state.store().await?.set_thresholds(&thresholds).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_rules(state: State<'_, AppState>) -> Result<Vec<RuleOfThumb>> {
    state.store().await?.rules().await
}

#[tauri::command]
#[specta::specta]
pub async fn create_rule(state: State<'_, AppState>, draft: RuleDraft) -> Result<RuleOfThumb> {
    state.store().await?.create_rule(&draft).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_rule(
    state: State<'_, AppState>,
    id: RuleId,
    expected_version: i32,
    draft: RuleDraft,
) -> Result<RuleOfThumb> {
    state
        .store()
        .await?
        .update_rule(&id, expected_version, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_manager_changes(
    state: State<'_, AppState>,
    report_id: ReportId,
) -> Result<Vec<ManagerChange>> {
    state.store().await?.manager_changes(&report_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_manager_change(
    state: State<'_, AppState>,
    report_id: ReportId,
    draft: ManagerChangeDraft,
) -> Result<ManagerChange> {
    state
        .store()
        .await?
        .add_manager_change(&report_id, &draft)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_manager_change(
    state: State<'_, AppState>,
    id: ManagerChangeId,
    expected_version: i32,
    draft: ManagerChangeDraft,
) -> Result<ManagerChange> {
    state
        .store()
        .await?
        .update_manager_change(&id, expected_version, &draft)
        .await
}
