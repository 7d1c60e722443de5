//! The staff record, as a manager keeps it: a mandate and its review, flagship evidence with a
//! co-owner and a witness, negative mentee feedback; then finding that feedback by search and
//! seeing it all on the timeline.

use crate::harness::App;
use crate::roster::{add_report, GRACE};
use crate::steps::{open_tab, set_mandate};

/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

/// Picks a person who is not in the directory yet: type the name, take the "Add … to people"
/// option, say how they relate to the org, add them.
fn pick_new_person(app: &App, picker: &str, name: &str, relationship: &str) {
    let input = app.labelled(picker).unwrap();
    app.send_keys(&input, name).unwrap();
    app.option(&format!("+ Add \"{name}\" to people…")).unwrap();
    app.choose("Relationship to your org", relationship)
        .unwrap();
    app.click(&app.button("Add person").unwrap()).unwrap();
}

#[test]
fn a_mandate_evidence_and_mentee_feedback_are_kept_found_and_on_the_timeline() {
    let harness = crate::harness::Harness::start();
    let data = harness.scratch("staff-record");
    let app = harness.launch(&data, "staff-record");
    add_report(&app, &GRACE);

    // Record a mandate on the overview.
    set_mandate(
        &app,
        "Own the direction of the compiler toolchain",
        "Developer productivity",
    );

    // Review it: kept, with a note; the card lists the review and when the next one is due.
    app.click(&app.button("Review…").unwrap()).unwrap();
    app.click(&app.labelled("Kept").unwrap()).unwrap();
    app.fill("Note", "Still the toolchain leadership cares about.")
        .unwrap();
    app.click(&app.button("Save review").unwrap()).unwrap();
    let review = app
        .wait_for_text("[data-testid=mandate-review]", "Kept on")
        .unwrap();
    let review_text = app.text(&review).unwrap();
    assert!(review_text.contains("next review"), "{review_text}");
    assert!(review_text.contains("Still the toolchain"), "{review_text}");

    // Add evidence with a co-owner, then who saw it.
    open_tab(&app, "Evidence");
    app.click(&app.button("Add the first evidence item").unwrap())
        .unwrap();
    app.fill("Title", "Rewrote the linker").unwrap();
    app.fill("Started on", "2026-01-15").unwrap();
    app.choose("Kind", "Project").unwrap();
    app.choose("Their role", "Led").unwrap();
    pick_new_person(&app, "Co-owners", "Linus Chen", "In my org");
    app.fill("Quantified impact", "Link times down 60%")
        .unwrap();
    // The project the packet leads with.
    app.click(
        &app.labelled("Flagship: the project the packet leads with")
            .unwrap(),
    )
    .unwrap();
    app.click(&app.button("Add evidence").unwrap()).unwrap();
    let card = app
        .wait_for_text("[data-testid=evidence-card]", "Rewrote the linker")
        .unwrap();
    let card_text = app.text(&card).unwrap();
    assert!(card_text.contains("Linus Chen"), "{card_text}");
    assert!(card_text.contains("Link times down 60%"), "{card_text}");
    app.wait_for("[data-testid=evidence-card] [data-testid=flagship]")
        .unwrap();

    app.click(&app.button("Add who saw it").unwrap()).unwrap();
    pick_new_person(
        &app,
        "Who saw it",
        "Morgan Avery",
        "Skip-level (my manager)",
    );
    app.choose("How they saw it", "Demo").unwrap();
    app.fill("Seen on", "2026-04-01").unwrap();
    app.click(&app.button("Add").unwrap()).unwrap();
    app.wait_for_text("[data-testid=visibility-entry]", "Morgan Avery")
        .unwrap();

    // A mentee, and negative feedback in their words.
    open_tab(&app, "Mentorship");
    app.click(&app.wait_for("[data-testid=add-mentorship]").unwrap())
        .unwrap();
    pick_new_person(&app, "Mentee", "Jamie Park", "In my org");
    app.fill("Goals", "Lead a project end to end").unwrap();
    app.click(&app.wait_for("[data-testid=save-mentorship]").unwrap())
        .unwrap();
    app.click(&app.button("Add feedback").unwrap()).unwrap();
    app.choose("Source", "The mentee, directly").unwrap();
    app.choose("Sentiment", "Negative").unwrap();
    app.fill("Their words", "Our sessions keep getting cancelled")
        .unwrap();
    app.click(&app.wait_for("[data-testid=save-feedback]").unwrap())
        .unwrap();
    app.wait_for_text("[data-testid=feedback-words]", "keep getting cancelled")
        .unwrap();

    // Find it from the header's search box; the match is marked; the hit opens it.
    let search = app.wait_for("[data-testid=search-box]").unwrap();
    app.send_keys(&search, &format!("cancelled{ENTER}"))
        .unwrap();
    let mark = app
        .wait_for_text("[data-testid^=hit-] mark", "cancelled")
        .unwrap();
    app.click(&mark).unwrap();
    app.wait_for_text("[data-testid=feedback-words]", "keep getting cancelled")
        .unwrap();

    // The timeline lays out the mandate, the evidence, the sighting and the feedback.
    open_tab(&app, "Timeline");
    for entry in [
        "Mandate: Own the direction of the compiler toolchain",
        "Rewrote the linker",
        "Morgan Avery saw Rewrote the linker",
        "Negative feedback from Jamie Park",
    ] {
        app.wait_for_text("[data-testid=timeline-entry]", entry)
            .unwrap_or_else(|e| panic!("timeline entry {entry:?}: {e:?}"));
    }

    // And the overview keeps the unaddressed negative feedback in sight.
    open_tab(&app, "Overview");
    app.wait_for_text(
        "[data-testid=negative-feedback-card]",
        "keep getting cancelled",
    )
    .unwrap();
    app.quit();
}
