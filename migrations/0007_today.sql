-- Where the manager last looked: the Today view shows signals that are new since the
-- manager's previous day with Trellis. Not part of the record (no history, not archived): a
-- data folder restored from an archive starts as if never opened.
CREATE TABLE visits (
    view         TEXT PRIMARY KEY NOT NULL CHECK (view IN ('today')),
    last_on      TEXT NOT NULL,
    previous_on  TEXT
) STRICT;
