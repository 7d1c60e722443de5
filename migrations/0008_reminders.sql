-- Reminders raised on this computer, each once: a desktop notification is not raised again for
-- the same 1:1, deadline, mandate review or signal. Not part of the record (no history, not
-- archived): a data folder restored from an archive has raised nothing yet.
CREATE TABLE reminders_sent (
    key      TEXT PRIMARY KEY NOT NULL,
    sent_on  TEXT NOT NULL
) STRICT;
