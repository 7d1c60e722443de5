-- Search over everything the manager wrote: 1:1 notes (private ones marked), agenda and action
-- items, and each candidate's latest packet version. One view defines what the index holds for
-- these kinds; the store (one record at a time), the archive import (in bulk) and this
-- migration (for what already exists) all read it.

ALTER TABLE search_docs ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));

-- "5 Oct 2026" from an ISO date, as every title shows dates.
CREATE VIEW search_sources AS
SELECT n.id AS record_id, 'note' AS kind, m.report_id AS report_id, m.id AS parent_id,
       '1:1 note, ' || CAST(strftime('%d', m.held_on) AS INTEGER) || ' '
         || substr('JanFebMarAprMayJunJulAugSepOctNovDec',
                   (CAST(strftime('%m', m.held_on) AS INTEGER) - 1) * 3 + 1, 3)
         || ' ' || strftime('%Y', m.held_on) AS title,
       n.body AS body, n.private AS private
FROM meeting_notes n JOIN meetings m ON m.id = n.meeting_id
WHERE n.deleted_at IS NULL AND m.deleted_at IS NULL
UNION ALL
SELECT a.id, 'agenda_item', a.report_id, NULL,
       CASE a.status WHEN 'open' THEN '1:1 agenda item' WHEN 'done' THEN '1:1 agenda item (done)'
                     ELSE '1:1 agenda item (dropped)' END,
       a.text, 1 - a.shared
FROM agenda_items a
WHERE a.deleted_at IS NULL
UNION ALL
SELECT t.id, 'action_item', t.report_id, t.meeting_id,
       CASE WHEN t.done_on IS NOT NULL THEN '1:1 action item (done)'
            WHEN t.owner = 'manager' THEN '1:1 action item for me'
            ELSE '1:1 action item for them' END,
       t.text, 0
FROM action_items t
WHERE t.deleted_at IS NULL
UNION ALL
SELECT v.id, 'packet_version', c.report_id, c.id,
       'Packet version ' || v.number || ', ' || y.name,
       v.note || char(10) || COALESCE((SELECT group_concat(j.value, char(10))
                                       FROM json_tree(v.sections) j
                                       WHERE j.type = 'text'
                                         AND j.path NOT LIKE '%evidenceIds%'), ''),
       0
FROM packet_versions v JOIN candidates c ON c.id = v.candidate_id
JOIN cycles y ON y.id = c.cycle_id
WHERE c.deleted_at IS NULL AND y.deleted_at IS NULL
  AND v.number = (SELECT max(w.number) FROM packet_versions w WHERE w.candidate_id = v.candidate_id);

INSERT INTO search_docs (record_id, kind, report_id, parent_id, private)
SELECT record_id, kind, report_id, parent_id, private FROM search_sources;
INSERT INTO search_index (rowid, title, body)
SELECT d.doc_id, s.title, s.body
FROM search_docs d JOIN search_sources s ON s.record_id = d.record_id;
