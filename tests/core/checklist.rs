//! The rules-of-thumb checklist of a candidate (`ReportRadar::checklist`): for each kind of
//! machine check a case where it is met, unmet and (where the check can say so) unknown, with
//! its boundary and the record that decided it; rules that do not apply are absent; rules
//! without a check take the manager's own call. Every fact is entered on the day it happened
//! (what predates the record, on [`CREATED`]).

use trellis_core::ids::{EvidenceId, ReportId, RuleId};
use trellis_core::model::{
    AdvocateDraft, Archetype, Cause, Check, CheckStatus, ChecklistItem, CycleDraft, EvidenceDraft,
    EvidenceKind, EvidenceRole, ManualStatus, RecordKind, RuleDraft, Sentiment, SupportStrength,
    WorkMix,
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

/// The record that met or failed a check, when that is evidence.
async fn record(s: &Scene, report: &ReportId, rule: &RuleId, day: &str) -> Option<Cause> {
    line(s, report, rule, day)
        .await
        .unwrap_or_else(|| panic!("no checklist line on {day}"))
        .record
}

/// A rule entered on the day it was said (one said before [`CREATED`], on that day).
async fn add_rule(s: &Scene, said_on: &str, check: Option<Check>) -> RuleId {
    let _on = s.on(entry_day(said_on));
    s.ts.create_rule(&rule_draft("A rule", said_on, check))
        .await
        .unwrap()
        .id
}

/// Bea, a candidate in the scene's cycle from 2026-01-05 with nothing else recorded.
async fn bea(s: &Scene) -> ReportId {
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    let _on = s.on(CREATED);
    s.ts.add_candidate(&s.cycle.id, &candidate_draft(&bea.id, CREATED))
        .await
        .unwrap();
    bea.id
}

/// Evidence of `report`, entered on `day`.
async fn evidence_of(s: &Scene, report: &ReportId, day: &str, draft: EvidenceDraft) -> EvidenceId {
    let _on = s.on(day);
    s.ts.create_evidence(report, &draft).await.unwrap().id
}

/// Marks Ada's ledger consistency migration (in production since 2025-09-01) as her flagship,
/// on [`CREATED`], the day it was entered.
async fn make_flagship(s: &Scene) {
    let e = s.ts.evidence_item(&s.ada.flagship).await.unwrap();
    let _on = s.on(CREATED);
    s.ts.update_evidence(
        &e.id,
        e.version,
        &EvidenceDraft {
            flagship: true,
            ..evidence_draft_of(&e)
        },
    )
    .await
    .unwrap();
}

const MIGRATION: &str = "Ada Lovelace: ledger consistency migration";
const FLAGSHIP: &str = "\u{201c}Ada Lovelace: ledger consistency migration\u{201d}";

fn evidence_cause(id: &EvidenceId, title: &str) -> Option<Cause> {
    Some(Cause {
        kind: RecordKind::Evidence,
        id: id.to_string(),
        title: title.to_owned(),
        report_id: None,
    })
}

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
    let on = s.on("2026-03-10");
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
    drop(on);
    assert_eq!(
        line(&s, &s.ada.report.id, &rule.id, "2026-03-09").await,
        None
    );
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
    make_flagship(&s).await;
    // Ada's flagship has run in production since 1 Sep 2025: 13 months by 2026-10-01.
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
    let since = format!("The flagship, {FLAGSHIP}, has run in production since 1 Sep 2025.");
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
            "The flagship, {FLAGSHIP}, went into production on 1 Sep 2025: under 14 months by \
             calibration (15 Oct 2026)."
        ))
    );
    for rule in [&twelve, &fourteen] {
        assert_eq!(
            record(&s, &s.ada.report.id, rule, CALIBRATION).await,
            evidence_cause(&s.ada.flagship, MIGRATION),
            "the flagship decides"
        );
    }
}

