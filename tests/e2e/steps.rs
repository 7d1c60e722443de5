//! Small steps the journeys share: dates relative to today, the side navigation, tabs, a
//! report's tabs, setting a mandate, a cycle with a candidate.

use chrono::{Duration, Local};

use std::path::Path;

use trellis_core::{generator, Store};

use crate::harness::App;
use crate::webdriver::Element;

/// Today plus `offset` days, as the date fields take it.
pub fn day(offset: i64) -> String {
    (Local::now().date_naive() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

/// Follows the navigation link to `href` (a hash route such as "/cycles").
pub fn nav(app: &App, href: &str) {
    let link = app.wait_for(&format!("nav a[href='#{href}']")).unwrap();
    app.click(&link).unwrap();
}

/// Opens the tab named `name` on the current page.
pub fn open_tab(app: &App, name: &str) {
    let tab = app.wait_for_text("[role=tab]", name).unwrap();
    app.click(&tab).unwrap();
}

/// The tabs of a report's page, as their addresses name them.
pub const REPORT_TABS: [&str; 8] = [
    "overview",
    "prep",
    "one-on-ones",
    "radar",
    "evidence",
    "mentorship",
    "advocates",
    "timeline",
];

/// The address of each of report `id`'s tabs.
pub fn report_tab_routes(id: &str) -> Vec<String> {
    REPORT_TABS
        .iter()
        .map(|tab| format!("/reports/{id}/{tab}"))
        .collect()
}

/// On a report's overview with no mandate: sets one (room and attention given) and waits for
/// it on screen.
pub fn set_mandate(app: &App, statement: &str, priority: &str) {
    app.click(&app.wait_for("[data-testid=set-mandate]").unwrap())
        .unwrap();
    app.fill("Mandate", statement).unwrap();
    app.fill("Company priority it serves", priority).unwrap();
    app.choose("Room", "Yes").unwrap();
    app.choose("Attention", "Yes").unwrap();
    app.click(&app.button("Set mandate").unwrap()).unwrap();
    app.wait_for_text("[data-testid=mandate-statement]", statement)
        .unwrap();
}

/// Adds a cycle named `name` whose calibration is a month away (every review is due by now),
/// opens it and makes `report` (as the picker lists it, e.g. "Grace Hopper (Staff)") its first
/// candidate. Returns the candidate's name, `candidate`, as listed.
pub fn add_cycle_with_candidate(app: &App, name: &str, report: &str, candidate: &str) -> Element {
    nav(app, "/cycles");
    app.click(&app.button("Add the next cycle").unwrap())
        .unwrap();
    app.fill("Name", name).unwrap();
    app.fill("Opens on", &day(-120)).unwrap();
    app.fill("Packet due", &day(20)).unwrap();
    app.fill("Calibration date", &day(30)).unwrap();
    app.click(&app.button("Add cycle").unwrap()).unwrap();
    let cycle = app.wait_for_text("a", name).unwrap();
    app.click(&cycle).unwrap();
    app.click(&app.button("Add the first candidate").unwrap())
        .unwrap();
    app.choose("Report", report).unwrap();
    app.click(&app.button("Add candidate").unwrap()).unwrap();
    app.wait_for_text("[data-testid=candidate-name]", candidate)
        .unwrap()
}

/// The demo team in `data`, opened so that a journey can add its own records before the app
/// starts: the runtime to drive the store with, and the store.
pub fn demo_store(data: &Path) -> (tokio::runtime::Runtime, Store) {
    let runtime = tokio::runtime::Runtime::new().expect("tokio");
    let store = runtime.block_on(async {
        let store = Store::open(data).await.expect("open");
        generator::seed_demo_if_empty(&store).await.expect("demo");
        store
    });
    (runtime, store)
}
