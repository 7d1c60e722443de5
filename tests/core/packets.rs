//! Promotion packets through the store: saving versions (every section validated, field names
//! pointing into the structure, evidence links limited to the candidate's own live evidence,
//! numbering 1, 2, 3, dated by the clock, immutable), listing them newest first, comparing any
//! two; review rounds (reviewer, role, packet version, dates, revealed rule); the manager's own
//! calls on rules without a machine check.

use trellis_core::ids::{CandidateId, EvidenceId, PersonId, ReviewId, RuleId};
use trellis_core::model::{
    CheckStatus, DiffLine, DiffOp, KnownGap, ManualStatus, PacketItem, PacketSections, RecordKind,
    Relationship, ReviewDraft, ReviewerRole, SectionDiff, StaffProject,
};
use trellis_core::validate::MAX_LINE;

use crate::cycle_support::*;
use crate::support::*;

struct Setup {
    ts: TestStore,
    clock: std::sync::Arc<DayClock>,
    candidate: CandidateId,
    /// Ada's own evidence.
    ledger: EvidenceId,
    lee: PersonId,
}

/// Ada, a candidate in H2 2026 with one piece of evidence; the clock on 2026-11-24.
async fn setup() -> Setup {
    let (ts, clock) = store_on(END).await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let lee = add_person(&ts, "Lee Park", Relationship::Peer).await;
    let cycle = ts.create_cycle(&cycle_draft("H2 2026", &[])).await.unwrap();
    let candidate = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, "2026-02-02"))
        .await
        .unwrap()
        .id;
    let ledger = ts
        .create_evidence(&ada.id, &evidence_draft("Ledger"))
        .await
        .unwrap()
        .id;
    Setup {
        ts,
        clock,
        candidate,
        ledger,
        lee: lee.id,
    }
}

#[tokio::test]
async fn versions_are_numbered_dated_by_the_clock_and_listed_newest_first() {
    let Setup {
        ts,
        clock,
        candidate,
        ledger,
        ..
    } = setup().await;
    assert!(ts.packet_versions(&candidate).await.unwrap().is_empty());
    clock.set("2026-05-04");
    let v1 = ts
        .save_packet(&candidate, &sections(&[&ledger]), "  First draft ")
        .await
        .unwrap();
    assert_eq!(v1.number, 1);
    assert_eq!(v1.candidate_id, candidate);
    assert_eq!(v1.saved_on, date("2026-05-04"));
    assert_eq!(v1.created_at, noon(date("2026-05-04")));
    assert_eq!(v1.note, "First draft");
    assert_eq!(v1.sections, sections(&[&ledger]));
    assert_eq!(ts.candidate(&candidate).await.unwrap().packet_versions, 1);

    clock.set("2026-06-01");
    let v2 = ts
        .save_packet(&candidate, &PacketSections::default(), "")
        .await
        .unwrap();
    clock.set("2026-06-01");
    let v3 = ts
        .save_packet(&candidate, &sections(&[]), "After Lee's review")
        .await
        .unwrap();
    assert_eq!((v2.number, v3.number), (2, 3));
    assert_eq!(
        v2.sections,
        PacketSections::default(),
        "an empty packet is a packet"
    );
    assert_eq!(v3.saved_on, date("2026-06-01"));
    let listed = ts.packet_versions(&candidate).await.unwrap();
    assert_eq!(listed, vec![v3, v2, v1.clone()]);
    assert_eq!(ts.candidate(&candidate).await.unwrap().packet_versions, 3);
    // The first version is exactly as it was saved.
    assert_eq!(listed[2], v1);
    assert_eq!(
        not_found(ts.packet_versions(&"nope".into()).await),
        "No candidacy with id nope; it may have been removed."
    );
}

#[tokio::test]
async fn saved_text_is_normalised_like_every_other_text() {
    let Setup { ts, candidate, .. } = setup().await;
    let v = ts
        .save_packet(
            &candidate,
            &PacketSections {
                staff_projects: vec![StaffProject {
                    title: "  Ledger  ".to_owned(),
                    goal: "\n\nOne\r\nTwo  \n".to_owned(),
                    ..StaffProject::default()
                }],
                quantified_impact: "40 → 2\r".to_owned(),
                ..PacketSections::default()
            },
            "",
        )
        .await
        .unwrap();
    assert_eq!(v.sections.staff_projects[0].title, "Ledger");
    assert_eq!(v.sections.staff_projects[0].goal, "One\nTwo");
    assert_eq!(v.sections.quantified_impact, "40 → 2");
}

