-- Cycles, candidates and their promotion packets, the rules-of-thumb register, manager
-- history, and what the surprise radar needs to remember (thresholds, acknowledgements).

-- Who managed a report, and since when; a change inside a cycle is a risk.
CREATE TABLE manager_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    report_id   TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    changed_on  TEXT NOT NULL,
    manager     TEXT NOT NULL,   -- the new manager, in words ("me", "Dana Cole")
    note        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX manager_changes_report ON manager_changes (report_id, changed_on);

-- A promotion/calibration round.
CREATE TABLE cycles (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL,
    opens_on          TEXT NOT NULL,   -- when the period the committee judges began
    packet_due        TEXT NOT NULL,
    calibration_date  TEXT NOT NULL,
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;

CREATE TABLE cycle_committee (
    cycle_id   TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    PRIMARY KEY (cycle_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX cycle_committee_person ON cycle_committee (person_id);

-- A report as a candidate in a cycle, for a target level, with the packet's readiness call.
CREATE TABLE candidates (
    id               TEXT PRIMARY KEY NOT NULL,
    cycle_id         TEXT NOT NULL REFERENCES cycles (id) ON DELETE RESTRICT,
    report_id        TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    target_level_id  TEXT NOT NULL REFERENCES ladder_levels (id) ON DELETE RESTRICT,
    added_on         TEXT NOT NULL,
    readiness        TEXT NOT NULL CHECK (readiness IN ('undecided', 'ready', 'not_ready', 'not_interested')),
    readiness_reason TEXT NOT NULL,
    expected_cycle   TEXT NOT NULL,   -- when not ready: the cycle expected instead, in words
    actions          TEXT NOT NULL,   -- when not ready: what will be done
    version          INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;
CREATE UNIQUE INDEX candidates_once ON candidates (cycle_id, report_id) WHERE deleted_at IS NULL;
CREATE INDEX candidates_report ON candidates (report_id);

-- Saved versions (drafts) of a candidate's packet; each is a whole, immutable snapshot of its
-- sections as JSON (see trellis-core model::packet), so that any two can be compared.
CREATE TABLE packet_versions (
    id            TEXT PRIMARY KEY NOT NULL,
    candidate_id  TEXT NOT NULL REFERENCES candidates (id) ON DELETE RESTRICT,
    number        INTEGER NOT NULL,
    saved_on      TEXT NOT NULL,
    note          TEXT NOT NULL,
    sections      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (candidate_id, number)
) STRICT;

-- The organisation's unwritten criteria.
CREATE TABLE rules_of_thumb (
    id          TEXT PRIMARY KEY NOT NULL,
    wording     TEXT NOT NULL,
    said_by_id  TEXT REFERENCES people (id) ON DELETE RESTRICT,
    said_on     TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('review_comment', 'past_calibration', 'conversation', 'other')),
    source_detail TEXT NOT NULL,
    confirmed   INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
    levels      TEXT NOT NULL,   -- JSON array of ladder level ids; empty = every level
    archetypes  TEXT NOT NULL,   -- JSON array of archetypes; empty = every archetype
    retired     INTEGER NOT NULL CHECK (retired IN (0, 1)),
    check_spec  TEXT,            -- JSON machine check (model::rule_of_thumb::Check) or NULL
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

-- Review rounds of a packet: who, in what role, when asked and answered, what they said and
-- which rule of thumb their comment revealed.
CREATE TABLE packet_reviews (
    id              TEXT PRIMARY KEY NOT NULL,
    candidate_id    TEXT NOT NULL REFERENCES candidates (id) ON DELETE RESTRICT,
    reviewer_id     TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    reviewer_role   TEXT NOT NULL CHECK (reviewer_role IN ('staff_peer', 'manager', 'skip_level', 'staff_plus')),
    version_number  INTEGER,          -- the packet version reviewed, if known
    requested_on    TEXT NOT NULL,
    received_on     TEXT,
    comments        TEXT NOT NULL,
    revealed_rule_id TEXT REFERENCES rules_of_thumb (id) ON DELETE RESTRICT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;
CREATE INDEX packet_reviews_candidate ON packet_reviews (candidate_id);

-- A manager's own call on a rule that has no machine check, per candidate.
CREATE TABLE rule_checks (
    candidate_id  TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    rule_id       TEXT NOT NULL REFERENCES rules_of_thumb (id) ON DELETE RESTRICT,
    status        TEXT NOT NULL CHECK (status IN ('met', 'unmet')),
    note          TEXT NOT NULL,
    checked_on    TEXT NOT NULL,
    PRIMARY KEY (candidate_id, rule_id)
) STRICT, WITHOUT ROWID;

-- Acknowledged or snoozed radar signals. An entry covers the signal only while its cause is
-- the same (cause_key); history is kept.
CREATE TABLE signal_acks (
    id          TEXT PRIMARY KEY NOT NULL,
    report_id   TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    rule_id     TEXT NOT NULL,
    cause_key   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('acknowledged', 'snoozed')),
    reason      TEXT NOT NULL,
    until       TEXT,             -- for a snooze
    acked_on    TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX signal_acks_report ON signal_acks (report_id, rule_id);

-- Radar thresholds the manager changed from the defaults (JSON of model::radar::Thresholds).
CREATE TABLE settings (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
