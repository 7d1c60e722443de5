//! The names a history uses, and the ids the store gave them: people, reports (with the day
//! each was entered), evidence by title, cycles, candidacies, rules by wording, mentorships.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::error::Place;

use crate::ids::{CandidateId, CycleId, EvidenceId, MentorshipId, PersonId, ReportId, RuleId};

#[derive(Debug, Default)]
pub struct Names {
    people: HashMap<String, PersonId>,
    reports: HashMap<String, (ReportId, NaiveDate)>,
    /// (title, report name, id), in the order they were entered.
    evidence: Vec<(String, String, EvidenceId)>,
    cycles: HashMap<String, CycleId>,
    candidates: Vec<(String, String, CandidateId)>,
    /// Where each report was first made a candidate.
    candidate_places: Vec<(String, Place)>,
    rules: HashMap<String, RuleId>,
    mentorships: HashMap<(String, String), MentorshipId>,
}

/// "no person called "X"" and the like: the message of a failed lookup.
pub type Lookup<T> = Result<T, String>;

fn missing(what: &str, name: &str, hint: &str) -> String {
    format!("no {what} called \u{201c}{name}\u{201d} ({hint})")
}

impl Names {
    pub fn add_person(&mut self, name: &str, id: PersonId) -> Lookup<()> {
        if self.people.contains_key(name) {
            return Err(format!(
                "\u{201c}{name}\u{201d} is already in the people directory"
            ));
        }
        self.people.insert(name.to_owned(), id);
        Ok(())
    }

    pub fn person(&self, name: &str) -> Lookup<PersonId> {
        self.people.get(name).cloned().ok_or_else(|| {
            missing(
                "person",
                name,
                "add them with a `person` or `report` step first",
            )
        })
    }

    pub fn people(&self, names: &[String]) -> Lookup<Vec<PersonId>> {
        names.iter().map(|n| self.person(n)).collect()
    }

    pub fn add_report(
        &mut self,
        name: &str,
        id: ReportId,
        person: PersonId,
        entered: NaiveDate,
    ) -> Lookup<()> {
        self.add_person(name, person)?;
        self.reports.insert(name.to_owned(), (id, entered));
        Ok(())
    }

    pub fn report(&self, name: &str) -> Lookup<ReportId> {
        self.reports
            .get(name)
            .map(|(id, _)| id.clone())
            .ok_or_else(|| missing("report", name, "add them with a `report` step first"))
    }

    /// The day the report was entered into Trellis.
    pub fn report_entered(&self, name: &str) -> Lookup<NaiveDate> {
        self.reports
            .get(name)
            .map(|(_, d)| *d)
            .ok_or_else(|| missing("report", name, "add them with a `report` step first"))
    }

    pub fn add_evidence(&mut self, title: &str, report: &str, id: EvidenceId) -> Lookup<()> {
        if self
            .evidence
            .iter()
            .any(|(t, r, _)| t == title && r == report)
        {
            return Err(format!(
                "{report} already has evidence titled \u{201c}{title}\u{201d}"
            ));
        }
        self.evidence
            .push((title.to_owned(), report.to_owned(), id));
        Ok(())
    }

    /// Evidence by title, and by whose when two reports have the same title.
    pub fn evidence(&self, title: &str, report: Option<&str>) -> Lookup<EvidenceId> {
        let found: Vec<&(String, String, EvidenceId)> = self
            .evidence
            .iter()
            .filter(|(t, r, _)| t == title && report.is_none_or(|want| want == r))
            .collect();
        match found.as_slice() {
            [(_, _, id)] => Ok(id.clone()),
            [] => Err(missing("evidence", title, "add it with an `evidence … for …` step first")),
            _ => Err(format!(
                "several reports have evidence titled \u{201c}{title}\u{201d}: say whose (`… of \"Report\"` / `… for \"Report\"`)"
            )),
        }
    }

    pub fn add_cycle(&mut self, name: &str, id: CycleId) {
        self.cycles.insert(name.to_owned(), id);
    }

    pub fn cycle(&self, name: &str) -> Lookup<CycleId> {
        self.cycles
            .get(name)
            .cloned()
            .ok_or_else(|| missing("cycle", name, "add it with a `cycle` step first"))
    }

    pub fn add_candidate(&mut self, report: &str, cycle: &str, id: CandidateId, place: &Place) {
        self.candidates
            .push((report.to_owned(), cycle.to_owned(), id));
        if !self.candidate_places.iter().any(|(r, _)| r == report) {
            self.candidate_places
                .push((report.to_owned(), place.clone()));
        }
    }

    pub fn candidate(&self, report: &str, cycle: &str) -> Lookup<CandidateId> {
        self.candidates
            .iter()
            .find(|(r, c, _)| r == report && c == cycle)
            .map(|(_, _, id)| id.clone())
            .ok_or_else(|| format!("{report} is not a candidate in \u{201c}{cycle}\u{201d} (add a `candidate` step first)"))
    }

    /// The cycles a report is a candidate in, in the order they were added.
    pub fn cycles_of(&self, report: &str) -> Vec<String> {
        self.candidates
            .iter()
            .filter(|(r, _, _)| r == report)
            .map(|(_, c, _)| c.clone())
            .collect()
    }

    /// Every report that is a candidate somewhere, with the step that first made them one.
    pub fn candidate_reports(&self) -> &[(String, Place)] {
        &self.candidate_places
    }

    pub fn add_rule(&mut self, wording: &str, id: RuleId) {
        self.rules.insert(wording.to_owned(), id);
    }

    pub fn rule(&self, wording: &str) -> Lookup<RuleId> {
        self.rules
            .get(wording)
            .cloned()
            .ok_or_else(|| missing("rule of thumb", wording, "add it with a `rule` step first"))
    }

    pub fn add_mentorship(&mut self, report: &str, mentee: &str, id: MentorshipId) {
        self.mentorships
            .insert((report.to_owned(), mentee.to_owned()), id);
    }

    pub fn mentorship(&self, report: &str, mentee: &str) -> Lookup<MentorshipId> {
        self.mentorships
            .get(&(report.to_owned(), mentee.to_owned()))
            .cloned()
            .ok_or_else(|| format!("{report} does not mentor {mentee} (add a `\"{report}\" mentors \"{mentee}\"` step first)"))
    }
}
