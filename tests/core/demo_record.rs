//! The generated staff record: every record the generator writes (demo and synthetic) passes
//! the same rules as hand-entered ones, which is checked by saving each one again through the
//! store's update methods, unchanged; the index matches; the demo's planted situations exist.

use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::model::{
    Channel, EvidenceKind, EvidenceRole, MandateStatus, RecordKind, Relationship, Report,
    RosterFilter, Sentiment, TimelineKind,
};
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
/// the record as it was, one version later. Returns how many records were saved.
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

    // By contrast, the skip-level saw Aiko's build cache but not her SwiftUI help.
    let aiko = report_named(&ts, "Aiko Tanaka").await;
    let gaps = ts.visibility_gaps(&aiko.id, None).await.unwrap();
    let unseen: Vec<&str> = gaps
        .unseen_by_skip_level
        .iter()
        .map(|u| u.title.as_str())
        .collect();
    assert_eq!(
        unseen,
        ["Helped three teams ship their first SwiftUI screens"]
    );
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
            && v.channel == Channel::SkipOneOnOne));
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