#[tokio::test]
async fn every_section_is_checked_and_field_names_point_into_the_packet() {
    let Setup { ts, candidate, .. } = setup().await;
    let before = snapshot_all(&ts).await;
    let bad = PacketSections {
        staff_projects: vec![
            StaffProject {
                title: "Fine".to_owned(),
                ..StaffProject::default()
            },
            StaffProject {
                title: " ".to_owned(),
                goal: "nul\0".to_owned(),
                design_docs: "bell\u{7}".to_owned(),
                ..StaffProject::default()
            },
        ],
        org_improvements: vec![PacketItem {
            title: "x".repeat(MAX_LINE + 1),
            ..PacketItem::default()
        }],
        glue_work: vec![
            PacketItem {
                title: "Handbook".to_owned(),
                body: "esc\u{1b}".to_owned(),
                evidence_ids: Vec::new(),
            },
            PacketItem::default(),
        ],
        quantified_impact: "\u{0}".to_owned(),
        known_gaps: vec![
            KnownGap {
                gap: "Influence".to_owned(),
                plan: "  \n ".to_owned(),
            },
            KnownGap {
                gap: String::new(),
                plan: "A plan".to_owned(),
            },
        ],
        ..PacketSections::default()
    };
    let message = rejected(
        &ts,
        &before,
        ts.save_packet(&candidate, &bad, "").await,
        &[
            ("staffProjects.1.title", "Project title is required."),
            (
                "staffProjects.1.goal",
                "Goal contains control characters that cannot be stored.",
            ),
            (
                "staffProjects.1.designDocs",
                "Design docs contains control characters that cannot be stored.",
            ),
            (
                "orgImprovements.0.title",
                "Title is too long: at most 200 characters.",
            ),
            (
                "glueWork.0.body",
                "Text contains control characters that cannot be stored.",
            ),
            ("glueWork.1.title", "Title is required."),
            (
                "quantifiedImpact",
                "Quantified impact contains control characters that cannot be stored.",
            ),
            ("knownGaps.0.plan", "Every known gap needs a plan."),
            ("knownGaps.1.gap", "Gap is required."),
        ],
    )
    .await;
    assert_eq!(message, "Project title is required. (And 8 more problems.)");

    let many = PacketSections {
        staff_projects: vec![
            StaffProject {
                title: "P".to_owned(),
                ..StaffProject::default()
            };
            31
        ],
        known_gaps: vec![
            KnownGap {
                gap: "G".to_owned(),
                plan: "P".to_owned(),
            };
            31
        ],
        ..PacketSections::default()
    };
    rejected(
        &ts,
        &before,
        ts.save_packet(&candidate, &many, "").await,
        &[
            ("staffProjects", "Staff-level projects: at most 30, not 31."),
            ("knownGaps", "Known gaps: at most 30, not 31."),
        ],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.save_packet(&candidate, &sections(&[]), "two\nlines")
            .await,
        &[(
            "note",
            "Note must be a single line without control characters.",
        )],
    )
    .await;
    // Thirty of each is the limit, not a breach of it.
    let thirty = PacketSections {
        staff_projects: many.staff_projects[..30].to_vec(),
        known_gaps: many.known_gaps[..30].to_vec(),
        ..PacketSections::default()
    };
    assert_eq!(
        ts.save_packet(&candidate, &thirty, "")
            .await
            .unwrap()
            .number,
        1
    );
}

#[tokio::test]
async fn a_packet_links_only_to_the_candidates_own_live_evidence() {
    let Setup {
        ts,
        candidate,
        ledger,
        ..
    } = setup().await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let hers = ts
        .create_evidence(&grace.id, &evidence_draft("COBOL"))
        .await
        .unwrap()
        .id;
    let ada_report = ts.candidate(&candidate).await.unwrap().report_id;
    let gone = ts
        .create_evidence(&ada_report, &evidence_draft("Gone"))
        .await
        .unwrap()
        .id;
    ts.delete_record(RecordKind::Evidence, gone.as_str())
        .await
        .unwrap();
    let before = snapshot_all(&ts).await;
    let not_hers = "The packet links to evidence that is not Ada Lovelace's.";
    for (where_, sections) in [
        ("staff project", sections(&[&ledger, &hers])),
        (
            "org improvement",
            PacketSections {
                org_improvements: vec![PacketItem {
                    title: "Deleted".to_owned(),
                    body: String::new(),
                    evidence_ids: vec![gone.clone()],
                }],
                ..PacketSections::default()
            },
        ),
        (
            "glue work",
            PacketSections {
                glue_work: vec![PacketItem {
                    title: "Unknown".to_owned(),
                    body: String::new(),
                    evidence_ids: vec!["no-such-evidence".into()],
                }],
                ..PacketSections::default()
            },
        ),
    ] {
        let (_, fields) = validation(ts.save_packet(&candidate, &sections, "").await);
        assert_eq!(fields, [issue("sections", not_hers)], "{where_}");
    }
    assert_nothing_written(&ts, &before).await;
    ts.restore_record(RecordKind::Evidence, gone.as_str())
        .await
        .unwrap();
    let v = ts
        .save_packet(&candidate, &sections(&[&ledger, &gone]), "")
        .await
        .unwrap();
    assert_eq!(v.sections.staff_projects[0].evidence_ids, [ledger, gone]);
}

