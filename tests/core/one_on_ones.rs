//! 1:1s through the store: meetings (one a day, moved, deleted and restored), notes (private
//! or shared), the agenda that carries over from one 1:1 to the next until it is done or
//! dropped, action items, every validation rule naming its field with nothing written, and
//! turning 1:1 content into evidence or mentee feedback with a link back.

use trellis_core::ids::{ActionItemId, AgendaItemId, MeetingId, NoteId};
use trellis_core::model::{
    ActionItemDraft, ActionOwner, AgendaEntry, AgendaItem, AgendaItemDraft, AgendaOutcome,
    AgendaStatus, DerivedLink, EvidenceDraft, FeedbackDraft, NoteDraft, OneOnOneOrigin, OneOnOnes,
    RecordKind, Relationship, Sentiment, SourceKind, SourceRef,
};
use trellis_core::validate::MAX_TEXT;

use crate::cycle_support::*;
use crate::support::*;

const M1: &str = "2026-10-06";
const M2: &str = "2026-10-20";
const M3: &str = "2026-11-03";
/// Planned: after the clock's day ([`END`], 2026-11-24).
const M4: &str = "2026-12-01";

/// The agenda entry of `item` in the 1:1 on `day`, if the item was on it.
fn entry<'a>(ones: &'a OneOnOnes, day: &str, item: &AgendaItemId) -> Option<&'a AgendaEntry> {
    meeting_on(ones, day)
        .agenda
        .iter()
        .find(|e| &e.item.id == item)
}

/// (carried, outcome) of `item` in each 1:1 it is on, oldest 1:1 first.
fn history(ones: &OneOnOnes, item: &AgendaItemId) -> Vec<(String, i32, AgendaOutcome)> {
    let mut out: Vec<_> = ones
        .meetings
        .iter()
        .filter_map(|m| {
            m.agenda
                .iter()
                .find(|e| &e.item.id == item)
                .map(|e| (ymd(m.held_on), e.carried, e.outcome))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn item_in(ones: &OneOnOnes, id: &AgendaItemId) -> AgendaItem {
    ones.meetings
        .iter()
        .flat_map(|m| &m.agenda)
        .map(|e| &e.item)
        .chain(&ones.open_agenda)
        .find(|i| &i.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("agenda item {id:?} is on no 1:1 and not open"))
}

/// The id of the only agenda item whose text is `text`.
fn agenda_id(ones: &OneOnOnes, text: &str) -> AgendaItemId {
    let mut ids: Vec<AgendaItemId> = ones
        .meetings
        .iter()
        .flat_map(|m| &m.agenda)
        .map(|e| &e.item)
        .chain(&ones.open_agenda)
        .filter(|i| i.text == text)
        .map(|i| i.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 1, "agenda items called {text:?}: {ids:?}");
    ids.remove(0)
}

fn h(day: &str, carried: i32, outcome: AgendaOutcome) -> (String, i32, AgendaOutcome) {
    (day.to_owned(), carried, outcome)
}

/// Ada, with a 1:1 on [`M1`] that raised "Staff project scope", recorded on that day.
async fn ada_with_item() -> (
    TestStore,
    std::sync::Arc<DayClock>,
    trellis_core::model::Report,
) {
    let (ts, clock) = store_on(M1).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m1 = hold_meeting(&ts, &ada.id, M1).await;
    ts.add_agenda_item(&ada.id, Some(&m1.id), &agenda_draft("Staff project scope"))
        .await
        .unwrap();
    (ts, clock, ada)
}

// ---------------------------------------------------------------------------------------------
// The agenda carries over.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_open_item_is_carried_into_every_later_one_on_one_until_marked_done_there() {
    let (ts, clock, ada) = ada_with_item().await;
    clock.set(M2);
    hold_meeting(&ts, &ada.id, M2).await;
    clock.set(M3);
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft(M3))
        .await
        .unwrap();
    let id = agenda_id(&ones, "Staff project scope");
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::CarriedOver),
            h(M3, 2, AgendaOutcome::Open),
        ]
    );
    let item = item_in(&ones, &id);
    assert_eq!(item.added_on, date(M1));
    assert_eq!(item.meeting_dates, [date(M1), date(M2), date(M3)]);
    assert_eq!(ones.open_agenda, std::slice::from_ref(&item));

    let m3 = meeting_on(&ones, M3).id.clone();
    let ones = ts
        .set_agenda_status(&id, item.version, AgendaStatus::Done, Some(&m3))
        .await
        .unwrap();
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::CarriedOver),
            h(M3, 2, AgendaOutcome::Done),
        ]
    );
    let done = item_in(&ones, &id);
    assert_eq!(done.status, AgendaStatus::Done);
    assert_eq!(done.closed_on, Some(date(M3)));
    assert_eq!(done.closed_meeting_id, Some(m3));
    assert_eq!(done.version, item.version + 1);
    assert!(ones.open_agenda.is_empty());

    // A later 1:1 (planned) does not carry it.
    clock.set(END);
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft(M4))
        .await
        .unwrap();
    assert!(meeting_on(&ones, M4).agenda.is_empty());
    assert_eq!(entry(&ones, M3, &id).unwrap().outcome, AgendaOutcome::Done);

    // Reopened, it joins the 1:1s still to come, and any recorded after.
    let ones = ts
        .set_agenda_status(&id, done.version, AgendaStatus::Open, None)
        .await
        .unwrap();
    let reopened = item_in(&ones, &id);
    assert_eq!(
        (
            reopened.status,
            reopened.closed_on,
            reopened.closed_meeting_id
        ),
        (AgendaStatus::Open, None, None)
    );
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::CarriedOver),
            h(M3, 2, AgendaOutcome::CarriedOver),
            h(M4, 3, AgendaOutcome::Open),
        ]
    );
    assert_eq!(ones.open_agenda.len(), 1);
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft("2026-12-15"))
        .await
        .unwrap();
    assert_eq!(
        entry(&ones, "2026-12-15", &id).map(|e| (e.carried, e.outcome)),
        Some((4, AgendaOutcome::Open))
    );
}

