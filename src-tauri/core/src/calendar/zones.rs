//! Time zone names as calendar apps write them. Google and Apple write IANA names
//! ("Europe/Berlin"); Outlook writes Windows names ("W. Europe Standard Time"), sometimes in
//! quotes. The recurrence library knows only IANA names, so before reading, every `TZID`
//! parameter is rewritten to one it knows: a Windows name to its IANA zone, anything else
//! dropped (the time is then read as written, which for a 1:1's date is almost always right,
//! and the preview says so).

use std::collections::BTreeSet;

/// Windows zone names that Outlook writes, with their IANA zone (CLDR's windowsZones, the
/// "001" territory of each): the common ones; others fall back to the time as written.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time", "America/Denver"),
    ("Central Standard Time", "America/Chicago"),
    ("Eastern Standard Time", "America/New_York"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("UTC", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("India Standard Time", "Asia/Kolkata"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
];

/// The file's text with every `TZID` parameter naming a zone the library knows, and, for each
/// event in the order of the file (its `BEGIN:VEVENT`s), the names that could not be placed
/// (their times are read as written).
pub(super) fn known_zones(text: &str) -> (String, Vec<BTreeSet<String>>) {
    let unfolded = icalendar::parser::unfold(text);
    let mut per_event: Vec<BTreeSet<String>> = Vec::new();
    let mut outside = BTreeSet::new();
    let mut out = String::with_capacity(unfolded.len());
    for line in unfolded.split_inclusive('\n') {
        if line.trim_end().eq_ignore_ascii_case("BEGIN:VEVENT") {
            per_event.push(BTreeSet::new());
        }
        let unknown = per_event.last_mut().unwrap_or(&mut outside);
        out.push_str(&rewrite_line(line, unknown));
    }
    (out, per_event)
}

fn rewrite_line(line: &str, unknown: &mut BTreeSet<String>) -> String {
    // Parameters sit between the property name and the first ':' outside quotes.
    let Some(colon) = value_start(line) else {
        return line.to_owned();
    };
    let (head, rest) = line.split_at(colon);
    if !head.to_ascii_uppercase().contains(";TZID=") {
        return line.to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    for param in split_params(head) {
        let is_tzid = param
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("TZID="));
        let Some(name) = is_tzid.then(|| &param[5..]) else {
            parts.push(param);
            continue;
        };
        let name = name.trim_matches('"').trim_start_matches('/');
        match iana(name) {
            Some(zone) => parts.push(format!("TZID={zone}")),
            None => {
                unknown.insert(name.to_owned());
            }
        }
    }
    format!("{}{rest}", parts.join(";"))
}

/// The IANA name for a zone as a calendar wrote it, if there is one.
fn iana(name: &str) -> Option<String> {
    if name.parse::<chrono_tz::Tz>().is_ok() {
        return Some(name.to_owned());
    }
    WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(name))
        .map(|(_, zone)| (*zone).to_owned())
}

/// Where the value begins: the first ':' not inside a quoted parameter value.
fn value_start(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// "DTSTART;TZID=\"A;B\";X=1" → ["DTSTART", "TZID=\"A;B\"", "X=1"].
fn split_params(head: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in head.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ';' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_names_become_iana_and_unknown_names_are_dropped_and_reported() {
        let text = "BEGIN:VEVENT\r\nDTSTART;TZID=\"W. Europe Standard Time\":20270104T100000\r\nEXDATE;TZID=Nowhere/Special:20270111T100000\r\nDTEND;TZID=Europe/Paris:20270104T103000\r\nSUMMARY:Ada: 1:1\r\nEND:VEVENT\r\n";
        let (out, per_event) = known_zones(text);
        let unknown: Vec<String> = per_event.into_iter().flatten().collect();
        assert!(
            out.contains("DTSTART;TZID=Europe/Berlin:20270104T100000"),
            "{out}"
        );
        assert!(out.contains("EXDATE:20270111T100000"), "{out}");
        assert!(
            out.contains("DTEND;TZID=Europe/Paris:20270104T103000"),
            "{out}"
        );
        assert!(out.contains("SUMMARY:Ada: 1:1"), "{out}");
        assert_eq!(unknown, ["Nowhere/Special"]);
    }
}
