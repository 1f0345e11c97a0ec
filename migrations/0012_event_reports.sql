-- An event's report: the facilitator's own words around what the event produced (the
-- word clouds, talks, breakout questions and themes are read live from the event).
-- public_token: set while the report is published at /reports/{token}; unpublishing
-- clears it, so an old link stops working.
CREATE TABLE event_reports (
  event_id BIGINT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  intro TEXT NOT NULL,
  next_steps TEXT NOT NULL,
  public_token TEXT UNIQUE,
  published_at BIGINT,
  updated_at BIGINT NOT NULL
);
