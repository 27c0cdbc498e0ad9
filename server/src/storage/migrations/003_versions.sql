-- Snapshots of a document's Yjs state: automatic, named by a rapporteur or organiser, taken at freeze, or before a restore.
CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'freeze', 'restore')),
  name TEXT,
  state BLOB NOT NULL,
  created_by TEXT,
  created_by_delegation TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX versions_by_document ON versions(document_id, created_at);