#[tokio::test]
async fn a_dropped_item_leaves_the_one_on_ones_after_it_including_planned_ones() {
    let (ts, clock, ada) = ada_with_item().await;
    clock.set(END);
    hold_meeting(&ts, &ada.id, M2).await;
    // Planned before the item is dropped: it carries the item until then.
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft(M4))
        .await
        .unwrap();
    let id = agenda_id(&ones, "Staff project scope");
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::CarriedOver),
            h(M4, 2, AgendaOutcome::Open),
        ]
    );
    let m2 = meeting_on(&ones, M2).id.clone();
    let version = item_in(&ones, &id).version;
    let ones = ts
        .set_agenda_status(&id, version, AgendaStatus::Dropped, Some(&m2))
        .await
        .unwrap();
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::Dropped),
        ]
    );
    let dropped = item_in(&ones, &id);
    assert_eq!(dropped.status, AgendaStatus::Dropped);
    assert_eq!(dropped.closed_on, Some(date(M2)));
    assert_eq!(dropped.closed_meeting_id, Some(m2));
    assert!(ones.open_agenda.is_empty());
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft("2026-12-15"))
        .await
        .unwrap();
    assert!(meeting_on(&ones, "2026-12-15").agenda.is_empty());

    // Reopened on END: back on the planned 1:1s, not on the past one it was dropped in.
    let ones = ts
        .set_agenda_status(&id, dropped.version, AgendaStatus::Open, None)
        .await
        .unwrap();
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::CarriedOver),
            h(M4, 2, AgendaOutcome::CarriedOver),
            h("2026-12-15", 3, AgendaOutcome::Open),
        ]
    );
}

#[tokio::test]
async fn an_item_closed_outside_a_one_on_one_is_closed_today_and_leaves_planned_ones() {
    let (ts, clock, ada) = ada_with_item().await;
    clock.set(END);
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft(M4))
        .await
        .unwrap();
    let id = agenda_id(&ones, "Staff project scope");
    let version = item_in(&ones, &id).version;
    let ones = ts
        .set_agenda_status(&id, version, AgendaStatus::Done, None)
        .await
        .unwrap();
    let done = item_in(&ones, &id);
    assert_eq!(
        (done.status, done.closed_on, done.closed_meeting_id),
        (AgendaStatus::Done, Some(date(END)), None)
    );
    // Still on the 1:1 it was raised in (carried over from there), gone from the planned one.
    assert_eq!(history(&ones, &id), [h(M1, 0, AgendaOutcome::CarriedOver)]);
    assert!(meeting_on(&ones, M4).agenda.is_empty());
}

#[tokio::test]
async fn an_item_for_the_next_one_on_one_joins_planned_ones_and_the_next_one_recorded() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    for day in ["2026-11-10", END, M4] {
        hold_meeting(&ts, &ada.id, day).await;
    }
    let ones = ts
        .add_agenda_item(&ada.id, None, &agenda_draft("Promotion timeline"))
        .await
        .unwrap();
    let id = agenda_id(&ones, "Promotion timeline");
    let item = item_in(&ones, &id);
    assert_eq!(item.added_on, date(END));
    assert_eq!(
        history(&ones, &id),
        [
            h(END, 0, AgendaOutcome::CarriedOver),
            h(M4, 1, AgendaOutcome::Open)
        ]
    );
    assert!(meeting_on(&ones, "2026-11-10").agenda.is_empty());

    // A 1:1 recorded afterwards for a later day carries it; one back-dated before it does not.
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft("2026-12-08"))
        .await
        .unwrap();
    assert_eq!(
        entry(&ones, "2026-12-08", &id).map(|e| (e.carried, e.outcome)),
        Some((2, AgendaOutcome::Open))
    );
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft("2026-11-17"))
        .await
        .unwrap();
    assert!(meeting_on(&ones, "2026-11-17").agenda.is_empty());
    assert_eq!(ones.open_agenda.len(), 1);
    assert_eq!(ones.open_agenda[0].meeting_dates.len(), 3);
}

#[tokio::test]
async fn an_item_added_to_a_past_one_on_one_is_carried_into_the_later_ones_already_recorded() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m1 = hold_meeting(&ts, &ada.id, M1).await;
    hold_meeting(&ts, &ada.id, M2).await;
    let ones = ts
        .add_agenda_item(&ada.id, Some(&m1.id), &agenda_draft("Mentoring Jamie"))
        .await
        .unwrap();
    let id = agenda_id(&ones, "Mentoring Jamie");
    assert_eq!(item_in(&ones, &id).added_on, date(M1));
    assert_eq!(
        history(&ones, &id),
        [
            h(M1, 0, AgendaOutcome::CarriedOver),
            h(M2, 1, AgendaOutcome::Open)
        ]
    );
}

#[tokio::test]
async fn closing_an_item_in_a_one_on_one_before_it_was_raised_is_refused_naming_the_meeting() {
    let (ts, clock) = store_on(M2).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let m1 = hold_meeting(&ts, &ada.id, M1).await;
    let m2 = hold_meeting(&ts, &ada.id, M2).await;
    let theirs = hold_meeting(&ts, &grace.id, M2).await;
    let ones = ts
        .add_agenda_item(&ada.id, Some(&m2.id), &agenda_draft("Packet outline"))
        .await
        .unwrap();
    let id = agenda_id(&ones, "Packet outline");
    clock.set(END);
    let before = snapshot_all(&ts).await;
    for status in [AgendaStatus::Done, AgendaStatus::Dropped] {
        rejected(
            &ts,
            &before,
            ts.set_agenda_status(&id, 1, status, Some(&m1.id)).await,
            &[(
                "meetingId",
                "This item was raised on 20 Oct 2026, after the 1:1 on 6 Oct 2026.",
            )],
        )
        .await;
        rejected(
            &ts,
            &before,
            ts.set_agenda_status(&id, 1, status, Some(&theirs.id)).await,
            &[("meetingId", "That 1:1 belongs to another report.")],
        )
        .await;
    }
    let msg = not_found(
        ts.set_agenda_status(&id, 1, AgendaStatus::Done, Some(&MeetingId::from("nope")))
            .await,
    );
    assert!(msg.contains("1:1"), "{msg}");
    assert_nothing_written(&ts, &before).await;
    // An item cannot be raised in another report's 1:1 either.
    rejected(
        &ts,
        &before,
        ts.add_agenda_item(&ada.id, Some(&theirs.id), &agenda_draft("Wrong 1:1"))
            .await,
        &[("meetingId", "That 1:1 belongs to another report.")],
    )
    .await;
}

