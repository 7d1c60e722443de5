//! Calibration notes from a real store: a small fixed record (a cycle with a committee, one
//! rich candidate and one sparse one) exported with every combination of options and rendered
//! in every format. Private 1:1 notes and non-quotable feedback stay out unless asked for, and
//! the first line says what is in; counts reveal no words; evidence comes strongest first; the
//! same record gives the same bytes. Goldens: tests/core/golden/notes_from_store.{md,html,
//! pdf.txt}; `UPDATE_GOLDEN=1 cargo test -p trellis-core --test core export_notes` rewrites them.

use trellis_core::export::build::privacy_line;
use trellis_core::export::notes::{ManagerOnly, ReportNotes};
use trellis_core::export::{Brief, CalibrationNotes, ExportFormat, ExportOptions, ExportScope};
use trellis_core::ids::{CycleId, MentorshipId, ReportId};
use trellis_core::model::{
    AckAction, AckDraft, Check, CycleDraft, EvidenceDraft, EvidenceKind, EvidenceRole,
    FeedbackDraft, MandateDraft, PersonDraft, Readiness, ReadinessDraft, Relationship, ReviewDraft,
    ReviewerRole, Sentiment, SignalRule, SupportStrength, WorkMix,
};

use crate::cycle_support::*;
use crate::export_render::{golden, normalise_pdf_text, pdf_pages, squash};
use crate::support::*;

const PRIVATE_MARKER: &str = "PRIVATE-NOTE-MARKER";
const SHARED_MARKER: &str = "SHARED-NOTE-MARKER";
const SECRET: &str = "NONQUOTABLE-SECRET";
const QUOTE: &str = "Ada made time every week and taught me to write design docs.";
/// Hedy's only feedback: negative, from her mentee, not quotable.
const HEDY_SECRET: &str = "HEDY-SECRET";
const MENTEES_RULE: &str = "Mentees speak well of them";
/// Why Hedy is not ready: the manager's words, for the manager's brief only.
const HEDY_WHY: &str = "WHY-SECRET: scope not yet at staff level";
/// The name Ada's level gets two days after the as-of date.
const LATER_LEVEL: &str = "L6 Staff Engineer";
const AS_OF: &str = "2026-11-24";

/// The committee brief (the default).
const COMMITTEE: ExportOptions = ExportOptions {
    brief: Brief::Committee,
    include_private_notes: false,
    include_non_quotable: false,
};
/// The manager's brief, with nothing private ticked.
const DEFAULT: ExportOptions = ExportOptions {
    brief: Brief::Manager,
    include_private_notes: false,
    include_non_quotable: false,
};
const NON_QUOTABLE: ExportOptions = ExportOptions {
    brief: Brief::Manager,
    include_private_notes: false,
    include_non_quotable: true,
};
const PRIVATE_NOTES: ExportOptions = ExportOptions {
    brief: Brief::Manager,
    include_private_notes: true,
    include_non_quotable: false,
};
const BOTH: ExportOptions = ExportOptions {
    brief: Brief::Manager,
    include_private_notes: true,
    include_non_quotable: true,
};

/// The fixed record.
struct Record {
    ts: TestStore,
    cycle: CycleId,
    ada: ReportId,
}

