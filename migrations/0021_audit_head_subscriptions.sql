-- People who asked to be emailed the newest signed tree head of a space's decision log,
-- as a digest at most once a day, so that copies of the log's history exist outside
-- this server (issue 10). A digest goes out only when the log has a head larger than
-- the last one sent (last_size), and at most once in 24 hours per person, counted from
-- the newest last_sent_at of their rows. Rows go when the person stops the emails,
-- loses the role that may have them, or erases their account.
CREATE TABLE audit_head_subscriptions (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_sent_at BIGINT,                 -- NULL: no digest sent yet
  last_size BIGINT NOT NULL DEFAULT 0, -- tree size of the head in the last digest; 0: none
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX audit_head_subscriptions_by_user ON audit_head_subscriptions (user_id);
