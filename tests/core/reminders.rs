//! Reminders from a real store: a planned 1:1 today or tomorrow, a candidacy's deadline this
//! week while what it asks for is missing, a mandate review this week, a high signal that
//! fired this week; each raised once, only of the kinds the manager wants, never for a demo.
//! Silent where nothing is due: a 1:1 weeks away, a review next month, a standing old signal,
//! a candidate whose draft exists.

use trellis_core::generator;
use trellis_core::model::{
    CycleDraft, MandateDraft, Reminder, ReminderKind, ReminderSettings, ReminderTarget,
    ReviewerRole,
};

use crate::cycle_support::*;
use crate::support::*;

/// The reminders due on `day`, of the kinds the store's settings ask for.
async fn take(
    store: &trellis_core::Store,
    day: chrono::NaiveDate,
) -> trellis_core::Result<Vec<Reminder>> {
    let settings = store.reminder_settings().await?;
    store.take_reminders(day, &settings).await
}

fn titles(reminders: &[Reminder]) -> Vec<(ReminderKind, &str)> {
    reminders
        .iter()
        .map(|r| (r.kind, r.title.as_str()))
        .collect()
}

fn cycle(name: &str, packet_due: &str, calibration: &str) -> CycleDraft {
    CycleDraft {
        opens_on: "2026-07-01".to_owned(),
        packet_due: packet_due.to_owned(),
        calibration_date: calibration.to_owned(),
        ..cycle_draft(name, &[])
    }
}

