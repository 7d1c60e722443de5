//! Calendar import from real .ics files as Google Calendar and Outlook export them: a weekly
//! series with an excluded day, a moved occurrence and a cancelled one; a single Outlook
//! invitation in a Windows time zone; matching to reports by the names on the invitation; the
//! manager's choice; and importing the same file twice planning nothing new.

use trellis_core::error::Error;
use trellis_core::model::{CalendarChoice, CalendarPreview, InvitationPreview};

use crate::cycle_support::*;
use crate::support::*;

const WEEKLY: &str = include_str!("fixtures/calendar/weekly-series.ics");
const OUTLOOK: &str = include_str!("fixtures/calendar/outlook-invitation.ics");

fn days(list: &[&str]) -> Vec<chrono::NaiveDate> {
    list.iter().map(|d| date(d)).collect()
}

fn only(preview: &CalendarPreview) -> &InvitationPreview {
    assert_eq!(preview.invitations.len(), 1, "{preview:#?}");
    &preview.invitations[0]
}

fn file_problem(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Validation { message, fields }) => {
            assert!(fields.iter().all(|f| f.field == "file"), "{fields:?}");
            message
        }
        other => panic!("expected a validation error on the file, got {other:?}"),
    }
}

#[tokio::test]
async fn a_weekly_series_plans_its_next_quarter_without_excluded_moved_or_cancelled_days() {
    let (ts, _clock) = store_on("2027-01-04").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    add_report(&ts, "Grace Hopper").await;
    // A 1:1 with Ada is already planned on 11 Jan.
    ts.create_meeting(&ada.id, &meeting_draft("2027-01-11"))
        .await
        .unwrap();

    let preview = ts.preview_calendar(WEEKLY, &[]).await.unwrap();
    assert_eq!(
        (preview.from, preview.until),
        (date("2027-01-04"), date("2027-04-05"))
    );
    let series = only(&preview);
    assert_eq!(series.title, "Ada / Sam 1:1");
    assert!(series.repeats);
    assert_eq!(
        series.report.as_ref().map(|r| r.name.as_str()),
        Some("Ada Lovelace")
    );
    assert!(series.matched, "found from the attendee's name");
    assert_eq!(series.attendees, ["Sam Manager", "Ada Lovelace"]);
    // Weekly on Mondays; 18 Jan excluded (EXDATE), 25 Jan moved to Wed 27 Jan, 1 Feb
    // cancelled; the series' 20 meetings end on 19 Apr, after the quarter.
    assert_eq!(
        series.to_plan,
        days(&[
            "2027-01-04",
            "2027-01-27",
            "2027-02-08",
            "2027-02-15",
            "2027-02-22",
            "2027-03-01",
            "2027-03-08",
            "2027-03-15",
            "2027-03-22",
            "2027-03-29",
            "2027-04-05",
        ])
    );
    assert_eq!(series.already_planned, days(&["2027-01-11"]));
    assert_eq!(series.cancelled, days(&["2027-01-18", "2027-02-01"]));
    assert!(series.cancelled_but_planned.is_empty());
    assert!(series.unknown_zones.is_empty());

    let first = ts.import_calendar(WEEKLY, &[]).await.unwrap();
    assert_eq!((first.planned, first.already_planned), (11, 1));
    assert_eq!(first.reports, ["Ada Lovelace"]);
    let planned: Vec<_> = ts
        .one_on_ones(&ada.id)
        .await
        .unwrap()
        .meetings
        .iter()
        .map(|m| m.held_on)
        .collect();
    assert_eq!(planned.len(), 12);
    assert!(planned.contains(&date("2027-01-27")) && !planned.contains(&date("2027-01-25")));

    // The same file again: nothing new.
    let again = ts.import_calendar(WEEKLY, &[]).await.unwrap();
    assert_eq!((again.planned, again.already_planned), (0, 12));
    assert!(again.reports.is_empty());
    assert_eq!(ts.one_on_ones(&ada.id).await.unwrap().meetings.len(), 12);
    let preview = ts.preview_calendar(WEEKLY, &[]).await.unwrap();
    assert!(only(&preview).to_plan.is_empty());
}

#[tokio::test]
async fn a_day_the_calendar_cancelled_but_trellis_has_planned_is_shown_and_kept() {
    let (ts, _clock) = store_on("2027-01-04").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    ts.create_meeting(&ada.id, &meeting_draft("2027-02-01"))
        .await
        .unwrap();
    let preview = ts.preview_calendar(WEEKLY, &[]).await.unwrap();
    assert_eq!(only(&preview).cancelled_but_planned, days(&["2027-02-01"]));
    ts.import_calendar(WEEKLY, &[]).await.unwrap();
    let meetings = ts.one_on_ones(&ada.id).await.unwrap().meetings;
    assert!(meetings.iter().any(|m| m.held_on == date("2027-02-01")));
}

