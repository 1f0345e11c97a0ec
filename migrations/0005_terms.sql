-- Terms of reference: each space's versioned Markdown document. Every version is kept
-- and readable by the space's members. A version becomes current only through a
-- decision of the members (proposal_id).
-- number: 1, 2, 3 ... in the order proposed. base_number: the version it amends (NULL
-- for a space's first terms). status: proposed | current | superseded | not_adopted.
-- review_on: YYYY-MM-DD, when the group means to look at the terms again.
CREATE TABLE terms_versions (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  base_number BIGINT,
  body TEXT NOT NULL,
  summary TEXT NOT NULL,
  review_on TEXT NOT NULL,
  status TEXT NOT NULL,
  proposal_id BIGINT REFERENCES decision_proposals (id),
  proposed_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  UNIQUE (space_id, number)
);
CREATE INDEX terms_versions_by_status ON terms_versions (space_id, status);
CREATE INDEX terms_versions_by_proposal ON terms_versions (proposal_id);

-- Review reminders sent, so that facilitators are reminded once per review date.
CREATE TABLE terms_review_reminders (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  review_on TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, review_on)
);
