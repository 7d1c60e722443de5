//! The limits on lengths, counts and ranges added for the "bad input" issue, each at its
//! boundary: at the limit passes, one over is refused (naming the field), and nothing is
//! written by a refusal. The limits that existed before are tested next to their records.

use trellis_core::ids::{EvidenceId, LevelId, ReportId};
use trellis_core::model::ladder::MAX_LEVELS;
use trellis_core::model::one_on_one::MAX_OPEN_AGENDA;
use trellis_core::model::packet::MAX_ITEM_EVIDENCE;
use trellis_core::model::radar::MAX_CAUSE_KEY;
use trellis_core::model::search::MAX_QUERY;
use trellis_core::model::visibility::MAX_VISIBILITY;
use trellis_core::model::{
    AckAction, AckDraft, AgendaStatus, KnownGap, LevelDraft, Link, PacketItem, QuestionDraft,
    RecordKind, Relationship, SignalRule, TimelineKind,
};
use trellis_core::Error;

use crate::cycle_support::*;
use crate::support::*;

#[tokio::test]
async fn no_date_after_2199_even_where_dates_may_be_planned_ahead() {
    let ts = open_store().await;
    let mut draft = cycle_draft("Far ahead", &[]);
    draft.calibration_date = "2199-12-31".to_owned();
    ts.create_cycle(&draft).await.unwrap();
    draft.calibration_date = "2200-01-01".to_owned();
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_cycle(&draft).await,
        &[("calibrationDate", "Calibration date cannot be after 2199.")],
    )
    .await;
}

#[tokio::test]
async fn links_may_not_carry_text_direction_controls() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let mut draft = evidence_draft("Ledger migration");
    draft.links = vec![Link {
        url: "https://example.com/\u{202E}fdp.exe".to_owned(),
        label: "Design".to_owned(),
    }];
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_evidence(&report.id, &draft).await,
        &[(
            "links.0.url",
            "Link contains invisible text-direction characters, which can disguise what it \
             says; remove them.",
        )],
    )
    .await;
    // Marks that only hint at direction are fine.
    draft.links[0].url = "https://example.com/\u{200F}doc".to_owned();
    ts.create_evidence(&report.id, &draft).await.unwrap();
}

#[tokio::test]
async fn over_the_link_limit_the_count_is_the_one_problem_reported() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let mut draft = evidence_draft("Ledger migration");
    draft.links = vec![
        Link {
            url: "not a link".to_owned(),
            label: "\0".to_owned(),
        };
        10_000
    ];
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_evidence(&report.id, &draft).await,
        &[("links", "Links: at most 20, not 10000.")],
    )
    .await;
}

#[tokio::test]
async fn the_same_problem_in_many_list_entries_is_reported_once() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let mut draft = evidence_draft("Ledger migration");
    draft.co_owner_ids = vec!["nobody".into(), "nobody either".into()];
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_evidence(&report.id, &draft).await,
        &[("coOwnerIds", "A co-owner is not in the people directory.")],
    )
    .await;
}

/// A report with one piece of evidence, a candidacy, and an empty packet to fill.
async fn packet_scene() -> (TestStore, trellis_core::ids::CandidateId, EvidenceId) {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let evidence = ts
        .create_evidence(&report.id, &evidence_draft("Ledger migration"))
        .await
        .unwrap()
        .id;
    let cycle = ts
        .create_cycle(&cycle_draft("Spring calibration", &[]))
        .await
        .unwrap();
    let candidate = ts
        .add_candidate(&cycle.id, &candidate_draft(&report.id, "2026-06-01"))
        .await
        .unwrap()
        .id;
    (ts, candidate, evidence)
}

#[tokio::test]
async fn a_packet_item_links_to_at_most_fifty_pieces_of_evidence() {
    let (ts, candidate, evidence) = packet_scene().await;
    let at_limit = vec![evidence.clone(); MAX_ITEM_EVIDENCE];
    let mut s = sections(&[]);
    s.staff_projects[0].evidence_ids = at_limit.clone();
    s.org_improvements[0].evidence_ids = at_limit.clone();
    s.glue_work[0].evidence_ids = at_limit.clone();
    let saved = ts.save_packet(&candidate, &s, "").await.unwrap();
    assert_eq!(saved.sections.staff_projects[0].evidence_ids.len(), 50);

    let over = vec![evidence.clone(); MAX_ITEM_EVIDENCE + 1];
    for (field, set) in [
        (
            "staffProjects.0.evidenceIds",
            (|s, ids| s.staff_projects[0].evidence_ids = ids)
                as fn(&mut trellis_core::model::PacketSections, Vec<EvidenceId>),
        ),
        ("orgImprovements.0.evidenceIds", |s, ids| {
            s.org_improvements[0].evidence_ids = ids
        }),
        ("glueWork.0.evidenceIds", |s, ids| {
            s.glue_work[0].evidence_ids = ids
        }),
    ] {
        let mut s = sections(&[]);
        set(&mut s, over.clone());
        let before = snapshot_all(&ts).await;
        rejected(
            &ts,
            &before,
            ts.save_packet(&candidate, &s, "").await,
            &[(field, "Linked evidence: at most 50, not 51.")],
        )
        .await;
    }
}

