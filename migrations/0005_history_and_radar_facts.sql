-- The record as it stood on any past date (every write kept in record_history), and the facts
-- the surprise radar needs that could not be recorded before: the flagship project, when each
-- committee member joined, mandate reviews, since when an advocate supports the report, the
-- end of a manager's tenure and which manager is the user, and each report's 1:1 cadence.

-- The project the packet leads with: at most one live flagship per report.
ALTER TABLE evidence ADD COLUMN flagship INTEGER NOT NULL DEFAULT 0 CHECK (flagship IN (0, 1));
CREATE UNIQUE INDEX evidence_one_flagship ON evidence (report_id)
    WHERE flagship = 1 AND deleted_at IS NULL;

-- When each member joined the committee (NULL: a member since the cycle opened).
ALTER TABLE cycle_committee ADD COLUMN joined_on TEXT;

-- A mandate reviewed on a date: kept, changed or dropped, and when to review it next. Keeping
-- or changing it moves the mandate's review_by to next_review_on; dropping it closes it.
CREATE TABLE mandate_reviews (
    id              TEXT PRIMARY KEY NOT NULL,
    mandate_id      TEXT NOT NULL REFERENCES mandates (id) ON DELETE RESTRICT,
    reviewed_on     TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('kept', 'changed', 'dropped')),
    note            TEXT NOT NULL,
    next_review_on  TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;
CREATE INDEX mandate_reviews_mandate ON mandate_reviews (mandate_id, reviewed_on);

-- Since when an advocate has supported the report (NULL: not known), apart from when the
-- manager last checked with them.
ALTER TABLE advocates ADD COLUMN supporting_since TEXT;

-- A manager's tenure runs from changed_on until ended_on (NULL: until the next change, or
-- still); is_me marks the tenures of the manager using Trellis.
ALTER TABLE manager_changes ADD COLUMN ended_on TEXT;
ALTER TABLE manager_changes ADD COLUMN is_me INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1));

-- How often the manager means to hold a 1:1 with the report, in days (fortnightly unless set).
ALTER TABLE reports ADD COLUMN one_on_one_every_days INTEGER NOT NULL DEFAULT 14
    CHECK (one_on_one_every_days BETWEEN 1 AND 92);

-- The time of the write transaction under way, set by the store as each one begins (from its
-- clock, so that tests and scripted histories control it); the history triggers read it.
CREATE TABLE write_clock (
    id       INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    at       TEXT NOT NULL,   -- RFC 3339 UTC
    on_date  TEXT NOT NULL    -- the user's calendar date at that moment, YYYY-MM-DD
) STRICT;
INSERT INTO write_clock (id, at, on_date) VALUES (1, '1970-01-01T00:00:00+00:00', '1970-01-01');

