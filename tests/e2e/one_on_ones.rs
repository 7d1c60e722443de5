//! The two moments a manager opens Trellis for: before a 1:1 (hold it, raise something that
//! carries over to the next one) and before calibration (export the committee brief through
//! the native save dialog, with nothing private and no risk in the file; then the manager's
//! brief, with the risks).

use crate::harness::{App, Harness};
use crate::roster::{add_report, GRACE};
use crate::steps::{add_cycle_with_candidate, day, open_tab};

/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

/// Holds (or plans) a 1:1 on `date` from the 1:1s tab.
fn hold(app: &App, date: &str, button: &str) {
    app.fill("Date of the 1:1", date).unwrap();
    app.click(&app.button(button).unwrap()).unwrap();
}

#[test]
fn a_one_on_one_item_carries_over_and_the_committee_brief_exports_without_risks_or_private_notes() {
    let harness = Harness::start();
    let data = harness.scratch("one-on-ones");
    let app = harness.launch(&data, "one-on-ones");
    add_report(&app, &GRACE);

    // The first 1:1, today: something to raise, and a private note.
    open_tab(&app, "1:1s");
    app.wait_for_text("body", "No 1:1s yet").unwrap();
    let agenda = app.labelled("Add to agenda").unwrap();
    app.send_keys(&agenda, "Staff promotion timeline").unwrap();
    app.send_keys(&agenda, ENTER).unwrap();
    app.wait_for_text("body", "Staff promotion timeline")
        .unwrap();
    // The "+" beside the field adds an item too.
    let agenda = app.labelled("Add to agenda").unwrap();
    app.send_keys(&agenda, "Conference budget").unwrap();
    app.click(
        &app.wait_for("button[aria-label='Add the agenda item']")
            .unwrap(),
    )
    .unwrap();
    app.wait_for_text("[data-testid=next-one-on-one]", "Conference budget")
        .unwrap();
    hold(&app, &day(0), "Hold 1:1");
    app.wait_for_text("body", "1 held").unwrap();
    // Markup typed into a note is kept as text and never runs.
    let note = "PRIVATE-MARKER: worried about the re-org <script>window.__pwned = 1</script>\
                <img src=x onerror=\"window.__pwned = 2\"><svg onload=\"window.__pwned = 3\">";
    app.fill("Add a note", note).unwrap();
    app.click(&app.button("Add note").unwrap()).unwrap();
    app.wait_for_text("body", "<script>window.__pwned = 1</script>")
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        app.execute("return typeof window.__pwned;").unwrap(),
        serde_json::json!("undefined"),
        "a script typed into a note ran"
    );
    // The window never leaves the app, whatever a page tries.
    app.execute("window.location.href = 'https://example.com/'; return null;")
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        app.execute("return location.protocol + '//' + location.host;")
            .unwrap(),
        serde_json::json!("tauri://localhost"),
        "the window navigated away from the app"
    );

    // The next 1:1 is planned: the open item carries into it.
    hold(&app, &day(7), "Plan 1:1");
    app.wait_for_text("body", "1 planned").unwrap();
    // The open agenda item is carried into the planned 1:1.
    app.wait_for_text("[data-testid=carried]", "carried ×1")
        .unwrap();
    // The prep view raises it too.
    open_tab(&app, "1:1 prep");
    app.wait_for_text("body", "Questions to ask").unwrap();
    app.wait_for_text("body", "Staff promotion timeline")
        .unwrap();

    // A cycle with Grace as a candidate.
    add_cycle_with_candidate(
        &app,
        "Autumn calibration",
        "Grace Hopper (Staff)",
        "Grace Hopper",
    );

    // Export the committee brief (the dialog's default): the native dialog chooses where. Its
    // first line says which document it is; it holds the case and no risk.
    app.click(&app.button("Export calibration notes").unwrap())
        .unwrap();
    app.wait_for_text("body", "to hand to the committee")
        .unwrap();
    app.click(&app.button("Save the committee brief…").unwrap())
        .unwrap();
    let file = harness.scratch("exports").join("autumn-committee.md");
    harness.save_as("Save the committee brief", &file);
    app.wait_for_text(
        ".mantine-Notification-description",
        &format!("Saved to {}", file.display()),
    )
    .unwrap();
    let text = std::fs::read_to_string(&file).expect("the exported file");
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "Committee brief: the case for each candidate, to hand to the committee. It holds no \
         radar risks, no private 1:1 notes and no mentee feedback that is not marked quotable."
    );
    assert!(text.contains("# Committee brief: Autumn calibration"));
    assert!(text.contains("## The cycle at a glance"), "{text}");
    assert!(text.contains("## Grace Hopper"));
    for risk in [
        "### Signals",
        "Suggested",
        "### Rules of thumb",
        "### Packet and reviews",
        "needed as",
        "PRIVATE-MARKER",
    ] {
        assert!(
            !text.contains(risk),
            "{risk:?} in the committee brief:\n{text}"
        );
    }

    // The manager's brief, chosen in the same dialog, keeps the radar's risks.
    app.wait("the export dialog to close", || {
        Ok(app
            .find_all(".mantine-Modal-content")?
            .is_empty()
            .then_some(()))
    })
    .unwrap();
    let export = app.button("Export calibration notes").unwrap();
    app.click_when_clear(&export, "Export calibration notes")
        .unwrap();
    let manager = app.labelled("Manager's brief").unwrap();
    app.click_when_clear(&manager, "the manager's brief")
        .unwrap();
    app.wait_for_text("body", "it lists the radar").unwrap();
    app.click(&app.button("Save the manager's brief…").unwrap())
        .unwrap();
    let file = harness.scratch("exports").join("autumn-manager.md");
    harness.save_as("Save the manager's brief", &file);
    app.wait_for_text(
        ".mantine-Notification-description",
        &format!("Saved to {}", file.display()),
    )
    .unwrap();
    let text = std::fs::read_to_string(&file).expect("the exported file");
    assert!(text.starts_with("Manager's brief, for you and not the committee"));
    assert!(text.contains("### Signals"), "{text}");
    assert!(
        !text.contains("PRIVATE-MARKER"),
        "a private note leaked into the export"
    );
    app.quit();
}

