//! The generated staff record: every record the generator writes (demo and synthetic) passes
//! the same rules as hand-entered ones, which is checked by saving each one again through the
//! store's update methods, unchanged; the index matches; the demo's planted situations exist;
//! on the radar the demo shows exactly what its stories plant, with one clean candidate, and a
//! replay of an earlier day sees only what had been entered by then.

use chrono::{Datelike, Months, NaiveDate};
use trellis_core::generator::{generate, onboarding_day, GeneratorSpec};
use trellis_core::model::{
    Channel, Cycle, EvidenceKind, EvidenceRole, MandateStatus, RecordKind, Relationship, Report,
    RosterFilter, Sentiment, Severity, Signal, SignalRule, SupportStrength, TimelineKind,
};
use trellis_core::radar::Replay;
use trellis_core::Store;

use crate::support::*;

async fn report_named(store: &Store, name: &str) -> Report {
    store
        .reports(RosterFilter::Active)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no report named {name}"))
}

/// Saves every record of the store again, unchanged, through the update methods (so through
/// validation, reference checks and the stored-state rules). Each save must succeed and return
/// the record as it was, one version later and updated now (the generator entered it earlier).
/// Returns how many records were saved.
async fn save_everything_again(store: &Store) -> usize {
    let mut saved = 0;
    for p in store.people().await.unwrap() {
        let again = store
            .update_person(&p.id, p.version, &person_draft_of(&p))
            .await
            .unwrap_or_else(|e| panic!("person {} fails: {e:?}", p.name));
        assert_eq!(again.version, p.version + 1);
        assert_eq!(
            (&again.name, &again.title, again.relationship, &again.notes),
            (&p.name, &p.title, p.relationship, &p.notes)
        );
        saved += 1;
    }
    for r in store.reports(RosterFilter::Active).await.unwrap() {
        let who = &r.name;
        for m in store.mandates(&r.id).await.unwrap() {
            let again = store
                .update_mandate(&m.id, m.version, &mandate_draft_of(&m))
                .await
                .unwrap_or_else(|e| panic!("{who}'s mandate {:?} fails: {e:?}", m.statement));
            assert_eq!(
                again,
                trellis_core::model::Mandate {
                    version: m.version + 1,
                    updated_at: now(),
                    ..m
                }
            );
            saved += 1;
        }
        for e in store.evidence(&r.id).await.unwrap() {
            for v in &e.visibility {
                let after = store
                    .update_visibility(&v.id, v.version, &visibility_draft_of(v))
                    .await
                    .unwrap_or_else(|err| {
                        panic!("{who}'s sighting of {:?} fails: {err:?}", e.title)
                    });
                let again = after.visibility.iter().find(|x| x.id == v.id).unwrap();
                assert_eq!(
                    *again,
                    trellis_core::model::VisibilityEntry {
                        version: v.version + 1,
                        updated_at: now(),
                        ..v.clone()
                    }
                );
                saved += 1;
            }
            let e = store.evidence_item(&e.id).await.unwrap();
            let again = store
                .update_evidence(&e.id, e.version, &evidence_draft_of(&e))
                .await
                .unwrap_or_else(|err| panic!("{who}'s evidence {:?} fails: {err:?}", e.title));
            assert_eq!(
                again,
                trellis_core::model::Evidence {
                    version: e.version + 1,
                    updated_at: now(),
                    ..e
                }
            );
            saved += 1;
        }
        for a in store.advocates(&r.id).await.unwrap() {
            let again = store
                .update_advocate(&a.id, a.version, &advocate_draft_of(&a))
                .await
                .unwrap_or_else(|e| panic!("{who}'s advocate {} fails: {e:?}", a.person.name));
            assert_eq!(
                again,
                trellis_core::model::Advocate {
                    version: a.version + 1,
                    updated_at: now(),
                    ..a
                }
            );
            saved += 1;
        }
        for m in store.mentorships(&r.id).await.unwrap() {
            for f in &m.feedback {
                let after = store
                    .update_feedback(&f.id, f.version, &feedback_draft_of(f))
                    .await
                    .unwrap_or_else(|e| {
                        panic!("{who}'s feedback from {} fails: {e:?}", m.mentee.name)
                    });
                let again = after.feedback.iter().find(|x| x.id == f.id).unwrap();
                assert_eq!(
                    *again,
                    trellis_core::model::Feedback {
                        version: f.version + 1,
                        updated_at: now(),
                        ..f.clone()
                    }
                );
                saved += 1;
            }
            let m = store
                .mentorships(&r.id)
                .await
                .unwrap()
                .into_iter()
                .find(|x| x.id == m.id)
                .unwrap();
            let again = store
                .update_mentorship(&m.id, m.version, &mentorship_draft_of(&m))
                .await
                .unwrap_or_else(|e| panic!("{who}'s mentorship of {} fails: {e:?}", m.mentee.name));
            assert_eq!(
                again,
                trellis_core::model::Mentorship {
                    version: m.version + 1,
                    updated_at: now(),
                    ..m
                }
            );
            saved += 1;
        }
    }
    saved
}

