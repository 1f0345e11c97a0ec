-- People who can connect (issue 17): a space's opt-in directory, and "get in touch"
-- messages sent through Humanspace without showing either person's address.
--
-- A member opts in with the name and pronouns they want shown, what to ask them about and
-- the areas they are happy to talk about (never a job title). Only the space's members
-- read it. Opting out deletes the row. ask_me_about and areas are sealed with a key
-- derived from the server's master key (they may say something about a person's lived
-- experience); areas is one area a line.
CREATE TABLE conversation_people (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  pronouns TEXT,
  ask_sealed TEXT NOT NULL,
  areas_sealed TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX conversation_people_by_user ON conversation_people (user_id);

-- A "get in touch" message from one member to another who is in the directory. Humanspace
-- emails the recipient the words and a link; neither address is shown. When the recipient
-- answers (answered_at), Humanspace emails the answer to the sender, and from then on each
-- sees the other's address on the message's page. body and answer sealed like the
-- directory's words. from_name: the name the sender gave (their directory name or their
-- display name), kept as sent.
CREATE TABLE conversation_contacts (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  from_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  to_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  from_name TEXT NOT NULL,
  body_sealed TEXT NOT NULL,
  answer_sealed TEXT,
  created_at BIGINT NOT NULL,
  answered_at BIGINT
);
-- How many a person sent lately (the limit), and each person's messages.
CREATE INDEX conversation_contacts_by_sender ON conversation_contacts (from_id, created_at);
CREATE INDEX conversation_contacts_by_recipient ON conversation_contacts (to_id, created_at);