#[tokio::test]
async fn saved_versions_and_ladder_history_cannot_be_deleted() {
    let Setup {
        ts,
        candidate,
        ledger,
        ..
    } = setup().await;
    let v = ts
        .save_packet(&candidate, &sections(&[&ledger]), "")
        .await
        .unwrap();
    ts.rename_level(&level_id(&ts, "Principal").await, "Principal I")
        .await
        .unwrap();
    let change = ts.ladder_changes().await.unwrap().remove(0);
    let before = snapshot_all(&ts).await;
    let kept = "Saved packet versions and the ladder's history are kept as they are; they \
                cannot be deleted.";
    for (kind, id) in [
        (RecordKind::PacketVersion, v.id.to_string()),
        (RecordKind::LadderChange, change.id.to_string()),
    ] {
        assert_eq!(conflict(ts.delete_record(kind, &id).await), kept);
        assert_eq!(conflict(ts.restore_record(kind, &id).await), kept);
    }
    assert_nothing_written(&ts, &before).await;
    assert_eq!(ts.packet_versions(&candidate).await.unwrap(), vec![v]);
}

#[tokio::test]
async fn an_archived_or_unknown_candidate_cannot_save_a_packet() {
    let Setup { ts, candidate, .. } = setup().await;
    assert_eq!(
        not_found(ts.save_packet(&"nope".into(), &sections(&[]), "").await),
        "No candidacy with id nope; it may have been removed."
    );
    let report = ts.candidate(&candidate).await.unwrap().report_id;
    ts.archive_report(&report).await.unwrap();
    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(ts.save_packet(&candidate, &sections(&[]), "").await),
        archived_message("Ada Lovelace")
    );
    assert_nothing_written(&ts, &before).await;
}

// ---------------------------------------------------------------------------------------------
// Comparing versions.
// ---------------------------------------------------------------------------------------------

fn same(t: &str) -> DiffLine {
    DiffLine {
        op: DiffOp::Same,
        text: t.to_owned(),
    }
}
fn added(t: &str) -> DiffLine {
    DiffLine {
        op: DiffOp::Added,
        text: t.to_owned(),
    }
}
fn removed(t: &str) -> DiffLine {
    DiffLine {
        op: DiffOp::Removed,
        text: t.to_owned(),
    }
}
fn block(title: &str, change: DiffOp, lines: Vec<DiffLine>) -> SectionDiff {
    SectionDiff {
        title: title.to_owned(),
        change,
        lines,
    }
}

/// Version 2 of [`sections`]: the project's impact line changed, the org improvement gone, a
/// quantified-impact line and a known gap added.
fn second() -> PacketSections {
    let mut s = sections(&[]);
    s.staff_projects[0].impact = "Reconciliation breaks down from 40 to 1 a month.".to_owned();
    s.org_improvements.clear();
    s.quantified_impact.push_str("\n3 teams unblocked");
    s.known_gaps.push(KnownGap {
        gap: "Public speaking".to_owned(),
        plan: "Talk at the internal summit.".to_owned(),
    });
    s
}

const GOAL: &str = "Goal: Make ledger consistency a platform property.";
const COMPLEXITY: &str = "Complexity: Four teams, two data centres.";
const IMPACT_1: &str = "Impact: Reconciliation breaks down from 40 to 2 a month.";
const IMPACT_2: &str = "Impact: Reconciliation breaks down from 40 to 1 a month.";
const DOCS: &str = "Design docs: https://docs.example.com/ledger";

