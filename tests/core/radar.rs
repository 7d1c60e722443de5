//! The surprise radar through the store. Every scenario starts from a clean candidate (Ada, see
//! `cycle_support::clean_candidate`: no signal on any day) and plants one problem; each rule
//! has a test where it fires (rule id, severity, causes, `since`, lead time) and where it must
//! not, on both sides of its threshold (default and changed). Then: determinism, which cycle a
//! report is judged against, acknowledgements and snoozes, and the cycle dashboard.
//!
//! The radar replays the record as it stood on each day, so every fact is entered on the day it
//! happened (`Scene::on`, `Scene::evidence`, `Scene::see`; what predates the record, on
//! [`CREATED`]), and a threshold counts from the day it was set.

use trellis_core::ids::{EvidenceId, ReportId};
use trellis_core::model::{
    AckAction, AckDraft, AckState, Archetype, Cause, EvidenceDraft, EvidenceKind, EvidenceRole,
    FeedbackDraft, LevelDraft, MandateDraft, MandateStatus, ManualStatus, RecordKind, ReportDraft,
    ReviewDraft, ReviewerRole, RuleDraft, Sentiment, Severity, Signal, SignalRule, Thresholds,
    WorkMix,
};

use trellis_core::export::{ExportOptions, ExportScope};
use trellis_core::model::Period;

use crate::cycle_support::*;
use crate::support::*;

const CYCLE: &str = "H2 2026 calibration";

fn cause(kind: RecordKind, id: &str, title: &str) -> Cause {
    Cause {
        kind,
        id: id.to_owned(),
        title: title.to_owned(),
        report_id: None,
    }
}

impl Scene {
    fn candidate_cause(&self) -> Cause {
        cause(RecordKind::Candidate, self.ada.candidate.id.as_str(), CYCLE)
    }

    /// Asserts Ada has no signal at all on each of `days`.
    async fn quiet(&self, days: &[&str]) {
        for day in days {
            let signals = self.signals(day).await;
            assert!(
                signals.is_empty(),
                "{day}: unexpected {:?}",
                rules_since(&signals)
            );
        }
    }

    /// Asserts Ada's only signal on `day` is of `rule`, and returns it.
    async fn only(&self, day: &str, rule: SignalRule) -> Signal {
        let signals = self.signals(day).await;
        assert_eq!(ids_of(&signals), [rule.id()], "{day}");
        signals.into_iter().next().unwrap()
    }

    async fn set_thresholds(&self, change: impl FnOnce(&mut Thresholds)) {
        let mut t = Thresholds::default();
        change(&mut t);
        self.ts.set_thresholds(&t).await.unwrap();
    }
}

fn assert_signal(
    s: &Signal,
    rule: SignalRule,
    severity: Severity,
    since: &str,
    causes: Vec<Cause>,
) {
    assert_eq!(s.rule, rule);
    assert_eq!(s.rule.id(), rule.id());
    assert_eq!(s.severity, severity, "{}", rule.id());
    assert_eq!(s.since, date(since), "{}", rule.id());
    assert_eq!(s.causes, causes, "{}", rule.id());
    assert!(!s.message.is_empty() && !s.action.is_empty());
    assert!(s.cause_key.starts_with(&format!("{}|", rule.id())));
    assert_eq!(s.ack, None);
}

fn assert_ada(s: &Signal, scene: &Scene) {
    assert_eq!(s.report_id, scene.ada.report.id);
    assert_eq!(s.report_name, "Ada Lovelace");
}

#[tokio::test]
async fn every_rule_has_its_stable_id_and_severity() {
    use Severity::*;
    use SignalRule::*;
    let expected = [
        (PacketNoDraft, "packet.no_draft", High),
        (NoStaffPeerReview, "packet.no_staff_peer_review", Medium),
        (NoManagerReview, "packet.no_manager_review", Medium),
        (NoSkipLevelReview, "packet.no_skip_level_review", Medium),
        (RuleOfThumbUnmet, "rule_of_thumb.unmet", High),
        (RuleOfThumbUnchecked, "rule_of_thumb.unchecked", Low),
        (HighImpactUnseen, "visibility.high_impact_unseen", High),
        (SeenShareLow, "visibility.seen_share_low", Medium),
        (
            NegativeFeedbackUnaddressed,
            "mentorship.negative_unaddressed",
            High,
        ),
        (MandateMissing, "mandate.missing", Medium),
        (MandateReviewOverdue, "mandate.review_overdue", Medium),
        (MandateNoPriority, "mandate.no_priority", Low),
        (ArchetypeMismatch, "archetype.mismatch", Medium),
        (ArchetypeUnclear, "archetype.unclear", Low),
        (ManagerChangedInCycle, "cycle.manager_changed", High),
        (LadderChangedInCycle, "cycle.ladder_changed", Medium),
        (DuplicateLead, "evidence.duplicate_lead", High),
        (WorkMixDrift, "work_mix.drift", Medium),
        (EvidenceThin, "evidence.thin", Low),
        (EvidenceUnquantified, "evidence.unquantified", Low),
        (NoAdvocate, "advocates.none", Medium),
        (OneOnOneLapsed, "one_on_one.lapsed", Medium),
        (RecordUnreadable, "record.unreadable", High),
    ];
    assert_eq!(SignalRule::ALL.len(), 23);
    for (i, (rule, id, severity)) in expected.into_iter().enumerate() {
        assert_eq!(SignalRule::ALL[i], rule);
        assert_eq!(rule.id(), id);
        assert_eq!(rule.severity(), severity, "{id}");
        assert_eq!(
            serde_json::to_string(&rule).unwrap(),
            format!("\"{id}\""),
            "the JSON id is the stable id"
        );
    }
}

