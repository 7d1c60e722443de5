//! The question bank and the questions the prep view suggests: one per open radar rule (in the
//! radar's order, acknowledged signals skipped), the mandate's coming review, the archetype the
//! report works as, standing questions to make three; rotation with each 1:1 held; retired
//! questions; the seeded bank; validation of the bank's questions.

use trellis_core::ids::{QuestionId, ReportId};
use trellis_core::model::question::triggers;
use trellis_core::model::{
    AckAction, AckDraft, Archetype, MandateDraft, QuestionDraft, Sentiment, SignalRule,
    SuggestedQuestion,
};

use crate::cycle_support::*;
use crate::support::*;

/// (question id, because) of the suggestions for `report` as of `as_of`.
async fn suggested(ts: &TestStore, report: &ReportId, as_of: &str) -> Vec<(String, String)> {
    let questions = ts.prep(report, date(as_of)).await.unwrap().questions;
    assert!(
        (3..=6).contains(&questions.len()),
        "{} questions: {questions:?}",
        questions.len()
    );
    questions
        .into_iter()
        .map(|q| (q.question_id.to_string(), q.because))
        .collect()
}

fn q(id: &str, because: &str) -> (String, String) {
    (id.to_owned(), because.to_owned())
}

/// The seeded question `id`'s current version.
async fn version_of(ts: &TestStore, id: &str) -> i32 {
    ts.questions(true)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id.as_str() == id)
        .unwrap()
        .version
}

async fn retire(ts: &TestStore, id: &str) {
    let current = ts
        .questions(true)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id.as_str() == id)
        .unwrap();
    ts.update_question(
        &current.id,
        current.version,
        &QuestionDraft {
            text: current.text.clone(),
            trigger: current.trigger.clone(),
            retired: true,
        },
    )
    .await
    .unwrap();
}

/// When [`troubled`] reports are entered: long enough before [`END`] for what is missing from
/// their record to be judged.
const ENTERED: &str = "2026-09-01";

