//! The rules-of-thumb checklist of a candidate (`ReportRadar::checklist`): for each kind of
//! machine check a case where it is met, unmet and (where the check can say so) unknown, with
//! its boundary; rules that do not apply are absent; rules without a check take the manager's
//! own call.

use trellis_core::ids::{ReportId, RuleId};
use trellis_core::model::{
    AdvocateDraft, Archetype, Check, CheckStatus, ChecklistItem, CycleDraft, EvidenceDraft,
    EvidenceKind, EvidenceRole, ManualStatus, RuleDraft, Sentiment, SupportStrength, WorkMix,
};

use crate::cycle_support::*;
use crate::support::*;

/// The checklist line of `rule` for `report` on `day`, if the rule applies.
async fn line(s: &Scene, report: &ReportId, rule: &RuleId, day: &str) -> Option<ChecklistItem> {
    s.ts.report_radar(report, date(day))
        .await
        .unwrap()
        .checklist
        .into_iter()
        .find(|i| &i.rule_id == rule)
}

async fn status(s: &Scene, report: &ReportId, rule: &RuleId, day: &str) -> (CheckStatus, String) {
    let item = line(s, report, rule, day)
        .await
        .unwrap_or_else(|| panic!("no checklist line on {day}"));
    (item.status, item.detail)
}

async fn add_rule(s: &Scene, said_on: &str, check: Option<Check>) -> RuleId {
    s.ts.create_rule(&rule_draft("A rule", said_on, check))
        .await
        .unwrap()
        .id
}

/// Bea, a candidate in the scene's cycle from 2026-01-05 with nothing else recorded.
async fn bea(s: &Scene) -> ReportId {
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    s.ts.add_candidate(&s.cycle.id, &candidate_draft(&bea.id, CREATED))
        .await
        .unwrap();
    bea.id
}

const FLAGSHIP: &str = "\u{201c}Ada Lovelace: ledger consistency migration\u{201d}";

fn met(detail: &str) -> (CheckStatus, String) {
    (CheckStatus::Met, detail.to_owned())
}
fn unmet(detail: &str) -> (CheckStatus, String) {
    (CheckStatus::Unmet, detail.to_owned())
}
fn unknown(detail: &str) -> (CheckStatus, String) {
    (CheckStatus::Unknown, detail.to_owned())
}

#[tokio::test]
async fn a_checklist_line_carries_the_rule() {
    let s = scene().await;
    let check = Check::MinAdvocates { count: 1 };
    let rule =
        s.ts.create_rule(&RuleDraft {
            confirmed: false,
            ..rule_draft(
                "Someone senior must speak for you",
                "2026-03-10",
                Some(check.clone()),
            )
        })
        .await
        .unwrap();
    let item = line(&s, &s.ada.report.id, &rule.id, CALIBRATION)
        .await
        .unwrap();
    assert_eq!(
        item,
        ChecklistItem {
            rule_id: rule.id.clone(),
            wording: "Someone senior must speak for you".to_owned(),
            confirmed: false,
            check: Some(check.clone()),
            status: CheckStatus::Met,
            detail: "1 advocate(s) with strong or moderate support.".to_owned(),
            record: None,
        }
    );
}

#[tokio::test]
async fn top_evidence_in_production_counts_months_to_calibration() {
    let s = scene().await;
    // Ada's flagship has run in production since 2025-09-01: 13 months by 2026-10-01.
    let twelve = add_rule(
        &s,
        "2025-08-01",
        Some(Check::TopEvidenceInProduction { months: 12 }),
    )
    .await;
    let thirteen = add_rule(
        &s,
        "2025-08-01",
        Some(Check::TopEvidenceInProduction { months: 13 }),
    )
    .await;
    let fourteen = add_rule(
        &s,
        "2025-08-01",
        Some(Check::TopEvidenceInProduction { months: 14 }),
    )
    .await;
    let since = format!("{FLAGSHIP} has run in production since 2025-09-01.");
    assert_eq!(
        status(&s, &s.ada.report.id, &twelve, CALIBRATION).await,
        met(&since)
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &thirteen, CALIBRATION).await,
        met(&since)
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &fourteen, CALIBRATION).await,
        unmet(&format!(
            "{FLAGSHIP} went into production on 2025-09-01: under 14 months by calibration \
             (2026-10-15)."
        ))
    );
    // Before it went live nothing was in production.
    assert_eq!(
        status(&s, &s.ada.report.id, &twelve, "2025-08-31").await,
        unmet("No led or co-led work with quantified impact is in production yet.")
    );
}