// ---------------------------------------------------------------------------------------------
// Meetings.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_report_has_at_most_one_one_on_one_a_day() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let first = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let moved = hold_meeting(&ts, &ada.id, "2026-11-17").await;
    let before = snapshot_all(&ts).await;
    let taken = "There is already a 1:1 with Ada Lovelace on 10 Nov 2026; open that one instead.";
    rejected(
        &ts,
        &before,
        ts.create_meeting(&ada.id, &meeting_draft("2026-11-10"))
            .await,
        &[("heldOn", taken)],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.update_meeting(&moved.id, 1, &meeting_draft("2026-11-10"))
            .await,
        &[("heldOn", taken)],
    )
    .await;
    // Another report can meet that day; a 1:1 can be saved on its own day.
    hold_meeting(&ts, &grace.id, "2026-11-10").await;
    let ones = ts
        .update_meeting(&first.id, 1, &meeting_draft("2026-11-10"))
        .await
        .unwrap();
    assert_eq!(meeting_on(&ones, "2026-11-10").version, 2);
    assert_eq!(count_rows(&ts, "meetings").await, 3);
}

#[tokio::test]
async fn a_one_on_one_reads_back_and_moves_to_another_day() {
    let (ts, clock) = store_on("2026-11-10").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let created = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    assert_eq!(created.report_id, ada.id);
    assert_eq!(created.held_on, date("2026-11-10"));
    assert!(created.notes.is_empty() && created.agenda.is_empty() && created.actions.is_empty());
    assert_eq!(created.version, 1);
    assert_eq!(created.created_at, noon(date("2026-11-10")));
    assert_eq!(created.updated_at, created.created_at);

    clock.set(END);
    let ones = ts
        .update_meeting(&created.id, 1, &meeting_draft("2026-11-12"))
        .await
        .unwrap();
    let moved = meeting_on(&ones, "2026-11-12");
    assert_eq!(moved.id, created.id);
    assert_eq!(moved.version, 2);
    assert_eq!(moved.created_at, noon(date("2026-11-10")));
    assert_eq!(moved.updated_at, noon(date(END)));
    assert_eq!(ones.meetings.len(), 1);
    assert_eq!(ts.one_on_ones(&ada.id).await.unwrap(), ones);

    // The form was opened before the move.
    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(
            ts.update_meeting(&created.id, 1, &meeting_draft("2026-11-13"))
                .await
        ),
        stale_message("1:1", "2026-11-12")
    );
    assert_nothing_written(&ts, &before).await;
    not_found(
        ts.update_meeting(&MeetingId::from("nope"), 1, &meeting_draft("2026-11-13"))
            .await,
    );
}

#[tokio::test]
async fn a_one_on_one_date_must_be_a_real_date() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let before = snapshot_all(&ts).await;
    for (value, message) in [
        ("", "Date is required."),
        ("  ", "Date is required."),
        (
            "2026-02-30",
            "Date must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
        ),
        (
            "24/11/2026",
            "Date must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
        ),
        ("1949-12-31", "Date cannot be before 1950."),
    ] {
        rejected(
            &ts,
            &before,
            ts.create_meeting(&ada.id, &meeting_draft(value)).await,
            &[("heldOn", message)],
        )
        .await;
        rejected(
            &ts,
            &before,
            ts.update_meeting(&m.id, 1, &meeting_draft(value)).await,
            &[("heldOn", message)],
        )
        .await;
    }
    // A date after today plans a 1:1.
    let ones = ts
        .create_meeting(&ada.id, &meeting_draft("2027-06-01"))
        .await
        .unwrap();
    assert_eq!(ones.next_meeting, Some(date("2027-06-01")));
}

