//! What the archive holds: every table of the schema, parents before children, each column in
//! schema order with the shape its values must have; and every table it deliberately leaves
//! out (derived or internal), with the reason.
//!
//! This list *is* the format (docs/archive-json.md documents it). It is checked against the
//! live schema each time it is used ([`super::schema`]): a table or column the list does not
//! know makes export and import fail rather than silently leave data behind, and the test
//! `every_table_is_exported_or_listed_as_derived` fails as soon as a migration adds one.

/// What a column holds, as the archive writes it and as an import checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A record id: a UUID in lowercase hyphenated form (SQL `TEXT`).
    Id,
    /// A key Trellis chose rather than generated (`builtin-q01`, `radar.thresholds`): non-empty
    /// text without spaces (SQL `TEXT`).
    Key,
    /// Any text, possibly empty (SQL `TEXT`).
    Text,
    /// A calendar date, `YYYY-MM-DD` (SQL `TEXT`).
    Date,
    /// An instant in RFC 3339 form, as the app stamps records (SQL `TEXT`).
    Timestamp,
    /// A JSON document stored as text (SQL `TEXT`).
    Json,
    /// A whole number (SQL `INTEGER`).
    Integer,
    /// `0` (no) or `1` (yes) (SQL `INTEGER`).
    Flag,
    /// A floating-point number (SQL `REAL`). No column of this schema version is one.
    Real,
    /// Bytes, written as lowercase hexadecimal text (SQL `BLOB`). No column of this schema
    /// version is one.
    Blob,
}

impl Shape {
    /// The declared SQL type of a column of this shape (every table is `STRICT`).
    pub fn sql_type(self) -> &'static str {
        match self {
            Self::Integer | Self::Flag => "INTEGER",
            Self::Real => "REAL",
            Self::Blob => "BLOB",
            Self::Id | Self::Key | Self::Text | Self::Date | Self::Timestamp | Self::Json => "TEXT",
        }
    }

    /// What a value of this shape is, for a sentence ("… which must be {expected}").
    pub fn expected(self) -> &'static str {
        match self {
            Self::Id => "a record id (a UUID such as 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b)",
            Self::Key => "a key (non-empty text without spaces)",
            Self::Text => "text",
            Self::Date => "a date (YYYY-MM-DD)",
            Self::Timestamp => "a date and time (RFC 3339, such as 2026-11-24T12:00:00+00:00)",
            Self::Json => "text holding a JSON document",
            Self::Integer => "a whole number",
            Self::Flag => "0 or 1",
            Self::Real => "a number",
            Self::Blob => "bytes as hexadecimal text",
        }
    }
}

/// One column: its name in the schema and the shape of its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub shape: Shape,
}

/// One exported table and its columns, in schema order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
}

/// A reference the schema cannot declare as a foreign key because its target table depends
/// on another column (`one_on_one_links`): import checks it resolves all the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindedRef {
    pub table: &'static str,
    /// The column naming the kind of record referred to.
    pub kind_column: &'static str,
    /// The column holding its id.
    pub id_column: &'static str,
    /// Each kind and the table holding records of that kind (by their `id`).
    pub targets: &'static [(&'static str, &'static str)],
}

const fn col(name: &'static str, shape: Shape) -> Column {
    Column { name, shape }
}

use Shape::{Date, Flag, Id, Integer, Json, Key, Text, Timestamp};