#[tokio::test]
async fn an_outlook_invitation_in_a_windows_time_zone_lands_on_the_managers_day() {
    // 17:00 in Pacific time on 12 Jan is 01:00 on 13 Jan for a manager on UTC (the test
    // clock's zone): the Windows zone name was understood, not read as written.
    let (ts, _clock) = store_on("2027-01-04").await;
    add_report(&ts, "Ada Lovelace").await;
    let grace = add_report(&ts, "Grace Hopper").await;
    let preview = ts.preview_calendar(OUTLOOK, &[]).await.unwrap();
    let invitation = only(&preview);
    assert_eq!(invitation.title, "Career conversation");
    assert!(!invitation.repeats);
    assert_eq!(invitation.report.as_ref().map(|r| &r.id), Some(&grace.id));
    assert_eq!(invitation.to_plan, days(&["2027-01-13"]));
    assert!(invitation.unknown_zones.is_empty());
    let imported = ts.import_calendar(OUTLOOK, &[]).await.unwrap();
    assert_eq!(imported.planned, 1);
    assert_eq!(
        ts.one_on_ones(&grace.id).await.unwrap().next_meeting,
        Some(date("2027-01-13"))
    );
}

#[tokio::test]
async fn an_unmatched_invitation_waits_for_the_managers_choice_and_can_be_skipped() {
    let (ts, _clock) = store_on("2027-01-04").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:sync-1\r\nSUMMARY:Weekly sync\r\nDTSTART;TZID=Mars/Olympus_Mons:20270105T090000\r\nRRULE:FREQ=WEEKLY;UNTIL=20270120T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let preview = ts.preview_calendar(text, &[]).await.unwrap();
    let invitation = only(&preview);
    assert_eq!(invitation.report, None);
    assert!(!invitation.matched);
    assert_eq!(
        invitation.to_plan,
        days(&["2027-01-05", "2027-01-12", "2027-01-19"])
    );
    assert_eq!(invitation.unknown_zones, ["Mars/Olympus_Mons"]);
    // Without a report nothing is planned.
    let nothing = ts.import_calendar(text, &[]).await.unwrap();
    assert_eq!(nothing.planned, 0);

    let chosen = [CalendarChoice {
        uid: "sync-1".to_owned(),
        report_id: Some(ada.id.clone()),
    }];
    let preview = ts.preview_calendar(text, &chosen).await.unwrap();
    assert_eq!(only(&preview).report.as_ref().map(|r| &r.id), Some(&ada.id));
    assert!(!only(&preview).matched, "chosen by hand");
    assert_eq!(ts.import_calendar(text, &chosen).await.unwrap().planned, 3);

    // Skipping a matched invitation plans nothing for it.
    let (ts, _clock) = store_on("2027-01-04").await;
    add_report(&ts, "Ada Lovelace").await;
    let skip = [CalendarChoice {
        uid: "0f3c2a7b9e@google.com".to_owned(),
        report_id: None,
    }];
    assert_eq!(ts.import_calendar(WEEKLY, &skip).await.unwrap().planned, 0);
}

#[tokio::test]
async fn a_file_that_is_not_a_calendar_or_is_broken_is_refused_with_a_reason_and_nothing_changes() {
    let (ts, _clock) = store_on("2027-01-04").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    let not_ics = file_problem(
        ts.preview_calendar("Subject: 1:1\n\nSee you Monday", &[])
            .await,
    );
    assert!(not_ics.contains("not a calendar file"), "{not_ics}");
    let empty = file_problem(
        ts.import_calendar("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", &[])
            .await,
    );
    assert!(empty.contains("no meetings"), "{empty}");
    let bad_rule = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Ada 1:1\r\nDTSTART:20270105T090000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let rule = file_problem(ts.import_calendar(bad_rule, &[]).await);
    assert!(
        rule.contains("Ada 1:1") && rule.contains("repeat rule"),
        "{rule}"
    );
    let no_start = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:y\r\nSUMMARY:Ada 1:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let start = file_problem(ts.import_calendar(no_start, &[]).await);
    assert!(start.contains("no start date"), "{start}");
    // A choice naming a report that is not active is refused on its own field.
    let archived = add_report(&ts, "Grace Hopper").await;
    ts.archive_report(&archived.id).await.unwrap();
    let refused = ts
        .import_calendar(
            WEEKLY,
            &[CalendarChoice {
                uid: "0f3c2a7b9e@google.com".to_owned(),
                report_id: Some(archived.id.clone()),
            }],
        )
        .await;
    assert!(
        matches!(&refused, Err(Error::Validation { fields, .. }) if fields[0].field == "reportId"),
        "{refused:?}"
    );
    assert!(ts.one_on_ones(&ada.id).await.unwrap().meetings.is_empty());
}

