//! Replay: one scripted history of a calibration cycle (H2 2026: opens 2026-01-01, packet due
//! 2026-09-15, calibration 2026-10-15) with two candidates, entered through the store as a
//! manager would. Chloe's record is clean; Priya's has planted problems, each caused on a known
//! date and (for some) removed on a known date. The radar is then replayed on every day from
//! the day both were recorded to the calibration: each planted signal appears exactly on the
//! first day its cause exists (with that day as `since` and the matching lead time), stays
//! while the cause does and goes when it is removed; nothing else ever appears, and Chloe has
//! no signal on any day.

use chrono::NaiveDate;
use trellis_core::ids::{CandidateId, ReportId, RuleId};
use trellis_core::model::{
    AdvocateDraft, Archetype, CandidateDraft, Check, EvidenceDraft, FeedbackDraft, MandateDraft,
    MandateStatus, ManualStatus, RecordKind, ReviewDraft, ReviewerRole, RuleDraft, Sentiment,
    Severity, Signal, SignalRule,
};

use crate::cycle_support::*;
use crate::support::*;

/// One planted problem: the signal it must raise, from its first day to the day before `until`.
struct Planted {
    rule: SignalRule,
    severity: Severity,
    since: &'static str,
    /// The first day without the signal (the cause removed), if it is removed.
    until: Option<&'static str>,
    /// The cause records (kind, id) the signal must name on its first day.
    causes: Vec<(RecordKind, String)>,
}

struct History {
    s: Scene,
    chloe: ReportId,
    priya: ReportId,
    priya_candidate: CandidateId,
    planted: Vec<Planted>,
}

/// The rules of the register (shared by both candidates).
struct Register {
    mentees_positive: RuleId,
    visible_outside: RuleId,
}

/// Each rule entered on the day it was said (one said before [`CREATED`], on that day).
async fn register(s: &Scene) -> Register {
    let rule = |draft: RuleDraft| async move {
        let _on = s.on(entry_day(&draft.said_on));
        s.ts.create_rule(&draft).await.unwrap().id
    };
    // Met by both throughout: flagship work in production since 2025-09-01, seen by Morgan.
    rule(rule_draft(
        "Top project in production six months before calibration",
        "2025-11-10",
        Some(Check::TopEvidenceInProduction { months: 6 }),
    ))
    .await;
    rule(rule_draft(
        "The committee must have seen your best work",
        "2026-02-10",
        Some(Check::SeenByCommittee { count: 1 }),
    ))
    .await;
    // Applies to nobody here: both work as Architects.
    rule(RuleDraft {
        archetypes: vec![Archetype::Solver],
        ..rule_draft(
            "Solvers need five advocates",
            "2026-02-10",
            Some(Check::MinAdvocates { count: 5 }),
        )
    })
    .await;
    let mentees_positive = rule(rule_draft(
        "Mentees must speak well of you",
        "2026-01-20",
        Some(Check::PositiveMentorshipFeedback { months: 12 }),
    ))
    .await;
    let visible_outside = rule(RuleDraft {
        confirmed: false,
        source: Some(trellis_core::model::RuleSource::ReviewComment),
        ..rule_draft("Known outside the org", "2026-06-22", None)
    })
    .await;
    Register {
        mentees_positive,
        visible_outside,
    }
}

