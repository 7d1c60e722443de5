//! The replay's first-fired days are exact: for random histories entered day by day (records
//! added, edited and deleted, thresholds changed, a cycle with its packet and reviews), the
//! `since` of every signal equals the first day of its unbroken run found the slow way, by
//! asking the rules about every single day going back.

use chrono::{Days, NaiveDate};
use trellis_core::ids::{EvidenceId, ReportId};
use trellis_core::model::{
    AdvocateDraft, Archetype, Check, EvidenceDraft, EvidenceRole, FeedbackDraft, MandateDraft,
    RecordKind, ReportDraft, ReviewerRole, Sentiment, SignalRule, SupportStrength, Thresholds,
    WorkMix,
};
use trellis_core::radar::Replay;

use crate::cycle_support::*;
use crate::support::*;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap()]
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn back(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap()
}

/// One random history: two reports, one of them a candidate of the cycle, with a year of
/// entries. Returns the store and the reports.
async fn history(seed: u64) -> (TestStore, Vec<ReportId>) {
    let mut rng = Rng(seed * 2_654_435_761 + 1);
    let (ts, clock) = store_on("2025-12-01").await;
    let cast = cast(&ts).await;
    let cycle = ts
        .create_cycle(&cycle_draft("H2 2026", &[&cast.morgan.id, &cast.samira.id]))
        .await
        .unwrap();
    ts.create_rule(&rule_draft(
        "Top project in production six months before calibration",
        "2025-12-01",
        Some(Check::TopEvidenceInProduction { months: 6 }),
    ))
    .await
    .unwrap();
    ts.create_rule(&rule_draft(
        "Has led a project",
        "2025-12-01",
        Some(Check::LedEvidenceOfKind {
            kinds: vec![trellis_core::model::EvidenceKind::Project],
        }),
    ))
    .await
    .unwrap();
    let mut reports = Vec::new();
    for name in ["Ada Lovelace", "Grace Hopper"] {
        let r = ts
            .create_report(&ReportDraft {
                archetype_needed: Some(*rng.pick(&[Archetype::Architect, Archetype::Solver])),
                archetype_worked: Some(Archetype::Architect),
                ..report_draft(&ts, name).await
            })
            .await
            .unwrap();
        reports.push(r.id);
    }
    let candidate = ts
        .add_candidate(&cycle.id, &candidate_draft(&reports[0], "2025-12-01"))
        .await
        .unwrap();
    let mut evidence: Vec<(ReportId, EvidenceId)> = Vec::new();
    let mut mentorships = Vec::new();
    for r in &reports {
        mentorships.push(
            ts.create_mentorship(r, &mentorship_draft(&cast.jamie.id))
                .await
                .unwrap()
                .id,
        );
    }
    let start = date("2025-12-02");
    let mut today = start;
    let mut n = 0;
    while today < date("2026-11-20") {
        today = today.checked_add_days(Days::new(1 + rng.below(9))).unwrap();
        clock.set(&day(today));
        n += 1;
        let report = rng.pick(&reports).clone();
        let title = *rng.pick(&[
            "Ledger migration",
            "Billing rewrite",
            "On-call rota",
            "Search",
        ]);
        match rng.below(12) {
            0..=2 => {
                let started = back(today, rng.below(300));
                let e = ts
                    .create_evidence(
                        &report,
                        &EvidenceDraft {
                            ended_on: if rng.chance(40) {
                                day(back(today, rng.below(20))).max(day(started))
                            } else {
                                String::new()
                            },
                            in_production_since: if rng.chance(40) {
                                day(back(today, rng.below(10))).max(day(started))
                            } else {
                                String::new()
                            },
                            flagship: rng.chance(15),
                            ..evidence_with(
                                &format!("{title} {n}").replace(
                                    &format!(" {n}"),
                                    if rng.chance(30) { "" } else { " part" },
                                ),
                                &day(started),
                                *rng.pick(&[
                                    EvidenceRole::Led,
                                    EvidenceRole::CoLed,
                                    EvidenceRole::Contributed,
                                ]),
                                if rng.chance(50) { "p99 -40%" } else { "" },
                                *rng.pick(&[
                                    WorkMix::HighLeverage,
                                    WorkMix::Untagged,
                                    WorkMix::Snacking,
                                    WorkMix::Preening,
                                ]),
                            )
                        },
                    )
                    .await
                    .unwrap();
                evidence.push((report, e.id));
            }
            3 if !evidence.is_empty() => {
                let (_, id) = rng.pick(&evidence).clone();
                let e = ts.evidence_item(&id).await.unwrap();
                if rng.chance(25) {
                    ts.delete_record(RecordKind::Evidence, id.as_str())
                        .await
                        .unwrap();
                    evidence.retain(|(_, x)| *x != id);
                } else {
                    let mut d = evidence_draft_of(&e);
                    d.impact = if e.impact.is_empty() {
                        "2x faster".into()
                    } else {
                        String::new()
                    };
                    d.work_mix = Some(*rng.pick(&[WorkMix::HighLeverage, WorkMix::Snacking]));
                    ts.update_evidence(&id, e.version, &d).await.unwrap();
                }
            }
            4 if !evidence.is_empty() => {
                let (_, id) = rng.pick(&evidence).clone();
                let who = (*rng.pick(&[&cast.morgan.id, &cast.omar.id, &cast.samira.id])).clone();
                let e = ts.evidence_item(&id).await.unwrap();
                let seen_on = back(today, rng.below(30)).max(e.started_on);
                ts.add_visibility(&id, &seen(&who, &day(seen_on)))
                    .await
                    .unwrap();
            }
            5 => {
                let current = ts.mandates(&report).await.unwrap();
                let set_on =
                    day(back(today, rng.below(5)).max(current.first().map_or(start, |m| m.set_on)));
                let draft = MandateDraft {
                    set_on: set_on.clone(),
                    review_by: day(today.checked_add_days(Days::new(rng.below(60))).unwrap()),
                    priority: if rng.chance(70) {
                        "Reliability".into()
                    } else {
                        String::new()
                    },
                    ..mandate_draft("Own the ledger.")
                };
                let closing = current.iter().find(|m| m.ended_on.is_none()).map(|_| {
                    closing(
                        trellis_core::model::MandateStatus::Completed,
                        "Done.",
                        &set_on,
                    )
                });
                ts.set_mandate(&report, &draft, closing.as_ref())
                    .await
                    .unwrap();
            }
            6 => {
                let existing = ts.advocates(&report).await.unwrap();
                match existing.first() {
                    Some(a) => {
                        let mut d = advocate_draft_of(a);
                        d.strength =
                            Some(*rng.pick(&[SupportStrength::Strong, SupportStrength::Weak]));
                        ts.update_advocate(&a.id, a.version, &d).await.unwrap();
                    }
                    None => {
                        ts.create_advocate(
                            &report,
                            &AdvocateDraft {
                                supporting_since: if rng.chance(50) {
                                    day(back(today, 40))
                                } else {
                                    String::new()
                                },
                                last_checked: String::new(),
                                ..advocate_draft(&cast.samira.id)
                            },
                        )
                        .await
                        .unwrap();
                    }
                }
            }
            7 => {
                let m = mentorships[reports.iter().position(|r| *r == report).unwrap()].clone();
                let ment = ts.mentorships(&report).await.unwrap();
                let open = ment[0]
                    .feedback
                    .iter()
                    .find(|f| f.addressed_on.is_none() && f.sentiment == Sentiment::Negative);
                match open {
                    Some(f) if rng.chance(50) => {
                        let d = FeedbackDraft {
                            addressed_on: day(today),
                            addressed_action: "Talked it through.".into(),
                            ..feedback_draft_of(f)
                        };
                        ts.update_feedback(&f.id, f.version, &d).await.unwrap();
                    }
                    _ => {
                        let s = *rng.pick(&[
                            Sentiment::Positive,
                            Sentiment::Negative,
                            Sentiment::Mixed,
                        ]);
                        ts.add_feedback(&m, &feedback(&day(back(today, rng.below(20))), s))
                            .await
                            .unwrap();
                    }
                }
            }
            8 => {
                let held = today.checked_add_days(Days::new(rng.below(10))).unwrap();
                let _ = ts
                    .create_meeting(&report, &meeting_draft(&day(back(held, rng.below(12)))))
                    .await;
            }
            9 => match rng.below(3) {
                0 => {
                    let _ = ts.save_packet(&candidate.id, &sections(&[]), "Draft").await;
                }
                _ => {
                    let role = *rng.pick(&[
                        ReviewerRole::StaffPeer,
                        ReviewerRole::Manager,
                        ReviewerRole::SkipLevel,
                    ]);
                    let requested = back(today, rng.below(10));
                    let received = if rng.chance(60) {
                        day(today)
                    } else {
                        String::new()
                    };
                    ts.add_review(
                        &candidate.id,
                        &review_draft(&cast.lee.id, role, &day(requested), &received),
                    )
                    .await
                    .unwrap();
                }
            },
            10 => {
                let r = ts.report(&report).await.unwrap();
                let d = ReportDraft {
                    archetype_needed: Some(*rng.pick(&[
                        Archetype::Architect,
                        Archetype::Solver,
                        Archetype::Unclear,
                    ])),
                    one_on_one_every_days: Some(*rng.pick(&[7, 14, 28])),
                    ..draft_from(&r)
                };
                ts.update_report(&report, r.version, &d).await.unwrap();
            }
            _ => {
                ts.set_thresholds(&Thresholds {
                    packet_draft_months: *rng.pick(&[3, 4, 6]),
                    work_mix_months: *rng.pick(&[3, 6]),
                    evidence_months: *rng.pick(&[3, 6]),
                    ..Thresholds::default()
                })
                .await
                .unwrap();
            }
        }
    }
    clock.set(END);
    (ts, reports)
}

