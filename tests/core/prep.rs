//! The 1:1 prep view through the store: the "since the last 1:1" window and its boundaries for
//! every kind of change (evidence, feedback, visibility, packet reviews, radar signals), the
//! window without any 1:1, last and next 1:1 around the as-of date, the agenda with how often
//! each item was carried, open actions, and the mandate's state.

use trellis_core::ids::ReportId;
use trellis_core::model::{
    ActionItemDraft, AgendaStatus, Channel, CycleDraft, EvidenceDraft, FeedbackDraft, MandateDraft,
    MandateState, MandateStatus, Prep, Relationship, ReviewerRole, Sentiment, SignalRule,
};

use crate::cycle_support::*;
use crate::support::*;

/// The last 1:1 before [`T`].
const D: &str = "2026-10-05";
const D_PLUS_1: &str = "2026-10-06";
/// The as-of date of the prep (four weeks after [`D`]).
const T: &str = "2026-11-02";
const T_PLUS_1: &str = "2026-11-03";

async fn prep(ts: &TestStore, report: &ReportId, as_of: &str) -> Prep {
    ts.prep(report, date(as_of)).await.unwrap()
}

/// A report with a change on each side of every boundary of the window (`D`, `T`]: evidence
/// started, put in production and finished; feedback received and addressed; visibility;
/// packet reviews received. With `meeting`, a 1:1 on [`D`]. Each change is entered on the day
/// it happened (work is entered when it starts, then updated when it finishes or ships), so
/// nothing is *recorded* inside the window about an earlier day. The clock is left on [`END`].
async fn boundary_record(meeting: bool) -> (TestStore, ReportId) {
    let (ts, clock) = store_on(CREATED).await;
    let cast = cast(&ts).await;
    let ada = ts
        .create_report(&report_draft(&ts, "Ada Lovelace").await)
        .await
        .unwrap();
    let cycle = ts
        .create_cycle(&CycleDraft {
            opens_on: "2026-07-01".to_owned(),
            packet_due: "2026-12-01".to_owned(),
            calibration_date: "2026-12-15".to_owned(),
            ..cycle_draft("H2 calibration", &[&cast.morgan.id, &cast.samira.id])
        })
        .await
        .unwrap();
    let candidate = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, CREATED))
        .await
        .unwrap();
    // Work that started on 2026-06-01, entered that day; it finishes and ships later.
    clock.set("2026-06-01");
    let old = |title: &str| EvidenceDraft {
        started_on: "2026-06-01".to_owned(),
        ..work(title, "2026-06-01")
    };
    let finished_on_d = ts
        .create_evidence(&ada.id, &old("Finished on D"))
        .await
        .unwrap();
    let finished_after_t = ts
        .create_evidence(&ada.id, &old("Finished after T"))
        .await
        .unwrap();
    let shipped = ts
        .create_evidence(&ada.id, &old("Shipped in the window"))
        .await
        .unwrap();
    let mentorship = ts
        .create_mentorship(&ada.id, &mentorship_draft(&cast.jamie.id))
        .await
        .unwrap();
    let said = |words: &str, received: &str, sentiment: Sentiment| FeedbackDraft {
        words: words.to_owned(),
        ..feedback(received, sentiment)
    };
    // Negative feedback received in September, addressed later.
    let mut to_address = Vec::new();
    for (words, received, addressed) in [
        ("Addressed the day after D", "2026-09-01", D_PLUS_1),
        ("Addressed on D", "2026-09-02", D),
        ("Addressed after T", "2026-09-03", T_PLUS_1),
    ] {
        clock.set(received);
        let m = ts
            .add_feedback(&mentorship.id, &said(words, received, Sentiment::Negative))
            .await
            .unwrap();
        let f = m.feedback.into_iter().find(|f| f.words == words).unwrap();
        to_address.push((f, addressed));
    }
    // Everything else on the day it happened, day by day.
    let mut days: Vec<&str> = vec![D, D_PLUS_1, "2026-10-30", "2026-11-01", T, T_PLUS_1];
    days.sort();
    for day in days {
        clock.set(day);
        if meeting && day == D {
            hold_meeting(&ts, &ada.id, D).await;
        }
        for (title, started) in [
            ("Started on D", D),
            ("Started the day after D", D_PLUS_1),
            ("Started on T", T),
            ("Started after T", T_PLUS_1),
        ] {
            if started == day {
                ts.create_evidence(&ada.id, &work(title, started))
                    .await
                    .unwrap();
            }
        }
        for (e, ended, in_production) in [
            (&finished_on_d, D, D),
            (&finished_after_t, T_PLUS_1, T_PLUS_1),
            (&shipped, "2026-10-30", ""),
            (&shipped, "2026-10-30", "2026-11-01"),
        ] {
            let last = if in_production.is_empty() {
                ended
            } else {
                in_production
            };
            if last == day {
                let current = ts.evidence_item(&e.id).await.unwrap();
                ts.update_evidence(
                    &e.id,
                    current.version,
                    &EvidenceDraft {
                        ended_on: ended.to_owned(),
                        in_production_since: in_production.to_owned(),
                        ..evidence_draft_of(&current)
                    },
                )
                .await
                .unwrap();
            }
        }
        for (who, seen_on) in [
            (&cast.morgan.id, D),
            (&cast.samira.id, D_PLUS_1),
            (&cast.lee.id, T),
            (&cast.omar.id, T_PLUS_1),
        ] {
            if seen_on == day {
                ts.add_visibility(&shipped.id, &seen(who, seen_on))
                    .await
                    .unwrap();
            }
        }
        for (words, received, sentiment) in [
            ("Received on D", D, Sentiment::Positive),
            ("Received the day after D", D_PLUS_1, Sentiment::Positive),
            ("Received on T", T, Sentiment::Mixed),
            ("Received after T", T_PLUS_1, Sentiment::Positive),
        ] {
            if received == day {
                ts.add_feedback(&mentorship.id, &said(words, received, sentiment))
                    .await
                    .unwrap();
            }
        }
        for (f, addressed) in &to_address {
            if *addressed == day {
                ts.update_feedback(
                    &f.id,
                    f.version,
                    &FeedbackDraft {
                        addressed_on: addressed.to_string(),
                        addressed_action: "Talked it through.".to_owned(),
                        ..feedback_draft_of(f)
                    },
                )
                .await
                .unwrap();
            }
        }
        for (who, role, received) in [
            (&cast.lee.id, ReviewerRole::StaffPeer, D),
            (&cast.dana.id, ReviewerRole::Manager, D_PLUS_1),
            (&cast.morgan.id, ReviewerRole::SkipLevel, T),
            (&cast.samira.id, ReviewerRole::StaffPlus, T_PLUS_1),
        ] {
            if received == day {
                ts.add_review(
                    &candidate.id,
                    &review_draft(who, role, "2026-09-01", received),
                )
                .await
                .unwrap();
            }
        }
    }
    clock.set(END);
    (ts, ada.id)
}