#[tokio::test]
async fn next_and_last_one_on_one_are_relative_to_today_and_meetings_are_newest_first() {
    let (ts, clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(
        (ones.meetings.len(), ones.next_meeting, ones.last_meeting),
        (0, None, None)
    );
    for day in ["2026-11-17", "2026-12-01", "2026-11-03", "2026-12-15"] {
        hold_meeting(&ts, &ada.id, day).await;
    }
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    let dates: Vec<String> = ones.meetings.iter().map(|m| ymd(m.held_on)).collect();
    assert_eq!(
        dates,
        ["2026-12-15", "2026-12-01", "2026-11-17", "2026-11-03"]
    );
    assert_eq!(ones.last_meeting, Some(date("2026-11-17")));
    assert_eq!(ones.next_meeting, Some(date("2026-12-01")));

    // A 1:1 today is both the last held and the next.
    clock.set("2026-12-01");
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(ones.last_meeting, Some(date("2026-12-01")));
    assert_eq!(ones.next_meeting, Some(date("2026-12-01")));
    clock.set("2027-01-05");
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(
        (ones.last_meeting, ones.next_meeting),
        (Some(date("2026-12-15")), None)
    );
    clock.set("2026-10-01");
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(
        (ones.last_meeting, ones.next_meeting),
        (None, Some(date("2026-11-03")))
    );
}

#[tokio::test]
async fn an_archived_report_s_one_on_ones_can_be_read_but_not_changed() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    ts.add_note(&m.id, &note_draft("Talked about the RFC.", true))
        .await
        .unwrap();
    ts.add_agenda_item(&ada.id, Some(&m.id), &agenda_draft("RFC review"))
        .await
        .unwrap();
    let ones = ts
        .add_action_item(&ada.id, Some(&m.id), &action_draft("Draft the RFC", ""))
        .await
        .unwrap();
    let m = meeting_on(&ones, "2026-11-10").clone();
    let (note, item, action) = (&m.notes[0], &m.agenda[0].item, &m.actions[0]);
    ts.archive_report(&ada.id).await.unwrap();
    let before = snapshot_all(&ts).await;
    let archived = archived_message("Ada Lovelace");
    let results: Vec<(&str, trellis_core::Result<OneOnOnes>)> = vec![
        (
            "create meeting",
            ts.create_meeting(&ada.id, &meeting_draft("2026-11-17"))
                .await,
        ),
        (
            "move meeting",
            ts.update_meeting(&m.id, 1, &meeting_draft("2026-11-11"))
                .await,
        ),
        (
            "add note",
            ts.add_note(&m.id, &note_draft("More.", true)).await,
        ),
        (
            "edit note",
            ts.update_note(&note.id, 1, &note_draft("Edited.", true))
                .await,
        ),
        (
            "add agenda item",
            ts.add_agenda_item(&ada.id, None, &agenda_draft("More"))
                .await,
        ),
        (
            "edit agenda item",
            ts.update_agenda_item(&item.id, 1, &agenda_draft("Edited"))
                .await,
        ),
        (
            "close agenda item",
            ts.set_agenda_status(&item.id, 1, AgendaStatus::Done, Some(&m.id))
                .await,
        ),
        (
            "add action",
            ts.add_action_item(&ada.id, None, &action_draft("More", ""))
                .await,
        ),
        (
            "edit action",
            ts.update_action_item(&action.id, 1, &action_draft("Edited", ""))
                .await,
        ),
    ];
    for (what, result) in results {
        assert_eq!(conflict(result), archived, "{what}");
    }
    for (kind, id) in [
        (RecordKind::Meeting, m.id.to_string()),
        (RecordKind::Note, note.id.to_string()),
        (RecordKind::AgendaItem, item.id.to_string()),
        (RecordKind::ActionItem, action.id.to_string()),
    ] {
        assert_eq!(
            conflict(ts.delete_record(kind, &id).await),
            archived,
            "{kind:?}"
        );
    }
    assert_nothing_written(&ts, &before).await;
    assert_eq!(ts.one_on_ones(&ada.id).await.unwrap(), ones);
}

// ---------------------------------------------------------------------------------------------
// Notes, agenda items and action items: round trips and validation.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn notes_keep_their_words_and_privacy_in_the_order_they_were_written() {
    let (ts, clock) = store_on("2026-11-10").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    ts.add_note(
        &m.id,
        &note_draft(
            "\n\nWorried about on-call load.\r\nWants fewer pages.  \n",
            true,
        ),
    )
    .await
    .unwrap();
    clock.set("2026-11-11");
    let ones = ts
        .add_note(&m.id, &note_draft("Agreed: she leads the RFC.", false))
        .await
        .unwrap();
    let notes = &meeting_on(&ones, "2026-11-10").notes;
    let read: Vec<(&str, bool, i32)> = notes
        .iter()
        .map(|n| (n.body.as_str(), n.private, n.version))
        .collect();
    assert_eq!(
        read,
        [
            ("Worried about on-call load.\nWants fewer pages.", true, 1),
            ("Agreed: she leads the RFC.", false, 1),
        ]
    );
    assert!(notes
        .iter()
        .all(|n| n.meeting_id == m.id && n.links.is_empty()));
    assert_eq!(notes[1].created_at, noon(date("2026-11-11")));

    // Shared becomes private (and back), with the version moving on.
    clock.set(END);
    let shared = notes[1].clone();
    let ones = ts
        .update_note(
            &shared.id,
            1,
            &note_draft("Agreed: she leads the RFC.", true),
        )
        .await
        .unwrap();
    let after = &meeting_on(&ones, "2026-11-10").notes[1];
    assert_eq!(
        (after.private, after.version, after.updated_at),
        (true, 2, noon(date(END)))
    );
    let ones = ts
        .update_note(&shared.id, 2, &note_draft("Shared again.", false))
        .await
        .unwrap();
    let after = &meeting_on(&ones, "2026-11-10").notes[1];
    assert_eq!(
        (after.body.as_str(), after.private),
        ("Shared again.", false)
    );
    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(
            ts.update_note(&shared.id, 2, &note_draft("Stale.", true))
                .await
        ),
        stale_message("note", "1:1 on 2026-11-10")
    );
    assert_nothing_written(&ts, &before).await;
}

#[tokio::test]
async fn a_note_draft_from_the_form_must_say_whether_it_is_private() {
    // Privacy is never implied by a missing field.
    let missing: Result<NoteDraft, _> = serde_json::from_str(r#"{"body": "Words"}"#);
    assert!(missing.is_err(), "{missing:?}");
    let given: NoteDraft = serde_json::from_str(r#"{"body": "Words", "private": true}"#).unwrap();
    assert!(given.private);
}

/// DOMAIN.md and migration 0004 say notes are private by default; the Rust default is not.
#[tokio::test]
async fn a_note_is_private_by_default() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(
            &m.id,
            &NoteDraft {
                body: "Default privacy".to_owned(),
                ..NoteDraft::default()
            },
        )
        .await
        .unwrap();
    assert!(meeting_on(&ones, "2026-11-10").notes[0].private);
}

#[tokio::test]
async fn every_rule_of_a_note_is_checked_and_nothing_is_written() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(&m.id, &note_draft("Fine.", true))
        .await
        .unwrap();
    let note = meeting_on(&ones, "2026-11-10").notes[0].clone();
    let before = snapshot_all(&ts).await;
    let empty = "The note is empty: write what was said or decided.";
    for (body, message) in [
        ("".to_owned(), empty.to_owned()),
        (" \n\t\n ".to_owned(), empty.to_owned()),
        (
            "Bell\u{7} rang".to_owned(),
            "The note contains control characters that cannot be stored.".to_owned(),
        ),
        (
            "x".repeat(MAX_TEXT + 1),
            format!("The note is too long: at most {MAX_TEXT} characters."),
        ),
    ] {
        for private in [true, false] {
            let draft = note_draft(&body, private);
            rejected(
                &ts,
                &before,
                ts.add_note(&m.id, &draft).await,
                &[("body", &message)],
            )
            .await;
            rejected(
                &ts,
                &before,
                ts.update_note(&note.id, 1, &draft).await,
                &[("body", &message)],
            )
            .await;
        }
    }
    not_found(
        ts.add_note(&MeetingId::from("nope"), &note_draft("x", true))
            .await,
    );
    not_found(
        ts.update_note(&NoteId::from("nope"), 1, &note_draft("x", true))
            .await,
    );
    assert_nothing_written(&ts, &before).await;
    // The longest note is accepted.
    ts.add_note(&m.id, &note_draft(&"x".repeat(MAX_TEXT), true))
        .await
        .unwrap();
}