/// Rules the store checks only on the way in, verified on what the generator stored.
async fn assert_stored_values_obey_the_rules(store: &Store) {
    for r in store.reports(RosterFilter::Active).await.unwrap() {
        let mandates = store.mandates(&r.id).await.unwrap();
        let active = mandates
            .iter()
            .filter(|m| m.status == MandateStatus::Active)
            .count();
        assert!(active <= 1, "{} has {active} active mandates", r.name);
        for m in &mandates {
            assert!(m.set_on <= today());
            assert!(m.review_by.is_none_or(|d| d >= m.set_on), "{m:?}");
            match m.status {
                MandateStatus::Active => {
                    assert_eq!((m.ended_on, m.status_reason.as_str()), (None, ""));
                }
                _ => {
                    let ended = m.ended_on.unwrap();
                    assert!(ended >= m.set_on && ended <= today(), "{m:?}");
                    assert!(!m.status_reason.trim().is_empty(), "{m:?}");
                }
            }
        }
        for e in store.evidence(&r.id).await.unwrap() {
            assert!(e.started_on <= today());
            assert!(
                e.ended_on.is_none_or(|d| d >= e.started_on && d <= today()),
                "{e:?}"
            );
            assert!(
                e.in_production_since
                    .is_none_or(|d| d >= e.started_on && d <= today()),
                "{e:?}"
            );
            assert!(e.co_owners.iter().all(|p| p.id != r.person_id), "{e:?}");
            assert!(e.visibility.iter().all(|v| v.seen_on <= today()));
        }
        let advocates = store.advocates(&r.id).await.unwrap();
        let mut people: Vec<_> = advocates.iter().map(|a| a.person.id.clone()).collect();
        people.sort();
        people.dedup();
        assert_eq!(
            people.len(),
            advocates.len(),
            "an advocate twice for {}",
            r.name
        );
        assert!(advocates.iter().all(|a| a.person.id != r.person_id));
        for m in store.mentorships(&r.id).await.unwrap() {
            assert_ne!(m.mentee.id, r.person_id);
            assert!(m.ended_on.is_none_or(|d| d >= m.started_on && d <= today()));
            for f in &m.feedback {
                assert!(f.received_on <= today());
                if let Some(addressed) = f.addressed_on {
                    assert!(addressed >= f.received_on && addressed <= today(), "{f:?}");
                    assert!(!f.addressed_action.trim().is_empty(), "{f:?}");
                }
                assert!(!f.words.trim().is_empty());
            }
        }
    }
}

#[tokio::test]
async fn every_demo_record_passes_its_rules_when_saved_again() {
    let ts = open_store().await;
    let generated = generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    assert_index_in_sync(&ts).await;
    assert_stored_values_obey_the_rules(&ts).await;
    let saved = save_everything_again(&ts).await;
    // People (the six reports too), mandates, evidence and its sightings, advocates,
    // mentorships and their feedback.
    assert_eq!(
        saved,
        6 + generated.people
            + generated.mandates
            + generated.evidence
            + generated.visibility
            + generated.advocates
            + generated.mentorships
            + generated.feedback
    );
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn every_synthetic_record_passes_its_rules_when_saved_again() {
    let ts = open_store().await;
    let generated = generate(
        &ts,
        GeneratorSpec {
            reports: 9,
            years: 3,
            seed: 5,
        },
    )
    .await
    .unwrap();
    assert!(
        generated.evidence > 3 * 20 && generated.feedback > 3,
        "{generated:?}"
    );
    assert_index_in_sync(&ts).await;
    assert_stored_values_obey_the_rules(&ts).await;
    save_everything_again(&ts).await;
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn marcus_has_work_the_skip_level_has_not_seen() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    let marcus = report_named(&ts, "Marcus Okafor").await;
    let gaps = ts.visibility_gaps(&marcus.id, None).await.unwrap();
    let skips: Vec<&str> = gaps.skip_levels.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(skips, ["Morgan Avery"]);
    let unseen: Vec<(&str, EvidenceKind, bool)> = gaps
        .unseen_by_skip_level
        .iter()
        .map(|u| (u.title.as_str(), u.kind, u.has_impact))
        .collect();
    assert_eq!(
        unseen,
        [
            (
                "Cross-team API contract with Mobile",
                EvidenceKind::CrossFunctionalSupport,
                false
            ),
            (
                "Checkout re-platforming, phase 1",
                EvidenceKind::Project,
                true
            ),
            (
                "Onboarding guide for the checkout codebase",
                EvidenceKind::GlueWork,
                true
            ),
        ]
    );
    assert_eq!(gaps.evidence_count, 3);
    // Only the product lead has seen any of it; nobody has seen the glue work.
    let evidence = ts.evidence(&marcus.id).await.unwrap();
    let seers: Vec<&str> = evidence
        .iter()
        .flat_map(|e| e.visibility.iter().map(|v| v.person.name.as_str()))
        .collect();
    assert_eq!(seers, ["Grace Okonkwo"]);
    assert!(ts.advocates(&marcus.id).await.unwrap().is_empty());

    // By contrast, the skip-level saw everything Aiko led; only the help she gave other teams
    // (advised, not led) went unseen.
    let aiko = report_named(&ts, "Aiko Tanaka").await;
    let gaps = ts.visibility_gaps(&aiko.id, None).await.unwrap();
    let unseen: Vec<&str> = gaps
        .unseen_by_skip_level
        .iter()
        .map(|u| u.title.as_str())
        .collect();
    assert_eq!(
        unseen,
        [
            "Paired with Payments on their iOS SDK build",
            "Helped three teams ship their first SwiftUI screens"
        ]
    );
    for e in ts.evidence(&aiko.id).await.unwrap() {
        assert_eq!(
            e.role == EvidenceRole::Advised,
            unseen.contains(&e.title.as_str()),
            "{}",
            e.title
        );
    }
    let cache = ts
        .evidence(&aiko.id)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.title == "iOS build cache")
        .unwrap();
    assert!(cache
        .visibility
        .iter()
        .any(|v| v.person.relationship == Relationship::SkipLevel
            && v.channel == Channel::Doc
            && v.seen_on == cache.started_on));
}

