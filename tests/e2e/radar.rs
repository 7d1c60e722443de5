//! The radar, as a manager meets it: create a cycle, make a report a candidate with a packet
//! draft, see what is missing on the dashboard, and acknowledge a signal with a reason.

use crate::harness::{App, Harness};
use crate::roster::{add_report, GRACE};
use crate::steps::{add_cycle_with_candidate, nav, open_tab};

/// The first displayed button labelled `label` inside the signal card saying `message`.
fn signal_button(app: &App, message: &str, label: &str) -> crate::webdriver::Element {
    let xpath = format!(
        "//article[@data-testid='signal'][contains(., \"{message}\")]//button[normalize-space(.)='{label}']"
    );
    app.wait(&format!("{label} on the signal {message:?}"), || {
        Ok(app.find_all_xpath(&xpath)?.into_iter().next())
    })
    .unwrap()
}

#[test]
fn a_candidate_with_a_packet_draft_shows_signals_and_one_is_acknowledged() {
    let harness = Harness::start();
    let data = harness.scratch("radar");
    let app = harness.launch(&data, "radar");
    add_report(&app, &GRACE);

    // A cycle whose calibration is a month away, with Grace as a candidate.
    let name = add_cycle_with_candidate(
        &app,
        "Spring calibration",
        "Grace Hopper (Staff)",
        "Grace Hopper",
    );

    // A first packet draft, saved as version 1.
    app.click(&name).unwrap();
    open_tab(&app, "Packet");
    app.fill("Note for this version", "First draft with Grace")
        .unwrap();
    app.click(&app.wait_for("[data-testid=save-packet]").unwrap())
        .unwrap();
    app.wait_for_text("[role=tab]", "Versions (1)").unwrap();

    // The dashboard shows what is still missing: no review by a staff-level peer.
    nav(&app, "/cycles");
    app.click(&app.wait_for_text("a", "Spring calibration").unwrap())
        .unwrap();
    let row = app.wait_for_text("tr", "Grace Hopper").unwrap();
    let row_text = app.text(&row).unwrap();
    assert!(row_text.contains("1 version"), "{row_text}");
    let expand = app
        .find_all_xpath("//tr[contains(., 'Grace Hopper')]//button")
        .unwrap();
    app.click(&expand[0]).unwrap();
    app.wait_for_text(
        "li, div, p",
        "No review of the packet by a staff-level peer",
    )
    .unwrap();

    // On the report's radar, acknowledge it with a reason; it stays visible, marked.
    let radar_link = app
        .wait_for("a[href*='/reports/'][href$='/radar']")
        .unwrap();
    app.click(&radar_link).unwrap();
    let message = "No review of the packet by a staff-level peer";
    app.click(&signal_button(&app, message, "Acknowledge"))
        .unwrap();
    app.fill("Reason", "Asked Hiro to review it this week.")
        .unwrap();
    app.click(&signal_button(&app, message, "Acknowledge"))
        .unwrap();
    app.wait_for_text("[data-testid=ack-state]", "Acknowledged on")
        .unwrap();
    let card = app
        .find_all_xpath(&format!(
            "//article[@data-testid='signal'][contains(., \"{message}\")]"
        ))
        .unwrap();
    assert!(app
        .text(&card[0])
        .unwrap()
        .contains("Asked Hiro to review it this week."));

    // The dashboard counts it as acknowledged.
    nav(&app, "/cycles");
    app.click(&app.wait_for_text("a", "Spring calibration").unwrap())
        .unwrap();
    app.wait("one acknowledged signal on Grace's row", || {
        let row = app.wait_for_text("tr", "Grace Hopper")?;
        let cells = app.text(&row)?;
        Ok(cells.trim_end().ends_with('1').then_some(()))
    })
    .unwrap();
    app.quit();
}