#[tokio::test]
async fn top_evidence_in_production_boundary_is_the_calibration_day() {
    let s = scene().await;
    let bea = bea(&s).await;
    let rule = add_rule(
        &s,
        "2025-08-01",
        Some(Check::TopEvidenceInProduction { months: 12 }),
    )
    .await;
    let live = |title: &str, since: &str, role: EvidenceRole, impact: &str| EvidenceDraft {
        role: Some(role),
        impact: impact.to_owned(),
        in_production_since: since.to_owned(),
        ..work(title, "2025-06-02")
    };
    // In production, but not led with a number: does not count.
    for draft in [
        live(
            "Bea: helped",
            "2025-07-01",
            EvidenceRole::Contributed,
            "x2 faster",
        ),
        live(
            "Bea: advised",
            "2025-07-01",
            EvidenceRole::Advised,
            "x2 faster",
        ),
        live("Bea: no number", "2025-07-01", EvidenceRole::Led, ""),
    ] {
        s.ts.create_evidence(&bea, &draft).await.unwrap();
    }
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await.0,
        CheckStatus::Unmet
    );
    // Live one day too late.
    s.ts.create_evidence(
        &bea,
        &live("Bea: late", "2025-10-16", EvidenceRole::CoLed, "−30% cost"),
    )
    .await
    .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unmet(
            "\u{201c}Bea: late\u{201d} went into production on 2025-10-16: under 12 months by \
             calibration (2026-10-15)."
        )
    );
    // Live exactly twelve months before calibration.
    s.ts.create_evidence(
        &bea,
        &live("Bea: on time", "2025-10-15", EvidenceRole::Led, "−30% cost"),
    )
    .await
    .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        met("\u{201c}Bea: on time\u{201d} has run in production since 2025-10-15.")
    );
}

#[tokio::test]
async fn led_evidence_of_a_kind_must_be_led_and_started() {
    let s = scene().await;
    let project = add_rule(
        &s,
        "2026-01-10",
        Some(Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Project],
        }),
    )
    .await;
    let strategy = add_rule(
        &s,
        "2026-01-10",
        Some(Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Strategy],
        }),
    )
    .await;
    assert_eq!(
        status(&s, &s.ada.report.id, &project, CALIBRATION).await,
        met("Led \u{201c}Ada Lovelace: platform work 2026-09-07\u{201d}.")
    );
    let none = unmet("No evidence of that kind that they led.");
    assert_eq!(
        status(&s, &s.ada.report.id, &strategy, CALIBRATION).await,
        none
    );
    // Co-led is not led.
    s.evidence(EvidenceDraft {
        kind: Some(EvidenceKind::Strategy),
        role: Some(EvidenceRole::CoLed),
        ..work("Ada: co-led storage strategy", "2026-03-02")
    })
    .await;
    assert_eq!(
        status(&s, &s.ada.report.id, &strategy, CALIBRATION).await,
        none
    );
    s.evidence(EvidenceDraft {
        kind: Some(EvidenceKind::Strategy),
        ..work("Ada: network strategy", "2026-05-11")
    })
    .await;
    assert_eq!(
        status(&s, &s.ada.report.id, &strategy, "2026-05-10").await,
        none
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &strategy, "2026-05-11").await,
        met("Led \u{201c}Ada: network strategy\u{201d}.")
    );
}

#[tokio::test]
async fn positive_mentorship_feedback_is_met_unmet_or_unknown() {
    let s = scene().await;
    // Six months before calibration: feedback received after 2026-04-15 counts.
    let rule = add_rule(
        &s,
        "2026-01-10",
        Some(Check::PositiveMentorshipFeedback { months: 6 }),
    )
    .await;
    let none = unknown("No mentee feedback in the 6 months before calibration.");
    assert_eq!(
        status(&s, &s.ada.report.id, &rule, "2026-05-31").await,
        none
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &rule, "2026-06-01").await,
        met("1 recent feedback entries, none negative.")
    );
    s.ts.add_feedback(
        &s.ada.mentorship,
        &feedback("2026-07-01", Sentiment::Negative),
    )
    .await
    .unwrap();
    assert_eq!(
        status(&s, &s.ada.report.id, &rule, "2026-06-30").await.0,
        CheckStatus::Met
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &rule, "2026-07-01").await,
        unmet("Some recent mentee feedback is negative.")
    );
}

