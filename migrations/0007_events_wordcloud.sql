-- Word clouds run on the word-cloud engine: entries grouped by their stems in the
-- event's language, with the facilitator's decisions kept apart from the entries so the
-- count can be rebuilt from both at any time.
-- language: ISO 639-1 code used for stemming, stop words and the profanity list.
ALTER TABLE events ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
-- max_chars: the longest entry allowed, in characters (word clouds only).
ALTER TABLE event_items ADD COLUMN max_chars BIGINT NOT NULL DEFAULT 40;

-- The facilitator's decisions on a word cloud, as the engine's Moderation holds them.
-- kind: merged (group_key is counted in value) | visibility (value: shown | hidden) |
-- renamed (value is the text shown for group_key).
CREATE TABLE event_cloud_moderation (
  item_id BIGINT NOT NULL REFERENCES event_items (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  group_key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (item_id, kind, group_key)
);