#[tokio::test]
async fn marcus_has_unaddressed_negative_mentee_feedback() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    let marcus = report_named(&ts, "Marcus Okafor").await;
    let mentorships = ts.mentorships(&marcus.id).await.unwrap();
    assert_eq!(mentorships.len(), 1);
    assert_eq!(mentorships[0].mentee.name, "Ravi Menon");
    let negative: Vec<_> = mentorships[0]
        .feedback
        .iter()
        .filter(|f| f.sentiment == Sentiment::Negative && f.addressed_on.is_none())
        .collect();
    assert_eq!(negative.len(), 1);
    assert!(negative[0].words.contains("keep getting cancelled"));
    assert_eq!(negative[0].addressed_action, "");
    assert!(!negative[0].quotable);
    assert!(negative[0].received_on < today());
    // It shows on his timeline.
    let feedback = ts
        .timeline(&marcus.id, &[TimelineKind::Feedback])
        .await
        .unwrap();
    assert_eq!(feedback.len(), 1);
    assert_eq!(feedback[0].title, "Negative feedback from Ravi Menon");
}

#[tokio::test]
async fn priya_and_elena_both_claim_to_have_led_the_ledger_migration() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    let priya = report_named(&ts, "Priya Raman").await;
    let elena = report_named(&ts, "Elena Sokolova").await;
    let ledger = |evidence: Vec<trellis_core::model::Evidence>| {
        evidence
            .into_iter()
            .find(|e| e.title == "Ledger consistency migration")
            .unwrap()
    };
    let p = ledger(ts.evidence(&priya.id).await.unwrap());
    let e = ledger(ts.evidence(&elena.id).await.unwrap());
    assert_eq!((p.role, e.role), (EvidenceRole::Led, EvidenceRole::Led));
    assert_eq!((p.started_on, p.ended_on), (e.started_on, e.ended_on));
    // Elena names Priya as co-owner.
    assert!(e.co_owners.iter().any(|c| c.id == priya.person_id));

    // Search finds both claims, each with its report.
    let results = ts
        .search("ledger consistency migration", 100)
        .await
        .unwrap();
    let mut claims: Vec<(String, Option<String>)> = results
        .hits
        .iter()
        .filter(|h| h.kind == RecordKind::Evidence)
        .map(|h| (h.record_id.clone(), h.report_name.clone()))
        .collect();
    claims.sort();
    let mut expected = vec![
        (p.id.to_string(), Some("Priya Raman".to_owned())),
        (e.id.to_string(), Some("Elena Sokolova".to_owned())),
    ];
    expected.sort();
    assert_eq!(claims, expected);
}

