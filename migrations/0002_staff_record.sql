-- The staff record: the people directory, mandates, evidence with co-owners, links and
-- visibility, advocates, mentorships and their feedback, and the full-text search index.
--
-- Every editable record has created_at / updated_at, a version for stale-edit detection,
-- and deleted_at for soft deletion (undo). Rows are never removed by the app; a person who
-- is referenced by any record cannot be deleted at all (the store refuses with a conflict),
-- so evidence is never erased with its witnesses.

-- People: one directory of everyone the record refers to.
ALTER TABLE people ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN relationship TEXT NOT NULL DEFAULT 'report'
    CHECK (relationship IN ('report', 'my_org', 'peer', 'skip_level', 'leadership',
                            'cross_functional', 'other'));
ALTER TABLE people ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN deleted_at TEXT;
CREATE INDEX people_name ON people (name COLLATE NOCASE);

-- What the company currently values from a report. At most one active mandate per report;
-- replacing it closes the old one (completed or dropped, with a reason) into history.
CREATE TABLE mandates (
    id             TEXT PRIMARY KEY NOT NULL,
    report_id      TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    statement      TEXT NOT NULL,
    priority       TEXT NOT NULL,   -- the company priority it serves ('' = none named)
    room           TEXT NOT NULL CHECK (room IN ('yes', 'partly', 'no', 'unknown')),
    attention      TEXT NOT NULL CHECK (attention IN ('yes', 'partly', 'no', 'unknown')),
    sponsor_id     TEXT REFERENCES people (id) ON DELETE RESTRICT,
    set_on         TEXT NOT NULL,
    review_by      TEXT,
    status         TEXT NOT NULL CHECK (status IN ('active', 'completed', 'dropped')),
    status_reason  TEXT NOT NULL,
    ended_on       TEXT,
    version        INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
CREATE INDEX mandates_report ON mandates (report_id, set_on);
CREATE UNIQUE INDEX mandates_one_active ON mandates (report_id)
    WHERE status = 'active' AND deleted_at IS NULL;

-- Evidence: a dated record of work (a brag-document entry).
CREATE TABLE evidence (
    id                   TEXT PRIMARY KEY NOT NULL,
    report_id            TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    title                TEXT NOT NULL,
    description          TEXT NOT NULL,
    started_on           TEXT NOT NULL,
    ended_on             TEXT,
    kind                 TEXT NOT NULL CHECK (kind IN ('project', 'org_improvement', 'glue_work',
                             'cross_functional_support', 'strategy', 'incident',
                             'unblocking_others', 'growing_others', 'other')),
    role                 TEXT NOT NULL CHECK (role IN ('led', 'co_led', 'contributed', 'advised')),
    impact               TEXT NOT NULL,   -- quantified impact, in the manager's words
    in_production_since  TEXT,
    archetype            TEXT CHECK (archetype IN ('tech_lead', 'architect', 'solver',
                             'right_hand', 'unclear')),
    work_mix             TEXT NOT NULL CHECK (work_mix IN ('high_leverage', 'snacking', 'preening',
                             'chasing_ghosts', 'untagged')),
    version              INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT
) STRICT;
CREATE INDEX evidence_report ON evidence (report_id, started_on);

-- Who else owns a piece of evidence (people, including other reports).
CREATE TABLE evidence_co_owners (
    evidence_id  TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    PRIMARY KEY (evidence_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_co_owners_person ON evidence_co_owners (person_id);

CREATE TABLE evidence_links (
    evidence_id  TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    url          TEXT NOT NULL,
    label        TEXT NOT NULL,
    PRIMARY KEY (evidence_id, position)
) STRICT, WITHOUT ROWID;

-- Who has seen a piece of evidence, how, and when.
CREATE TABLE visibility (
    id           TEXT PRIMARY KEY NOT NULL,
    evidence_id  TEXT NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    channel      TEXT NOT NULL CHECK (channel IN ('demo', 'doc', 'incident_review', 'skip_one_on_one',
                     'presentation', 'review', 'other')),
    detail       TEXT NOT NULL,
    seen_on      TEXT NOT NULL,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX visibility_evidence ON visibility (evidence_id);
CREATE INDEX visibility_person ON visibility (person_id);

-- Leaders who will speak for a report.
CREATE TABLE advocates (
    id            TEXT PRIMARY KEY NOT NULL,
    report_id     TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    person_id     TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    what_seen     TEXT NOT NULL,
    strength      TEXT NOT NULL CHECK (strength IN ('strong', 'moderate', 'weak', 'unknown')),
    last_checked  TEXT,
    notes         TEXT NOT NULL,
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
CREATE UNIQUE INDEX advocates_once ON advocates (report_id, person_id) WHERE deleted_at IS NULL;
CREATE INDEX advocates_person ON advocates (person_id);

-- A report mentoring someone: the mentee, their goals, the period.
CREATE TABLE mentorships (
    id          TEXT PRIMARY KEY NOT NULL,
    report_id   TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    mentee_id   TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    goals       TEXT NOT NULL,
    started_on  TEXT NOT NULL,
    ended_on    TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX mentorships_report ON mentorships (report_id);
CREATE INDEX mentorships_mentee ON mentorships (mentee_id);

-- What mentees (or their managers, or a survey) say about being mentored.
CREATE TABLE mentorship_feedback (
    id                TEXT PRIMARY KEY NOT NULL,
    mentorship_id     TEXT NOT NULL REFERENCES mentorships (id) ON DELETE RESTRICT,
    received_on       TEXT NOT NULL,
    source            TEXT NOT NULL CHECK (source IN ('mentee', 'mentee_manager', 'survey')),
    sentiment         TEXT NOT NULL CHECK (sentiment IN ('positive', 'mixed', 'negative')),
    words             TEXT NOT NULL,
    quotable          INTEGER NOT NULL CHECK (quotable IN (0, 1)),
    addressed_on      TEXT,
    addressed_action  TEXT NOT NULL,
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;
CREATE INDEX mentorship_feedback_mentorship ON mentorship_feedback (mentorship_id, received_on);

-- Full-text search over every text field of every record, kept in sync by the store in the
-- same transaction as each write. search_docs says what each indexed row is; the FTS row
-- shares its rowid (doc_id), so replacing one record's entry is a keyed delete, not a scan.
CREATE TABLE search_docs (
    doc_id     INTEGER PRIMARY KEY,
    record_id  TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    report_id  TEXT,
    parent_id  TEXT
) STRICT;

CREATE VIRTUAL TABLE search_index USING fts5 (
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Index what already exists: the reports.
INSERT INTO search_docs (record_id, kind, report_id, parent_id)
SELECT r.id, 'report', r.id, NULL FROM reports r;
INSERT INTO search_index (rowid, title, body)
SELECT d.doc_id, p.name, r.team || char(10) || r.notes
FROM search_docs d JOIN reports r ON r.id = d.record_id JOIN people p ON p.id = r.person_id;
