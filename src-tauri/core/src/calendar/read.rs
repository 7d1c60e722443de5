//! An iCalendar file read into invitations: each event (by UID) with the local dates it falls
//! on inside a window, after its recurrence rule, its excluded dates, its moved occurrences
//! and its cancelled ones. Dates only: a 1:1 is planned for a day.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use icalendar::{
    CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, Property, RecurrenceError,
};

use super::zones::known_zones;
use crate::error::{Error, Result};

/// One invitation in the file: a single meeting or a recurring series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// The event's UID (what makes a later export of the same series the same invitation).
    pub uid: String,
    /// Its title (SUMMARY), trimmed; empty when it has none.
    pub title: String,
    /// Who is invited, by the names the calendar gives them (their e-mail address otherwise).
    pub attendees: Vec<String>,
    /// True for a series (RRULE or RDATE), false for one meeting.
    pub repeats: bool,
    /// The days it takes place inside the window, earliest first.
    pub dates: Vec<NaiveDate>,
    /// The days inside the window that the calendar says are cancelled or excluded.
    pub cancelled: Vec<NaiveDate>,
    /// Time zones the file names that are not known here (their times were read as written).
    pub unknown_zones: Vec<String>,
    /// Why this invitation could not be read (then it plans nothing; the others still do).
    pub problem: Option<String>,
}

/// The days an import looks at, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl Window {
    fn holds(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.until
    }
}

/// Reads a calendar file. `date_of` turns an instant into the manager's local date (the
/// clock's [`crate::clock::Clock::date_of`]). A file that is not iCalendar, or holds no
/// event, is a validation error on the field `file`.
pub fn read(
    text: &str,
    window: Window,
    date_of: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Result<Vec<Invitation>> {
    let text = text.trim_start_matches('\u{feff}');
    let opening = text.trim_start().get(..15).unwrap_or("");
    if !opening.eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        return Err(Error::invalid(
            "file",
            "This is not a calendar file: an .ics file starts with BEGIN:VCALENDAR.",
        ));
    }
    let (text, zones_per_event) = known_zones(text);
    let calendar: icalendar::Calendar = text.parse().map_err(|e: String| {
        let first = e
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(160)
            .collect::<String>();
        Error::invalid(
            "file",
            format!("The calendar file could not be read: {first}"),
        )
    })?;
    // An invitation sent to cancel (Outlook's METHOD:CANCEL) cancels whatever it lists.
    let cancels = calendar
        .property_value("METHOD")
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("CANCEL"));
    let mut by_uid: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    let mut zones_by_uid: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (n, event) in calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .enumerate()
    {
        let uid = event
            .get_uid()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("event {}", n + 1));
        zones_by_uid
            .entry(uid.clone())
            .or_default()
            .extend(zones_per_event.get(n).into_iter().flatten().cloned());
        by_uid.entry(uid).or_default().push(event);
    }
    if by_uid.is_empty() {
        return Err(Error::invalid(
            "file",
            "The calendar file holds no meetings (no VEVENT).",
        ));
    }
    let budget = Cell::new(FILE_STEPS);
    let invitations: Vec<Invitation> = by_uid
        .into_iter()
        .map(|(uid, events)| {
            let unknown_zones: Vec<String> = zones_by_uid
                .get(&uid)
                .map(|z| z.iter().cloned().collect())
                .unwrap_or_default();
            let read = invitation(
                uid.clone(),
                &events,
                window,
                date_of,
                &unknown_zones,
                cancels,
                &budget,
            );
            // One invitation that cannot be read is skipped with its reason; the rest of the
            // file still plans.
            read.unwrap_or_else(|e| Invitation {
                uid,
                title: events
                    .first()
                    .and_then(|e| e.get_summary())
                    .unwrap_or("")
                    .trim()
                    .to_owned(),
                attendees: attendees(events.first().copied()),
                repeats: false,
                dates: Vec::new(),
                cancelled: Vec::new(),
                unknown_zones,
                problem: Some(e.to_string()),
            })
        })
        .collect();
    // A file none of whose invitations can be read is refused with the first reason.
    match invitations.iter().find_map(|i| i.problem.clone()) {
        Some(problem) if invitations.iter().all(|i| i.problem.is_some()) => {
            Err(Error::invalid("file", problem))
        }
        _ => Ok(invitations),
    }
}