-- Every version of every record: one row per insert, update and delete, written by the
-- triggers below in the same transaction as the write. The record as it stood at the end of a
-- day is, for each record, its last row written on or before that day (absent when that row is
-- a delete or the record's deleted_at is set). Records that existed before this migration get
-- one row each, dated when they were created (trellis_core::history::backfill).
CREATE TABLE record_history (
    seq         INTEGER PRIMARY KEY NOT NULL,  -- the order of writes
    table_name  TEXT NOT NULL,
    record_key  TEXT NOT NULL,     -- the record's id (or its key columns joined by '|')
    report_id   TEXT,              -- the report the record belongs to; NULL: shared records
    written_at  TEXT NOT NULL,     -- RFC 3339 UTC
    written_on  TEXT NOT NULL,     -- the user's calendar date of the write, YYYY-MM-DD
    op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row         TEXT NOT NULL      -- JSON object: every column of the record
) STRICT;
CREATE INDEX record_history_report ON record_history (report_id, table_name, seq);
CREATE INDEX record_history_record ON record_history (table_name, record_key, seq);
-- Finds every report's work ever recorded as led (duplicate claims of the lead) without
-- reading every version of every evidence item.
CREATE INDEX record_history_role ON record_history (table_name, json_extract(row, '$.role'));


-- The history triggers: every insert, update and delete of a record writes the record as it
-- stood after the write (before it, for a delete) into record_history, in the same
-- transaction, stamped with the write's time from write_clock. Generated column lists: a
-- later migration that adds a column to one of these tables must recreate its three triggers
-- (tests/core/history.rs fails when a history row misses a column of its table).

CREATE TRIGGER people_history_insert AFTER INSERT ON people BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'people', NEW.id, NULL, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'title', NEW.title,
        'relationship', NEW.relationship,
        'notes', NEW.notes,
        'version', NEW.version,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER people_history_update AFTER UPDATE ON people BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'people', NEW.id, NULL, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'title', NEW.title,
        'relationship', NEW.relationship,
        'notes', NEW.notes,
        'version', NEW.version,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER people_history_delete AFTER DELETE ON people BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'people', OLD.id, NULL, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'name', OLD.name,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'title', OLD.title,
        'relationship', OLD.relationship,
        'notes', OLD.notes,
        'version', OLD.version,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER ladder_levels_history_insert AFTER INSERT ON ladder_levels BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'ladder_levels', NEW.id, NULL, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'rank', NEW.rank,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER ladder_levels_history_update AFTER UPDATE ON ladder_levels BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'ladder_levels', NEW.id, NULL, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'rank', NEW.rank,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER ladder_levels_history_delete AFTER DELETE ON ladder_levels BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'ladder_levels', OLD.id, NULL, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'name', OLD.name,
        'rank', OLD.rank,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER ladder_changes_history_insert AFTER INSERT ON ladder_changes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'ladder_changes', NEW.id, NULL, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'level_id', NEW.level_id,
        'change', NEW.change,
        'detail', NEW.detail,
        'changed_at', NEW.changed_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER ladder_changes_history_update AFTER UPDATE ON ladder_changes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'ladder_changes', NEW.id, NULL, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'level_id', NEW.level_id,
        'change', NEW.change,
        'detail', NEW.detail,
        'changed_at', NEW.changed_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER ladder_changes_history_delete AFTER DELETE ON ladder_changes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'ladder_changes', OLD.id, NULL, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'level_id', OLD.level_id,
        'change', OLD.change,
        'detail', OLD.detail,
        'changed_at', OLD.changed_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER reports_history_insert AFTER INSERT ON reports BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'reports', NEW.id, NEW.id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'person_id', NEW.person_id,
        'current_level_id', NEW.current_level_id,
        'target_level_id', NEW.target_level_id,
        'team', NEW.team,
        'in_role_since', NEW.in_role_since,
        'archetype_worked', NEW.archetype_worked,
        'archetype_needed', NEW.archetype_needed,
        'team_strength', NEW.team_strength,
        'notes', NEW.notes,
        'archived_at', NEW.archived_at,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'one_on_one_every_days', NEW.one_on_one_every_days)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER reports_history_update AFTER UPDATE ON reports BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'reports', NEW.id, NEW.id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'person_id', NEW.person_id,
        'current_level_id', NEW.current_level_id,
        'target_level_id', NEW.target_level_id,
        'team', NEW.team,
        'in_role_since', NEW.in_role_since,
        'archetype_worked', NEW.archetype_worked,
        'archetype_needed', NEW.archetype_needed,
        'team_strength', NEW.team_strength,
        'notes', NEW.notes,
        'archived_at', NEW.archived_at,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'one_on_one_every_days', NEW.one_on_one_every_days)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER reports_history_delete AFTER DELETE ON reports BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'reports', OLD.id, OLD.id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'person_id', OLD.person_id,
        'current_level_id', OLD.current_level_id,
        'target_level_id', OLD.target_level_id,
        'team', OLD.team,
        'in_role_since', OLD.in_role_since,
        'archetype_worked', OLD.archetype_worked,
        'archetype_needed', OLD.archetype_needed,
        'team_strength', OLD.team_strength,
        'notes', OLD.notes,
        'archived_at', OLD.archived_at,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'one_on_one_every_days', OLD.one_on_one_every_days)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mandates_history_insert AFTER INSERT ON mandates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mandates', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'statement', NEW.statement,
        'priority', NEW.priority,
        'room', NEW.room,
        'attention', NEW.attention,
        'sponsor_id', NEW.sponsor_id,
        'set_on', NEW.set_on,
        'review_by', NEW.review_by,
        'status', NEW.status,
        'status_reason', NEW.status_reason,
        'ended_on', NEW.ended_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mandates_history_update AFTER UPDATE ON mandates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mandates', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'statement', NEW.statement,
        'priority', NEW.priority,
        'room', NEW.room,
        'attention', NEW.attention,
        'sponsor_id', NEW.sponsor_id,
        'set_on', NEW.set_on,
        'review_by', NEW.review_by,
        'status', NEW.status,
        'status_reason', NEW.status_reason,
        'ended_on', NEW.ended_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mandates_history_delete AFTER DELETE ON mandates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mandates', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'statement', OLD.statement,
        'priority', OLD.priority,
        'room', OLD.room,
        'attention', OLD.attention,
        'sponsor_id', OLD.sponsor_id,
        'set_on', OLD.set_on,
        'review_by', OLD.review_by,
        'status', OLD.status,
        'status_reason', OLD.status_reason,
        'ended_on', OLD.ended_on,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mandate_reviews_history_insert AFTER INSERT ON mandate_reviews BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mandate_reviews', NEW.id, (SELECT report_id FROM mandates WHERE id = NEW.mandate_id), w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'mandate_id', NEW.mandate_id,
        'reviewed_on', NEW.reviewed_on,
        'outcome', NEW.outcome,
        'note', NEW.note,
        'next_review_on', NEW.next_review_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mandate_reviews_history_update AFTER UPDATE ON mandate_reviews BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mandate_reviews', NEW.id, (SELECT report_id FROM mandates WHERE id = NEW.mandate_id), w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'mandate_id', NEW.mandate_id,
        'reviewed_on', NEW.reviewed_on,
        'outcome', NEW.outcome,
        'note', NEW.note,
        'next_review_on', NEW.next_review_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mandate_reviews_history_delete AFTER DELETE ON mandate_reviews BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mandate_reviews', OLD.id, (SELECT report_id FROM mandates WHERE id = OLD.mandate_id), w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'mandate_id', OLD.mandate_id,
        'reviewed_on', OLD.reviewed_on,
        'outcome', OLD.outcome,
        'note', OLD.note,
        'next_review_on', OLD.next_review_on,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_history_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'title', NEW.title,
        'description', NEW.description,
        'started_on', NEW.started_on,
        'ended_on', NEW.ended_on,
        'kind', NEW.kind,
        'role', NEW.role,
        'impact', NEW.impact,
        'in_production_since', NEW.in_production_since,
        'archetype', NEW.archetype,
        'work_mix', NEW.work_mix,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at,
        'flagship', NEW.flagship)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_history_update AFTER UPDATE ON evidence BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'title', NEW.title,
        'description', NEW.description,
        'started_on', NEW.started_on,
        'ended_on', NEW.ended_on,
        'kind', NEW.kind,
        'role', NEW.role,
        'impact', NEW.impact,
        'in_production_since', NEW.in_production_since,
        'archetype', NEW.archetype,
        'work_mix', NEW.work_mix,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at,
        'flagship', NEW.flagship)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_history_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'title', OLD.title,
        'description', OLD.description,
        'started_on', OLD.started_on,
        'ended_on', OLD.ended_on,
        'kind', OLD.kind,
        'role', OLD.role,
        'impact', OLD.impact,
        'in_production_since', OLD.in_production_since,
        'archetype', OLD.archetype,
        'work_mix', OLD.work_mix,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at,
        'flagship', OLD.flagship)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_co_owners_history_insert AFTER INSERT ON evidence_co_owners BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence_co_owners', NEW.evidence_id || '|' || NEW.person_id, (SELECT report_id FROM evidence WHERE id = NEW.evidence_id), w.at, w.on_date, 'insert', json_object(
        'evidence_id', NEW.evidence_id,
        'person_id', NEW.person_id)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_co_owners_history_update AFTER UPDATE ON evidence_co_owners BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence_co_owners', NEW.evidence_id || '|' || NEW.person_id, (SELECT report_id FROM evidence WHERE id = NEW.evidence_id), w.at, w.on_date, 'update', json_object(
        'evidence_id', NEW.evidence_id,
        'person_id', NEW.person_id)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_co_owners_history_delete AFTER DELETE ON evidence_co_owners BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence_co_owners', OLD.evidence_id || '|' || OLD.person_id, (SELECT report_id FROM evidence WHERE id = OLD.evidence_id), w.at, w.on_date, 'delete', json_object(
        'evidence_id', OLD.evidence_id,
        'person_id', OLD.person_id)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_links_history_insert AFTER INSERT ON evidence_links BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence_links', NEW.evidence_id || '|' || NEW.position, (SELECT report_id FROM evidence WHERE id = NEW.evidence_id), w.at, w.on_date, 'insert', json_object(
        'evidence_id', NEW.evidence_id,
        'position', NEW.position,
        'url', NEW.url,
        'label', NEW.label)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_links_history_update AFTER UPDATE ON evidence_links BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence_links', NEW.evidence_id || '|' || NEW.position, (SELECT report_id FROM evidence WHERE id = NEW.evidence_id), w.at, w.on_date, 'update', json_object(
        'evidence_id', NEW.evidence_id,
        'position', NEW.position,
        'url', NEW.url,
        'label', NEW.label)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER evidence_links_history_delete AFTER DELETE ON evidence_links BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'evidence_links', OLD.evidence_id || '|' || OLD.position, (SELECT report_id FROM evidence WHERE id = OLD.evidence_id), w.at, w.on_date, 'delete', json_object(
        'evidence_id', OLD.evidence_id,
        'position', OLD.position,
        'url', OLD.url,
        'label', OLD.label)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER visibility_history_insert AFTER INSERT ON visibility BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'visibility', NEW.id, (SELECT report_id FROM evidence WHERE id = NEW.evidence_id), w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'evidence_id', NEW.evidence_id,
        'person_id', NEW.person_id,
        'channel', NEW.channel,
        'detail', NEW.detail,
        'seen_on', NEW.seen_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER visibility_history_update AFTER UPDATE ON visibility BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'visibility', NEW.id, (SELECT report_id FROM evidence WHERE id = NEW.evidence_id), w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'evidence_id', NEW.evidence_id,
        'person_id', NEW.person_id,
        'channel', NEW.channel,
        'detail', NEW.detail,
        'seen_on', NEW.seen_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER visibility_history_delete AFTER DELETE ON visibility BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'visibility', OLD.id, (SELECT report_id FROM evidence WHERE id = OLD.evidence_id), w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'evidence_id', OLD.evidence_id,
        'person_id', OLD.person_id,
        'channel', OLD.channel,
        'detail', OLD.detail,
        'seen_on', OLD.seen_on,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER advocates_history_insert AFTER INSERT ON advocates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'advocates', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'person_id', NEW.person_id,
        'what_seen', NEW.what_seen,
        'strength', NEW.strength,
        'last_checked', NEW.last_checked,
        'notes', NEW.notes,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at,
        'supporting_since', NEW.supporting_since)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER advocates_history_update AFTER UPDATE ON advocates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'advocates', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'person_id', NEW.person_id,
        'what_seen', NEW.what_seen,
        'strength', NEW.strength,
        'last_checked', NEW.last_checked,
        'notes', NEW.notes,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at,
        'supporting_since', NEW.supporting_since)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER advocates_history_delete AFTER DELETE ON advocates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'advocates', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'person_id', OLD.person_id,
        'what_seen', OLD.what_seen,
        'strength', OLD.strength,
        'last_checked', OLD.last_checked,
        'notes', OLD.notes,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at,
        'supporting_since', OLD.supporting_since)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mentorships_history_insert AFTER INSERT ON mentorships BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mentorships', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'mentee_id', NEW.mentee_id,
        'goals', NEW.goals,
        'started_on', NEW.started_on,
        'ended_on', NEW.ended_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mentorships_history_update AFTER UPDATE ON mentorships BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mentorships', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'mentee_id', NEW.mentee_id,
        'goals', NEW.goals,
        'started_on', NEW.started_on,
        'ended_on', NEW.ended_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mentorships_history_delete AFTER DELETE ON mentorships BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mentorships', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'mentee_id', OLD.mentee_id,
        'goals', OLD.goals,
        'started_on', OLD.started_on,
        'ended_on', OLD.ended_on,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mentorship_feedback_history_insert AFTER INSERT ON mentorship_feedback BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mentorship_feedback', NEW.id, (SELECT report_id FROM mentorships WHERE id = NEW.mentorship_id), w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'mentorship_id', NEW.mentorship_id,
        'received_on', NEW.received_on,
        'source', NEW.source,
        'sentiment', NEW.sentiment,
        'words', NEW.words,
        'quotable', NEW.quotable,
        'addressed_on', NEW.addressed_on,
        'addressed_action', NEW.addressed_action,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mentorship_feedback_history_update AFTER UPDATE ON mentorship_feedback BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mentorship_feedback', NEW.id, (SELECT report_id FROM mentorships WHERE id = NEW.mentorship_id), w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'mentorship_id', NEW.mentorship_id,
        'received_on', NEW.received_on,
        'source', NEW.source,
        'sentiment', NEW.sentiment,
        'words', NEW.words,
        'quotable', NEW.quotable,
        'addressed_on', NEW.addressed_on,
        'addressed_action', NEW.addressed_action,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER mentorship_feedback_history_delete AFTER DELETE ON mentorship_feedback BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'mentorship_feedback', OLD.id, (SELECT report_id FROM mentorships WHERE id = OLD.mentorship_id), w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'mentorship_id', OLD.mentorship_id,
        'received_on', OLD.received_on,
        'source', OLD.source,
        'sentiment', OLD.sentiment,
        'words', OLD.words,
        'quotable', OLD.quotable,
        'addressed_on', OLD.addressed_on,
        'addressed_action', OLD.addressed_action,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER manager_changes_history_insert AFTER INSERT ON manager_changes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'manager_changes', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'changed_on', NEW.changed_on,
        'manager', NEW.manager,
        'note', NEW.note,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at,
        'ended_on', NEW.ended_on,
        'is_me', NEW.is_me)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER manager_changes_history_update AFTER UPDATE ON manager_changes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'manager_changes', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'changed_on', NEW.changed_on,
        'manager', NEW.manager,
        'note', NEW.note,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at,
        'ended_on', NEW.ended_on,
        'is_me', NEW.is_me)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER manager_changes_history_delete AFTER DELETE ON manager_changes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'manager_changes', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'changed_on', OLD.changed_on,
        'manager', OLD.manager,
        'note', OLD.note,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at,
        'ended_on', OLD.ended_on,
        'is_me', OLD.is_me)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER cycles_history_insert AFTER INSERT ON cycles BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'cycles', NEW.id, NULL, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'opens_on', NEW.opens_on,
        'packet_due', NEW.packet_due,
        'calibration_date', NEW.calibration_date,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER cycles_history_update AFTER UPDATE ON cycles BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'cycles', NEW.id, NULL, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'opens_on', NEW.opens_on,
        'packet_due', NEW.packet_due,
        'calibration_date', NEW.calibration_date,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER cycles_history_delete AFTER DELETE ON cycles BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'cycles', OLD.id, NULL, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'name', OLD.name,
        'opens_on', OLD.opens_on,
        'packet_due', OLD.packet_due,
        'calibration_date', OLD.calibration_date,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER cycle_committee_history_insert AFTER INSERT ON cycle_committee BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'cycle_committee', NEW.cycle_id || '|' || NEW.person_id, NULL, w.at, w.on_date, 'insert', json_object(
        'cycle_id', NEW.cycle_id,
        'person_id', NEW.person_id,
        'joined_on', NEW.joined_on)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER cycle_committee_history_update AFTER UPDATE ON cycle_committee BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'cycle_committee', NEW.cycle_id || '|' || NEW.person_id, NULL, w.at, w.on_date, 'update', json_object(
        'cycle_id', NEW.cycle_id,
        'person_id', NEW.person_id,
        'joined_on', NEW.joined_on)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER cycle_committee_history_delete AFTER DELETE ON cycle_committee BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'cycle_committee', OLD.cycle_id || '|' || OLD.person_id, NULL, w.at, w.on_date, 'delete', json_object(
        'cycle_id', OLD.cycle_id,
        'person_id', OLD.person_id,
        'joined_on', OLD.joined_on)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER candidates_history_insert AFTER INSERT ON candidates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'candidates', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'cycle_id', NEW.cycle_id,
        'report_id', NEW.report_id,
        'target_level_id', NEW.target_level_id,
        'added_on', NEW.added_on,
        'readiness', NEW.readiness,
        'readiness_reason', NEW.readiness_reason,
        'expected_cycle', NEW.expected_cycle,
        'actions', NEW.actions,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER candidates_history_update AFTER UPDATE ON candidates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'candidates', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'cycle_id', NEW.cycle_id,
        'report_id', NEW.report_id,
        'target_level_id', NEW.target_level_id,
        'added_on', NEW.added_on,
        'readiness', NEW.readiness,
        'readiness_reason', NEW.readiness_reason,
        'expected_cycle', NEW.expected_cycle,
        'actions', NEW.actions,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER candidates_history_delete AFTER DELETE ON candidates BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'candidates', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'cycle_id', OLD.cycle_id,
        'report_id', OLD.report_id,
        'target_level_id', OLD.target_level_id,
        'added_on', OLD.added_on,
        'readiness', OLD.readiness,
        'readiness_reason', OLD.readiness_reason,
        'expected_cycle', OLD.expected_cycle,
        'actions', OLD.actions,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER packet_versions_history_insert AFTER INSERT ON packet_versions BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'packet_versions', NEW.id, (SELECT report_id FROM candidates WHERE id = NEW.candidate_id), w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'candidate_id', NEW.candidate_id,
        'number', NEW.number,
        'saved_on', NEW.saved_on,
        'note', NEW.note,
        'sections', NEW.sections,
        'created_at', NEW.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER packet_versions_history_update AFTER UPDATE ON packet_versions BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'packet_versions', NEW.id, (SELECT report_id FROM candidates WHERE id = NEW.candidate_id), w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'candidate_id', NEW.candidate_id,
        'number', NEW.number,
        'saved_on', NEW.saved_on,
        'note', NEW.note,
        'sections', NEW.sections,
        'created_at', NEW.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER packet_versions_history_delete AFTER DELETE ON packet_versions BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'packet_versions', OLD.id, (SELECT report_id FROM candidates WHERE id = OLD.candidate_id), w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'candidate_id', OLD.candidate_id,
        'number', OLD.number,
        'saved_on', OLD.saved_on,
        'note', OLD.note,
        'sections', OLD.sections,
        'created_at', OLD.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER rules_of_thumb_history_insert AFTER INSERT ON rules_of_thumb BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'rules_of_thumb', NEW.id, NULL, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'wording', NEW.wording,
        'said_by_id', NEW.said_by_id,
        'said_on', NEW.said_on,
        'source', NEW.source,
        'source_detail', NEW.source_detail,
        'confirmed', NEW.confirmed,
        'levels', NEW.levels,
        'archetypes', NEW.archetypes,
        'retired', NEW.retired,
        'check_spec', NEW.check_spec,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER rules_of_thumb_history_update AFTER UPDATE ON rules_of_thumb BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'rules_of_thumb', NEW.id, NULL, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'wording', NEW.wording,
        'said_by_id', NEW.said_by_id,
        'said_on', NEW.said_on,
        'source', NEW.source,
        'source_detail', NEW.source_detail,
        'confirmed', NEW.confirmed,
        'levels', NEW.levels,
        'archetypes', NEW.archetypes,
        'retired', NEW.retired,
        'check_spec', NEW.check_spec,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER rules_of_thumb_history_delete AFTER DELETE ON rules_of_thumb BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'rules_of_thumb', OLD.id, NULL, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'wording', OLD.wording,
        'said_by_id', OLD.said_by_id,
        'said_on', OLD.said_on,
        'source', OLD.source,
        'source_detail', OLD.source_detail,
        'confirmed', OLD.confirmed,
        'levels', OLD.levels,
        'archetypes', OLD.archetypes,
        'retired', OLD.retired,
        'check_spec', OLD.check_spec,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER packet_reviews_history_insert AFTER INSERT ON packet_reviews BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'packet_reviews', NEW.id, (SELECT report_id FROM candidates WHERE id = NEW.candidate_id), w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'candidate_id', NEW.candidate_id,
        'reviewer_id', NEW.reviewer_id,
        'reviewer_role', NEW.reviewer_role,
        'version_number', NEW.version_number,
        'requested_on', NEW.requested_on,
        'received_on', NEW.received_on,
        'comments', NEW.comments,
        'revealed_rule_id', NEW.revealed_rule_id,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER packet_reviews_history_update AFTER UPDATE ON packet_reviews BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'packet_reviews', NEW.id, (SELECT report_id FROM candidates WHERE id = NEW.candidate_id), w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'candidate_id', NEW.candidate_id,
        'reviewer_id', NEW.reviewer_id,
        'reviewer_role', NEW.reviewer_role,
        'version_number', NEW.version_number,
        'requested_on', NEW.requested_on,
        'received_on', NEW.received_on,
        'comments', NEW.comments,
        'revealed_rule_id', NEW.revealed_rule_id,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER packet_reviews_history_delete AFTER DELETE ON packet_reviews BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'packet_reviews', OLD.id, (SELECT report_id FROM candidates WHERE id = OLD.candidate_id), w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'candidate_id', OLD.candidate_id,
        'reviewer_id', OLD.reviewer_id,
        'reviewer_role', OLD.reviewer_role,
        'version_number', OLD.version_number,
        'requested_on', OLD.requested_on,
        'received_on', OLD.received_on,
        'comments', OLD.comments,
        'revealed_rule_id', OLD.revealed_rule_id,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER rule_checks_history_insert AFTER INSERT ON rule_checks BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'rule_checks', NEW.candidate_id || '|' || NEW.rule_id, (SELECT report_id FROM candidates WHERE id = NEW.candidate_id), w.at, w.on_date, 'insert', json_object(
        'candidate_id', NEW.candidate_id,
        'rule_id', NEW.rule_id,
        'status', NEW.status,
        'note', NEW.note,
        'checked_on', NEW.checked_on)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER rule_checks_history_update AFTER UPDATE ON rule_checks BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'rule_checks', NEW.candidate_id || '|' || NEW.rule_id, (SELECT report_id FROM candidates WHERE id = NEW.candidate_id), w.at, w.on_date, 'update', json_object(
        'candidate_id', NEW.candidate_id,
        'rule_id', NEW.rule_id,
        'status', NEW.status,
        'note', NEW.note,
        'checked_on', NEW.checked_on)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER rule_checks_history_delete AFTER DELETE ON rule_checks BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'rule_checks', OLD.candidate_id || '|' || OLD.rule_id, (SELECT report_id FROM candidates WHERE id = OLD.candidate_id), w.at, w.on_date, 'delete', json_object(
        'candidate_id', OLD.candidate_id,
        'rule_id', OLD.rule_id,
        'status', OLD.status,
        'note', OLD.note,
        'checked_on', OLD.checked_on)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER signal_acks_history_insert AFTER INSERT ON signal_acks BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'signal_acks', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'rule_id', NEW.rule_id,
        'cause_key', NEW.cause_key,
        'action', NEW.action,
        'reason', NEW.reason,
        'until', NEW.until,
        'acked_on', NEW.acked_on,
        'created_at', NEW.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER signal_acks_history_update AFTER UPDATE ON signal_acks BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'signal_acks', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'rule_id', NEW.rule_id,
        'cause_key', NEW.cause_key,
        'action', NEW.action,
        'reason', NEW.reason,
        'until', NEW.until,
        'acked_on', NEW.acked_on,
        'created_at', NEW.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER signal_acks_history_delete AFTER DELETE ON signal_acks BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'signal_acks', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'rule_id', OLD.rule_id,
        'cause_key', OLD.cause_key,
        'action', OLD.action,
        'reason', OLD.reason,
        'until', OLD.until,
        'acked_on', OLD.acked_on,
        'created_at', OLD.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER settings_history_insert AFTER INSERT ON settings BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'settings', NEW.key, NULL, w.at, w.on_date, 'insert', json_object(
        'key', NEW.key,
        'value', NEW.value,
        'updated_at', NEW.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER settings_history_update AFTER UPDATE ON settings BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'settings', NEW.key, NULL, w.at, w.on_date, 'update', json_object(
        'key', NEW.key,
        'value', NEW.value,
        'updated_at', NEW.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER settings_history_delete AFTER DELETE ON settings BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'settings', OLD.key, NULL, w.at, w.on_date, 'delete', json_object(
        'key', OLD.key,
        'value', OLD.value,
        'updated_at', OLD.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meetings_history_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meetings', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'held_on', NEW.held_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meetings_history_update AFTER UPDATE ON meetings BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meetings', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'held_on', NEW.held_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meetings_history_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meetings', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'held_on', OLD.held_on,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meeting_notes_history_insert AFTER INSERT ON meeting_notes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meeting_notes', NEW.id, (SELECT report_id FROM meetings WHERE id = NEW.meeting_id), w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'meeting_id', NEW.meeting_id,
        'body', NEW.body,
        'private', NEW.private,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meeting_notes_history_update AFTER UPDATE ON meeting_notes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meeting_notes', NEW.id, (SELECT report_id FROM meetings WHERE id = NEW.meeting_id), w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'meeting_id', NEW.meeting_id,
        'body', NEW.body,
        'private', NEW.private,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meeting_notes_history_delete AFTER DELETE ON meeting_notes BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meeting_notes', OLD.id, (SELECT report_id FROM meetings WHERE id = OLD.meeting_id), w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'meeting_id', OLD.meeting_id,
        'body', OLD.body,
        'private', OLD.private,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER agenda_items_history_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'agenda_items', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'text', NEW.text,
        'shared', NEW.shared,
        'added_on', NEW.added_on,
        'status', NEW.status,
        'closed_on', NEW.closed_on,
        'closed_meeting_id', NEW.closed_meeting_id,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER agenda_items_history_update AFTER UPDATE ON agenda_items BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'agenda_items', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'text', NEW.text,
        'shared', NEW.shared,
        'added_on', NEW.added_on,
        'status', NEW.status,
        'closed_on', NEW.closed_on,
        'closed_meeting_id', NEW.closed_meeting_id,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER agenda_items_history_delete AFTER DELETE ON agenda_items BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'agenda_items', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'text', OLD.text,
        'shared', OLD.shared,
        'added_on', OLD.added_on,
        'status', OLD.status,
        'closed_on', OLD.closed_on,
        'closed_meeting_id', OLD.closed_meeting_id,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meeting_agenda_history_insert AFTER INSERT ON meeting_agenda BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meeting_agenda', NEW.meeting_id || '|' || NEW.item_id, (SELECT report_id FROM meetings WHERE id = NEW.meeting_id), w.at, w.on_date, 'insert', json_object(
        'meeting_id', NEW.meeting_id,
        'item_id', NEW.item_id)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meeting_agenda_history_update AFTER UPDATE ON meeting_agenda BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meeting_agenda', NEW.meeting_id || '|' || NEW.item_id, (SELECT report_id FROM meetings WHERE id = NEW.meeting_id), w.at, w.on_date, 'update', json_object(
        'meeting_id', NEW.meeting_id,
        'item_id', NEW.item_id)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER meeting_agenda_history_delete AFTER DELETE ON meeting_agenda BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'meeting_agenda', OLD.meeting_id || '|' || OLD.item_id, (SELECT report_id FROM meetings WHERE id = OLD.meeting_id), w.at, w.on_date, 'delete', json_object(
        'meeting_id', OLD.meeting_id,
        'item_id', OLD.item_id)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER action_items_history_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'action_items', NEW.id, NEW.report_id, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'meeting_id', NEW.meeting_id,
        'text', NEW.text,
        'owner', NEW.owner,
        'due_on', NEW.due_on,
        'done_on', NEW.done_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER action_items_history_update AFTER UPDATE ON action_items BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'action_items', NEW.id, NEW.report_id, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'report_id', NEW.report_id,
        'meeting_id', NEW.meeting_id,
        'text', NEW.text,
        'owner', NEW.owner,
        'due_on', NEW.due_on,
        'done_on', NEW.done_on,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at,
        'deleted_at', NEW.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER action_items_history_delete AFTER DELETE ON action_items BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'action_items', OLD.id, OLD.report_id, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'report_id', OLD.report_id,
        'meeting_id', OLD.meeting_id,
        'text', OLD.text,
        'owner', OLD.owner,
        'due_on', OLD.due_on,
        'done_on', OLD.done_on,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at,
        'deleted_at', OLD.deleted_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER one_on_one_links_history_insert AFTER INSERT ON one_on_one_links BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'one_on_one_links', NEW.source_kind || '|' || NEW.source_id || '|' || NEW.target_kind || '|' || NEW.target_id, NULL, w.at, w.on_date, 'insert', json_object(
        'source_kind', NEW.source_kind,
        'source_id', NEW.source_id,
        'target_kind', NEW.target_kind,
        'target_id', NEW.target_id,
        'created_at', NEW.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER one_on_one_links_history_update AFTER UPDATE ON one_on_one_links BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'one_on_one_links', NEW.source_kind || '|' || NEW.source_id || '|' || NEW.target_kind || '|' || NEW.target_id, NULL, w.at, w.on_date, 'update', json_object(
        'source_kind', NEW.source_kind,
        'source_id', NEW.source_id,
        'target_kind', NEW.target_kind,
        'target_id', NEW.target_id,
        'created_at', NEW.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER one_on_one_links_history_delete AFTER DELETE ON one_on_one_links BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'one_on_one_links', OLD.source_kind || '|' || OLD.source_id || '|' || OLD.target_kind || '|' || OLD.target_id, NULL, w.at, w.on_date, 'delete', json_object(
        'source_kind', OLD.source_kind,
        'source_id', OLD.source_id,
        'target_kind', OLD.target_kind,
        'target_id', OLD.target_id,
        'created_at', OLD.created_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER questions_history_insert AFTER INSERT ON questions BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'questions', NEW.id, NULL, w.at, w.on_date, 'insert', json_object(
        'id', NEW.id,
        'text', NEW.text,
        'trigger', NEW.trigger,
        'retired', NEW.retired,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER questions_history_update AFTER UPDATE ON questions BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'questions', NEW.id, NULL, w.at, w.on_date, 'update', json_object(
        'id', NEW.id,
        'text', NEW.text,
        'trigger', NEW.trigger,
        'retired', NEW.retired,
        'version', NEW.version,
        'created_at', NEW.created_at,
        'updated_at', NEW.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;

CREATE TRIGGER questions_history_delete AFTER DELETE ON questions BEGIN
    INSERT INTO record_history (table_name, record_key, report_id, written_at, written_on, op, row)
    SELECT 'questions', OLD.id, NULL, w.at, w.on_date, 'delete', json_object(
        'id', OLD.id,
        'text', OLD.text,
        'trigger', OLD.trigger,
        'retired', OLD.retired,
        'version', OLD.version,
        'created_at', OLD.created_at,
        'updated_at', OLD.updated_at)
    FROM write_clock w WHERE w.id = 1;
END;
