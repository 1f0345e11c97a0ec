-- Spaces: communities of practice, lived-experience forums and involvement networks;
-- who belongs to each and in what role; requests to join; invitation links.
-- kind: practice | forum | network. visibility: listed | unlisted | private.
CREATE TABLE spaces (
  id AUTO_ID,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  purpose TEXT NOT NULL,
  visibility TEXT NOT NULL,
  code_of_conduct TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX spaces_by_visibility ON spaces (visibility, name);

-- role: member | facilitator | auditor | steward (functions, not ranks).
-- code_accepted_at: when the person accepted the space's code of conduct.
CREATE TABLE memberships (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  code_accepted_at BIGINT,
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

-- status: pending | approved | declined. At most one pending request per person and space.
CREATE TABLE join_requests (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  message TEXT,
  status TEXT NOT NULL,
  code_accepted_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  decided_by BIGINT REFERENCES users (id)
);
CREATE INDEX join_requests_by_space ON join_requests (space_id, status);
CREATE INDEX join_requests_by_user ON join_requests (user_id, space_id);
CREATE UNIQUE INDEX join_requests_one_pending ON join_requests (space_id, user_id) WHERE status = 'pending';

-- Only the SHA-256 of the link's token is kept. email_sealed: the address it was sent
-- to, encrypted, so the people who invite can see where links went.
CREATE TABLE invitations (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  email_sealed TEXT,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_by BIGINT REFERENCES users (id),
  used_at BIGINT
);
CREATE INDEX invitations_by_space ON invitations (space_id, created_at);