/// Ada, the rich candidate: a mandate with a sponsor; four pieces of evidence in the cycle
/// (co-owners, committee and other visibility, from the led-and-shipped flagship to advised
/// preening) and one before it; a mentee's quotable praise and non-quotable complaint (and
/// older mixed feedback); two advocates; a packet version; a received and an awaited review; an
/// unmet rule of thumb (acknowledged); a 1:1 with a private and a shared note. Grace, the
/// sparse one: a candidacy. Hedy: her only strong work (the flagship) ended before the cycle
/// opened, a weak advocate, and one mentee whose only feedback is negative and not quotable.
/// Each fact is entered on the day it happened; two days after the as-of date Ada's level is
/// renamed.
async fn record() -> Record {
    let (ts, clock) = store_on("2026-06-01").await;
    let cast = cast(&ts).await;
    let priya = ts
        .create_person(&PersonDraft {
            title: "Staff Engineer".to_owned(),
            ..person_draft("Priya Raman", Relationship::Peer)
        })
        .await
        .unwrap();
    let ada = ts
        .create_report(&report_draft(&ts, "Ada Lovelace").await)
        .await
        .unwrap();
    let grace = ts
        .create_report(&report_draft(&ts, "Grace Hopper").await)
        .await
        .unwrap();
    for (who, strength, seen) in [
        (
            &cast.samira.id,
            SupportStrength::Strong,
            "The migration demo and its numbers.",
        ),
        (
            &cast.omar.id,
            SupportStrength::Moderate,
            "The incident reviews.",
        ),
    ] {
        ts.create_advocate(
            &ada.id,
            &trellis_core::model::AdvocateDraft {
                strength: Some(strength),
                what_seen: seen.to_owned(),
                last_checked: "2026-06-01".to_owned(),
                ..advocate_draft(who)
            },
        )
        .await
        .unwrap();
    }
    let cycle = ts
        .create_cycle(&CycleDraft {
            opens_on: "2026-07-01".to_owned(),
            packet_due: "2026-12-01".to_owned(),
            calibration_date: "2026-12-15".to_owned(),
            ..cycle_draft("H2 2026 calibration", &[&cast.morgan.id, &cast.samira.id])
        })
        .await
        .unwrap();
    let candidate = ts
        .add_candidate(&cycle.id, &candidate_draft(&ada.id, "2026-06-01"))
        .await
        .unwrap();
    ts.add_candidate(&cycle.id, &candidate_draft(&grace.id, "2026-06-01"))
        .await
        .unwrap();
    let hedy_mentorship = hedy(&ts, &cast, &cycle.id).await;
    ts.create_rule(&rule_draft(
        "A year in production before promotion",
        "2026-03-01",
        Some(Check::TopEvidenceInProduction { months: 12 }),
    ))
    .await
    .unwrap();
    // A rule of thumb that reads mentee feedback: unmet for Ada and Hedy once non-quotable
    // negative feedback arrives; its signal must not date that feedback.
    ts.create_rule(&rule_draft(
        MENTEES_RULE,
        "2026-03-01",
        Some(Check::PositiveMentorshipFeedback { months: 6 }),
    ))
    .await
    .unwrap();

    clock.set("2026-06-15");
    ts.set_mandate(
        &ada.id,
        &MandateDraft {
            set_on: "2026-06-15".to_owned(),
            review_by: "2027-02-01".to_owned(),
            sponsor_id: Some(cast.samira.id.clone()),
            ..mandate_draft("Make ledger consistency a platform property.")
        },
        None,
    )
    .await
    .unwrap();
    let piece = |title: &str,
                 kind: EvidenceKind,
                 role: EvidenceRole,
                 started: &str,
                 ended: &str,
                 in_production: &str,
                 impact: &str,
                 mix: WorkMix| EvidenceDraft {
        kind: Some(kind),
        ended_on: ended.to_owned(),
        in_production_since: in_production.to_owned(),
        ..evidence_with(title, started, role, impact, mix)
    };
    // Work before the cycle, and the mentorship with older feedback, entered with the rest on
    // 2026-06-01.
    clock.set("2026-06-01");
    ts.create_evidence(
        &ada.id,
        &piece(
            "Old cache rewrite",
            EvidenceKind::Project,
            EvidenceRole::Led,
            "2026-02-02",
            "2026-05-29",
            "2026-06-01",
            "p99 down 30%",
            WorkMix::HighLeverage,
        ),
    )
    .await
    .unwrap();
    let mentorship = ts
        .create_mentorship(&ada.id, &mentorship_draft(&cast.jamie.id))
        .await
        .unwrap();
    ts.add_feedback(
        &mentorship.id,
        &FeedbackDraft {
            words: "Before the cycle: mixed feelings.".to_owned(),
            ..feedback("2026-03-01", Sentiment::Mixed)
        },
    )
    .await
    .unwrap();
    // The rest of the work, each piece entered the day it started.
    clock.set("2026-08-03");
    let reviews = ts
        .create_evidence(
            &ada.id,
            &piece(
                "Incident review programme",
                EvidenceKind::OrgImprovement,
                EvidenceRole::CoLed,
                "2026-08-03",
                "",
                "",
                "Sev-1 repeat rate down 60%",
                WorkMix::HighLeverage,
            ),
        )
        .await
        .unwrap();
    clock.set("2026-09-01");
    ts.add_visibility(&reviews.id, &seen(&cast.morgan.id, "2026-09-01"))
        .await
        .unwrap();
    clock.set("2026-09-07");
    ts.create_evidence(
        &ada.id,
        &piece(
            "On-call handbook",
            EvidenceKind::GlueWork,
            EvidenceRole::Contributed,
            "2026-09-07",
            "",
            "",
            "",
            WorkMix::Untagged,
        ),
    )
    .await
    .unwrap();
    clock.set("2026-09-15");
    ts.add_feedback(
        &mentorship.id,
        &FeedbackDraft {
            words: QUOTE.to_owned(),
            ..feedback("2026-09-15", Sentiment::Positive)
        },
    )
    .await
    .unwrap();
    clock.set("2026-09-23");
    ts.add_feedback(
        &hedy_mentorship,
        &FeedbackDraft {
            words: format!("{HEDY_SECRET}: she cancelled our sessions all summer."),
            quotable: false,
            ..feedback("2026-09-23", Sentiment::Negative)
        },
    )
    .await
    .unwrap();
    // The ledger migration, the flagship, recorded when it shipped; then who saw it.
    clock.set("2026-10-01");
    let ledger = ts
        .create_evidence(
            &ada.id,
            &EvidenceDraft {
                co_owner_ids: vec![priya.id.clone(), cast.jamie.id.clone()],
                flagship: true,
                ..piece(
                    "Ledger consistency migration",
                    EvidenceKind::Project,
                    EvidenceRole::Led,
                    "2026-07-06",
                    "2026-09-30",
                    "2026-10-01",
                    "Reconciliation breaks down from 40 to 2 a month",
                    WorkMix::HighLeverage,
                )
            },
        )
        .await
        .unwrap();
    for (who, day) in [
        (&cast.morgan.id, "2026-10-05"),
        (&cast.samira.id, "2026-10-12"),
        (&cast.omar.id, "2026-10-20"),
    ] {
        clock.set(day);
        ts.add_visibility(&ledger.id, &seen(who, day))
            .await
            .unwrap();
        if day == "2026-10-05" {
            ts.create_evidence(
                &ada.id,
                &piece(
                    "Review-thread crusade",
                    EvidenceKind::Other,
                    EvidenceRole::Advised,
                    "2026-10-05",
                    "",
                    "",
                    "",
                    WorkMix::Preening,
                ),
            )
            .await
            .unwrap();
        }
        if day == "2026-10-20" {
            ts.add_feedback(
                &mentorship.id,
                &FeedbackDraft {
                    words: format!("{SECRET}: our sessions were cancelled three times in a row."),
                    quotable: false,
                    // Said by the mentee's manager, not the mentee.
                    source: Some(trellis_core::model::FeedbackSource::MenteeManager),
                    ..feedback("2026-10-20", Sentiment::Negative)
                },
            )
            .await
            .unwrap();
        }
    }
    clock.set("2026-10-26");
    ts.save_packet(&candidate.id, &sections(&[&ledger.id]), "First draft")
        .await
        .unwrap();
    for (who, role, requested, received) in [
        (
            &cast.lee.id,
            ReviewerRole::StaffPeer,
            "2026-10-27",
            "2026-11-03",
        ),
        (&cast.dana.id, ReviewerRole::Manager, "2026-11-02", ""),
    ] {
        clock.set(if received.is_empty() {
            requested
        } else {
            received
        });
        ts.add_review(
            &candidate.id,
            &ReviewDraft {
                version_number: Some(1),
                ..review_draft(who, role, requested, received)
            },
        )
        .await
        .unwrap();
    }
    clock.set("2026-11-10");
    let m = hold_meeting(&ts, &ada.id, "2026-11-10").await;
    for (body, private) in [
        (
            format!("{PRIVATE_MARKER}: worried about burnout; asked to drop on-call."),
            true,
        ),
        (
            format!("{SHARED_MARKER}: agreed she leads the storage RFC."),
            false,
        ),
    ] {
        ts.add_note(&m.id, &note_draft(&body, private))
            .await
            .unwrap();
    }
    clock.set("2026-11-20");
    let candidate = ts.candidate(&candidate.id).await.unwrap();
    ts.set_readiness(
        &candidate.id,
        candidate.version,
        &ReadinessDraft {
            readiness: Some(Readiness::Ready),
            reason: String::new(),
            expected_cycle: String::new(),
            actions: String::new(),
        },
    )
    .await
    .unwrap();
    clock.set(AS_OF);
    let unmet = ts
        .report_radar(&ada.id, date(AS_OF))
        .await
        .unwrap()
        .signals
        .into_iter()
        .find(|s| {
            s.rule == SignalRule::RuleOfThumbUnmet && s.message.contains("A year in production")
        })
        .expect("the production rule is unmet");
    ts.acknowledge_signal(
        &ada.id,
        &AckDraft {
            rule: unmet.rule,
            cause_key: unmet.cause_key.clone(),
            action: Some(AckAction::Acknowledged),
            reason: "Will be a year in production by the next cycle.".to_owned(),
            until: String::new(),
        },
    )
    .await
    .unwrap();
    clock.set("2026-11-26");
    ts.rename_level(&ada.current_level.id, LATER_LEVEL)
        .await
        .unwrap();
    Record {
        ts,
        cycle: cycle.id,
        ada: ada.id,
    }
}