/// Every exported table, parents before children (the order of the file, of inserts on
/// import, and the reverse of deletes).
pub const TABLES: &[Table] = &[
    Table {
        name: "people",
        columns: &[
            col("id", Id),
            col("name", Text),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("title", Text),
            col("relationship", Text),
            col("notes", Text),
            col("version", Integer),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "ladder_levels",
        columns: &[
            col("id", Id),
            col("name", Text),
            col("rank", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
        ],
    },
    Table {
        name: "ladder_changes",
        columns: &[
            col("id", Id),
            col("level_id", Id),
            col("change", Text),
            col("detail", Text),
            col("changed_at", Timestamp),
        ],
    },
    Table {
        name: "reports",
        columns: &[
            col("id", Id),
            col("person_id", Id),
            col("current_level_id", Id),
            col("target_level_id", Id),
            col("team", Text),
            col("in_role_since", Date),
            col("archetype_worked", Text),
            col("archetype_needed", Text),
            col("team_strength", Text),
            col("notes", Text),
            col("archived_at", Timestamp),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("one_on_one_every_days", Integer),
        ],
    },
    Table {
        name: "mandates",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("statement", Text),
            col("priority", Text),
            col("room", Text),
            col("attention", Text),
            col("sponsor_id", Id),
            col("set_on", Date),
            col("review_by", Date),
            col("status", Text),
            col("status_reason", Text),
            col("ended_on", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "mandate_reviews",
        columns: &[
            col("id", Id),
            col("mandate_id", Id),
            col("reviewed_on", Date),
            col("outcome", Text),
            col("note", Text),
            col("next_review_on", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "evidence",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("title", Text),
            col("description", Text),
            col("started_on", Date),
            col("ended_on", Date),
            col("kind", Text),
            col("role", Text),
            col("impact", Text),
            col("in_production_since", Date),
            col("archetype", Text),
            col("work_mix", Text),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
            col("flagship", Flag),
        ],
    },
    Table {
        name: "evidence_co_owners",
        columns: &[col("evidence_id", Id), col("person_id", Id)],
    },
    Table {
        name: "evidence_links",
        columns: &[
            col("evidence_id", Id),
            col("position", Integer),
            col("url", Text),
            col("label", Text),
        ],
    },
    Table {
        name: "visibility",
        columns: &[
            col("id", Id),
            col("evidence_id", Id),
            col("person_id", Id),
            col("channel", Text),
            col("detail", Text),
            col("seen_on", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "advocates",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("person_id", Id),
            col("what_seen", Text),
            col("strength", Text),
            col("last_checked", Date),
            col("notes", Text),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
            col("supporting_since", Date),
        ],
    },
    Table {
        name: "mentorships",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("mentee_id", Id),
            col("goals", Text),
            col("started_on", Date),
            col("ended_on", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "mentorship_feedback",
        columns: &[
            col("id", Id),
            col("mentorship_id", Id),
            col("received_on", Date),
            col("source", Text),
            col("sentiment", Text),
            col("words", Text),
            col("quotable", Flag),
            col("addressed_on", Date),
            col("addressed_action", Text),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "manager_changes",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("changed_on", Date),
            col("manager", Text),
            col("note", Text),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
            col("ended_on", Date),
            col("is_me", Flag),
        ],
    },
    Table {
        name: "cycles",
        columns: &[
            col("id", Id),
            col("name", Text),
            col("opens_on", Date),
            col("packet_due", Date),
            col("calibration_date", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "cycle_committee",
        columns: &[
            col("cycle_id", Id),
            col("person_id", Id),
            col("joined_on", Date),
        ],
    },
    Table {
        name: "candidates",
        columns: &[
            col("id", Id),
            col("cycle_id", Id),
            col("report_id", Id),
            col("target_level_id", Id),
            col("added_on", Date),
            col("readiness", Text),
            col("readiness_reason", Text),
            col("expected_cycle", Text),
            col("actions", Text),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "packet_versions",
        columns: &[
            col("id", Id),
            col("candidate_id", Id),
            col("number", Integer),
            col("saved_on", Date),
            col("note", Text),
            col("sections", Json),
            col("created_at", Timestamp),
        ],
    },
    Table {
        name: "rules_of_thumb",
        columns: &[
            col("id", Id),
            col("wording", Text),
            col("said_by_id", Id),
            col("said_on", Date),
            col("source", Text),
            col("source_detail", Text),
            col("confirmed", Flag),
            col("levels", Json),
            col("archetypes", Json),
            col("retired", Flag),
            col("check_spec", Json),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "packet_reviews",
        columns: &[
            col("id", Id),
            col("candidate_id", Id),
            col("reviewer_id", Id),
            col("reviewer_role", Text),
            col("version_number", Integer),
            col("requested_on", Date),
            col("received_on", Date),
            col("comments", Text),
            col("revealed_rule_id", Id),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "rule_checks",
        columns: &[
            col("candidate_id", Id),
            col("rule_id", Id),
            col("status", Text),
            col("note", Text),
            col("checked_on", Date),
        ],
    },
    Table {
        name: "signal_acks",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("rule_id", Key),
            col("cause_key", Text),
            col("action", Text),
            col("reason", Text),
            col("until", Date),
            col("acked_on", Date),
            col("created_at", Timestamp),
        ],
    },
    Table {
        name: "settings",
        columns: &[
            col("key", Key),
            col("value", Json),
            col("updated_at", Timestamp),
        ],
    },
    Table {
        name: "meetings",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("held_on", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "meeting_notes",
        columns: &[
            col("id", Id),
            col("meeting_id", Id),
            col("body", Text),
            col("private", Flag),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "agenda_items",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("text", Text),
            col("shared", Flag),
            col("added_on", Date),
            col("status", Text),
            col("closed_on", Date),
            col("closed_meeting_id", Id),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "meeting_agenda",
        columns: &[col("meeting_id", Id), col("item_id", Id)],
    },
    Table {
        name: "action_items",
        columns: &[
            col("id", Id),
            col("report_id", Id),
            col("meeting_id", Id),
            col("text", Text),
            col("owner", Text),
            col("due_on", Date),
            col("done_on", Date),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
            col("deleted_at", Timestamp),
        ],
    },
    Table {
        name: "one_on_one_links",
        columns: &[
            col("source_kind", Text),
            col("source_id", Id),
            col("target_kind", Text),
            col("target_id", Id),
            col("created_at", Timestamp),
        ],
    },
    Table {
        name: "questions",
        columns: &[
            col("id", Key),
            col("text", Text),
            col("trigger", Text),
            col("retired", Flag),
            col("version", Integer),
            col("created_at", Timestamp),
            col("updated_at", Timestamp),
        ],
    },
    Table {
        name: "record_history",
        columns: &[
            col("seq", Integer),
            col("table_name", Key),
            col("record_key", Text),
            col("report_id", Id),
            col("written_at", Timestamp),
            col("written_on", Date),
            col("op", Text),
            col("row", Json),
        ],
    },
];

/// Tables of the schema the archive leaves out, each with why. SQLite's own tables
/// (`sqlite_*`) are left out as well.
pub const NOT_EXPORTED: &[(&str, &str)] = &[
    (
        "visits",
        "internal: the day the manager last opened Today, for what is new since (not the record)",
    ),
    (
        "reminders_sent",
        "internal: the reminders raised on this computer, so that each is raised once (not the record)",
    ),
    (
        "write_clock",
        "internal: the time of the write transaction under way, for the history triggers",
    ),
    (
        "_sqlx_migrations",
        "which migrations were applied; the archive carries the latest as schemaVersion",
    ),
    (
        "search_docs",
        "derived: what each full-text index entry is; rebuilt from the records on import",
    ),
    (
        "search_index",
        "derived: the FTS5 full-text index; rebuilt from the records on import",
    ),
    (
        "search_index_data",
        "derived: FTS5's storage for search_index",
    ),
    (
        "search_index_idx",
        "derived: FTS5's storage for search_index",
    ),
    (
        "search_index_content",
        "derived: FTS5's storage for search_index",
    ),
    (
        "search_index_docsize",
        "derived: FTS5's storage for search_index",
    ),
    (
        "search_index_config",
        "derived: FTS5's storage for search_index",
    ),
];

/// References whose target table depends on a kind column.
pub const KINDED_REFS: &[KindedRef] = &[
    KindedRef {
        table: "one_on_one_links",
        kind_column: "source_kind",
        id_column: "source_id",
        targets: &[
            ("note", "meeting_notes"),
            ("agenda_item", "agenda_items"),
            ("action_item", "action_items"),
        ],
    },
    KindedRef {
        table: "one_on_one_links",
        kind_column: "target_kind",
        id_column: "target_id",
        targets: &[
            ("evidence", "evidence"),
            ("feedback", "mentorship_feedback"),
        ],
    },
];
