//! A manager's morning, in the real window on the demo team: Today shows the 1:1 due tomorrow
//! and the signal that fired today (negative mentee feedback nobody has acted on), and opens
//! the prep; the search box finds a phrase said in a private 1:1 note, marked private, and
//! opens the 1:1 it was said in.

use std::path::Path;

use trellis_core::model::{
    FeedbackDraft, FeedbackSource, MeetingDraft, NoteDraft, RosterFilter, Sentiment,
};

use crate::harness::Harness;
use crate::steps::day;

/// The demo team; then, for the first report with a mentee: a 1:1 planned tomorrow, negative
/// feedback from their mentee today, and a 1:1 held yesterday with a private note. Returns the
/// report's name and id.
fn seed(data: &Path) -> (String, String) {
    let (runtime, store) = crate::steps::demo_store(data);
    runtime.block_on(async {
        for report in store.reports(RosterFilter::Active).await.expect("reports") {
            let mentorships = store.mentorships(&report.id).await.expect("mentorships");
            let Some(mentorship) = mentorships.first() else {
                continue;
            };
            let ones = store.one_on_ones(&report.id).await.expect("1:1s");
            for (offset, note) in [
                (1, None),
                (
                    0,
                    Some("Worried the freeze-week handover lands on her on-call week."),
                ),
            ] {
                let date = day(offset);
                let meeting = match ones.meetings.iter().find(|m| m.held_on.to_string() == date) {
                    Some(m) => m.id.clone(),
                    None => {
                        let made = store
                            .create_meeting(
                                &report.id,
                                &MeetingDraft {
                                    held_on: date.clone(),
                                },
                            )
                            .await
                            .expect("a 1:1");
                        made.meetings
                            .iter()
                            .find(|m| m.held_on.to_string() == date)
                            .expect("the new 1:1")
                            .id
                            .clone()
                    }
                };
                if let Some(body) = note {
                    store
                        .add_note(
                            &meeting,
                            &NoteDraft {
                                body: body.into(),
                                private: true,
                            },
                        )
                        .await
                        .expect("a private note");
                }
            }
            store
                .add_feedback(
                    &mentorship.id,
                    &FeedbackDraft {
                        received_on: day(0),
                        source: Some(FeedbackSource::Mentee),
                        sentiment: Some(Sentiment::Negative),
                        words: "Reviews of my designs keep slipping by weeks.".into(),
                        quotable: false,
                        addressed_on: String::new(),
                        addressed_action: String::new(),
                    },
                )
                .await
                .expect("feedback");
            return (report.name.clone(), report.id.to_string());
        }
        panic!("no demo report has a mentee");
    })
}

#[test]
fn today_shows_the_due_one_on_one_and_the_new_signal_and_search_finds_a_private_note() {
    let harness = Harness::start();
    let data = harness.scratch("daily");
    let (name, id) = seed(&data);
    let app = harness.launch(&data, "daily");

    // Today: the 1:1 tomorrow with its prep, and today's signal among the new ones.
    // (Matched on the text as written, whatever the window's width wraps.)
    let item = |section: &str, text: &str| {
        let xpath =
            format!("//*[@data-testid='{section}']//li[contains(normalize-space(.), '{text}')]");
        app.wait(&format!("{text:?} in {section}"), || {
            Ok(app.find_all_xpath(&xpath)?.into_iter().next())
        })
        .unwrap()
    };
    // The next 1:1 with them: the one seeded tomorrow, unless the demo has one today.
    let next = item("today-one-on-ones", &name);
    let when = app.text(&next).unwrap();
    assert!(
        when.contains("tomorrow") || when.contains("today"),
        "the next 1:1 is the seeded one or an earlier one: {when}"
    );
    let new = item("today-new-signals", &format!("{name}: Negative feedback"));
    assert!(
        app.text(&new).unwrap().contains("today"),
        "it fired today (the seeded feedback)"
    );
    assert!(
        app.text(&new).unwrap().contains("since"),
        "the signal says since when"
    );
    let prep = app
        .find_all_xpath(&format!(
            "//*[@data-testid='today-one-on-ones']//li[contains(., '{name}')]//a[normalize-space(.)='Open prep']"
        ))
        .unwrap();
    assert!(app.text(&next).unwrap().contains("Open prep"));
    app.click(prep.first().expect("an Open prep link")).unwrap();
    app.wait_for_text("[role=tab][aria-selected=true]", "1:1 prep")
        .unwrap();
    let url = app.execute("return location.hash").unwrap();
    assert_eq!(url, format!("#/reports/{id}/prep"));

    // Search: a phrase from the private note, marked private; the result opens the 1:1.
    let search = app.wait_for("input[data-testid=search-box]").unwrap();
    app.send_keys(&search, "freeze-week handover\u{E007}")
        .unwrap();
    let hit = app
        .wait_for_text("a[data-testid^=hit-]", "freeze-week handover")
        .unwrap();
    let badge = app
        .find_all_xpath("//a[starts-with(@data-testid,'hit-')][contains(., 'freeze-week handover')]//*[@data-testid='visibility']")
        .unwrap();
    assert_eq!(
        app.text(badge.first().expect("the hit's privacy mark"))
            .unwrap(),
        "Private"
    );
    app.click(&hit).unwrap();
    app.wait_for_text("[role=tab][aria-selected=true]", "1:1s")
        .unwrap();
    // The 1:1 it was said in is on the page.
    app.wait("the note on the 1:1s tab", || {
        let shown = app.execute(
            "return [...document.querySelectorAll('[data-testid^=meeting-]')]
               .some(m => m.innerText.includes('freeze-week handover lands on her on-call week'))",
        )?;
        Ok((shown == serde_json::Value::Bool(true)).then_some(()))
    })
    .unwrap();
}
