-- Three Horizons boards and opinion maps as event agenda items (issue 16). A board or map
-- that belongs to an agenda item keeps the item's id (one each); the people at an event
-- are its participants (many joined with the code, without an account), so an event's
-- notes, dots and statements name a participant instead of an account. version grows with
-- every change to a board, so the event's live channel says when to draw it again.

ALTER TABLE vision_boards ADD COLUMN item_id BIGINT REFERENCES event_items (id) ON DELETE CASCADE;
ALTER TABLE vision_boards ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX vision_boards_item ON vision_boards (item_id);

ALTER TABLE vision_maps ADD COLUMN event_id BIGINT REFERENCES events (id) ON DELETE SET NULL;
ALTER TABLE vision_maps ADD COLUMN item_id BIGINT REFERENCES event_items (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX vision_maps_item ON vision_maps (item_id);

ALTER TABLE vision_note_words ADD COLUMN participant_id BIGINT REFERENCES event_participants (id) ON DELETE SET NULL;
ALTER TABLE vision_dots ADD COLUMN participant_id BIGINT REFERENCES event_participants (id) ON DELETE SET NULL;
ALTER TABLE vision_statements ADD COLUMN participant_id BIGINT REFERENCES event_participants (id) ON DELETE SET NULL;