/// Hedy Lamarr, entered on 2026-06-01 with the rest: not ready (why, expected cycle, actions);
/// the search overhaul she led (flagship, shipped, seen by the committee) ended in April,
/// before the cycle, and a small sweep tagged snacking; Omar is a weak advocate; her mentee
/// Quinn Okoro said on 23 Sep 2026, not to be quoted, that sessions were cancelled.
async fn hedy(ts: &TestStore, cast: &Cast, cycle: &CycleId) -> MentorshipId {
    let hedy = ts
        .create_report(&report_draft(ts, "Hedy Lamarr").await)
        .await
        .unwrap();
    let candidate = ts
        .add_candidate(cycle, &candidate_draft(&hedy.id, "2026-06-01"))
        .await
        .unwrap();
    ts.set_readiness(
        &candidate.id,
        candidate.version,
        &ReadinessDraft {
            readiness: Some(Readiness::NotReady),
            reason: HEDY_WHY.to_owned(),
            expected_cycle: "H1 2027".to_owned(),
            actions: "Lead the query-planner redesign.".to_owned(),
        },
    )
    .await
    .unwrap();
    // Small work tagged as snacking: the tag is the manager's concern.
    ts.create_evidence(
        &hedy.id,
        &EvidenceDraft {
            kind: Some(EvidenceKind::Other),
            ended_on: "2026-05-15".to_owned(),
            ..evidence_with(
                "Lint-rule sweep",
                "2026-05-01",
                EvidenceRole::Contributed,
                "",
                WorkMix::Snacking,
            )
        },
    )
    .await
    .unwrap();
    let search = ts
        .create_evidence(
            &hedy.id,
            &EvidenceDraft {
                kind: Some(EvidenceKind::Project),
                ended_on: "2026-04-30".to_owned(),
                in_production_since: "2026-05-04".to_owned(),
                flagship: true,
                ..evidence_with(
                    "Search relevance overhaul",
                    "2025-10-06",
                    EvidenceRole::Led,
                    "Search conversion up 12%",
                    WorkMix::HighLeverage,
                )
            },
        )
        .await
        .unwrap();
    ts.add_visibility(&search.id, &seen(&cast.morgan.id, "2026-04-28"))
        .await
        .unwrap();
    ts.create_advocate(
        &hedy.id,
        &trellis_core::model::AdvocateDraft {
            strength: Some(SupportStrength::Weak),
            what_seen: "The search demo.".to_owned(),
            last_checked: "2026-06-01".to_owned(),
            ..advocate_draft(&cast.omar.id)
        },
    )
    .await
    .unwrap();
    let quinn = ts
        .create_person(&person_draft("Quinn Okoro", Relationship::MyOrg))
        .await
        .unwrap();
    ts.create_mentorship(&hedy.id, &mentorship_draft(&quinn.id))
        .await
        .unwrap()
        .id
}

impl Record {
    async fn notes(&self, options: ExportOptions) -> CalibrationNotes {
        self.ts
            .calibration_notes(
                &ExportScope::Cycle {
                    cycle_id: self.cycle.clone(),
                },
                &options,
                date(AS_OF),
            )
            .await
            .unwrap()
    }
}

/// The manager's own sections of a report's notes in the manager's brief.
fn mine(r: &ReportNotes) -> &ManagerOnly {
    r.manager_only
        .as_ref()
        .expect("the manager's brief has the manager's sections")
}

