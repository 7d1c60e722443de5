//! Every rule of `ReportDraft::validate`, exercised through `Store::create_report`. Each
//! rejection must name its field with an exact message and must write nothing.

use trellis_core::ids::LevelId;
use trellis_core::model::{LevelDraft, ReportDraft, RosterFilter};
use trellis_core::validate::{MAX_LINE, MAX_TEXT};
use trellis_core::{Error, FieldIssue};

use crate::support::*;

/// A store that already holds one report, so that "nothing was written" is not just "still
/// empty".
async fn setup() -> (TestStore, ReportDraft) {
    let ts = open_store().await;
    ts.create_report(&draft_named(&ts, "Existing Report").await)
        .await
        .unwrap();
    let draft = valid_draft(&ts).await;
    (ts, draft)
}

/// Creates `draft`, expects a validation error with exactly `expected` issues (in order) and
/// checks that no report and no person was written. Returns the summary message.
async fn assert_rejected(ts: &TestStore, draft: &ReportDraft, expected: &[(&str, &str)]) -> String {
    let reports_before = ts.report_count().await.unwrap();
    let people_before = count_rows(ts, "people").await;
    let (message, fields) = validation(ts.create_report(draft).await);
    let expected: Vec<FieldIssue> = expected.iter().map(|(f, m)| issue(f, m)).collect();
    assert_eq!(fields, expected, "field issues for draft {draft:?}");
    assert_eq!(
        ts.report_count().await.unwrap(),
        reports_before,
        "a rejected create wrote a report"
    );
    assert_eq!(
        count_rows(ts, "people").await,
        people_before,
        "a rejected create wrote a person"
    );
    message
}

/// Creates `draft` and expects it to be stored.
async fn assert_accepted(ts: &TestStore, draft: &ReportDraft) -> trellis_core::model::Report {
    let before = ts.report_count().await.unwrap();
    let created = ts
        .create_report(draft)
        .await
        .unwrap_or_else(|e| panic!("draft {draft:?} was rejected: {e:?}"));
    assert_eq!(ts.report_count().await.unwrap(), before + 1);
    created
}

#[tokio::test]
async fn the_baseline_draft_is_valid() {
    let (ts, draft) = setup().await;
    let created = assert_accepted(&ts, &draft).await;
    assert_eq!(created.name, "Ada Lovelace");
}

#[tokio::test]
async fn name_is_required() {
    let (ts, draft) = setup().await;
    for name in ["", "   ", "\t \n"] {
        let d = ReportDraft {
            name: name.to_owned(),
            ..draft.clone()
        };
        let message = assert_rejected(&ts, &d, &[("name", "Name is required.")]).await;
        assert_eq!(message, "Name is required.");
    }
}

#[tokio::test]
async fn name_and_team_are_trimmed_before_they_are_stored() {
    let (ts, draft) = setup().await;
    let d = ReportDraft {
        name: "  Grace Hopper \t".to_owned(),
        team: "\tCompilers  ".to_owned(),
        ..draft
    };
    let created = assert_accepted(&ts, &d).await;
    assert_eq!(created.name, "Grace Hopper");
    assert_eq!(created.team, "Compilers");
    let stored = ts.report(&created.id).await.unwrap();
    assert_eq!(stored.name, "Grace Hopper");
    assert_eq!(stored.team, "Compilers");
}

#[tokio::test]
async fn name_must_be_a_single_line_without_control_characters() {
    let (ts, draft) = setup().await;
    for name in [
        "Ada\nLovelace",
        "Ada\tLovelace",
        "Ada\u{7}Lovelace",
        "Ada\u{0}",
        "A\r\nB",
        "Ada\u{2028}Lovelace",
    ] {
        let d = ReportDraft {
            name: name.to_owned(),
            ..draft.clone()
        };
        assert_rejected(
            &ts,
            &d,
            &[(
                "name",
                "Name must be a single line without control characters.",
            )],
        )
        .await;
    }
}