#[tokio::test]
async fn the_demo_mandates_tell_their_stories() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    for r in ts.reports(RosterFilter::Active).await.unwrap() {
        let active = ts
            .mandates(&r.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.status == MandateStatus::Active)
            .count();
        assert_eq!(active, 1, "{} has one active mandate", r.name);
    }
    // Priya's earlier mandate was completed and is in her history.
    let priya = report_named(&ts, "Priya Raman").await;
    let mandates = ts.mandates(&priya.id).await.unwrap();
    let statuses: Vec<MandateStatus> = mandates.iter().map(|m| m.status).collect();
    assert_eq!(statuses, [MandateStatus::Active, MandateStatus::Completed]);
    assert_eq!(
        mandates[1].status_reason,
        "Design shipped and adopted by three teams."
    );
    assert_eq!(
        mandates[0].sponsor.as_ref().unwrap().name,
        "Samira Whitfield"
    );
    // Elena's mandate has no named priority, no attention, and its review is overdue.
    let elena = report_named(&ts, "Elena Sokolova").await;
    let m = ts.mandates(&elena.id).await.unwrap().remove(0);
    assert_eq!(m.priority, "");
    assert_eq!(m.attention, trellis_core::model::Assessment::No);
    assert!(m.sponsor.is_none());
    assert!(m.review_by.unwrap() < today());
    // Tomás is found without typing the accent.
    let tomas = report_named(&ts, "Tomás Herrera").await;
    let hits = ts.search("tomas herrera", 10).await.unwrap().hits;
    assert!(hits
        .iter()
        .any(|h| h.kind == RecordKind::Report && h.record_id == tomas.id.to_string()));
}

// ---------------------------------------------------------------------------------------------
// The demo on the radar: entered over thirteen months, planting only its stories' problems.
// On the test clock (today 2026-11-24) the manager started using Trellis on 2025-10-24, the
// "Spring calibration" cycle opened 2026-04-24, candidates joined it on 2026-09-25, the
// packet-draft deadline was 2026-11-14, packets are due 12 Feb 2027 and calibration is on
// 2027-03-14.
// ---------------------------------------------------------------------------------------------

const ONBOARDING: &str = "2025-10-24";
const CALIBRATION: &str = "2027-03-14";

async fn demo() -> crate::support::TestStore {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    ts
}

async fn spring(store: &Store) -> Cycle {
    let cycle = store.cycles().await.unwrap().remove(0);
    assert_eq!(cycle.name, "Spring calibration");
    assert_eq!(
        (cycle.opens_on, cycle.calibration_date),
        (date("2026-04-24"), date(CALIBRATION))
    );
    cycle
}

/// The first of every month from `from` to today, and today.
fn firsts_and_today(from: NaiveDate) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut d = from.with_day(1).unwrap();
    if d < from {
        d = d.checked_add_months(Months::new(1)).unwrap();
    }
    while d <= today() {
        days.push(d);
        d = d.checked_add_months(Months::new(1)).unwrap();
    }
    days.push(today());
    days
}

#[tokio::test]
async fn the_generator_enters_the_demo_from_the_managers_first_day() {
    assert_eq!(onboarding_day(today()), date(ONBOARDING));
    let ts = demo().await;
    for r in ts.reports(RosterFilter::Active).await.unwrap() {
        let entered = r.created_at.date_naive();
        // Tomás joined the manager in a re-org 90 days ago and was entered that day.
        let expected = if r.name == "Tomás Herrera" {
            date("2026-08-26")
        } else {
            date(ONBOARDING)
        };
        assert_eq!(entered, expected, "{}", r.name);
    }
}

