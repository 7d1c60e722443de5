//! The company ladder: the default seed, insert / rename / move / remove with dense ranks,
//! guards against removing used levels, per-level report counts and the change history.

use chrono::Duration;
use trellis_core::ids::LevelId;
use trellis_core::model::{LadderChangeKind, LadderLevel, LevelDraft, ReportDraft};

use crate::support::*;

const DEFAULT: [&str; 5] = [
    "Senior",
    "Staff",
    "Senior Staff",
    "Principal",
    "Distinguished",
];

fn draft(name: &str, rank: i32) -> LevelDraft {
    LevelDraft {
        name: name.to_owned(),
        rank,
    }
}

/// Ranks run 1..=n in list order.
fn assert_dense(ladder: &[LadderLevel]) {
    let ranks: Vec<i32> = ladder.iter().map(|l| l.rank).collect();
    let expected: Vec<i32> = (1..=ladder.len() as i32).collect();
    assert_eq!(ranks, expected, "ranks are not dense: {ladder:?}");
}

fn level_names_of(ladder: &[LadderLevel]) -> Vec<&str> {
    ladder.iter().map(|l| l.name.as_str()).collect()
}

/// Creates a report at `current` aiming for `target` (level names).
async fn report_at(
    ts: &TestStore,
    name: &str,
    current: &str,
    target: &str,
) -> trellis_core::model::Report {
    let d = ReportDraft {
        name: name.to_owned(),
        current_level_id: Some(level_id(ts, current).await),
        target_level_id: Some(level_id(ts, target).await),
        ..valid_draft(ts).await
    };
    ts.create_report(&d).await.unwrap()
}

#[tokio::test]
async fn the_default_ladder_is_seeded_with_five_dense_levels() {
    let ts = open_store().await;
    let ladder = ts.ladder().await.unwrap();
    assert_eq!(level_names_of(&ladder), DEFAULT);
    assert_dense(&ladder);
    assert!(ladder.iter().all(|l| l.report_count == 0));
    assert!(ts.ladder_changes().await.unwrap().is_empty());
}

#[tokio::test]
async fn adding_a_level_shifts_the_ones_above_and_keeps_ranks_dense() {
    let ts = open_store().await;
    let staff = level_id(&ts, "Staff").await;
    let returned = ts.add_level(draft("Senior II", 2)).await.unwrap();
    assert_eq!(
        level_names_of(&returned),
        [
            "Senior",
            "Senior II",
            "Staff",
            "Senior Staff",
            "Principal",
            "Distinguished"
        ]
    );
    assert_dense(&returned);
    assert_eq!(ts.ladder().await.unwrap(), returned);
    // Existing levels keep their ids.
    assert_eq!(returned[2].id, staff);

    // len + 1 appends.
    let appended = ts.add_level(draft("Fellow", 7)).await.unwrap();
    assert_eq!(appended.len(), 7);
    assert_eq!(appended[6].name, "Fellow");
    assert_eq!(appended[6].rank, 7);
    assert_dense(&appended);

    // Rank 1 prepends; the name is trimmed.
    let prepended = ts.add_level(draft("  Mid-level  ", 1)).await.unwrap();
    assert_eq!(prepended[0].name, "Mid-level");
    assert_eq!(prepended[1].name, "Senior");
    assert_dense(&prepended);
    assert_eq!(prepended.len(), 8);
}

