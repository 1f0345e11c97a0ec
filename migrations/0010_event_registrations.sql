-- Members of an event's space register for it ahead of the day: the facilitators see
-- who is coming, and each person gets a confirmation email. Cancelling deletes the row.
-- On the day a registered member takes part as themselves (event_participants.user_id).
CREATE TABLE event_registrations (
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  registered_at BIGINT NOT NULL,
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_registrations_by_user ON event_registrations (user_id);
