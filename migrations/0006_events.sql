-- Live learning events: an agenda of talks and activities (poll, Q&A, word cloud) that
-- people join by code, without an account if they like.
-- support_text: where to find support, shown one click from every participant page.
CREATE TABLE events (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  current_item_id BIGINT,
  support_text TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX events_by_space ON events (space_id, starts_at);

-- kind: talk | poll | qa | cloud. state: waiting | open | closed.
-- speakers: one per line, "name | who they are" (written by the speaker).
CREATE TABLE event_items (
  id AUTO_ID,
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  speakers TEXT NOT NULL,
  key_messages TEXT NOT NULL,
  content_note TEXT,
  multiple INTEGER NOT NULL,
  premoderate INTEGER NOT NULL,
  max_entries BIGINT NOT NULL,
  state TEXT NOT NULL,
  revealed INTEGER NOT NULL
);
CREATE INDEX event_items_by_event ON event_items (event_id, position);

-- Only the SHA-256 of a participant's cookie token is kept. Members taking part have
-- user_id and no token. stepped_out_at: they stepped out (no reason asked).
CREATE TABLE event_participants (
  id AUTO_ID,
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  token_hash TEXT UNIQUE,
  user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  nickname TEXT,
  joined_at BIGINT NOT NULL,
  stepped_out_at BIGINT
);
CREATE UNIQUE INDEX event_participants_member ON event_participants (event_id, user_id);

CREATE TABLE event_poll_options (
  id AUTO_ID,
  item_id BIGINT NOT NULL REFERENCES event_items (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  label TEXT NOT NULL
);
CREATE INDEX event_poll_options_by_item ON event_poll_options (item_id, position);

CREATE TABLE event_poll_votes (
  item_id BIGINT NOT NULL REFERENCES event_items (id) ON DELETE CASCADE,
  option_id BIGINT NOT NULL REFERENCES event_poll_options (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (option_id, participant_id)
);
CREATE INDEX event_poll_votes_by_item ON event_poll_votes (item_id, participant_id);

-- status: pending (awaiting moderation) | visible | hidden.
CREATE TABLE event_questions (
  id AUTO_ID,
  item_id BIGINT NOT NULL REFERENCES event_items (id) ON DELETE CASCADE,
  participant_id BIGINT REFERENCES event_participants (id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  status TEXT NOT NULL,
  answered INTEGER NOT NULL,
  votes BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX event_questions_by_item ON event_questions (item_id, status);

CREATE TABLE event_question_votes (
  question_id BIGINT NOT NULL REFERENCES event_questions (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  PRIMARY KEY (question_id, participant_id)
);

CREATE TABLE event_cloud_entries (
  id AUTO_ID,
  item_id BIGINT NOT NULL REFERENCES event_items (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX event_cloud_entries_by_item ON event_cloud_entries (item_id, participant_id);
