-- An event's own word lists for its word clouds, beside the shipped profanity list.
-- kind: held (held for the facilitator to check, like a listed swear word) | allowed
-- (never held, whatever the lists say: a reclaimed word, a place name). One word or
-- short phrase a row, as the facilitator typed it (tidied); removing deletes the row.
CREATE TABLE event_word_lists (
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (event_id, kind, word)
);