#[tokio::test]
async fn top_evidence_in_production_judges_the_flagship_when_there_is_one() {
    let s = scene().await;
    let bea = bea(&s).await;
    let rule = add_rule(
        &s,
        "2026-01-10",
        Some(Check::TopEvidenceInProduction { months: 12 }),
    )
    .await;
    // Led, quantified, live long enough: meets it while it is the best there is.
    let live = evidence_of(
        &s,
        &bea,
        CREATED,
        EvidenceDraft {
            in_production_since: "2025-10-01".to_owned(),
            ended_on: "2025-09-30".to_owned(),
            ..work("Bea: search relevance", "2025-06-02")
        },
    )
    .await;
    assert_eq!(
        status(&s, &bea, &rule, "2026-02-01").await.0,
        CheckStatus::Met
    );
    assert_eq!(
        record(&s, &bea, &rule, "2026-02-01").await,
        evidence_cause(&live, "Bea: search relevance")
    );
    // Her flagship, started on 2026-02-02, is what the packet leads with: judged instead.
    let flagship = evidence_of(
        &s,
        &bea,
        "2026-02-02",
        EvidenceDraft {
            flagship: true,
            ..work("Bea: ranking platform", "2026-02-02")
        },
    )
    .await;
    assert_eq!(
        status(&s, &bea, &rule, "2026-02-02").await,
        unmet("The flagship, \u{201c}Bea: ranking platform\u{201d}, is not in production yet.")
    );
    assert_eq!(
        record(&s, &bea, &rule, "2026-02-02").await,
        evidence_cause(&flagship, "Bea: ranking platform")
    );
    // Live from 2026-06-01 (recorded that day): too late for twelve months by calibration.
    {
        let _on = s.on("2026-06-01");
        let e = s.ts.evidence_item(&flagship).await.unwrap();
        s.ts.update_evidence(
            &flagship,
            e.version,
            &EvidenceDraft {
                in_production_since: "2026-06-01".to_owned(),
                ..evidence_draft_of(&e)
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        status(&s, &bea, &rule, "2026-05-31").await,
        unmet("The flagship, \u{201c}Bea: ranking platform\u{201d}, is not in production yet.")
    );
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unmet(
            "The flagship, \u{201c}Bea: ranking platform\u{201d}, went into production on \
             1 Jun 2026: under 12 months by calibration (15 Oct 2026)."
        )
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
        evidence_of(&s, &bea, CREATED, draft).await;
    }
    let nothing = unmet("No led or co-led work with quantified impact is in production yet.");
    assert_eq!(status(&s, &bea, &rule, CALIBRATION).await, nothing);
    assert_eq!(record(&s, &bea, &rule, CALIBRATION).await, None);
    // Work entered before it went live (on 2026-02-02) is not in production before that day.
    let late = evidence_of(
        &s,
        &bea,
        CREATED,
        live("Bea: late", "", EvidenceRole::CoLed, "−30% cost"),
    )
    .await;
    {
        let _on = s.on("2026-02-02");
        let e = s.ts.evidence_item(&late).await.unwrap();
        s.ts.update_evidence(
            &late,
            e.version,
            &EvidenceDraft {
                in_production_since: "2025-10-16".to_owned(),
                ..evidence_draft_of(&e)
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(status(&s, &bea, &rule, "2026-02-01").await, nothing);
    // Live one day too late.
    let (late_status, late_detail) = status(&s, &bea, &rule, CALIBRATION).await;
    assert_eq!(late_status, CheckStatus::Unmet);
    assert_eq!(
        record(&s, &bea, &rule, CALIBRATION).await,
        evidence_cause(&late, "Bea: late")
    );
    // Live exactly twelve months before calibration (entered on 2026-03-02).
    let on_time = evidence_of(
        &s,
        &bea,
        "2026-03-02",
        live("Bea: on time", "2025-10-15", EvidenceRole::Led, "−30% cost"),
    )
    .await;
    assert_eq!(
        status(&s, &bea, &rule, "2026-03-01").await.0,
        CheckStatus::Unmet
    );
    let (on_time_status, on_time_detail) = status(&s, &bea, &rule, CALIBRATION).await;
    assert_eq!(on_time_status, CheckStatus::Met);
    assert_eq!(
        record(&s, &bea, &rule, CALIBRATION).await,
        evidence_cause(&on_time, "Bea: on time")
    );
    // Work that is not the flagship is named without the flagship's apposition.
    assert_eq!(
        (late_detail.as_str(), on_time_detail.as_str()),
        (
            "\u{201c}Bea: late\u{201d} went into production on 16 Oct 2025: under 12 months by \
             calibration (15 Oct 2026).",
            "\u{201c}Bea: on time\u{201d} has run in production since 15 Oct 2025."
        ),
        "SUSPECTED CORE BUG (radar/checks.rs `evaluate`, TopEvidenceInProduction): without a \
         flagship the detail keeps the comma of \"The flagship, “…”, has run…\" and reads \
         \"“Bea: on time”, has run in production since 15 Oct 2025.\""
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
    // The led project found first: the one that started earliest.
    assert_eq!(
        status(&s, &s.ada.report.id, &project, CALIBRATION).await,
        met(&format!("Led {FLAGSHIP}."))
    );
    assert_eq!(
        record(&s, &s.ada.report.id, &project, CALIBRATION).await,
        evidence_cause(&s.ada.flagship, MIGRATION)
    );
    let none = unmet("No evidence of that kind that they led.");
    assert_eq!(
        status(&s, &s.ada.report.id, &strategy, CALIBRATION).await,
        none
    );
    assert_eq!(
        record(&s, &s.ada.report.id, &strategy, CALIBRATION).await,
        None
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
    let network = s
        .evidence(EvidenceDraft {
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
    assert_eq!(
        record(&s, &s.ada.report.id, &strategy, "2026-05-11").await,
        evidence_cause(&network, "Ada: network strategy")
    );
}

#[tokio::test]
async fn led_evidence_of_any_of_several_kinds_meets_the_check_flagship_first() {
    let s = scene().await;
    let rule = add_rule(
        &s,
        "2026-01-10",
        Some(Check::LedEvidenceOfKind {
            kinds: vec![EvidenceKind::Strategy, EvidenceKind::CrossFunctionalSupport],
        }),
    )
    .await;
    assert_eq!(
        status(&s, &s.ada.report.id, &rule, "2026-03-01").await,
        unmet("No evidence of that kind that they led.")
    );
    let programme = s
        .evidence(EvidenceDraft {
            kind: Some(EvidenceKind::CrossFunctionalSupport),
            ..work("Ada: payments programme", "2026-03-02")
        })
        .await;
    assert_eq!(
        status(&s, &s.ada.report.id, &rule, "2026-03-02").await,
        met("Led \u{201c}Ada: payments programme\u{201d}.")
    );
    // A later strategy that is the flagship is the one named.
    let flagship = s
        .evidence(EvidenceDraft {
            kind: Some(EvidenceKind::Strategy),
            flagship: true,
            ..work("Ada: storage strategy", "2026-04-06")
        })
        .await;
    assert_eq!(
        record(&s, &s.ada.report.id, &rule, "2026-04-05").await,
        evidence_cause(&programme, "Ada: payments programme")
    );
    assert_eq!(
        record(&s, &s.ada.report.id, &rule, "2026-04-06").await,
        evidence_cause(&flagship, "Ada: storage strategy")
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
    assert_eq!(
        record(&s, &s.ada.report.id, &rule, "2026-06-01").await,
        None
    );
    {
        let _on = s.on("2026-07-01");
        s.ts.add_feedback(
            &s.ada.mentorship,
            &feedback("2026-07-01", Sentiment::Negative),
        )
        .await
        .unwrap();
    }
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
    let m = {
        let _on = s.on(CREATED);
        s.ts.create_mentorship(&bea, &mentorship_draft(&s.cast.jamie.id))
            .await
            .unwrap()
            .id
    };
    let add = |day: &'static str, sentiment: Sentiment| {
        let s = &s;
        let m = m.clone();
        async move {
            let _on = s.on(day);
            s.ts.add_feedback(&m, &feedback(day, sentiment))
                .await
                .unwrap();
        }
    };
    // On the first day of the window's open end: outside.
    add("2026-04-15", Sentiment::Positive).await;
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unknown("No mentee feedback in the 6 months before calibration.")
    );
    // Mixed only: not good enough.
    add("2026-04-16", Sentiment::Mixed).await;
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unmet("Recent mentee feedback is mixed at best.")
    );
    add("2026-10-15", Sentiment::Positive).await;
    assert_eq!(
        status(&s, &bea, &rule, "2026-10-14").await,
        unmet("Recent mentee feedback is mixed at best.")
    );
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        met("2 recent feedback entries, none negative.")
    );
    // Feedback after calibration does not change the verdict.
    add("2026-10-16", Sentiment::Negative).await;
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
    make_flagship(&s).await;
    let one = add_rule(&s, "2026-01-10", Some(Check::SeenByCommittee { count: 1 })).await;
    let two = add_rule(&s, "2026-01-10", Some(Check::SeenByCommittee { count: 2 })).await;
    // Every piece of Ada's strongest work was seen by one member; the flagship is named.
    assert_eq!(
        status(&s, &s.ada.report.id, &one, CALIBRATION).await,
        met(&format!("{FLAGSHIP} was seen by 1 committee members."))
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &two, CALIBRATION).await,
        unmet(&format!(
            "Their best-seen work, {FLAGSHIP}, was seen by 1 committee member(s)."
        ))
    );
    assert_eq!(
        record(&s, &s.ada.report.id, &two, CALIBRATION).await,
        evidence_cause(&s.ada.flagship, MIGRATION)
    );
    // A leader outside the committee, and Morgan again, do not make two members.
    for who in [&s.cast.omar.id, &s.cast.morgan.id] {
        s.see(&s.ada.flagship, who, "2026-02-02").await;
    }
    assert_eq!(
        status(&s, &s.ada.report.id, &two, CALIBRATION).await.0,
        CheckStatus::Unmet
    );
    // Samira, on 2026-03-02.
    s.see(&s.ada.flagship, &s.cast.samira.id, "2026-03-02")
        .await;
    assert_eq!(
        status(&s, &s.ada.report.id, &two, "2026-03-01").await.0,
        CheckStatus::Unmet
    );
    assert_eq!(
        status(&s, &s.ada.report.id, &two, "2026-03-02").await,
        met(&format!("{FLAGSHIP} was seen by 2 committee members."))
    );
    assert_eq!(
        record(&s, &s.ada.report.id, &two, "2026-03-02").await,
        evidence_cause(&s.ada.flagship, MIGRATION)
    );
}

/// The committee is its members who had joined by the day (a member since the cycle opened
/// when no join date is recorded).
#[tokio::test]
async fn seen_by_committee_counts_members_from_the_day_they_joined() {
    let (ts, clock) = store_on(CREATED).await;
    let cast = cast(&ts).await;
    let cycle = ts
        .create_cycle(&CycleDraft {
            joined: vec![trellis_core::model::JoinedDraft {
                person_id: cast.samira.id.clone(),
                joined_on: "2026-06-01".to_owned(),
            }],
            ..cycle_draft("H2 2026 calibration", &[&cast.morgan.id, &cast.samira.id])
        })
        .await
        .unwrap();
    let ada = clean_candidate(&ts, &clock, &cast, &cycle, "Ada Lovelace", Some(DRAFTED)).await;
    clock.set("2026-01-10");
    let rule = ts
        .create_rule(&rule_draft(
            "Two members saw it",
            "2026-01-10",
            Some(Check::SeenByCommittee { count: 2 }),
        ))
        .await
        .unwrap()
        .id;
    clock.set("2026-03-02");
    // The first monthly item (2025-09-01, still running), seen by Morgan the day it started.
    ts.add_visibility(&ada.monthly[0], &seen(&cast.samira.id, "2026-03-02"))
        .await
        .unwrap();
    clock.set(END);
    let status = |day: &'static str| {
        let ts = &ts;
        let report = ada.report.id.clone();
        let rule = rule.clone();
        async move {
            ts.report_radar(&report, date(day))
                .await
                .unwrap()
                .checklist
                .into_iter()
                .find(|i| i.rule_id == rule)
                .map(|i| i.status)
        }
    };
    // Seen by Morgan (2025-09-01) and Samira (2026-03-02); Samira counts from 2026-06-01.
    assert_eq!(status("2026-05-31").await, Some(CheckStatus::Unmet));
    assert_eq!(status("2026-06-01").await, Some(CheckStatus::Met));
}

#[tokio::test]
async fn seen_by_committee_without_work_to_show_is_unmet_and_without_a_committee_unknown() {
    let s = scene().await;
    let bea = bea(&s).await;
    let rule = add_rule(&s, "2026-01-10", Some(Check::SeenByCommittee { count: 1 })).await;
    evidence_of(
        &s,
        &bea,
        "2026-02-02",
        evidence_with(
            "Bea: helped",
            "2026-02-02",
            EvidenceRole::Contributed,
            "x2",
            WorkMix::HighLeverage,
        ),
    )
    .await;
    assert_eq!(
        status(&s, &bea, &rule, CALIBRATION).await,
        unmet("No led or co-led work with impact to show yet.")
    );
    assert_eq!(record(&s, &bea, &rule, CALIBRATION).await, None);
    // A cycle with no committee recorded: the check cannot tell.
    let on = s.on(CALIBRATION);
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
    s.ts.add_candidate(&open.id, &candidate_draft(&bea, CALIBRATION))
        .await
        .unwrap();
    drop(on);
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
        let s = &s;
        async move {
            let _on = s.on(&draft.said_on);
            s.ts.create_rule(&draft).await.unwrap().id
        }
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
    assert_eq!(
        record(&s, &ada, &rule, "2026-06-01").await,
        None,
        "a call by hand names no record"
    );
    {
        let _on = s.on("2026-07-01");
        s.ts.set_rule_check(&cid, &rule, Some(ManualStatus::Unmet), "")
            .await
            .unwrap();
    }
    // The call replaces the earlier one from its own day; before it, the earlier call stands.
    assert_eq!(
        status(&s, &ada, &rule, "2026-06-30").await,
        met("Keynote at the summit.")
    );
    assert_eq!(
        status(&s, &ada, &rule, "2026-07-01").await,
        unmet("Checked by hand.")
    );
    // A rule with a machine check ignores a manual call.
    let machine = add_rule(&s, "2026-03-10", Some(Check::MinAdvocates { count: 1 })).await;
    {
        let _on = s.on("2026-03-10");
        s.ts.set_rule_check(&cid, &machine, Some(ManualStatus::Unmet), "Ignored")
            .await
            .unwrap();
    }
    assert_eq!(
        status(&s, &ada, &machine, CALIBRATION).await.0,
        CheckStatus::Met
    );
}
