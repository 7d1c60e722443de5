//! Small steps the journeys share: dates relative to today, the side navigation, tabs.

use chrono::{Duration, Local};

use crate::harness::App;

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
