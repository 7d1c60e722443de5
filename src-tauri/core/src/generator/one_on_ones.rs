//! 1:1 histories for generated reports: a 1:1 on the report's cadence over their history
//! (for the demo team, since the manager started using Trellis), a note in each, and for the
//! last few months agenda items that carry over, get done or dropped, and action items. Most
//! reports have their next 1:1 planned within a cadence (the first one tomorrow, so the demo
//! opens on a prep view); one report's 1:1s lapsed five weeks ago (Elena's, in the demo).

use chrono::{Days, NaiveDate};
use sqlx::SqliteConnection;

use super::cycle::Entrant;
use super::desk::Desk;
use super::rng::Rng;
use crate::error::Result;
use crate::ids::{ActionItemId, AgendaItemId, MeetingId, NoteId};
use crate::model::one_on_one::{ValidActionItem, ValidAgendaItem, ValidNote};
use crate::model::{ActionOwner, AgendaStatus};
use crate::store;

/// The report (by position) whose 1:1s stopped: the radar flags it.
pub const LAPSED: usize = 2;
/// Recent 1:1s get agenda and action items; older ones only a note.
const DETAILED: usize = 6;

const NOTES: [&str; 10] = [
    "Talked through the migration plan; worried about the cut-over weekend.",
    "Energy is good. Wants more cross-team work next quarter.",
    "Frustrated that the design review keeps slipping; offered to escalate.",
    "Discussed how to hand off the on-call tooling to the platform team.",
    "Asked for feedback on their RFC; I suggested leading with the cost numbers.",
    "Feeling stretched between two teams; agreed to protect Fridays.",
    "Celebrated the launch. Talked about who else should hear about it.",
    "Career chat: what staff looks like here, and which gaps to close.",
    "Mentee is ramping well; they want to keep the pairing sessions.",
    "Quiet week. Mostly planning; nothing blocking.",
];

const AGENDA: [&str; 8] = [
    "Staff promotion timeline",
    "Who presents the migration results at the architecture review?",
    "Feedback from the incident retro",
    "Hand-off of the billing on-call rotation",
    "Conference talk proposal",
    "Headcount for the platform team",
    "Mentoring plan for the new hires",
    "Mandate check-in: still the right problem?",
];

const ACTIONS: [(&str, bool); 6] = [
    ("Send the RFC to the skip-level", false),
    ("Book a demo slot at the engineering all-hands", true),
    ("Write up the incident learnings", false),
    ("Introduce them to the data platform lead", true),
    ("Draft the first packet outline", false),
    ("Ask two mentees for written feedback", true),
];

/// Writes the 1:1 history of a report on its cadence, starting no earlier than `start`, each
/// 1:1 entered on the day it was held (a planned one on the day of the last), each agenda item
/// closed and each action item done on its day. Returns how many meetings it wrote.
pub async fn write(
    tx: &mut SqliteConnection,
    desk: &mut Desk<'_>,
    entrant: &Entrant,
    start: NaiveDate,
    rng: &mut Rng,
) -> Result<usize> {
    let today = desk.today();
    let (report_id, index) = (&entrant.report, entrant.index);
    let every = u64::try_from(entrant.every_days.max(1)).unwrap_or(14);
    // The last 1:1 was within the last cadence; the reports are spread over it.
    let stride = u64::try_from(index % 12).unwrap_or(0) * 3 % 12;
    let mut last = today - Days::new(every - 1 - stride % every);
    if index == LAPSED {
        last = today - Days::new(36);
    }
    let mut dates = Vec::new();
    let mut d = last;
    while d >= start {
        dates.push(d);
        d = d - Days::new(every);
    }
    dates.reverse();
    let planned = (index != LAPSED).then(|| last + Days::new(every));

    let mut meetings: Vec<(MeetingId, NaiveDate)> = Vec::new();
    for held_on in dates.iter().chain(planned.iter()) {
        let id = MeetingId::new();
        // A planned 1:1 is entered when it is planned: at the last one.
        let entered = desk.day(
            if Some(*held_on) == planned {
                last
            } else {
                *held_on
            },
            entrant.entered,
        );
        let now = desk.on(tx, entered).await?;
        store::insert_meeting(tx, &id, report_id, *held_on, now).await?;
        if Some(*held_on) != planned {
            let note = ValidNote {
                body: (*rng.pick(&NOTES)).to_owned(),
                private: !rng.chance(20),
            };
            store::insert_note(tx, &NoteId::new(), &id, &note, now).await?;
        }
        meetings.push((id, *held_on));
    }

    // The recent 1:1s: agenda items raised in each, carried until done or dropped.
    let recent_from = meetings
        .len()
        .saturating_sub(DETAILED + usize::from(planned.is_some()));
    let recent = &meetings[recent_from..];
    for (k, (meeting_id, held_on)) in recent.iter().enumerate() {
        if Some(*held_on) == planned {
            break;
        }
        let raised = desk.day(*held_on, entrant.entered);
        let text = AGENDA[(index + k) % AGENDA.len()];
        // How many 1:1s it stays on: closed after 1–3, or still open (carried into the next).
        let stays = 1 + rng.below(3);
        let closes_at = k + stays - 1;
        let closing = recent
            .get(closes_at)
            .filter(|(_, d)| Some(*d) != planned && rng.chance(70));
        let item = AgendaItemId::new();
        let shared = rng.chance(60);
        let closed = closing.map(|(m, d)| {
            let status = if rng.chance(80) {
                AgendaStatus::Done
            } else {
                AgendaStatus::Dropped
            };
            (status, *d, m)
        });
        let closed_on = closed.map(|(_, d, _)| d);
        let v = ValidAgendaItem {
            text: text.to_owned(),
            shared,
        };
        let now = desk.on(tx, raised).await?;
        store::insert_agenda_item(tx, &item, report_id, &v, *held_on, None, now).await?;
        for (m, d) in &recent[k..] {
            if closed_on.is_some_and(|c| *d > c) {
                break;
            }
            desk.on(tx, desk.day(*d, raised)).await?;
            sqlx::query!(
                "INSERT INTO meeting_agenda (meeting_id, item_id) VALUES (?, ?)",
                m,
                item
            )
            .execute(&mut *tx)
            .await?;
        }
        if let Some((status, on, meeting)) = closed {
            let now = desk.on(tx, desk.day(on, raised)).await?;
            store::close_agenda_item(tx, &item, status, on, Some(meeting), now).await?;
        }
        if k % 2 == 0 {
            let (text, by_report) = ACTIONS[(index + k) % ACTIONS.len()];
            let due = *held_on + Days::new(10);
            let done = (due < today && rng.chance(70)).then_some(due);
            let v = ValidActionItem {
                text: text.to_owned(),
                owner: if by_report {
                    ActionOwner::Report
                } else {
                    ActionOwner::Manager
                },
                due_on: Some(due),
                done_on: None,
            };
            let action = ActionItemId::new();
            let now = desk.on(tx, raised).await?;
            store::insert_action_item(tx, &action, report_id, Some(meeting_id), &v, now).await?;
            if let Some(done) = done {
                let now = desk.on(tx, desk.day(done, raised)).await?;
                store::finish_action_item(tx, &action, done, now).await?;
            }
        }
    }
    Ok(meetings.len())
}