fn assert_window_changes(p: &Prep) {
    let evidence: Vec<(&str, Vec<&str>, String)> = p
        .changes
        .evidence
        .iter()
        .map(|e| {
            (
                e.title.as_str(),
                e.what.iter().map(String::as_str).collect(),
                ymd(e.on),
            )
        })
        .collect();
    // Work entered the day it started was also recorded that day; work entered in June that
    // finished and shipped in the window was not recorded in it.
    assert_eq!(
        evidence,
        [
            ("Started on T", vec!["started", "recorded"], T.to_owned()),
            (
                "Shipped in the window",
                vec!["in production", "finished"],
                "2026-11-01".to_owned()
            ),
            (
                "Started the day after D",
                vec!["started", "recorded"],
                D_PLUS_1.to_owned()
            ),
        ],
        "newest first; nothing on D or after T"
    );
    let feedback: Vec<(&str, Option<String>)> = p
        .changes
        .feedback
        .iter()
        .map(|f| (f.words.as_str(), f.addressed_on.map(ymd)))
        .collect();
    assert_eq!(
        feedback,
        [
            ("Received on T", None),
            ("Received the day after D", None),
            ("Addressed the day after D", Some(D_PLUS_1.to_owned())),
        ]
    );
    assert!(p.changes.feedback.iter().all(|f| f.mentee == "Jamie Chen"));
    let visibility: Vec<(&str, &str, String)> = p
        .changes
        .visibility
        .iter()
        .map(|v| (v.person.as_str(), v.evidence_title.as_str(), ymd(v.seen_on)))
        .collect();
    assert_eq!(
        visibility,
        [
            ("Lee Park", "Shipped in the window", T.to_owned()),
            (
                "Samira Whitfield",
                "Shipped in the window",
                D_PLUS_1.to_owned()
            ),
        ]
    );
    assert!(p
        .changes
        .visibility
        .iter()
        .all(|v| v.channel == Channel::Demo));
    let reviews: Vec<(&str, ReviewerRole, String)> = p
        .changes
        .review_comments
        .iter()
        .map(|r| (r.reviewer.as_str(), r.role, ymd(r.received_on)))
        .collect();
    assert_eq!(
        reviews,
        [
            ("Morgan Avery", ReviewerRole::SkipLevel, T.to_owned()),
            ("Dana Cole", ReviewerRole::Manager, D_PLUS_1.to_owned()),
        ]
    );
    assert_eq!(
        p.changes.review_comments[0].comments,
        "Where is the staff project's impact in numbers?"
    );
}

