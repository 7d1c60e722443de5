//! Every imported record through the app's own input checks: each row becomes the draft the
//! app's form would have sent (a report, a mandate, a piece of evidence with its links…) and
//! is validated by that draft's `validate`, the one set of checks the forms use. What no form
//! edits is held to what the app itself writes: versions the app can still increase, ladder
//! positions on the ladder, packet sections and rule checks and the thresholds parsed into
//! their types and validated, a history row that is a record. A problem is reported as
//! `table[index].column`, with the record's id, in the archive's own words.
//!
//! Dates may be up to two days after today (an archive written on a machine whose day is
//! ahead): the forms' "not in the future" limit, with room for time zones.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::de::DeserializeOwned;

use super::schema::{LiveTable, Schema};
use super::validate::{label, Cells, Issues};
use super::value::Value;
use crate::clock::{Clock, SystemClock};
use crate::error::{Error, FieldIssue};
use crate::ids::{LevelId, PersonId};
use crate::model::{
    AckDraft, ActionItemDraft, AdvocateDraft, AgendaItemDraft, CandidateDraft, CycleDraft,
    EvidenceDraft, FeedbackDraft, LevelRef, Link, ManagerChangeDraft, MandateDraft,
    MandateReviewDraft, MeetingDraft, MentorshipDraft, NoteDraft, PacketSections, PersonDraft,
    QuestionDraft, ReadinessDraft, ReportDraft, ReviewDraft, RuleDraft, SignalRule, Thresholds,
    VisibilityDraft,
};

/// The highest version a record may arrive with: far above any a manager reaches by editing,
/// and far enough below the largest number stored that every later edit still counts up.
pub const MAX_VERSION: i64 = 1_000_000_000;

/// One row while it is checked: its table, position and values (all readable).
struct Row<'a> {
    table: &'a LiveTable,
    index: usize,
    cells: &'a Cells,
}