#[tokio::test]
async fn aiko_the_clean_candidate_has_no_medium_or_high_signal_on_any_day_of_the_cycle() {
    let ts = demo().await;
    let cycle = spring(&ts).await;
    let aiko = report_named(&ts, "Aiko Tanaka").await;
    for d in firsts_and_today(cycle.opens_on) {
        let signals = ts.report_radar(&aiko.id, d).await.unwrap().signals;
        let loud: Vec<_> = signals
            .iter()
            .filter(|s| s.severity != Severity::Low)
            .map(|s| (s.rule, &s.message))
            .collect();
        assert!(loud.is_empty(), "Aiko on {d}: {loud:?}");
    }
    // Not only on those days: no medium or high rule fired on any day since she was entered.
    let history = ts.report_history(&aiko.id).await.unwrap();
    let replay = Replay::new(&history, &aiko.id, Some(&cycle.id));
    for rule in SignalRule::ALL
        .into_iter()
        .filter(|r| r.severity() != Severity::Low)
    {
        assert_eq!(
            replay.fired_periods(rule, date(ONBOARDING), today()),
            [],
            "{rule:?}"
        );
    }
    // Today the dashboard shows nothing for her at all.
    let dashboard = ts.cycle_dashboard(&cycle.id, today()).await.unwrap();
    let row = dashboard
        .candidates
        .iter()
        .find(|c| c.candidate.report_name == "Aiko Tanaka")
        .unwrap();
    assert_eq!((row.high, row.medium, row.low), (0, 0, 0));
    assert!(row.signals.is_empty(), "{:?}", row.signals);

    // What makes her clean. Her flagship has run in production since June and every committee
    // member has seen it; everything else she led was seen the day it started.
    let evidence = ts.evidence(&aiko.id).await.unwrap();
    let flagship = evidence.iter().find(|e| e.flagship).unwrap();
    assert_eq!(flagship.title, "iOS build cache");
    assert_eq!(flagship.in_production_since, Some(date("2026-06-24")));
    let mut seen: Vec<&str> = flagship
        .visibility
        .iter()
        .map(|v| v.person.name.as_str())
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            "Hiro Watanabe",
            "Morgan Avery",
            "Samira Whitfield",
            "Theo Lindgren"
        ]
    );
    for e in evidence.iter().filter(|e| e.role == EvidenceRole::Led) {
        assert!(
            e.visibility
                .iter()
                .any(|v| v.seen_on == e.started_on
                    && v.person.relationship == Relationship::SkipLevel),
            "{}",
            e.title
        );
    }
    // Drafted well before the deadline, both reviews already in.
    let candidate = &row.candidate;
    let versions = ts.packet_versions(&candidate.id).await.unwrap();
    let mut saved: Vec<NaiveDate> = versions.iter().map(|v| v.saved_on).collect();
    saved.sort();
    assert_eq!(saved, [date("2026-10-05"), date("2026-11-04")]);
    let reviews = ts.reviews(&candidate.id).await.unwrap();
    assert_eq!(reviews.len(), 2);
    assert!(reviews
        .iter()
        .all(|r| r.received_on.is_some_and(|d| d < today())));
    // Her mandate was reviewed a week before each review date.
    let mandate = ts.mandates(&aiko.id).await.unwrap().remove(0);
    let mut reviewed: Vec<(NaiveDate, Option<NaiveDate>)> = mandate
        .reviews
        .iter()
        .map(|r| (r.reviewed_on, r.next_review_on))
        .collect();
    reviewed.sort();
    assert_eq!(
        reviewed,
        [
            (date("2026-04-17"), Some(date("2026-08-24"))),
            (date("2026-08-17"), Some(date("2027-02-24")))
        ]
    );
    // A strong advocate since before the manager used Trellis; positive mentee feedback; 1:1s
    // every fortnight, as her cadence says.
    let advocate = ts.advocates(&aiko.id).await.unwrap().remove(0);
    assert_eq!(
        (advocate.strength, advocate.supporting_since),
        (SupportStrength::Strong, Some(date("2025-07-24")))
    );
    let feedback = &ts.mentorships(&aiko.id).await.unwrap()[0].feedback;
    assert!(feedback.iter().all(|f| f.sentiment == Sentiment::Positive));
    assert_eq!(aiko.one_on_one_every_days, 14);
    let mut held: Vec<NaiveDate> = ts
        .one_on_ones(&aiko.id)
        .await
        .unwrap()
        .meetings
        .iter()
        .map(|m| m.held_on)
        .collect();
    held.sort();
    assert!(held.windows(2).all(|w| (w[1] - w[0]).num_days() == 14));
    assert!(held[0] >= date(ONBOARDING) && *held.last().unwrap() > today());
}

/// Every signal the stories plant on the dashboard today: who, which rule, how severe, the
/// first day a manager using Trellis daily would have seen it, and words of its message.
const PLANTED: [(&str, SignalRule, Severity, &str, &str); 15] = [
    // Priya: from the day she became a candidate, her flagship's five months in production
    // fall short of the confirmed production rule (a rule for architects).
    (
        "Priya Raman",
        SignalRule::RuleOfThumbUnmet,
        Severity::High,
        "2026-09-25",
        "An architect's big bet must have run in production for a year",
    ),
    // Priya and Elena both claim the ledger migration: from the day Elena's claim was written
    // up, a month after the work started.
    (
        "Priya Raman",
        SignalRule::DuplicateLead,
        Severity::High,
        "2026-03-26",
        "Elena Sokolova is also recorded as having led",
    ),
    // Marcus: no draft once the deadline (four months before calibration) passed.
    (
        "Marcus Okafor",
        SignalRule::PacketNoDraft,
        Severity::High,
        "2026-11-14",
        "No packet draft 4 months before calibration",
    ),
    // Nobody who decides has seen his onboarding guide since every new joiner started using it,
    // nor the re-platforming since it went into production.
    (
        "Marcus Okafor",
        SignalRule::HighImpactUnseen,
        Severity::High,
        "2026-01-24",
        "2 pieces of their strongest work have not been seen by the committee, the flagship",
    ),
    (
        "Marcus Okafor",
        SignalRule::SeenShareLow,
        Severity::Medium,
        "2026-04-29",
        "None of their 2 strongest pieces",
    ),
    // His mentee's negative feedback, from the day it came, and so the hearsay mentee rule.
    (
        "Marcus Okafor",
        SignalRule::NegativeFeedbackUnaddressed,
        Severity::High,
        "2026-10-24",
        "Negative feedback from Ravi Menon",
    ),
    (
        "Marcus Okafor",
        SignalRule::RuleOfThumbUnmet,
        Severity::Medium,
        "2026-10-24",
        "Mentees speak well of them",
    ),
    // No advocate, from the day he was entered in Trellis.
    (
        "Marcus Okafor",
        SignalRule::NoAdvocate,
        Severity::Medium,
        "2025-10-24",
        "No leader is recorded",
    ),
    (
        "Elena Sokolova",
        SignalRule::DuplicateLead,
        Severity::High,
        "2026-03-26",
        "Priya Raman is also recorded as having led",
    ),
    // A Solver where an Architect is needed, as she was entered.
    (
        "Elena Sokolova",
        SignalRule::ArchetypeMismatch,
        Severity::Medium,
        "2025-10-24",
        "Works as Solver while the organisation needs Architect",
    ),
    // Her mandate's review date passed in May.
    (
        "Elena Sokolova",
        SignalRule::MandateReviewOverdue,
        Severity::Medium,
        "2026-05-25",
        "(24 May 2026) has passed",
    ),
    // Her 1:1s lapsed: the last was on 2026-10-19, three weeks before.
    (
        "Elena Sokolova",
        SignalRule::OneOnOneLapsed,
        Severity::Medium,
        "2026-11-10",
        "(the last was on 19 Oct 2026)",
    ),
    // Her mentee's mixed survey feedback, judged from the day she became a candidate.
    (
        "Elena Sokolova",
        SignalRule::RuleOfThumbUnmet,
        Severity::Medium,
        "2026-09-25",
        "Recent mentee feedback is mixed at best",
    ),
    // Tomás: no "staff project", from the day he became a candidate.
    (
        "Tomás Herrera",
        SignalRule::RuleOfThumbUnmet,
        Severity::High,
        "2026-09-25",
        "Has led a staff-level project",
    ),
    // He joined the manager on 2026-08-26, inside the cycle; the cycle is his from the day he
    // became a candidate.
    (
        "Tomás Herrera",
        SignalRule::ManagerChangedInCycle,
        Severity::High,
        "2026-09-25",
        "You became their manager inside the cycle (26 Aug 2026)",
    ),
];

