-- foreign_keys: off
-- (The invites table is rebuilt to admit the translator role; with foreign keys on, dropping the old table would
-- cascade into members. The runner turns them off for this migration and checks every key before committing.)

-- The language the source text is written in; language versions are translations of it.
ALTER TABLE documents ADD COLUMN source_language TEXT NOT NULL DEFAULT 'en' CHECK (source_language IN ('en', 'fr', 'ar', 'es'));

-- The language versions of a document. A removed version keeps its row (removed_at) and its text, so adding the
-- language again brings its translations back.
CREATE TABLE document_languages (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'ar', 'es')),
  added_at TEXT NOT NULL,
  removed_at TEXT,
  PRIMARY KEY (document_id, language)
);

-- The Yjs text of each language version (docs/decisions/0004-language-versions.md): stored like the source's
-- (document_states, document_updates), keyed by document and language.
CREATE TABLE language_states (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (document_id, language)
);
CREATE TABLE language_updates (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (document_id, language, seq)
) WITHOUT ROWID;

-- Snapshots cover every language version: the state of each version beside the source's.
CREATE TABLE version_languages (
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (version_id, language)
);

-- Invites gain the translator role, which carries the one language its holder translates.
CREATE TABLE invites_with_language (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('organiser', 'rapporteur', 'delegate', 'observer', 'translator')),
  delegation TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  language TEXT CHECK (language IN ('en', 'fr', 'ar', 'es')),
  CHECK ((role = 'translator') = (language IS NOT NULL))
);
INSERT INTO invites_with_language (id, document_id, token_hash, role, delegation, created_at, revoked_at)
  SELECT id, document_id, token_hash, role, delegation, created_at, revoked_at FROM invites;
DROP TABLE invites;
ALTER TABLE invites_with_language RENAME TO invites;
CREATE INDEX invites_by_document ON invites(document_id);