#[tokio::test]
async fn the_clean_candidate_has_no_signal_on_any_day_of_the_cycle() {
    let s = scene().await;
    let mut day = date(CREATED);
    while day <= date("2026-12-31") {
        let radar = s.ts.report_radar(&s.ada.report.id, day).await.unwrap();
        assert!(
            radar.signals.is_empty(),
            "{day}: {:?}",
            rules_since(&radar.signals)
        );
        assert_eq!(
            radar.candidacy.as_ref().map(|c| &c.id),
            Some(&s.ada.candidate.id)
        );
        assert_eq!(radar.cycle.as_ref().map(|c| &c.id), Some(&s.cycle.id));
        day = day.succ_opt().unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// packet.no_draft
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn no_draft_fires_four_months_before_calibration_and_stays_until_one_is_saved() {
    let s = scene_drafted(None).await;
    s.quiet(&["2026-01-05", "2026-06-14"]).await;
    let signal = s.only("2026-06-15", SignalRule::PacketNoDraft).await;
    assert_signal(
        &signal,
        SignalRule::PacketNoDraft,
        Severity::High,
        "2026-06-15",
        vec![s.candidate_cause()],
    );
    assert_ada(&signal, &s);
    assert_eq!(signal.lead_time_days, Some(122));
    assert_eq!(
        signal.message,
        "No packet draft 4 months before calibration (15 Oct 2026)."
    );
    assert_eq!(
        signal.cause_key,
        format!("packet.no_draft|{}", s.ada.candidate.id)
    );
    // Still there at calibration and after it, with the same first date.
    for day in ["2026-10-15", "2026-11-20"] {
        let later = s.only(day, SignalRule::PacketNoDraft).await;
        assert_eq!(
            (later.since, later.lead_time_days),
            (date("2026-06-15"), Some(122))
        );
    }

    // A draft saved on 2026-06-16 ends it from that day; the past stays as it was.
    {
        let _on = s.on("2026-06-16");
        s.ts.save_packet(&s.ada.candidate.id, &sections(&[]), "")
            .await
            .unwrap();
    }
    s.only("2026-06-15", SignalRule::PacketNoDraft).await;
    s.quiet(&["2026-06-16", "2026-10-15"]).await;
}

#[tokio::test]
async fn a_draft_saved_on_the_due_day_is_in_time() {
    let s = scene_drafted(Some("2026-06-15")).await;
    s.quiet(&["2026-06-14", "2026-06-15", "2026-10-15"]).await;
}

#[tokio::test]
async fn no_draft_follows_a_changed_threshold() {
    let s = scene_drafted(Some("2026-06-15")).await;
    {
        let _on = s.on(CREATED);
        s.set_thresholds(|t| t.packet_draft_months = 5).await;
    }
    s.quiet(&["2026-05-14"]).await;
    let signal = s.only("2026-05-15", SignalRule::PacketNoDraft).await;
    assert_eq!(signal.since, date("2026-05-15"));
    assert_eq!(signal.lead_time_days, Some(153));
    assert_eq!(
        signal.message,
        "No packet draft 5 months before calibration (15 Oct 2026)."
    );
    s.quiet(&["2026-06-15"]).await;
}

#[tokio::test]
async fn a_candidate_added_after_the_due_day_is_flagged_from_the_day_they_were_added() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    let c = {
        let _on = s.on("2026-07-01");
        s.ts.add_candidate(&s.cycle.id, &candidate_draft(&bea.id, "2026-07-01"))
            .await
            .unwrap()
    };
    assert!(of_rule(
        &s.signals_of(&bea.id, "2026-06-30").await,
        SignalRule::PacketNoDraft
    )
    .is_empty());
    let signal = one(
        &s.signals_of(&bea.id, "2026-07-01").await,
        SignalRule::PacketNoDraft,
    );
    assert_eq!(signal.since, date("2026-07-01"));
    assert_eq!(signal.lead_time_days, Some(106));
    assert_eq!(
        signal.causes,
        [cause(RecordKind::Candidate, c.id.as_str(), CYCLE)]
    );
    // Before joining the cycle there is no lead time for any signal (Bea has some: no
    // mandate, no advocate).
    let before = s.signals_of(&bea.id, "2026-06-30").await;
    assert!(!before.is_empty());
    for signal in before {
        assert_eq!(signal.lead_time_days, None, "{}", signal.rule.id());
    }
}

// ---------------------------------------------------------------------------------------------
// packet.no_*_review
// ---------------------------------------------------------------------------------------------

/// A review rule and its default deadline: the threshold's weeks before packets are due
/// ([`DUE`], 2026-09-15).
struct ReviewCase {
    role: ReviewerRole,
    rule: SignalRule,
    due: &'static str,
    day_before: &'static str,
    day_after: &'static str,
    who: &'static str,
    lead: i32,
}

const REVIEW_CASES: [ReviewCase; 3] = [
    // 6 weeks before packets are due.
    ReviewCase {
        role: ReviewerRole::StaffPeer,
        rule: SignalRule::NoStaffPeerReview,
        due: "2026-08-04",
        day_before: "2026-08-03",
        day_after: "2026-08-05",
        who: "a staff-level peer",
        lead: 72,
    },
    // 4 weeks.
    ReviewCase {
        role: ReviewerRole::Manager,
        rule: SignalRule::NoManagerReview,
        due: "2026-08-18",
        day_before: "2026-08-17",
        day_after: "2026-08-19",
        who: "the manager",
        lead: 58,
    },
    // 2 weeks.
    ReviewCase {
        role: ReviewerRole::SkipLevel,
        rule: SignalRule::NoSkipLevelReview,
        due: "2026-09-01",
        day_before: "2026-08-31",
        day_after: "2026-09-02",
        who: "the skip-level",
        lead: 44,
    },
];

/// Changes Ada's review in `role` on [`REVIEWED`], the day it was entered: as if it had been
/// entered that way.
async fn amend_review(s: &Scene, role: ReviewerRole, change: impl FnOnce(&mut ReviewDraft)) {
    let review = review_of(s, role).await;
    let mut draft = draft_of(&review);
    change(&mut draft);
    let _on = s.on(REVIEWED);
    s.ts.update_review(&review.id, review.version, &draft)
        .await
        .unwrap();
}

/// Ada's review in `role`.
async fn review_of(s: &Scene, role: ReviewerRole) -> trellis_core::model::PacketReview {
    s.ts.reviews(&s.ada.candidate.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.reviewer_role == role)
        .unwrap()
}

fn draft_of(r: &trellis_core::model::PacketReview) -> ReviewDraft {
    ReviewDraft {
        reviewer_id: Some(r.reviewer.id.clone()),
        reviewer_role: Some(r.reviewer_role),
        version_number: r.version_number,
        requested_on: ymd(r.requested_on),
        received_on: r.received_on.map(ymd).unwrap_or_default(),
        comments: r.comments.clone(),
        revealed_rule_id: r.revealed_rule_id.clone(),
    }
}

#[tokio::test]
async fn each_review_rule_fires_on_its_due_day_without_a_review_of_that_role() {
    for case in REVIEW_CASES {
        let s = scene().await;
        // Deleted the day it was entered: that review never was.
        let review = review_of(&s, case.role).await;
        {
            let _on = s.on(REVIEWED);
            s.ts.delete_record(RecordKind::Review, review.id.as_str())
                .await
                .unwrap();
        }
        s.quiet(&[case.day_before]).await;
        let signal = s.only(case.due, case.rule).await;
        assert_signal(
            &signal,
            case.rule,
            Severity::Medium,
            case.due,
            vec![s.candidate_cause()],
        );
        assert_eq!(signal.lead_time_days, Some(case.lead));
        assert_eq!(
            signal.message,
            format!(
                "No review of the packet by {} yet (packets are due 15 Sep 2026).",
                case.who
            )
        );
        assert_eq!(
            signal.action,
            format!(
                "Ask {} to review the packet now, while there is time to act on it.",
                case.who
            )
        );
        // Still open on the day packets are due; after it, the message says they were due.
        assert_eq!(s.only(DUE, case.rule).await.since, date(case.due));
        let late = s.only(CALIBRATION, case.rule).await;
        assert_eq!(late.since, date(case.due));
        assert_eq!(
            late.message,
            format!(
                "No review of the packet by {} and packets were due (packets are due \
                 15 Sep 2026).",
                case.who
            )
        );
    }
}

#[tokio::test]
async fn a_review_received_on_the_due_day_is_in_time_and_one_received_later_ends_the_signal() {
    for case in REVIEW_CASES {
        for (received, late) in [(case.due, false), (case.day_after, true)] {
            // Requested on 2026-07-20, entered as not received yet; received on `received`.
            let s = scene().await;
            amend_review(&s, case.role, |d| d.received_on = String::new()).await;
            let review = review_of(&s, case.role).await;
            {
                let _on = s.on(received);
                s.ts.update_review(
                    &review.id,
                    review.version,
                    &ReviewDraft {
                        received_on: received.to_owned(),
                        ..draft_of(&review)
                    },
                )
                .await
                .unwrap();
            }
            s.quiet(&[case.day_before]).await;
            if late {
                let signal = s.only(case.due, case.rule).await;
                assert_eq!(signal.since, date(case.due));
                assert!(signal.message.ends_with("; requested, not received."));
                s.quiet(&[case.day_after, CALIBRATION]).await;
            } else {
                s.quiet(&[case.due, CALIBRATION]).await;
            }
        }
    }
}

#[tokio::test]
async fn a_requested_review_not_yet_received_is_named_among_the_causes() {
    let s = scene().await;
    amend_review(&s, ReviewerRole::StaffPeer, |d| {
        d.received_on = String::new()
    })
    .await;
    let review = review_of(&s, ReviewerRole::StaffPeer).await;
    let signal = s.only("2026-08-04", SignalRule::NoStaffPeerReview).await;
    assert_eq!(
        signal.causes,
        [
            s.candidate_cause(),
            cause(
                RecordKind::Review,
                review.id.as_str(),
                "Requested from Lee Park on 20 Jul 2026"
            )
        ]
    );
    assert_eq!(
        signal.message,
        "No review of the packet by a staff-level peer yet (packets are due 15 Sep 2026); \
         requested, not received."
    );
    assert_eq!(
        signal.action,
        "Chase the review by a staff-level peer; their comments reveal the rules of thumb."
    );
    assert_eq!(
        s.only("2026-09-16", SignalRule::NoStaffPeerReview)
            .await
            .message,
        "No review of the packet by a staff-level peer and packets were due (packets are due \
         15 Sep 2026); requested, not received."
    );
    // Asking does not change which cause an acknowledgement covers.
    assert_eq!(
        signal.cause_key,
        format!("packet.no_staff_peer_review|{}", s.ada.candidate.id)
    );
}

#[tokio::test]
async fn a_review_by_another_staff_plus_engineer_is_not_a_staff_peer_review() {
    let s = scene().await;
    amend_review(&s, ReviewerRole::StaffPeer, |d| {
        d.reviewer_role = Some(ReviewerRole::StaffPlus)
    })
    .await;
    s.quiet(&["2026-08-03"]).await;
    s.only("2026-08-04", SignalRule::NoStaffPeerReview).await;
}

#[tokio::test]
async fn review_rules_follow_changed_thresholds() {
    let s = scene().await; // reviews received on 2026-08-03
    {
        let _on = s.on(CREATED);
        s.set_thresholds(|t| {
            t.staff_peer_review_weeks = 7; // due 2026-07-28
            t.manager_review_weeks = 5; // due 2026-08-11: after the review, quiet
            t.skip_level_review_weeks = 7;
        })
        .await;
    }
    s.quiet(&["2026-07-27"]).await;
    let signals = s.signals("2026-07-28").await;
    assert_eq!(
        rules_since(&signals),
        [
            ("packet.no_staff_peer_review", date("2026-07-28")),
            ("packet.no_skip_level_review", date("2026-07-28")),
        ]
    );
    assert_eq!(signals[0].lead_time_days, Some(79));
    // The reviews requested on 2026-07-20 were only entered when they came in.
    assert_eq!(
        signals[0].message,
        "No review of the packet by a staff-level peer yet (packets are due 15 Sep 2026)."
    );
    s.quiet(&["2026-08-03", "2026-08-11"]).await;
    // Eight weeks for the manager instead, the others back to their defaults (set on the same
    // day, so it replaces the change above): due 2026-07-21, before the reviews came in.
    {
        let _on = s.on(CREATED);
        s.set_thresholds(|t| t.manager_review_weeks = 8).await;
    }
    s.quiet(&["2026-07-20"]).await;
    assert_eq!(
        rules_since(&s.signals("2026-07-21").await),
        [("packet.no_manager_review", date("2026-07-21"))]
    );
    s.quiet(&["2026-08-03"]).await;
}

// ---------------------------------------------------------------------------------------------
// rule_of_thumb.unmet / rule_of_thumb.unchecked
// ---------------------------------------------------------------------------------------------

/// Enters a rule of thumb on the day it was said (one said before [`CREATED`], on that day).
async fn say(s: &Scene, draft: RuleDraft) -> trellis_core::model::RuleOfThumb {
    let _on = s.on(entry_day(&draft.said_on));
    s.ts.create_rule(&draft).await.unwrap()
}

#[tokio::test]
async fn an_unmet_rule_fires_from_the_day_it_was_said_until_it_is_met() {
    let s = scene().await;
    let rule = say(
        &s,
        rule_draft(
            "Two leaders must speak for you",
            "2026-03-10",
            Some(trellis_core::model::Check::MinAdvocates { count: 2 }),
        ),
    )
    .await;
    s.quiet(&["2026-03-09"]).await;
    let signal = s.only("2026-03-10", SignalRule::RuleOfThumbUnmet).await;
    assert_signal(
        &signal,
        SignalRule::RuleOfThumbUnmet,
        Severity::High,
        "2026-03-10",
        vec![cause(
            RecordKind::Rule,
            rule.id.as_str(),
            "Two leaders must speak for you",
        )],
    );
    assert_eq!(signal.lead_time_days, Some(219));
    assert_eq!(
        signal.message,
        "Confirmed rule of thumb unmet: \u{201c}Two leaders must speak for you\u{201d}. 1 \
         advocate(s) with strong or moderate support."
    );
    assert_eq!(
        signal.cause_key,
        format!("rule_of_thumb.unmet|{}:{}", rule.id, s.ada.candidate.id)
    );

    // A second (moderate) advocate on 2026-04-01 meets it from then on.
    {
        let _on = s.on("2026-04-01");
        s.ts.create_advocate(
            &s.ada.report.id,
            &trellis_core::model::AdvocateDraft {
                strength: Some(trellis_core::model::SupportStrength::Moderate),
                last_checked: String::new(),
                ..advocate_draft(&s.cast.omar.id)
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        s.only("2026-03-31", SignalRule::RuleOfThumbUnmet)
            .await
            .since,
        date("2026-03-10")
    );
    s.quiet(&["2026-04-01", CALIBRATION]).await;
}

#[tokio::test]
async fn a_rule_met_exactly_at_its_threshold_does_not_fire() {
    let s = scene().await;
    say(
        &s,
        rule_draft(
            "A leader must speak for you",
            "2026-03-10",
            Some(trellis_core::model::Check::MinAdvocates { count: 1 }),
        ),
    )
    .await;
    s.quiet(&["2026-03-10", CALIBRATION]).await;
    // Two would not be met: the rule is really judged.
    say(
        &s,
        rule_draft(
            "Two leaders must speak for you",
            "2026-03-10",
            Some(trellis_core::model::Check::MinAdvocates { count: 2 }),
        ),
    )
    .await;
    s.only("2026-03-10", SignalRule::RuleOfThumbUnmet).await;
}

#[tokio::test]
async fn a_rule_said_before_the_candidacy_counts_from_the_day_they_joined() {
    let s = scene().await;
    // Said in 2025, entered with the rest of the record on 2026-01-05, when Ada joined the
    // cycle.
    let rule = say(
        &s,
        RuleDraft {
            confirmed: false,
            ..rule_draft(
                "Has led a strategy",
                "2025-11-10",
                Some(trellis_core::model::Check::LedEvidenceOfKind {
                    kinds: vec![EvidenceKind::Strategy],
                }),
            )
        },
    )
    .await;
    s.quiet(&["2026-01-04"]).await;
    let signal = s.only(CREATED, SignalRule::RuleOfThumbUnmet).await;
    assert_eq!(signal.severity, Severity::Medium, "hearsay weighs less");
    assert_eq!(signal.since, date(CREATED));
    assert_eq!(signal.lead_time_days, Some(283));
    assert!(signal
        .message
        .starts_with("Hearsay rule of thumb unmet: \u{201c}Has led a strategy\u{201d}."));
    assert_eq!(
        signal.cause_key,
        format!("rule_of_thumb.unmet|{}:{}", rule.id, s.ada.candidate.id)
    );
    // Leading a strategy (started 2026-05-11, entered and seen that day) meets it.
    let strategy = s
        .evidence(EvidenceDraft {
            kind: Some(EvidenceKind::Strategy),
            ..work("Ada: storage strategy", "2026-05-11")
        })
        .await;
    s.see(&strategy, &s.cast.samira.id, "2026-05-11").await;
    assert_eq!(
        s.only("2026-05-10", SignalRule::RuleOfThumbUnmet)
            .await
            .cause_key,
        signal.cause_key
    );
    s.quiet(&["2026-05-11"]).await;
}

#[tokio::test]
async fn a_rule_without_a_check_is_unchecked_until_the_manager_calls_it() {
    let s = scene().await;
    let rule = say(
        &s,
        rule_draft("Impact must be visible outside the org", "2026-03-10", None),
    )
    .await;
    s.quiet(&["2026-03-09"]).await;
    let signal = s.only("2026-03-10", SignalRule::RuleOfThumbUnchecked).await;
    assert_signal(
        &signal,
        SignalRule::RuleOfThumbUnchecked,
        Severity::Low,
        "2026-03-10",
        vec![cause(
            RecordKind::Rule,
            rule.id.as_str(),
            "Impact must be visible outside the org",
        )],
    );
    assert_eq!(
        signal.message,
        "Confirmed rule of thumb not checked: \u{201c}Impact must be visible outside the org\
         \u{201d}. No machine check; not checked by hand yet."
    );
    assert_eq!(
        signal.action,
        "Check it by hand on the candidate's checklist."
    );

    // Called met on 2026-04-01.
    {
        let _on = s.on("2026-04-01");
        s.ts.set_rule_check(&s.ada.candidate.id, &rule.id, Some(ManualStatus::Met), "")
            .await
            .unwrap();
    }
    s.only("2026-03-31", SignalRule::RuleOfThumbUnchecked).await;
    s.quiet(&["2026-04-01", CALIBRATION]).await;

    // Called unmet on 2026-05-01: met until then, unmet from that day.
    {
        let _on = s.on("2026-05-01");
        s.ts.set_rule_check(
            &s.ada.candidate.id,
            &rule.id,
            Some(ManualStatus::Unmet),
            "Nobody outside payments has heard of it.",
        )
        .await
        .unwrap();
    }
    s.quiet(&["2026-04-30"]).await;
    let unmet = s.only("2026-05-01", SignalRule::RuleOfThumbUnmet).await;
    assert_eq!(unmet.since, date("2026-05-01"));
    assert_eq!(unmet.lead_time_days, Some(167));
    assert!(unmet
        .message
        .ends_with("Nobody outside payments has heard of it."));
    assert_eq!(
        s.only("2026-03-31", SignalRule::RuleOfThumbUnchecked)
            .await
            .since,
        date("2026-03-10"),
        "the past stays as it was"
    );

    // Cleared on 2026-06-01: unchecked again from that day, as if never called.
    {
        let _on = s.on("2026-06-01");
        s.ts.set_rule_check(&s.ada.candidate.id, &rule.id, None, "")
            .await
            .unwrap();
    }
    s.only("2026-05-31", SignalRule::RuleOfThumbUnmet).await;
    let cleared = s.only("2026-06-01", SignalRule::RuleOfThumbUnchecked).await;
    assert_eq!(cleared.since, date("2026-06-01"));
    assert_eq!(cleared.message, signal.message);
}

#[tokio::test]
async fn a_machine_check_that_cannot_tell_is_unchecked() {
    let s = scene().await;
    // Ada's mentee feedback (2025-12-01, 2026-06-01) is older than the last month before
    // calibration: nothing to judge by.
    say(
        &s,
        rule_draft(
            "Mentees must be happy",
            "2026-03-10",
            Some(trellis_core::model::Check::PositiveMentorshipFeedback { months: 1 }),
        ),
    )
    .await;
    s.quiet(&["2026-03-09"]).await;
    let signal = s.only("2026-09-20", SignalRule::RuleOfThumbUnchecked).await;
    assert_eq!(signal.since, date("2026-03-10"));
    assert!(signal
        .message
        .ends_with("No mentee feedback in the 1 months before calibration."));
}

#[tokio::test]
async fn rules_for_other_levels_archetypes_retired_or_not_yet_said_never_fire() {
    let s = scene().await;
    let unmet = Some(trellis_core::model::Check::MinAdvocates { count: 5 });
    let principal = level_id(&s.ts, "Principal").await;
    for draft in [
        RuleDraft {
            levels: vec![principal.clone()],
            ..rule_draft("Principal only", "2026-03-10", unmet.clone())
        },
        RuleDraft {
            archetypes: vec![Archetype::Solver, Archetype::RightHand],
            ..rule_draft("Solvers only", "2026-03-10", unmet.clone())
        },
        RuleDraft {
            retired: true,
            ..rule_draft("Retired", "2026-03-10", unmet.clone())
        },
        rule_draft("Said after the calibration", "2026-10-16", unmet),
    ] {
        say(&s, draft).await;
    }
    s.quiet(&["2026-03-10", CALIBRATION]).await;
    // The level is the candidacy's target: a candidate for Principal meets the first rule.
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    {
        let _on = s.on(CREATED);
        s.ts.add_candidate(
            &s.cycle.id,
            &trellis_core::model::CandidateDraft {
                target_level_id: Some(principal),
                ..candidate_draft(&bea.id, CREATED)
            },
        )
        .await
        .unwrap();
    }
    let bea_rules: Vec<String> = of_rule(
        &s.signals_of(&bea.id, CALIBRATION).await,
        SignalRule::RuleOfThumbUnmet,
    )
    .iter()
    .map(|s| s.causes[0].title.clone())
    .collect();
    assert_eq!(bea_rules, ["Principal only"]);
    // Applicable levels, same for the said-later rule once said.
    let later: Vec<String> = of_rule(
        &s.signals_of(&bea.id, "2026-10-16").await,
        SignalRule::RuleOfThumbUnmet,
    )
    .iter()
    .map(|s| s.causes[0].title.clone())
    .collect();
    assert_eq!(later.len(), 2);
    assert!(later.contains(&"Said after the calibration".to_owned()));
}

// ---------------------------------------------------------------------------------------------
// visibility.high_impact_unseen / visibility.seen_share_low
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn high_impact_work_the_committee_has_not_seen_fires_until_a_member_sees_it() {
    let s = scene().await;
    let fraud = s.evidence(shipped("Fraud model", "2026-04-13")).await;
    s.quiet(&["2026-04-12"]).await;
    let signal = s.only("2026-04-13", SignalRule::HighImpactUnseen).await;
    assert_signal(
        &signal,
        SignalRule::HighImpactUnseen,
        Severity::High,
        "2026-04-13",
        vec![cause(RecordKind::Evidence, fraud.as_str(), "Fraud model")],
    );
    assert_ada(&signal, &s);
    assert_eq!(signal.lead_time_days, Some(185));
    assert_eq!(
        signal.message,
        "One piece of their strongest work has not been seen by the committee."
    );
    assert_eq!(
        signal.cause_key,
        format!("visibility.high_impact_unseen|{fraud}")
    );
    // A leader outside the committee does not count; a member does, from the day they saw it.
    s.see(&fraud, &s.cast.omar.id, "2026-04-20").await;
    s.see(&fraud, &s.cast.samira.id, "2026-05-01").await;
    assert_eq!(
        s.only("2026-04-30", SignalRule::HighImpactUnseen)
            .await
            .since,
        date("2026-04-13")
    );
    s.quiet(&["2026-05-01", CALIBRATION]).await;
}

#[tokio::test]
async fn only_finished_led_or_co_led_work_with_impact_counts_and_the_flagship_whenever_it_ran() {
    let s = scene().await;
    let not_strongest = [
        EvidenceDraft {
            ended_on: "2026-04-13".to_owned(),
            ..evidence_with(
                "Contributed",
                "2026-04-13",
                EvidenceRole::Contributed,
                "Saved 3 days",
                WorkMix::HighLeverage,
            )
        },
        EvidenceDraft {
            ended_on: "2026-04-13".to_owned(),
            ..evidence_with(
                "Advised",
                "2026-04-13",
                EvidenceRole::Advised,
                "Saved 3 days",
                WorkMix::HighLeverage,
            )
        },
        EvidenceDraft {
            ended_on: "2026-04-13".to_owned(),
            ..evidence_with(
                "Led, no impact",
                "2026-04-13",
                EvidenceRole::Led,
                "",
                WorkMix::Untagged,
            )
        },
        // Tagged high-leverage but without a number: nothing to show the committee yet.
        EvidenceDraft {
            ended_on: "2026-04-13".to_owned(),
            ..evidence_with(
                "Led, high leverage, no number",
                "2026-04-13",
                EvidenceRole::Led,
                "",
                WorkMix::HighLeverage,
            )
        },
        // Led with a number, but still under way (not done, not in production).
        evidence_with(
            "Led, still under way",
            "2026-04-13",
            EvidenceRole::Led,
            "Saved 3 days so far",
            WorkMix::Untagged,
        ),
        // Led with a number, but snacking: never the strongest work.
        EvidenceDraft {
            ended_on: "2026-04-13".to_owned(),
            ..evidence_with(
                "Led, snacking",
                "2026-04-13",
                EvidenceRole::Led,
                "Saved 3 days",
                WorkMix::Snacking,
            )
        },
        // Ended before the cycle opened (2026-01-01): not what the committee judges.
        EvidenceDraft {
            ended_on: "2025-12-31".to_owned(),
            ..evidence_with(
                "Before the cycle",
                "2025-12-15",
                EvidenceRole::Led,
                "Saved 3 days",
                WorkMix::HighLeverage,
            )
        },
    ];
    for draft in not_strongest {
        s.evidence(draft).await;
    }
    s.quiet(&["2026-04-13", CALIBRATION]).await;

    let co_led = s
        .evidence(EvidenceDraft {
            ended_on: "2026-04-20".to_owned(),
            ..evidence_with(
                "Co-led",
                "2026-04-20",
                EvidenceRole::CoLed,
                "p99 −40%",
                WorkMix::Untagged,
            )
        })
        .await;
    let in_production = s
        .evidence(EvidenceDraft {
            in_production_since: "2026-04-27".to_owned(),
            ..evidence_with(
                "Led, in production, still being extended",
                "2026-04-27",
                EvidenceRole::Led,
                "Checkout errors −30%",
                WorkMix::HighLeverage,
            )
        })
        .await;
    let signal = s.only("2026-04-27", SignalRule::HighImpactUnseen).await;
    assert_eq!(signal.since, date("2026-04-20"));
    assert_eq!(
        signal.causes,
        [
            cause(
                RecordKind::Evidence,
                in_production.as_str(),
                "Led, in production, still being extended"
            ),
            cause(RecordKind::Evidence, co_led.as_str(), "Co-led"),
        ],
        "newest first, as the record lists evidence"
    );
    assert_eq!(
        signal.message,
        "2 pieces of their strongest work have not been seen by the committee."
    );
    let mut ids = [co_led.to_string(), in_production.to_string()];
    ids.sort();
    assert_eq!(
        signal.cause_key,
        format!("visibility.high_impact_unseen|{}", ids.join(","))
    );

    // Work started before the cycle and still running when it opened counts.
    let running = s
        .evidence(EvidenceDraft {
            ended_on: "2026-01-01".to_owned(),
            ..work("Running when the cycle opened", "2025-12-01")
        })
        .await;
    let signal = s.only("2026-04-27", SignalRule::HighImpactUnseen).await;
    assert_eq!(signal.causes.len(), 3);
    assert_eq!(signal.causes[2].id, running.as_str());

    // Work that ended long before, once marked the flagship, counts again, first.
    let before = s
        .evidence(EvidenceDraft {
            ended_on: "2025-06-30".to_owned(),
            flagship: true,
            ..work("The flagship, from last year", "2025-03-03")
        })
        .await;
    let signal = s.only("2026-04-27", SignalRule::HighImpactUnseen).await;
    assert_eq!(signal.causes[0].id, before.as_str(), "the flagship leads");
    assert!(
        signal.message.ends_with(", the flagship among them."),
        "{}",
        signal.message
    );
}

/// `since` is the first day a manager opening Trellis daily would have seen the signal: for
/// a visibility gap, the start of the unbroken run of days on which some of the strongest work
/// was unseen, even while the pieces behind it change (the acknowledgement follows the pieces:
/// the cause key changes with them). Here the fraud model was unseen from 2026-03-09 until
/// 2026-04-20, and the card vault from 2026-04-13: one gap, shown every day since 2026-03-09.
#[tokio::test]
async fn a_visibility_gap_dates_from_the_start_of_the_unbroken_gap_while_its_pieces_change() {
    let s = scene().await;
    let first = s.evidence(shipped("Fraud model", "2026-03-09")).await;
    let second = s.evidence(shipped("Card vault", "2026-04-13")).await;
    s.see(&first, &s.cast.morgan.id, "2026-04-20").await;
    let signal = s.only("2026-05-01", SignalRule::HighImpactUnseen).await;
    assert_eq!(
        signal.causes,
        [cause(RecordKind::Evidence, second.as_str(), "Card vault")]
    );
    assert_eq!(signal.since, date("2026-03-09"));
    assert_eq!(
        signal.cause_key,
        format!("visibility.high_impact_unseen|{second}"),
        "an acknowledgement covers the card vault only"
    );
    // Once the card vault is seen, the gap is closed; a new one starts afresh.
    s.see(&second, &s.cast.morgan.id, "2026-05-04").await;
    s.quiet(&["2026-05-04"]).await;
    let third = s.evidence(shipped("Risk engine", "2026-06-01")).await;
    let signal = s.only("2026-06-15", SignalRule::HighImpactUnseen).await;
    assert_eq!(signal.since, date("2026-06-01"));
    assert_eq!(signal.causes[0].id, third.as_str());
}

#[tokio::test]
async fn without_a_cycle_the_skip_level_is_the_audience_and_the_last_year_the_period() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    let e = {
        let _on = s.on("2026-03-02");
        let e =
            s.ts.create_evidence(&bea.id, &shipped("Bea: search relevance", "2026-03-02"))
                .await
                .unwrap()
                .id;
        // Samira is leadership (not the skip-level).
        s.ts.add_visibility(&e, &seen(&s.cast.samira.id, "2026-03-02"))
            .await
            .unwrap();
        e
    };
    // An old unseen piece of work, ended more than a year before the as-of date: out of
    // scope.
    {
        let _on = s.on(CREATED);
        s.ts.create_evidence(
            &bea.id,
            &EvidenceDraft {
                ended_on: "2025-02-28".to_owned(),
                ..work("Bea: old migration", "2025-02-03")
            },
        )
        .await
        .unwrap();
    }
    let signal = one(
        &s.signals_of(&bea.id, "2026-03-02").await,
        SignalRule::HighImpactUnseen,
    );
    assert_eq!(
        signal.message,
        "One piece of their strongest work has not been seen by the skip-level."
    );
    assert_eq!(
        signal.causes,
        [cause(
            RecordKind::Evidence,
            e.as_str(),
            "Bea: search relevance"
        )]
    );
    assert_eq!(signal.since, date("2026-03-02"));
    assert_eq!(signal.lead_time_days, None, "not a candidate");
    {
        let _on = s.on("2026-04-01");
        s.ts.add_visibility(&e, &seen(&s.cast.morgan.id, "2026-04-01"))
            .await
            .unwrap();
    }
    assert_eq!(
        of_rule(
            &s.signals_of(&bea.id, "2026-03-31").await,
            SignalRule::HighImpactUnseen
        )
        .len(),
        1
    );
    assert!(of_rule(
        &s.signals_of(&bea.id, "2026-04-01").await,
        SignalRule::HighImpactUnseen
    )
    .is_empty());
    // The old migration: unseen, and it ended less than a year before 2026-02-02.
    assert_eq!(
        one(
            &s.signals_of(&bea.id, "2026-02-02").await,
            SignalRule::HighImpactUnseen
        )
        .causes[0]
            .title,
        "Bea: old migration"
    );
    assert!(of_rule(
        &s.signals_of(&bea.id, "2026-03-01").await,
        SignalRule::HighImpactUnseen
    )
    .is_empty());
}

/// The committee is its members who had joined by the day: work only a later member saw is
/// unseen by the committee until they join.
#[tokio::test]
async fn a_committee_member_counts_from_the_day_they_joined() {
    let (ts, clock) = store_on(CREATED).await;
    let cast = cast(&ts).await;
    let cycle = ts
        .create_cycle(&trellis_core::model::CycleDraft {
            joined: vec![trellis_core::model::JoinedDraft {
                person_id: cast.samira.id.clone(),
                joined_on: "2026-06-01".to_owned(),
            }],
            ..cycle_draft(CYCLE, &[&cast.morgan.id, &cast.samira.id])
        })
        .await
        .unwrap();
    let ada = clean_candidate(&ts, &clock, &cast, &cycle, "Ada Lovelace", Some(DRAFTED)).await;
    // Every other monthly item was seen by Samira only.
    let by_samira: Vec<&EvidenceId> = ada.monthly.iter().skip(1).step_by(2).collect();
    let unseen = |day: &'static str| {
        let ts = &ts;
        let id = ada.report.id.clone();
        async move {
            let signals = ts.report_radar(&id, date(day)).await.unwrap().signals;
            of_rule(&signals, SignalRule::HighImpactUnseen)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        }
    };
    let before = unseen("2026-03-01").await;
    assert_eq!(before.len(), 1);
    let mut causes: Vec<&str> = before[0].causes.iter().map(|c| c.id.as_str()).collect();
    causes.sort_unstable();
    // The items of 2025-10-06 and 2025-12-01 ended before the cycle opened: only 2026-02-02
    // is among the work the committee judges.
    assert_eq!(causes, [by_samira[2].as_str()], "2026-02-02");
    assert_eq!(
        before[0].message,
        "One piece of their strongest work has not been seen by the committee."
    );
    assert_eq!(unseen("2026-05-31").await.len(), 1);
    assert!(unseen("2026-06-01").await.is_empty(), "Samira has joined");
    assert!(unseen(CALIBRATION).await.is_empty());
}

/// Bea, outside any cycle: led, quantified items (her strongest work) started and entered on
/// `days`, the first seen by the skip-level the day it started; and one unseen contribution.
async fn bea_with_items(s: &Scene, days: &[&str]) -> ReportId {
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    for (i, day) in days.iter().enumerate() {
        let _on = s.on(day);
        let e =
            s.ts.create_evidence(
                &bea.id,
                &EvidenceDraft {
                    ended_on: (*day).to_owned(),
                    ..evidence_with(
                        &format!("Bea: item {i}"),
                        day,
                        EvidenceRole::Led,
                        "Saved 2 days a week",
                        WorkMix::HighLeverage,
                    )
                },
            )
            .await
            .unwrap();
        if i == 0 {
            s.ts.add_visibility(&e.id, &seen(&s.cast.morgan.id, day))
                .await
                .unwrap();
        }
    }
    // Contributions (not her strongest work), unseen, count for nothing.
    let _on = s.on("2026-03-02");
    s.ts.create_evidence(
        &bea.id,
        &evidence_with(
            "Bea: helped",
            "2026-03-02",
            EvidenceRole::Contributed,
            "Saved 2 days a week",
            WorkMix::HighLeverage,
        ),
    )
    .await
    .unwrap();
    bea.id
}

#[tokio::test]
async fn seen_share_low_fires_below_half_and_not_at_half() {
    let s = scene().await;
    let bea = bea_with_items(&s, &["2026-03-02", "2026-04-06", "2026-05-04"]).await;
    let share = |day: &'static str| {
        let s = &s;
        let bea = bea.clone();
        async move { of_rule(&s.signals_of(&bea, day).await, SignalRule::SeenShareLow).len() }
    };
    assert_eq!(share("2026-03-02").await, 0, "one item: too few to judge");
    assert_eq!(share("2026-04-06").await, 0, "1 of 2 seen: exactly half");
    assert_eq!(share("2026-05-03").await, 0);
    let signal = one(
        &s.signals_of(&bea, "2026-05-04").await,
        SignalRule::SeenShareLow,
    );
    assert_signal(
        &signal,
        SignalRule::SeenShareLow,
        Severity::Medium,
        "2026-05-04",
        Vec::new(),
    );
    assert_eq!(
        signal.message,
        "Only 1 of their 3 strongest pieces of work have been seen by the skip-level."
    );
    assert_eq!(signal.lead_time_days, None);
    assert_eq!(signal.cause_key, "visibility.seen_share_low|");

    // At 51 % (set before any of it was entered) half is too little: from the second item on.
    {
        let _on = s.on(CREATED);
        s.set_thresholds(|t| t.seen_share_percent = 51).await;
    }
    assert_eq!(share("2026-04-05").await, 0);
    let signal = one(
        &s.signals_of(&bea, "2026-04-06").await,
        SignalRule::SeenShareLow,
    );
    assert_eq!(signal.since, date("2026-04-06"));
    assert_eq!(
        one(
            &s.signals_of(&bea, "2026-05-04").await,
            SignalRule::SeenShareLow
        )
        .since,
        date("2026-04-06")
    );
}