#[tokio::test]
async fn every_rule_of_an_agenda_item_is_checked_and_nothing_is_written() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_agenda_item(&ada.id, Some(&m.id), &agenda_draft("Fine"))
        .await
        .unwrap();
    let item = ones.open_agenda[0].clone();
    let before = snapshot_all(&ts).await;
    let max = trellis_core::model::one_on_one::MAX_ITEM_TEXT;
    for (text, message) in [
        (
            "   ".to_owned(),
            "The agenda item is empty: write what it is about.".to_owned(),
        ),
        (
            "x".repeat(max + 1),
            format!("The agenda item is too long: at most {max} characters."),
        ),
        (
            "Null\u{0} byte".to_owned(),
            "The agenda item contains control characters that cannot be stored.".to_owned(),
        ),
    ] {
        let draft = AgendaItemDraft {
            text,
            shared: false,
        };
        rejected(
            &ts,
            &before,
            ts.add_agenda_item(&ada.id, None, &draft).await,
            &[("text", &message)],
        )
        .await;
        rejected(
            &ts,
            &before,
            ts.update_agenda_item(&item.id, 1, &draft).await,
            &[("text", &message)],
        )
        .await;
    }
    assert_eq!(
        conflict(
            ts.update_agenda_item(&item.id, 2, &agenda_draft("Stale"))
                .await
        ),
        stale_message("agenda item", "Fine")
    );
    assert_eq!(
        conflict(
            ts.set_agenda_status(&item.id, 2, AgendaStatus::Done, None)
                .await
        ),
        stale_message("agenda item", "Fine")
    );
    not_found(
        ts.update_agenda_item(&AgendaItemId::from("nope"), 1, &agenda_draft("x"))
            .await,
    );
    not_found(
        ts.add_agenda_item(&"nobody".into(), None, &agenda_draft("x"))
            .await,
    );
    assert_nothing_written(&ts, &before).await;

    // The longest text is accepted; words and sharing change, and read back everywhere.
    let ones = ts
        .update_agenda_item(
            &item.id,
            1,
            &AgendaItemDraft {
                text: "y".repeat(max),
                shared: false,
            },
        )
        .await
        .unwrap();
    let edited = &meeting_on(&ones, "2026-11-10").agenda[0].item;
    assert_eq!(
        (edited.text.len(), edited.shared, edited.version),
        (max, false, 2)
    );
    assert_eq!(&ones.open_agenda[0], edited);
}

#[tokio::test]
async fn every_rule_of_an_action_item_is_checked_and_nothing_is_written() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let theirs = hold_meeting(&ts, &grace.id, "2026-11-10").await;
    let ones = ts
        .add_action_item(&ada.id, None, &action_draft("Fine", ""))
        .await
        .unwrap();
    let action = ones.open_actions[0].clone();
    let before = snapshot_all(&ts).await;
    let max = trellis_core::model::one_on_one::MAX_ITEM_TEXT;
    let ok = action_draft("Book the design review", "2026-12-01");
    let bad_date =
        |label: &str| format!("{label} must be a real date written YYYY-MM-DD, e.g. 2024-03-01.");
    let cases: Vec<(ActionItemDraft, Vec<(&str, String)>)> = vec![
        (
            ActionItemDraft {
                text: String::new(),
                ..ok.clone()
            },
            vec![(
                "text",
                "The action item is empty: write what it is about.".to_owned(),
            )],
        ),
        (
            ActionItemDraft {
                text: "x".repeat(max + 1),
                ..ok.clone()
            },
            vec![(
                "text",
                format!("The action item is too long: at most {max} characters."),
            )],
        ),
        (
            ActionItemDraft {
                owner: None,
                ..ok.clone()
            },
            vec![("owner", "Choose a value for who owns it.".to_owned())],
        ),
        (
            ActionItemDraft {
                due_on: "2026-12-32".to_owned(),
                ..ok.clone()
            },
            vec![("dueOn", bad_date("Due on"))],
        ),
        (
            ActionItemDraft {
                done_on: "2026-11-25".to_owned(),
                ..ok.clone()
            },
            vec![(
                "doneOn",
                "Done on cannot be in the future (after 2026-11-24).".to_owned(),
            )],
        ),
        (
            ActionItemDraft {
                text: " ".to_owned(),
                owner: None,
                due_on: "soon".to_owned(),
                done_on: "1900-01-01".to_owned(),
            },
            vec![
                (
                    "text",
                    "The action item is empty: write what it is about.".to_owned(),
                ),
                ("owner", "Choose a value for who owns it.".to_owned()),
                ("dueOn", bad_date("Due on")),
                ("doneOn", "Done on cannot be before 1950.".to_owned()),
            ],
        ),
    ];
    for (draft, expected) in cases {
        let expected: Vec<(&str, &str)> = expected.iter().map(|(f, m)| (*f, m.as_str())).collect();
        rejected(
            &ts,
            &before,
            ts.add_action_item(&ada.id, None, &draft).await,
            &expected,
        )
        .await;
        rejected(
            &ts,
            &before,
            ts.update_action_item(&action.id, 1, &draft).await,
            &expected,
        )
        .await;
    }
    rejected(
        &ts,
        &before,
        ts.add_action_item(&ada.id, Some(&theirs.id), &ok).await,
        &[("meetingId", "That 1:1 belongs to another report.")],
    )
    .await;
    assert_eq!(
        conflict(ts.update_action_item(&action.id, 2, &ok).await),
        stale_message("action item", "Fine")
    );
    not_found(
        ts.update_action_item(&ActionItemId::from("nope"), 1, &ok)
            .await,
    );
    assert_nothing_written(&ts, &before).await;
}

