//! The roster slice, as a manager uses it.

use crate::harness::{App, Harness};

/// Typed into a text field; `\u{E004}` is WebDriver's Tab key, which also closes suggestions.
const TAB: &str = "\u{E004}";

pub struct NewReport<'a> {
    pub name: &'a str,
    pub current: &'a str,
    pub target: &'a str,
    pub team: &'a str,
    pub since: &'a str,
}

/// The report most journeys start from.
pub const GRACE: NewReport<'static> = NewReport {
    name: "Grace Hopper",
    current: "Staff",
    target: "Senior Staff",
    team: "Compilers",
    since: "2023-04-01",
};

/// Fills the new report form with `r`.
pub fn fill(app: &App, r: &NewReport) {
    let name = app.wait_for("[data-testid=field-name]").unwrap();
    app.send_keys(&name, r.name).unwrap();
    app.select("[data-testid=field-currentLevelId]", r.current)
        .unwrap();
    app.select("[data-testid=field-targetLevelId]", r.target)
        .unwrap();
    app.select("[data-testid=field-archetypeWorked]", "Architect")
        .unwrap();
    app.select("[data-testid=field-archetypeNeeded]", "Solver")
        .unwrap();
    app.select(
        "[data-testid=field-teamStrength]",
        "Weak team (work belongs to individuals)",
    )
    .unwrap();
    let since = app.find_all("[data-testid=field-inRoleSince]").unwrap();
    app.send_keys(&since[0], r.since).unwrap();
    let team = app.find_all("[data-testid=field-team]").unwrap();
    app.send_keys(&team[0], &format!("{}{TAB}", r.team))
        .unwrap();
}

/// Adds a report through the roster's form and waits for its page.
pub fn add_report(app: &App, r: &NewReport) {
    app.click(&app.wait_for("[data-testid=add-report]").unwrap())
        .unwrap();
    fill(app, r);
    save(app);
    app.wait_for_text("[data-testid=report-name]", r.name)
        .unwrap();
}

/// Saves the report form.
pub fn save(app: &App) {
    let save = app.wait_for("[data-testid=save-report]").unwrap();
    app.click(&save).unwrap();
}

fn open_roster(app: &App) {
    let link = app.wait_for("nav a[href='#/roster']").unwrap();
    app.click(&link).unwrap();
}

#[test]
fn a_report_added_through_the_form_is_listed_validated_and_kept_across_restarts() {
    let harness = Harness::start();
    let data = harness.scratch("roster-data");

    let app = harness.launch(&data, "roster-first-run");
    // A new data directory opens on the welcome (first_run.rs); the roster's own empty state
    // says what to do next.
    app.wait_for("[data-testid=welcome]").unwrap();
    open_roster(&app);
    let empty = app.wait_for("[data-testid=roster-empty]").unwrap();
    assert!(app
        .text(&empty)
        .unwrap()
        .contains("Add the first staff-plus engineer"));

    // Add a report through the form; the detail page opens, and the roster lists it.
    app.click(&app.wait_for("[data-testid=add-report]").unwrap())
        .unwrap();
    // The form is loaded when first opened: its first field takes the keyboard once it shows.
    let name_field = app.wait_for("[data-testid=field-name]").unwrap();
    let focused = app.active_element().unwrap();
    assert_eq!(
        app.attribute(&focused, "id").unwrap(),
        app.attribute(&name_field, "id").unwrap(),
        "the form opens with the keyboard on its first field"
    );
    fill(&app, &GRACE);
    save(&app);
    app.wait_for_text("[data-testid=report-name]", "Grace Hopper")
        .unwrap();
    open_roster(&app);
    let row = app
        .wait_for_text("[data-testid=roster-row]", "Grace Hopper")
        .unwrap();
    let row_text = app.text(&row).unwrap();
    assert!(row_text.contains("Staff → Senior Staff"), "{row_text}");
    assert!(row_text.contains("Compilers"), "{row_text}");

    // An impossible date is refused with a message at the field; nothing typed is lost.
    app.click(&app.wait_for("[data-testid=add-report]").unwrap())
        .unwrap();
    fill(
        &app,
        &NewReport {
            name: "Ada Lovelace",
            current: "Senior",
            target: "Staff",
            team: "Analytics",
            since: "2024-02-30",
        },
    );
    save(&app);
    let error = app
        .wait_for_text(
            "[data-testid=error-inRoleSince]",
            "In role since must be a real date written YYYY-MM-DD",
        )
        .unwrap();
    assert!(app.text(&error).unwrap().contains("e.g. 2024-03-01"));
    app.wait_for_text("[data-testid=form-summary]", "Nothing was saved")
        .unwrap();
    let name_field = app.wait_for("[data-testid=field-name]").unwrap();
    assert_eq!(app.property(&name_field, "value").unwrap(), "Ada Lovelace");
    let since = app.wait_for("[data-testid=field-inRoleSince]").unwrap();
    assert_eq!(
        app.active_element().unwrap().0,
        since.0,
        "focus moves to the field that needs fixing"
    );

    // Fixing only that field saves the report with everything else as typed.
    app.replace(&since, "2024-02-29").unwrap();
    save(&app);
    app.wait_for_text("[data-testid=report-name]", "Ada Lovelace")
        .unwrap();
    app.quit();

    // After a restart on the same data directory both reports are still there.
    // Today opens first, listing both; the roster lists them in full.
    let app = harness.launch(&data, "roster-after-restart");
    app.wait_for_text("[data-testid=glance-row]", "Grace Hopper")
        .unwrap();
    open_roster(&app);
    app.wait_for_text("[data-testid=roster-row]", "Grace Hopper")
        .unwrap();
    let rows = app.find_all("[data-testid=roster-row]").unwrap();
    let texts: Vec<String> = rows.iter().map(|r| app.text(r).unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("Ada Lovelace"), "{texts:?}");
    assert!(texts[0].contains("Senior → Staff"), "{texts:?}");
    assert!(texts[1].starts_with("Grace Hopper"), "{texts:?}");

    // Archive Ada from her page: she leaves the active roster for the Archived tab…
    let ada = app
        .wait_for_text("[data-testid=roster-row] a", "Ada Lovelace")
        .unwrap();
    app.click(&ada).unwrap();
    app.click(&app.wait_for("[data-testid=archive-report]").unwrap())
        .unwrap();
    app.wait_for("[data-testid=archived-banner]").unwrap();
    open_roster(&app);
    app.wait("the active roster without Ada", || {
        let rows = app.find_all("[data-testid=roster-row]")?;
        let texts = rows
            .iter()
            .map(|r| app.text(r))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((texts.len() == 1 && texts[0].starts_with("Grace Hopper")).then_some(()))
    })
    .unwrap();
    let archived_tab = app.wait_for_text("[role=tab]", "Archived").unwrap();
    app.click(&archived_tab).unwrap();
    let ada = app
        .wait_for_text("[data-testid=roster-row] a", "Ada Lovelace")
        .unwrap();

    // …and restoring her brings her back, editable again.
    app.click(&ada).unwrap();
    app.click(&app.wait_for("[data-testid=restore-report]").unwrap())
        .unwrap();
    app.wait_for("[data-testid=edit-report]").unwrap();
    open_roster(&app);
    app.wait("both reports active again", || {
        Ok((app.find_all("[data-testid=roster-row]")?.len() == 2).then_some(()))
    })
    .unwrap();
    app.quit();
}
