-- Opinion maps (issue 16): a question; members write short statements (held for a
-- facilitator first when the map is moderated); everyone answers each shown statement
-- agree (1), disagree (-1) or pass (0). version grows with every vote and statement shown,
-- so the groups computed from the votes are kept in memory until it changes.

CREATE TABLE vision_maps (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  moderated INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX vision_maps_space ON vision_maps (space_id, id);

-- status: pending (waiting for a facilitator), shown, rejected. The author is never shown
-- to anyone; it is kept for their own "download my data" and cleared on erasure.
CREATE TABLE vision_statements (
  id AUTO_ID,
  map_id BIGINT NOT NULL REFERENCES vision_maps (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  author_id BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX vision_statements_map ON vision_statements (map_id, id);
CREATE INDEX vision_statements_author ON vision_statements (author_id);

CREATE TABLE vision_votes (
  statement_id BIGINT NOT NULL REFERENCES vision_statements (id) ON DELETE CASCADE,
  voter_id BIGINT NOT NULL REFERENCES users (id),
  vote INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (statement_id, voter_id)
);
CREATE INDEX vision_votes_voter ON vision_votes (voter_id);
