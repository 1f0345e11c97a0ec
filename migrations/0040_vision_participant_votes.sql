-- The answers on an event's opinion map (issue 16): by participant, since many people at an
-- event joined with the code and have no account. A space's maps keep theirs in vision_votes.

CREATE TABLE vision_participant_votes (
  statement_id BIGINT NOT NULL REFERENCES vision_statements (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  vote INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (statement_id, participant_id)
);
CREATE INDEX vision_participant_votes_participant ON vision_participant_votes (participant_id);