/// The low signals the stories leave on the dashboard today: reminders, each part of a story
/// (the manager has not checked the impact rule by hand for them; their recent record is thin;
/// Elena's mandate serves no named priority; Tomás has no mentee feedback on record).
const PLANTED_LOW: [(&str, SignalRule); 8] = [
    ("Elena Sokolova", SignalRule::RuleOfThumbUnchecked),
    ("Elena Sokolova", SignalRule::MandateNoPriority),
    ("Elena Sokolova", SignalRule::EvidenceThin),
    ("Marcus Okafor", SignalRule::RuleOfThumbUnchecked),
    ("Marcus Okafor", SignalRule::EvidenceThin),
    ("Tomás Herrera", SignalRule::RuleOfThumbUnchecked),
    ("Tomás Herrera", SignalRule::RuleOfThumbUnchecked),
    ("Tomás Herrera", SignalRule::EvidenceThin),
];

#[tokio::test]
async fn the_demo_dashboard_shows_exactly_the_problems_its_stories_plant() {
    let ts = demo().await;
    let cycle = spring(&ts).await;
    let dashboard = ts.cycle_dashboard(&cycle.id, today()).await.unwrap();
    let names: Vec<&str> = dashboard
        .candidates
        .iter()
        .map(|c| c.candidate.report_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Aiko Tanaka",
            "Elena Sokolova",
            "Marcus Okafor",
            "Priya Raman",
            "Tomás Herrera"
        ]
    );
    let signals: Vec<(&str, &Signal)> = dashboard
        .candidates
        .iter()
        .flat_map(|c| {
            c.signals
                .iter()
                .map(move |s| (c.candidate.report_name.as_str(), s))
        })
        .collect();

    // The high and medium signals are exactly the planted ones, each dated honestly: after
    // the manager started using Trellis, with its lead time to calibration.
    let mut loud: Vec<(&str, SignalRule, Severity, NaiveDate)> = signals
        .iter()
        .filter(|(_, s)| s.severity != Severity::Low)
        .map(|(who, s)| (*who, s.rule, s.severity, s.since))
        .collect();
    loud.sort();
    let mut planted: Vec<(&str, SignalRule, Severity, NaiveDate)> = PLANTED
        .iter()
        .map(|(who, rule, severity, since, _)| (*who, *rule, *severity, date(since)))
        .collect();
    planted.sort();
    assert_eq!(loud, planted);
    for (who, rule, severity, since, words) in PLANTED {
        let s = signals
            .iter()
            .find(|(w, s)| {
                *w == who && s.rule == rule && s.severity == severity && s.message.contains(words)
            })
            .unwrap_or_else(|| panic!("{who}: no {rule:?} saying {words:?}"))
            .1;
        assert!(s.since >= date(ONBOARDING) && s.since <= today(), "{s:?}");
        assert_eq!(
            s.lead_time_days,
            Some(i32::try_from((date(CALIBRATION) - date(since)).num_days()).unwrap()),
            "{who}: {rule:?}"
        );
        assert!(s.ack.is_none());
    }
    // The totals: every high signal is a planted high problem.
    let high = dashboard.candidates.iter().map(|c| c.high).sum::<i32>();
    let medium = dashboard.candidates.iter().map(|c| c.medium).sum::<i32>();
    let low = dashboard.candidates.iter().map(|c| c.low).sum::<i32>();
    let planted_high = PLANTED.iter().filter(|p| p.2 == Severity::High).count();
    assert_eq!((high, medium, low), (8, 7, 8));
    assert_eq!(usize::try_from(high).unwrap(), planted_high);

    // The low ones are the stories' reminders, nothing else.
    let mut quiet: Vec<(&str, SignalRule)> = signals
        .iter()
        .filter(|(_, s)| s.severity == Severity::Low)
        .map(|(who, s)| (*who, s.rule))
        .collect();
    quiet.sort();
    assert_eq!(quiet, PLANTED_LOW);

    // The records behind the planted problems are the stories' own.
    let causes = |who: &str, rule: SignalRule| -> Vec<String> {
        let mut titles: Vec<String> = signals
            .iter()
            .filter(|(w, s)| *w == who && s.rule == rule && s.severity == Severity::High)
            .flat_map(|(_, s)| s.causes.iter().map(|c| c.title.clone()))
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(
        causes("Marcus Okafor", SignalRule::HighImpactUnseen),
        [
            "Checkout re-platforming, phase 1",
            "Onboarding guide for the checkout codebase"
        ]
    );
    assert_eq!(
        causes("Priya Raman", SignalRule::RuleOfThumbUnmet),
        [
            "An architect's big bet must have run in production for a year before calibration",
            "Ledger consistency migration"
        ]
    );
    assert_eq!(
        causes("Tomás Herrera", SignalRule::RuleOfThumbUnmet),
        ["Has led a staff-level project, not just contributed"]
    );

    // Dev Patel, not a candidate, has nothing above low either.
    let dev = report_named(&ts, "Dev Patel").await;
    let dev_signals = ts.report_radar(&dev.id, today()).await.unwrap().signals;
    assert!(
        dev_signals.iter().all(|s| s.severity == Severity::Low),
        "{dev_signals:?}"
    );
}

