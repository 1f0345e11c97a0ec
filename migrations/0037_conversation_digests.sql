-- When each person was last sent a digest of a space's conversations (issue 17): their
-- daily or weekly choice (conversation_choices.email) is kept from this, so that a digest
-- goes at most once a day or a week. The notifications a digest carried are marked
-- emailed in conversation_notifications.
CREATE TABLE conversation_digests (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  last_sent_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, space_id)
);