#[tokio::test]
async fn changes_since_the_last_one_on_one_exclude_its_day_and_include_the_as_of_day() {
    let (ts, ada) = boundary_record(true).await;
    let p = prep(&ts, &ada, T).await;
    assert_eq!(p.report_id, ada);
    assert_eq!(p.report_name, "Ada Lovelace");
    assert_eq!(p.as_of, date(T));
    assert_eq!(p.last_one_on_one, Some(date(D)));
    assert_eq!(p.next_one_on_one, None);
    assert_eq!(p.since, date(D));
    assert_window_changes(&p);
}

#[tokio::test]
async fn without_any_one_on_one_the_changes_are_those_of_the_last_four_weeks() {
    let (ts, ada) = boundary_record(false).await;
    let p = prep(&ts, &ada, T).await;
    assert_eq!(p.last_one_on_one, None);
    assert_eq!(p.since, date(D), "28 days before {T}");
    assert_window_changes(&p);
    // A week later the window has moved by a week.
    let p = prep(&ts, &ada, "2026-11-09").await;
    assert_eq!(p.since, date("2026-10-12"));
    let titles: Vec<&str> = p
        .changes
        .evidence
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Finished after T",
            "Started after T",
            "Started on T",
            "Shipped in the window"
        ]
    );
}

#[tokio::test]
async fn last_one_on_one_is_strictly_before_the_as_of_date_and_next_is_on_or_after_it() {
    // The report and the four 1:1s (planned ahead) are entered on 2026-08-03.
    let (ts, clock) = store_on("2026-08-03").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    for day in ["2026-09-21", D, T, "2026-11-16"] {
        hold_meeting(&ts, &ada.id, day).await;
    }
    clock.set(END);
    for (as_of, last, next, since) in [
        ("2026-09-21", None, Some("2026-09-21"), "2026-08-24"),
        ("2026-09-22", Some("2026-09-21"), Some(D), "2026-09-21"),
        (T, Some(D), Some(T), D),
        (T_PLUS_1, Some(T), Some("2026-11-16"), T),
        ("2026-11-17", Some("2026-11-16"), None, "2026-11-16"),
    ] {
        let p = prep(&ts, &ada.id, as_of).await;
        assert_eq!(
            (p.last_one_on_one, p.next_one_on_one, p.since),
            (last.map(date), next.map(date), date(since)),
            "as of {as_of}"
        );
    }
    // A deleted 1:1 is not the last one.
    let ones = ts.one_on_ones(&ada.id).await.unwrap();
    let on_d = meeting_on(&ones, D).id.to_string();
    ts.delete_record(trellis_core::model::RecordKind::Meeting, &on_d)
        .await
        .unwrap();
    let p = prep(&ts, &ada.id, T).await;
    assert_eq!(p.last_one_on_one, Some(date("2026-09-21")));
    not_found(ts.prep(&ReportId::from("nobody"), date(T)).await);
}