#[tokio::test]
async fn open_actions_come_by_due_date_undated_last_and_leave_when_done() {
    let (ts, clock) = store_on("2026-11-10").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    for (text, due, in_meeting) in [
        ("Undated, first written", "", true),
        ("Due in December", "2026-12-01", false),
        ("Undated, written later", "", false),
        ("Due in November", "2026-11-20", true),
        ("Due in December too", "2026-12-01", true),
    ] {
        ts.add_action_item(
            &ada.id,
            in_meeting.then_some(&m.id),
            &action_draft(text, due),
        )
        .await
        .unwrap();
        clock.set("2026-11-11");
    }
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    let open: Vec<&str> = ones.open_actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        open,
        [
            "Due in November",
            "Due in December",
            "Due in December too",
            "Undated, first written",
            "Undated, written later",
        ]
    );
    // The 1:1 lists the actions raised in it, in the order they were written.
    let raised: Vec<&str> = meeting_on(&ones, "2026-11-10")
        .actions
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        raised,
        [
            "Undated, first written",
            "Due in November",
            "Due in December too"
        ]
    );
    let november = ones.open_actions[0].clone();
    assert_eq!(
        (november.owner, november.due_on, november.done_on),
        (ActionOwner::Report, Some(date("2026-11-20")), None)
    );
    assert_eq!(november.meeting_id, Some(m.id.clone()));

    // Done: no longer open, still in its 1:1; then not done again.
    let done = ActionItemDraft {
        owner: Some(ActionOwner::Manager),
        done_on: "2026-11-11".to_owned(),
        ..action_draft("Due in November", "2026-11-20")
    };
    let ones = ts.update_action_item(&november.id, 1, &done).await.unwrap();
    assert!(ones.open_actions.iter().all(|a| a.id != november.id));
    let kept = meeting_on(&ones, "2026-11-10")
        .actions
        .iter()
        .find(|a| a.id == november.id)
        .unwrap();
    assert_eq!(
        (kept.owner, kept.done_on, kept.version),
        (ActionOwner::Manager, Some(date("2026-11-11")), 2)
    );
    let ones = ts
        .update_action_item(
            &november.id,
            2,
            &ActionItemDraft {
                done_on: String::new(),
                ..done
            },
        )
        .await
        .unwrap();
    assert_eq!(ones.open_actions[0].id, november.id);
}

// ---------------------------------------------------------------------------------------------
// Deleting and restoring.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn one_on_one_content_is_deleted_and_restored_like_any_record() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    ts.add_note(&m.id, &note_draft("Private words.", true))
        .await
        .unwrap();
    ts.add_agenda_item(&ada.id, Some(&m.id), &agenda_draft("Scope"))
        .await
        .unwrap();
    let full = ts
        .add_action_item(&ada.id, Some(&m.id), &action_draft("Write it", ""))
        .await
        .unwrap();
    let meeting = meeting_on(&full, "2026-11-10").clone();
    let (note, item, action) = (
        meeting.notes[0].id.to_string(),
        meeting.agenda[0].item.id.to_string(),
        meeting.actions[0].id.to_string(),
    );

    ts.delete_record(RecordKind::Note, &note).await.unwrap();
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert!(meeting_on(&ones, "2026-11-10").notes.is_empty());
    ts.delete_record(RecordKind::AgendaItem, &item)
        .await
        .unwrap();
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert!(meeting_on(&ones, "2026-11-10").agenda.is_empty());
    assert!(ones.open_agenda.is_empty());
    ts.delete_record(RecordKind::ActionItem, &action)
        .await
        .unwrap();
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert!(meeting_on(&ones, "2026-11-10").actions.is_empty());
    assert!(ones.open_actions.is_empty());
    // A deleted note cannot be edited.
    not_found(
        ts.update_note(&NoteId::from(note.as_str()), 1, &note_draft("x", true))
            .await,
    );

    for (kind, id) in [
        (RecordKind::Note, &note),
        (RecordKind::AgendaItem, &item),
        (RecordKind::ActionItem, &action),
    ] {
        ts.restore_record(kind, id).await.unwrap();
    }
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    let restored = meeting_on(&ones, "2026-11-10");
    assert_eq!(
        (
            restored.notes.len(),
            restored.agenda.len(),
            restored.actions.len()
        ),
        (1, 1, 1)
    );
    assert_eq!(restored.notes[0].body, "Private words.");
    assert_eq!(restored.notes[0].version, 3, "deleted then restored");

    // The whole 1:1 goes with its notes and agenda; its actions stay open, without it.
    ts.delete_record(RecordKind::Meeting, meeting.id.as_str())
        .await
        .unwrap();
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert!(ones.meetings.is_empty());
    assert_eq!(ones.last_meeting, None);
    assert_eq!(ones.open_actions.len(), 1);
    assert_eq!(ones.open_actions[0].meeting_id, None);
    assert!(ones.open_agenda[0].meeting_dates.is_empty());
    not_found(ts.add_note(&meeting.id, &note_draft("x", true)).await);
    ts.restore_record(RecordKind::Meeting, meeting.id.as_str())
        .await
        .unwrap();
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    let back = meeting_on(&ones, "2026-11-10");
    assert_eq!(
        (back.notes.len(), back.agenda.len(), back.actions.len()),
        (1, 1, 1)
    );
    assert_eq!(ones.open_actions[0].meeting_id, Some(meeting.id.clone()));
}

