//! `crash-writer <data-dir> [seed]`: the process the crash-safety test kills.
//!
//! Opens the store in `<data-dir>` exactly as the app does (`Store::open`: WAL,
//! `synchronous=FULL`, pending migrations applied), prints `OPEN`, then writes realistic
//! records forever from two concurrent tasks through the public `Store` API: people and
//! edits to them, reports, evidence with co-owners and links, who saw the evidence, 1:1s,
//! their notes, agenda items and action items. After a store call has returned `Ok`, and
//! only then, it prints one line to stdout and flushes it:
//!
//! ```text
//! ACK <kind> <id>                      kind: person, report, evidence, visibility,
//!                                            meeting, note, agenda, action
//! ACK person-update <id> <version>     the person now stores at least this version
//! ```
//!
//! Any error ends the process with a non-zero status and the error on stderr: it never stops
//! by itself otherwise, so the test can tell a failure from its own SIGKILL. `seed` (default:
//! the time) picks the sequence of writes.

use std::error::Error;
use std::io::Write;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use trellis_core::ids::{EvidenceId, MeetingId, ReportId};
use trellis_core::model::{
    ActionItemDraft, ActionOwner, AgendaItemDraft, Archetype, Channel, EvidenceDraft, EvidenceKind,
    EvidenceRole, LadderLevel, Link, MeetingDraft, NoteDraft, Person, PersonDraft, Relationship,
    ReportDraft, TeamStrength, VisibilityDraft, WorkMix,
};
use trellis_core::Store;
use trellis_crash_tests::XorShift;

type AnyResult<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// Concurrent writers, as the app's commands may run concurrently over the store's pool.
const TASKS: u64 = 2;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> AnyResult<()> {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        return Err("usage: crash-writer <data-dir> [seed]".into());
    };
    let seed = match args.next() {
        Some(s) => s
            .to_str()
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or("the seed must be a number")?,
        None => SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos() as u64,
    };
    let store = Store::open(&dir).await?;
    emit("OPEN")?;
    let ladder = store.ladder().await?;
    if ladder.len() < 2 {
        return Err("the default ladder has fewer than two levels".into());
    }
    let mut tasks = tokio::task::JoinSet::new();
    for task in 0..TASKS {
        let writer = Writer::new(store.clone(), ladder.clone(), task, seed);
        tasks.spawn(writer.run());
    }
    // The tasks only end on an error (or a panic): report the first one.
    match tasks.join_next().await {
        Some(Ok(Err(e))) => Err(e),
        Some(Err(e)) => Err(format!("a writer task failed: {e}").into()),
        Some(Ok(Ok(()))) | None => Err("a writer task stopped".into()),
    }
}

/// One line on stdout, flushed before returning (the test reads it as soon as it is written).
fn emit(line: &str) -> AnyResult<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

/// A writer task and the records it has written in this run (their parents for the next ones).
struct Writer {
    store: Store,
    ladder: Vec<LadderLevel>,
    rng: XorShift,
    task: u64,
    seq: u64,
    today: NaiveDate,
    people: Vec<Person>,
    reports: Vec<ReportId>,
    /// With how many days back the next 1:1 of each report is held (one 1:1 per day).
    next_meeting_back: Vec<u64>,
    evidence: Vec<(EvidenceId, NaiveDate)>,
    meetings: Vec<(ReportId, MeetingId)>,
}