#[tokio::test]
async fn the_diff_marks_added_removed_and_kept_blocks_and_lines() {
    let Setup { ts, candidate, .. } = setup().await;
    ts.save_packet(&candidate, &sections(&[]), "")
        .await
        .unwrap();
    ts.save_packet(&candidate, &second(), "").await.unwrap();
    let diff = ts.packet_diff(&candidate, 1, 2).await.unwrap();
    assert_eq!((diff.from, diff.to), (1, 2));
    assert_eq!(
        diff.sections,
        vec![
            block(
                "Staff-level project: Ledger consistency",
                DiffOp::Same,
                vec![
                    same(GOAL),
                    same(COMPLEXITY),
                    removed(IMPACT_1),
                    added(IMPACT_2),
                    same(DOCS)
                ]
            ),
            block(
                "Quantified impact",
                DiffOp::Same,
                vec![
                    same("p99 latency −40%"),
                    same("$1.2M a year saved"),
                    added("3 teams unblocked")
                ]
            ),
            block(
                "Mentorship",
                DiffOp::Same,
                vec![same("Jamie now owns reconciliation.")]
            ),
            block(
                "Glue work: On-call handbook",
                DiffOp::Same,
                vec![same("Rewrote it with the SREs.")]
            ),
            block(
                "Advocates",
                DiffOp::Same,
                vec![same("Samira Whitfield (VP)")]
            ),
            block(
                "Known gap: Cross-org influence",
                DiffOp::Same,
                vec![same("Lead the storage RFC in Q3.")]
            ),
            block(
                "Known gap: Public speaking",
                DiffOp::Added,
                vec![added("Talk at the internal summit.")]
            ),
            block(
                "Org improvement: Incident reviews",
                DiffOp::Removed,
                vec![removed("Blameless reviews for every sev-1.")]
            ),
        ]
    );

    // Backwards, what was added is removed and the other way round.
    let back = ts.packet_diff(&candidate, 2, 1).await.unwrap();
    assert_eq!((back.from, back.to), (2, 1));
    let summary: Vec<(&str, DiffOp)> = back
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.change))
        .collect();
    assert_eq!(
        summary,
        [
            ("Staff-level project: Ledger consistency", DiffOp::Same),
            ("Org improvement: Incident reviews", DiffOp::Added),
            ("Quantified impact", DiffOp::Same),
            ("Mentorship", DiffOp::Same),
            ("Glue work: On-call handbook", DiffOp::Same),
            ("Advocates", DiffOp::Same),
            ("Known gap: Cross-org influence", DiffOp::Same),
            ("Known gap: Public speaking", DiffOp::Removed),
        ]
    );
    assert_eq!(
        back.sections[0].lines,
        vec![
            same(GOAL),
            same(COMPLEXITY),
            removed(IMPACT_2),
            added(IMPACT_1),
            same(DOCS)
        ]
    );
}

#[tokio::test]
async fn any_two_versions_compare_and_a_version_with_itself_is_unchanged() {
    let Setup { ts, candidate, .. } = setup().await;
    ts.save_packet(&candidate, &sections(&[]), "")
        .await
        .unwrap();
    ts.save_packet(&candidate, &PacketSections::default(), "")
        .await
        .unwrap();
    ts.save_packet(&candidate, &second(), "").await.unwrap();
    let itself = ts.packet_diff(&candidate, 3, 3).await.unwrap();
    assert!(itself
        .sections
        .iter()
        .all(|s| s.change == DiffOp::Same && s.lines.iter().all(|l| l.op == DiffOp::Same)));
    assert_eq!(itself.sections.len(), second().blocks().len());
    // 1 → 3 skips the empty version in between.
    let skip = ts.packet_diff(&candidate, 1, 3).await.unwrap();
    assert_eq!(
        skip.sections
            .iter()
            .filter(|s| s.change != DiffOp::Same)
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Known gap: Public speaking",
            "Org improvement: Incident reviews"
        ]
    );
    // From the empty version every titled block is new.
    let from_empty = ts.packet_diff(&candidate, 2, 3).await.unwrap();
    assert!(from_empty
        .sections
        .iter()
        .filter(|s| !["Quantified impact", "Mentorship", "Advocates"].contains(&s.title.as_str()))
        .all(|s| s.change == DiffOp::Added && s.lines.iter().all(|l| l.op == DiffOp::Added)));

    for (from, to) in [(0, 1), (1, 4), (4, 4), (-1, 2)] {
        let missing = if (1..=3).contains(&from) { to } else { from };
        assert_eq!(
            not_found(ts.packet_diff(&candidate, from, to).await),
            format!("No packet version with id {missing}; it may have been removed."),
            "{from} → {to}"
        );
    }
    not_found(ts.packet_diff(&"nope".into(), 1, 1).await);
}

/// A block present in both versions whose every line changed is still the same block, changed
/// line by line; `change` should say only whether the block is new or gone. (The diff marks it
/// `Added`, as if the section had not existed in the older version.)
#[tokio::test]
async fn a_rewritten_section_is_changed_not_new() {
    let Setup { ts, candidate, .. } = setup().await;
    ts.save_packet(&candidate, &sections(&[]), "")
        .await
        .unwrap();
    let mut rewritten = sections(&[]);
    rewritten.mentorship = "Jamie and Kim both lead on-call now.".to_owned();
    ts.save_packet(&candidate, &rewritten, "").await.unwrap();
    let diff = ts.packet_diff(&candidate, 1, 2).await.unwrap();
    let mentorship = diff
        .sections
        .iter()
        .find(|s| s.title == "Mentorship")
        .unwrap();
    assert_eq!(
        mentorship.lines,
        vec![
            removed("Jamie now owns reconciliation."),
            added("Jamie and Kim both lead on-call now.")
        ]
    );
    assert_eq!(
        mentorship.change,
        DiffOp::Same,
        "the Mentorship section existed in version 1"
    );
}