impl Row<'_> {
    fn value(&self, column: &str) -> &Value {
        self.table
            .column_index(column)
            .and_then(|i| self.cells.get(i))
            .and_then(Option::as_ref)
            .unwrap_or(&Value::Null)
    }

    /// Text as a form holds it: empty for none.
    fn text(&self, column: &str) -> String {
        self.opt_text(column).unwrap_or_default()
    }

    fn opt_text(&self, column: &str) -> Option<String> {
        match self.value(column) {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    fn key(&self) -> String {
        self.text("id")
    }

    fn id<T: From<String>>(&self, column: &str) -> Option<T> {
        self.opt_text(column).map(T::from)
    }

    fn flag(&self, column: &str) -> bool {
        matches!(self.value(column), Value::Integer(1))
    }

    fn integer(&self, column: &str) -> Option<i64> {
        match self.value(column) {
            Value::Integer(i) => Some(*i),
            _ => None,
        }
    }

    /// A word from a list (a kind, a role…) as the form's choice; `None` when it is none of
    /// them (said with the schema's words instead of the form's "choose a value").
    fn choice<T: DeserializeOwned>(&self, column: &str) -> Option<T> {
        let text = self.opt_text(column)?;
        serde_json::from_value(serde_json::Value::String(text)).ok()
    }

    fn date(&self, column: &str) -> Option<NaiveDate> {
        self.opt_text(column)
            .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
    }

    /// A JSON column parsed into its type (`null` where it holds none).
    fn json<T: DeserializeOwned>(&self, column: &str) -> Result<T, FieldIssue> {
        let text = self.opt_text(column).unwrap_or_else(|| "null".to_owned());
        serde_json::from_str(&text).map_err(|e| FieldIssue {
            field: column.to_owned(),
            message: format!(
                "{column} does not hold what Trellis stores there: {}.",
                crate::validate::printable(&e.to_string())
            ),
        })
    }
}

/// What the checks of one record need of the others.
struct Context {
    today: NaiveDate,
    people: HashSet<PersonId>,
    ladder: Vec<LevelRef>,
    report_person: HashMap<String, PersonId>,
    mandate_set_on: HashMap<String, NaiveDate>,
    rules: HashSet<String>,
    versions: HashMap<String, i32>,
    links: HashMap<String, Vec<Link>>,
    /// For each evidence, the `evidence_links` row of each of its links, in order.
    link_rows: HashMap<String, Vec<usize>>,
    co_owners: HashMap<String, Vec<PersonId>>,
    committee: HashMap<String, Vec<(PersonId, String)>>,
    levels: Vec<LevelId>,
}

/// Checks every row, once every value has the right shape and every reference resolves (until
/// then, those problems are the ones to fix).
pub(super) fn check(schema: &Schema, cells: &[Vec<Cells>], issues: &mut Issues) {
    if !issues.is_empty() {
        return;
    }
    let rows_of = |name: &str| -> Vec<Row<'_>> {
        let Some((i, table)) = schema.table(name) else {
            return Vec::new();
        };
        cells
            .get(i)
            .map(|rows| {
                rows.iter()
                    .enumerate()
                    .filter(|(_, row)| row.iter().all(Option::is_some))
                    .map(|(index, cells)| Row {
                        table,
                        index,
                        cells,
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let context = context(&rows_of);
    for table in &schema.tables {
        for row in rows_of(table.name()) {
            let mut found = Vec::new();
            if let Some(issue) = version_issue(&row) {
                found.push(issue);
            }
            if let Err(e) = check_row(&row, &context) {
                found.extend(issues_of(e));
            }
            // A word the schema does not allow: said with the words it does, in place of the
            // form's "choose a value".
            let mut unknown: Vec<String> = Vec::new();
            for (i, words) in &row.table.words {
                let column = row.table.spec.columns.get(*i).map_or("", |c| c.name);
                if let Value::Text(word) = row.value(column) {
                    if !words.contains(word) {
                        unknown.push(column.to_owned());
                        found.push(FieldIssue {
                            field: column.to_owned(),
                            message: format!(
                                "{column} has {}, which is not one of the words Trellis stores \
                                 there ({}).",
                                crate::validate::escaped(word),
                                words.join(", ")
                            ),
                        });
                    }
                }
            }
            for issue in found {
                let field = column_of(row.table, &issue.field);
                if unknown.contains(&field) && !issue.message.contains("not one of the words") {
                    continue;
                }
                // A link's problem is the `evidence_links` row's.
                if let Some(at) = link_row(&context, &row, &field) {
                    issues.push(&at, format!("Record {at}: {}", issue.message));
                    continue;
                }
                issues.push(
                    &format!("{}[{}].{field}", row.table.name(), row.index),
                    format!(
                        "{}: {}",
                        label(row.table, row.index, row.cells),
                        issue.message
                    ),
                );
            }
        }
    }
}

fn context<'a>(rows_of: &dyn Fn(&str) -> Vec<Row<'a>>) -> Context {
    let today = SystemClock.today() + Duration::days(2);
    let mut ladder: Vec<LevelRef> = rows_of("ladder_levels")
        .iter()
        .filter_map(|r| {
            Some(LevelRef {
                id: r.id("id")?,
                name: r.text("name"),
                rank: i32::try_from(r.integer("rank")?).ok()?,
            })
        })
        .collect();
    ladder.sort_by_key(|l| l.rank);
    let mut links: HashMap<String, Vec<(i64, usize, Link)>> = HashMap::new();
    for r in rows_of("evidence_links") {
        links.entry(r.text("evidence_id")).or_default().push((
            r.integer("position").unwrap_or_default(),
            r.index,
            Link {
                url: r.text("url"),
                label: r.text("label"),
            },
        ));
    }
    for v in links.values_mut() {
        v.sort_by_key(|(p, i, _)| (*p, *i));
    }
    let mut co_owners: HashMap<String, Vec<PersonId>> = HashMap::new();
    for r in rows_of("evidence_co_owners") {
        if let Some(p) = r.id("person_id") {
            co_owners.entry(r.text("evidence_id")).or_default().push(p);
        }
    }
    let mut committee: HashMap<String, Vec<(PersonId, String)>> = HashMap::new();
    for r in rows_of("cycle_committee") {
        if let Some(p) = r.id("person_id") {
            committee
                .entry(r.text("cycle_id"))
                .or_default()
                .push((p, r.text("joined_on")));
        }
    }
    let mut versions: HashMap<String, i32> = HashMap::new();
    for r in rows_of("packet_versions") {
        let n = r
            .integer("number")
            .and_then(|n| i32::try_from(n).ok())
            .unwrap_or_default();
        let max = versions.entry(r.text("candidate_id")).or_default();
        *max = (*max).max(n);
    }
    Context {
        today,
        people: rows_of("people")
            .iter()
            .filter_map(|r| r.id("id"))
            .collect(),
        levels: ladder.iter().map(|l| l.id.clone()).collect(),
        ladder,
        report_person: rows_of("reports")
            .iter()
            .filter_map(|r| Some((r.key(), r.id("person_id")?)))
            .collect(),
        mandate_set_on: rows_of("mandates")
            .iter()
            .filter_map(|r| Some((r.key(), r.date("set_on")?)))
            .collect(),
        rules: rows_of("rules_of_thumb").iter().map(Row::key).collect(),
        versions,
        link_rows: links
            .iter()
            .map(|(k, v)| (k.clone(), v.iter().map(|(_, i, _)| *i).collect()))
            .collect(),
        links: links
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().map(|(_, _, l)| l).collect()))
            .collect(),
        co_owners,
        committee,
    }
}

/// `evidence_links[k].url` for the evidence form's field `links.N.url` (or `.label`).
fn link_row(cx: &Context, row: &Row, field: &str) -> Option<String> {
    if row.table.name() != "evidence" {
        return None;
    }
    let mut parts = field.strip_prefix("links.")?.split('.');
    let n: usize = parts.next()?.parse().ok()?;
    let column = parts.next()?;
    let k = cx.link_rows.get(&row.key())?.get(n)?;
    Some(format!("evidence_links[{k}].{column}"))
}

/// A stored version the app can still count up from.
fn version_issue(row: &Row) -> Option<FieldIssue> {
    row.table.column_index("version")?;
    let v = row.integer("version")?;
    (!(1..=MAX_VERSION).contains(&v)).then(|| FieldIssue {
        field: "version".to_owned(),
        message: format!("version must be between 1 and {MAX_VERSION}, not {v}."),
    })
}

/// The problems a validation error lists (or its message, when it lists none).
fn issues_of(e: Error) -> Vec<FieldIssue> {
    match e {
        Error::Validation { fields, .. } if !fields.is_empty() => fields,
        other => vec![FieldIssue {
            field: String::new(),
            message: other.to_string(),
        }],
    }
}

/// The column a form's field names (`inRoleSince` → `in_role_since`; `staffProjects.0.goal`
/// inside a JSON column stays as it is after the column).
fn column_of(table: &LiveTable, field: &str) -> String {
    let snake: String = field
        .chars()
        .flat_map(|c| {
            if c.is_ascii_uppercase() {
                vec!['_', c.to_ascii_lowercase()]
            } else {
                vec![c]
            }
        })
        .collect();
    if table.column_index(&snake).is_some() || field.is_empty() {
        snake
    } else {
        field.to_owned()
    }
}

/// The app's own checks of one record.
fn check_row(row: &Row, cx: &Context) -> crate::error::Result<()> {
    let today = cx.today;
    let own_person = |report_column: &str| {
        cx.report_person
            .get(&row.text(report_column))
            .cloned()
            .unwrap_or_else(|| PersonId::from(String::new()))
    };
    match row.table.name() {
        "people" => {
            let draft = PersonDraft {
                name: row.text("name"),
                title: row.text("title"),
                relationship: row.choice("relationship"),
                notes: row.text("notes"),
            };
            // A report's own person is made by the report form, the others by the people form.
            let is_report = draft.relationship == Some(crate::model::Relationship::Report);
            draft.validate(is_report).map(drop)
        }
        "ladder_levels" => {
            let rank = row.integer("rank").unwrap_or_default();
            let rank = i32::try_from(rank).unwrap_or(i32::MAX);
            crate::model::ladder::check_level(
                Some(&row.text("name")),
                Some((rank, cx.ladder.len())),
            )
            .map(drop)
        }
        "reports" => ReportDraft {
            // The name is the person's, checked with the person's record.
            name: "-".to_owned(),
            current_level_id: row.id("current_level_id"),
            target_level_id: row.id("target_level_id"),
            team: row.text("team"),
            in_role_since: row.text("in_role_since"),
            archetype_worked: row.choice("archetype_worked"),
            archetype_needed: row.choice("archetype_needed"),
            team_strength: row.choice("team_strength"),
            notes: row.text("notes"),
            one_on_one_every_days: row
                .integer("one_on_one_every_days")
                .map(|d| i32::try_from(d).unwrap_or(i32::MAX)),
        }
        .validate(&cx.ladder, today)
        .map(drop),
        "mandates" => {
            let set = MandateDraft {
                statement: row.text("statement"),
                priority: row.text("priority"),
                room: row.choice("room"),
                attention: row.choice("attention"),
                sponsor_id: row.id("sponsor_id"),
                set_on: row.text("set_on"),
                review_by: row.text("review_by"),
            }
            .validate(&cx.people, today)
            .map(drop);
            // An ended mandate was closed through the closing form.
            let status: Option<crate::model::MandateStatus> = row.choice("status");
            let closed = match (status, row.date("set_on")) {
                (Some(s), Some(set_on)) if s != crate::model::MandateStatus::Active => {
                    crate::model::MandateClosing {
                        status: s,
                        reason: row.text("status_reason"),
                        ended_on: row.text("ended_on"),
                    }
                    .validate(set_on, today)
                    .map(drop)
                    .map_err(|e| renamed(e, &[("reason", "status_reason")]))
                }
                _ => {
                    let mut c = crate::validate::Checks::new();
                    c.text("status_reason", "Reason", &row.text("status_reason"));
                    if row.opt_text("ended_on").is_some() {
                        c.fail("ended_on", "An active mandate has no end date.");
                    }
                    c.finish()
                }
            };
            merge([set, closed])
        }
        "mandate_reviews" => {
            let set_on = cx
                .mandate_set_on
                .get(&row.text("mandate_id"))
                .copied()
                .unwrap_or(NaiveDate::MIN);
            MandateReviewDraft {
                reviewed_on: row.text("reviewed_on"),
                outcome: row.choice("outcome"),
                note: row.text("note"),
                next_review_on: row.text("next_review_on"),
                changed: None,
            }
            .validate(set_on, &cx.people, today)
            .map(drop)
        }
        "evidence" => {
            let key = row.key();
            EvidenceDraft {
                title: row.text("title"),
                description: row.text("description"),
                started_on: row.text("started_on"),
                ended_on: row.text("ended_on"),
                kind: row.choice("kind"),
                role: row.choice("role"),
                co_owner_ids: cx.co_owners.get(&key).cloned().unwrap_or_default(),
                impact: row.text("impact"),
                links: cx.links.get(&key).cloned().unwrap_or_default(),
                in_production_since: row.text("in_production_since"),
                archetype: row.choice("archetype"),
                work_mix: row.choice("work_mix"),
                flagship: row.flag("flagship"),
            }
            .validate(&cx.people, &own_person("report_id"), today)
            .map(drop)
        }
        "visibility" => VisibilityDraft {
            person_id: row.id("person_id"),
            channel: row.choice("channel"),
            detail: row.text("detail"),
            seen_on: row.text("seen_on"),
        }
        .validate(&cx.people, today)
        .map(drop),
        "advocates" => AdvocateDraft {
            person_id: row.id("person_id"),
            what_seen: row.text("what_seen"),
            strength: row.choice("strength"),
            last_checked: row.text("last_checked"),
            supporting_since: row.text("supporting_since"),
            notes: row.text("notes"),
        }
        .validate(&cx.people, &own_person("report_id"), today)
        .map(drop),
        "mentorships" => MentorshipDraft {
            mentee_id: row.id("mentee_id"),
            goals: row.text("goals"),
            started_on: row.text("started_on"),
            ended_on: row.text("ended_on"),
        }
        .validate(&cx.people, &own_person("report_id"), today)
        .map(drop),
        "mentorship_feedback" => FeedbackDraft {
            received_on: row.text("received_on"),
            source: row.choice("source"),
            sentiment: row.choice("sentiment"),
            words: row.text("words"),
            quotable: row.flag("quotable"),
            addressed_on: row.text("addressed_on"),
            addressed_action: row.text("addressed_action"),
        }
        .validate(today)
        .map(drop),
        "manager_changes" => ManagerChangeDraft {
            changed_on: row.text("changed_on"),
            manager: row.text("manager"),
            note: row.text("note"),
            ended_on: row.text("ended_on"),
            is_me: row.flag("is_me"),
        }
        .validate(today)
        .map(drop),
        "cycles" => {
            let committee = cx.committee.get(&row.key()).cloned().unwrap_or_default();
            CycleDraft {
                name: row.text("name"),
                opens_on: row.text("opens_on"),
                packet_due: row.text("packet_due"),
                calibration_date: row.text("calibration_date"),
                committee_ids: committee.iter().map(|(p, _)| p.clone()).collect(),
                joined: committee
                    .into_iter()
                    .map(|(person_id, joined_on)| crate::model::JoinedDraft {
                        person_id,
                        joined_on,
                    })
                    .collect(),
            }
            .validate(&cx.people)
            .map(drop)
        }
        "candidates" => {
            let added = CandidateDraft {
                report_id: row.id("report_id"),
                target_level_id: row.id("target_level_id"),
                added_on: row.text("added_on"),
            }
            .validate(today);
            let readiness = ReadinessDraft {
                readiness: row.choice("readiness"),
                reason: row.text("readiness_reason"),
                expected_cycle: row.text("expected_cycle"),
                actions: row.text("actions"),
            }
            .validate();
            merge([added.map(drop), readiness.map(drop)])
        }
        "packet_versions" => {
            let number = row.integer("number").unwrap_or_default();
            let mut found = Vec::new();
            if !(1..=i64::from(i32::MAX)).contains(&number) {
                found.push(FieldIssue {
                    field: "number".to_owned(),
                    message: format!("number must be a version from 1 up, not {number}."),
                });
            }
            match row.json::<PacketSections>("sections") {
                Ok(sections) => {
                    if let Err(e) = sections.validate() {
                        found.extend(issues_of(e).into_iter().map(|i| FieldIssue {
                            field: format!("sections.{}", i.field),
                            message: i.message,
                        }));
                    }
                }
                Err(issue) => found.push(issue),
            }
            let mut c = crate::validate::Checks::new();
            c.text("note", "Note", &row.text("note"));
            c.date("savedOn", "Saved on", &row.text("saved_on"), Some(today));
            merge([failed(found), c.finish()])
        }
        "rules_of_thumb" => {
            let levels = row.json::<Vec<LevelId>>("levels");
            let archetypes = row.json("archetypes");
            let check = row.json::<Option<crate::model::Check>>("check_spec");
            match (levels, archetypes, check) {
                (Ok(levels), Ok(archetypes), Ok(check)) => RuleDraft {
                    wording: row.text("wording"),
                    said_by_id: row.id("said_by_id"),
                    said_on: row.text("said_on"),
                    source: row.choice("source"),
                    source_detail: row.text("source_detail"),
                    confirmed: row.flag("confirmed"),
                    levels,
                    archetypes,
                    retired: row.flag("retired"),
                    check,
                }
                .validate(&cx.people, &cx.levels, today)
                .map(drop)
                .map_err(|e| renamed(e, &[("check", "check_spec")])),
                (levels, archetypes, check) => failed(
                    [levels.err(), archetypes.err(), check.err()]
                        .into_iter()
                        .flatten()
                        .collect(),
                ),
            }
        }
        "packet_reviews" => {
            let rule = row.opt_text("revealed_rule_id");
            ReviewDraft {
                reviewer_id: row.id("reviewer_id"),
                reviewer_role: row.choice("reviewer_role"),
                version_number: row
                    .integer("version_number")
                    .map(|n| i32::try_from(n).unwrap_or(i32::MAX)),
                requested_on: row.text("requested_on"),
                received_on: row.text("received_on"),
                comments: row.text("comments"),
                revealed_rule_id: rule.clone().map(Into::into),
            }
            .validate(
                &cx.people,
                rule.is_none_or(|r| cx.rules.contains(&r)),
                cx.versions
                    .get(&row.text("candidate_id"))
                    .copied()
                    .unwrap_or_default(),
                today,
            )
            .map(drop)
        }
        "rule_checks" => {
            let mut c = crate::validate::Checks::new();
            c.text("note", "Note", &row.text("note"));
            c.date(
                "checkedOn",
                "Checked on",
                &row.text("checked_on"),
                Some(today),
            );
            c.finish()
        }
        "signal_acks" => {
            let id = row.text("rule_id");
            let Some(rule) = SignalRule::ALL.into_iter().find(|r| r.id() == id) else {
                return failed(vec![FieldIssue {
                    field: "rule_id".to_owned(),
                    message: format!(
                        "rule_id names no rule of the radar ({}).",
                        crate::validate::escaped(&id)
                    ),
                }]);
            };
            let ack = AckDraft {
                rule,
                cause_key: row.text("cause_key"),
                action: row.choice("action"),
                reason: row.text("reason"),
                until: row.text("until"),
            }
            .validate(today)
            .map(drop);
            let mut c = crate::validate::Checks::new();
            c.date(
                "ackedOn",
                "Acknowledged on",
                &row.text("acked_on"),
                Some(today),
            );
            merge([ack, c.finish()])
        }
        "settings" if row.text("key") == crate::store::THRESHOLDS_KEY => {
            match row.json::<Thresholds>("value") {
                Ok(t) => failed(
                    t.validate()
                        .err()
                        .map(issues_of)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|i| FieldIssue {
                            field: format!("value.{}", i.field),
                            message: i.message,
                        })
                        .collect(),
                ),
                Err(issue) => failed(vec![issue]),
            }
        }
        "settings" if row.text("key") == crate::store::REMINDERS_KEY => row
            .json::<crate::model::ReminderSettings>("value")
            .map(drop)
            .or_else(|issue| failed(vec![issue])),
        "meetings" => MeetingDraft {
            held_on: row.text("held_on"),
        }
        .validate()
        .map(drop),
        "meeting_notes" => NoteDraft {
            body: row.text("body"),
            private: row.flag("private"),
        }
        .validate()
        .map(drop),
        "agenda_items" => {
            let item = AgendaItemDraft {
                text: row.text("text"),
                shared: row.flag("shared"),
            }
            .validate()
            .map(drop);
            let mut c = crate::validate::Checks::new();
            let added = c.date("addedOn", "Added on", &row.text("added_on"), Some(today));
            let closed = c.maybe_date("closedOn", "Closed on", &row.text("closed_on"), Some(today));
            c.order(
                "closedOn",
                "Closed on cannot be before it was added.",
                added,
                closed,
            );
            merge([item, c.finish()])
        }
        "ladder_changes" => {
            let mut c = crate::validate::Checks::new();
            c.text("detail", "Detail", &row.text("detail"));
            c.finish()
        }

        "action_items" => ActionItemDraft {
            text: row.text("text"),
            owner: row.choice("owner"),
            due_on: row.text("due_on"),
            done_on: row.text("done_on"),
        }
        .validate(today)
        .map(drop),
        "questions" => QuestionDraft {
            text: row.text("text"),
            trigger: row.text("trigger"),
            retired: row.flag("retired"),
        }
        .validate()
        .map(drop),
        "record_history" => match row.json::<serde_json::Value>("row") {
            Ok(serde_json::Value::Object(_)) => Ok(()),
            Ok(_) => failed(vec![FieldIssue {
                field: "row".to_owned(),
                message: "row must hold a record (a JSON object).".to_owned(),
            }]),
            Err(issue) => failed(vec![issue]),
        },
        _ => Ok(()),
    }
}

/// An error whose form field names differ from the columns (`reason` → `status_reason`).
fn renamed(e: Error, names: &[(&str, &str)]) -> Error {
    Error::from_issues(
        issues_of(e)
            .into_iter()
            .map(|mut i| {
                if let Some((_, to)) = names.iter().find(|(from, _)| *from == i.field) {
                    i.field = (*to).to_owned();
                }
                i
            })
            .collect(),
    )
}

fn failed(found: Vec<FieldIssue>) -> crate::error::Result<()> {
    if found.is_empty() {
        Ok(())
    } else {
        Err(Error::from_issues(found))
    }
}

fn merge<const N: usize>(results: [crate::error::Result<()>; N]) -> crate::error::Result<()> {
    failed(
        results
            .into_iter()
            .filter_map(Result::err)
            .flat_map(issues_of)
            .collect(),
    )
}