#[tokio::test]
async fn seen_share_low_for_a_candidate_counts_the_cycle_and_has_a_lead_time() {
    let s = scene().await;
    // Ada's strongest work on 2026-04-06: the four monthly items done since the cycle opened
    // (2026-01 to 2026-04; those done before it do not count), all seen. Her led, quantified
    // work from 2026-04-07 on, unseen, makes it 4 of 8 by 2026-04-10, then 4 of 9.
    let low = |day: &'static str| {
        let s = &s;
        async move { of_rule(&s.signals(day).await, SignalRule::SeenShareLow).len() }
    };
    for i in 0..4 {
        let day = format!("2026-04-{:02}", 7 + i);
        s.evidence(shipped(&format!("Ada: side project {i}"), &day))
            .await;
        // Contributions do not count, seen or not.
        s.evidence(evidence_with(
            &format!("Ada: help {i}"),
            &day,
            EvidenceRole::Contributed,
            "1 day saved",
            WorkMix::HighLeverage,
        ))
        .await;
    }
    assert_eq!(low("2026-04-10").await, 0, "4 of 8: half");
    s.evidence(shipped("Ada: side project 4", "2026-04-11"))
        .await;
    let signal = one(&s.signals("2026-04-11").await, SignalRule::SeenShareLow);
    assert_eq!(signal.since, date("2026-04-11"));
    assert_eq!(signal.lead_time_days, Some(187));
    assert_eq!(
        signal.message,
        "Only 4 of their 9 strongest pieces of work have been seen by the committee."
    );
    assert_eq!(signal.causes, Vec::new());
    // The May item (done and seen) brings it back to half.
    assert_eq!(low("2026-05-03").await, 1);
    assert_eq!(low("2026-05-04").await, 0);
}