#[tokio::test]
async fn a_deleted_one_on_one_frees_its_day_and_cannot_come_back_over_a_new_one() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let old = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    ts.delete_record(RecordKind::Meeting, old.id.as_str())
        .await
        .unwrap();
    let new = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    assert_ne!(new.id, old.id);
    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(
            ts.restore_record(RecordKind::Meeting, old.id.as_str())
                .await
        ),
        "A record like this one exists again; edit that one instead."
    );
    assert_nothing_written(&ts, &before).await;
    let msg = not_found(ts.delete_record(RecordKind::Meeting, "nope").await);
    assert!(msg.contains("1:1"), "{msg}");
}

// ---------------------------------------------------------------------------------------------
// Evidence and feedback made from 1:1 content.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn evidence_made_from_a_note_is_linked_back_to_it_and_to_its_one_on_one() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(&m.id, &note_draft("Shipped the ledger cut-over.", true))
        .await
        .unwrap();
    let note = meeting_on(&ones, "2026-11-10").notes[0].clone();
    let source = SourceRef {
        kind: SourceKind::Note,
        id: note.id.to_string(),
    };
    let evidence = ts
        .evidence_from(&source, &evidence_draft("Ledger cut-over"))
        .await
        .unwrap();
    assert_eq!(evidence.report_id, ada.id);
    assert_eq!(evidence.title, "Ledger cut-over");
    assert_eq!(
        ts.evidence(&ada.id).await.unwrap(),
        std::slice::from_ref(&evidence)
    );

    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(
        meeting_on(&ones, "2026-11-10").notes[0].links,
        [DerivedLink {
            kind: RecordKind::Evidence,
            id: evidence.id.to_string(),
            title: "Ledger cut-over".to_owned(),
        }]
    );
    let origins = ts.one_on_one_origins(&ada.id).await.unwrap();
    assert_eq!(origins.len(), 1);
    assert_eq!(origins[0].target_kind, RecordKind::Evidence);
    assert_eq!(origins[0].target_id, evidence.id.to_string());
    assert_eq!(
        origins[0].origin,
        OneOnOneOrigin {
            source: SourceKind::Note,
            source_id: note.id.to_string(),
            meeting_id: Some(m.id.clone()),
            held_on: Some(date("2026-11-10")),
        }
    );
    // The link shows the evidence's current title.
    let e = ts
        .update_evidence(
            &evidence.id,
            evidence.version,
            &EvidenceDraft {
                title: "Ledger cut-over, all regions".to_owned(),
                ..evidence_draft_of(&evidence)
            },
        )
        .await
        .unwrap();
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(
        meeting_on(&ones, "2026-11-10").notes[0].links[0].title,
        e.title
    );
}

#[tokio::test]
async fn evidence_that_fails_validation_writes_neither_the_evidence_nor_the_link() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(&m.id, &note_draft("Shipped it.", true))
        .await
        .unwrap();
    let source = SourceRef {
        kind: SourceKind::Note,
        id: meeting_on(&ones, "2026-11-10").notes[0].id.to_string(),
    };
    let before = snapshot_all(&ts).await;
    let (_, fields) = validation(
        ts.evidence_from(
            &source,
            &EvidenceDraft {
                title: String::new(),
                ..evidence_draft("x")
            },
        )
        .await,
    );
    assert_eq!(
        fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
        ["title"]
    );
    assert_nothing_written(&ts, &before).await;
    // Content that does not exist (or was deleted) cannot become evidence.
    for missing in [
        SourceRef {
            kind: SourceKind::Note,
            id: "nope".to_owned(),
        },
        SourceRef {
            kind: SourceKind::AgendaItem,
            id: source.id.clone(),
        },
    ] {
        not_found(ts.evidence_from(&missing, &evidence_draft("x")).await);
    }
    ts.delete_record(RecordKind::Note, &source.id)
        .await
        .unwrap();
    let before = snapshot_all(&ts).await;
    not_found(ts.evidence_from(&source, &evidence_draft("x")).await);
    assert_nothing_written(&ts, &before).await;
}

#[tokio::test]
async fn feedback_made_from_an_agenda_item_is_linked_back_and_titled_by_mentee_and_date() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let mentorship = ts
        .create_mentorship(&ada.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_agenda_item(&ada.id, Some(&m.id), &agenda_draft("Jamie's view"))
        .await
        .unwrap();
    let item = ones.open_agenda[0].clone();
    let source = SourceRef {
        kind: SourceKind::AgendaItem,
        id: item.id.to_string(),
    };
    let updated = ts
        .feedback_from(
            &source,
            &mentorship.id,
            &negative_feedback("Sessions keep getting cancelled.", "2026-11-10"),
        )
        .await
        .unwrap();
    assert_eq!(updated.feedback.len(), 1);
    let fb = &updated.feedback[0];
    assert_eq!(
        (fb.sentiment, fb.words.as_str()),
        (Sentiment::Negative, "Sessions keep getting cancelled.")
    );
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(
        ones.open_agenda[0].links,
        [DerivedLink {
            kind: RecordKind::Feedback,
            id: fb.id.to_string(),
            title: "Jamie Chen, 2026-11-10".to_owned(),
        }]
    );
    let origins = ts.one_on_one_origins(&ada.id).await.unwrap();
    assert_eq!(origins.len(), 1);
    assert_eq!(
        (origins[0].target_kind, origins[0].origin.source),
        (RecordKind::Feedback, SourceKind::AgendaItem)
    );
}

#[tokio::test]
async fn evidence_made_from_an_action_item_points_at_the_one_on_one_it_was_raised_in() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_action_item(&ada.id, Some(&m.id), &action_draft("Write the RFC", ""))
        .await
        .unwrap();
    let action = ones.open_actions[0].clone();
    let e = ts
        .evidence_from(
            &SourceRef {
                kind: SourceKind::ActionItem,
                id: action.id.to_string(),
            },
            &evidence_draft("Storage RFC"),
        )
        .await
        .unwrap();
    let origins = ts.one_on_one_origins(&ada.id).await.unwrap();
    assert_eq!(origins[0].target_id, e.id.to_string());
    assert_eq!(
        (
            origins[0].origin.meeting_id.clone(),
            origins[0].origin.held_on
        ),
        (Some(m.id.clone()), Some(date("2026-11-10")))
    );
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(ones.open_actions[0].links[0].title, "Storage RFC");
}