// ---------------------------------------------------------------------------------------------
// Reviews.
// ---------------------------------------------------------------------------------------------

async fn a_rule(ts: &TestStore) -> RuleId {
    ts.create_rule(&rule_draft("Needs a staff project", "2026-03-01", None))
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn a_review_round_trips_and_reviews_list_by_request_date() {
    let Setup {
        ts,
        candidate,
        lee,
        ledger,
        ..
    } = setup().await;
    ts.save_packet(&candidate, &sections(&[&ledger]), "")
        .await
        .unwrap();
    let rule = a_rule(&ts).await;
    let morgan = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let r = ts
        .add_review(
            &candidate,
            &ReviewDraft {
                version_number: Some(1),
                comments: "  Where is the staff project?\r\nNumbers please. ".to_owned(),
                revealed_rule_id: Some(rule.clone()),
                ..review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", "2026-08-10")
            },
        )
        .await
        .unwrap();
    assert_eq!(r.candidate_id, candidate);
    assert_eq!(r.reviewer.id, lee);
    assert_eq!(r.reviewer.name, "Lee Park");
    assert_eq!(r.reviewer_role, ReviewerRole::StaffPeer);
    assert_eq!(r.version_number, Some(1));
    assert_eq!(r.requested_on, date("2026-07-27"));
    assert_eq!(r.received_on, Some(date("2026-08-10")));
    assert_eq!(r.comments, "  Where is the staff project?\nNumbers please.");
    assert_eq!(r.revealed_rule_id, Some(rule));
    assert_eq!((r.version, r.created_at), (1, now()));

    let earlier = ts
        .add_review(
            &candidate,
            &review_draft(&morgan.id, ReviewerRole::SkipLevel, "2026-07-01", ""),
        )
        .await
        .unwrap();
    assert_eq!(earlier.received_on, None, "awaited");
    assert_eq!(earlier.version_number, None);
    assert_eq!(ts.reviews(&candidate).await.unwrap(), vec![earlier, r]);
}

#[tokio::test]
async fn every_rule_of_a_review_draft_is_checked() {
    let Setup {
        ts,
        candidate,
        lee,
        ledger,
        ..
    } = setup().await;
    ts.save_packet(&candidate, &sections(&[&ledger]), "")
        .await
        .unwrap();
    ts.save_packet(&candidate, &sections(&[&ledger]), "")
        .await
        .unwrap();
    let rule = a_rule(&ts).await;
    let gone_rule = ts
        .create_rule(&rule_draft("Gone", "2026-03-01", None))
        .await
        .unwrap()
        .id;
    ts.delete_record(RecordKind::Rule, gone_rule.as_str())
        .await
        .unwrap();
    let gone = add_person(&ts, "Gone Person", Relationship::Peer).await;
    ts.delete_record(RecordKind::Person, gone.id.as_str())
        .await
        .unwrap();
    let ok = review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", "2026-08-10");
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_review(
            &candidate,
            &ReviewDraft {
                reviewer_id: None,
                reviewer_role: None,
                version_number: Some(3),
                requested_on: String::new(),
                received_on: TOMORROW.to_owned(),
                comments: "\u{0}".to_owned(),
                revealed_rule_id: Some("no-such-rule".into()),
            },
        )
        .await,
        &[
            ("reviewerId", "Choose a value for the reviewer."),
            ("reviewerRole", "Choose a value for the reviewer's role."),
            ("versionNumber", "There is no packet version 3."),
            ("requestedOn", "Requested on is required."),
            (
                "receivedOn",
                "Received on cannot be in the future (after 2026-11-24).",
            ),
            (
                "comments",
                "Comments contains control characters that cannot be stored.",
            ),
            (
                "revealedRuleId",
                "That rule of thumb is not in the register.",
            ),
        ],
    )
    .await;
    for (draft, expected) in [
        (
            ReviewDraft {
                reviewer_id: Some(gone.id.clone()),
                ..ok.clone()
            },
            ("reviewerId", "The reviewer is not in the people directory."),
        ),
        (
            ReviewDraft {
                reviewer_id: Some("nobody".into()),
                ..ok.clone()
            },
            ("reviewerId", "The reviewer is not in the people directory."),
        ),
        (
            ReviewDraft {
                version_number: Some(0),
                ..ok.clone()
            },
            ("versionNumber", "There is no packet version 0."),
        ),
        (
            ReviewDraft {
                requested_on: TOMORROW.to_owned(),
                received_on: String::new(),
                ..ok.clone()
            },
            (
                "requestedOn",
                "Requested on cannot be in the future (after 2026-11-24).",
            ),
        ),
        (
            ReviewDraft {
                received_on: "2026-07-26".to_owned(),
                ..ok.clone()
            },
            (
                "receivedOn",
                "Received on cannot be before it was requested.",
            ),
        ),
        (
            ReviewDraft {
                revealed_rule_id: Some(gone_rule.clone()),
                ..ok.clone()
            },
            (
                "revealedRuleId",
                "That rule of thumb is not in the register.",
            ),
        ),
    ] {
        rejected(
            &ts,
            &before,
            ts.add_review(&candidate, &draft).await,
            &[expected],
        )
        .await;
    }
    // The boundaries: version 1 and 2 exist; received the day it was requested; today.
    for (n, requested, received) in [(1, "2026-07-27", "2026-07-27"), (2, TODAY, TODAY)] {
        ts.add_review(
            &candidate,
            &ReviewDraft {
                version_number: Some(n),
                requested_on: requested.to_owned(),
                received_on: received.to_owned(),
                revealed_rule_id: Some(rule.clone()),
                ..ok.clone()
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        not_found(ts.add_review(&"nope".into(), &ok).await),
        "No candidacy with id nope; it may have been removed."
    );
}

#[tokio::test]
async fn a_review_without_any_packet_version_cannot_name_one() {
    let Setup {
        ts, candidate, lee, ..
    } = setup().await;
    let (_, fields) = validation(
        ts.add_review(
            &candidate,
            &ReviewDraft {
                version_number: Some(1),
                ..review_draft(&lee, ReviewerRole::Manager, "2026-07-27", "")
            },
        )
        .await,
    );
    assert_eq!(
        fields,
        [issue("versionNumber", "There is no packet version 1.")]
    );
    ts.add_review(
        &candidate,
        &review_draft(&lee, ReviewerRole::Manager, "2026-07-27", ""),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn updating_a_review_records_the_answer_and_stale_or_invalid_updates_change_nothing() {
    let Setup {
        ts,
        clock,
        candidate,
        lee,
        ..
    } = setup().await;
    let r = ts
        .add_review(
            &candidate,
            &review_draft(&lee, ReviewerRole::StaffPlus, "2026-07-27", ""),
        )
        .await
        .unwrap();
    clock.set("2026-11-25");
    let answered = ts
        .update_review(
            &r.id,
            1,
            &ReviewDraft {
                received_on: "2026-11-25".to_owned(),
                comments: "Strong; the ledger numbers carry it.".to_owned(),
                ..review_draft(&lee, ReviewerRole::StaffPlus, "2026-07-27", "")
            },
        )
        .await
        .unwrap();
    assert_eq!(answered.received_on, Some(date("2026-11-25")));
    assert_eq!(answered.comments, "Strong; the ledger numbers carry it.");
    assert_eq!(answered.version, 2);
    assert_eq!(answered.created_at, r.created_at);
    assert_eq!(answered.updated_at, noon(date("2026-11-25")));
    let before = snapshot_all(&ts).await;
    assert_eq!(
        conflict(
            ts.update_review(
                &r.id,
                1,
                &review_draft(&lee, ReviewerRole::StaffPlus, "2026-07-27", "")
            )
            .await
        ),
        stale_message("packet review", "Lee Park")
    );
    rejected(
        &ts,
        &before,
        ts.update_review(
            &r.id,
            2,
            &review_draft(&lee, ReviewerRole::StaffPlus, "2026-07-27", "2026-07-01"),
        )
        .await,
        &[(
            "receivedOn",
            "Received on cannot be before it was requested.",
        )],
    )
    .await;
    assert_eq!(
        not_found(
            ts.update_review(
                &ReviewId::from("nope"),
                1,
                &review_draft(&lee, ReviewerRole::StaffPlus, "2026-07-27", "")
            )
            .await
        ),
        "No packet review with id nope; it may have been removed."
    );
}

#[tokio::test]
async fn reviews_are_deleted_restored_and_found_by_search() {
    let Setup {
        ts, candidate, lee, ..
    } = setup().await;
    let r = ts
        .add_review(
            &candidate,
            &ReviewDraft {
                comments: "Ocelot-sized impact; where is the production year?".to_owned(),
                ..review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", "2026-08-10")
            },
        )
        .await
        .unwrap();
    let ada = ts.candidate(&candidate).await.unwrap().report_id;
    let hit = ts.search("ocelot", 10).await.unwrap().hits.remove(0);
    assert_eq!(
        (hit.kind, hit.record_id.as_str()),
        (RecordKind::Review, r.id.as_str())
    );
    assert_eq!(hit.title, "Packet review by Lee Park");
    assert_eq!(hit.report_id.as_ref(), Some(&ada));
    assert_eq!(hit.parent_id.as_deref(), Some(candidate.as_str()));
    assert_eq!(
        hits(&ts, "Packet review Lee").await,
        [(RecordKind::Review, r.id.to_string())]
    );

    ts.delete_record(RecordKind::Review, r.id.as_str())
        .await
        .unwrap();
    assert!(ts.reviews(&candidate).await.unwrap().is_empty());
    assert!(hits(&ts, "ocelot").await.is_empty());
    not_found(
        ts.update_review(
            &r.id,
            2,
            &review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", ""),
        )
        .await,
    );
    ts.restore_record(RecordKind::Review, r.id.as_str())
        .await
        .unwrap();
    let back = ts.reviews(&candidate).await.unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].version, 3);
    assert_eq!(hits(&ts, "ocelot").await.len(), 1);
}

/// The reviews of a deleted candidacy are gone from the candidacy's page; they should be gone
/// from search too (their index rows are not rebuilt when the candidacy is deleted).
#[tokio::test]
async fn reviews_of_a_deleted_candidacy_are_not_found_by_search() {
    let Setup {
        ts, candidate, lee, ..
    } = setup().await;
    ts.add_review(
        &candidate,
        &ReviewDraft {
            comments: "Ocelot-sized impact".to_owned(),
            ..review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", "2026-08-10")
        },
    )
    .await
    .unwrap();
    ts.delete_record(RecordKind::Candidate, candidate.as_str())
        .await
        .unwrap();
    assert!(hits(&ts, "ocelot").await.is_empty());
}

/// Deleting a cycle takes its candidacies' reviews out of search with them; restoring the
/// cycle brings them back.
#[tokio::test]
async fn reviews_of_a_deleted_cycle_are_not_found_by_search() {
    let Setup {
        ts, candidate, lee, ..
    } = setup().await;
    let r = ts
        .add_review(
            &candidate,
            &ReviewDraft {
                comments: "Ocelot-sized impact".to_owned(),
                ..review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", "2026-08-10")
            },
        )
        .await
        .unwrap();
    let cycle = ts.candidate(&candidate).await.unwrap().cycle_id;
    ts.delete_record(RecordKind::Cycle, cycle.as_str())
        .await
        .unwrap();
    assert!(hits(&ts, "ocelot").await.is_empty());
    assert_index_in_sync(&ts).await;
    ts.restore_record(RecordKind::Cycle, cycle.as_str())
        .await
        .unwrap();
    assert_eq!(
        hits(&ts, "ocelot").await,
        [(RecordKind::Review, r.id.to_string())]
    );
    assert_index_in_sync(&ts).await;
}

#[tokio::test]
async fn reviewers_committee_members_and_who_said_a_rule_cannot_be_deleted() {
    let Setup {
        ts, candidate, lee, ..
    } = setup().await;
    let morgan = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let omar = add_person(&ts, "Omar Haddad", Relationship::Leadership).await;
    ts.add_review(
        &candidate,
        &review_draft(&lee, ReviewerRole::StaffPeer, "2026-07-27", ""),
    )
    .await
    .unwrap();
    ts.create_cycle(&cycle_draft("H1 2027", &[&morgan.id]))
        .await
        .unwrap();
    ts.create_rule(&trellis_core::model::RuleDraft {
        said_by_id: Some(omar.id.clone()),
        ..rule_draft("A year in production", "2026-03-01", None)
    })
    .await
    .unwrap();
    let before = snapshot_all(&ts).await;
    for p in [&lee, &morgan.id, &omar.id] {
        let message = conflict(ts.delete_record(RecordKind::Person, p.as_str()).await);
        assert!(
            message.starts_with("This person is part of 1 record "),
            "{message}"
        );
    }
    assert_nothing_written(&ts, &before).await;
    // A deleted review still refers to its reviewer (it can be restored).
    let r = ts.reviews(&candidate).await.unwrap().remove(0);
    ts.delete_record(RecordKind::Review, r.id.as_str())
        .await
        .unwrap();
    conflict(ts.delete_record(RecordKind::Person, lee.as_str()).await);
}

// ---------------------------------------------------------------------------------------------
// The manager's own calls.
// ---------------------------------------------------------------------------------------------

async fn first_item(
    ts: &trellis_core::Store,
    report: &trellis_core::ids::ReportId,
) -> trellis_core::model::ChecklistItem {
    ts.report_radar(report, date(END))
        .await
        .unwrap()
        .checklist
        .remove(0)
}

#[tokio::test]
async fn a_manual_call_is_set_changed_and_cleared_and_dated_by_the_clock() {
    let Setup {
        ts,
        clock,
        candidate,
        ..
    } = setup().await;
    let rule = a_rule(&ts).await;
    let report = ts.candidate(&candidate).await.unwrap().report_id;
    assert_eq!(first_item(&ts, &report).await.status, CheckStatus::Unknown);

    clock.set("2026-10-01");
    ts.set_rule_check(
        &candidate,
        &rule,
        Some(ManualStatus::Met),
        " Led the RFC.  ",
    )
    .await
    .unwrap();
    let met = first_item(&ts, &report).await;
    assert_eq!(
        (met.status, met.detail.as_str()),
        (CheckStatus::Met, " Led the RFC.")
    );
    let (status, note, checked_on): (String, String, String) = sqlx::query_as(
        "SELECT status, note, checked_on FROM rule_checks WHERE candidate_id = ? AND rule_id = ?",
    )
    .bind(candidate.as_str())
    .bind(rule.as_str())
    .fetch_one(ts.pool())
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), note.as_str(), checked_on.as_str()),
        ("met", " Led the RFC.", "2026-10-01")
    );

    ts.set_rule_check(&candidate, &rule, Some(ManualStatus::Unmet), "")
        .await
        .unwrap();
    let unmet = first_item(&ts, &report).await;
    assert_eq!(
        (unmet.status, unmet.detail.as_str()),
        (CheckStatus::Unmet, "Checked by hand.")
    );
    assert_eq!(count_rows(&ts, "rule_checks").await, 1, "one call per rule");

    ts.set_rule_check(&candidate, &rule, None, "")
        .await
        .unwrap();
    assert_eq!(first_item(&ts, &report).await.status, CheckStatus::Unknown);
    assert_eq!(count_rows(&ts, "rule_checks").await, 0);
}