/// One UID's events: the series (no RECURRENCE-ID) and its changed occurrences.
fn invitation(
    uid: String,
    events: &[&Event],
    window: Window,
    date_of: &dyn Fn(DateTime<Utc>) -> NaiveDate,
    unknown_zones: &[String],
    cancels: bool,
    budget: &Cell<usize>,
) -> Result<Invitation> {
    let (changes, series): (Vec<&Event>, Vec<&Event>) =
        events.iter().partition(|e| e.get_recurrence_id().is_some());
    let main = series.first().or(changes.first()).copied();
    let title = main
        .and_then(|e| e.get_summary())
        .unwrap_or("")
        .trim()
        .to_owned();
    let mut dates = BTreeSet::new();
    let mut cancelled = BTreeSet::new();
    let mut repeats = false;
    let series_cancelled = cancels || series.first().is_some_and(|e| is_cancelled(e));

    if let Some(event) = series.first() {
        repeats = event.property_value("RRULE").is_some()
            || event.multi_properties().contains_key("RDATE");
        let days = occurrences(event, window, date_of, budget)?;
        // Excluded days by date, whatever time or zone the exclusion was written with (the
        // recurrence library drops only an exact instant).
        let excluded: BTreeSet<NaiveDate> = excluded(event, date_of)
            .into_iter()
            .filter(|d| window.holds(*d))
            .collect();
        if series_cancelled {
            cancelled.extend(days);
        } else {
            dates.extend(days.into_iter().filter(|d| !excluded.contains(d)));
        }
        cancelled.extend(excluded);
    }
    // Changed occurrences: first every original day goes, then the new days come, so that
    // one change moving onto the day another moved away from is kept whatever their order.
    for change in &changes {
        if let Some(day) = change.get_recurrence_id().and_then(|r| day_of(&r, date_of)) {
            dates.remove(&day);
            if series_cancelled || is_cancelled(change) {
                cancelled.extend(Some(day).filter(|d| window.holds(*d)));
            }
        }
    }
    for change in &changes {
        if series_cancelled || cancels || is_cancelled(change) {
            continue;
        }
        if let Some(day) = change.get_start().and_then(|s| day_of(&s, date_of)) {
            if window.holds(day) {
                dates.insert(day);
            }
        }
    }
    let cancelled = cancelled.difference(&dates).copied().collect();
    Ok(Invitation {
        uid,
        title,
        attendees: attendees(main),
        repeats,
        dates: dates.into_iter().collect(),
        cancelled,
        unknown_zones: unknown_zones.to_vec(),
        problem: None,
    })
}

/// The days inside the window the event (or its series) takes place on.
fn occurrences(
    event: &Event,
    window: Window,
    date_of: &dyn Fn(DateTime<Utc>) -> NaiveDate,
    budget: &Cell<usize>,
) -> Result<Vec<NaiveDate>> {
    let Some(start) = event.get_start() else {
        return Err(Error::invalid(
            "file",
            format!(
                "The meeting “{}” has no start date (DTSTART).",
                label(event)
            ),
        ));
    };
    let set = event
        .get_recurrence()
        .map_err(|e| Error::invalid("file", recurrence_problem(event, &e)))?;
    // A day either side, so that no zone's midnight falls outside; the dates are then
    // filtered on the manager's own calendar.
    let after = utc_midnight(window.from.pred_opt().unwrap_or(window.from));
    let before =
        utc_midnight(window.until.succ_opt().unwrap_or(window.until)) + chrono::Days::new(1);
    let after = after.with_timezone(&icalendar::Tz::UTC);
    let before = before.with_timezone(&icalendar::Tz::UTC);
    let as_written = written_as_is(&start);
    let mut days = Vec::new();
    // Walked by hand, step by step from the series' start, so that the work is bounded
    // whatever the rule says (a rule repeating every second from years ago would otherwise
    // be walked to the window one second at a time).
    let mut steps = set.limit().into_iter();
    for _ in 0..MAX_STEPS {
        let Some(left) = budget.get().checked_sub(1) else {
            return Err(Error::invalid(
                "file",
                format!(
                    "“{}” was not read: the file holds more than {FILE_STEPS} occurrences in all before the next quarter ends.",
                    label(event)
                ),
            ));
        };
        budget.set(left);
        let Some(at) = steps.next() else {
            return Ok(days);
        };
        if at >= before {
            return Ok(days);
        }
        if at < after {
            continue;
        }
        let day = if as_written {
            at.date_naive()
        } else {
            date_of(at.with_timezone(&Utc))
        };
        if window.holds(day) {
            days.push(day);
        }
    }
    Err(Error::invalid(
        "file",
        format!(
            "“{}” repeats too often to be a 1:1 series (more than {MAX_STEPS} times before the next quarter ends).",
            label(event)
        ),
    ))
}

