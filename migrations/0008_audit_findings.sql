-- Findings auditors record about a space. The text stays here; the decision log holds
-- only its outcome, a SHA-256 of the title and text, and the author's commitment.
-- outcome: no_concerns | concern_raised | recommendation.
-- author_id: NULL once the author has erased their account (the finding stays).
CREATE TABLE audit_findings (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  author_id BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX audit_findings_space ON audit_findings (space_id, created_at);
