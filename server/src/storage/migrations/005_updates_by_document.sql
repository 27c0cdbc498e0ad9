-- The appended Yjs updates, stored in the order of their document: one b-tree keyed (document_id, seq), where a
-- keystroke's append writes one page. The table it replaces (a rowid table with AUTOINCREMENT and an index on
-- (document_id, seq)) wrote three per append — table, index and sqlite_sequence — each of them written to the WAL and
-- flushed before the update is relayed (docs/performance.md). seq now counts within a document.
CREATE TABLE document_updates_keyed (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
-- Rows of documents deleted behind Accord's back (foreign keys off, e.g. in the sqlite3 shell) were unreachable; they
-- would fail the foreign key here and stop every start.
INSERT INTO document_updates_keyed (document_id, seq, data)
  SELECT document_id, seq, data FROM document_updates WHERE document_id IN (SELECT id FROM documents);
DROP TABLE document_updates;
DELETE FROM sqlite_sequence WHERE name = 'document_updates';
ALTER TABLE document_updates_keyed RENAME TO document_updates;
