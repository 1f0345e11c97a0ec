-- Stories: people with lived experience tell a story in their own words; partners (people
-- who answer for an organisation the space lists) respond in public. Words are kept
-- verbatim: only the author changes them, and every change is a new version. Consent is
-- recorded with the story and can be withdrawn at any time.

-- The organisations a space lists, whose partners answer stories: a name, never a job title.
CREATE TABLE story_organisations (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (space_id, name)
);

-- Which organisation a partner answers for (their role in the space is in memberships).
CREATE TABLE story_partners (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id BIGINT NOT NULL REFERENCES story_organisations (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX story_partners_by_organisation ON story_partners (organisation_id);

-- A space's own consent text, versioned; version 0 is the built-in text, never stored.
CREATE TABLE story_consent_texts (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, version)
);

-- status: published | held | withdrawn. audience: members | partners | public.
-- shown_as: name | pseudonym | anonymous. author_id is NULL once the author's account is
-- erased (their stories are withdrawn first). consent_*: the version and SHA-256 of the
-- consent text the author agreed to, and when (again at each edit).
CREATE TABLE stories (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  author_id BIGINT REFERENCES users (id),
  status TEXT NOT NULL,
  audience TEXT NOT NULL,
  shown_as TEXT NOT NULL,
  pseudonym TEXT,
  hold_reason TEXT,
  held_at BIGINT,
  consent_version BIGINT NOT NULL,
  consent_sha256 TEXT NOT NULL,
  consented_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  withdrawn_at BIGINT
);
CREATE INDEX stories_by_space ON stories (space_id, status, created_at);
CREATE INDEX stories_by_author ON stories (author_id);

-- The author's words, one row per version (the newest is the story as it stands).
CREATE TABLE story_versions (
  story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  content_note TEXT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (story_id, number)
);

-- Topics as the author typed them, and the organisations the story is about: for lists,
-- filters and, later, search and figures.
CREATE TABLE story_topics (
  story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  PRIMARY KEY (story_id, topic)
);
CREATE TABLE story_about (
  story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  organisation_id BIGINT NOT NULL REFERENCES story_organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, organisation_id)
);
CREATE INDEX story_about_by_organisation ON story_about (organisation_id);

-- A facilitator's suggested change to the words, which only the author can accept (it
-- then becomes the author's next version) or reject. status: open | accepted | rejected.
CREATE TABLE story_suggestions (
  id AUTO_ID,
  story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  base_number BIGINT NOT NULL,
  reason TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  content_note TEXT,
  suggested_by BIGINT REFERENCES users (id),
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX story_suggestions_by_story ON story_suggestions (story_id, status);

-- Responses: a partner's for their organisation (kind response), or the author's reply
-- (kind reply, organisation_id NULL). Every edit is a new row of story_response_versions.
-- (Actions of "you said, we did" will refer to a story and, optionally, a response.)
CREATE TABLE story_responses (
  id AUTO_ID,
  story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  author_id BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES story_organisations (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX story_responses_by_story ON story_responses (story_id, created_at);
CREATE INDEX story_responses_by_author ON story_responses (author_id);
CREATE TABLE story_response_versions (
  response_id BIGINT NOT NULL REFERENCES story_responses (id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (response_id, number)
);