/// A report's record as it stood at the end of `d` (it must have been entered by then).
fn record_on(
    history: &trellis_core::history::History,
    id: &trellis_core::ids::ReportId,
    d: NaiveDate,
) -> trellis_core::radar::RadarRecord {
    Replay::new(history, id, None)
        .record_on(d)
        .as_ref()
        .as_ref()
        .unwrap()
        .clone()
        .unwrap()
}

#[tokio::test]
async fn a_replay_of_the_demo_six_months_ago_shows_only_what_had_been_entered_by_then() {
    let ts = demo().await;
    let cycle = spring(&ts).await;
    let then = date("2026-05-24");
    // Nobody had joined the cycle yet.
    let dashboard = ts.cycle_dashboard(&cycle.id, then).await.unwrap();
    assert!(dashboard.candidates.is_empty());
    // Tomás had not joined the manager yet: his record did not exist.
    let tomas = report_named(&ts, "Tomás Herrera").await;
    let history = ts.report_history(&tomas.id).await.unwrap();
    assert!(matches!(
        Replay::new(&history, &tomas.id, None)
            .record_on(then)
            .as_ref(),
        Ok(None)
    ));
    assert!(ts
        .report_radar(&tomas.id, then)
        .await
        .unwrap()
        .signals
        .is_empty());

    for report in ts.reports(RosterFilter::Active).await.unwrap() {
        if report.name == "Tomás Herrera" {
            continue;
        }
        let history = ts.report_history(&report.id).await.unwrap();
        let r = record_on(&history, &report.id, then);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        // Every record in it had been entered by then.
        let entered = |at: chrono::DateTime<chrono::Utc>| at.date_naive() <= then;
        assert!(r
            .evidence
            .iter()
            .all(|e| entered(e.created_at) && e.visibility.iter().all(|v| entered(v.created_at))));
        assert!(r.mandates.iter().all(|m| entered(m.created_at)));
        assert!(r.advocates.iter().all(|a| entered(a.created_at)));
        assert!(r
            .mentorships
            .iter()
            .all(|m| entered(m.created_at) && m.feedback.iter().all(|f| entered(f.created_at))));
        // …and what was entered later is not there.
        let now_record = record_on(&history, &report.id, today());
        let later = now_record
            .evidence
            .iter()
            .filter(|e| !entered(e.created_at))
            .count();
        assert_eq!(
            r.evidence.len() + later,
            now_record.evidence.len(),
            "{}",
            report.name
        );
    }

    // Priya's record then: the ledger migration was under way (its end, production date and
    // numbers were written in June), and her later work was not written up yet.
    let priya = report_named(&ts, "Priya Raman").await;
    let history = ts.report_history(&priya.id).await.unwrap();
    let r = record_on(&history, &priya.id, then);
    let mut titles: Vec<&str> = r.evidence.iter().map(|e| e.title.as_str()).collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Ledger consistency migration",
            "Payments architecture review forum"
        ]
    );
    let ledger = r
        .evidence
        .iter()
        .find(|e| e.title == "Ledger consistency migration")
        .unwrap();
    assert_eq!(
        (
            ledger.ended_on,
            ledger.in_production_since,
            ledger.impact.as_str()
        ),
        (None, None, "")
    );
    let today_ledger = ts
        .evidence(&priya.id)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.title == "Ledger consistency migration")
        .unwrap();
    assert_eq!(today_ledger.in_production_since, Some(date("2026-06-24")));
    assert_eq!(today_ledger.updated_at.date_naive(), date("2026-06-24"));
    // Marcus's mentee had not complained yet; Dev's mandate had had its first review only.
    let marcus = report_named(&ts, "Marcus Okafor").await;
    let history = ts.report_history(&marcus.id).await.unwrap();
    assert!(record_on(&history, &marcus.id, then).mentorships[0]
        .feedback
        .is_empty());
    let dev = report_named(&ts, "Dev Patel").await;
    let history = ts.report_history(&dev.id).await.unwrap();
    let mandate = record_on(&history, &dev.id, then).mandates.remove(0);
    assert_eq!(mandate.review_by, Some(date("2026-09-24")));
}