#[tokio::test]
async fn a_series_that_repeats_every_second_is_bounded_and_a_cancelled_series_plans_nothing() {
    let (ts, _clock) = store_on("2027-01-04").await;
    add_report(&ts, "Ada Lovelace").await;
    let flood = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:f\r\nSUMMARY:Ada 1:1\r\nDTSTART:20200101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    // Refused after a bounded walk (it used to walk seven years of seconds).
    let flooded = file_problem(ts.preview_calendar(flood, &[]).await);
    assert!(flooded.contains("repeats too often"), "{flooded}");
    // A daily series from thirty years ago is still read: one 1:1 a day in the quarter.
    let daily = flood
        .replace("FREQ=SECONDLY", "FREQ=DAILY")
        .replace("2020", "1997");
    let preview = ts.preview_calendar(&daily, &[]).await.unwrap();
    assert_eq!(only(&preview).to_plan.len(), 92);
    let cancelled = WEEKLY.replacen("STATUS:CONFIRMED", "STATUS:CANCELLED", 1);
    let preview = ts.preview_calendar(&cancelled, &[]).await.unwrap();
    assert!(only(&preview).to_plan.is_empty());
    // Every Monday of the quarter, the moved one included.
    assert_eq!(only(&preview).cancelled.len(), 14);
}

#[tokio::test]
async fn exclusions_by_date_chained_moves_cancellations_and_a_second_invitation_plan_no_wrong_day()
{
    let (ts, _clock) = store_on("2027-01-04").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    // An exclusion written as a date (no time) on a timed series, in a comma list.
    let by_date = WEEKLY.replacen(
        "EXDATE;TZID=Europe/London:20270118T100000",
        "EXDATE;VALUE=DATE:20270118,20270308",
        1,
    );
    let preview = ts.preview_calendar(&by_date, &[]).await.unwrap();
    let series = only(&preview);
    assert!(
        !series.to_plan.contains(&date("2027-01-18")),
        "{:?}",
        series.to_plan
    );
    assert!(
        !series.to_plan.contains(&date("2027-03-08")),
        "{:?}",
        series.to_plan
    );
    assert!(
        series.cancelled.contains(&date("2027-01-18"))
            && series.cancelled.contains(&date("2027-03-08"))
    );

    // 4 Jan moved to 11 Jan, and 11 Jan moved to 12 Jan, listed in either order: 11 and 12.
    let moves = |first: &str, second: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:m\r\nSUMMARY:Ada 1:1\r\nDTSTART:20270104T100000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n{first}{second}END:VCALENDAR\r\n"
        )
    };
    let a = "BEGIN:VEVENT\r\nUID:m\r\nRECURRENCE-ID:20270104T100000\r\nDTSTART:20270111T150000\r\nEND:VEVENT\r\n";
    let b = "BEGIN:VEVENT\r\nUID:m\r\nRECURRENCE-ID:20270111T100000\r\nDTSTART:20270112T100000\r\nEND:VEVENT\r\n";
    for text in [moves(a, b), moves(b, a)] {
        let preview = ts.preview_calendar(&text, &[]).await.unwrap();
        assert_eq!(
            only(&preview).to_plan,
            days(&["2027-01-11", "2027-01-12", "2027-01-18"])
        );
    }

    // Outlook's cancellation (METHOD:CANCEL) plans nothing.
    let cancel = OUTLOOK.replacen("METHOD:REQUEST", "METHOD:CANCEL", 1);
    add_report(&ts, "Grace Hopper").await;
    let preview = ts.preview_calendar(&cancel, &[]).await.unwrap();
    assert!(only(&preview).to_plan.is_empty());
    assert_eq!(only(&preview).cancelled, days(&["2027-01-13"]));

    // Two invitations for Ada on the same Monday (a series and a one-off): one 1:1.
    let one_off = "BEGIN:VEVENT\nUID:extra\nSUMMARY:Ada / Sam: extra 1:1\nDTSTART;TZID=Europe/London:20270104T160000\nEND:VEVENT\nEND:VCALENDAR\n";
    let both = WEEKLY.replacen("END:VCALENDAR\n", one_off, 1);
    assert!(both.contains("UID:extra"), "the one-off is in the file");
    let imported = ts.import_calendar(&both, &[]).await.unwrap();
    assert_eq!(imported.already_planned, 1, "{imported:?}");
    let meetings = ts.one_on_ones(&ada.id).await.unwrap().meetings;
    let mondays = meetings
        .iter()
        .filter(|m| m.held_on == date("2027-01-04"))
        .count();
    assert_eq!(mondays, 1);

    // A file saved with a byte-order mark is still a calendar.
    let marked = format!("\u{feff}{OUTLOOK}");
    let read = ts.preview_calendar(&marked, &[]).await;
    assert!(read.is_ok(), "{read:?}");
}

