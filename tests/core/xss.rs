//! Known XSS payloads in every user-written field that reaches a renderer: the calibration
//! notes (Markdown, HTML, PDF) and the 1:1 prep (Markdown). Each renderer keeps them as text:
//! no tag, attribute or link that a browser or a Markdown viewer would act on.

use trellis_core::export::{ExportFormat, ExportOptions, ExportScope};
use trellis_core::model::Relationship;

use crate::export_render::pdf_pages;
use crate::support::*;

const PAYLOADS: [&str; 6] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<embed src=x>",
    "[click](javascript:alert(4))",
];

/// Every payload at once, as one line of text.
fn hostile(prefix: &str) -> String {
    format!("{prefix} {}", PAYLOADS.join(" "))
}

/// Tags a browser would act on (in HTML, and in Markdown, which passes raw HTML through).
const TAGS: [&str; 5] = ["<script", "<img", "<svg", "<iframe", "<embed"];
/// A link a Markdown viewer would make clickable.
const MARKDOWN_LINK: &str = "](javascript:";

/// The manager's brief of one report, with everything in it (private notes, non-quotable
/// feedback): every user-written field that reaches a renderer.
async fn notes_of(
    s: &trellis_core::Store,
    report: &trellis_core::ids::ReportId,
) -> trellis_core::export::CalibrationNotes {
    s.calibration_notes(
        &ExportScope::Report {
            report_id: report.clone(),
        },
        &ExportOptions {
            brief: trellis_core::export::Brief::Manager,
            include_private_notes: true,
            include_non_quotable: true,
        },
        today(),
    )
    .await
    .unwrap()
}

fn render(notes: &trellis_core::export::CalibrationNotes, format: ExportFormat) -> String {
    String::from_utf8(format.render(notes).unwrap()).unwrap()
}

/// No active markup in `out`: every occurrence of a tag opener or a script link is escaped
/// (Markdown's `\<` and `\]` are shown literally; HTML escapes to `&lt;` and never has them).
fn assert_inert(what: &str, out: &str, active: &[&str]) {
    let lower = out.to_lowercase();
    for bad in active {
        for (i, _) in lower.match_indices(bad) {
            let escaped = lower[..i].ends_with('\\');
            assert!(
                escaped,
                "{what} contains an unescaped {bad:?}: …{}…",
                &out[i.saturating_sub(40)..(i + 40).min(out.len())]
            );
        }
    }
}

#[tokio::test]
async fn xss_payloads_stay_text_in_every_renderer() {
    let ts = open_store().await;
    let s = &ts.store;
    let report = add_report(s, "Ada Lovelace").await;
    let mentee = add_person(s, "Mentee <b>bold</b>", Relationship::MyOrg).await;
    let mut evidence = evidence_draft(&hostile("Title"));
    evidence.description = hostile("Description");
    evidence.impact = hostile("Impact");
    s.create_evidence(&report.id, &evidence).await.unwrap();
    let m = s
        .create_mentorship(&report.id, &mentorship_draft(&mentee.id))
        .await
        .unwrap();
    s.add_feedback(&m.id, &feedback_draft(&hostile("Words")))
        .await
        .unwrap();
    let ones = s
        .create_meeting(&report.id, &meeting_draft("2026-11-20"))
        .await
        .unwrap();
    let meeting = &ones.meetings[0];
    s.add_note(&meeting.id, &note_draft(&hostile("Note"), true))
        .await
        .unwrap();
    s.add_agenda_item(&report.id, None, &agenda_draft(&hostile("Agenda")))
        .await
        .unwrap();

    let notes = notes_of(s, &report.id).await;
    let md = render(&notes, ExportFormat::Markdown);
    let html = render(&notes, ExportFormat::Html);
    let pdf = pdf_pages(&ExportFormat::Pdf.render(&notes).unwrap()).join("\n");
    let prep = trellis_core::prep::markdown::render(&s.prep(&report.id, today()).await.unwrap());

    // The hostile text made it into each output (so the checks below are not vacuous)…
    for (what, out, needle) in [
        ("Markdown", &md, "Title"),
        ("HTML", &html, "Title"),
        ("Markdown", &md, "Note"),
        ("HTML", &html, "Note"),
        ("prep", &prep, "Agenda"),
    ] {
        assert!(out.contains(needle), "{what} lacks the {needle} field");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // …and nothing in it is active.
    let markdown: Vec<&str> = TAGS.iter().copied().chain([MARKDOWN_LINK]).collect();
    assert_inert("the Markdown notes", &md, &markdown);
    assert_inert("the 1:1 prep", &prep, &markdown);
    assert_inert("the HTML notes", &html, &TAGS);
    assert!(
        !html.to_lowercase().contains("href="),
        "the HTML notes link to something"
    );
    // No tag in the HTML carries an event handler or a source.
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("").to_lowercase();
        for attr in ["onerror", "onload", "src="] {
            assert!(
                !inside.contains(attr),
                "the HTML has a tag with {attr}: <{inside}>"
            );
        }
    }
    // The PDF is text: the payloads are printed as written, not interpreted.
    assert!(
        pdf.contains("<script>alert(1)</script>"),
        "the PDF shows the payload as text"
    );
}

#[tokio::test]
async fn markdown_in_free_text_is_rendered_by_every_export_and_only_safe_links_survive() {
    let ts = open_store().await;
    let s = &ts.store;
    let report = add_report(s, "Ada Lovelace").await;
    let mut evidence = evidence_draft("Ledger migration");
    evidence.impact = "Cut **p99** by *40%*.\n\n- [The RFC](https://rfc.example/7)\n- [trap](javascript:alert(5)) <img src=x onerror=alert(6)>".to_owned();
    s.create_evidence(&report.id, &evidence).await.unwrap();
    let ones = s
        .create_meeting(&report.id, &meeting_draft("2026-11-20"))
        .await
        .unwrap();
    s.add_note(
        &ones.meetings[0].id,
        &note_draft("Wants **staff** scope.\nAsked about `on-call`.", true),
    )
    .await
    .unwrap();
    let notes = notes_of(s, &report.id).await;
    let md = render(&notes, ExportFormat::Markdown);
    let html = render(&notes, ExportFormat::Html);
    let pdf = pdf_pages(&ExportFormat::Pdf.render(&notes).unwrap()).join(" ");

    assert!(html.contains("Impact: Cut <strong>p99</strong> by <em>40%</em>.<br>• <a href=\"https://rfc.example/7\">The RFC</a><br>• trap &lt;img src=x onerror=alert(6)&gt;"), "{html}");
    assert!(
        html.contains("Wants <strong>staff</strong> scope.<br>Asked about <code>on-call</code>."),
        "{html}"
    );
    assert!(
        md.contains(
            "Impact: Cut **p99** by *40%*. • [The RFC](<https://rfc.example/7>) • trap \\<img"
        ),
        "{md}"
    );
    assert!(
        md.contains("Wants **staff** scope. Asked about `on-call`."),
        "{md}"
    );
    let pdf = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        pdf.contains("Cut p99 by 40%. • The RFC (https://rfc.example/7) • trap"),
        "{pdf}"
    );
    assert!(!pdf.contains("**"), "{pdf}");
    for out in [&md, &html] {
        assert!(!out.to_lowercase().contains("javascript:"), "{out}");
    }
    assert_inert("the HTML notes", &html, &TAGS);
}
