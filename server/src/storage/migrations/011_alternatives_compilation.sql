-- Alternative formulations of a recommendation (docs/decisions/0009-alternatives.md): proposed by a delegation, supported
-- by others, and retained or not by a rapporteur. "Alt N" is `number`, given once per recommendation and never reused,
-- so a number people quoted keeps meaning the same wording. Rows are never deleted: withdrawn and not-retained
-- alternatives stay for the history and the annex.
CREATE TABLE recommendation_alternatives (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  recommendation_id TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number > 0),
  text TEXT NOT NULL,
  justification TEXT,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  proposed_by_id TEXT NOT NULL,
  proposed_by_name TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retained', 'not_retained', 'withdrawn')),
  decided_by_name TEXT,
  decided_by_delegation TEXT,
  decided_at TEXT,
  -- For a retained alternative: the wording it replaced (Alt 0 at that moment).
  replaced_text TEXT,
  UNIQUE (document_id, recommendation_id, number)
);

CREATE TABLE alternative_supporters (
  alternative_id TEXT NOT NULL REFERENCES recommendation_alternatives(id) ON DELETE CASCADE,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  supported_by_id TEXT NOT NULL,
  supported_by_name TEXT NOT NULL,
  supported_at TEXT NOT NULL,
  PRIMARY KEY (alternative_id, delegation)
);

-- The compilation of proposals: a delegation's short justification of one of its proposals (a suggestion in the text,
-- addressed by the suggestion mark's id), and a delegation's "no change" (NOC) on a recommendation.
CREATE TABLE proposal_justifications (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  suggestion_id TEXT NOT NULL,
  delegation TEXT NOT NULL,
  text TEXT NOT NULL,
  written_by_name TEXT NOT NULL,
  written_at TEXT NOT NULL,
  PRIMARY KEY (document_id, suggestion_id)
);

CREATE TABLE recommendation_no_change (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  recommendation_id TEXT NOT NULL,
  delegation TEXT NOT NULL,
  color TEXT NOT NULL,
  justification TEXT,
  entered_by_name TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (document_id, recommendation_id, delegation)
);
