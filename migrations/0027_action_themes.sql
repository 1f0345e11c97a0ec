-- "You said, we did": an action may also come from a theme of an event report (the
-- breakouts' event_themes). source_kind is then 'theme', with theme_id; theme_id is NULL
-- once the facilitator removes the theme from the report (the page then says so).
ALTER TABLE actions ADD COLUMN theme_id BIGINT REFERENCES event_themes (id) ON DELETE SET NULL;

-- The page lists a space's actions newest first a page at a time, filtered by status or
-- by owning organisation.
CREATE INDEX actions_by_space_status ON actions (space_id, status, created_at);
CREATE INDEX actions_by_space_organisation ON actions (space_id, organisation_id, created_at);
