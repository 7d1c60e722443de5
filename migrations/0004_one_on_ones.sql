-- 1:1s: meetings with their notes, an agenda whose items carry over until done or dropped,
-- action items, links from 1:1 content to the evidence or feedback it became, and the
-- curated question bank the 1:1 prep view suggests from.

-- One 1:1 with a report on a date (a date after today is a planned 1:1).
CREATE TABLE meetings (
    id          TEXT PRIMARY KEY NOT NULL,
    report_id   TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    held_on     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX meetings_report_day ON meetings (report_id, held_on) WHERE deleted_at IS NULL;

-- What was said or decided in a meeting; private (the manager's eyes only) by default.
CREATE TABLE meeting_notes (
    id          TEXT PRIMARY KEY NOT NULL,
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,
    body        TEXT NOT NULL,
    private     INTEGER NOT NULL CHECK (private IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX meeting_notes_meeting ON meeting_notes (meeting_id);

-- Something to raise; open until done or dropped, carried into every 1:1 until then.
CREATE TABLE agenda_items (
    id                 TEXT PRIMARY KEY NOT NULL,
    report_id          TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    text               TEXT NOT NULL,
    shared             INTEGER NOT NULL CHECK (shared IN (0, 1)),  -- 0: private to the manager
    added_on           TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    closed_on          TEXT,
    closed_meeting_id  TEXT REFERENCES meetings (id) ON DELETE RESTRICT,
    version            INTEGER NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
) STRICT;
CREATE INDEX agenda_items_report ON agenda_items (report_id, status);

-- Which meetings an agenda item was on (once per meeting: raised there or carried into it).
CREATE TABLE meeting_agenda (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,
    item_id     TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE RESTRICT,
    PRIMARY KEY (meeting_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_agenda_item ON meeting_agenda (item_id);

-- A follow-up someone owns.
CREATE TABLE action_items (
    id          TEXT PRIMARY KEY NOT NULL,
    report_id   TEXT NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    meeting_id  TEXT REFERENCES meetings (id) ON DELETE RESTRICT,
    text        TEXT NOT NULL,
    owner       TEXT NOT NULL CHECK (owner IN ('manager', 'report')),
    due_on      TEXT,
    done_on     TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX action_items_report ON action_items (report_id, done_on);

-- A note, agenda item or action item that became evidence or a mentorship feedback entry.
CREATE TABLE one_on_one_links (
    source_kind  TEXT NOT NULL CHECK (source_kind IN ('note', 'agenda_item', 'action_item')),
    source_id    TEXT NOT NULL,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('evidence', 'feedback')),
    target_id    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (source_kind, source_id, target_kind, target_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX one_on_one_links_target ON one_on_one_links (target_kind, target_id);

-- The question bank: curated questions, each suggested when its trigger holds (always, an
-- archetype, a mandate review coming up, or an open radar signal by rule id).
CREATE TABLE questions (
    id          TEXT PRIMARY KEY NOT NULL,
    text        TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    retired     INTEGER NOT NULL CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX questions_trigger ON questions (trigger, retired);

INSERT INTO questions (id, text, trigger, retired, version, created_at, updated_at) VALUES
('builtin-q01', 'What is the most important problem you own right now, and who would notice if it stalled?', 'general', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q02', 'What did you do in the last two weeks that only you could have done?', 'general', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q03', 'Where are you spending time that is not moving anything important?', 'general', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q04', 'What is blocking you that I could unblock this week?', 'general', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q05', 'Which senior leader has seen your best work this quarter, and how?', 'general', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q06', 'Which teams are you setting direction for, and how do you know they are following it?', 'archetype.tech_lead', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q07', 'What decision did the team make differently because of you?', 'archetype.tech_lead', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q08', 'Which technical direction in your area are you most worried about, and who else knows?', 'archetype.architect', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q09', 'Which cross-team decision did you shape this month, and what changed as a result?', 'archetype.architect', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q10', 'What is leadership most worried about right now, and is it what you are working on?', 'archetype.solver', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q11', 'When you leave the current fire, what will keep it from coming back?', 'archetype.solver', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q12', 'Which of your leader''s priorities did you move forward without them having to ask?', 'archetype.right_hand', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q13', 'How would the organisation describe your role, in one sentence?', 'archetype.right_hand', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q14', 'Which staff-plus archetype do you want to grow into, and what would a first step look like?', 'archetype.unclear', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q15', 'Your mandate is due for review: is it still the most important problem you could own?', 'mandate.review_due', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q16', 'If your mandate ended tomorrow, what would you want to be able to show for it?', 'mandate.review_due', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q17', 'What problem would you want to own for the next six months?', 'mandate.missing', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q18', 'Which company priority does your current work serve, and who would agree?', 'mandate.no_priority', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q19', 'Your mandate is past its review date: shall we renew it, change it or close it?', 'mandate.review_overdue', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q20', 'Shall we sketch the packet together this week: the two projects you would lead with?', 'packet.no_draft', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q21', 'Which staff-level peer knows your work best and could review your packet?', 'packet.no_staff_peer_review', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q22', 'Is there anything in your packet you would want me to push back on before I review it?', 'packet.no_manager_review', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q23', 'What should my manager hear about your work before they read your packet?', 'packet.no_skip_level_review', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q24', 'Here is an expectation the committee applies that you do not meet yet: what would it take?', 'rule_of_thumb.unmet', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q25', 'Have you seen this unwritten expectation applied to others, and does your work meet it?', 'rule_of_thumb.unchecked', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q26', 'Your biggest recent result has not been seen by the committee: where could you show it?', 'visibility.high_impact_unseen', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q27', 'Which forum (a demo, a review, a doc) would put your work in front of the people who decide?', 'visibility.seen_share_low', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q28', 'How are things going with your mentee? I heard some concerns and want to hear your view.', 'mentorship.negative_unaddressed', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q29', 'Does the work you do day to day match the role the organisation needs from you?', 'archetype.mismatch', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q30', 'Which kind of staff work energises you most: leading a team, an area, fires, or a leader''s agenda?', 'archetype.unclear', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q31', 'With the manager change, who has the full picture of your work, and what might they be missing?', 'cycle.manager_changed', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q32', 'The ladder for your target level changed: have you read the new expectations, and what stands out?', 'cycle.ladder_changed', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q33', 'Someone else is also recorded as leading this work: how would you describe the split?', 'evidence.duplicate_lead', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q34', 'Looking at the last few months: which of this work would you choose again, and which would you hand off?', 'work_mix.drift', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q35', 'What have you shipped or changed lately that we have not written down yet?', 'evidence.thin', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q36', 'How would you measure the impact of your last project: latency, cost, incidents, time saved?', 'evidence.unquantified', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q37', 'Which senior leaders would speak up for your work today, and who should see more of it?', 'advocates.none', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
('builtin-q38', 'It has been a while since we last met: what has changed for you since then?', 'one_on_one.lapsed', 0, 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z');
