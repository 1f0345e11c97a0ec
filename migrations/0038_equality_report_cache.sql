-- A space's equality counts as last worked out (sealed), so a report over a large space need
-- not open every member's answers each time it is asked for. They are reused only while
-- nothing they came from has changed: the answers' generation (moved by every change of
-- anyone's answers, erasure included) and a fingerprint of the space's members (a keyed
-- hash of who they are). The counts are those before suppression: suppression runs on
-- each report, as before.
CREATE TABLE equality_generation (
  id INTEGER PRIMARY KEY,
  generation BIGINT NOT NULL
);
INSERT INTO equality_generation (id, generation) VALUES (1, 0);
CREATE TABLE equality_report_cache (
  space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
  generation BIGINT NOT NULL,
  members TEXT NOT NULL,
  sealed TEXT NOT NULL
);
