//! Reminders on a real desktop: the app raises its notifications on a notification daemon of
//! the harness's own (dunst on a private D-Bus session bus), which the test reads and clicks.
//! The demo raises nothing until the manager switches a kind on; then the 1:1s due today or
//! tomorrow are raised at once. With "keep running in the tray" on, closing the window hides
//! it and Trellis keeps running; clicking the notification brings the window back on the prep.
//! Nothing is raised twice. Starting at login writes the desktop's autostart entry.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use trellis_core::model::{MeetingDraft, RosterFilter};

use crate::harness::{App, Harness, Shown};
use crate::steps::{day, nav};

/// The demo team with a 1:1 planned tomorrow for its first report. Returns the notification
/// the 1:1 reminder should be (every planned 1:1 today or tomorrow, soonest first) and the id
/// of the report whose prep it opens.
fn seed(data: &Path) -> (Shown, String) {
    let (runtime, store) = crate::steps::demo_store(data);
    runtime.block_on(async {
        let reports = store.reports(RosterFilter::Active).await.expect("reports");
        let first = reports.first().expect("a demo report");
        store
            .create_meeting(&first.id, &MeetingDraft { held_on: day(1) })
            .await
            .map(drop)
            .or_else(|e| match e {
                // The demo may have planned it already.
                trellis_core::Error::Validation { .. } => Ok(()),
                other => Err(other),
            })
            .expect("a 1:1 tomorrow");
        let today: NaiveDate = day(0).parse().expect("today");
        let tomorrow: NaiveDate = day(1).parse().expect("tomorrow");
        let mut due: Vec<(NaiveDate, String, String)> = Vec::new();
        for r in &reports {
            let ones = store.one_on_ones(&r.id).await.expect("1:1s");
            let next = ones
                .meetings
                .iter()
                .map(|m| m.held_on)
                .filter(|d| *d >= today)
                .min();
            if let Some(on) = next.filter(|d| *d <= tomorrow) {
                due.push((on, r.name.to_lowercase(), r.name.clone()));
            }
        }
        due.sort();
        let open = reports
            .iter()
            .find(|r| r.name == due[0].2)
            .map(|r| r.id.to_string())
            .expect("the first");
        let summary = match due.as_slice() {
            [(on, _, name)] => format!(
                "1:1 with {name} {}",
                if *on == today { "today" } else { "tomorrow" }
            ),
            more => format!("{} 1:1s coming up", more.len()),
        };
        let body = if due.len() == 1 {
            "The prep is ready in Trellis: what changed since your last 1:1, open signals and the agenda."
                .to_owned()
        } else {
            due.iter().map(|d| d.2.clone()).collect::<Vec<_>>().join("|")
        };
        (Shown { summary, body }, open)
    })
}

#[test]
fn a_one_on_one_due_tomorrow_is_raised_once_and_opens_its_prep_from_the_tray() {
    let harness = Harness::with_notifications();
    let data = harness.scratch("reminders");
    let (expected, report_id) = seed(&data);
    let app = harness.launch(&data, "reminders");
    app.wait_for("nav").unwrap();

    // The demo raises nothing: its reminders start off.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(harness.notifications_on_screen(), 0, "the demo reminded");

    nav(&app, "/settings/reminders");
    app.wait_for_text("h2", "Reminders").unwrap();
    // Keep running in the tray: the desktop has one.
    flip(&app, "Keep running in the tray to remind me");
    std::thread::sleep(Duration::from_secs(1));
    let body = app.text(&app.wait_for("body").unwrap()).unwrap();
    assert!(!body.contains("No tray on this desktop"), "{body}");
    flip(&app, "1:1s");
    // Switched on, what is due is raised at once.
    harness.wait_for_notification();

    // Closing the window hides it; Trellis keeps running, and the notification still opens
    // the prep, bringing the window back.
    assert!(harness.windows_on_screen().contains(&"Trellis".to_owned()));
    harness.close_window("Trellis");
    app.wait("the window to be hidden", || {
        Ok((!harness.windows_on_screen().contains(&"Trellis".to_owned())).then_some(()))
    })
    .unwrap();
    assert_eq!(
        app.execute("return 1 + 1").unwrap(),
        2,
        "Trellis still runs"
    );
    harness.click_notification();
    app.wait("the window to come back", || {
        Ok(harness
            .windows_on_screen()
            .contains(&"Trellis".to_owned())
            .then_some(()))
    })
    .unwrap();
    app.wait_for_text("[role=tab][aria-selected=true]", "1:1 prep")
        .unwrap();
    assert_eq!(
        app.execute("return location.hash").unwrap(),
        format!("#/reports/{report_id}/prep"),
        "the notification opens the prep"
    );

    let shown = harness.notifications();
    assert_eq!(shown.len(), 1, "one notification for the 1:1s: {shown:?}");
    assert_eq!(shown[0].summary, expected.summary);
    if expected.body.contains('|') {
        for name in expected.body.split('|') {
            assert!(
                shown[0].body.contains(name),
                "{name} in {:?}",
                shown[0].body
            );
        }
    } else {
        assert_eq!(shown[0].body, expected.body);
    }

    // Switching it off and on again raises nothing new: each 1:1 is reminded of once.
    nav(&app, "/settings/reminders");
    for _ in 0..2 {
        flip(&app, "1:1s");
        std::thread::sleep(Duration::from_millis(500));
    }
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(harness.notifications_on_screen(), 0, "reminded twice");
    assert_eq!(harness.notifications().len(), 1);

    // Starting at login writes the desktop's autostart entry for this Trellis.
    flip(&app, "Start Trellis when I log in");
    let entry = harness.home().join(".config/autostart/Trellis.desktop");
    app.wait("the autostart entry", || Ok(entry.exists().then_some(())))
        .unwrap();
    let text = std::fs::read_to_string(&entry).unwrap();
    assert!(text.contains("Exec="), "{text}");
    assert!(text.contains("trellis"), "{text}");
}

/// Flips the switch labelled `label` once it can be flipped (each saves before the next).
/// A Mantine switch is a `label` holding its input, its track and a `span` with its name.
fn flip(app: &App, label: &str) {
    let name = format!("//label[.//span[normalize-space(.)='{label}']]");
    app.wait(&format!("the {label} switch"), || {
        Ok(app
            .find_all_xpath(&format!("{name}//input[@role='switch'][not(@disabled)]"))?
            .into_iter()
            .next())
    })
    .unwrap();
    let track = app
        .find_all_xpath(&format!(
            "{name}//*[contains(@class,'mantine-Switch-track')]"
        ))
        .unwrap();
    app.click_when_clear(track.first().expect("its track"), label)
        .unwrap();
}