impl Writer {
    fn new(store: Store, ladder: Vec<LadderLevel>, task: u64, seed: u64) -> Self {
        let today = store.clock().today();
        Self {
            store,
            ladder,
            rng: XorShift::new(seed ^ (task + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
            task,
            seq: 0,
            today,
            people: Vec::new(),
            reports: Vec::new(),
            next_meeting_back: Vec::new(),
            evidence: Vec::new(),
            meetings: Vec::new(),
        }
    }

    async fn run(mut self) -> AnyResult<()> {
        self.report().await?;
        loop {
            self.seq += 1;
            match self.rng.below(20) {
                0..=2 => self.person().await?,
                3..=4 => self.person_update().await?,
                5 => self.report().await?,
                6..=8 => self.evidence().await?,
                9..=10 => self.visibility().await?,
                11..=13 => self.meeting().await?,
                14..=16 => self.note().await?,
                17..=18 => self.agenda().await?,
                _ => self.action().await?,
            }
        }
    }

    /// Text no other write of this run uses, to find the new record in what a call returns.
    fn tag(&self) -> String {
        format!("w{}-{}", self.task, self.seq)
    }

    fn day(&self, days_back: u64) -> NaiveDate {
        self.today
            .checked_sub_days(Days::new(days_back))
            .unwrap_or(self.today)
    }

    async fn person(&mut self) -> AnyResult<()> {
        const RELATIONSHIPS: [Relationship; 5] = [
            Relationship::MyOrg,
            Relationship::Peer,
            Relationship::SkipLevel,
            Relationship::Leadership,
            Relationship::CrossFunctional,
        ];
        let relationship = *pick(&mut self.rng, &RELATIONSHIPS).ok_or("no relationship")?;
        let draft = PersonDraft {
            name: format!("Jamie Chen {}", self.tag()),
            title: "Engineering Manager, Payments".to_owned(),
            relationship: Some(relationship),
            notes: "Saw the ledger migration demo.".to_owned(),
        };
        let person = self.store.create_person(&draft).await?;
        emit(&format!("ACK person {}", person.id.as_str()))?;
        self.people.push(person);
        Ok(())
    }

    async fn person_update(&mut self) -> AnyResult<()> {
        if self.people.is_empty() {
            return self.person().await;
        }
        let i = self.rng.below(self.people.len() as u64) as usize;
        let current = &self.people[i];
        let draft = PersonDraft {
            name: current.name.clone(),
            title: format!("Director, Platform ({})", self.tag()),
            relationship: Some(current.relationship),
            notes: format!("{}\nAsked about the staff project.", current.notes),
        };
        let updated = self
            .store
            .update_person(&current.id, current.version, &draft)
            .await?;
        emit(&format!(
            "ACK person-update {} {}",
            updated.id.as_str(),
            updated.version
        ))?;
        self.people[i] = updated;
        Ok(())
    }

    async fn report(&mut self) -> AnyResult<()> {
        let current = self.rng.below(self.ladder.len() as u64 - 1) as usize;
        let target = current + self.rng.below(2) as usize;
        let in_role_days = 400 + self.rng.below(800);
        let draft = ReportDraft {
            name: format!("Ada Lovelace {}", self.tag()),
            current_level_id: Some(self.ladder[current].id.clone()),
            target_level_id: Some(self.ladder[target].id.clone()),
            team: "Payments Platform".to_owned(),
            in_role_since: self.day(in_role_days).to_string(),
            archetype_worked: Some(Archetype::TechLead),
            archetype_needed: Some(Archetype::Architect),
            team_strength: Some(if self.rng.below(2) == 0 {
                TeamStrength::Strong
            } else {
                TeamStrength::Weak
            }),
            notes: "Leads the ledger migration.\nWants Senior Staff next cycle.".to_owned(),
            one_on_one_every_days: None,
        };
        let report = self.store.create_report(&draft).await?;
        emit(&format!("ACK report {}", report.id.as_str()))?;
        self.reports.push(report.id);
        self.next_meeting_back.push(0);
        Ok(())
    }

    async fn evidence(&mut self) -> AnyResult<()> {
        let report = pick(&mut self.rng, &self.reports)
            .ok_or("no report")?
            .clone();
        let co_owner_ids = match pick(&mut self.rng, &self.people) {
            Some(p) if self.rng.below(2) == 0 => vec![p.id.clone()],
            _ => Vec::new(),
        };
        let started_days = 120 + self.rng.below(300);
        let started_on = self.day(started_days);
        let draft = EvidenceDraft {
            title: format!("Ledger consistency migration {}", self.tag()),
            description: "Moved every payment write to the shared ledger.".to_owned(),
            started_on: started_on.to_string(),
            ended_on: self.day(60).to_string(),
            kind: Some(EvidenceKind::Project),
            role: Some(EvidenceRole::Led),
            co_owner_ids,
            impact: "Reconciliation breaks down from 40 to 2 a month".to_owned(),
            links: vec![Link {
                url: "https://docs.example.com/design".to_owned(),
                label: "Design doc".to_owned(),
            }],
            in_production_since: self.day(50).to_string(),
            archetype: Some(Archetype::Architect),
            work_mix: Some(WorkMix::HighLeverage),
            flagship: false,
        };
        let evidence = self.store.create_evidence(&report, &draft).await?;
        emit(&format!("ACK evidence {}", evidence.id.as_str()))?;
        self.evidence.push((evidence.id, started_on));
        Ok(())
    }

    async fn visibility(&mut self) -> AnyResult<()> {
        let Some((evidence, started_on)) = pick(&mut self.rng, &self.evidence).cloned() else {
            return self.evidence().await;
        };
        let Some(person) = pick(&mut self.rng, &self.people).map(|p| p.id.clone()) else {
            return self.person().await;
        };
        let detail = format!("Quarterly platform demo {}", self.tag());
        let draft = VisibilityDraft {
            person_id: Some(person),
            channel: Some(Channel::Demo),
            detail: detail.clone(),
            seen_on: started_on.max(self.day(30)).to_string(),
        };
        let updated = self.store.add_visibility(&evidence, &draft).await?;
        let entry = updated
            .visibility
            .iter()
            .find(|v| v.detail == detail)
            .ok_or("add_visibility returned the evidence without the new entry")?;
        emit(&format!("ACK visibility {}", entry.id.as_str()))?;
        Ok(())
    }

    async fn meeting(&mut self) -> AnyResult<()> {
        let i = self.rng.below(self.reports.len() as u64) as usize;
        let report = self.reports[i].clone();
        let held_on = self.day(self.next_meeting_back[i]);
        self.next_meeting_back[i] += 1;
        let draft = MeetingDraft {
            held_on: held_on.to_string(),
        };
        let ones = self.store.create_meeting(&report, &draft).await?;
        let meeting = ones
            .meetings
            .iter()
            .find(|m| m.held_on == held_on)
            .ok_or("create_meeting returned the 1:1s without the new one")?;
        emit(&format!("ACK meeting {}", meeting.id.as_str()))?;
        self.meetings.push((report, meeting.id.clone()));
        Ok(())
    }

    async fn note(&mut self) -> AnyResult<()> {
        let Some((_, meeting)) = pick(&mut self.rng, &self.meetings).cloned() else {
            return self.meeting().await;
        };
        let body = format!(
            "Talked through the calibration timeline ({}).\nAgreed to write up the staff project.",
            self.tag()
        );
        let draft = NoteDraft {
            body: body.clone(),
            private: self.rng.below(2) == 0,
        };
        let ones = self.store.add_note(&meeting, &draft).await?;
        let note = ones
            .meetings
            .iter()
            .filter(|m| m.id == meeting)
            .flat_map(|m| &m.notes)
            .find(|n| n.body == body)
            .ok_or("add_note returned the 1:1s without the new note")?;
        emit(&format!("ACK note {}", note.id.as_str()))?;
        Ok(())
    }

    async fn agenda(&mut self) -> AnyResult<()> {
        let (report, meeting) = self.report_and_maybe_meeting()?;
        let text = format!(
            "Who presents the ledger work at calibration? {}",
            self.tag()
        );
        let draft = AgendaItemDraft {
            text: text.clone(),
            shared: self.rng.below(2) == 0,
        };
        let ones = self
            .store
            .add_agenda_item(&report, meeting.as_ref(), &draft)
            .await?;
        let item = ones
            .open_agenda
            .iter()
            .find(|a| a.text == text)
            .ok_or("add_agenda_item returned the 1:1s without the new item")?;
        emit(&format!("ACK agenda {}", item.id.as_str()))?;
        Ok(())
    }

    async fn action(&mut self) -> AnyResult<()> {
        let (report, meeting) = self.report_and_maybe_meeting()?;
        let text = format!("Draft the packet's impact section {}", self.tag());
        let draft = ActionItemDraft {
            text: text.clone(),
            owner: Some(if self.rng.below(2) == 0 {
                ActionOwner::Report
            } else {
                ActionOwner::Manager
            }),
            due_on: self
                .today
                .checked_add_days(Days::new(14))
                .map_or_else(String::new, |d| d.to_string()),
            done_on: String::new(),
        };
        let ones = self
            .store
            .add_action_item(&report, meeting.as_ref(), &draft)
            .await?;
        let item = ones
            .open_actions
            .iter()
            .find(|a| a.text == text)
            .ok_or("add_action_item returned the 1:1s without the new item")?;
        emit(&format!("ACK action {}", item.id.as_str()))?;
        Ok(())
    }

    /// A 1:1 of this run and its report (half the time), or a report alone.
    fn report_and_maybe_meeting(&mut self) -> AnyResult<(ReportId, Option<MeetingId>)> {
        match pick(&mut self.rng, &self.meetings).cloned() {
            Some((report, meeting)) if self.rng.below(2) == 0 => Ok((report, Some(meeting))),
            _ => Ok((
                pick(&mut self.rng, &self.reports)
                    .ok_or("no report")?
                    .clone(),
                None,
            )),
        }
    }
}

/// A random one of `items`, if any.
fn pick<'a, T>(rng: &mut XorShift, items: &'a [T]) -> Option<&'a T> {
    if items.is_empty() {
        None
    } else {
        items.get(rng.below(items.len() as u64) as usize)
    }
}
