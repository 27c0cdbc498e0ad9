-- What the organiser says about a document for its publication (shared/api/documentMetadata.ts): the title block's
-- workshop line, the running header's short title, the files' author. One row per document, absent until first set.
CREATE TABLE document_metadata (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  event_name TEXT,
  place TEXT,
  start_date TEXT,
  end_date TEXT,
  organisation TEXT,
  short_title TEXT,
  updated_at TEXT NOT NULL
);