#[tokio::test]
async fn positive_mentorship_feedback_window_boundaries() {
    let s = scene().await;
    let bea = bea(&s).await;
    let rule = add_rule(
        &s,
        "2026-01-10",
        Some(Check::PositiveMentorshipFeedback { months: 6 }),
    )
    .await;
    let m =
        s.ts.create_mentorship(&bea, &mentorship_draft(&s.cast.jamie.id))
            .await
            .unwrap()
            .id;
    // On the first day of the window's open end: outside.
    s.ts.add_feedback(&m, &feedback("2026-04-15", Sentiment::Positive))
        .await
        .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unknown("No mentee feedback in the 6 months before calibration.")
    );
    // Mixed only: not good enough.
    s.ts.add_feedback(&m, &feedback("2026-04-16", Sentiment::Mixed))
        .await
        .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unmet("Recent mentee feedback is mixed at best.")
    );
    s.ts.add_feedback(&m, &feedback("2026-10-15", Sentiment::Positive))
        .await
        .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        met("2 recent feedback entries, none negative.")
    );
    // Feedback after calibration does not change the verdict.
    s.ts.add_feedback(&m, &feedback("2026-10-16", Sentiment::Negative))
        .await
        .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, "2026-11-01").await,
        met("2 recent feedback entries, none negative.")
    );
}

#[tokio::test]
async fn min_advocates_counts_strong_and_moderate_support_recorded_by_then() {
    let s = scene().await;
    let one = add_rule(&s, "2026-01-10", Some(Check::MinAdvocates { count: 1 })).await;
    let two = add_rule(&s, "2026-01-10", Some(Check::MinAdvocates { count: 2 })).await;
    let found = |n: usize| format!("{n} advocate(s) with strong or moderate support.");
    assert_eq!(
        status(&s, &s.ada.report.id, &one, CALIBRATION).await,
        met(&found(1))
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &two, CALIBRATION).await,
        unmet(&found(1))
    );
    for (who, strength, day) in [
        (&s.cast.omar.id, SupportStrength::Weak, "2026-02-02"),
        (&s.cast.lee.id, SupportStrength::Unknown, "2026-02-02"),
        (&s.cast.morgan.id, SupportStrength::Moderate, "2026-03-02"),
    ] {
        let _on = s.on(day);
        s.ts.create_advocate(
            &s.ada.report.id,
            &AdvocateDraft {
                strength: Some(strength),
                last_checked: String::new(),
                ..advocate_draft(who)
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        status(&s, &s.ada.report.id, &two, "2026-03-01").await,
        unmet(&found(1))
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &two, "2026-03-02").await,
        met(&found(2))
    );
}

#[tokio::test]
async fn seen_by_committee_counts_distinct_members_who_saw_the_best_seen_work() {
    let s = scene().await;
    let one = add_rule(&s, "2026-01-10", Some(Check::SeenByCommittee { count: 1 })).await;
    let two = add_rule(&s, "2026-01-10", Some(Check::SeenByCommittee { count: 2 })).await;
    let (status_one, detail_one) = status(&s, &s.ada.report.id, &one, CALIBRATION).await;
    assert_eq!(status_one, CheckStatus::Met);
    assert!(
        detail_one.ends_with(" was seen by 1 committee members."),
        "{detail_one}"
    );
    let (status_two, detail_two) = status(&s, &s.ada.report.id, &two, CALIBRATION).await;
    assert_eq!(status_two, CheckStatus::Unmet);
    assert!(
        detail_two.starts_with("Their best-seen work, ")
            && detail_two.ends_with(", was seen by 1 committee member(s)."),
        "{detail_two}"
    );
    // A leader outside the committee, and Morgan again, do not make two members.
    for (who, day) in [
        (&s.cast.omar.id, "2026-02-01"),
        (&s.cast.morgan.id, "2026-02-01"),
    ] {
        s.ts.add_visibility(&s.ada.flagship, &seen(who, day))
            .await
            .unwrap();
    }
    assert_eq!(
        status(&s, &s.ada.report.id, &two, CALIBRATION).await.0,
        CheckStatus::Unmet
    );
    // Samira, on 2026-03-02.
    s.ts.add_visibility(&s.ada.flagship, &seen(&s.cast.samira.id, "2026-03-02"))
        .await
        .unwrap();
    assert_eq!(
        status(&s, &s.ada.report.id, &two, "2026-03-01").await.0,
        CheckStatus::Unmet
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &two, "2026-03-02").await,
        met(&format!("{FLAGSHIP} was seen by 2 committee members."))
    );
}

