-- Breakout rounds of an event: small groups, each with the round's prompts, shared
-- notes, and a way to ask the facilitator for help; then themes gathered from the notes.
--
-- mode: balanced | manual | self_select | csv (how people got their groups).
-- state: planning | running | ended. ends_at: started_at plus the duration.
-- figures: the balanced assignment's own figures (JSON: repeat meetings, attribute
-- spread, constraint violations), shown to the facilitator.
CREATE TABLE breakout_rounds (
  id AUTO_ID,
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  prompts TEXT NOT NULL,
  min_size BIGINT NOT NULL,
  max_size BIGINT NOT NULL,
  duration_minutes BIGINT NOT NULL,
  content_note TEXT,
  mode TEXT NOT NULL,
  state TEXT NOT NULL,
  started_at BIGINT,
  ends_at BIGINT,
  ended_at BIGINT,
  broadcast TEXT,
  broadcast_at BIGINT,
  figures TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX breakout_rounds_by_event ON breakout_rounds (event_id, number);

CREATE TABLE breakout_groups (
  id AUTO_ID,
  round_id BIGINT NOT NULL REFERENCES breakout_rounds (id) ON DELETE CASCADE,
  number BIGINT NOT NULL
);
CREATE INDEX breakout_groups_by_round ON breakout_groups (round_id, number);

-- Who is in which group. host: holds the group's conversation (a facilitator or steward).
CREATE TABLE breakout_places (
  round_id BIGINT NOT NULL REFERENCES breakout_rounds (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES breakout_groups (id) ON DELETE CASCADE,
  host INTEGER NOT NULL,
  PRIMARY KEY (round_id, participant_id)
);
CREATE INDEX breakout_places_by_group ON breakout_places (group_id);

-- A group's shared notes. participant_id is kept only for a named note (the author
-- agreed, when posting, to be shown by name); an anonymous note keeps no author at all.
-- for_group: a host wrote it for the group.
CREATE TABLE breakout_notes (
  id AUTO_ID,
  group_id BIGINT NOT NULL REFERENCES breakout_groups (id) ON DELETE CASCADE,
  participant_id BIGINT REFERENCES event_participants (id) ON DELETE SET NULL,
  for_group INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX breakout_notes_by_group ON breakout_notes (group_id, id);

CREATE TABLE breakout_help (
  id AUTO_ID,
  group_id BIGINT NOT NULL REFERENCES breakout_groups (id) ON DELETE CASCADE,
  asked_at BIGINT NOT NULL,
  resolved_at BIGINT
);
CREATE INDEX breakout_help_by_group ON breakout_help (group_id, resolved_at);

-- Themes the facilitator gathers the notes into, in order; each note in at most one.
CREATE TABLE event_themes (
  id AUTO_ID,
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX event_themes_by_event ON event_themes (event_id, position);

CREATE TABLE event_theme_notes (
  note_id BIGINT PRIMARY KEY REFERENCES breakout_notes (id) ON DELETE CASCADE,
  theme_id BIGINT NOT NULL REFERENCES event_themes (id) ON DELETE CASCADE
);
CREATE INDEX event_theme_notes_by_theme ON event_theme_notes (theme_id);
