-- Each stored update of a room has a sequence number within its room (seq); processes sharing the database tell each
-- other "room R has update N" and read what they missed by number (docs/decisions/0012-cluster-relay-over-redis.md).
-- A compaction deletes the updates it absorbs, so the state row keeps the number of the last one: the next update is
-- numbered after it, and numbers never go back.
ALTER TABLE document_states ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE language_states ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