#[tokio::test]
async fn over_the_packet_list_limit_items_are_not_checked_one_by_one() {
    let (ts, candidate, _) = packet_scene().await;
    let mut s = sections(&[]);
    s.org_improvements = vec![PacketItem::default(); 1_000];
    s.known_gaps = vec![KnownGap::default(); 31];
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.save_packet(&candidate, &s, "").await,
        &[
            ("orgImprovements", "Org improvements: at most 30, not 1000."),
            ("knownGaps", "Known gaps: at most 30, not 31."),
        ],
    )
    .await;
}

/// Adds levels until the ladder has `n`, returning their ids (lowest first).
async fn ladder_of(ts: &TestStore, n: usize) -> Vec<LevelId> {
    let mut ladder = ts.ladder().await.unwrap();
    while ladder.len() < n {
        let rank = ladder.len() as i32 + 1;
        ladder = ts
            .add_level(LevelDraft {
                name: format!("Level {rank}"),
                rank,
            })
            .await
            .unwrap();
    }
    ladder.into_iter().map(|l| l.id).collect()
}

#[tokio::test]
async fn the_ladder_has_at_most_thirty_levels() {
    let ts = open_store().await;
    let levels = ladder_of(&ts, MAX_LEVELS).await;
    assert_eq!(levels.len(), 30);
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_level(LevelDraft {
            name: "One too many".to_owned(),
            rank: 1,
        })
        .await,
        &[(
            "name",
            "Ladder levels: at most 30, not 31. Remove or rename one instead.",
        )],
    )
    .await;
    // Removing one makes room again.
    ts.remove_level(&levels[29]).await.unwrap();
    ts.add_level(LevelDraft {
        name: "Room again".to_owned(),
        rank: 1,
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn a_rule_applies_to_at_most_thirty_levels() {
    let ts = open_store().await;
    let levels = ladder_of(&ts, MAX_LEVELS).await;
    let mut draft = rule_draft("Impact in numbers", "2026-06-01", None);
    draft.levels = levels.clone();
    // Repeats count once.
    draft.levels.push(levels[0].clone());
    let rule = ts.create_rule(&draft).await.unwrap();
    assert_eq!(rule.levels.len(), 30);
    draft.levels.push("not a level".into());
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_rule(&draft).await,
        &[
            ("levels", "Levels: at most 30, not 31."),
            ("levels", "A level is not on the ladder."),
        ],
    )
    .await;
}

#[tokio::test]
async fn an_evidence_item_has_at_most_a_hundred_visibility_entries() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await;
    let skip = add_person(&ts, "Morgan Avery", Relationship::SkipLevel).await;
    let evidence = ts
        .create_evidence(&report.id, &evidence_draft("Ledger migration"))
        .await
        .unwrap();
    let draft = visibility_draft(&skip.id, "2026-07-01");
    let mut last = evidence.clone();
    for _ in 0..MAX_VISIBILITY {
        last = ts.add_visibility(&evidence.id, &draft).await.unwrap();
    }
    assert_eq!(last.visibility.len(), 100);
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_visibility(&evidence.id, &draft).await,
        &[(
            "visibility",
            "Visibility entries on one evidence item: at most 100, not 101.",
        )],
    )
    .await;
    // Editing an entry is always possible; deleting one makes room.
    let entry = &last.visibility[0];
    ts.update_visibility(&entry.id, entry.version, &draft)
        .await
        .unwrap();
    ts.delete_record(RecordKind::Visibility, entry.id.as_str())
        .await
        .unwrap();
    ts.add_visibility(&evidence.id, &draft).await.unwrap();
}

async fn open_items(ts: &TestStore, report: &ReportId) -> Vec<trellis_core::model::AgendaItem> {
    ts.one_on_ones(report).await.unwrap().open_agenda
}

