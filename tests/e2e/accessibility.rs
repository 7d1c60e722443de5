//! Every screen of the real app, on the demo team, checked with axe-core (ui/node_modules,
//! injected into the real webview): no serious or critical accessibility violation anywhere.

use std::path::Path;

use serde_json::Value;
use trellis_core::model::RosterFilter;

use crate::harness::{App, Harness};
use crate::steps::report_tab_routes;

/// The demo team in `data`; returns a report's, a cycle's and a candidate's ids.
fn seed(data: &Path) -> (String, String, String) {
    let (runtime, store) = crate::steps::demo_store(data);
    runtime.block_on(async {
        let report = store.reports(RosterFilter::Active).await.expect("reports")[0]
            .id
            .to_string();
        let cycle = store.cycles().await.expect("cycles")[0].id.clone();
        let candidate = store.candidates(&cycle).await.expect("candidates")[0]
            .id
            .to_string();
        (report, cycle.to_string(), candidate)
    })
}

/// Loads axe-core (ui/node_modules) into the page, once per page load.
pub fn load_axe(app: &App) {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ui/node_modules/axe-core/axe.min.js"
    ))
    .expect("axe-core is installed with the UI's packages (npm ci in ui/)");
    app.execute(&format!("{axe}; return typeof axe;")).unwrap();
}

/// Runs axe-core (see [`load_axe`]) on the page as it is; the serious and critical violations,
/// as lines.
pub fn violations(app: &App) -> Vec<String> {
    let result = app
        .execute(
            "return axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations
               .filter(v => v.impact === 'serious' || v.impact === 'critical')
               .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' +
                    v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/ +/g, ' ') + ')').join(' | ')))",
        )
        .expect("axe ran");
    match result {
        Value::Array(lines) => lines
            .iter()
            .map(|l| l.as_str().unwrap_or_default().to_owned())
            .collect(),
        other => panic!("axe returned {other}"),
    }
}

#[test]
fn every_screen_has_no_serious_or_critical_accessibility_violation() {
    let harness = Harness::start();
    let data = harness.scratch("accessibility");
    let (report, cycle, candidate) = seed(&data);
    let app = harness.launch(&data, "accessibility");
    app.wait_for_text("h1, h2", "Today").unwrap();
    load_axe(&app);

    let mut routes: Vec<String> = [
        "/",
        "/roster",
        "/archived",
        "/reports/new",
        "/cycles",
        "/rules",
        "/questions",
        "/people",
        "/search?q=ledger",
        "/ladder",
        "/settings/radar",
        "/settings/reminders",
        "/data",
    ]
    .iter()
    .map(|r| (*r).to_owned())
    .collect();
    routes.extend(report_tab_routes(&report));
    routes.push(format!("/cycles/{cycle}"));
    routes.push(format!("/candidates/{candidate}"));

    let mut found = Vec::new();
    // Every screen in the light scheme, then the busiest ones in the dark one (the app follows
    // the desktop's), then the command palette's dialog over Today.
    let dark: Vec<String> = routes
        .iter()
        .filter(|r| {
            ["/", "/roster", "/settings/reminders"].contains(&r.as_str())
                || r.ends_with("/overview")
                || r.ends_with("/radar")
                || r.ends_with("/one-on-ones")
                || r.starts_with("/cycles/")
        })
        .map(|r| format!("dark:{r}"))
        .collect();
    routes.extend(dark);
    for route in &routes {
        let (scheme, route) = match route.strip_prefix("dark:") {
            Some(r) => ("dark", r),
            None => ("light", route.as_str()),
        };
        app.execute(&format!(
            "document.documentElement.setAttribute('data-mantine-color-scheme', '{scheme}'); \
             location.hash = '#{route}'; return true;"
        ))
        .unwrap();
        // The screen has loaded when no loader is left.
        app.wait("the screen to load", || {
            let busy =
                app.execute("return document.querySelectorAll('.mantine-Loader-root').length")?;
            Ok((busy == 0).then_some(()))
        })
        .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(400));
        found.extend(
            violations(&app)
                .into_iter()
                .map(|v| format!("{route} ({scheme}): {v}")),
        );
    }
    app.execute(
        "document.documentElement.setAttribute('data-mantine-color-scheme', 'light'); \
         location.hash = '#/'; return true;",
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    app.click(&app.wait_for("[data-testid=open-palette]").unwrap())
        .unwrap();
    app.wait_for("[role=dialog] input").unwrap();
    // Checked once it has faded in (mid-fade, its text is nearly the colour of the page).
    app.wait("the palette to fade in", || {
        let opacity = app.execute(
            "const d = document.querySelector('[role=dialog]'); \
             let o = 1; for (let e = d; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); \
             return o;",
        )?;
        Ok((opacity.as_f64() == Some(1.0)).then_some(()))
    })
    .unwrap();
    found.extend(
        violations(&app)
            .into_iter()
            .map(|v| format!("the command palette: {v}")),
    );
    assert!(
        found.is_empty(),
        "accessibility violations:\n{}",
        found.join("\n")
    );
}