// ---------------------------------------------------------------------------------------------
// mentorship.negative_unaddressed
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn negative_feedback_fires_from_the_day_received_until_addressed() {
    let s = scene().await;
    let m = {
        let _on = s.on("2026-03-10");
        s.ts.add_feedback(
            &s.ada.mentorship,
            &FeedbackDraft {
                words: "Cancels our sessions every other week.".to_owned(),
                ..feedback("2026-03-10", Sentiment::Negative)
            },
        )
        .await
        .unwrap()
    };
    let f = m
        .feedback
        .iter()
        .find(|f| f.sentiment == Sentiment::Negative)
        .unwrap()
        .clone();
    s.quiet(&["2026-03-09"]).await;
    let signal = s
        .only("2026-03-10", SignalRule::NegativeFeedbackUnaddressed)
        .await;
    assert_signal(
        &signal,
        SignalRule::NegativeFeedbackUnaddressed,
        Severity::High,
        "2026-03-10",
        vec![cause(
            RecordKind::Feedback,
            f.id.as_str(),
            "Cancels our sessions every other week.",
        )],
    );
    assert_eq!(signal.lead_time_days, Some(219));
    assert_eq!(
        signal.message,
        "Negative feedback from Jamie Chen (10 Mar 2026) not addressed."
    );
    s.only(CALIBRATION, SignalRule::NegativeFeedbackUnaddressed)
        .await;

    {
        let _on = s.on("2026-04-01");
        s.ts.update_feedback(
            &f.id,
            f.version,
            &FeedbackDraft {
                addressed_on: "2026-04-01".to_owned(),
                addressed_action: "Moved the sessions to a fixed slot.".to_owned(),
                ..feedback_draft_of(&f)
            },
        )
        .await
        .unwrap();
    }
    s.only("2026-03-31", SignalRule::NegativeFeedbackUnaddressed)
        .await;
    s.quiet(&["2026-04-01", CALIBRATION]).await;
}

#[tokio::test]
async fn mixed_feedback_is_not_negative() {
    let s = scene().await;
    {
        let _on = s.on("2026-03-10");
        s.ts.add_feedback(&s.ada.mentorship, &feedback("2026-03-10", Sentiment::Mixed))
            .await
            .unwrap();
    }
    s.quiet(&["2026-03-10", CALIBRATION]).await;
    assert_eq!(
        s.ts.report_radar(&s.ada.report.id, date("2026-03-10"))
            .await
            .unwrap()
            .signals,
        Vec::new(),
        "the mixed feedback is in the record replayed on its day"
    );
}

// ---------------------------------------------------------------------------------------------
// mandate.*
// ---------------------------------------------------------------------------------------------

async fn ada_mandate(s: &Scene) -> trellis_core::model::Mandate {
    let m = s.ts.mandates(&s.ada.report.id).await.unwrap().remove(0);
    assert_eq!(m.id, s.ada.mandate);
    m
}

#[tokio::test]
async fn mandate_missing_fires_from_the_day_the_mandate_ended_until_a_new_one() {
    let s = scene().await;
    let m = ada_mandate(&s).await;
    {
        let _on = s.on("2026-03-31");
        s.ts.close_mandate(
            &m.id,
            m.version,
            &closing(MandateStatus::Completed, "Shipped.", "2026-03-31"),
        )
        .await
        .unwrap();
    }
    s.quiet(&["2026-03-30"]).await;
    let signal = s.only("2026-03-31", SignalRule::MandateMissing).await;
    assert_signal(
        &signal,
        SignalRule::MandateMissing,
        Severity::Medium,
        "2026-03-31",
        Vec::new(),
    );
    assert_eq!(signal.lead_time_days, Some(198));
    assert_eq!(signal.cause_key, "mandate.missing|");
    {
        let _on = s.on("2026-04-15");
        s.ts.set_mandate(
            &s.ada.report.id,
            &MandateDraft {
                set_on: "2026-04-15".to_owned(),
                review_by: "2027-01-31".to_owned(),
                ..mandate_draft("Ada: own the storage roadmap.")
            },
            None,
        )
        .await
        .unwrap();
    }
    assert_eq!(
        s.only("2026-04-14", SignalRule::MandateMissing).await.since,
        date("2026-03-31")
    );
    s.quiet(&["2026-04-15", CALIBRATION]).await;
}

/// What is missing from a report (here a mandate) counts from the day the report was entered,
/// not from when they took the role (nobody could have known before).
#[tokio::test]
async fn a_report_who_never_had_a_mandate_misses_one_from_the_day_they_were_entered() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    assert!(of_rule(
        &s.signals_of(&bea.id, "2026-01-04").await,
        SignalRule::MandateMissing
    )
    .is_empty());
    let signal = one(
        &s.signals_of(&bea.id, "2026-03-01").await,
        SignalRule::MandateMissing,
    );
    assert_eq!(
        signal.since,
        date(CREATED),
        "entered on 2026-01-05 (in the role since 2024)"
    );
    assert_eq!(signal.lead_time_days, None);
}

#[tokio::test]
async fn a_mandate_review_date_is_overdue_from_the_day_after_it() {
    let s = scene().await;
    let m = ada_mandate(&s).await;
    let m = {
        let _on = s.on("2026-02-02");
        s.ts.update_mandate(
            &m.id,
            m.version,
            &MandateDraft {
                review_by: "2026-04-30".to_owned(),
                ..mandate_draft_of(&m)
            },
        )
        .await
        .unwrap()
    };
    s.quiet(&["2026-04-30"]).await;
    let signal = s.only("2026-05-01", SignalRule::MandateReviewOverdue).await;
    assert_signal(
        &signal,
        SignalRule::MandateReviewOverdue,
        Severity::Medium,
        "2026-05-01",
        vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
    );
    assert_eq!(signal.lead_time_days, Some(167));
    assert_eq!(
        signal.message,
        "The mandate's review date (30 Apr 2026) has passed."
    );
    // Reviewed: a new mandate from 2026-06-01.
    {
        let _on = s.on("2026-06-01");
        s.ts.set_mandate(
            &s.ada.report.id,
            &MandateDraft {
                set_on: "2026-06-01".to_owned(),
                review_by: "2027-01-31".to_owned(),
                ..mandate_draft("Ada: same problem, one more year.")
            },
            Some(&closing(
                MandateStatus::Completed,
                "Reviewed.",
                "2026-06-01",
            )),
        )
        .await
        .unwrap();
    }
    s.only("2026-05-31", SignalRule::MandateReviewOverdue).await;
    s.quiet(&["2026-06-01", CALIBRATION]).await;
}

