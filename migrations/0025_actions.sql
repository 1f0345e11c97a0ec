-- "You said, we did": actions raised from what people told a space, each owned by one of
-- the organisations the space lists, with a status that only moves forward and a history
-- of every move. Every raise and move is also in the space's decision log.

-- source_kind: story or decision, with story_id or decision_id. story_id is NULL once the
-- story is gone (its author's account erased): the page then says it was withdrawn by its
-- author.
-- status: raised | looking_at | planned | made | not_changing. due_on: YYYY-MM-DD.
CREATE TABLE actions (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  source_kind TEXT NOT NULL,
  story_id BIGINT REFERENCES stories (id) ON DELETE SET NULL,
  decision_id BIGINT REFERENCES decision_proposals (id) ON DELETE SET NULL,
  organisation_id BIGINT NOT NULL REFERENCES story_organisations (id),
  title TEXT NOT NULL,
  details TEXT NOT NULL,
  status TEXT NOT NULL,
  due_on TEXT,
  raised_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX actions_by_space ON actions (space_id, created_at);
CREATE INDEX actions_by_story ON actions (story_id);
CREATE INDEX actions_open ON actions (status, updated_at);

-- Every status, the first (raised) included: text is the note, the account of what
-- changed or the reason; by_user is NULL once that person's account is erased.
CREATE TABLE action_updates (
  id AUTO_ID,
  action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  text TEXT NOT NULL,
  link TEXT,
  by_user BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX action_updates_by_action ON action_updates (action_id, id);
CREATE INDEX action_updates_by_user ON action_updates (by_user);

-- Reminders sent, so each goes once: kind due (key: the due date) or stale (key: the
-- time of the last update it was about).
CREATE TABLE action_reminders (
  action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  reminder_key TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (action_id, kind, reminder_key)
);

-- Whether the space's "You said, we did" page is public (stewards switch it on).
CREATE TABLE action_settings (
  space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
  page_public BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
