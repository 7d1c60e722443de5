//! The first run, as a new manager meets it: an empty folder opens on a welcome that says what
//! Trellis is for and gives three first steps; following them from Today ticks each one off,
//! and the steps go away once the first evidence is recorded.

use crate::accessibility::{load_axe, violations};
use crate::harness::App;
use crate::roster::{fill, save, GRACE};
use crate::steps::{nav, report_tab_routes, set_mandate};

/// WebDriver's Tab and Enter keys.
const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// The steps in `container` as listed: their title (with its hidden "Step n: ") and whether
/// each is ticked.
fn steps(app: &App, container: &str) -> Vec<(String, bool)> {
    let found = app
        .execute(&format!(
            "return [...document.querySelectorAll('{container} [data-testid=welcome-step]')]\
             .map(s => [s.querySelector('[data-testid=step-title]').textContent, s.hasAttribute('data-done')])"
        ))
        .unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s[0].as_str().unwrap().to_owned(), s[1].as_bool().unwrap()))
        .collect()
}

fn assert_accessible(app: &App, what: &str) {
    let found = violations(app);
    assert!(found.is_empty(), "{what}: {}", found.join("\n"));
}

#[test]
fn an_empty_folder_opens_on_a_welcome_whose_three_steps_are_followed_and_ticked_off() {
    let harness = crate::harness::Harness::start();
    let data = harness.scratch("first-run");
    let app = harness.launch(&data, "first-run");

    // What Trellis is for, three numbered steps, the demo and an archive.
    let welcome = app.wait_for("[data-testid=welcome]").unwrap();
    let text = app.text(&welcome).unwrap();
    assert!(text.contains("Welcome to Trellis"), "{text}");
    assert!(
        text.contains("surprises you, or them, at calibration"),
        "{text}"
    );
    assert_eq!(
        steps(&app, "[data-testid=welcome]"),
        vec![
            ("Step 1: Add a report".to_owned(), false),
            ("Step 2: Record their mandate".to_owned(), false),
            ("Step 3: Add evidence".to_owned(), false),
        ]
    );
    let demo = app
        .text(&app.wait_for("[data-testid=welcome-demo]").unwrap())
        .unwrap();
    assert!(demo.contains("--demo"), "{demo}");
    app.button("Import an archive…").unwrap();
    load_axe(&app);
    assert_accessible(&app, "the welcome");
    app.execute(
        "document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'); return true;",
    )
    .unwrap();
    assert_accessible(&app, "the welcome, dark");
    app.execute(
        "document.documentElement.setAttribute('data-mantine-color-scheme', 'light'); return true;",
    )
    .unwrap();

    // "Add a report", reached with the keyboard right after the page's own button.
    let page_button = app.wait_for("[data-testid=add-report]").unwrap();
    app.execute("document.querySelector('[data-testid=add-report]').focus(); return true;")
        .unwrap();
    app.send_keys(&page_button, TAB).unwrap();
    let focused = app.active_element().unwrap();
    assert_eq!(
        app.attribute(&focused, "data-testid").unwrap().as_deref(),
        Some("welcome-add-report"),
        "the first step's action is next in the keyboard's order"
    );
    app.send_keys(&focused, ENTER).unwrap();
    fill(&app, &GRACE);
    save(&app);
    app.wait_for_text("[data-testid=report-name]", GRACE.name)
        .unwrap();

    // Every screen that is still empty says what to do next, readably for everyone.
    let report = app
        .execute("return location.hash.split('/')[2]")
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    let mut empty = vec![
        "/cycles".to_owned(),
        "/rules".to_owned(),
        "/people".to_owned(),
        "/archived".to_owned(),
        "/search".to_owned(),
    ];
    empty.extend(report_tab_routes(&report));
    for route in &empty {
        app.execute(&format!("location.hash = '#{route}'; return true;"))
            .unwrap();
        app.wait("the screen to load", || {
            let busy =
                app.execute("return document.querySelectorAll('.mantine-Loader-root').length")?;
            Ok((busy == 0).then_some(()))
        })
        .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert_accessible(&app, route);
    }

    // Back on Today: the first step is ticked, the second leads to Grace's overview.
    nav(&app, "/");
    app.wait_for("[data-testid=getting-started] [data-testid=welcome-step][data-done]")
        .unwrap();
    assert_eq!(
        steps(&app, "[data-testid=getting-started]")
            .iter()
            .map(|s| s.1)
            .collect::<Vec<_>>(),
        vec![true, false, false]
    );
    assert!(app.find_all("[data-testid=welcome]").unwrap().is_empty());
    assert_accessible(&app, "Today's first steps");
    app.click(&app.wait_for("[data-testid=welcome-mandate-link]").unwrap())
        .unwrap();
    set_mandate(
        &app,
        "Own the direction of the compiler toolchain",
        "Developer productivity",
    );

    // The second step is ticked; the third leads to Grace's evidence.
    nav(&app, "/");
    app.wait("two steps ticked", || {
        let done = app.find_all("[data-testid=getting-started] [data-done]")?;
        Ok((done.len() == 2).then_some(()))
    })
    .unwrap();
    app.click(&app.wait_for("[data-testid=welcome-evidence-link]").unwrap())
        .unwrap();
    app.click(&app.button("Add the first evidence item").unwrap())
        .unwrap();
    app.fill("Title", "Rewrote the linker").unwrap();
    app.fill("Started on", "2026-01-15").unwrap();
    app.choose("Kind", "Project").unwrap();
    app.choose("Their role", "Led").unwrap();
    app.click(&app.button("Add evidence").unwrap()).unwrap();
    app.wait_for_text("[data-testid=evidence-card]", "Rewrote the linker")
        .unwrap();

    // With the first evidence recorded the steps are done: Today is the usual board.
    nav(&app, "/");
    app.wait_for_text("[data-testid=glance-row]", GRACE.name)
        .unwrap();
    app.wait("the first steps to go", || {
        Ok(app
            .find_all("[data-testid=getting-started]")?
            .is_empty()
            .then_some(()))
    })
    .unwrap();
    app.quit();
}