/// The most occurrences walked through in one series, from its start to the window's end: a
/// daily 1:1 for fifty years. A rule that needs more is refused.
const MAX_STEPS: usize = 20_000;
/// The most occurrences walked through in one file: ten such series.
const FILE_STEPS: usize = 10 * MAX_STEPS;

fn utc_midnight(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN))
}

/// A date, or a floating time (no zone): the day is the one written.
fn written_as_is(start: &DatePerhapsTime) -> bool {
    matches!(
        start,
        DatePerhapsTime::Date(_) | DatePerhapsTime::DateTime(CalendarDateTime::Floating(_))
    )
}

/// The manager's day of a date or time as the calendar wrote it.
fn day_of(
    value: &DatePerhapsTime,
    date_of: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Option<NaiveDate> {
    match value {
        DatePerhapsTime::Date(day) => Some(*day),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(at)) => Some(at.date()),
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(at)) => Some(date_of(*at)),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            match tzid.parse::<chrono_tz::Tz>() {
                Ok(zone) => zone
                    .from_local_datetime(date_time)
                    .earliest()
                    .map(|at| date_of(at.with_timezone(&Utc))),
                Err(_) => Some(date_time.date()),
            }
        }
    }
}

/// The days listed in EXDATE (each property may list several, comma-separated).
fn excluded(event: &Event, date_of: &dyn Fn(DateTime<Utc>) -> NaiveDate) -> Vec<NaiveDate> {
    let Some(lists) = event.multi_properties().get("EXDATE") else {
        return Vec::new();
    };
    lists
        .iter()
        .flat_map(|list| {
            list.value().split(',').filter_map(|value| {
                let mut one = Property::new("EXDATE", value.trim());
                for (key, param) in list.params() {
                    one.add_parameter(key, param.value());
                }
                DatePerhapsTime::from_property(&one).and_then(|d| day_of(&d, date_of))
            })
        })
        .collect()
}

fn is_cancelled(event: &Event) -> bool {
    event
        .property_value("STATUS")
        .is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED"))
}

/// Attendees and organiser by name (CN), else by address.
fn attendees(event: Option<&Event>) -> Vec<String> {
    let Some(event) = event else {
        return Vec::new();
    };
    let mut people = Vec::new();
    let organizer = event.properties().get("ORGANIZER");
    let invited = event
        .multi_properties()
        .get("ATTENDEE")
        .into_iter()
        .flatten();
    for person in organizer.into_iter().chain(invited) {
        let name = person
            .params()
            .get("CN")
            .map(|cn| cn.value().trim_matches('"').trim().to_owned())
            .filter(|cn| !cn.is_empty())
            .unwrap_or_else(|| {
                let value = person.value();
                value
                    .get(..7)
                    .filter(|p| p.eq_ignore_ascii_case("mailto:"))
                    .map_or(value, |_| &value[7..])
                    .trim()
                    .to_owned()
            });
        if !name.is_empty() && !people.contains(&name) {
            people.push(name);
        }
    }
    people
}

/// The event as messages name it: its title, else words (never its UID).
fn label(event: &Event) -> String {
    event
        .get_summary()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(super::UNTITLED)
        .to_owned()
}

fn recurrence_problem(event: &Event, e: &RecurrenceError) -> String {
    format!(
        "The repeat rule of “{}” could not be read ({e}).",
        label(event)
    )
}