/// A report called `name` (works as a tech lead, needed as an architect; no mandate, advocate
/// or evidence) entered on [`ENTERED`], with two unaddressed negative feedback entries from
/// their mentee, each entered the day it was received. Leaves the clock on [`END`].
async fn troubled(ts: &TestStore, clock: &DayClock, name: &str) -> ReportId {
    clock.set(ENTERED);
    let ada = add_report(ts, name).await;
    let mentee = format!("Mentee of {name}");
    let jamie = add_person(ts, &mentee, trellis_core::model::Relationship::MyOrg).await;
    let m = ts
        .create_mentorship(&ada.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    for day in ["2026-10-01", "2026-11-01"] {
        clock.set(day);
        ts.add_feedback(&m.id, &feedback(day, Sentiment::Negative))
            .await
            .unwrap();
    }
    clock.set(END);
    ada.id
}

/// A store whose clock is on [`END`], for [`troubled`] reports.
async fn store() -> (TestStore, std::sync::Arc<DayClock>) {
    store_on(END).await
}

#[tokio::test]
async fn questions_for_open_signals_come_first_in_radar_order_one_per_rule() {
    let (ts, clock) = store().await;
    let ada = troubled(&ts, &clock, "Ada Lovelace").await;
    let signals = ts.report_radar(&ada, today()).await.unwrap().signals;
    assert_eq!(
        ids_of(&signals),
        [
            "mentorship.negative_unaddressed",
            "mentorship.negative_unaddressed",
            "mandate.missing",
            "archetype.mismatch",
            "advocates.none",
        ]
    );
    assert_eq!(
        suggested(&ts, &ada, TODAY).await,
        [
            q("builtin-q28", "Radar: Negative mentee feedback"),
            q("builtin-q17", "Radar: No mandate"),
            q("builtin-q29", "Radar: Archetype mismatch"),
            q("builtin-q06", "Works as a tech lead"),
        ],
        "at most three from signals, then the archetype worked"
    );
    let prep = ts.prep(&ada, today()).await.unwrap();
    assert_eq!(
        prep.questions[0],
        SuggestedQuestion {
            question_id: QuestionId::from("builtin-q28"),
            text: "How are things going with your mentee? I heard some concerns and want to hear \
                   your view."
                .to_owned(),
            because: "Radar: Negative mentee feedback".to_owned(),
        }
    );
}

#[tokio::test]
async fn acknowledged_signals_do_not_prompt_questions() {
    let (ts, clock) = store().await;
    let ada = troubled(&ts, &clock, "Ada Lovelace").await;
    let signals = ts.report_radar(&ada, today()).await.unwrap().signals;
    for s in signals
        .iter()
        .filter(|s| s.rule == SignalRule::NegativeFeedbackUnaddressed)
    {
        ts.acknowledge_signal(
            &ada,
            &AckDraft {
                rule: s.rule,
                cause_key: s.cause_key.clone(),
                action: Some(AckAction::Acknowledged),
                reason: "Talked to Jamie; sessions moved.".to_owned(),
                until: String::new(),
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        suggested(&ts, &ada, TODAY).await,
        [
            q("builtin-q17", "Radar: No mandate"),
            q("builtin-q29", "Radar: Archetype mismatch"),
            q("builtin-q37", "Radar: No advocate"),
            q("builtin-q06", "Works as a tech lead"),
        ]
    );
}

#[tokio::test]
async fn a_mandate_review_within_thirty_days_adds_its_question_before_the_archetype_one() {
    let (ts, clock) = store().await;
    let ada = troubled(&ts, &clock, "Ada Lovelace").await;
    // Set (and entered) on 2026-11-20.
    clock.set("2026-11-20");
    ts.set_mandate(
        &ada,
        &MandateDraft {
            review_by: "2026-12-24".to_owned(),
            ..mandate_draft("Own the ledger.")
        },
        None,
    )
    .await
    .unwrap();
    clock.set(END);
    assert_eq!(
        suggested(&ts, &ada, TODAY).await,
        [
            q("builtin-q28", "Radar: Negative mentee feedback"),
            q("builtin-q29", "Radar: Archetype mismatch"),
            q("builtin-q37", "Radar: No advocate"),
            q("builtin-q15", "Their mandate is due for review"),
            q("builtin-q06", "Works as a tech lead"),
        ]
    );
    // 31 days ahead it is not due yet.
    let picks = suggested(&ts, &ada, "2026-11-23").await;
    assert!(picks.iter().all(|(id, _)| id != "builtin-q15"), "{picks:?}");
}

#[tokio::test]
async fn without_signals_the_archetype_question_is_topped_up_with_standing_questions() {
    let scene = scene().await;
    let ada = &scene.ada.report.id;
    assert!(scene.signals(END).await.is_empty(), "the clean candidate");
    assert_eq!(
        suggested(&scene.ts, ada, END).await,
        [
            q("builtin-q08", "Works as an architect"),
            q("builtin-q01", "A standing question"),
            q("builtin-q02", "A standing question"),
        ]
    );
    // Without an archetype question, three standing ones.
    for id in ["builtin-q08", "builtin-q09"] {
        retire(&scene.ts, id).await;
    }
    assert_eq!(
        suggested(&scene.ts, ada, END).await,
        [
            q("builtin-q01", "A standing question"),
            q("builtin-q02", "A standing question"),
            q("builtin-q03", "A standing question"),
        ]
    );
}

#[tokio::test]
async fn the_pick_rotates_with_each_one_on_one_held_and_not_otherwise() {
    let scene = scene().await;
    let (ts, ada) = (&scene.ts, &scene.ada.report.id);
    let first = suggested(ts, ada, END).await;
    assert_eq!(
        suggested(ts, ada, END).await,
        first,
        "same record, same picks"
    );
    // A planned 1:1 is not held yet.
    hold_meeting(ts, ada, "2026-12-01").await;
    assert_eq!(suggested(ts, ada, END).await, first);
    hold_meeting(ts, ada, "2026-11-10").await;
    let ids = |picks: Vec<(String, String)>| -> Vec<String> {
        picks.into_iter().map(|(id, _)| id).collect()
    };
    assert_eq!(
        ids(suggested(ts, ada, END).await),
        ["builtin-q09", "builtin-q02", "builtin-q03"]
    );
    hold_meeting(ts, ada, "2026-11-17").await;
    assert_eq!(
        ids(suggested(ts, ada, END).await),
        ["builtin-q08", "builtin-q03", "builtin-q04"]
    );
    // As of a day before those 1:1s, they do not count.
    assert_eq!(
        ids(suggested(ts, ada, "2026-11-10").await),
        ["builtin-q08", "builtin-q01", "builtin-q02"]
    );
}

#[tokio::test]
async fn a_retired_question_is_never_suggested_but_stays_in_the_bank() {
    let scene = scene().await;
    let (ts, ada) = (&scene.ts, &scene.ada.report.id);
    retire(ts, "builtin-q08").await;
    for day in ["2026-11-03", "2026-11-10", "2026-11-17"] {
        let picks = suggested(ts, ada, END).await;
        assert_eq!(picks[0], q("builtin-q09", "Works as an architect"));
        assert!(picks.iter().all(|(id, _)| id != "builtin-q08"));
        hold_meeting(ts, ada, day).await;
    }
    let live = ts.questions(false).await.unwrap();
    assert!(live.iter().all(|x| x.id.as_str() != "builtin-q08"));
    let all = ts.questions(true).await.unwrap();
    let retired = all.iter().find(|x| x.id.as_str() == "builtin-q08").unwrap();
    assert!(retired.retired);
    assert_eq!(retired.version, 2);
    assert_eq!(all.len(), live.len() + 1);
}

#[tokio::test]
async fn the_seeded_bank_has_questions_for_every_radar_rule_and_every_archetype() {
    let ts = open_store().await;
    let bank = ts.questions(false).await.unwrap();
    assert_eq!(bank.len(), 38);
    let has = |trigger: &str| bank.iter().any(|x| x.trigger == trigger && !x.retired);
    for rule in SignalRule::ALL {
        // A record the radar cannot read is the manager's to correct: nothing to ask the
        // report about.
        if rule == SignalRule::RecordUnreadable {
            continue;
        }
        assert!(has(rule.id()), "no question for {}", rule.id());
    }
    for a in [
        Archetype::TechLead,
        Archetype::Architect,
        Archetype::Solver,
        Archetype::RightHand,
    ] {
        let trigger = trellis_core::model::question::archetype_trigger(a);
        assert!(
            bank.iter().filter(|x| x.trigger == trigger).count() >= 2,
            "{trigger} should rotate between two questions at least"
        );
    }
    assert!(has("mandate.review_due"));
    assert!(bank.iter().filter(|x| x.trigger == "general").count() >= 3);
    // Every seeded trigger is one a question can be given.
    let known: Vec<String> = triggers().into_iter().map(|t| t.id).collect();
    for x in &bank {
        assert!(
            known.contains(&x.trigger),
            "{} has trigger {}",
            x.id,
            x.trigger
        );
        assert_eq!(x.version, 1);
        assert!(!x.text.trim().is_empty() && x.text.chars().count() <= 200);
    }
    // The picker lists every rule once.
    for rule in SignalRule::ALL {
        assert_eq!(known.iter().filter(|t| *t == rule.id()).count(), 1);
    }
    // In trigger order, then wording.
    let order: Vec<(&str, &str)> = bank
        .iter()
        .map(|x| (x.trigger.as_str(), x.text.as_str()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[tokio::test]
async fn every_rule_of_a_question_is_checked_and_nothing_is_written() {
    let ts = open_store().await;
    let before = snapshot_all(&ts).await;
    let ok = QuestionDraft {
        text: "What would you stop doing tomorrow?".to_owned(),
        trigger: "general".to_owned(),
        retired: false,
    };
    let cases: Vec<(QuestionDraft, Vec<(&str, String)>)> = vec![
        (
            QuestionDraft {
                text: "  ".to_owned(),
                ..ok.clone()
            },
            vec![("text", "The question is required.".to_owned())],
        ),
        (
            QuestionDraft {
                text: "Two\nlines".to_owned(),
                ..ok.clone()
            },
            vec![(
                "text",
                "The question must be a single line without control characters.".to_owned(),
            )],
        ),
        (
            QuestionDraft {
                text: "x".repeat(201),
                ..ok.clone()
            },
            vec![(
                "text",
                "The question is too long: at most 200 characters.".to_owned(),
            )],
        ),
        (
            QuestionDraft {
                trigger: " ".to_owned(),
                ..ok.clone()
            },
            vec![("trigger", "Choose when to suggest it.".to_owned())],
        ),
        (
            QuestionDraft {
                trigger: "radar.everything".to_owned(),
                ..ok.clone()
            },
            vec![(
                "trigger",
                "\"radar.everything\" is not a known trigger.".to_owned(),
            )],
        ),
        (
            QuestionDraft {
                text: String::new(),
                trigger: "archetype.wizard".to_owned(),
                retired: true,
            },
            vec![
                ("text", "The question is required.".to_owned()),
                (
                    "trigger",
                    "\"archetype.wizard\" is not a known trigger.".to_owned(),
                ),
            ],
        ),
    ];
    let q01 = QuestionId::from("builtin-q01");
    for (draft, expected) in cases {
        let expected: Vec<(&str, &str)> = expected.iter().map(|(f, m)| (*f, m.as_str())).collect();
        rejected(&ts, &before, ts.create_question(&draft).await, &expected).await;
        rejected(
            &ts,
            &before,
            ts.update_question(&q01, 1, &draft).await,
            &expected,
        )
        .await;
    }
    not_found(ts.update_question(&QuestionId::from("nope"), 1, &ok).await);
    assert_eq!(
        conflict(ts.update_question(&q01, 2, &ok).await),
        stale_message(
            "question",
            "What is the most important problem you own right now, and who would notice if it \
             stalled?"
        )
    );
    assert_nothing_written(&ts, &before).await;
}

#[tokio::test]
async fn a_question_the_manager_adds_is_suggested_when_its_trigger_holds() {
    let scene = scene().await;
    let (ts, ada) = (&scene.ts, &scene.ada.report.id);
    scene.clock.set(END);
    let created = ts
        .create_question(&QuestionDraft {
            text: "  What would you stop doing tomorrow?  ".to_owned(),
            trigger: " general ".to_owned(),
            retired: false,
        })
        .await
        .unwrap();
    assert_eq!(created.text, "What would you stop doing tomorrow?");
    assert_eq!(created.trigger, "general");
    assert_eq!((created.retired, created.version), (false, 1));
    assert_eq!(created.created_at, noon(date(END)));
    assert!(ts.questions(false).await.unwrap().contains(&created));
    // Among the standing questions, picks go by id: the new one sorts before the seeded ones.
    let picks = suggested(ts, ada, END).await;
    assert_eq!(
        picks[1],
        (created.id.to_string(), "A standing question".to_owned())
    );
    // Moved to a trigger that does not hold for Ada, it is no longer suggested.
    let moved = ts
        .update_question(
            &created.id,
            1,
            &QuestionDraft {
                text: created.text.clone(),
                trigger: "archetype.solver".to_owned(),
                retired: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (moved.trigger.as_str(), moved.version),
        ("archetype.solver", 2)
    );
    let picks = suggested(ts, ada, END).await;
    assert!(picks.iter().all(|(id, _)| *id != created.id.to_string()));
    assert_eq!(version_of(ts, created.id.as_str()).await, 2);
}

#[tokio::test]
async fn the_same_record_gives_the_same_questions_in_another_store() {
    let a = scene().await;
    let b = scene().await;
    let pa = a.ts.prep(&a.ada.report.id, date(END)).await.unwrap();
    let pb = b.ts.prep(&b.ada.report.id, date(END)).await.unwrap();
    assert_eq!(pa.questions, pb.questions);
    let ta = troubled(&a.ts, &a.clock, "Grace Hopper").await;
    let tb = troubled(&b.ts, &b.clock, "Grace Hopper").await;
    assert_eq!(
        a.ts.prep(&ta, date(END)).await.unwrap().questions,
        b.ts.prep(&tb, date(END)).await.unwrap().questions
    );
}

#[tokio::test]
async fn a_signal_whose_questions_are_all_retired_leaves_room_for_the_next_rule() {
    let (ts, clock) = store().await;
    let ada = troubled(&ts, &clock, "Ada Lovelace").await;
    retire(&ts, "builtin-q28").await;
    assert_eq!(
        suggested(&ts, &ada, TODAY).await,
        [
            q("builtin-q17", "Radar: No mandate"),
            q("builtin-q29", "Radar: Archetype mismatch"),
            q("builtin-q37", "Radar: No advocate"),
            q("builtin-q06", "Works as a tech lead"),
        ]
    );
}