#[tokio::test]
async fn one_invitation_that_cannot_be_read_is_skipped_with_its_reason_and_the_rest_plans() {
    let (ts, _clock) = store_on("2027-01-04").await;
    let ada = add_report(&ts, "Ada Lovelace").await;
    // A good weekly series, an invitation without a start, and one repeating every second.
    let file = "BEGIN:VCALENDAR\r\n\
        BEGIN:VEVENT\r\nUID:good\r\nSUMMARY:Ada / Sam 1:1\r\nDTSTART:20270105T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:Team lunch\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:flood\r\nSUMMARY:Pings\r\nDTSTART:20200101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let preview = ts.preview_calendar(file, &[]).await.unwrap();
    let by_uid = |uid: &str| {
        preview
            .invitations
            .iter()
            .find(|i| i.uid == uid)
            .unwrap_or_else(|| panic!("no {uid}: {preview:#?}"))
    };
    let good = by_uid("good");
    assert_eq!(good.problem, None);
    assert_eq!(
        good.to_plan,
        days(&["2027-01-05", "2027-01-12", "2027-01-19"])
    );
    let no_start = by_uid("nostart");
    assert!(
        no_start
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("“Team lunch” has no start date")),
        "{no_start:?}"
    );
    assert!(no_start.to_plan.is_empty() && no_start.report.is_none());
    let flood = by_uid("flood");
    assert!(
        flood
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("repeats too often")),
        "{flood:?}"
    );
    assert!(flood.to_plan.is_empty());

    let done = ts.import_calendar(file, &[]).await.unwrap();
    assert_eq!(done.planned, 3);
    assert_eq!(ts.one_on_ones(&ada.id).await.unwrap().meetings.len(), 3);
}

#[tokio::test]
async fn a_file_of_many_long_series_is_read_within_one_budget() {
    let (ts, _clock) = store_on("2027-01-04").await;
    add_report(&ts, "Ada Lovelace").await;
    // Twenty daily series from 1980: each alone is within bounds, all together are not.
    let mut file = String::from("BEGIN:VCALENDAR\r\n");
    for n in 0..20 {
        file.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:s{n}\r\nSUMMARY:Stand-up {n}\r\nDTSTART:19800101T090000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
        ));
    }
    file.push_str("END:VCALENDAR\r\n");
    let preview = ts.preview_calendar(&file, &[]).await.unwrap();
    let read = preview
        .invitations
        .iter()
        .filter(|i| i.problem.is_none())
        .count();
    assert!(
        (1..20).contains(&read),
        "some series are read, the rest skipped: {read}"
    );
    let skipped = preview
        .invitations
        .iter()
        .find_map(|i| i.problem.clone())
        .unwrap_or_default();
    assert!(skipped.contains("occurrences in all"), "{skipped}");
}

#[tokio::test]
async fn an_unknown_time_zone_is_named_on_the_invitations_written_in_it_only() {
    let (ts, _clock) = store_on("2027-01-04").await;
    add_report(&ts, "Ada Lovelace").await;
    let file = "BEGIN:VCALENDAR\r\n\
        BEGIN:VEVENT\r\nUID:mars\r\nSUMMARY:Ada 1:1\r\nDTSTART;TZID=Mars/Olympus_Mons:20270105T090000\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:earth\r\nSUMMARY:Ada 1:1 again\r\nDTSTART:20270112T090000Z\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let preview = ts.preview_calendar(file, &[]).await.unwrap();
    let zones = |uid: &str| {
        preview
            .invitations
            .iter()
            .find(|i| i.uid == uid)
            .map(|i| i.unknown_zones.clone())
            .unwrap_or_else(|| panic!("no {uid}"))
    };
    assert_eq!(zones("mars"), ["Mars/Olympus_Mons"]);
    assert!(zones("earth").is_empty(), "{:?}", zones("earth"));
}