#[tokio::test]
async fn a_mandate_without_a_review_date_is_never_overdue_and_one_without_a_priority_is_flagged() {
    let s = scene().await;
    let m = ada_mandate(&s).await;
    // Entered without a review date (edited the day it was entered).
    let m = {
        let _on = s.on(CREATED);
        s.ts.update_mandate(
            &m.id,
            m.version,
            &MandateDraft {
                review_by: String::new(),
                ..mandate_draft_of(&m)
            },
        )
        .await
        .unwrap()
    };
    // After the review date it had (2027-01-31).
    s.quiet(&["2026-12-31", "2027-02-01"]).await;
    let m = {
        let _on = s.on("2026-03-02");
        s.ts.update_mandate(
            &m.id,
            m.version,
            &MandateDraft {
                priority: "  ".to_owned(),
                ..mandate_draft_of(&m)
            },
        )
        .await
        .unwrap()
    };
    s.quiet(&["2026-03-01"]).await;
    let signal = s.only("2026-03-02", SignalRule::MandateNoPriority).await;
    assert_signal(
        &signal,
        SignalRule::MandateNoPriority,
        Severity::Low,
        "2026-03-02",
        vec![cause(RecordKind::Mandate, m.id.as_str(), &m.statement)],
    );
    assert_eq!(signal.lead_time_days, Some(227));
    assert_eq!(
        signal.message,
        "The mandate is tied to no company priority."
    );
}

// ---------------------------------------------------------------------------------------------
// archetype.*
// ---------------------------------------------------------------------------------------------