#[tokio::test]
async fn a_report_has_at_most_a_hundred_open_agenda_items() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await.id;
    for i in 0..MAX_OPEN_AGENDA {
        ts.add_agenda_item(&report, None, &agenda_draft(&format!("Topic {i}")))
            .await
            .unwrap();
    }
    assert_eq!(open_items(&ts, &report).await.len(), 100);
    let over = "Open agenda items: at most 100, not 101. Mark some done or dropped first.";
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.add_agenda_item(&report, None, &agenda_draft("One too many"))
            .await,
        &[("agenda", over)],
    )
    .await;
    // Closing one makes room; reopening it when the room is taken again is refused.
    let first = open_items(&ts, &report).await[0].clone();
    let ones = ts
        .set_agenda_status(&first.id, first.version, AgendaStatus::Done, None)
        .await
        .unwrap();
    assert_eq!(ones.open_agenda.len(), 99);
    ts.add_agenda_item(&report, None, &agenda_draft("Now there is room"))
        .await
        .unwrap();
    let version = first.version + 1;
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.set_agenda_status(&first.id, version, AgendaStatus::Open, None)
            .await,
        &[("agenda", over)],
    )
    .await;
    // An item that is open already may be "reopened" (nothing changes in the count).
    let open = open_items(&ts, &report).await[0].clone();
    ts.set_agenda_status(&open.id, open.version, AgendaStatus::Open, None)
        .await
        .unwrap();
}

fn ack(cause_key: &str) -> AckDraft {
    AckDraft {
        rule: SignalRule::ALL[0],
        cause_key: cause_key.to_owned(),
        action: Some(AckAction::Acknowledged),
        reason: "Handled in the 1:1.".to_owned(),
        until: String::new(),
    }
}

#[tokio::test]
async fn a_signal_cause_key_is_bounded_and_has_no_control_characters() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await.id;
    let at_limit = "k".repeat(MAX_CAUSE_KEY);
    let saved = ts
        .acknowledge_signal(&report, &ack(&at_limit))
        .await
        .unwrap();
    assert_eq!(saved.cause_key, at_limit);
    // Kept exactly as sent: the radar matches it character for character.
    let spaced = ts.acknowledge_signal(&report, &ack(" key ")).await.unwrap();
    assert_eq!(spaced.cause_key, " key ");
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.acknowledge_signal(&report, &ack(&"k".repeat(MAX_CAUSE_KEY + 1)))
            .await,
        &[(
            "causeKey",
            "The signal's cause is too long: at most 20000 characters.",
        )],
    )
    .await;
    rejected(
        &ts,
        &before,
        ts.acknowledge_signal(&report, &ack("key\0")).await,
        &[(
            "causeKey",
            "The signal's cause contains control characters that cannot be stored.",
        )],
    )
    .await;
}

#[tokio::test]
async fn a_search_is_at_most_two_hundred_characters() {
    let ts = open_store().await;
    add_report(&ts, "Ada Lovelace").await;
    let at_limit = format!("Ada {}", "é".repeat(MAX_QUERY - 4));
    let results = ts.search(&at_limit, 10).await.unwrap();
    assert_eq!(results.query, at_limit);
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.search(&format!("{at_limit}x"), 10).await,
        &[("query", "Search is too long: at most 200 characters.")],
    )
    .await;
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.search(&" ".repeat(1 << 20), 10).await,
        &[("query", "Search is too long: at most 200 characters.")],
    )
    .await;
}

#[tokio::test]
async fn a_timeline_filter_of_any_length_is_read_once() {
    let ts = open_store().await;
    let report = add_report(&ts, "Ada Lovelace").await.id;
    let kinds = vec![TimelineKind::RoleStarted; 100_000];
    let entries = ts.timeline(&report, &kinds).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].kind, TimelineKind::RoleStarted);
}

#[tokio::test]
async fn an_unknown_question_trigger_is_quoted_only_when_it_looks_like_one() {
    let ts = open_store().await;
    let draft = |trigger: &str| QuestionDraft {
        text: "What would your skip-level say you own?".to_owned(),
        trigger: trigger.to_owned(),
        retired: false,
    };
    let before = snapshot_all(&ts).await;
    rejected(
        &ts,
        &before,
        ts.create_question(&draft("radar.nothing")).await,
        &[("trigger", "\"radar.nothing\" is not a known trigger.")],
    )
    .await;
    for odd in [
        "x".repeat(1 << 20),
        "general\u{202E}".to_owned(),
        "a b".to_owned(),
    ] {
        let before = snapshot_all(&ts).await;
        rejected(
            &ts,
            &before,
            ts.create_question(&draft(&odd)).await,
            &[(
                "trigger",
                "That is not a known trigger: choose one from the list.",
            )],
        )
        .await;
    }
}

#[tokio::test]
async fn a_long_unknown_id_is_shown_by_its_start_only() {
    let ts = open_store().await;
    let id = "x".repeat(1 << 20);
    let message = not_found(ts.report(&ReportId::from(id.as_str())).await);
    assert_eq!(
        message,
        format!(
            "No report with id {}…; it may have been removed.",
            "x".repeat(64)
        )
    );
    match ts.delete_record(RecordKind::Note, &id).await {
        Err(Error::NotFound { message }) => assert!(message.len() < 200, "{message}"),
        other => panic!("expected not found, got {other:?}"),
    }
}