async fn history() -> History {
    let (ts, clock) = store_on(CREATED).await;
    let cast = cast(&ts).await;
    let cycle = ts
        .create_cycle(&cycle_draft(
            "H2 2026 calibration",
            &[&cast.morgan.id, &cast.samira.id],
        ))
        .await
        .unwrap();
    let chloe = clean_candidate(&ts, &clock, &cast, &cycle, "Chloe Dubois", Some(DRAFTED)).await;
    // The scene's "Ada" is Chloe here.
    let s = Scene {
        ts,
        clock,
        cast,
        cycle,
        ada: chloe,
    };
    let rules = register(&s).await;
    // Chloe's manager calls the hand-checked rule met the day it is said.
    {
        let _on = s.on("2026-06-22");
        s.ts.set_rule_check(
            &s.ada.candidate.id,
            &rules.visible_outside,
            Some(ManualStatus::Met),
            "Spoke at the company summit.",
        )
        .await
        .unwrap();
    }

    // --- Priya: a Senior Staff aiming for Principal, recorded with Chloe on 2026-01-05. ---
    let (priya, advocate, candidate) = {
        let _on = s.on(CREATED);
        let priya =
            s.ts.create_report(&trellis_core::model::ReportDraft {
                current_level_id: Some(level_id(&s.ts, "Senior Staff").await),
                target_level_id: Some(level_id(&s.ts, "Principal").await),
                ..report_draft(&s.ts, "Priya Raman").await
            })
            .await
            .unwrap();
        let advocate =
            s.ts.create_advocate(
                &priya.id,
                &AdvocateDraft {
                    last_checked: CREATED.to_owned(),
                    ..advocate_draft(&s.cast.samira.id)
                },
            )
            .await
            .unwrap();
        let candidate =
            s.ts.add_candidate(
                &s.cycle.id,
                &CandidateDraft {
                    target_level_id: None,
                    ..candidate_draft(&priya.id, CREATED)
                },
            )
            .await
            .unwrap();
        (priya, advocate, candidate)
    };
    assert_eq!(candidate.target_level.name, "Principal");
    let _ = advocate;

    // Her first mandate is due for review on 2026-04-30 (B); it is renewed on 2026-07-01.
    let first_mandate = {
        let _on = s.on(CREATED);
        s.ts.set_mandate(
            &priya.id,
            &MandateDraft {
                set_on: "2025-10-01".to_owned(),
                review_by: "2026-04-30".to_owned(),
                ..mandate_draft("Priya: make payouts real-time.")
            },
            None,
        )
        .await
        .unwrap()
        .remove(0)
    };
    {
        let _on = s.on("2026-07-01");
        s.ts.set_mandate(
            &priya.id,
            &MandateDraft {
                set_on: "2026-07-01".to_owned(),
                review_by: "2027-01-31".to_owned(),
                ..mandate_draft("Priya: real-time payouts for every market.")
            },
            Some(&closing(
                MandateStatus::Completed,
                "Reviewed and widened.",
                "2026-07-01",
            )),
        )
        .await
        .unwrap();
    }

    // The same steady, visible, quantified work as Chloe, each entered the day it started.
    let flagship = {
        let _on = s.on(CREATED);
        let flagship =
            s.ts.create_evidence(
                &priya.id,
                &EvidenceDraft {
                    ended_on: "2025-08-29".to_owned(),
                    in_production_since: "2025-09-01".to_owned(),
                    ..work("Priya: payouts API", "2025-06-02")
                },
            )
            .await
            .unwrap()
            .id;
        s.ts.add_visibility(&flagship, &seen(&s.cast.morgan.id, "2025-09-15"))
            .await
            .unwrap();
        flagship
    };
    for day in MONTHLY {
        let _on = s.on(entry_day(day));
        let e =
            s.ts.create_evidence(
                &priya.id,
                &work(&format!("Priya Raman: platform work {day}"), day),
            )
            .await
            .unwrap();
        s.ts.add_visibility(&e.id, &seen(&s.cast.samira.id, day))
            .await
            .unwrap();
    }
    // Work she led that Grace Hopper also claims to have led (Grace's from 2026-05-18).
    let checkout = {
        let _on = s.on("2026-02-16");
        let checkout =
            s.ts.create_evidence(&priya.id, &work("Checkout rewrite", "2026-02-16"))
                .await
                .unwrap()
                .id;
        s.ts.add_visibility(&checkout, &seen(&s.cast.samira.id, "2026-02-16"))
            .await
            .unwrap();
        checkout
    };
    let grace = s.plain_report("Grace Hopper", CREATED).await;
    let graces = {
        let _on = s.on("2026-05-18");
        s.ts.create_evidence(&grace.id, &work("Checkout Rewrite", "2026-05-18"))
            .await
            .unwrap()
            .id
    };
    // High-impact work from 2026-04-13 that the committee never sees (a VP outside it does).
    let fraud = {
        let _on = s.on("2026-04-13");
        s.ts.create_evidence(&priya.id, &shipped("Priya: fraud scoring", "2026-04-13"))
            .await
            .unwrap()
            .id
    };
    {
        let _on = s.on("2026-05-01");
        s.ts.add_visibility(&fraud, &seen(&s.cast.omar.id, "2026-05-01"))
            .await
            .unwrap();
    }

    // Mentoring: positive in December, negative on 2026-03-10 (A), addressed on 2026-05-04.
    let mentorship = {
        let _on = s.on(CREATED);
        let mentorship =
            s.ts.create_mentorship(&priya.id, &mentorship_draft(&s.cast.jamie.id))
                .await
                .unwrap();
        s.ts.add_feedback(&mentorship.id, &feedback("2025-12-01", Sentiment::Positive))
            .await
            .unwrap();
        mentorship
    };
    let negative = {
        let _on = s.on("2026-03-10");
        s.ts.add_feedback(&mentorship.id, &feedback("2026-03-10", Sentiment::Negative))
            .await
            .unwrap()
            .feedback
            .into_iter()
            .find(|f| f.sentiment == Sentiment::Negative)
            .unwrap()
    };
    {
        let _on = s.on("2026-05-04");
        s.ts.update_feedback(
            &negative.id,
            negative.version,
            &FeedbackDraft {
                addressed_on: "2026-05-04".to_owned(),
                addressed_action: "Fixed weekly slot; Jamie confirmed it helps.".to_owned(),
                ..feedback_draft_of(&negative)
            },
        )
        .await
        .unwrap();
    }
    let negative = negative.id;

    // The ladder renames her target level on 2026-06-01.
    let principal = level_id(&s.ts, "Principal").await;
    {
        let _on = s.on("2026-06-01");
        s.ts.rename_level(&principal, "Principal I").await.unwrap();
    }
    let rename = s.ts.ladder_changes().await.unwrap().remove(0).id;

    // Still no packet draft when calibration − 4 months arrives (C: 2026-06-15); one on 07-20.
    {
        let _on = s.on("2026-07-20");
        s.ts.save_packet(&candidate.id, &sections(&[&flagship]), "First draft")
            .await
            .unwrap();
    }

    // The hand-checked rule: said 2026-06-22, called unmet for Priya on 2026-07-06.
    {
        let _on = s.on("2026-07-06");
        s.ts.set_rule_check(
            &candidate.id,
            &rules.visible_outside,
            Some(ManualStatus::Unmet),
            "Unknown outside payments.",
        )
        .await
        .unwrap();
    }

    // A new manager on 2026-08-03 (D).
    let change = {
        let _on = s.on("2026-08-03");
        s.ts.add_manager_change(&priya.id, &manager_change_draft("2026-08-03", "Dana Cole"))
            .await
            .unwrap()
            .id
    };

    // Only a staff peer reviews her packet: asked 2026-08-24, answered 2026-09-01 (entered
    // on each day).
    let review = {
        let _on = s.on("2026-08-24");
        s.ts.add_review(
            &candidate.id,
            &ReviewDraft {
                version_number: Some(1),
                ..review_draft(&s.cast.lee.id, ReviewerRole::StaffPeer, "2026-08-24", "")
            },
        )
        .await
        .unwrap()
    };
    {
        let _on = s.on("2026-09-01");
        s.ts.update_review(
            &review.id,
            review.version,
            &ReviewDraft {
                version_number: Some(1),
                ..review_draft(
                    &s.cast.lee.id,
                    ReviewerRole::StaffPeer,
                    "2026-08-24",
                    "2026-09-01",
                )
            },
        )
        .await
        .unwrap();
    }

    let c = (RecordKind::Candidate, candidate.id.to_string());
    let planted = vec![
        Planted {
            rule: SignalRule::RuleOfThumbUnmet,
            severity: Severity::High,
            since: "2026-03-10",
            until: None,
            causes: vec![(RecordKind::Rule, rules.mentees_positive.to_string())],
        },
        Planted {
            rule: SignalRule::NegativeFeedbackUnaddressed,
            severity: Severity::High,
            since: "2026-03-10",
            until: Some("2026-05-04"),
            causes: vec![(RecordKind::Feedback, negative.to_string())],
        },
        Planted {
            rule: SignalRule::HighImpactUnseen,
            severity: Severity::High,
            since: "2026-04-13",
            until: None,
            causes: vec![(RecordKind::Evidence, fraud.to_string())],
        },
        Planted {
            rule: SignalRule::MandateReviewOverdue,
            severity: Severity::Medium,
            since: "2026-05-01",
            until: Some("2026-07-01"),
            causes: vec![(RecordKind::Mandate, first_mandate.id.to_string())],
        },
        Planted {
            rule: SignalRule::DuplicateLead,
            severity: Severity::High,
            since: "2026-05-18",
            until: None,
            causes: vec![
                (RecordKind::Evidence, checkout.to_string()),
                (RecordKind::Evidence, graces.to_string()),
            ],
        },
        Planted {
            rule: SignalRule::LadderChangedInCycle,
            severity: Severity::Medium,
            since: "2026-06-01",
            until: None,
            causes: vec![(RecordKind::LadderChange, rename.to_string())],
        },
        Planted {
            rule: SignalRule::PacketNoDraft,
            severity: Severity::High,
            since: "2026-06-15",
            until: Some("2026-07-20"),
            causes: vec![c.clone()],
        },
        Planted {
            rule: SignalRule::RuleOfThumbUnchecked,
            severity: Severity::Low,
            since: "2026-06-22",
            until: Some("2026-07-06"),
            causes: vec![(RecordKind::Rule, rules.visible_outside.to_string())],
        },
        Planted {
            rule: SignalRule::RuleOfThumbUnmet,
            severity: Severity::Medium, // hearsay
            since: "2026-07-06",
            until: None,
            causes: vec![(RecordKind::Rule, rules.visible_outside.to_string())],
        },
        Planted {
            rule: SignalRule::ManagerChangedInCycle,
            severity: Severity::High,
            since: "2026-08-03",
            until: None,
            causes: vec![(RecordKind::ManagerChange, change.to_string())],
        },
        // Reviews are due 6, 4 and 2 weeks before packets are (2026-09-15).
        Planted {
            rule: SignalRule::NoStaffPeerReview,
            severity: Severity::Medium,
            since: "2026-08-04",
            until: Some("2026-09-01"),
            causes: vec![c.clone()],
        },
        Planted {
            rule: SignalRule::NoManagerReview,
            severity: Severity::Medium,
            since: "2026-08-18",
            until: None,
            causes: vec![c.clone()],
        },
        Planted {
            rule: SignalRule::NoSkipLevelReview,
            severity: Severity::Medium,
            since: "2026-09-01",
            until: None,
            causes: vec![c],
        },
    ];
    History {
        chloe: s.ada.report.id.clone(),
        priya: priya.id,
        priya_candidate: candidate.id,
        planted,
        s,
    }
}