/// The text of an export: Markdown and HTML as they are, PDF through `pdftotext -layout`
/// (pages separated by form feeds).
fn text(format: ExportFormat, notes: &CalibrationNotes) -> String {
    let bytes = format.render(notes).unwrap();
    match format {
        ExportFormat::Markdown | ExportFormat::Html => String::from_utf8(bytes).unwrap(),
        ExportFormat::Pdf => pdf_text(&bytes),
    }
}

/// Checks that `text` opens with `line`: Markdown's first line, the first element of the HTML
/// body, the start of the PDF's first page.
fn assert_opens_with(format: ExportFormat, text: &str, line: &str) {
    match format {
        ExportFormat::Markdown => assert_eq!(text.lines().next(), Some(line)),
        ExportFormat::Html => {
            let body = text.split_once("<body>").unwrap().1.trim_start();
            let line = line.replace('\'', "&#39;");
            assert!(
                body.starts_with(&format!("<p class=\"privacy\">{line}</p>")),
                "the body opens with: {}",
                &body[..120.min(body.len())]
            );
        }
        ExportFormat::Pdf => {
            let page = squash(text.split('\u{c}').next().unwrap());
            assert!(
                page.starts_with(line),
                "page 1 opens with: {}",
                &page[..120.min(page.len())]
            );
        }
    }
}

/// `text` in any format, squashed; HTML's tags are dropped and its escapes of quotes,
/// apostrophes and ampersands put back.
fn flat(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' if !shown.ends_with('\\') => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => shown.push(c),
            _ => {}
        }
    }
    squash(&shown)
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn export_notes_from_the_store_match_the_goldens() {
    let r = record().await;
    let notes = r.notes(DEFAULT).await;
    golden("notes_from_store.md", &text(ExportFormat::Markdown, &notes));
    golden("notes_from_store.html", &text(ExportFormat::Html, &notes));
    golden(
        "notes_from_store.pdf.txt",
        &pdf_golden_text(&text(ExportFormat::Pdf, &notes)),
    );
}

#[tokio::test]
async fn export_notes_by_default_hold_no_private_note_and_no_non_quotable_words() {
    let r = record().await;
    let notes = r.notes(DEFAULT).await;
    assert_eq!(
        notes.privacy_line,
        "Manager's brief, for you and not the committee: it lists the radar's risks. Private \
         1:1 notes and non-quotable mentee feedback are not included."
    );
    assert!(!notes.includes_private_notes && !notes.includes_non_quotable);
    for format in ExportFormat::ALL {
        let out = text(format, &notes);
        assert_opens_with(format, &out, &notes.privacy_line);
        for marker in [PRIVATE_MARKER, SHARED_MARKER, SECRET] {
            assert!(!out.contains(marker), "{format:?} contains {marker}");
        }
        assert!(
            flat(&out).contains(QUOTE),
            "{format:?} lacks the quotable praise"
        );
        assert!(!out.contains("NOT QUOTABLE"), "{format:?}");
    }
    let ada = &notes.reports[0];
    assert!(mine(ada).private_notes.is_empty());
    assert_eq!(ada.mentorship.quotes.len(), 1);
    assert_eq!(ada.mentorship.quotes[0].words, QUOTE);
}

#[tokio::test]
async fn export_notes_with_non_quotable_feedback_show_and_mark_it_and_say_so_first() {
    let r = record().await;
    let notes = r.notes(NON_QUOTABLE).await;
    assert!(notes
        .privacy_line
        .starts_with(
            "Manager's brief, for you and not the committee: it lists the radar's risks. CONTAINS NON-QUOTABLE MENTEE FEEDBACK"
        ));
    assert!(notes.includes_non_quotable && !notes.includes_private_notes);
    for format in ExportFormat::ALL {
        let out = text(format, &notes);
        assert_opens_with(format, &out, &notes.privacy_line);
        let flat = flat(&out);
        assert!(
            flat.contains(SECRET),
            "{format:?} lacks the non-quotable words"
        );
        assert!(
            flat.contains("NOT QUOTABLE"),
            "{format:?} does not mark them"
        );
        // The mark sits on the non-quotable entry, not on the quotable one.
        let mark = flat.find("NOT QUOTABLE").unwrap();
        let secret = flat.find(SECRET).unwrap();
        assert!(mark < secret && secret - mark < 120, "{format:?}: {flat}");
        assert_eq!(
            flat.matches("NOT QUOTABLE").count(),
            2,
            "{format:?}: Ada's and Hedy's"
        );
        assert!(flat.contains(HEDY_SECRET), "{format:?}");
        assert!(!out.contains(PRIVATE_MARKER) && !out.contains(SHARED_MARKER));
    }
    let quotes = &notes.reports[0].mentorship.quotes;
    let marked: Vec<(bool, &str)> = quotes
        .iter()
        .map(|q| (q.quotable, q.sentiment.as_str()))
        .collect();
    assert_eq!(
        marked,
        [(false, "Negative"), (true, "Positive")],
        "newest first"
    );
}

