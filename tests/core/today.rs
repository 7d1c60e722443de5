//! The Today view from a real store: the next 1:1s (planned, and due by cadence with none
//! planned), signals new since the previous visit and standing high ones, overdue action items,
//! mandate reviews and packet deadlines coming up, and every active report at a glance, whose
//! counts are the radar's own.

use trellis_core::model::{MandateDraft, Severity, SignalRule};

use crate::cycle_support::*;
use crate::support::*;

#[tokio::test]
async fn today_gathers_what_needs_the_manager_and_knows_what_is_new_since_the_last_visit() {
    let (ts, clock) = store_on("2026-10-20").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let katherine = add_report(&ts, "Katherine Johnson").await;
    // Ada: held a 1:1 on 26 Oct, every two weeks: due on 9 Nov, none planned; an action item
    // due on 30 Oct still open; a mandate whose review is due on 20 Nov.
    clock.set("2026-10-26");
    let held = ts
        .create_meeting(&ada.id, &meeting_draft("2026-10-26"))
        .await
        .unwrap();
    ts.add_action_item(
        &ada.id,
        Some(&held.meetings[0].id),
        &action_draft("Send the RFC to the skip-level", "2026-10-30"),
    )
    .await
    .unwrap();
    ts.set_mandate(
        &ada.id,
        &MandateDraft {
            set_on: "2026-10-26".to_owned(),
            review_by: "2026-11-20".to_owned(),
            ..mandate_draft("Make ledger consistency a platform property.")
        },
        None,
    )
    .await
    .unwrap();
    // Grace: a 1:1 planned for 4 Nov. Katherine: a 1:1 planned in a month (not this week).
    ts.create_meeting(&grace.id, &meeting_draft("2026-11-04"))
        .await
        .unwrap();
    ts.create_meeting(&katherine.id, &meeting_draft("2026-11-30"))
        .await
        .unwrap();
    // A cycle whose packets are due in six weeks, Ada a candidate without a draft.
    let cycle = ts
        .create_cycle(&trellis_core::model::CycleDraft {
            opens_on: "2026-10-01".to_owned(),
            packet_due: "2026-12-15".to_owned(),
            calibration_date: "2027-01-15".to_owned(),
            ..cycle_draft("Winter calibration", &[])
        })
        .await
        .unwrap();
    ts.add_candidate(&cycle.id, &candidate_draft(&ada.id, "2026-10-26"))
        .await
        .unwrap();

    clock.set("2026-11-02");
    let first = ts.today(date("2026-11-02")).await.unwrap();
    assert_eq!(first.previous_visit, None, "the first visit");
    let next: Vec<(&str, String, bool)> = first
        .one_on_ones
        .iter()
        .map(|o| (o.report_name.as_str(), ymd(o.on), o.planned))
        .collect();
    assert_eq!(
        next,
        [
            ("Grace Hopper", "2026-11-04".to_owned(), true),
            ("Ada Lovelace", "2026-11-09".to_owned(), false),
        ],
        "this week's 1:1s, soonest first; Katherine's is a month away"
    );
    let actions: Vec<(&str, &str)> = first
        .overdue_actions
        .iter()
        .map(|a| (a.report_name.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(
        actions,
        [("Ada Lovelace", "Send the RFC to the skip-level")]
    );
    assert_eq!(first.mandate_reviews.len(), 1);
    assert_eq!(first.mandate_reviews[0].review_by, date("2026-11-20"));
    assert_eq!(first.deadlines.len(), 1);
    let d = &first.deadlines[0];
    assert_eq!(
        (d.name.as_str(), d.candidates, d.without_packet),
        ("Winter calibration", 1, 1)
    );
    // The glance: every active report, by name, with the radar's own open counts.
    let names: Vec<&str> = first
        .roster
        .iter()
        .map(|r| r.report_name.as_str())
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Grace Hopper", "Katherine Johnson"]);
    for g in &first.roster {
        let radar = ts
            .report_radar(&g.report_id, date("2026-11-02"))
            .await
            .unwrap();
        let open = |s: Severity| {
            radar
                .signals
                .iter()
                .filter(|x| x.ack.is_none() && x.severity == s)
                .count() as i32
        };
        assert_eq!(
            (g.high, g.medium, g.low),
            (
                open(Severity::High),
                open(Severity::Medium),
                open(Severity::Low)
            ),
            "{}",
            g.report_name
        );
    }
    assert_eq!(
        ts.roster_glance(date("2026-11-02")).await.unwrap(),
        first.roster,
        "the roster's columns are Today's glance"
    );
    let ada_glance = &first.roster[0];
    assert_eq!(
        ada_glance.readiness,
        Some(trellis_core::model::Readiness::Undecided)
    );
    assert_eq!(first.roster[1].readiness, None, "Grace is not a candidate");
    // First visit: what fired in the last week is new; older high signals are standing.
    for s in &first.new_signals {
        assert!(s.since > date("2026-10-26"), "{s:?}");
    }
    for s in &first.standing_high {
        assert!(s.since <= date("2026-10-26") && s.severity == Severity::High);
    }
    assert!(first
        .new_signals
        .iter()
        .chain(&first.standing_high)
        .all(|s| s.ack.is_none()));

    // Three days later: new means since the previous visit's day (2 Nov, included).
    clock.set("2026-11-05");
    let later = ts.today(date("2026-11-05")).await.unwrap();
    assert_eq!(later.previous_visit, Some(date("2026-11-02")));
    for s in &later.new_signals {
        assert!(s.since >= date("2026-11-02"), "{s:?}");
    }
    for s in &later.standing_high {
        assert!(s.since < date("2026-11-02"), "{s:?}");
    }
    assert!(!later
        .new_signals
        .iter()
        .any(|s| s.rule == SignalRule::MandateReviewOverdue));
    // Grace's 1:1 of 4 Nov is now past; her next is due by cadence.
    let grace_next = later
        .roster
        .iter()
        .find(|r| r.report_name == "Grace Hopper")
        .unwrap()
        .next_one_on_one
        .clone()
        .unwrap();
    assert_eq!(
        (ymd(grace_next.on), grace_next.planned),
        ("2026-11-18".to_owned(), false)
    );
    // Opening it again the same day keeps the same previous visit.
    let again = ts.today(date("2026-11-05")).await.unwrap();
    assert_eq!(again.previous_visit, Some(date("2026-11-02")));
    // Looking at another day (a replay, past or future) records no visit.
    ts.today(date("2026-10-01")).await.unwrap();
    ts.today(date("2026-12-01")).await.unwrap();
    let last: String = sqlx::query_scalar("SELECT last_on FROM visits")
        .fetch_one(ts.pool())
        .await
        .unwrap();
    assert_eq!(last, "2026-11-05");
    clock.set("2026-11-06");
    assert_eq!(
        ts.today(date("2026-11-06")).await.unwrap().previous_visit,
        Some(date("2026-11-05"))
    );
}

/// Today worked out while the app starts records no visit, is used as it is when the manager
/// opens Today on the same day after the same previous visit with nothing written since, and is
/// worked out again otherwise (another day, a visit recorded since, or a write since).
#[tokio::test]
async fn today_worked_out_ahead_records_no_visit_and_is_used_only_while_it_holds() {
    let (ts, clock) = store_on("2026-11-01").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    ts.create_meeting(&ada.id, &meeting_draft("2026-11-04"))
        .await
        .unwrap();
    ts.today(date("2026-11-01")).await.unwrap();

    clock.set("2026-11-02");
    let ahead = ts.today_ahead(date("2026-11-02")).await.unwrap();
    assert_eq!(ahead.today.previous_visit, Some(date("2026-11-01")));
    assert_eq!(
        ahead.today,
        ts.today_ahead(date("2026-11-02")).await.unwrap().today
    );
    // Nothing was recorded: opening Today now still sees 1 Nov as the previous visit, and what
    // was worked out ahead is exactly what opening it works out.
    let opened = ts.today(date("2026-11-02")).await.unwrap();
    assert_eq!(opened, ahead.today);

    // Used as it is while it holds (told apart here by an empty glance)...
    let mut marked = ahead.clone();
    marked.today.roster.clear();
    let used = ts
        .today_with(date("2026-11-02"), Some(marked.clone()))
        .await
        .unwrap();
    assert_eq!(
        used, marked.today,
        "worked out ahead for this day and visit: used"
    );
    // ...and not once anything was written since...
    let mut after_write = ts.today_ahead(date("2026-11-02")).await.unwrap();
    after_write.today.roster.clear();
    add_report(&ts, "Grace Hopper").await;
    let again = ts
        .today_with(date("2026-11-02"), Some(after_write))
        .await
        .unwrap();
    assert_eq!(again.roster.len(), 2, "a write since: worked out again");
    // ...nor on another day.
    let mut yesterday = ts.today_ahead(date("2026-11-02")).await.unwrap();
    yesterday.today.roster.clear();
    clock.set("2026-11-03");
    let next_day = ts
        .today_with(date("2026-11-03"), Some(yesterday))
        .await
        .unwrap();
    assert_eq!(next_day.previous_visit, Some(date("2026-11-02")));
    assert_eq!(next_day.roster.len(), 2, "worked out again for the new day");
    // Nothing written since this one, but it assumed another previous visit.
    let mut stale_visit = ts.today_ahead(date("2026-11-03")).await.unwrap();
    stale_visit.today.roster.clear();
    stale_visit.today.previous_visit = Some(date("2026-11-01"));
    let again = ts
        .today_with(date("2026-11-03"), Some(stale_visit))
        .await
        .unwrap();
    assert_eq!(
        again.roster.len(),
        2,
        "a visit recorded since: worked out again"
    );
}