#[tokio::test]
async fn names_may_be_in_any_script_but_not_carry_direction_overrides() {
    let (ts, draft) = setup().await;
    for name in ["Ada\u{202E}ecalevoL", "\u{2067}Ada"] {
        let d = ReportDraft {
            name: name.to_owned(),
            ..draft.clone()
        };
        assert_rejected(
            &ts,
            &d,
            &[(
                "name",
                "Name contains invisible text-direction characters, which can disguise what it \
                 says; remove them.",
            )],
        )
        .await;
    }
    let d = ReportDraft {
        name: "מאיה כהן".to_owned(),
        ..draft.clone()
    };
    assert_eq!(assert_accepted(&ts, &d).await.name, "מאיה כהן");
}

#[tokio::test]
async fn name_may_have_at_most_max_line_characters() {
    let (ts, draft) = setup().await;
    // The limit counts characters, not bytes.
    for name in ["x".repeat(MAX_LINE), "é".repeat(MAX_LINE)] {
        let d = ReportDraft {
            name,
            ..draft.clone()
        };
        assert_accepted(&ts, &d).await;
    }
    let d = ReportDraft {
        name: "x".repeat(MAX_LINE + 1),
        ..draft
    };
    assert_rejected(
        &ts,
        &d,
        &[("name", "Name is too long: at most 200 characters.")],
    )
    .await;
}

#[tokio::test]
async fn current_and_target_level_are_required() {
    let (ts, draft) = setup().await;
    let d = ReportDraft {
        current_level_id: None,
        ..draft.clone()
    };
    assert_rejected(
        &ts,
        &d,
        &[("currentLevelId", "Choose a value for current level.")],
    )
    .await;
    let d = ReportDraft {
        target_level_id: None,
        ..draft
    };
    assert_rejected(
        &ts,
        &d,
        &[("targetLevelId", "Choose a value for target level.")],
    )
    .await;
}

#[tokio::test]
async fn levels_must_exist_in_the_ladder() {
    let (ts, draft) = setup().await;
    // An id that never existed…
    let d = ReportDraft {
        current_level_id: Some(LevelId::from("no-such-level")),
        ..draft.clone()
    };
    assert_rejected(
        &ts,
        &d,
        &[(
            "currentLevelId",
            "Current level is not a level of the ladder; it may have been removed.",
        )],
    )
    .await;
    // …and one that was removed since the form was opened.
    ts.add_level(LevelDraft {
        name: "Fellow".to_owned(),
        rank: 6,
    })
    .await
    .unwrap();
    let fellow = level_id(&ts, "Fellow").await;
    ts.remove_level(&fellow).await.unwrap();
    let d = ReportDraft {
        target_level_id: Some(fellow),
        ..draft
    };
    assert_rejected(
        &ts,
        &d,
        &[(
            "targetLevelId",
            "Target level is not a level of the ladder; it may have been removed.",
        )],
    )
    .await;
}

#[tokio::test]
async fn target_below_current_is_rejected_equal_and_above_are_accepted() {
    let (ts, draft) = setup().await;
    let senior = level_id(&ts, "Senior").await;
    let staff = level_id(&ts, "Staff").await;
    let principal = level_id(&ts, "Principal").await;

    let below = ReportDraft {
        current_level_id: Some(staff.clone()),
        target_level_id: Some(senior.clone()),
        ..draft.clone()
    };
    assert_rejected(
        &ts,
        &below,
        &[(
            "targetLevelId",
            "Target level cannot be below the current level (Staff).",
        )],
    )
    .await;

    let equal = ReportDraft {
        name: "Equal".to_owned(),
        current_level_id: Some(staff.clone()),
        target_level_id: Some(staff.clone()),
        ..draft.clone()
    };
    let created = assert_accepted(&ts, &equal).await;
    assert_eq!(created.current_level, created.target_level);

    let above = ReportDraft {
        name: "Above".to_owned(),
        current_level_id: Some(senior),
        target_level_id: Some(principal),
        ..draft
    };
    let created = assert_accepted(&ts, &above).await;
    assert_eq!(
        (created.current_level.rank, created.target_level.rank),
        (1, 4)
    );
}