#[tokio::test]
async fn export_notes_with_private_notes_include_every_one_on_one_note_and_say_so_first() {
    let r = record().await;
    for (options, secret_too) in [(PRIVATE_NOTES, false), (BOTH, true)] {
        let notes = r.notes(options).await;
        assert_eq!(notes.privacy_line, privacy_line(&options));
        assert!(notes
            .privacy_line
            .starts_with("Manager's brief, for you and not the committee: it lists the radar's risks. CONTAINS PRIVATE 1:1 NOTES"));
        let ada = &notes.reports[0];
        let bodies: Vec<(String, &str)> = mine(ada)
            .private_notes
            .iter()
            .map(|n| (ymd(n.on), n.body.as_str()))
            .collect();
        assert_eq!(
            bodies,
            [
                (
                    "2026-11-10".to_owned(),
                    "PRIVATE-NOTE-MARKER: worried about burnout; asked to drop on-call."
                ),
                (
                    "2026-11-10".to_owned(),
                    "SHARED-NOTE-MARKER: agreed she leads the storage RFC."
                ),
            ]
        );
        assert!(
            mine(&notes.reports[1]).private_notes.is_empty(),
            "Grace has none"
        );
        for format in ExportFormat::ALL {
            let out = text(format, &notes);
            assert_opens_with(format, &out, &notes.privacy_line);
            assert!(out.contains(PRIVATE_MARKER), "{format:?}");
            assert!(out.contains(SHARED_MARKER), "{format:?}");
            assert_eq!(out.contains(SECRET), secret_too, "{format:?}");
        }
    }
}

#[tokio::test]
async fn export_notes_count_every_feedback_entry_even_when_its_words_are_hidden() {
    let r = record().await;
    for options in [DEFAULT, NON_QUOTABLE, PRIVATE_NOTES, BOTH] {
        let m = &r.notes(options).await.reports[0].mentorship;
        let f = m.feedback.unwrap();
        assert_eq!(
            (m.mentees, f.positive, f.mixed, f.negative),
            (1, 1, 0, 1),
            "{options:?}: the March entry is before the cycle"
        );
    }
    let md = text(ExportFormat::Markdown, &r.notes(DEFAULT).await);
    assert!(
        md.contains("- Feedback: 1 positive, 0 mixed, 1 negative"),
        "{md}"
    );
    // The open signal about the complaint (not quotable) names neither who, nor when, nor the
    // words: it says only that something left out is open.
    let line = md
        .lines()
        .find(|l| l.contains("not marked quotable has not been addressed"))
        .unwrap_or_else(|| panic!("no signal about the left-out feedback: {md}"));
    for leak in ["Jamie", "20 Oct 2026", "2026-10-20", "Jamie Chen's manager"] {
        assert!(!line.contains(leak), "{leak:?} in {line}");
    }
    assert!(!md.contains("Negative feedback from"), "{md}");
    // With non-quotable feedback included, the signal says it all, attributed to whoever said
    // it (the mentee's manager), and so does the quote.
    let notes = r.notes(NON_QUOTABLE).await;
    let md = text(ExportFormat::Markdown, &notes);
    assert!(
        md.contains("Negative feedback from Jamie Chen's manager (20 Oct 2026) not addressed."),
        "{md}"
    );
    let complaint = notes.reports[0]
        .mentorship
        .quotes
        .iter()
        .find(|q| q.words.contains(SECRET))
        .unwrap();
    assert_eq!(complaint.from, "Jamie Chen's manager");
}