/// Sets Ada's archetypes on [`CREATED`], the day her record was entered: as if entered so.
async fn set_archetypes(s: &Scene, worked: Archetype, needed: Archetype) {
    let report = s.ts.report(&s.ada.report.id).await.unwrap();
    let _on = s.on(CREATED);
    s.ts.update_report(
        &report.id,
        report.version,
        &ReportDraft {
            archetype_worked: Some(worked),
            archetype_needed: Some(needed),
            ..draft_from(&report)
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn an_archetype_mismatch_fires_from_the_day_the_report_was_recorded() {
    let s = scene().await;
    set_archetypes(&s, Archetype::Architect, Archetype::TechLead).await;
    s.quiet(&["2026-01-04"]).await;
    let signal = s.only(CREATED, SignalRule::ArchetypeMismatch).await;
    assert_signal(
        &signal,
        SignalRule::ArchetypeMismatch,
        Severity::Medium,
        CREATED,
        vec![cause(
            RecordKind::Report,
            s.ada.report.id.as_str(),
            "Ada Lovelace",
        )],
    );
    assert_eq!(signal.lead_time_days, Some(283));
    assert_eq!(
        signal.message,
        "Works as Architect while the organisation needs Tech Lead."
    );
    assert_eq!(signal.cause_key, "archetype.mismatch|Architect:TechLead");
}

#[tokio::test]
async fn an_unclear_archetype_is_its_own_signal_not_a_mismatch() {
    for (worked, needed) in [
        (Archetype::Unclear, Archetype::Architect),
        (Archetype::Architect, Archetype::Unclear),
        (Archetype::Unclear, Archetype::Unclear),
    ] {
        let s = scene().await;
        set_archetypes(&s, worked, needed).await;
        let signal = s.only(CREATED, SignalRule::ArchetypeUnclear).await;
        assert_signal(
            &signal,
            SignalRule::ArchetypeUnclear,
            Severity::Low,
            CREATED,
            vec![cause(
                RecordKind::Report,
                s.ada.report.id.as_str(),
                "Ada Lovelace",
            )],
        );
    }
    // Matching archetypes, whichever: nothing.
    for a in [Archetype::TechLead, Archetype::Solver, Archetype::RightHand] {
        let s = scene().await;
        set_archetypes(&s, a, a).await;
        s.quiet(&[CREATED, CALIBRATION]).await;
    }
}

// ---------------------------------------------------------------------------------------------
// cycle.manager_changed / cycle.ladder_changed
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_manager_change_inside_the_cycle_fires_from_its_date() {
    let s = scene().await;
    let change = {
        let _on = s.on("2026-08-03");
        s.ts.add_manager_change(
            &s.ada.report.id,
            &manager_change_draft("2026-08-03", "Dana Cole"),
        )
        .await
        .unwrap()
    };
    s.quiet(&["2026-08-02"]).await;
    let signal = s
        .only("2026-08-03", SignalRule::ManagerChangedInCycle)
        .await;
    assert_signal(
        &signal,
        SignalRule::ManagerChangedInCycle,
        Severity::High,
        "2026-08-03",
        vec![cause(
            RecordKind::ManagerChange,
            change.id.as_str(),
            "Dana Cole",
        )],
    );
    assert_eq!(signal.lead_time_days, Some(73));
    assert_eq!(
        signal.message,
        "Manager changed inside the cycle (3 Aug 2026): Dana Cole."
    );
    s.only("2026-12-01", SignalRule::ManagerChangedInCycle)
        .await;
}

#[tokio::test]
async fn becoming_their_manager_inside_the_cycle_says_so() {
    let s = scene().await;
    let change = {
        let _on = s.on("2026-08-03");
        s.ts.add_manager_change(
            &s.ada.report.id,
            &trellis_core::model::ManagerChangeDraft {
                is_me: true,
                ..manager_change_draft("2026-08-03", "Dana Cole")
            },
        )
        .await
        .unwrap()
    };
    s.quiet(&["2026-08-02"]).await;
    let signal = s
        .only("2026-08-03", SignalRule::ManagerChangedInCycle)
        .await;
    assert_eq!(
        signal.causes,
        [cause(
            RecordKind::ManagerChange,
            change.id.as_str(),
            "Dana Cole"
        )]
    );
    assert_eq!(
        signal.message,
        "You became their manager inside the cycle (3 Aug 2026)."
    );
    assert_eq!(
        signal.action,
        "Ask for the handoff and see their strongest work yourself before you argue for it."
    );
}

#[tokio::test]
async fn manager_changes_count_from_the_day_the_cycle_opens_to_calibration() {
    for (changed_on, inside) in [
        ("2025-12-31", false),
        ("2026-01-01", true),
        (CALIBRATION, true),
        ("2026-10-16", false),
    ] {
        let s = scene().await;
        {
            let _on = s.on(entry_day(changed_on));
            s.ts.add_manager_change(
                &s.ada.report.id,
                &manager_change_draft(changed_on, "Dana Cole"),
            )
            .await
            .unwrap();
        }
        let signals = s.signals("2026-11-20").await;
        if inside {
            // Seen from the day it was entered (a change on the cycle's first day was entered
            // with the rest of Ada's record, on 2026-01-05).
            assert_eq!(
                rules_since(&signals),
                [("cycle.manager_changed", date(entry_day(changed_on)))],
                "{changed_on}"
            );
            assert_eq!(
                signals[0].message,
                format!(
                    "Manager changed inside the cycle ({}): Dana Cole.",
                    date(changed_on).format("%-d %b %Y")
                )
            );
        } else {
            assert!(
                signals.is_empty(),
                "{changed_on}: {:?}",
                rules_since(&signals)
            );
        }
    }
}

#[tokio::test]
async fn a_ladder_change_to_the_target_level_inside_the_cycle_fires_from_its_day() {
    let s = scene().await;
    let target = level_id(&s.ts, "Senior Staff").await;
    {
        let _on = s.on("2026-06-01");
        s.ts.rename_level(&target, "Senior Staff I").await.unwrap();
        // Renaming another level is no concern of this candidacy.
        s.ts.rename_level(&level_id(&s.ts, "Distinguished").await, "Fellow")
            .await
            .unwrap();
    }
    let change =
        s.ts.ladder_changes()
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.level_id == target)
            .unwrap();
    s.quiet(&["2026-05-31"]).await;
    let signal = s.only("2026-06-01", SignalRule::LadderChangedInCycle).await;
    assert_signal(
        &signal,
        SignalRule::LadderChangedInCycle,
        Severity::Medium,
        "2026-06-01",
        vec![cause(
            RecordKind::LadderChange,
            change.id.as_str(),
            "Renamed Senior Staff to Senior Staff I",
        )],
    );
    assert_eq!(signal.lead_time_days, Some(136));
    assert_eq!(
        signal.message,
        "The ladder changed inside the cycle, on their path from Staff to Senior Staff I: \
         Renamed Senior Staff to Senior Staff I."
    );
    assert_eq!(
        signal.action,
        "Check what the change means for their case for Senior Staff I, and tell them."
    );
    s.only(CALIBRATION, SignalRule::LadderChangedInCycle).await;
}

#[tokio::test]
async fn renaming_or_moving_the_current_level_is_on_the_path_too() {
    let s = scene().await;
    let staff = level_id(&s.ts, "Staff").await;
    {
        let _on = s.on("2026-06-01");
        s.ts.rename_level(&staff, "Staff I").await.unwrap();
    }
    let signal = s.only("2026-06-01", SignalRule::LadderChangedInCycle).await;
    assert_eq!(
        signal.message,
        "The ladder changed inside the cycle, on their path from Staff I to Senior Staff: \
         Renamed Staff to Staff I."
    );
    // Moving the level below them (Senior, rank 1) above their current level moves Staff I.
    {
        let _on = s.on("2026-07-01");
        s.ts.move_level(&level_id(&s.ts, "Senior").await, 2)
            .await
            .unwrap();
    }
    let signals = s.signals("2026-07-01").await;
    assert_eq!(
        rules_since(&signals),
        [
            ("cycle.ladder_changed", date("2026-06-01")),
            ("cycle.ladder_changed", date("2026-07-01")),
        ]
    );
    assert_eq!(
        signals[1].causes[0].title,
        "Moved Senior from position 1 to 2"
    );
}

#[tokio::test]
async fn a_ladder_change_off_the_candidates_path_does_not_fire() {
    let s = scene().await;
    // Ada: Staff (2) aiming for Senior Staff (3). Nothing here touches the path between them.
    {
        let _on = s.on("2026-03-02");
        s.ts.rename_level(&level_id(&s.ts, "Distinguished").await, "Fellow")
            .await
            .unwrap();
    }
    {
        let _on = s.on("2026-04-06");
        // Above the target.
        s.ts.add_level(LevelDraft {
            name: "Principal II".to_owned(),
            rank: 5,
        })
        .await
        .unwrap();
    }
    {
        let _on = s.on("2026-05-04");
        s.ts.move_level(&level_id(&s.ts, "Fellow").await, 5)
            .await
            .unwrap();
    }
    {
        let _on = s.on("2026-06-01");
        s.ts.remove_level(&level_id(&s.ts, "Principal II").await)
            .await
            .unwrap();
    }
    {
        let _on = s.on("2026-07-06");
        s.ts.rename_level(&level_id(&s.ts, "Senior").await, "Senior I")
            .await
            .unwrap();
    }
    assert_eq!(s.ts.ladder_changes().await.unwrap().len(), 5);
    s.quiet(&["2026-03-02", "2026-06-01", "2026-07-06", CALIBRATION])
        .await;
    // The same kind of change on their path does fire: a level moved in between them.
    {
        let _on = s.on("2026-08-03");
        s.ts.move_level(&level_id(&s.ts, "Principal").await, 3)
            .await
            .unwrap();
    }
    let signal = s.only("2026-08-03", SignalRule::LadderChangedInCycle).await;
    assert_eq!(
        signal.message,
        "The ladder changed inside the cycle, on their path from Staff to Senior Staff: \
         Moved Principal from position 4 to 3."
    );
}

#[tokio::test]
async fn a_level_added_or_removed_between_their_level_and_the_target_fires() {
    let s = scene().await;
    {
        let _on = s.on("2026-07-01");
        s.ts.add_level(LevelDraft {
            name: "Staff II".to_owned(),
            rank: 3,
        })
        .await
        .unwrap();
    }
    {
        let _on = s.on("2026-07-02");
        let added = level_id(&s.ts, "Staff II").await;
        s.ts.remove_level(&added).await.unwrap();
    }
    s.quiet(&["2026-06-30"]).await;
    let added = s.only("2026-07-01", SignalRule::LadderChangedInCycle).await;
    assert_eq!(added.since, date("2026-07-01"));
    assert_eq!(added.causes[0].title, "Added Staff II at position 3");
    assert_eq!(
        added.message,
        "The ladder changed inside the cycle, on their path from Staff to Senior Staff: Added \
         Staff II at position 3."
    );
    let signals = s.signals("2026-07-02").await;
    let removed: Vec<&Signal> = signals
        .iter()
        .filter(|x| x.causes[0].title == "Removed Staff II from position 3")
        .collect();
    assert_eq!(removed.len(), 1, "{:?}", rules_since(&signals));
    assert_eq!(removed[0].since, date("2026-07-02"));
    assert_eq!(
        rules_since(&signals),
        [
            ("cycle.ladder_changed", date("2026-07-01")),
            ("cycle.ladder_changed", date("2026-07-02")),
        ],
        "SUSPECTED CORE BUG (radar/rules.rs `ladder_changes`): the level added on 2026-07-01 \
         was between Staff and Senior Staff that day, but once it was removed the rule compares \
         its rank then (3) with Senior Staff's rank now (3, back from 4) and drops the \
         addition from the path"
    );
}

/// An addition between their level and the target stays on their path when a later change
/// elsewhere on the ladder shifts the ranks.
#[tokio::test]
async fn a_level_added_on_the_path_stays_on_it_after_a_change_below_the_path() {
    let s = scene().await;
    {
        let _on = s.on("2026-07-01");
        s.ts.add_level(LevelDraft {
            name: "Staff II".to_owned(),
            rank: 3,
        })
        .await
        .unwrap();
    }
    let added = s.only("2026-07-01", SignalRule::LadderChangedInCycle).await;
    // Senior (rank 1, below Ada's Staff) is removed: no concern of hers.
    {
        let _on = s.on("2026-08-03");
        s.ts.remove_level(&level_id(&s.ts, "Senior").await)
            .await
            .unwrap();
    }
    let signals = s.signals("2026-08-03").await;
    assert_eq!(
        rules_since(&signals),
        [("cycle.ladder_changed", date("2026-07-01"))],
        "SUSPECTED CORE BUG (radar/rules.rs `ladder_changes`): Staff II was added between Staff \
         (2) and Senior Staff (3→4) on 2026-07-01; after Senior (below the path) is removed, the \
         rule compares Staff II's rank on its day (3) with Senior Staff's rank now (3) and the \
         addition disappears: {:?}",
        signals.iter().map(|x| &x.message).collect::<Vec<_>>()
    );
    assert_eq!(signals[0].cause_key, added.cause_key);
}

#[tokio::test]
async fn ladder_changes_before_the_cycle_opened_do_not_count() {
    let s = scene().await;
    {
        let _on = s.on("2025-12-31");
        s.ts.rename_level(&level_id(&s.ts, "Senior Staff").await, "Senior Staff I")
            .await
            .unwrap();
    }
    s.quiet(&["2026-01-05", CALIBRATION]).await;
}

// ---------------------------------------------------------------------------------------------
// evidence.duplicate_lead
// ---------------------------------------------------------------------------------------------

/// Ada leads "Checkout rewrite" from 2026-02-16 (seen by the committee that day).
async fn checkout(s: &Scene) -> EvidenceId {
    let e = s.evidence(shipped("Checkout rewrite", "2026-02-16")).await;
    s.see(&e, &s.cast.morgan.id, "2026-02-16").await;
    e
}

#[tokio::test]
async fn two_reports_claiming_to_have_led_the_same_work_are_both_flagged() {
    let s = scene().await;
    let mine = checkout(&s).await;
    let grace = s.plain_report("Grace Hopper", CREATED).await;
    let hers = {
        let _on = s.on("2026-05-04");
        s.ts.create_evidence(&grace.id, &work("  checkout   REWRITE! ", "2026-05-04"))
            .await
            .unwrap()
    };
    s.quiet(&["2026-05-03"]).await;
    let signal = s.only("2026-05-04", SignalRule::DuplicateLead).await;
    assert_signal(
        &signal,
        SignalRule::DuplicateLead,
        Severity::High,
        "2026-05-04",
        vec![
            cause(RecordKind::Evidence, mine.as_str(), "Checkout rewrite"),
            Cause {
                report_id: Some(grace.id.clone()),
                ..cause(
                    RecordKind::Evidence,
                    hers.id.as_str(),
                    "checkout   REWRITE! (Grace Hopper)",
                )
            },
        ],
    );
    assert_eq!(signal.lead_time_days, Some(164));
    assert_eq!(
        signal.message,
        "Grace Hopper is also recorded as having led \u{201c}Checkout rewrite\u{201d}."
    );
    assert_eq!(
        signal.cause_key,
        format!("evidence.duplicate_lead|{mine}:{}", hers.id)
    );
    // Grace sees the same clash from her side.
    let theirs = one(
        &s.signals_of(&grace.id, "2026-05-04").await,
        SignalRule::DuplicateLead,
    );
    assert_eq!(theirs.causes[1].id, mine.as_str());
    assert_eq!(theirs.causes[1].report_id.as_ref(), Some(&s.ada.report.id));
    assert_eq!(theirs.causes[0].report_id, None, "her own evidence");
    assert_eq!(theirs.lead_time_days, None);

    // Settled on 2026-05-20: Grace contributed.
    {
        let _on = s.on("2026-05-20");
        s.ts.update_evidence(
            &hers.id,
            hers.version,
            &EvidenceDraft {
                role: Some(EvidenceRole::Contributed),
                ..evidence_draft_of(&hers)
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        s.only("2026-05-19", SignalRule::DuplicateLead).await.since,
        date("2026-05-04")
    );
    s.quiet(&["2026-05-20", CALIBRATION]).await;
}

#[tokio::test]
async fn work_with_another_title_or_led_by_nobody_else_is_not_a_duplicate() {
    let s = scene().await;
    let mine = checkout(&s).await;
    let grace = s.plain_report("Grace Hopper", CREATED).await;
    let _on = s.on("2026-03-02");
    for (title, role) in [
        ("Checkout rewrite v2", EvidenceRole::Led),
        ("Checkout rewrite", EvidenceRole::CoLed),
        ("Checkout rewrite", EvidenceRole::Advised),
    ] {
        s.ts.create_evidence(
            &grace.id,
            &EvidenceDraft {
                role: Some(role),
                ..work(title, "2026-03-02")
            },
        )
        .await
        .unwrap();
    }
    s.quiet(&["2026-03-02", CALIBRATION]).await;
    // Grace leading it too is a duplicate, from the day it was entered.
    s.ts.create_evidence(&grace.id, &work("Checkout rewrite", "2026-03-02"))
        .await
        .unwrap();
    s.quiet(&["2026-03-01"]).await;
    assert_eq!(
        s.only(CALIBRATION, SignalRule::DuplicateLead).await.since,
        date("2026-03-02")
    );
    // Ada co-leading it herself (recorded on 2026-06-01) is no claim to have led it either.
    s.clock.set("2026-06-01");
    let e = s.ts.evidence_item(&mine).await.unwrap();
    s.ts.update_evidence(
        &mine,
        e.version,
        &EvidenceDraft {
            role: Some(EvidenceRole::CoLed),
            ..evidence_draft_of(&e)
        },
    )
    .await
    .unwrap();
    s.only("2026-05-31", SignalRule::DuplicateLead).await;
    s.quiet(&["2026-06-01", CALIBRATION]).await;
}

// ---------------------------------------------------------------------------------------------
// work_mix.drift
// ---------------------------------------------------------------------------------------------

/// Ada's contributions (not high impact, so no visibility rule is involved) tagged `mix`.
async fn mix(s: &Scene, title: &str, day: &str, mix: WorkMix) -> EvidenceId {
    s.evidence(evidence_with(
        title,
        day,
        EvidenceRole::Contributed,
        "Some number",
        mix,
    ))
    .await
}

#[tokio::test]
async fn work_mix_drifts_at_thirty_percent_of_tagged_recent_work() {
    // On 2026-06-30 Ada's last six months hold six high-leverage items.
    let s = scene().await;
    let snack = mix(&s, "Lint rules", "2026-06-08", WorkMix::Snacking).await;
    let preen = mix(&s, "Review theatre", "2026-06-15", WorkMix::Preening).await;
    // Untagged work does not dilute the share.
    for day in ["2026-06-16", "2026-06-17", "2026-06-18"] {
        mix(&s, &format!("Untagged {day}"), day, WorkMix::Untagged).await;
    }
    s.quiet(&["2026-06-30"]).await; // 2 of 8 tagged: 25 %
    let ghost = mix(
        &s,
        "Old company's cache",
        "2026-06-22",
        WorkMix::ChasingGhosts,
    )
    .await;
    s.quiet(&["2026-06-21"]).await;
    let signal = s.only("2026-06-22", SignalRule::WorkMixDrift).await; // 3 of 9: 33 %
    assert_signal(
        &signal,
        SignalRule::WorkMixDrift,
        Severity::Medium,
        "2026-06-22",
        vec![
            cause(RecordKind::Evidence, ghost.as_str(), "Old company's cache"),
            cause(RecordKind::Evidence, preen.as_str(), "Review theatre"),
            cause(RecordKind::Evidence, snack.as_str(), "Lint rules"),
        ],
    );
    assert_eq!(signal.lead_time_days, Some(115));
    assert_eq!(
        signal.message,
        "3 of the last 6 months' work is snacking, preening or chasing ghosts."
    );
    assert_eq!(
        s.only("2026-09-30", SignalRule::WorkMixDrift).await.since,
        date("2026-06-22")
    );
    // Six months after the first of them two remain, 2 of 6 tagged; a week later one.
    let two = s.only("2026-12-14", SignalRule::WorkMixDrift).await;
    assert_eq!((two.since, two.causes.len()), (date("2026-06-22"), 2));
    s.quiet(&["2026-12-15"]).await;

    // The radar keeps the drift of the cycle after its window has moved past it, and the
    // calibration notes say so.
    let drifted = |day: &'static str| {
        let s = &s;
        async move {
            s.ts.report_radar(&s.ada.report.id, date(day))
                .await
                .unwrap()
                .drifted
        }
    };
    assert_eq!(drifted("2026-06-21").await, []);
    assert_eq!(
        drifted(CALIBRATION).await,
        [Period {
            from: date("2026-06-22"),
            until: None
        }]
    );
    assert_eq!(
        drifted("2027-01-10").await,
        [Period {
            from: date("2026-06-22"),
            until: Some(date("2026-12-14"))
        }]
    );
    let notes =
        s.ts.calibration_notes(
            &ExportScope::Report {
                report_id: s.ada.report.id.clone(),
            },
            &ExportOptions {
                brief: trellis_core::export::Brief::Manager,
                include_private_notes: false,
                include_non_quotable: false,
            },
            date("2027-01-10"),
        )
        .await
        .unwrap();
    assert_eq!(
        notes.reports[0].manager_only.as_ref().unwrap().earlier,
        ["Work mix drifted to snacking, preening or chasing ghosts: Jun 2026 – Dec 2026."]
    );
}

#[tokio::test]
async fn work_mix_follows_a_changed_share_and_needs_two_items() {
    let s = scene().await;
    mix(&s, "Lint rules", "2026-06-08", WorkMix::Snacking).await;
    {
        let _on = s.on("2026-06-08");
        s.set_thresholds(|t| t.work_mix_percent = 12).await;
    }
    s.quiet(&["2026-06-08", "2026-06-30"]).await; // 1 of 7 is 14 %, but one item is not a drift
    mix(&s, "Review theatre", "2026-06-15", WorkMix::Preening).await;
    {
        let _on = s.on("2026-06-15");
        s.set_thresholds(|t| t.work_mix_percent = 25).await;
    }
    let signal = s.only("2026-06-30", SignalRule::WorkMixDrift).await; // 2 of 8: 25 %
    assert_eq!(signal.since, date("2026-06-15"));
    // 26 % from 2026-06-30: no drift from that day on.
    {
        let _on = s.on("2026-06-30");
        s.set_thresholds(|t| t.work_mix_percent = 26).await;
    }
    assert_eq!(
        s.only("2026-06-29", SignalRule::WorkMixDrift).await.since,
        date("2026-06-15")
    );
    s.quiet(&["2026-06-30"]).await;
}

// ---------------------------------------------------------------------------------------------
// evidence.thin / evidence.unquantified
// ---------------------------------------------------------------------------------------------

/// Ada's clean record with nothing recorded from May on (the monthly items from 2026-05-04 are
/// deleted the day they were entered), under thresholds set on [`CREATED`].
async fn thin_scene(change: impl FnOnce(&mut Thresholds)) -> Scene {
    let s = scene().await;
    {
        let _on = s.on(CREATED);
        s.set_thresholds(change).await;
    }
    for (id, day) in s.ada.monthly[8..].iter().zip(&MONTHLY[8..]) {
        let _on = s.on(day);
        s.ts.delete_record(RecordKind::Evidence, id.as_str())
            .await
            .unwrap();
    }
    s
}

#[tokio::test]
async fn evidence_is_thin_once_fewer_than_three_items_fall_in_the_last_six_months() {
    let s = thin_scene(|_| {}).await;
    // 2026-08-01: 02-02, 03-02 and 04-06 are recent. 2026-08-02: 02-02 is six months old.
    s.quiet(&["2026-05-04", "2026-08-01"]).await;
    let signal = s.only("2026-08-02", SignalRule::EvidenceThin).await;
    assert_signal(
        &signal,
        SignalRule::EvidenceThin,
        Severity::Low,
        "2026-08-02",
        Vec::new(),
    );
    assert_eq!(signal.lead_time_days, Some(74));
    assert_eq!(
        signal.message,
        "Only 2 evidence items in the last 6 months."
    );
    assert_eq!(
        s.only(CALIBRATION, SignalRule::EvidenceThin).await.since,
        date("2026-08-02")
    );

    // Two items are enough when the manager says so: thin from 2026-09-02 (03-02 too old).
    let s = thin_scene(|t| t.evidence_min_items = 2).await;
    s.quiet(&["2026-08-02", "2026-09-01"]).await;
    assert_eq!(
        s.only("2026-09-02", SignalRule::EvidenceThin).await.since,
        date("2026-09-02")
    );
    // A longer window holds more: with eight months, 03-02 counts until 2026-11-01.
    let s = thin_scene(|t| {
        t.evidence_min_items = 2;
        t.evidence_months = 8;
    })
    .await;
    s.quiet(&["2026-09-02", "2026-11-01"]).await;
    let signal = s.only("2026-11-02", SignalRule::EvidenceThin).await;
    assert_eq!(signal.since, date("2026-11-02"));
    assert_eq!(
        signal.message,
        "Only one evidence item in the last 8 months."
    );
}

#[tokio::test]
async fn a_record_younger_than_the_window_is_not_thin() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    let thin = |day: &'static str| {
        let s = &s;
        let bea = bea.id.clone();
        async move {
            of_rule(&s.signals_of(&bea, day).await, SignalRule::EvidenceThin)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        }
    };
    assert!(thin("2026-07-04").await.is_empty());
    let signals = thin("2026-07-05").await;
    assert_eq!(signals.len(), 1);
    assert_eq!(signals[0].since, date("2026-07-05"));
    assert_eq!(
        signals[0].message,
        "No evidence recorded in the last 6 months."
    );
}

/// The thin-evidence window starts when the record does (here 2025-08-31). Six months later
/// is 2026-02-28 by `months_after`, but on that day the window `(2025-08-28, 2026-02-28]`
/// does not yet reach back to the record's start; the signal first fires on 2026-03-01.
/// Its `since` should be that first day, not a day on which it did not fire.
#[tokio::test]
async fn thin_evidence_since_is_a_day_it_fired_even_at_a_month_end() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    {
        let _on = s.on(CREATED);
        s.ts.create_evidence(
            &bea.id,
            &evidence_with(
                "Bea: launch",
                "2025-08-31",
                EvidenceRole::Contributed,
                "x",
                WorkMix::HighLeverage,
            ),
        )
        .await
        .unwrap();
    }
    let mut first = None;
    let mut day = date("2026-02-20");
    while day <= date("2026-03-10") {
        let thin = of_rule(
            &s.signals_of(&bea.id, &ymd(day)).await,
            SignalRule::EvidenceThin,
        )
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
        if let Some(signal) = thin.first() {
            let first = *first.get_or_insert(day);
            assert_eq!(
                signal.since, first,
                "on {day}: thin since {}, but it first fired on {first}",
                signal.since
            );
        }
        day = day.succ_opt().unwrap();
    }
    assert_eq!(first, Some(date("2026-03-01")));
}