#[tokio::test]
async fn a_new_level_rank_must_be_within_one_and_len_plus_one() {
    let ts = open_store().await;
    let before = ts.ladder().await.unwrap();
    for rank in [0, 7, -1, i32::MAX, i32::MIN] {
        let (message, fields) = validation(ts.add_level(draft("Senior II", rank)).await);
        assert_eq!(fields, [issue("rank", "Position must be between 1 and 6.")]);
        assert_eq!(message, "Position must be between 1 and 6.");
    }
    assert_eq!(ts.ladder().await.unwrap(), before);
    assert!(ts.ladder_changes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_new_level_name_must_be_free_regardless_of_case() {
    let ts = open_store().await;
    let before = ts.ladder().await.unwrap();
    for name in ["staff", "STAFF", "  Staff  ", "senior staff"] {
        let (_, fields) = validation(ts.add_level(draft(name, 2)).await);
        assert_eq!(
            fields,
            [issue(
                "name",
                &format!("The ladder already has a level named {}.", name.trim())
            )]
        );
    }
    assert_eq!(ts.ladder().await.unwrap(), before);
    assert!(ts.ladder_changes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_new_level_name_is_required_single_line_and_bounded() {
    let ts = open_store().await;
    let before = ts.ladder().await.unwrap();
    let cases = [
        ("".to_owned(), "Level name is required."),
        ("   ".to_owned(), "Level name is required."),
        (
            "Senior\nII".to_owned(),
            "Level name must be a single line without control characters.",
        ),
        (
            "L".repeat(trellis_core::validate::MAX_LINE + 1),
            "Level name is too long: at most 200 characters.",
        ),
    ];
    for (name, message) in cases {
        let (_, fields) = validation(ts.add_level(draft(&name, 2)).await);
        assert_eq!(fields, [issue("name", message)]);
    }
    assert_eq!(ts.ladder().await.unwrap(), before);
    assert!(ts.ladder_changes().await.unwrap().is_empty());
}

#[tokio::test]
async fn renaming_a_level_checks_the_name_and_shows_in_reports() {
    let ts = open_store().await;
    let report = report_at(&ts, "Ada Lovelace", "Staff", "Principal").await;
    let staff = level_id(&ts, "Staff").await;

    let ladder = ts.rename_level(&staff, "  Staff Engineer ").await.unwrap();
    assert_eq!(ladder[1].name, "Staff Engineer");
    assert_eq!(ladder[1].id, staff);
    assert_dense(&ladder);

    // A report's current level shows the new name; its stored version is unchanged.
    let read = ts.report(&report.id).await.unwrap();
    assert_eq!(read.current_level.name, "Staff Engineer");
    assert_eq!(read.current_level.id, staff);
    assert_eq!(read.version, report.version);

    // Another level's name is taken, in any case.
    for taken in ["Principal", "principal", " SENIOR "] {
        let (_, fields) = validation(ts.rename_level(&staff, taken).await);
        assert_eq!(
            fields,
            [issue(
                "name",
                &format!("The ladder already has a level named {}.", taken.trim())
            )]
        );
    }
    // Blank names are rejected.
    let (_, fields) = validation(ts.rename_level(&staff, " ").await);
    assert_eq!(fields, [issue("name", "Level name is required.")]);
    assert_eq!(
        level_names_of(&ts.ladder().await.unwrap())[1],
        "Staff Engineer"
    );

    // Its own name in another case is allowed.
    let ladder = ts.rename_level(&staff, "STAFF ENGINEER").await.unwrap();
    assert_eq!(ladder[1].name, "STAFF ENGINEER");
    assert_eq!(
        ts.report(&report.id).await.unwrap().current_level.name,
        "STAFF ENGINEER"
    );

    // Renaming to the exact same name records nothing.
    let changes_before = ts.ladder_changes().await.unwrap().len();
    ts.rename_level(&staff, "STAFF ENGINEER").await.unwrap();
    assert_eq!(ts.ladder_changes().await.unwrap().len(), changes_before);

    // Unknown level.
    let message = not_found(ts.rename_level(&LevelId::from("nope"), "Anything").await);
    assert_eq!(
        message,
        "No ladder level with id nope; it may have been removed."
    );
}

#[tokio::test]
async fn moving_a_level_keeps_ranks_dense_and_the_order_right() {
    let ts = open_store().await;
    let senior = level_id(&ts, "Senior").await;
    let distinguished = level_id(&ts, "Distinguished").await;
    let report = report_at(&ts, "Ada Lovelace", "Senior Staff", "Senior Staff").await;
    assert_eq!(report.current_level.rank, 3);

    // Up: Senior from 1 to 4.
    let ladder = ts.move_level(&senior, 4).await.unwrap();
    assert_eq!(
        level_names_of(&ladder),
        [
            "Staff",
            "Senior Staff",
            "Principal",
            "Senior",
            "Distinguished"
        ]
    );
    assert_dense(&ladder);
    assert_eq!(ts.ladder().await.unwrap(), ladder);
    assert_eq!(
        ts.report(&report.id).await.unwrap().current_level.rank,
        2,
        "a report's level shows its new rank"
    );

    // Down: Distinguished from 5 to 1.
    let ladder = ts.move_level(&distinguished, 1).await.unwrap();
    assert_eq!(
        level_names_of(&ladder),
        [
            "Distinguished",
            "Staff",
            "Senior Staff",
            "Principal",
            "Senior"
        ]
    );
    assert_dense(&ladder);

    // Down by one and up by one (adjacent swaps).
    let ladder = ts.move_level(&senior, 4).await.unwrap();
    assert_eq!(
        level_names_of(&ladder),
        [
            "Distinguished",
            "Staff",
            "Senior Staff",
            "Senior",
            "Principal"
        ]
    );
    assert_dense(&ladder);
    let ladder = ts.move_level(&senior, 5).await.unwrap();
    assert_eq!(
        level_names_of(&ladder),
        [
            "Distinguished",
            "Staff",
            "Senior Staff",
            "Principal",
            "Senior"
        ]
    );
    assert_dense(&ladder);

    // Back to the default order.
    ts.move_level(&senior, 1).await.unwrap();
    let ladder = ts.move_level(&distinguished, 5).await.unwrap();
    assert_eq!(level_names_of(&ladder), DEFAULT);
    assert_dense(&ladder);
    assert_eq!(ts.report(&report.id).await.unwrap().current_level.rank, 3);
}

#[tokio::test]
async fn moving_to_the_same_rank_or_out_of_range_changes_nothing() {
    let ts = open_store().await;
    let staff = level_id(&ts, "Staff").await;
    let before = ts.ladder().await.unwrap();

    assert_eq!(ts.move_level(&staff, 2).await.unwrap(), before);
    assert!(ts.ladder_changes().await.unwrap().is_empty());

    // When moving, len + 1 is not a position.
    for rank in [0, 6, -3] {
        let (_, fields) = validation(ts.move_level(&staff, rank).await);
        assert_eq!(fields, [issue("rank", "Position must be between 1 and 5.")]);
    }
    not_found(ts.move_level(&LevelId::from("nope"), 1).await);
    assert_eq!(ts.ladder().await.unwrap(), before);
    assert!(ts.ladder_changes().await.unwrap().is_empty());
}

#[tokio::test]
async fn removing_an_unused_level_closes_the_rank_gap() {
    let ts = open_store().await;
    let senior_staff = level_id(&ts, "Senior Staff").await;
    let ladder = ts.remove_level(&senior_staff).await.unwrap();
    assert_eq!(
        level_names_of(&ladder),
        ["Senior", "Staff", "Principal", "Distinguished"]
    );
    assert_dense(&ladder);
    assert_eq!(ts.ladder().await.unwrap(), ladder);

    // The bottom and the top too.
    let ladder = ts
        .remove_level(&level_id(&ts, "Senior").await)
        .await
        .unwrap();
    assert_eq!(
        level_names_of(&ladder),
        ["Staff", "Principal", "Distinguished"]
    );
    assert_dense(&ladder);
    let ladder = ts
        .remove_level(&level_id(&ts, "Distinguished").await)
        .await
        .unwrap();
    assert_eq!(level_names_of(&ladder), ["Staff", "Principal"]);
    assert_dense(&ladder);

    // Removed means gone.
    let message = not_found(ts.remove_level(&senior_staff).await);
    assert_eq!(
        message,
        format!("No ladder level with id {senior_staff}; it may have been removed.")
    );

    // The freed name can be used again, and inserting after removals keeps ranks dense.
    let ladder = ts.add_level(draft("Senior Staff", 2)).await.unwrap();
    assert_eq!(
        level_names_of(&ladder),
        ["Staff", "Senior Staff", "Principal"]
    );
    assert_dense(&ladder);
}

#[tokio::test]
async fn a_level_in_use_as_current_or_target_cannot_be_removed() {
    let ts = open_store().await;
    report_at(&ts, "Ada Lovelace", "Staff", "Principal").await;
    let before = ts.ladder().await.unwrap();

    // Used as a current level.
    let message = conflict(ts.remove_level(&level_id(&ts, "Staff").await).await);
    assert_eq!(
        message,
        "Staff cannot be removed: 1 report is at or aiming for it. \
         Move that report to another level first."
    );
    // Used as a target level.
    let message = conflict(ts.remove_level(&level_id(&ts, "Principal").await).await);
    assert_eq!(
        message,
        "Principal cannot be removed: 1 report is at or aiming for it. \
         Move that report to another level first."
    );

    // Two reports, one of them archived: archived reports still hold the level.
    let grace = report_at(&ts, "Grace Hopper", "Senior", "Principal").await;
    ts.archive_report(&grace.id).await.unwrap();
    let message = conflict(ts.remove_level(&level_id(&ts, "Principal").await).await);
    assert_eq!(
        message,
        "Principal cannot be removed: 2 reports are at or aiming for it. \
         Move them to another level first."
    );
    let message = conflict(ts.remove_level(&level_id(&ts, "Senior").await).await);
    assert!(
        message.starts_with("Senior cannot be removed: 1 report is"),
        "{message}"
    );

    let after = ts.ladder().await.unwrap();
    assert_eq!(level_names_of(&after), level_names_of(&before));
    assert_dense(&after);
    assert!(ts.ladder_changes().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_last_level_cannot_be_removed() {
    let ts = open_store().await;
    for name in ["Senior", "Staff", "Senior Staff", "Principal"] {
        ts.remove_level(&level_id(&ts, name).await).await.unwrap();
    }
    let last = level_id(&ts, "Distinguished").await;
    let message = conflict(ts.remove_level(&last).await);
    assert_eq!(
        message,
        "The ladder needs at least one level; add another before removing this one."
    );
    let ladder = ts.ladder().await.unwrap();
    assert_eq!(level_names_of(&ladder), ["Distinguished"]);
    assert_eq!(ladder[0].rank, 1);
    // A one-level ladder still accepts reports and new levels.
    let d = ReportDraft {
        name: "Ada Lovelace".to_owned(),
        current_level_id: Some(last.clone()),
        target_level_id: Some(last.clone()),
        team: "Office of the CTO".to_owned(),
        in_role_since: "2020-01-01".to_owned(),
        archetype_worked: Some(trellis_core::model::Archetype::RightHand),
        archetype_needed: Some(trellis_core::model::Archetype::RightHand),
        team_strength: Some(trellis_core::model::TeamStrength::Strong),
        notes: String::new(),
        one_on_one_every_days: None,
    };
    ts.create_report(&d).await.unwrap();
    let ladder = ts.add_level(draft("Fellow", 2)).await.unwrap();
    assert_eq!(level_names_of(&ladder), ["Distinguished", "Fellow"]);
}

#[tokio::test]
async fn report_count_counts_each_report_once_per_level_it_uses() {
    let ts = open_store().await;
    report_at(&ts, "A", "Staff", "Principal").await;
    report_at(&ts, "B", "Staff", "Staff").await;
    let c = report_at(&ts, "C", "Senior", "Staff").await;
    ts.archive_report(&c.id).await.unwrap();

    let counts: Vec<(String, i32)> = ts
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .map(|l| (l.name, l.report_count))
        .collect();
    assert_eq!(
        counts,
        [
            ("Senior".to_owned(), 1),
            ("Staff".to_owned(), 3),
            ("Senior Staff".to_owned(), 0),
            ("Principal".to_owned(), 1),
            ("Distinguished".to_owned(), 0),
        ]
    );

    // Counts follow edits: B moves to Senior Staff → Principal.
    let b = ts
        .reports(trellis_core::model::RosterFilter::Active)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.name == "B")
        .unwrap();
    let edit = ReportDraft {
        current_level_id: Some(level_id(&ts, "Senior Staff").await),
        target_level_id: Some(level_id(&ts, "Principal").await),
        ..draft_from(&b)
    };
    ts.update_report(&b.id, b.version, &edit).await.unwrap();
    let counts: Vec<i32> = ts
        .ladder()
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.report_count)
        .collect();
    assert_eq!(counts, [1, 2, 1, 2, 0]);
    // add/rename/move return the counts too.
    let ladder = ts
        .move_level(&level_id(&ts, "Staff").await, 5)
        .await
        .unwrap();
    assert_eq!(
        ladder
            .iter()
            .map(|l| (l.name.as_str(), l.report_count))
            .collect::<Vec<_>>(),
        [
            ("Senior", 1),
            ("Senior Staff", 1),
            ("Principal", 2),
            ("Distinguished", 0),
            ("Staff", 2)
        ]
    );
}

#[tokio::test]
async fn ladder_changes_record_every_change_newest_first() {
    let ts = open_store().await;
    let added = ts.add_level(draft("Senior II", 2)).await.unwrap();
    let id = added[1].id.clone();
    ts.rename_level(&id, "Senior 2").await.unwrap();
    ts.move_level(&id, 4).await.unwrap();
    ts.remove_level(&id).await.unwrap();
    // Rejected operations record nothing.
    validation(ts.add_level(draft("Staff", 1)).await);
    validation(ts.move_level(&level_id(&ts, "Staff").await, 9).await);

    let changes = ts.ladder_changes().await.unwrap();
    let summary: Vec<(LadderChangeKind, &str)> = changes
        .iter()
        .map(|c| (c.change, c.detail.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                LadderChangeKind::Removed,
                "Removed Senior 2 from position 4"
            ),
            (
                LadderChangeKind::Moved,
                "Moved Senior 2 from position 2 to 4"
            ),
            (LadderChangeKind::Renamed, "Renamed Senior II to Senior 2"),
            (LadderChangeKind::Added, "Added Senior II at position 2"),
        ]
    );
    assert!(changes.iter().all(|c| c.level_id == id));
    assert!(changes.iter().all(|c| c.changed_at == now()));
    let mut ids: Vec<_> = changes.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4);
    assert_eq!(level_names(&ts).await, DEFAULT);
}

#[tokio::test]
async fn ladder_changes_are_stamped_by_the_clock_and_ordered_by_time() {
    let clock = ManualClock::starting_now();
    let ts = open_store_with_clock(clock.clone()).await;
    let t1 = clock.advance(Duration::days(1));
    ts.add_level(draft("Fellow", 6)).await.unwrap();
    let t2 = clock.advance(Duration::days(30));
    ts.rename_level(&level_id(&ts, "Staff").await, "Staff I")
        .await
        .unwrap();
    let t3 = clock.advance(Duration::milliseconds(1500));
    ts.move_level(&level_id(&ts, "Fellow").await, 1)
        .await
        .unwrap();

    let changes = ts.ladder_changes().await.unwrap();
    let got: Vec<_> = changes.iter().map(|c| (c.change, c.changed_at)).collect();
    assert_eq!(
        got,
        [
            (LadderChangeKind::Moved, t3),
            (LadderChangeKind::Renamed, t2),
            (LadderChangeKind::Added, t1),
        ]
    );
    assert_eq!(changes[0].detail, "Moved Fellow from position 6 to 1");
    assert_eq!(changes[1].detail, "Renamed Staff to Staff I");
    assert_eq!(changes[1].level_id, level_id(&ts, "Staff I").await);
}