#[tokio::test]
async fn export_notes_list_the_strongest_evidence_first_with_attribution_and_audience() {
    let r = record().await;
    let notes = r.notes(DEFAULT).await;
    let names: Vec<&str> = notes.reports.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "Grace Hopper", "Hedy Lamarr"]);
    let ada = &notes.reports[0];
    let titles: Vec<&str> = ada.evidence.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ledger consistency migration",
            // From the whole record: led, quantified work that ended before the cycle opened.
            "Old cache rewrite",
            "Incident review programme",
            "On-call handbook",
            "Review-thread crusade",
        ]
    );
    assert_eq!(
        ada.evidence_considered, 5,
        "the cache rewrite counts although it ended before the cycle"
    );
    let top = &ada.evidence[0];
    assert_eq!(
        top.co_owners,
        ["Jamie Chen", "Priya Raman (Staff Engineer)"]
    );
    assert_eq!(top.period, "6 Jul 2026 – 30 Sep 2026");
    assert_eq!(top.in_production_since, Some(date("2026-10-01")));
    let seen: Vec<(&str, bool)> = top
        .seen_by
        .iter()
        .map(|s| (s.name.as_str(), s.committee))
        .collect();
    assert_eq!(
        seen,
        [
            ("Morgan Avery", true),
            ("Samira Whitfield", true),
            ("Omar Haddad", false)
        ]
    );
    assert_eq!(ada.evidence[1].period, "2 Feb 2026 – 29 May 2026");
    assert_eq!(
        ada.evidence[1].work_mix, "High leverage",
        "the tag shows where set"
    );
    assert_eq!(ada.evidence[2].period, "since 3 Aug 2026");
    let mandate = ada.mandate.as_ref().unwrap();
    assert_eq!(
        (mandate.sponsor.as_str(), mandate.review.as_deref()),
        ("Samira Whitfield", Some("review by 1 Feb 2027"))
    );
    assert_eq!(ada.readiness, "Ready");
    assert_eq!(mine(ada).packet, "1 version, last saved 26 Oct 2026.");
    let reviews: Vec<&str> = mine(ada)
        .reviews
        .iter()
        .map(|x| x.status.as_str())
        .collect();
    assert_eq!(reviews, ["Received 3 Nov 2026", "Awaited since 2 Nov 2026"]);
    let advocates: Vec<(&str, &str)> = ada
        .advocates
        .iter()
        .map(|a| (a.name.as_str(), a.strength.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(
        advocates,
        [("Samira Whitfield", "Strong"), ("Omar Haddad", "Moderate")]
    );
    let rules: Vec<&str> = mine(ada)
        .checklist
        .iter()
        .map(|c| c.wording.as_str())
        .collect();
    assert_eq!(
        rules,
        ["A year in production before promotion", MENTEES_RULE]
    );
    let unmet = mine(ada)
        .signals
        .iter()
        .find(|s| s.rule_id == "rule_of_thumb.unmet" && s.handling.starts_with("Acknowledged"))
        .unwrap();
    assert_eq!(
        unmet.handling,
        "Acknowledged 24 Nov 2026: Will be a year in production by the next cycle."
    );
    // Grace: nothing but her candidacy.
    let grace = &notes.reports[1];
    assert!(grace.evidence.is_empty() && grace.advocates.is_empty() && grace.mandate.is_none());
    assert_eq!(mine(grace).packet, "No packet draft yet.");
    assert_eq!(grace.readiness, "Undecided");
}

#[tokio::test]
async fn export_notes_give_the_same_bytes_every_time_and_from_the_same_record_built_again() {
    let r = record().await;
    let again = record().await;
    for options in [DEFAULT, BOTH] {
        let notes = r.notes(options).await;
        assert_eq!(r.notes(options).await, notes);
        let rebuilt = again.notes(options).await;
        assert_eq!(rebuilt, notes, "{options:?}: the same record built again");
        for format in ExportFormat::ALL {
            let bytes = format.render(&notes).unwrap();
            assert_eq!(format.render(&notes).unwrap(), bytes, "{format:?}");
            assert_eq!(format.render(&rebuilt).unwrap(), bytes, "{format:?}");
        }
        // No generated id leaks into the document.
        let md = text(ExportFormat::Markdown, &notes);
        assert_eq!(normalise_ids(&md, &mut Vec::new()), md);
    }
    let before = snapshot_all(&r.ts).await;
    r.notes(BOTH).await;
    assert_nothing_written(&r.ts, &before).await;
}

#[tokio::test]
async fn export_notes_of_a_cycle_name_it_its_committee_and_its_candidates() {
    let r = record().await;
    let notes = r.notes(DEFAULT).await;
    assert_eq!(notes.title, "Manager's brief: H2 2026 calibration");
    assert_eq!(
        notes.context,
        [
            "H2 2026 calibration: calibration 15 Dec 2026, packets due 1 Dec 2026; committee: \
             Morgan Avery, Samira Whitfield.",
            "3 candidates.",
            "Generated by Trellis on 24 Nov 2026.",
        ]
    );
    assert_eq!(notes.generated_on, date(AS_OF));
    // One candidate's notes name the cycle they are judged in.
    let one =
        r.ts.calibration_notes(
            &ExportScope::Report {
                report_id: r.ada.clone(),
            },
            &DEFAULT,
            date(AS_OF),
        )
        .await
        .unwrap();
    assert_eq!(one.title, "Manager's brief: Ada Lovelace");
    assert_eq!(
        one.context,
        [
            "Staff, Payments Platform",
            "H2 2026 calibration: calibration 15 Dec 2026, packets due 1 Dec 2026; committee: \
             Morgan Avery, Samira Whitfield.",
            "Generated by Trellis on 24 Nov 2026.",
        ]
    );
    assert_eq!(one.reports, notes.reports[..1]);
}

#[tokio::test]
async fn export_notes_of_a_cycle_without_candidates_are_refused() {
    let r = record().await;
    let empty =
        r.ts.create_cycle(&cycle_draft("Empty cycle", &[]))
            .await
            .unwrap();
    assert_eq!(
        conflict(
            r.ts.calibration_notes(
                &ExportScope::Cycle { cycle_id: empty.id },
                &DEFAULT,
                date(AS_OF)
            )
            .await
        ),
        "This cycle has no candidates yet: add candidates before exporting its notes."
    );
    not_found(
        r.ts.calibration_notes(
            &ExportScope::Cycle {
                cycle_id: CycleId::from("nope"),
            },
            &DEFAULT,
            date(AS_OF),
        )
        .await,
    );
    not_found(
        r.ts.calibration_notes(
            &ExportScope::Report {
                report_id: ReportId::from("nope"),
            },
            &DEFAULT,
            date(AS_OF),
        )
        .await,
    );
}

#[tokio::test]
async fn export_notes_of_a_report_outside_any_cycle_cover_the_last_twelve_months_and_the_strongest_work_ever(
) {
    let (ts, _clock) = store_on(AS_OF).await;
    let jamie = add_person(&ts, "Jamie Chen", Relationship::MyOrg).await;
    let alan = ts
        .create_report(&report_draft(&ts, "Alan Turing").await)
        .await
        .unwrap();
    for (title, ended) in [
        ("Ended thirteen months ago", "2025-11-23"),
        ("Ended on the window's first day", "2025-11-24"),
        ("Still running", ""),
    ] {
        ts.create_evidence(
            &alan.id,
            &EvidenceDraft {
                started_on: "2025-06-02".to_owned(),
                ended_on: ended.to_owned(),
                ..work(title, "2025-06-02")
            },
        )
        .await
        .unwrap();
    }
    let m = ts
        .create_mentorship(&alan.id, &mentorship_draft(&jamie.id))
        .await
        .unwrap();
    for day in ["2025-11-23", "2025-11-24"] {
        ts.add_feedback(&m.id, &feedback(day, Sentiment::Positive))
            .await
            .unwrap();
    }
    let notes = ts
        .calibration_notes(
            &ExportScope::Report {
                report_id: alan.id.clone(),
            },
            &DEFAULT,
            date(AS_OF),
        )
        .await
        .unwrap();
    assert_eq!(notes.title, "Manager's brief: Alan Turing");
    assert_eq!(
        notes.context,
        [
            "Staff, Payments Platform",
            "Generated by Trellis on 24 Nov 2026."
        ]
    );
    let r = &notes.reports[0];
    let titles: Vec<&str> = r.evidence.iter().map(|e| e.title.as_str()).collect();
    // Strongest evidence comes from the whole record, however long ago the work ended.
    assert_eq!(
        titles,
        [
            "Ended on the window's first day",
            "Ended thirteen months ago",
            "Still running"
        ]
    );
    assert_eq!(r.evidence_considered, 3);
    assert_eq!(r.mentorship.feedback.unwrap().positive, 1);
    assert_eq!(mine(r).packet, "Not a candidate in a cycle.");
    assert_eq!(r.readiness, "");
    assert!(mine(r).reviews.is_empty() && mine(r).checklist.is_empty());
    for format in ExportFormat::ALL {
        let out = text(format, &notes);
        assert_opens_with(format, &out, &notes.privacy_line);
        assert!(
            flat(&out).contains("Not a candidate in a cycle"),
            "{format:?}"
        );
    }
}

/// The PDF's text as pdftotext lays it out, pages separated by form feeds.
fn pdf_text(bytes: &[u8]) -> String {
    pdf_pages(bytes).join("\u{c}")
}

/// pdftotext's text made stable for a golden file (see export_render).
fn pdf_golden_text(text: &str) -> String {
    let pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    normalise_pdf_text(&pages)
}

#[tokio::test]
async fn export_notes_print_every_date_as_a_manager_reads_it() {
    let r = record().await;
    let iso = |s: &str| {
        s.as_bytes().windows(10).any(|w| {
            w.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        })
    };
    for options in [DEFAULT, BOTH] {
        let notes = r.notes(options).await;
        for format in [
            ExportFormat::Markdown,
            ExportFormat::Html,
            ExportFormat::Pdf,
        ] {
            let out = text(format, &notes);
            assert!(
                !iso(&out),
                "{format:?} {options:?} prints an ISO date:\n{out}"
            );
        }
        let md = text(ExportFormat::Markdown, &notes);
        assert!(md.contains("24 Nov 2026"), "{md}");
    }
}

/// One report's notes as of `as_of`, with the default options.
async fn notes_of(ts: &TestStore, id: &ReportId, as_of: &str) -> CalibrationNotes {
    ts.calibration_notes(
        &ExportScope::Report {
            report_id: id.clone(),
        },
        &DEFAULT,
        date(as_of),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn export_notes_as_of_a_day_before_a_ladder_change_use_the_level_names_of_that_day() {
    let (ts, clock) = store_on("2026-03-02").await;
    let ada = ts
        .create_report(&report_draft(&ts, "Ada Lovelace").await)
        .await
        .unwrap();
    let before = notes_of(&ts, &ada.id, "2026-03-02").await;
    let current = ada.current_level.clone();
    clock.set("2026-06-01");
    ts.rename_level(&current.id, "Staff Engineer II")
        .await
        .unwrap();
    for (as_of, name) in [
        ("2026-03-02", current.name.as_str()),
        ("2026-06-01", "Staff Engineer II"),
    ] {
        let notes = notes_of(&ts, &ada.id, as_of).await;
        assert!(
            notes.reports[0].levels.starts_with(&format!("{name} →")),
            "as of {as_of}: {}",
            notes.reports[0].levels
        );
        assert!(
            notes.context[0].starts_with(name),
            "as of {as_of}: {:?}",
            notes.context
        );
    }
    // The same day's notes read the same before and after the rename.
    let again = notes_of(&ts, &ada.id, "2026-03-02").await;
    assert_eq!(again.reports, before.reports);
}

#[tokio::test]
async fn committee_brief_from_the_store_matches_the_goldens() {
    let r = record().await;
    let notes = r.notes(COMMITTEE).await;
    golden(
        "committee_from_store.md",
        &text(ExportFormat::Markdown, &notes),
    );
    golden(
        "committee_from_store.html",
        &text(ExportFormat::Html, &notes),
    );
    golden(
        "committee_from_store.pdf.txt",
        &pdf_golden_text(&text(ExportFormat::Pdf, &notes)),
    );
}

#[tokio::test]
async fn committee_brief_holds_the_case_and_nothing_about_risks_or_left_out_feedback() {
    let r = record().await;
    let notes = r.notes(COMMITTEE).await;
    assert_eq!(notes.brief, Brief::Committee);
    assert_eq!(notes.title, "Committee brief: H2 2026 calibration");
    assert_eq!(
        trellis_core::export::file_stem(&notes),
        "committee-brief-h2-2026-calibration-2026-11-24"
    );
    assert!(notes.privacy_line.starts_with("Committee brief:"));
    assert!(!notes.includes_private_notes && !notes.includes_non_quotable);
    for x in &notes.reports {
        assert!(x.manager_only.is_none(), "{}", x.name);
        assert!(x.mentorship.feedback.is_none() && x.archetype_fit.is_none());
        assert!(x.mandate.iter().all(|m| m.review.is_none()));
        assert!(x.advocates.iter().all(|a| a.strength.is_none()));
        assert!(x.mentorship.quotes.iter().all(|q| q.quotable));
    }
    for format in ExportFormat::ALL {
        let out = text(format, &notes);
        assert_opens_with(format, &out, &notes.privacy_line);
        let all = flat(&out);
        // The case: the summary, the flagships and strongest work with impact and audience, the
        // quotable words, the advocates and what they saw, the readiness calls.
        for case in [
            "The cycle at a glance",
            "Ledger consistency migration",
            "Reconciliation breaks down from 40 to 2 a month",
            "Morgan Avery (committee) — demo, 5 Oct 2026",
            "Search relevance overhaul",
            "Search conversion up 12%",
            QUOTE,
            "Samira Whitfield",
            "The search demo.",
            "Ready",
            "Undecided",
            // Hedy's readiness call and its plan.
            "Not ready",
            "Expected cycle: H1 2027",
            "Actions: Lead the query-planner redesign.",
            "Lint-rule sweep",
        ] {
            assert!(all.contains(case), "{format:?} lacks {case:?}:\n{all}");
        }
        // Nothing about risks, nothing of the manager's own.
        for risk in [
            "Signals",
            "Rules of thumb",
            "A year in production before promotion",
            "Packet and reviews",
            "Awaited since",
            "Acknowledged",
            "Suggested",
            "Earlier in the cycle",
            "needed as",
            "⚠",
            "Feedback:",
            " — Strong",
            " — Moderate",
            " — Weak",
            PRIVATE_MARKER,
            SHARED_MARKER,
            MENTEES_RULE,
            // The reason Hedy is not ready, a drifting tag, the mandate's review date.
            HEDY_WHY,
            "Why:",
            "Snacking",
            "Preening",
            "review by",
            "quotable feedback recorded",
        ] {
            assert!(!all.contains(risk), "{format:?} holds {risk:?}:\n{all}");
        }
        // Feedback left out is not traceable: not its words, who gave it, when, or how much.
        for leak in [
            HEDY_SECRET,
            SECRET,
            "cancelled",
            "Quinn",
            "Okoro",
            "23 Sep 2026",
            "Jamie Chen's manager",
            "negative",
            "Negative",
            "Mixed",
            "not marked quotable has not",
            "left out of this document",
        ] {
            assert!(!all.contains(leak), "{format:?} leaks {leak:?}:\n{all}");
        }
        // As of the day: the level names before the rename two days later.
        assert!(!all.contains(LATER_LEVEL), "{format:?}");
        assert!(all.contains("Staff → Senior Staff"), "{format:?}");
    }
    // Hedy's case rests on work that ended before the cycle opened: it leads, as her flagship.
    let hedy = notes
        .reports
        .iter()
        .find(|x| x.name == "Hedy Lamarr")
        .unwrap();
    let top = &hedy.evidence[0];
    assert_eq!(
        (top.title.as_str(), top.flagship, top.period.as_str()),
        (
            "Search relevance overhaul",
            true,
            "6 Oct 2025 – 30 Apr 2026"
        )
    );
    assert_eq!(
        (hedy.mentorship.mentees, hedy.mentorship.quotes.len()),
        (1, 0)
    );
    let summary: Vec<(&str, &str, Vec<&str>)> = notes
        .summary
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.flagship.as_str(),
                s.advocates.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            // By name: the order must not reveal who supports them more.
            (
                "Ada Lovelace",
                "Ledger consistency migration",
                vec!["Omar Haddad", "Samira Whitfield"]
            ),
            ("Grace Hopper", "", vec![]),
            (
                "Hedy Lamarr",
                "Search relevance overhaul",
                vec!["Omar Haddad"]
            ),
        ]
    );
    // One page for the summary, then one page per candidate, each opening with the name.
    let pages = pdf_pages(&ExportFormat::Pdf.render(&notes).unwrap());
    assert_eq!(pages.len(), 1 + notes.reports.len(), "{pages:#?}");
    assert!(squash(&pages[0]).contains("The cycle at a glance"));
    for (page, x) in pages[1..].iter().zip(&notes.reports) {
        assert!(page.contains(&x.name), "{} not on its page", x.name);
    }
    // The same record as of today has the new level name: the as-of export did not.
    let today =
        r.ts.calibration_notes(
            &ExportScope::Cycle {
                cycle_id: r.cycle.clone(),
            },
            &COMMITTEE,
            date("2026-11-26"),
        )
        .await
        .unwrap();
    assert!(
        today.reports[0].levels.starts_with(LATER_LEVEL),
        "{}",
        today.reports[0].levels
    );
}

#[tokio::test]
async fn the_manager_brief_keeps_the_risks_and_says_whose_it_is() {
    let r = record().await;
    let notes = r.notes(DEFAULT).await;
    assert_eq!(notes.title, "Manager's brief: H2 2026 calibration");
    assert_eq!(
        trellis_core::export::file_stem(&notes),
        "managers-brief-h2-2026-calibration-2026-11-24"
    );
    assert_eq!(notes.summary.len(), 3, "the summary is there too");
    for format in ExportFormat::ALL {
        let out = text(format, &notes);
        assert_opens_with(format, &out, &notes.privacy_line);
        let all = flat(&out);
        for risk in [
            "Signals",
            "Rules of thumb",
            "Packet and reviews",
            "needed as",
        ] {
            assert!(all.contains(risk), "{format:?} lacks {risk:?}");
        }
        // Hedy's complaint is open but left out: it shows as open, without who or when; so does
        // the rule of thumb that reads it (its "since" would be the complaint's day).
        assert!(all.contains("left out of this document"), "{format:?}");
        assert!(
            all.contains(HEDY_WHY),
            "{format:?}: the manager's brief says why"
        );
        for leak in [HEDY_SECRET, "Quinn", "23 Sep 2026"] {
            assert!(!all.contains(leak), "{format:?} leaks {leak:?}");
        }
    }
}

#[tokio::test]
async fn the_committee_brief_refuses_private_content_and_names_the_option() {
    let r = record().await;
    for (options, field) in [
        (
            ExportOptions {
                include_private_notes: true,
                ..COMMITTEE
            },
            "includePrivateNotes",
        ),
        (
            ExportOptions {
                include_non_quotable: true,
                ..COMMITTEE
            },
            "includeNonQuotable",
        ),
    ] {
        let err =
            r.ts.calibration_notes(
                &ExportScope::Report {
                    report_id: r.ada.clone(),
                },
                &options,
                date(AS_OF),
            )
            .await
            .unwrap_err();
        assert_eq!(err.field_issues()[0].field, field);
        assert!(
            err.to_string()
                .contains("The committee brief never includes"),
            "{err}"
        );
    }
}
