//! Which report an invitation is for, from the names on it: an attendee whose name is the
//! report's, else the report's full name in the title ("1:1 Ada Lovelace / Sam"), else their
//! first name alone in the title or among the attendees when no other report shares it
//! ("Ada <> Sam"). Nothing is guessed when two reports fit equally: the manager chooses.

/// A report as matching sees it.
pub struct Candidate<'a, K> {
    pub key: K,
    pub name: &'a str,
}

/// Whether a report's name (as lower-case words) fits the invitation, at one level of trust.
type Fits<'a> = dyn Fn(&[String]) -> bool + 'a;

/// The report the invitation is for, if exactly one fits best.
pub fn report_for<'a, K: Copy>(
    title: &str,
    attendees: &[String],
    reports: &[Candidate<'a, K>],
) -> Option<K> {
    let title_words = words(title);
    let attendee_words: Vec<Vec<String>> = attendees.iter().map(|a| words(a)).collect();
    let tiers: [&Fits; 3] = [
        &|name| attendee_words.iter().any(|a| a == name),
        &|name| contains_run(&title_words, name),
        &|name| {
            name.first().is_some_and(|first| {
                title_words.contains(first)
                    || attendee_words.iter().any(|a| a.first() == Some(first))
            })
        },
    ];
    for fits in tiers {
        let mut found = reports.iter().filter(|r| {
            let name = words(r.name);
            !name.is_empty() && fits(&name)
        });
        match (found.next(), found.next()) {
            (Some(only), None) => return Some(only.key),
            (Some(_), Some(_)) => return None,
            _ => {}
        }
    }
    None
}

/// Lower-case words, without punctuation ("Ada <> Sam: 1:1" → ["ada", "sam", "1", "1"]).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `run` appears in `haystack` as consecutive words.
fn contains_run(haystack: &[String], run: &[String]) -> bool {
    !run.is_empty() && haystack.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reports() -> Vec<Candidate<'static, u8>> {
        vec![
            Candidate {
                key: 1,
                name: "Ada Lovelace",
            },
            Candidate {
                key: 2,
                name: "Grace Hopper",
            },
            Candidate {
                key: 3,
                name: "Grace Chen",
            },
        ]
    }

    fn attendees(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn an_attendee_with_the_reports_name_decides() {
        let found = report_for(
            "Weekly sync",
            &attendees(&["Sam Manager", "Grace Hopper"]),
            &reports(),
        );
        assert_eq!(found, Some(2));
    }

    #[test]
    fn the_full_name_or_an_unshared_first_name_in_the_title() {
        assert_eq!(report_for("1:1 Grace Chen / Sam", &[], &reports()), Some(3));
        assert_eq!(report_for("Ada <> Sam", &[], &reports()), Some(1));
    }

    #[test]
    fn nothing_is_guessed_when_two_reports_fit_or_none_does() {
        assert_eq!(report_for("Grace / Sam 1:1", &[], &reports()), None);
        assert_eq!(
            report_for("Team standup", &attendees(&["sam@example.com"]), &reports()),
            None
        );
        // "Adam" is not "Ada".
        assert_eq!(report_for("Adam / Sam", &[], &reports()), None);
    }
}