#[tokio::test]
async fn team_is_required_single_line_and_bounded() {
    let (ts, draft) = setup().await;
    let cases = [
        (" ".to_owned(), "Team is required."),
        (
            "Pay\nments".to_owned(),
            "Team must be a single line without control characters.",
        ),
        (
            "t".repeat(MAX_LINE + 1),
            "Team is too long: at most 200 characters.",
        ),
    ];
    for (team, message) in cases {
        let d = ReportDraft {
            team,
            ..draft.clone()
        };
        assert_rejected(&ts, &d, &[("team", message)]).await;
    }
}

#[tokio::test]
async fn in_role_since_is_required() {
    let (ts, draft) = setup().await;
    for date in ["", "   "] {
        let d = ReportDraft {
            in_role_since: date.to_owned(),
            ..draft.clone()
        };
        assert_rejected(&ts, &d, &[("inRoleSince", "In role since is required.")]).await;
    }
}

#[tokio::test]
async fn in_role_since_must_be_a_real_yyyy_mm_dd_date() {
    let (ts, draft) = setup().await;
    for date in [
        "2024-02-30",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "24/03/2024",
        "2024/03/01",
        "01-03-2024",
        "March 1, 2024",
        "2024-03-01T00:00:00",
        "yesterday",
        "2024-3-1",
        "2024-03-1",
        "+2024-03-01",
    ] {
        let d = ReportDraft {
            in_role_since: date.to_owned(),
            ..draft.clone()
        };
        assert_rejected(
            &ts,
            &d,
            &[(
                "inRoleSince",
                "In role since must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        )
        .await;
    }
    // A leap day is a real date; surrounding spaces are trimmed.
    for (i, date) in ["2024-02-29", " 2024-03-01 "].into_iter().enumerate() {
        let d = ReportDraft {
            name: format!("Date {i}"),
            in_role_since: date.to_owned(),
            ..draft.clone()
        };
        let created = assert_accepted(&ts, &d).await;
        assert_eq!(
            created.in_role_since.format("%Y-%m-%d").to_string(),
            date.trim()
        );
    }
}

#[tokio::test]
async fn in_role_since_today_is_accepted_and_tomorrow_is_in_the_future() {
    let (ts, draft) = setup().await;
    let d = ReportDraft {
        in_role_since: TODAY.to_owned(),
        ..draft.clone()
    };
    let created = assert_accepted(&ts, &d).await;
    assert_eq!(created.in_role_since, today());

    for date in [TOMORROW, "2027-01-01", "9999-12-31"] {
        let d = ReportDraft {
            in_role_since: date.to_owned(),
            ..draft.clone()
        };
        assert_rejected(
            &ts,
            &d,
            &[(
                "inRoleSince",
                "In role since cannot be in the future (after 2026-11-24).",
            )],
        )
        .await;
    }
}

#[tokio::test]
async fn in_role_since_cannot_be_before_1950() {
    let (ts, draft) = setup().await;
    for date in ["1949-12-31", "1900-01-01", "0001-01-01"] {
        let d = ReportDraft {
            in_role_since: date.to_owned(),
            ..draft.clone()
        };
        assert_rejected(
            &ts,
            &d,
            &[("inRoleSince", "In role since cannot be before 1950.")],
        )
        .await;
    }
    let d = ReportDraft {
        in_role_since: "1950-01-01".to_owned(),
        ..draft
    };
    assert_accepted(&ts, &d).await;
}

#[tokio::test]
async fn archetypes_and_team_strength_must_be_chosen() {
    let (ts, draft) = setup().await;
    let d = ReportDraft {
        archetype_worked: None,
        ..draft.clone()
    };
    assert_rejected(
        &ts,
        &d,
        &[("archetypeWorked", "Choose a value for archetype worked.")],
    )
    .await;
    let d = ReportDraft {
        archetype_needed: None,
        ..draft.clone()
    };
    assert_rejected(
        &ts,
        &d,
        &[("archetypeNeeded", "Choose a value for archetype needed.")],
    )
    .await;
    let d = ReportDraft {
        team_strength: None,
        ..draft
    };
    assert_rejected(
        &ts,
        &d,
        &[("teamStrength", "Choose a value for team strength.")],
    )
    .await;
}

#[tokio::test]
async fn notes_are_bounded_by_max_text() {
    let (ts, draft) = setup().await;
    let d = ReportDraft {
        notes: "n".repeat(MAX_TEXT),
        ..draft.clone()
    };
    let created = assert_accepted(&ts, &d).await;
    assert_eq!(created.notes.chars().count(), MAX_TEXT);

    let d = ReportDraft {
        notes: "n".repeat(MAX_TEXT + 1),
        ..draft
    };
    assert_rejected(
        &ts,
        &d,
        &[("notes", "Notes is too long: at most 20000 characters.")],
    )
    .await;
}

#[tokio::test]
async fn notes_reject_control_characters_but_keep_tabs_and_newlines() {
    let (ts, draft) = setup().await;
    for notes in ["nul\0byte", "bell\u{7}", "escape \u{1b}[31m", "del\u{7f}"] {
        let d = ReportDraft {
            notes: notes.to_owned(),
            ..draft.clone()
        };
        assert_rejected(
            &ts,
            &d,
            &[(
                "notes",
                "Notes contains control characters that cannot be stored.",
            )],
        )
        .await;
    }
    // Tabs and newlines are allowed; CRLF and CR become LF; trailing whitespace goes, leading
    // indentation stays. Notes are optional.
    let d = ReportDraft {
        notes: "  first\r\nsecond\rthird\tcolumn  \n\n".to_owned(),
        ..draft.clone()
    };
    let created = assert_accepted(&ts, &d).await;
    assert_eq!(created.notes, "  first\nsecond\nthird\tcolumn");
    assert_eq!(ts.report(&created.id).await.unwrap().notes, created.notes);

    let d = ReportDraft {
        name: "No notes".to_owned(),
        notes: String::new(),
        ..draft
    };
    assert_eq!(assert_accepted(&ts, &d).await.notes, "");
}

#[tokio::test]
async fn every_offending_field_is_reported_at_once() {
    let (ts, _) = setup().await;
    let message = assert_rejected(
        &ts,
        &ReportDraft::default(),
        &[
            ("name", "Name is required."),
            ("currentLevelId", "Choose a value for current level."),
            ("targetLevelId", "Choose a value for target level."),
            ("team", "Team is required."),
            ("inRoleSince", "In role since is required."),
            ("archetypeWorked", "Choose a value for archetype worked."),
            ("archetypeNeeded", "Choose a value for archetype needed."),
            ("teamStrength", "Choose a value for team strength."),
        ],
    )
    .await;
    assert_eq!(message, "Name is required. (And 7 more problems.)");
}

#[tokio::test]
async fn mixed_problems_are_all_reported_and_the_summary_counts_them() {
    let (ts, draft) = setup().await;
    let senior = level_id(&ts, "Senior").await;
    let d = ReportDraft {
        name: "Ada\nLovelace".to_owned(),
        target_level_id: Some(senior),
        in_role_since: TOMORROW.to_owned(),
        notes: "x".repeat(MAX_TEXT + 1),
        ..draft.clone()
    };
    let message = assert_rejected(
        &ts,
        &d,
        &[
            (
                "name",
                "Name must be a single line without control characters.",
            ),
            (
                "targetLevelId",
                "Target level cannot be below the current level (Staff).",
            ),
            (
                "inRoleSince",
                "In role since cannot be in the future (after 2026-11-24).",
            ),
            ("notes", "Notes is too long: at most 20000 characters."),
        ],
    )
    .await;
    assert_eq!(
        message,
        "Name must be a single line without control characters. (And 3 more problems.)"
    );

    // Two problems: the summary says "problem", singular.
    let d = ReportDraft {
        team: String::new(),
        team_strength: None,
        ..draft
    };
    let err = ts.create_report(&d).await.unwrap_err();
    assert_eq!(err.to_string(), "Team is required. (And 1 more problem.)");
    assert_eq!(
        err.field_issues()
            .iter()
            .map(|i| i.field.as_str())
            .collect::<Vec<_>>(),
        ["team", "teamStrength"]
    );
    assert!(matches!(err, Error::Validation { .. }));
    // Only the setup's report exists.
    let active = ts.reports(RosterFilter::Active).await.unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].name, "Existing Report");
}