#[tokio::test]
async fn evidence_is_unquantified_when_half_the_recent_items_have_no_number() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    let add = |title: &'static str, day: &'static str, impact: &'static str| {
        let s = &s;
        let bea = bea.id.clone();
        async move {
            let _on = s.on(day);
            s.ts.create_evidence(
                &bea,
                &evidence_with(
                    title,
                    day,
                    EvidenceRole::Contributed,
                    impact,
                    WorkMix::Untagged,
                ),
            )
            .await
            .unwrap()
            .id
        }
    };
    let unquantified = |day: &'static str| {
        let s = &s;
        let bea = bea.id.clone();
        async move {
            of_rule(
                &s.signals_of(&bea, day).await,
                SignalRule::EvidenceUnquantified,
            )
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
        }
    };
    add("Bea: q1", "2026-03-02", "p99 −20%").await;
    add("Bea: q2", "2026-03-09", "2 teams unblocked").await;
    let b1 = add("Bea: bare 1", "2026-04-06", "").await;
    assert!(unquantified("2026-05-03").await.is_empty(), "one bare item");
    let b2 = add("Bea: bare 2", "2026-05-04", "   ").await;
    let found = unquantified("2026-05-04").await; // 2 of 4: 50 %
    assert_eq!(found.len(), 1);
    assert_signal(
        &found[0],
        SignalRule::EvidenceUnquantified,
        Severity::Low,
        "2026-05-04",
        vec![
            cause(RecordKind::Evidence, b2.as_str(), "Bea: bare 2"),
            cause(RecordKind::Evidence, b1.as_str(), "Bea: bare 1"),
        ],
    );
    assert_eq!(
        found[0].message,
        "2 recent evidence items have no quantified impact."
    );
    add("Bea: q3", "2026-05-11", "$40k a year").await;
    assert_eq!(unquantified("2026-05-10").await.len(), 1);
    assert!(unquantified("2026-05-11").await.is_empty(), "2 of 5: 40 %");
    // 40 % from 2026-05-11: still unquantified, without a break.
    {
        let _on = s.on("2026-05-11");
        s.set_thresholds(|t| t.unquantified_percent = 40).await;
    }
    let found = unquantified("2026-05-11").await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].since, date("2026-05-04"));
    // 41 % instead (set later the same day).
    {
        let _on = s.on("2026-05-11");
        s.set_thresholds(|t| t.unquantified_percent = 41).await;
    }
    assert!(unquantified("2026-05-11").await.is_empty());
    assert_eq!(unquantified("2026-05-10").await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// advocates.none
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn no_advocate_fires_from_the_day_the_report_was_entered_until_one_is() {
    let s = scene().await;
    // Deleted the day it was entered: Ada never had it.
    {
        let _on = s.on(CREATED);
        s.ts.delete_record(RecordKind::Advocate, s.ada.advocate.as_str())
            .await
            .unwrap();
    }
    // Entered (and its advocate deleted) on 2026-01-05: no advocate from that day.
    s.quiet(&["2026-01-04"]).await;
    let signal = s.only("2026-01-19", SignalRule::NoAdvocate).await;
    assert_signal(
        &signal,
        SignalRule::NoAdvocate,
        Severity::Medium,
        CREATED,
        Vec::new(),
    );
    assert_eq!(signal.lead_time_days, Some(283));
    assert_eq!(
        signal.message,
        "No leader is recorded as ready to speak for their work."
    );
    // A weak advocate is no advocate; a moderate one from 2026-03-02 is.
    {
        let _on = s.on("2026-02-02");
        s.ts.create_advocate(
            &s.ada.report.id,
            &trellis_core::model::AdvocateDraft {
                strength: Some(trellis_core::model::SupportStrength::Weak),
                last_checked: String::new(),
                ..advocate_draft(&s.cast.omar.id)
            },
        )
        .await
        .unwrap();
    }
    {
        let _on = s.on("2026-03-02");
        s.ts.create_advocate(
            &s.ada.report.id,
            &trellis_core::model::AdvocateDraft {
                strength: Some(trellis_core::model::SupportStrength::Moderate),
                last_checked: String::new(),
                supporting_since: "2026-03-02".to_owned(),
                ..advocate_draft(&s.cast.morgan.id)
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        s.only("2026-03-01", SignalRule::NoAdvocate).await.since,
        date(CREATED)
    );
    s.quiet(&["2026-03-02", CALIBRATION]).await;
}

// ---------------------------------------------------------------------------------------------
// Determinism and order.
// ---------------------------------------------------------------------------------------------

/// Plants a problem of most kinds on Ada's record (the same way every time).
async fn troubles(s: &Scene) {
    // Never had a manager review, nor the advocate (both deleted the day they were entered).
    let review = review_of(s, ReviewerRole::Manager).await;
    {
        let _on = s.on(REVIEWED);
        s.ts.delete_record(RecordKind::Review, review.id.as_str())
            .await
            .unwrap();
    }
    {
        let _on = s.on(CREATED);
        s.ts.delete_record(RecordKind::Advocate, s.ada.advocate.as_str())
            .await
            .unwrap();
    }
    s.evidence(shipped("Fraud model", "2026-04-13")).await;
    s.evidence(shipped("Card vault", "2026-04-20")).await;
    for day in ["2026-03-10", "2026-03-17"] {
        let _on = s.on(day);
        s.ts.add_feedback(&s.ada.mentorship, &feedback(day, Sentiment::Negative))
            .await
            .unwrap();
    }
    {
        let _on = s.on("2026-08-03");
        s.ts.add_manager_change(
            &s.ada.report.id,
            &manager_change_draft("2026-08-03", "Dana Cole"),
        )
        .await
        .unwrap();
    }
    say(s, rule_draft("Unchecked", "2026-03-10", None)).await;
    say(
        s,
        rule_draft(
            "Unmet",
            "2026-02-10",
            Some(trellis_core::model::Check::MinAdvocates { count: 3 }),
        ),
    )
    .await;
    set_archetypes(s, Archetype::Architect, Archetype::Solver).await;
    let m = ada_mandate(s).await;
    let _on = s.on(CREATED);
    s.ts.update_mandate(
        &m.id,
        m.version,
        &MandateDraft {
            priority: String::new(),
            review_by: "2026-04-30".to_owned(),
            ..mandate_draft_of(&m)
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn the_same_record_and_date_give_the_same_signals_in_the_same_order() {
    let s = scene().await;
    troubles(&s).await;
    let first = s.signals("2026-09-10").await;
    assert_eq!(
        ids_of(&first),
        [
            "rule_of_thumb.unmet",
            "visibility.high_impact_unseen",
            "mentorship.negative_unaddressed",
            "mentorship.negative_unaddressed",
            "cycle.manager_changed",
            "packet.no_manager_review",
            "mandate.review_overdue",
            "archetype.mismatch",
            "advocates.none",
            "rule_of_thumb.unchecked",
            "mandate.no_priority",
        ]
    );
    // Most severe first; within a severity by rule, then first date, then cause.
    for pair in first.windows(2) {
        let key = |x: &Signal| (x.severity, x.rule, x.since, x.cause_key.clone());
        assert!(key(&pair[0]) < key(&pair[1]), "{:?}", rules_since(&first));
    }
    assert_eq!(
        of_rule(&first, SignalRule::NegativeFeedbackUnaddressed)
            .iter()
            .map(|x| x.since)
            .collect::<Vec<_>>(),
        [date("2026-03-10"), date("2026-03-17")]
    );
    for _ in 0..3 {
        assert_eq!(s.signals("2026-09-10").await, first);
    }

    // A second store built the same way gives the same signals, ids aside.
    let other = scene().await;
    troubles(&other).await;
    let second = other.signals("2026-09-10").await;
    assert_eq!(without_ids(&second), without_ids(&first));
    assert_ne!(
        second[0].report_id, first[0].report_id,
        "really another store"
    );
}

#[tokio::test]
async fn the_dashboard_and_the_report_radar_agree() {
    let s = scene().await;
    troubles(&s).await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    {
        let _on = s.on(CREATED);
        s.ts.add_candidate(&s.cycle.id, &candidate_draft(&bea.id, CREATED))
            .await
            .unwrap();
    }
    for day in ["2026-02-01", "2026-06-15", "2026-09-10", "2026-11-20"] {
        let dashboard = s.ts.cycle_dashboard(&s.cycle.id, date(day)).await.unwrap();
        for row in &dashboard.candidates {
            assert_eq!(
                row.signals,
                s.signals_of(&row.candidate.report_id, day).await,
                "{day} {}",
                row.candidate.report_name
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Which cycle a report is judged against.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_report_is_judged_against_the_next_calibration_else_the_latest() {
    let s = scene().await;
    // Entered with the rest of Ada's record, on 2026-01-05.
    let on = s.on(CREATED);
    let spring =
        s.ts.create_cycle(&trellis_core::model::CycleDraft {
            name: "H1 2026 calibration".to_owned(),
            opens_on: "2025-07-01".to_owned(),
            packet_due: "2026-03-15".to_owned(),
            calibration_date: "2026-04-15".to_owned(),
            committee_ids: vec![s.cast.morgan.id.clone()],
            joined: Vec::new(),
        })
        .await
        .unwrap();
    let spring_candidacy =
        s.ts.add_candidate(&spring.id, &candidate_draft(&s.ada.report.id, "2025-12-01"))
            .await
            .unwrap();
    drop(on);
    for (day, cycle, candidacy) in [
        ("2026-03-01", &spring.id, &spring_candidacy.id),
        ("2026-04-15", &spring.id, &spring_candidacy.id),
        ("2026-04-16", &s.cycle.id, &s.ada.candidate.id),
        ("2026-10-15", &s.cycle.id, &s.ada.candidate.id),
        ("2027-01-10", &s.cycle.id, &s.ada.candidate.id),
    ] {
        let radar =
            s.ts.report_radar(&s.ada.report.id, date(day))
                .await
                .unwrap();
        assert_eq!(radar.cycle.map(|c| c.id).as_ref(), Some(cycle), "{day}");
        assert_eq!(
            radar.candidacy.map(|c| c.id).as_ref(),
            Some(candidacy),
            "{day}"
        );
        assert_eq!(radar.as_of, date(day));
        assert_eq!(radar.report_name, "Ada Lovelace");
    }
    // Judged against the spring cycle, there is no draft (due 2025-12-15): seen from the day
    // the candidacy was entered.
    let signal = one(&s.signals("2026-03-01").await, SignalRule::PacketNoDraft);
    assert_eq!(signal.since, date(CREATED));
    assert_eq!(signal.lead_time_days, Some(100));
    assert_eq!(signal.causes[0].title, "H1 2026 calibration");
}

#[tokio::test]
async fn an_unknown_report_has_no_radar_and_an_archived_one_still_does() {
    let s = scene().await;
    assert_eq!(
        not_found(
            s.ts.report_radar(&ReportId::from("nobody"), date(END))
                .await
        ),
        "No report with id nobody; it may have been removed."
    );
    s.ts.archive_report(&s.ada.report.id).await.unwrap();
    let radar =
        s.ts.report_radar(&s.ada.report.id, date(END))
            .await
            .unwrap();
    assert!(radar.signals.is_empty());
    assert!(radar.candidacy.is_some());
}

// ---------------------------------------------------------------------------------------------
// Acknowledgements.
// ---------------------------------------------------------------------------------------------

fn ack(signal: &Signal, action: AckAction, reason: &str, until: &str) -> AckDraft {
    AckDraft {
        rule: signal.rule,
        cause_key: signal.cause_key.clone(),
        action: Some(action),
        reason: reason.to_owned(),
        until: until.to_owned(),
    }
}

#[tokio::test]
async fn an_acknowledged_signal_stays_with_its_ack_until_its_cause_changes() {
    let s = scene().await;
    s.evidence(shipped("Fraud model", "2026-04-13")).await;
    let open = s.only("2026-05-01", SignalRule::HighImpactUnseen).await;
    let stored = {
        let _on = s.on("2026-05-01");
        s.ts.acknowledge_signal(
            &s.ada.report.id,
            &ack(
                &open,
                AckAction::Acknowledged,
                " Demo booked for June. ",
                "",
            ),
        )
        .await
        .unwrap()
    };
    assert_eq!(stored.rule, SignalRule::HighImpactUnseen);
    assert_eq!(stored.cause_key, open.cause_key);
    assert_eq!(stored.action, AckAction::Acknowledged);
    assert_eq!(stored.reason, " Demo booked for June.");
    assert_eq!((stored.until, stored.acked_on), (None, date("2026-05-01")));

    // Before the acknowledgement: open. From it: the same signal, acknowledged.
    assert_eq!(
        s.only("2026-04-30", SignalRule::HighImpactUnseen).await.ack,
        None
    );
    let acked = s.only("2026-05-01", SignalRule::HighImpactUnseen).await;
    assert_eq!(
        acked.ack,
        Some(AckState {
            action: AckAction::Acknowledged,
            reason: " Demo booked for June.".to_owned(),
            acked_on: date("2026-05-01"),
            until: None,
        })
    );
    assert_eq!(
        Signal {
            ack: None,
            ..acked.clone()
        },
        open,
        "nothing else changes"
    );
    assert!(s
        .only(CALIBRATION, SignalRule::HighImpactUnseen)
        .await
        .ack
        .is_some());

    // A second unseen item is a new cause: the signal is open again from its first day.
    s.evidence(shipped("Card vault", "2026-05-11")).await;
    assert!(s
        .only("2026-05-10", SignalRule::HighImpactUnseen)
        .await
        .ack
        .is_some());
    let reopened = s.only("2026-05-11", SignalRule::HighImpactUnseen).await;
    assert_ne!(reopened.cause_key, open.cause_key);
    assert_eq!(reopened.ack, None);
    assert_eq!(reopened.causes.len(), 2);
}

#[tokio::test]
async fn a_snooze_covers_the_signal_through_its_last_day_only() {
    let s = scene().await;
    s.evidence(shipped("Fraud model", "2026-04-13")).await;
    let open = s.only("2026-05-01", SignalRule::HighImpactUnseen).await;
    {
        let _on = s.on("2026-05-01");
        s.ts.acknowledge_signal(
            &s.ada.report.id,
            &ack(
                &open,
                AckAction::Snoozed,
                "After the offsite.",
                "2026-05-15",
            ),
        )
        .await
        .unwrap();
    }
    let snoozed = s.only("2026-05-15", SignalRule::HighImpactUnseen).await;
    assert_eq!(
        snoozed.ack,
        Some(AckState {
            action: AckAction::Snoozed,
            reason: "After the offsite.".to_owned(),
            acked_on: date("2026-05-01"),
            until: Some(date("2026-05-15")),
        })
    );
    assert_eq!(
        s.only("2026-05-16", SignalRule::HighImpactUnseen).await.ack,
        None
    );
    assert_eq!(
        s.only("2026-04-30", SignalRule::HighImpactUnseen).await.ack,
        None
    );
}

#[tokio::test]
async fn the_newest_acknowledgement_wins_and_history_lists_every_one_newest_first() {
    let s = scene().await;
    s.evidence(shipped("Fraud model", "2026-04-13")).await;
    let open = s.only("2026-05-01", SignalRule::HighImpactUnseen).await;
    for (day, action, until) in [
        ("2026-05-01", AckAction::Snoozed, "2026-05-15"),
        ("2026-05-20", AckAction::Acknowledged, ""),
        ("2026-06-01", AckAction::Snoozed, "2026-06-10"),
    ] {
        let _on = s.on(day);
        s.ts.acknowledge_signal(&s.ada.report.id, &ack(&open, action, day, until))
            .await
            .unwrap();
    }
    let state = |day: &'static str| {
        let s = &s;
        async move {
            s.only(day, SignalRule::HighImpactUnseen)
                .await
                .ack
                .map(|a| (a.action, a.reason))
        }
    };
    assert_eq!(state("2026-05-16").await, None);
    assert_eq!(
        state("2026-05-31").await,
        Some((AckAction::Acknowledged, "2026-05-20".to_owned()))
    );
    assert_eq!(
        state("2026-06-10").await,
        Some((AckAction::Snoozed, "2026-06-01".to_owned()))
    );
    assert_eq!(state("2026-06-11").await, None, "the newest snooze ran out");

    let history: Vec<String> =
        s.ts.signal_acks(&s.ada.report.id)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.reason)
            .collect();
    assert_eq!(
        history,
        ["2026-06-01", "2026-05-20", "2026-05-01"],
        "newest first, as documented on Store::signal_acks"
    );
}

#[tokio::test]
async fn acknowledgements_of_one_report_do_not_cover_another() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    let signal = one(
        &s.signals_of(&bea.id, "2026-05-01").await,
        SignalRule::NoAdvocate,
    );
    s.ts.acknowledge_signal(
        &bea.id,
        &ack(&signal, AckAction::Acknowledged, "Known.", ""),
    )
    .await
    .unwrap();
    assert!(
        one(&s.signals_of(&bea.id, END).await, SignalRule::NoAdvocate)
            .ack
            .is_some()
    );
    assert!(s.ts.signal_acks(&s.ada.report.id).await.unwrap().is_empty());
    assert_eq!(s.ts.signal_acks(&bea.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_acknowledgement_needs_an_action_a_reason_a_cause_and_for_a_snooze_a_later_date() {
    let s = scene().await;
    let base = AckDraft {
        rule: SignalRule::NoAdvocate,
        cause_key: "advocates.none|".to_owned(),
        action: Some(AckAction::Snoozed),
        reason: "Waiting for the re-org.".to_owned(),
        until: "2026-12-01".to_owned(),
    };
    let before = snapshot_all(&s.ts).await;
    for (draft, expected) in [
        (
            AckDraft {
                action: None,
                reason: " ".to_owned(),
                cause_key: "  ".to_owned(),
                ..base.clone()
            },
            vec![
                ("action", "Choose a value for acknowledge or snooze."),
                ("reason", "Say why: what was done, or why it can wait."),
                ("causeKey", "The signal's cause is missing."),
            ],
        ),
        (
            AckDraft {
                until: String::new(),
                ..base.clone()
            },
            vec![("until", "Snooze until is required.")],
        ),
        (
            AckDraft {
                until: END.to_owned(),
                ..base.clone()
            },
            vec![("until", "Snooze until a date after today.")],
        ),
        (
            AckDraft {
                until: "2026-11-23".to_owned(),
                ..base.clone()
            },
            vec![("until", "Snooze until a date after today.")],
        ),
        (
            AckDraft {
                until: "1 Dec".to_owned(),
                ..base.clone()
            },
            vec![(
                "until",
                "Snooze until must be a real date written YYYY-MM-DD, e.g. 2024-03-01.",
            )],
        ),
    ] {
        rejected(
            &s.ts,
            &before,
            s.ts.acknowledge_signal(&s.ada.report.id, &draft).await,
            &expected,
        )
        .await;
    }
    // Tomorrow is the first acceptable snooze date; an acknowledgement ignores `until`.
    let snooze =
        s.ts.acknowledge_signal(
            &s.ada.report.id,
            &AckDraft {
                until: "2026-11-25".to_owned(),
                ..base.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(snooze.until, Some(date("2026-11-25")));
    let acked =
        s.ts.acknowledge_signal(
            &s.ada.report.id,
            &AckDraft {
                action: Some(AckAction::Acknowledged),
                until: "garbage".to_owned(),
                ..base.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(acked.until, None);

    not_found(
        s.ts.acknowledge_signal(&ReportId::from("nobody"), &base)
            .await,
    );
    s.ts.archive_report(&s.ada.report.id).await.unwrap();
    assert_eq!(
        conflict(s.ts.acknowledge_signal(&s.ada.report.id, &base).await),
        archived_message("Ada Lovelace")
    );
}

// ---------------------------------------------------------------------------------------------
// The cycle dashboard.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_dashboard_counts_open_signals_by_severity_and_days_to_calibration() {
    let s = scene().await;
    troubles(&s).await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    {
        let _on = s.on(CREATED);
        s.ts.add_candidate(&s.cycle.id, &candidate_draft(&bea.id, CREATED))
            .await
            .unwrap();
    }
    // Not a candidate: not on the dashboard.
    s.plain_report("Carl Nolan", CREATED).await;

    let d =
        s.ts.cycle_dashboard(&s.cycle.id, date("2026-09-10"))
            .await
            .unwrap();
    assert_eq!(d.cycle, s.ts.cycle(&s.cycle.id).await.unwrap());
    assert_eq!(d.as_of, date("2026-09-10"));
    assert_eq!(d.days_to_calibration, 35);
    let names: Vec<&str> = d
        .candidates
        .iter()
        .map(|c| c.candidate.report_name.as_str())
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Bea Fisher"]);
    let ada = &d.candidates[0];
    // rule unmet, unseen, 2 × negative, manager change | manager review, overdue, mismatch,
    // no advocate | unchecked, no priority.
    assert_eq!(
        (ada.high, ada.medium, ada.low, ada.acknowledged),
        (5, 4, 2, 0)
    );
    let counted = |sev: Severity| {
        i32::try_from(ada.signals.iter().filter(|x| x.severity == sev).count()).unwrap()
    };
    assert_eq!(
        (
            counted(Severity::High),
            counted(Severity::Medium),
            counted(Severity::Low)
        ),
        (5, 4, 2)
    );

    // Acknowledging two of them moves them out of the open counts.
    let manager = one(&ada.signals, SignalRule::ManagerChangedInCycle);
    let overdue = one(&ada.signals, SignalRule::MandateReviewOverdue);
    {
        let _on = s.on("2026-09-01");
        for x in [&manager, &overdue] {
            s.ts.acknowledge_signal(
                &s.ada.report.id,
                &ack(x, AckAction::Acknowledged, "Handled.", ""),
            )
            .await
            .unwrap();
        }
    }
    let d =
        s.ts.cycle_dashboard(&s.cycle.id, date("2026-09-10"))
            .await
            .unwrap();
    let ada = &d.candidates[0];
    assert_eq!(
        (ada.high, ada.medium, ada.low, ada.acknowledged),
        (4, 3, 2, 2)
    );
    assert_eq!(
        ada.signals.len(),
        11,
        "acknowledged signals are still listed"
    );

    // After calibration the count of days is negative.
    let d =
        s.ts.cycle_dashboard(&s.cycle.id, date("2026-10-20"))
            .await
            .unwrap();
    assert_eq!(d.days_to_calibration, -5);
    let d =
        s.ts.cycle_dashboard(&s.cycle.id, date(CALIBRATION))
            .await
            .unwrap();
    assert_eq!(d.days_to_calibration, 0);
    assert_eq!(
        not_found(s.ts.cycle_dashboard(&"nope".into(), date(END)).await),
        "No cycle with id nope; it may have been removed."
    );
}

#[tokio::test]
async fn a_clean_cycle_has_a_quiet_dashboard() {
    let s = scene().await;
    for (day, drafts) in [
        (CREATED, 0),
        (DRAFTED, 1),
        ("2026-09-17", 1),
        (CALIBRATION, 1),
    ] {
        let d = s.ts.cycle_dashboard(&s.cycle.id, date(day)).await.unwrap();
        assert_eq!(d.candidates.len(), 1);
        let row = &d.candidates[0];
        // The candidacy as it stood that day: before 2026-05-04 without a packet draft.
        assert_eq!(
            row.candidate,
            trellis_core::model::Candidate {
                packet_versions: drafts,
                ..s.ada.candidate.clone()
            },
            "{day}"
        );
        assert_eq!(
            (row.high, row.medium, row.low, row.acknowledged),
            (0, 0, 0, 0)
        );
        assert!(row.signals.is_empty());
    }
}

#[tokio::test]
async fn the_dashboard_lists_only_candidates_entered_by_the_day() {
    let s = scene().await;
    let bea = s.plain_report("Bea Fisher", CREATED).await;
    {
        let _on = s.on("2026-03-02");
        s.ts.add_candidate(&s.cycle.id, &candidate_draft(&bea.id, "2026-03-02"))
            .await
            .unwrap();
    }
    let names = |day: &'static str| {
        let s = &s;
        async move {
            s.ts.cycle_dashboard(&s.cycle.id, date(day))
                .await
                .unwrap()
                .candidates
                .into_iter()
                .map(|c| c.candidate.report_name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(names("2026-03-01").await, ["Ada Lovelace"]);
    assert_eq!(names("2026-03-02").await, ["Ada Lovelace", "Bea Fisher"]);
}