#[tokio::test]
async fn a_manual_call_needs_a_live_rule_a_live_candidacy_and_a_clean_note() {
    let Setup { ts, candidate, .. } = setup().await;
    let rule = a_rule(&ts).await;
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.set_rule_check(&candidate, &rule, Some(ManualStatus::Met), "bell\u{7}")
            .await,
        &[(
            "note",
            "Note contains control characters that cannot be stored.",
        )],
    )
    .await;
    assert_eq!(
        not_found(
            ts.set_rule_check(&candidate, &"nope".into(), Some(ManualStatus::Met), "")
                .await
        ),
        "No rule of thumb with id nope; it may have been removed."
    );
    ts.delete_record(RecordKind::Rule, rule.as_str())
        .await
        .unwrap();
    not_found(
        ts.set_rule_check(&candidate, &rule, Some(ManualStatus::Met), "")
            .await,
    );
    not_found(
        ts.set_rule_check(&"nope".into(), &rule, Some(ManualStatus::Met), "")
            .await,
    );
    let report = ts.candidate(&candidate).await.unwrap().report_id;
    ts.restore_record(RecordKind::Rule, rule.as_str())
        .await
        .unwrap();
    ts.archive_report(&report).await.unwrap();
    assert_eq!(
        conflict(
            ts.set_rule_check(&candidate, &rule, Some(ManualStatus::Met), "")
                .await
        ),
        archived_message("Ada Lovelace")
    );
}

