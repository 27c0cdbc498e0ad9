-- Consensus status of each recommendation, keyed by the recommendation's stable id (UniqueID attribute), not its
-- number: numbers are computed and move when recommendations are inserted. No row means 'draft'.
CREATE TABLE recommendation_statuses (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  recommendation_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'under_discussion', 'agreed', 'agreed_with_reservation')),
  set_by_id TEXT NOT NULL,
  set_by_name TEXT NOT NULL,
  set_by_delegation TEXT NOT NULL,
  set_at TEXT NOT NULL,
  PRIMARY KEY (document_id, recommendation_id)
);

-- A delegation's reservation on a recommendation: one per delegation, entered and withdrawn by its own delegates.
CREATE TABLE recommendation_reservations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  recommendation_id TEXT NOT NULL,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  note TEXT,
  entered_by_id TEXT NOT NULL,
  entered_by_name TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (document_id, recommendation_id, delegation)
);

-- Authorship: each Yjs client id seen in updates, mapped to the authenticated identity of the socket that sent them
-- (never to what a client says about itself). Written once per new client id; last_seen moves on later sightings.
CREATE TABLE document_authors (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL,
  author_id TEXT NOT NULL,
  name TEXT NOT NULL,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (document_id, client_id)
);
