-- Shared vision (issue 16): Three Horizons boards in a space (an event's agenda may hold
-- one later: event_id). The rules are modules/vision/rules/horizons.hpp; the stages are
-- h1, h3, h2, sort, vote, done.

CREATE TABLE vision_boards (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  event_id BIGINT REFERENCES events (id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'h1',
  dots_per_person INTEGER NOT NULL DEFAULT 3,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX vision_boards_space ON vision_boards (space_id, id);

-- A note on a board, in one horizon (h1, h2, h2_plus, h2_minus, h3). A hidden note keeps
-- the facilitator's reason; a merged note stays (merged_into set) so a merge can be traced.
CREATE TABLE vision_notes (
  id AUTO_ID,
  board_id BIGINT NOT NULL REFERENCES vision_boards (id) ON DELETE CASCADE,
  horizon TEXT NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  hide_reason TEXT NOT NULL DEFAULT '',
  merged_into BIGINT REFERENCES vision_notes (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX vision_notes_board ON vision_notes (board_id, id);

-- The words on a note: its own, then those of the notes merged into it, in order
-- (position). original_note_id: the note they were written on. author_id is NULL for an
-- anonymous note: who wrote it is never stored, so nobody can find it out.
CREATE TABLE vision_note_words (
  id AUTO_ID,
  note_id BIGINT NOT NULL REFERENCES vision_notes (id) ON DELETE CASCADE,
  original_note_id BIGINT NOT NULL REFERENCES vision_notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  author_id BIGINT REFERENCES users (id)
);
CREATE INDEX vision_note_words_note ON vision_note_words (note_id, position);
CREATE INDEX vision_note_words_author ON vision_note_words (author_id);

-- One dot of the dot vote (a person may put several on one note). voter_id is cleared
-- when the voter's account is erased: the dot still counts.
CREATE TABLE vision_dots (
  id AUTO_ID,
  board_id BIGINT NOT NULL REFERENCES vision_boards (id) ON DELETE CASCADE,
  note_id BIGINT NOT NULL REFERENCES vision_notes (id) ON DELETE CASCADE,
  voter_id BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX vision_dots_board ON vision_dots (board_id, note_id);
CREATE INDEX vision_dots_voter ON vision_dots (voter_id);
