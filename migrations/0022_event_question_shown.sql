-- The one question a Q&A item shows large on the presenter screen ("Show this question
-- on the screen"); NULL: none. Cleared when the facilitator stops showing it, shows
-- another or hides it. Not a foreign key: a question is only ever shown from its own
-- item, and a removed question leaves nothing to show (the pages check it is visible).
ALTER TABLE event_items ADD COLUMN shown_question_id BIGINT;