#[tokio::test]
async fn search_finds_the_latest_packet_version_and_only_that_one() {
    let Setup {
        ts,
        clock,
        candidate,
        ledger,
        ..
    } = setup().await;
    clock.set("2026-05-04");
    let mut first = sections(&[&ledger]);
    first.mentorship = "Jamie now owns the reconciliation zeppelin.".to_owned();
    let v1 = ts
        .save_packet(&candidate, &first, "First draft")
        .await
        .unwrap();
    let found = hits(&ts, "zeppelin").await;
    assert_eq!(found, [(RecordKind::PacketVersion, v1.id.to_string())]);
    let hit = &ts.search("zeppelin", 5).await.unwrap().hits[0];
    assert_eq!(hit.title, "Packet version 1, H2 2026");
    assert_eq!(hit.parent_id.as_deref(), Some(candidate.as_str()));
    assert!(!hit.private);
    // Words from every section and the version's note are found; evidence ids are not text.
    for words in [
        "Blameless reviews",
        "Cross-org influence",
        "First draft",
        "Ledger consistency",
    ] {
        assert_eq!(hits(&ts, words).await.len(), 1, "{words:?}");
    }
    assert!(hits(&ts, ledger.as_str()).await.is_empty());

    // A new version replaces the old one in the index: its words are found, the old ones not.
    clock.set("2026-06-01");
    let mut second = sections(&[&ledger]);
    second.mentorship = "Jamie now owns the reconciliation airship.".to_owned();
    let v2 = ts.save_packet(&candidate, &second, "").await.unwrap();
    assert!(hits(&ts, "zeppelin").await.is_empty());
    assert_eq!(
        hits(&ts, "airship").await,
        [(RecordKind::PacketVersion, v2.id.to_string())]
    );
    assert_index_in_sync(&ts).await;
}
