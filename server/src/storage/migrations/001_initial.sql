-- Documents of the workshop. The text itself is Yjs state in document_states + document_updates.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  frozen INTEGER NOT NULL DEFAULT 0
);

-- The compacted Yjs state of a document: one row, replaced atomically together with deleting the updates it absorbed.
CREATE TABLE document_states (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);

-- Every accepted Yjs update since the last compaction, appended before it is relayed.
CREATE TABLE document_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);

-- Delegations of a document, each with its colour.
CREATE TABLE delegations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  PRIMARY KEY (document_id, name)
);

-- Invite links. Only the SHA-256 of the token is kept.
CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('organiser', 'rapporteur', 'delegate', 'observer')),
  delegation TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX invites_by_document ON invites(document_id);

-- People who joined a document through an invite, each under their own name.
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  invite_id TEXT NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  joined_at TEXT NOT NULL
);
CREATE INDEX members_by_document ON members(document_id);
CREATE INDEX members_by_invite ON members(invite_id);

-- Browser sessions (the cookie holds the token; only its hash is kept). A session is the organiser's or a member's.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  member_id TEXT REFERENCES members(id) ON DELETE CASCADE,
  organiser INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  CHECK ((organiser = 1 AND member_id IS NULL) OR (organiser = 0 AND member_id IS NOT NULL))
);

-- Server-wide settings, such as the hash of the generated organiser token.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
