-- A conversation linked to something else of the same space (issue 17): an event, a
-- decision, a story or an action, chosen when the conversation starts or added later. The
-- item is named by its module's own id and shown through that module's front door, so a
-- reader sees only what they may see there (a withdrawn story, a decision for members only).
-- kind: event | decision | story | action. added_by: NULL once that account is erased.
CREATE TABLE conversation_links (
  conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  item_id BIGINT NOT NULL,
  added_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, kind, item_id)
);