#[tokio::test]
async fn feedback_addressed_later_shows_as_open_until_the_day_it_was_addressed() {
    let ts = demo().await;
    let dev = report_named(&ts, "Dev Patel").await;
    let open = |signals: &[Signal]| {
        signals
            .iter()
            .filter(|s| s.rule == SignalRule::NegativeFeedbackUnaddressed)
            .map(|s| s.since)
            .collect::<Vec<_>>()
    };
    // Received 2026-02-24, addressed 2026-03-24 (a fixed weekly slot).
    let before = ts.report_radar(&dev.id, date("2026-03-23")).await.unwrap();
    assert_eq!(open(&before.signals), [date("2026-02-24")]);
    let after = ts.report_radar(&dev.id, date("2026-03-24")).await.unwrap();
    assert!(open(&after.signals).is_empty());
    let feedback = ts.mentorships(&dev.id).await.unwrap().remove(0).feedback;
    let negative = feedback
        .iter()
        .find(|f| f.sentiment == Sentiment::Negative)
        .unwrap();
    assert_eq!(negative.addressed_on, Some(date("2026-03-24")));
    assert_eq!(negative.created_at.date_naive(), date("2026-02-24"));
    assert_eq!(negative.updated_at.date_naive(), date("2026-03-24"));
}

#[tokio::test]
async fn the_demo_committee_brief_gives_each_candidate_one_page_and_nothing_of_marcus_left_out_feedback(
) {
    use trellis_core::export::{Brief, ExportFormat, ExportOptions, ExportScope};
    let ts = demo().await;
    let cycle = spring(&ts).await;
    let scope = ExportScope::Cycle { cycle_id: cycle.id };
    let committee = ExportOptions::default();
    assert_eq!(
        committee.brief,
        Brief::Committee,
        "the safe document by default"
    );
    let notes = ts
        .calibration_notes(&scope, &committee, today())
        .await
        .unwrap();
    let pages = crate::export_render::pdf_pages(&ExportFormat::Pdf.render(&notes).unwrap());
    assert_eq!(
        pages.len(),
        1 + notes.reports.len(),
        "a summary page, then one page per candidate: {pages:#?}"
    );
    for (page, r) in pages[1..].iter().zip(&notes.reports) {
        assert!(page.contains(&r.name), "{} not on its page", r.name);
    }
    // Marcus's complaint (not quotable, from Ravi Menon) leaves no trace: not its words, not
    // Ravi's name, not a count, not the radar's signal about it.
    let md = String::from_utf8(ExportFormat::Markdown.render(&notes).unwrap()).unwrap();
    for leak in [
        "keep getting cancelled",
        "negative",
        "Negative",
        "not addressed",
    ] {
        assert!(!md.contains(leak), "{leak:?} in\n{md}");
    }
    // Ravi co-owns the re-platforming: named there, and nowhere else.
    for line in md.lines().filter(|l| l.contains("Ravi")) {
        assert!(line.trim_start().starts_with("- Co-owners:"), "{line}");
    }
    // The manager's brief of the same day has the signal, without Ravi or the day.
    let manager = ExportOptions {
        brief: Brief::Manager,
        ..committee
    };
    let notes = ts
        .calibration_notes(&scope, &manager, today())
        .await
        .unwrap();
    let md = String::from_utf8(ExportFormat::Markdown.render(&notes).unwrap()).unwrap();
    assert!(md.contains("left out of this document"), "{md}");
    assert!(!md.contains("keep getting cancelled") && !md.contains("from Ravi"));
}