#[tokio::test]
async fn seen_by_committee_without_work_to_show_is_unmet_and_without_a_committee_unknown() {
    let s = scene().await;
    let bea = bea(&s).await;
    let rule = add_rule(&s, "2026-01-10", Some(Check::SeenByCommittee { count: 1 })).await;
    s.ts.create_evidence(
        &bea,
        &evidence_with(
            "Bea: helped",
            "2026-02-02",
            EvidenceRole::Contributed,
            "x2",
            WorkMix::HighLeverage,
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unmet("No led or co-led work with impact to show yet.")
    );
    // A cycle with no committee recorded: the check cannot tell.
    let open =
        s.ts.create_cycle(&CycleDraft {
            name: "H1 2027".to_owned(),
            opens_on: "2026-10-16".to_owned(),
            packet_due: "2027-03-15".to_owned(),
            calibration_date: "2027-04-15".to_owned(),
            committee_ids: Vec::new(),
            joined: Vec::new(),
        })
        .await
        .unwrap();
    s.ts.add_candidate(&open.id, &candidate_draft(&bea, END))
        .await
        .unwrap();
    assert_eq!(
        status(&s, &bea, &rule, "2026-11-01").await,
        unknown("The cycle has no committee recorded.")
    );
}

#[tokio::test]
async fn rules_that_do_not_apply_are_not_on_the_checklist() {
    let s = scene().await;
    let check = Some(Check::MinAdvocates { count: 1 });
    let principal = level_id(&s.ts, "Principal").await;
    let senior_staff = level_id(&s.ts, "Senior Staff").await;
    let mk = |draft: RuleDraft| {
        let ts = &s.ts;
        async move { ts.create_rule(&draft).await.unwrap().id }
    };
    let other_level = mk(RuleDraft {
        levels: vec![principal],
        ..rule_draft("Principal only", "2026-03-10", check.clone())
    })
    .await;
    let other_archetype = mk(RuleDraft {
        archetypes: vec![Archetype::TechLead, Archetype::Solver],
        ..rule_draft("Tech leads and solvers", "2026-03-10", check.clone())
    })
    .await;
    let retired = mk(RuleDraft {
        retired: true,
        ..rule_draft("Retired", "2026-03-10", check.clone())
    })
    .await;
    let later = mk(rule_draft("Said later", "2026-09-01", check.clone())).await;
    let applies = mk(RuleDraft {
        levels: vec![senior_staff],
        archetypes: vec![Archetype::Architect],
        ..rule_draft("Senior Staff architects", "2026-03-10", check)
    })
    .await;
    let on = |day: &'static str| {
        let s = &s;
        async move {
            s.ts.report_radar(&s.ada.report.id, date(day))
                .await
                .unwrap()
                .checklist
                .into_iter()
                .map(|i| i.rule_id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(on("2026-03-09").await, Vec::<RuleId>::new());
    assert_eq!(on("2026-08-31").await, vec![applies.clone()]);
    // Newest rule first, as the register lists them.
    assert_eq!(on("2026-09-01").await, [later.clone(), applies.clone()]);
    for absent in [&other_level, &other_archetype, &retired] {
        assert!(!on(CALIBRATION).await.contains(absent));
    }
    // Outside any cycle there is no checklist at all.
    let carl = s.plain_report("Carl Nolan", CREATED).await;
    let radar =
        s.ts.report_radar(&carl.id, date(CALIBRATION))
            .await
            .unwrap();
    assert!(radar.checklist.is_empty());
    assert_eq!(radar.candidacy, None);
}

#[tokio::test]
async fn a_rule_without_a_check_takes_the_managers_call_from_the_day_it_was_made() {
    let s = scene().await;
    let rule = add_rule(&s, "2026-03-10", None).await;
    let ada = s.ada.report.id.clone();
    let cid = s.ada.candidate.id.clone();
    let not_yet = unknown("No machine check; not checked by hand yet.");
    assert_eq!(status(&s, &ada, &rule, CALIBRATION).await, not_yet);
    {
        let _on = s.on("2026-06-01");
        s.ts.set_rule_check(
            &cid,
            &rule,
            Some(ManualStatus::Met),
            "Keynote at the summit.",
        )
        .await
        .unwrap();
    }
    assert_eq!(status(&s, &ada, &rule, "2026-05-31").await, not_yet);
    assert_eq!(
        status(&s, &ada, &rule, "2026-06-01").await,
        met("Keynote at the summit.")
    );
    {
        let _on = s.on("2026-07-01");
        s.ts.set_rule_check(&cid, &rule, Some(ManualStatus::Unmet), "")
            .await
            .unwrap();
    }
    // The call replaces the earlier one, from its own day.
    assert_eq!(status(&s, &ada, &rule, "2026-06-15").await, not_yet);
    assert_eq!(
        status(&s, &ada, &rule, "2026-07-01").await,
        unmet("Checked by hand.")
    );
    // A rule with a machine check ignores a manual call.
    let machine = add_rule(&s, "2026-03-10", Some(Check::MinAdvocates { count: 1 })).await;
    s.ts.set_rule_check(&cid, &machine, Some(ManualStatus::Unmet), "Ignored")
        .await
        .unwrap();
    assert_eq!(
        status(&s, &ada, &machine, CALIBRATION).await.0,
        CheckStatus::Met
    );
}
