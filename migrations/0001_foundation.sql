-- Foundation: the people the record refers to, the company ladder, and reports.
-- Ids are UUIDv7 text (sortable by creation, exported to TypeScript as strings).
-- Timestamps are RFC 3339 UTC text; calendar dates are YYYY-MM-DD text.

CREATE TABLE people (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- The company ladder, lowest rank first. Ranks are kept dense (1..n) by the store.
CREATE TABLE ladder_levels (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    rank        INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX ladder_levels_name ON ladder_levels (name COLLATE NOCASE);

-- Every change to the ladder, so later features can tell when a level appeared or moved.
CREATE TABLE ladder_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    level_id    TEXT NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('added', 'renamed', 'moved', 'removed')),
    detail      TEXT NOT NULL,
    changed_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ladder_changes_level ON ladder_changes (level_id, changed_at);

-- A report is a person the manager supports, with their report record.
CREATE TABLE reports (
    id                TEXT PRIMARY KEY NOT NULL,
    person_id         TEXT NOT NULL UNIQUE REFERENCES people (id) ON DELETE RESTRICT,
    current_level_id  TEXT NOT NULL REFERENCES ladder_levels (id) ON DELETE RESTRICT,
    target_level_id   TEXT NOT NULL REFERENCES ladder_levels (id) ON DELETE RESTRICT,
    team              TEXT NOT NULL,
    in_role_since     TEXT NOT NULL,
    archetype_worked  TEXT NOT NULL
        CHECK (archetype_worked IN ('tech_lead', 'architect', 'solver', 'right_hand', 'unclear')),
    archetype_needed  TEXT NOT NULL
        CHECK (archetype_needed IN ('tech_lead', 'architect', 'solver', 'right_hand', 'unclear')),
    team_strength     TEXT NOT NULL CHECK (team_strength IN ('strong', 'weak')),
    notes             TEXT NOT NULL,
    archived_at       TEXT,
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX reports_current_level ON reports (current_level_id);
CREATE INDEX reports_target_level ON reports (target_level_id);

-- The default ladder; a company edits it in the app (insert, rename, move, remove).
INSERT INTO ladder_levels (id, name, rank, created_at, updated_at) VALUES
    ('01900000-0000-7000-8000-000000000001', 'Senior',        1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000002', 'Staff',         2, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000003', 'Senior Staff',  3, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000004', 'Principal',     4, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000005', 'Distinguished', 5, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
