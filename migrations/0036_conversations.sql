-- Conversations in a space (issue 17): a member starts one (a kind, a title, words in the
-- space's Markdown subset, an optional content note) and members reply, quote and react.
-- Words are the author's: editing keeps every earlier version; removing leaves "removed by
-- its author" and takes the words (and their history) away. Facilitators moderate: a
-- post's state is visible | pending | hidden | review | removed (conversations/rules/
-- moderation.hpp), every change in the space's decision log.

-- Whether members may post anonymously here (moderated before it shows); no row: not allowed.
CREATE TABLE conversation_settings (
  space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
  allow_anonymous INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);

-- kind: learning | challenge | idea | question. title: the opening post's, as it stands
-- ('' once its author's account is erased). last_post_at orders the list.
CREATE TABLE conversations (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_post_at BIGINT NOT NULL
);
CREATE INDEX conversations_by_space ON conversations (space_id, last_post_at);

-- Every post, the opening one (opening = 1) and the replies. author_id is kept for an
-- anonymous post too (its author edits it and hears of replies) and never shown; NULL once
-- the author's account is erased (their posts are removed first). quote_of: the post a
-- reply quoted (its words are in body as "> " lines). version: the number of the words as
-- they stand; earlier ones are in conversation_post_versions. hide_reason: the
-- facilitator's, which the author is shown.
CREATE TABLE conversation_posts (
  id AUTO_ID,
  conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  author_id BIGINT REFERENCES users (id),
  opening INTEGER NOT NULL,
  anonymous INTEGER NOT NULL,
  state TEXT NOT NULL,
  quote_of BIGINT,
  body TEXT NOT NULL,
  content_note TEXT,
  version BIGINT NOT NULL,
  hide_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX conversation_posts_by_conversation ON conversation_posts (conversation_id, id);
CREATE INDEX conversation_posts_by_author ON conversation_posts (author_id);
CREATE INDEX conversation_posts_by_state ON conversation_posts (space_id, state);

-- The words a post had before each edit (title: the conversation's then, opening post only).
CREATE TABLE conversation_post_versions (
  post_id BIGINT NOT NULL REFERENCES conversation_posts (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  title TEXT,
  body TEXT NOT NULL,
  content_note TEXT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (post_id, version)
);

-- reaction: thanks | me_too | helpful | support. Pages show counts, never who.
CREATE TABLE conversation_reactions (
  post_id BIGINT NOT NULL REFERENCES conversation_posts (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reaction TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (post_id, user_id, reaction)
);

-- A member's flag of a post, with their reason, for the facilitators; resolved once a
-- facilitator hides the post or keeps it.
CREATE TABLE conversation_flags (
  id AUTO_ID,
  post_id BIGINT NOT NULL REFERENCES conversation_posts (id) ON DELETE CASCADE,
  flagged_by BIGINT REFERENCES users (id),
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  resolved_at BIGINT
);
CREATE INDEX conversation_flags_by_post ON conversation_flags (post_id, resolved_at);
CREATE INDEX conversation_flags_by_person ON conversation_flags (flagged_by);

-- A person's notification choices (conversations/rules/notify.hpp): for a space (level:
-- watch | normal | mute; email: at_once | daily | weekly | never), and a level of their own
-- for one conversation. No row: normal, email at once.
CREATE TABLE conversation_choices (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  email TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, space_id)
);
CREATE TABLE conversation_levels (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, conversation_id)
);

-- In-app notifications. reason: mention | reply | new_conversation. email: how this one
-- reaches them by email as decided when it was made (never | now | daily | weekly);
-- emailed_at once sent (or taken into a digest).
CREATE TABLE conversation_notifications (
  id AUTO_ID,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  post_id BIGINT NOT NULL REFERENCES conversation_posts (id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  email TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  emailed_at BIGINT
);
CREATE INDEX conversation_notifications_by_user ON conversation_notifications (user_id, read_at, id);
CREATE INDEX conversation_notifications_by_post ON conversation_notifications (post_id);