/// The identity the replay follows for a signal, from what a signal shows.
fn identity(rule: SignalRule, cause_key: &str) -> (SignalRule, String) {
    let key = cause_key
        .strip_prefix(&format!("{}|", rule.id()))
        .unwrap_or(cause_key);
    if matches!(
        rule,
        SignalRule::HighImpactUnseen | SignalRule::OneOnOneLapsed
    ) {
        (rule, String::new())
    } else {
        (rule, key.to_owned())
    }
}

#[tokio::test]
async fn first_fired_days_match_a_day_by_day_replay() {
    let mut checked = 0;
    for seed in 1..=6 {
        let (ts, reports) = history(seed).await;
        for report in &reports {
            let h = ts.report_history(report).await.unwrap();
            let replay = Replay::new(&h, report, None);
            for as_of in ["2026-03-15", "2026-07-01", "2026-09-20", "2026-11-24"] {
                let as_of = date(as_of);
                for s in replay.signals_on(as_of).unwrap() {
                    let id = identity(s.rule, &s.cause_key);
                    let mut first = as_of;
                    let mut d = as_of;
                    while let Some(prev) = d.pred_opt() {
                        if !replay.identities_on(prev).contains(&id) {
                            break;
                        }
                        first = prev;
                        d = prev;
                    }
                    assert_eq!(
                        s.since,
                        first,
                        "seed {seed}, as of {as_of}: {} ({})",
                        s.rule.id(),
                        s.message
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(
        checked > 100,
        "the histories raise enough signals to test ({checked})"
    );
}