/// A weekly series of four 1:1s with Grace from the day after tomorrow, as a calendar app
/// exports it (the time written as the manager's local time).
fn weekly_series_with_grace() -> String {
    let start = day(2).replace('-', "");
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Calendar//EN\r\nBEGIN:VEVENT\r\n\
         UID:grace-weekly@example.com\r\nSUMMARY:Grace / Sam 1:1\r\n\
         DTSTART:{start}T100000\r\nDTEND:{start}T103000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n\
         ORGANIZER;CN=Sam Manager:mailto:sam@example.com\r\n\
         ATTENDEE;CN=Grace Hopper:mailto:grace@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

#[test]
fn a_calendar_file_plans_a_series_of_one_on_ones_and_importing_it_again_plans_nothing_new() {
    let harness = Harness::start();
    let data = harness.scratch("calendar");
    let file = harness.scratch("calendar-files").join("grace-weekly.ics");
    std::fs::write(&file, weekly_series_with_grace()).unwrap();
    let app = harness.launch(&data, "calendar");
    add_report(&app, &GRACE);
    open_tab(&app, "1:1s");
    app.wait_for_text("body", "No 1:1s yet").unwrap();

    for round in 0..2 {
        app.click(&app.button("Import from a calendar file…").unwrap())
            .unwrap();
        harness.save_as("Import 1:1s from a calendar file", &file);
        app.wait_for_text("[role=dialog]", "Plan 1:1s from grace-weekly.ics")
            .unwrap();
        app.wait_for_text("[data-testid=calendar-invitation]", "Grace / Sam 1:1")
            .unwrap();
        if round == 0 {
            app.wait_for_text("[data-testid=calendar-to-plan]", "New 1:1s to plan (4)")
                .unwrap();
            app.click(&app.button("Plan 4 1:1s").unwrap()).unwrap();
            app.wait_for_text(
                ".mantine-Notification-description",
                "Planned 4 1:1s with Grace Hopper.",
            )
            .unwrap();
        } else {
            // The same file again: everything is already planned, nothing to do.
            app.wait_for_text("[data-testid=calendar-already]", "Already planned")
                .unwrap();
            let plan = app
                .wait_for("[data-testid=calendar-plan]:disabled")
                .unwrap();
            assert_eq!(app.text(&plan).unwrap(), "Nothing new to plan");
            app.click(&app.button("Cancel").unwrap()).unwrap();
        }
        app.wait_for_text("[data-testid=meetings-summary]", "4 planned")
            .unwrap();
    }
    let planned = app.find_all("[data-testid^=meeting-]").unwrap();
    assert_eq!(planned.len(), 4, "four planned 1:1s, none twice");
}

/// The demo team; then, for its first report, 130 held 1:1s every two weeks back from a week
/// ago, one with a note about a "cold-storage rehearsal". Returns the report's id and the number
/// of held 1:1s it now has.
fn seed_long_history(data: &std::path::Path) -> (String, usize) {
    use trellis_core::model::{MeetingDraft, NoteDraft, RosterFilter};
    let (runtime, store) = crate::steps::demo_store(data);
    runtime.block_on(async {
        let report = store
            .reports(RosterFilter::Active)
            .await
            .expect("reports")
            .into_iter()
            .next()
            .expect("a report");
        for n in 0..130i64 {
            let made = store
                .create_meeting(
                    &report.id,
                    &MeetingDraft {
                        held_on: day(-7 - 14 * n),
                    },
                )
                .await;
            if let (Ok(ones), 100) = (&made, n) {
                let held = day(-7 - 14 * n);
                let meeting = ones
                    .meetings
                    .iter()
                    .find(|m| m.held_on.to_string() == held)
                    .expect("the 1:1");
                store
                    .add_note(
                        &meeting.id,
                        &NoteDraft {
                            body: "Walked through the cold-storage rehearsal.".into(),
                            private: false,
                        },
                    )
                    .await
                    .expect("a note");
            }
        }
        let today = chrono::Local::now().date_naive();
        let held = store
            .one_on_ones(&report.id)
            .await
            .expect("1:1s")
            .meetings
            .iter()
            .filter(|m| m.held_on < today)
            .count();
        (report.id.to_string(), held)
    })
}

#[test]
fn the_one_on_ones_tab_of_a_report_with_130_held_shows_ten_at_a_time_and_finds_an_old_one() {
    let harness = Harness::start();
    let data = harness.scratch("long-history");
    let (id, held) = seed_long_history(&data);
    assert!(held >= 130, "{held} held 1:1s");
    let app = harness.launch(&data, "long-history");
    app.wait_for("nav").unwrap();
    app.execute(&format!("location.hash = '#/reports/{id}/one-on-ones'"))
        .unwrap();
    app.wait_for_text("[data-testid=meetings-summary]", &format!("{held} held"))
        .unwrap();
    let older = app.wait_for("[data-testid=meetings-older]").unwrap();
    assert!(
        app.text(&older)
            .unwrap()
            .contains(&format!("({} more)", held - 10)),
        "{}",
        app.text(&older).unwrap()
    );
    let cards = app
        .find_all("[data-testid^=meeting-]:not([data-testid^=meetings-])")
        .unwrap();
    let planned = app.find_all("[data-testid=planned]").unwrap().len();
    assert_eq!(
        cards.len(),
        10 + planned,
        "ten held 1:1s, and the planned ones"
    );
    // Paging on.
    app.click(&older).unwrap();
    app.wait_for_text(
        "[data-testid=meetings-older]",
        &format!("({} more)", held - 20),
    )
    .unwrap();
    // The find box reaches a 1:1 of four years ago (the only one that says it).
    let find = app
        .wait_for("[data-testid=meetings-find] input, input[data-testid=meetings-find]")
        .unwrap();
    app.send_keys(&find, "cold-storage rehearsal").unwrap();
    app.wait_for_text("[data-testid=meetings-found]", "1 of ")
        .unwrap();
    app.wait_for_text("body", "Walked through the cold-storage rehearsal.")
        .unwrap();
}
