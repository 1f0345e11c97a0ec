-- Equality monitoring, kept apart from identity. A person's answers are stored under a
-- pseudonym (a keyed hash of their account that only the server can make) and sealed;
-- nothing here names them, says when they answered, or links to any other table. Reports
-- count the answers of a group's members and publish them with small counts suppressed.
CREATE TABLE equality_answers (
  pseudonym TEXT PRIMARY KEY,
  sealed TEXT NOT NULL
);

-- A steward's reference population for a space (for example the area's census shares):
-- the share of each answer of a question, in tenths of a per cent.
CREATE TABLE equality_references (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  per_mille BIGINT NOT NULL,
  PRIMARY KEY (space_id, question, answer)
);
