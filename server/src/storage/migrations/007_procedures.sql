-- The deadline for proposals and comments of a document: at most one, replaced when the organiser sets another.
-- `reminded_at` is set once the 24-hour notice went out, so a restart does not send it again.
CREATE TABLE document_deadlines (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  deadline_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  notify TEXT NOT NULL,
  set_by_id TEXT NOT NULL,
  set_by_name TEXT NOT NULL,
  set_by_delegation TEXT NOT NULL,
  set_at TEXT NOT NULL,
  reminded_at TEXT
);

-- Silence procedures, kept after they end (the latest is the document's). The server settles an open one whose
-- deadline has passed from these facts alone, also at start after a restart that straddled the deadline.
CREATE TABLE silence_procedures (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  version_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'adopted', 'broken', 'withdrawn')),
  deadline_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  notify TEXT NOT NULL,
  opened_by_id TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  opened_by_delegation TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  settled_at TEXT,
  broken_by_name TEXT,
  broken_by_delegation TEXT,
  statement TEXT,
  reminded_at TEXT
);
CREATE INDEX silence_procedures_by_document ON silence_procedures (document_id, opened_at);
-- At most one open procedure per document.
CREATE UNIQUE INDEX silence_procedures_one_open ON silence_procedures (document_id) WHERE status = 'open';