#[tokio::test]
async fn each_reminder_is_raised_once_for_what_is_due_soon_and_nothing_else() {
    let (ts, clock) = store_on("2026-10-20").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let katherine = add_report(&ts, "Katherine Johnson").await;
    let linus = add_report(&ts, "Linus Torvalds").await;
    // 1:1s planned: Ada on 3 Nov, Grace and Linus on 4 Nov, Katherine at the end of the month.
    for (who, on) in [
        (&ada, "2026-11-03"),
        (&grace, "2026-11-04"),
        (&linus, "2026-11-04"),
        (&katherine, "2026-11-30"),
    ] {
        ts.create_meeting(&who.id, &meeting_draft(on))
            .await
            .unwrap();
    }
    // Mandate reviews: Ada's on 6 Nov, Grace's on 20 Nov.
    for (who, review_by) in [(&ada, "2026-11-06"), (&grace, "2026-11-20")] {
        ts.set_mandate(
            &who.id,
            &MandateDraft {
                set_on: "2026-10-20".to_owned(),
                review_by: review_by.to_owned(),
                ..mandate_draft("Make ledger consistency a platform property.")
            },
            None,
        )
        .await
        .unwrap();
    }
    // Candidacies (packet drafts are due four months before calibration): Ada's draft on
    // 7 Nov (ahead), Grace's on 28 Oct (passed: a high signal since then), Katherine's on
    // 15 Oct (passed before she was added: a high signal since 20 Oct, standing).
    for (who, name, calibration) in [
        (&ada, "Spring", "2027-03-07"),
        (&grace, "Late winter", "2027-02-28"),
        (&katherine, "Winter", "2027-02-15"),
    ] {
        let c = ts
            .create_cycle(&cycle(name, "2027-01-25", calibration))
            .await
            .unwrap();
        ts.add_candidate(&c.id, &candidate_draft(&who.id, "2026-10-20"))
            .await
            .unwrap();
    }

    clock.set("2026-11-02");
    let first = take(&ts, date("2026-11-02")).await.unwrap();
    assert_eq!(
        titles(&first),
        [
            (ReminderKind::OneOnOne, "1:1 with Ada Lovelace tomorrow"),
            (
                ReminderKind::Deadline,
                "Packet draft for Ada Lovelace due soon"
            ),
            (
                ReminderKind::MandateReview,
                "Mandate review for Ada Lovelace"
            ),
            (ReminderKind::HighSignal, "New high signal for Grace Hopper"),
        ],
        "Grace's and Linus's 1:1s are two days away, Katherine's weeks; Grace's mandate review \
         is next month; Katherine's high signal has stood since 20 Oct"
    );
    assert_eq!(
        first[0].open,
        ReminderTarget::Prep {
            report_id: ada.id.clone()
        }
    );
    assert!(
        first[1]
            .body
            .contains("Ada Lovelace's first packet draft (none saved yet) for Spring: due in 5 days, 7 Nov 2026"),
        "{}",
        first[1].body
    );
    assert!(
        first[2].body.contains("review due in 4 days, 6 Nov 2026"),
        "{}",
        first[2].body
    );
    assert!(
        first[3].body.starts_with("No packet draft"),
        "{}",
        first[3].body
    );
    for r in &first {
        assert!(
            !r.body.contains("2026-") && !r.title.contains("2026-"),
            "a raw date: {r:?}"
        );
    }
    assert!(
        take(&ts, date("2026-11-02")).await.unwrap().is_empty(),
        "each is raised once"
    );

    // The next day: Ada's 1:1 is today (reminded already); Grace's and Linus's are tomorrow,
    // but the manager has switched 1:1 reminders off, so they wait.
    clock.set("2026-11-03");
    let mut settings = ts.reminder_settings().await.unwrap();
    assert_eq!(
        settings,
        ReminderSettings::default(),
        "every kind by default"
    );
    settings.one_on_ones = false;
    ts.set_reminder_settings(&settings).await.unwrap();
    assert!(take(&ts, date("2026-11-03")).await.unwrap().is_empty());
    settings.one_on_ones = true;
    ts.set_reminder_settings(&settings).await.unwrap();
    let second = take(&ts, date("2026-11-03")).await.unwrap();
    assert_eq!(
        titles(&second),
        [(ReminderKind::OneOnOne, "2 1:1s coming up")],
        "switched back on, what waited is raised, in one notification"
    );
    assert_eq!(
        second[0].body,
        "Tomorrow: Grace Hopper and Linus Torvalds. Each has its prep ready in Trellis."
    );
    assert!(take(&ts, date("2026-11-03")).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_candidate_whose_draft_and_reviews_are_in_is_reminded_only_of_the_packet_itself() {
    let (ts, clock) = store_on("2026-10-20").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    // Packets due 12 Nov; the staff-peer review was due 1 Oct, the manager's 15 Oct, the
    // skip-level's 29 Oct; the draft on 7 Nov.
    let c = ts
        .create_cycle(&cycle("Spring", "2026-11-12", "2027-03-07"))
        .await
        .unwrap();
    let candidate = ts
        .add_candidate(&c.id, &candidate_draft(&ada.id, "2026-10-20"))
        .await
        .unwrap();
    ts.save_packet(&candidate.id, &sections(&[]), "First draft")
        .await
        .unwrap();
    let peer = add_person(
        &ts,
        "Barbara Liskov",
        trellis_core::model::Relationship::Peer,
    )
    .await;
    for role in [
        ReviewerRole::StaffPeer,
        ReviewerRole::Manager,
        ReviewerRole::SkipLevel,
    ] {
        ts.add_review(
            &candidate.id,
            &review_draft(&peer.id, role, "2026-10-20", "2026-10-20"),
        )
        .await
        .unwrap();
    }

    // Nothing missing and nothing due within a week: no reminder about the candidacy at all.
    clock.set("2026-10-25");
    let quiet = take(&ts, date("2026-10-25")).await.unwrap();
    assert!(
        quiet.iter().all(|r| r.kind != ReminderKind::Deadline),
        "{quiet:?}"
    );

    clock.set("2026-11-06");
    let got = take(&ts, date("2026-11-06")).await.unwrap();
    let deadlines: Vec<&Reminder> = got
        .iter()
        .filter(|r| r.kind == ReminderKind::Deadline)
        .collect();
    assert_eq!(deadlines.len(), 1, "{got:?}");
    assert_eq!(deadlines[0].title, "Ada Lovelace's packet is due soon");
    assert!(
        deadlines[0]
            .body
            .contains("Ada Lovelace's packet for Spring: due in 6 days, 12 Nov 2026"),
        "{}",
        deadlines[0].body
    );
}

#[tokio::test]
async fn the_demo_never_reminds_until_the_manager_switches_reminders_on() {
    let ts = open_store().await;
    assert!(generator::seed_demo_if_empty(&ts).await.unwrap());
    assert_eq!(ts.reminder_settings().await.unwrap(), ReminderSettings::OFF);
    assert!(take(&ts, today()).await.unwrap().is_empty());
    // A demo folder made before reminders existed is switched off too, and a choice the
    // manager made stays.
    let mut on = ReminderSettings::OFF;
    on.high_signals = true;
    ts.set_reminder_settings(&on).await.unwrap();
    assert!(!generator::seed_demo_if_empty(&ts).await.unwrap());
    assert_eq!(ts.reminder_settings().await.unwrap(), on);
}
