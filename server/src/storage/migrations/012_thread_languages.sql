-- Comment threads anchored in a language version (issue 16): the version's language and the source block whose
-- translation holds the thread's words (the version's root fragment 'block:<block_id>'). Both NULL for a thread on the
-- source text, as every thread before this migration is.
ALTER TABLE threads ADD COLUMN language TEXT CHECK (language IN ('en', 'fr', 'ar', 'es'));
ALTER TABLE threads ADD COLUMN block_id TEXT;