#[tokio::test]
async fn signals_that_fired_or_cleared_since_the_last_one_on_one_are_listed() {
    let (ts, clock) = store_on(CREATED).await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let ada = ts
        .create_report(&report_draft(&ts, "Ada Lovelace").await)
        .await
        .unwrap();
    // Open at D, addressed before T.
    clock.set("2026-09-01");
    let mentorship = ts
        .create_mentorship(&ada.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    let old = ts
        .add_feedback(&mentorship.id, &feedback("2026-09-01", Sentiment::Negative))
        .await
        .unwrap()
        .feedback[0]
        .clone();
    clock.set(D);
    hold_meeting(&ts, &ada.id, D).await;
    // No mandate at D; one set before T.
    clock.set("2026-10-15");
    ts.set_mandate(
        &ada.id,
        &MandateDraft {
            set_on: "2026-10-15".to_owned(),
            ..mandate_draft("Own the ledger.")
        },
        None,
    )
    .await
    .unwrap();
    clock.set("2026-10-20");
    ts.update_feedback(
        &old.id,
        old.version,
        &FeedbackDraft {
            addressed_on: "2026-10-20".to_owned(),
            addressed_action: "Moved the sessions to Mondays.".to_owned(),
            ..feedback_draft_of(&old)
        },
    )
    .await
    .unwrap();
    // Arose after D, still open at T.
    clock.set("2026-10-25");
    let new = ts
        .add_feedback(
            &mentorship.id,
            &FeedbackDraft {
                words: "Our sessions keep moving.".to_owned(),
                ..feedback("2026-10-25", Sentiment::Negative)
            },
        )
        .await
        .unwrap()
        .feedback
        .into_iter()
        .find(|f| f.id != old.id)
        .unwrap();
    clock.set(END);

    let p = prep(&ts, &ada.id, T).await;
    let appeared: Vec<(&str, String)> = p
        .changes
        .signals_appeared
        .iter()
        .map(|s| (s.rule.id(), ymd(s.since)))
        .collect();
    assert_eq!(
        appeared,
        [
            ("mentorship.negative_unaddressed", "2026-10-25".to_owned()),
            ("one_on_one.lapsed", "2026-10-27".to_owned()),
        ]
    );
    assert_eq!(
        p.changes.signals_appeared[0].cause_key,
        format!("mentorship.negative_unaddressed|{}", new.id)
    );
    let cleared: Vec<(SignalRule, &str)> = p
        .changes
        .signals_cleared
        .iter()
        .map(|s| (s.rule, s.cause_key.as_str()))
        .collect();
    let old_key = format!("mentorship.negative_unaddressed|{}", old.id);
    assert_eq!(
        cleared,
        [
            (SignalRule::NegativeFeedbackUnaddressed, old_key.as_str()),
            (SignalRule::MandateMissing, "mandate.missing|"),
        ]
    );
    assert!(p.changes.signals_cleared[1]
        .message
        .starts_with("No current mandate"));
    // Both lists agree with the radar on D and on T.
    let then = ts.report_radar(&ada.id, date(D)).await.unwrap().signals;
    let now = ts.report_radar(&ada.id, date(T)).await.unwrap().signals;
    for s in &p.changes.signals_appeared {
        assert!(now.contains(s) && then.iter().all(|t| t.cause_key != s.cause_key));
    }
    for c in &p.changes.signals_cleared {
        assert!(then.iter().any(|t| t.cause_key == c.cause_key));
        assert!(now.iter().all(|n| n.cause_key != c.cause_key));
    }
    // On the day of the 1:1 itself nothing has changed since the one before (there is none):
    // the window is four weeks, and the feedback from September is not in it.
    let p = prep(&ts, &ada.id, D).await;
    assert_eq!(p.last_one_on_one, None);
    assert!(p
        .changes
        .signals_appeared
        .iter()
        .all(|s| s.rule != SignalRule::NegativeFeedbackUnaddressed));
}

/// What was entered since the last 1:1 is a change even when it happened earlier: work,
/// feedback and who saw what, recorded late.
#[tokio::test]
async fn records_entered_since_the_last_one_on_one_are_changes_too() {
    let (ts, clock) = store_on(CREATED).await;
    let cast = cast(&ts).await;
    let ada = ts
        .create_report(&report_draft(&ts, "Ada Lovelace").await)
        .await
        .unwrap();
    let mentorship = ts
        .create_mentorship(&ada.id, &mentorship_draft(&cast.jamie.id))
        .await
        .unwrap();
    let known = ts
        .create_evidence(&ada.id, &work("Known before D", "2026-01-05"))
        .await
        .unwrap();
    clock.set(D);
    hold_meeting(&ts, &ada.id, D).await;
    // On 2026-10-20, the manager records what happened in September.
    clock.set("2026-10-20");
    let late = ts
        .create_evidence(&ada.id, &work("Recorded late", "2026-09-01"))
        .await
        .unwrap();
    ts.add_feedback(
        &mentorship.id,
        &FeedbackDraft {
            words: "Told me in September.".to_owned(),
            ..feedback("2026-09-15", Sentiment::Positive)
        },
    )
    .await
    .unwrap();
    ts.add_visibility(&known.id, &seen(&cast.samira.id, "2026-09-20"))
        .await
        .unwrap();
    clock.set(END);

    let p = prep(&ts, &ada.id, T).await;
    assert_eq!(p.since, date(D));
    let evidence: Vec<(&str, Vec<&str>, String)> = p
        .changes
        .evidence
        .iter()
        .map(|e| {
            (
                e.title.as_str(),
                e.what.iter().map(String::as_str).collect(),
                ymd(e.on),
            )
        })
        .collect();
    assert_eq!(
        evidence,
        [("Recorded late", vec!["recorded"], "2026-10-20".to_owned())]
    );
    assert_eq!(p.changes.evidence[0].evidence_id, late.id);
    let feedback: Vec<(&str, String)> = p
        .changes
        .feedback
        .iter()
        .map(|f| (f.words.as_str(), ymd(f.received_on)))
        .collect();
    assert_eq!(
        feedback,
        [("Told me in September.", "2026-09-15".to_owned())]
    );
    let visibility: Vec<(&str, &str, String)> = p
        .changes
        .visibility
        .iter()
        .map(|v| (v.person.as_str(), v.evidence_title.as_str(), ymd(v.seen_on)))
        .collect();
    assert_eq!(
        visibility,
        [(
            "Samira Whitfield",
            "Known before D",
            "2026-09-20".to_owned()
        )]
    );
    // As of the day before they were entered, none of it is there.
    let p = prep(&ts, &ada.id, "2026-10-19").await;
    assert!(p.changes.evidence.is_empty(), "{:?}", p.changes.evidence);
    assert!(p.changes.feedback.is_empty());
    assert!(p.changes.visibility.is_empty());
}

#[tokio::test]
async fn the_agenda_counts_the_one_on_ones_each_item_was_carried_into_and_actions_are_listed() {
    let (ts, clock) = store_on("2026-10-06").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let m1 = hold_meeting(&ts, &ada.id, "2026-10-06").await;
    ts.add_agenda_item(&ada.id, Some(&m1.id), &agenda_draft("Raised in the first"))
        .await
        .unwrap();
    clock.set("2026-10-20");
    let m2 = hold_meeting(&ts, &ada.id, "2026-10-20").await;
    let ones = ts
        .add_agenda_item(&ada.id, Some(&m2.id), &agenda_draft("Done in the second"))
        .await
        .unwrap();
    let done = ones
        .open_agenda
        .iter()
        .find(|i| i.text == "Done in the second")
        .unwrap()
        .clone();
    ts.set_agenda_status(&done.id, 1, AgendaStatus::Done, Some(&m2.id))
        .await
        .unwrap();
    clock.set(END);
    let planned = hold_meeting(&ts, &ada.id, "2026-12-01").await;
    ts.add_agenda_item(&ada.id, None, &agenda_draft("For the next one"))
        .await
        .unwrap();
    for (text, due) in [
        ("Undated", ""),
        ("Due later", "2026-12-10"),
        ("Due soon", "2026-11-30"),
    ] {
        ts.add_action_item(&ada.id, Some(&m2.id), &action_draft(text, due))
            .await
            .unwrap();
    }
    ts.add_action_item(
        &ada.id,
        None,
        &ActionItemDraft {
            done_on: "2026-11-20".to_owned(),
            ..action_draft("Already done", "2026-11-01")
        },
    )
    .await
    .unwrap();

    let p = prep(&ts, &ada.id, END).await;
    assert_eq!(p.next_one_on_one, Some(date("2026-12-01")));
    let agenda: Vec<(&str, i32)> = p
        .agenda
        .iter()
        .map(|a| (a.item.text.as_str(), a.carried))
        .collect();
    assert_eq!(
        agenda,
        [("Raised in the first", 2), ("For the next one", 0)],
        "oldest first, with the 1:1s before the next one it was on"
    );
    let actions: Vec<&str> = p.actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(actions, ["Due soon", "Due later", "Undated"]);

    // Without a planned 1:1, every 1:1 the item was on counts.
    ts.delete_record(
        trellis_core::model::RecordKind::Meeting,
        planned.id.as_str(),
    )
    .await
    .unwrap();
    let p = prep(&ts, &ada.id, END).await;
    assert_eq!(p.next_one_on_one, None);
    let agenda: Vec<(&str, i32)> = p
        .agenda
        .iter()
        .map(|a| (a.item.text.as_str(), a.carried))
        .collect();
    assert_eq!(
        agenda,
        [("Raised in the first", 2), ("For the next one", 0)]
    );
}

/// A report entered on `entered`, with a mandate set on 2026-01-15 (entered that day, or on
/// `entered` if later), to be reviewed by `review_by`. Leaves the clock on [`END`].
async fn report_with_mandate(
    ts: &TestStore,
    clock: &DayClock,
    name: &str,
    entered: &str,
    review_by: &str,
) -> ReportId {
    clock.set(entered);
    let report = add_report(ts, name).await;
    clock.set(entered.max("2026-01-15"));
    ts.set_mandate(
        &report.id,
        &MandateDraft {
            review_by: review_by.to_owned(),
            ..mandate_draft("Make ledger consistency a platform property.")
        },
        None,
    )
    .await
    .unwrap();
    clock.set(END);
    report.id
}

#[tokio::test]
async fn the_mandate_is_missing_overdue_due_on_track_or_without_a_review_date() {
    let (ts, clock) = store_on("2026-01-10").await;
    // Entered on 2026-01-10; the mandate set on 2026-01-15, to be reviewed by 2027-01-15.
    let ada = report_with_mandate(&ts, &clock, "Ada Lovelace", "2026-01-10", "2027-01-15").await;
    for (as_of, state) in [
        ("2026-01-14", MandateState::Missing),
        ("2026-01-15", MandateState::OnTrack),
        ("2026-12-15", MandateState::OnTrack),
        ("2026-12-16", MandateState::ReviewDue),
        ("2027-01-15", MandateState::ReviewDue),
        ("2027-01-16", MandateState::ReviewOverdue),
    ] {
        let p = prep(&ts, &ada, as_of).await;
        assert_eq!(p.mandate.state, state, "as of {as_of}");
        assert_eq!(
            p.mandate.mandate.is_some(),
            state != MandateState::Missing,
            "as of {as_of}"
        );
    }
    let undated = report_with_mandate(&ts, &clock, "Grace Hopper", END, "").await;
    let p = prep(&ts, &undated, TODAY).await;
    assert_eq!(p.mandate.state, MandateState::NoReviewDate);
    assert_eq!(
        p.mandate.mandate.as_ref().unwrap().statement,
        "Make ledger consistency a platform property."
    );
    let none = add_report(&ts, "Alan Turing").await;
    let p = prep(&ts, &none.id, TODAY).await;
    assert_eq!(
        (p.mandate.state, p.mandate.mandate),
        (MandateState::Missing, None)
    );

    // A closed mandate is no mandate (closed on 2026-10-01).
    let m = ts.mandates(&ada).await.unwrap().remove(0);
    clock.set("2026-10-01");
    ts.close_mandate(
        &m.id,
        m.version,
        &closing(MandateStatus::Completed, "Shipped.", "2026-10-01"),
    )
    .await
    .unwrap();
    clock.set(END);
    for as_of in [TODAY, "2026-10-01"] {
        assert_eq!(
            prep(&ts, &ada, as_of).await.mandate.state,
            MandateState::Missing
        );
    }
    assert_eq!(
        prep(&ts, &ada, "2026-09-30").await.mandate.state,
        MandateState::OnTrack
    );
}

/// Before the report was entered there is no record to prepare from; the error must say so,
/// not that a stored record cannot be read.
#[tokio::test]
async fn a_prep_before_the_report_was_entered_says_so() {
    let (ts, clock) = store_on("2026-08-03").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    clock.set(END);
    let message = match ts.prep(&ada.id, date("2026-08-02")).await {
        Err(e) => format!("{e:?}"),
        Ok(p) => panic!("a prep from before the report was entered: {p:?}"),
    };
    assert!(
        message.contains("2026-08-02") && !message.contains("cannot be read"),
        "SUSPECTED CORE BUG (prep::build via Store::prep): asked for a day before the report was \
         entered, the prep fails as if a stored record were unreadable, with an empty record key \
         and a pointer to the radar tab (which shows nothing then): {message}"
    );
}

#[tokio::test]
async fn prep_reads_the_record_without_writing_and_gives_the_same_result_twice() {
    let (ts, ada) = boundary_record(true).await;
    let before = snapshot_all(&ts).await;
    let first = prep(&ts, &ada, T).await;
    assert_eq!(prep(&ts, &ada, T).await, first);
    assert_nothing_written(&ts, &before).await;
    // The same record built again (other ids) gives the same prep.
    let (again, ada_again) = boundary_record(true).await;
    let mut seen = Vec::new();
    let a = normalise_ids(&format!("{first:?}"), &mut seen);
    let mut seen = Vec::new();
    let b = normalise_ids(
        &format!("{:?}", prep(&again, &ada_again, T).await),
        &mut seen,
    );
    assert_eq!(a, b);
}