/// `OneOnOneOrigin::meeting_id` is documented as "for items, the one they were raised in".
#[tokio::test]
async fn evidence_made_from_an_agenda_item_points_at_the_one_on_one_it_was_raised_in() {
    let (ts, clock) = store_on(M1).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m1 = hold_meeting(&ts, &ada.id, M1).await;
    let ones = ts
        .add_agenda_item(&ada.id, Some(&m1.id), &agenda_draft("Ledger cut-over"))
        .await
        .unwrap();
    let item = ones.open_agenda[0].clone();
    clock.set(M2);
    let m2 = hold_meeting(&ts, &ada.id, M2).await;
    ts.set_agenda_status(&item.id, 1, AgendaStatus::Done, Some(&m2.id))
        .await
        .unwrap();
    ts.evidence_from(
        &SourceRef {
            kind: SourceKind::AgendaItem,
            id: item.id.to_string(),
        },
        &evidence_draft("Ledger cut-over"),
    )
    .await
    .unwrap();
    let origins = ts.one_on_one_origins(&ada.id).await.unwrap();
    assert_eq!(
        (
            origins[0].origin.meeting_id.clone(),
            origins[0].origin.held_on
        ),
        (Some(m1.id.clone()), Some(date(M1)))
    );
}

#[tokio::test]
async fn feedback_for_another_report_s_mentorship_is_refused_and_nothing_is_written() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let theirs = ts
        .create_mentorship(&grace.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(&m.id, &note_draft("Jamie said things.", true))
        .await
        .unwrap();
    let source = SourceRef {
        kind: SourceKind::Note,
        id: meeting_on(&ones, "2026-11-10").notes[0].id.to_string(),
    };
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.feedback_from(&source, &theirs.id, &feedback_draft("Kind words."))
            .await,
        &[("mentorshipId", "That mentorship belongs to another report.")],
    )
    .await;
    not_found(
        ts.feedback_from(&source, &"nope".into(), &feedback_draft("Kind words."))
            .await,
    );
    assert_nothing_written(&ts, &before).await;
    assert!(ts.one_on_one_origins(&ada.id).await.unwrap().is_empty());
    assert!(ts.one_on_one_origins(&grace.id).await.unwrap().is_empty());
}

/// Negative, non-quotable feedback in `words`, received on `received_on`.
fn negative_feedback(words: &str, received_on: &str) -> FeedbackDraft {
    FeedbackDraft {
        words: words.to_owned(),
        quotable: false,
        ..feedback(received_on, Sentiment::Negative)
    }
}

#[tokio::test]
async fn a_link_disappears_with_the_evidence_it_points_to_and_returns_with_it() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(&m.id, &note_draft("Shipped it.", true))
        .await
        .unwrap();
    let source = SourceRef {
        kind: SourceKind::Note,
        id: meeting_on(&ones, "2026-11-10").notes[0].id.to_string(),
    };
    let first = ts
        .evidence_from(&source, &evidence_draft("First part"))
        .await
        .unwrap();
    let second = ts
        .evidence_from(&source, &evidence_draft("Second part"))
        .await
        .unwrap();
    let titles = |ones: &OneOnOnes| -> Vec<String> {
        meeting_on(ones, "2026-11-10").notes[0]
            .links
            .iter()
            .map(|l| l.title.clone())
            .collect()
    };
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    assert_eq!(titles(&ones), ["First part", "Second part"]);
    ts.delete_record(RecordKind::Evidence, first.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        titles(&ts.one_on_ones(&ada.id).await.unwrap()),
        ["Second part"]
    );
    ts.restore_record(RecordKind::Evidence, first.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        titles(&ts.one_on_ones(&ada.id).await.unwrap()),
        ["First part", "Second part"]
    );
    assert_eq!(ts.one_on_one_origins(&ada.id).await.unwrap().len(), 2);
    assert_ne!(first.id, second.id);
}

#[tokio::test]
async fn an_archived_report_s_one_on_one_content_cannot_become_evidence_or_feedback() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let mentorship = ts
        .create_mentorship(&ada.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    let ones = ts
        .add_note(&m.id, &note_draft("Shipped it.", true))
        .await
        .unwrap();
    let source = SourceRef {
        kind: SourceKind::Note,
        id: meeting_on(&ones, "2026-11-10").notes[0].id.to_string(),
    };
    ts.archive_report(&ada.id).await.unwrap();
    let before = snapshot_all(&ts).await;
    let archived = archived_message("Ada Lovelace");
    assert_eq!(
        conflict(ts.evidence_from(&source, &evidence_draft("x")).await),
        archived
    );
    assert_eq!(
        conflict(
            ts.feedback_from(&source, &mentorship.id, &feedback_draft("Kind."))
                .await
        ),
        archived
    );
    assert_nothing_written(&ts, &before).await;
}

/// Moving a planned 1:1 to a day before an item was raised leaves the item on its agenda,
/// where it then cannot be closed ("raised after the 1:1"), and the prep counts it as carried.
#[tokio::test]
async fn a_one_on_one_moved_before_an_item_was_raised_no_longer_carries_it() {
    let (ts, _clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let planned = hold_meeting(&ts, &ada.id, M4).await;
    let ones = ts
        .add_agenda_item(&ada.id, None, &agenda_draft("Raised today"))
        .await
        .unwrap();
    let item = ones.open_agenda[0].clone();
    assert_eq!(item.meeting_dates, [date(M4)]);
    let ones = ts
        .update_meeting(&planned.id, 1, &meeting_draft("2026-11-20"))
        .await
        .unwrap();
    // What a 1:1 recorded on that day would carry: nothing raised after it.
    assert!(
        meeting_on(&ones, "2026-11-20").agenda.is_empty(),
        "{:?}",
        meeting_on(&ones, "2026-11-20").agenda
    );
    assert!(ones.open_agenda[0].meeting_dates.is_empty());
}
