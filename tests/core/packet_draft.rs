//! A packet drafted from the record (issue 14): the flagship and led work with impact lead the
//! staff-level projects; org improvements, glue work, mentees with their quotable words and
//! advocates fill their sections; open signals about the case become known gaps with a plan.
//! Never a word of feedback not marked quotable; always within a packet's limits.

use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::model::{PacketSections, RosterFilter};

use crate::support::*;

/// The words of feedback not marked quotable in the report's mentorships (those that no
/// quotable feedback says as well: generated histories repeat phrases).
async fn hidden_words(ts: &TestStore, report: &trellis_core::ids::ReportId) -> Vec<String> {
    let feedback: Vec<_> = ts
        .mentorships(report)
        .await
        .unwrap()
        .into_iter()
        .flat_map(|m| m.feedback)
        .collect();
    feedback
        .iter()
        .filter(|f| !f.quotable)
        .filter(|f| !feedback.iter().any(|q| q.quotable && q.words == f.words))
        .map(|f| f.words.clone())
        .collect()
}

fn all_text(d: &PacketSections) -> String {
    serde_json::to_string(d).unwrap()
}

#[tokio::test]
async fn the_demo_candidates_packets_start_from_their_record() {
    let ts = open_store().await;
    generate(&ts, GeneratorSpec::DEMO).await.unwrap();
    let today = ts.clock().today();
    let cycle = ts.cycles().await.unwrap().remove(0);
    let candidates = ts.candidates(&cycle.id).await.unwrap();
    assert!(candidates.len() >= 5);
    let mut with_projects = 0;
    for c in &candidates {
        let draft = ts.draft_packet(&c.id, today).await.unwrap();
        let evidence = ts.evidence(&c.report_id).await.unwrap();
        // The flagship leads the staff-level projects.
        if let Some(flagship) = evidence.iter().find(|e| e.flagship) {
            let first = draft
                .staff_projects
                .first()
                .expect("a flagship makes a project");
            assert_eq!(
                first.evidence_ids,
                std::slice::from_ref(&flagship.id),
                "{}",
                c.report_name
            );
            assert_eq!(first.title, flagship.title);
        }
        if !draft.staff_projects.is_empty() {
            with_projects += 1;
        }
        // Every item points at the report's own evidence.
        for id in draft
            .staff_projects
            .iter()
            .flat_map(|p| &p.evidence_ids)
            .chain(draft.org_improvements.iter().flat_map(|p| &p.evidence_ids))
            .chain(draft.glue_work.iter().flat_map(|p| &p.evidence_ids))
        {
            assert!(
                evidence.iter().any(|e| &e.id == id),
                "{}: {id}",
                c.report_name
            );
        }
        // Never the words of feedback not marked quotable.
        let text = all_text(&draft);
        for words in hidden_words(&ts, &c.report_id).await {
            assert!(
                !text.contains(&words),
                "{}: {words:?} in the draft",
                c.report_name
            );
        }
        // Known gaps are about the case, with a plan; not the manager's own process, and
        // never mentee feedback (not even a rule of thumb about it).
        for gap in &draft.known_gaps {
            assert!(!gap.plan.trim().is_empty());
            assert!(
                !gap.gap.contains("feedback"),
                "{}: {}",
                c.report_name,
                gap.gap
            );
            assert!(!gap.gap.contains("1:1"), "{}: {}", c.report_name, gap.gap);
            assert!(!gap.gap.contains("review of the packet"), "{}", gap.gap);
        }
        // Advocates are named when there are any.
        let advocates = ts.advocates(&c.report_id).await.unwrap();
        for a in &advocates {
            assert!(
                draft.advocates.contains(&a.person.name),
                "{}",
                draft.advocates
            );
        }
    }
    assert!(
        with_projects >= 3,
        "most demo candidates have led work to show"
    );
}

#[tokio::test]
async fn a_synthetic_history_drafts_a_valid_packet_for_every_candidate() {
    let ts = open_store().await;
    generate(
        &ts,
        GeneratorSpec {
            reports: 12,
            years: 3,
            seed: 7,
        },
    )
    .await
    .unwrap();
    let today = ts.clock().today();
    let mut drafted = 0;
    for cycle in ts.cycles().await.unwrap() {
        for c in ts.candidates(&cycle.id).await.unwrap() {
            let draft = ts.draft_packet(&c.id, today).await.unwrap();
            // What the store returns passed the packet's own validation; it is also stable.
            assert_eq!(draft, ts.draft_packet(&c.id, today).await.unwrap());
            let text = all_text(&draft);
            for words in hidden_words(&ts, &c.report_id).await {
                assert!(!text.contains(&words), "{words:?}");
            }
            drafted += 1;
        }
    }
    assert!(drafted > 0);
    assert!(!ts.reports(RosterFilter::Active).await.unwrap().is_empty());
}