fn active(p: &Planted, day: NaiveDate) -> bool {
    day >= date(p.since) && p.until.is_none_or(|u| day < date(u))
}

type Row = (&'static str, NaiveDate, Severity);

fn row(s: &Signal) -> Row {
    (s.rule.id(), s.since, s.severity)
}

#[tokio::test]
async fn every_planted_problem_is_flagged_from_the_day_its_cause_exists_and_nothing_else() {
    let h = history().await;
    let calibration = date(CALIBRATION);
    let mut day = date(CREATED);
    let mut first_seen: Vec<Option<NaiveDate>> = vec![None; h.planted.len()];
    while day <= calibration {
        // Chloe: nothing, ever.
        let chloe = h.s.ts.report_radar(&h.chloe, day).await.unwrap();
        assert!(
            chloe.signals.is_empty(),
            "{day}: Chloe has {:?}",
            rules_since(&chloe.signals)
        );

        // Priya: exactly the planted problems whose cause exists on this day.
        let priya = h.s.ts.report_radar(&h.priya, day).await.unwrap();
        assert_eq!(
            priya.candidacy.as_ref().map(|c| &c.id),
            Some(&h.priya_candidate)
        );
        let mut actual: Vec<Row> = priya.signals.iter().map(row).collect();
        actual.sort();
        let mut expected: Vec<Row> = h
            .planted
            .iter()
            .filter(|p| active(p, day))
            .map(|p| (p.rule.id(), date(p.since), p.severity))
            .collect();
        expected.sort();
        assert_eq!(actual, expected, "on {day}");

        for signal in &priya.signals {
            assert_eq!(
                signal.lead_time_days,
                Some(i32::try_from((calibration - signal.since).num_days()).unwrap()),
                "{day} {}",
                signal.rule.id()
            );
            assert_eq!(signal.ack, None);
        }
        for (i, p) in h.planted.iter().enumerate() {
            if active(p, day) && first_seen[i].is_none() {
                first_seen[i] = Some(day);
                let signal = priya
                    .signals
                    .iter()
                    .find(|s| s.rule == p.rule && s.since == date(p.since))
                    .unwrap();
                let causes: Vec<(RecordKind, String)> = signal
                    .causes
                    .iter()
                    .map(|c| (c.kind, c.id.clone()))
                    .collect();
                assert_eq!(causes, p.causes, "{} on {day}", p.rule.id());
            }
        }
        day = day.succ_opt().unwrap();
    }
    for (i, p) in h.planted.iter().enumerate() {
        assert_eq!(first_seen[i], Some(date(p.since)), "{}", p.rule.id());
    }
}

#[tokio::test]
async fn the_dashboard_replays_the_same_story() {
    let h = history().await;
    for (day, priya_counts, days_left) in [
        // (high, medium, low)
        (CREATED, (0, 0, 0), 283),
        ("2026-03-10", (2, 0, 0), 219),
        ("2026-05-04", (2, 1, 0), 164),
        ("2026-06-22", (4, 2, 1), 115),
        ("2026-07-20", (3, 2, 0), 87),
        ("2026-08-10", (4, 3, 0), 66),
        ("2026-08-20", (4, 4, 0), 56),
        ("2026-09-17", (4, 4, 0), 28),
        (CALIBRATION, (4, 4, 0), 0),
    ] {
        let d =
            h.s.ts
                .cycle_dashboard(&h.s.cycle.id, date(day))
                .await
                .unwrap();
        assert_eq!(d.days_to_calibration, days_left, "{day}");
        let rows: Vec<(&str, (i32, i32, i32))> = d
            .candidates
            .iter()
            .map(|c| (c.candidate.report_name.as_str(), (c.high, c.medium, c.low)))
            .collect();
        assert_eq!(
            rows,
            [("Chloe Dubois", (0, 0, 0)), ("Priya Raman", priya_counts)],
            "{day}"
        );
    }
}

#[tokio::test]
async fn the_checklists_tell_the_same_story() {
    use trellis_core::model::CheckStatus::*;
    let h = history().await;
    let statuses = |report: ReportId, day: &'static str| {
        let ts = &h.s.ts;
        async move {
            let mut items: Vec<(String, trellis_core::model::CheckStatus)> = ts
                .report_radar(&report, date(day))
                .await
                .unwrap()
                .checklist
                .into_iter()
                .map(|i| (i.wording, i.status))
                .collect();
            items.sort_by(|a, b| a.0.cmp(&b.0));
            items
        }
    };
    let w = |s: &str| s.to_owned();
    assert_eq!(
        statuses(h.priya.clone(), "2026-03-09").await,
        [
            (w("Mentees must speak well of you"), Met),
            (w("The committee must have seen your best work"), Met),
            (
                w("Top project in production six months before calibration"),
                Met
            ),
        ]
    );
    assert_eq!(
        statuses(h.priya.clone(), "2026-07-06").await,
        [
            (w("Known outside the org"), Unmet),
            (w("Mentees must speak well of you"), Unmet),
            (w("The committee must have seen your best work"), Met),
            (
                w("Top project in production six months before calibration"),
                Met
            ),
        ]
    );
    assert_eq!(
        statuses(h.chloe.clone(), CALIBRATION).await,
        [
            (w("Known outside the org"), Met),
            (w("Mentees must speak well of you"), Met),
            (w("The committee must have seen your best work"), Met),
            (
                w("Top project in production six months before calibration"),
                Met
            ),
        ]
    );
}
