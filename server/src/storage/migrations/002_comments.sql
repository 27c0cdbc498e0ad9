-- Comment threads, kept out of the Yjs document so a restricted thread leaves no trace in the shared text.
-- Authors are copied (id, name, delegation, colour) as they were when writing: the thread keeps showing who wrote it.
-- author_id is a member id, 'organiser', or 'invite:<invite id>' for a script using an invite token directly.
CREATE TABLE threads (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('everyone', 'delegation', 'rapporteurs')),
  -- Base64 Yjs relative positions of the selection's start and end in the XmlFragment 'default'.
  anchor_start TEXT NOT NULL,
  anchor_end TEXT NOT NULL,
  -- The selected text when the thread was opened, shown once that text is gone.
  quote TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_by_id TEXT,
  resolved_by_name TEXT,
  resolved_by_delegation TEXT,
  resolved_by_color TEXT,
  resolved_at TEXT,
  outcome TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX threads_by_document ON threads(document_id, created_at);

-- Comments of a thread, the first one included. A deleted comment keeps its row (shown as "deleted"), not its text.
CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at TEXT,
  deleted_at TEXT
);
CREATE INDEX comments_by_thread ON comments(thread_id, created_at);

-- Who resolved, reopened or deleted what, and when. details is JSON.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  at TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_document ON audit_log(document_id, id);
