-- The largest signed tree head ever issued for each log, kept on the log's own row.
-- Signing never issues a head smaller than it or inconsistent with it, an export always
-- carries it (with every row of audit_heads), and a log found shorter than it has been
-- cut short. head_size 0: nothing signed yet. The background signer signs every log
-- whose size has passed its head_size.
ALTER TABLE audit_logs ADD COLUMN head_size BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_logs ADD COLUMN head_root TEXT;
ALTER TABLE audit_logs ADD COLUMN head_signed_at BIGINT;
ALTER TABLE audit_logs ADD COLUMN head_signature TEXT;

UPDATE audit_logs SET
  head_size = (SELECT h.size FROM audit_heads h WHERE h.space_id = audit_logs.space_id
               ORDER BY h.size DESC, h.id DESC LIMIT 1),
  head_root = (SELECT h.root FROM audit_heads h WHERE h.space_id = audit_logs.space_id
               ORDER BY h.size DESC, h.id DESC LIMIT 1),
  head_signed_at = (SELECT h.signed_at FROM audit_heads h WHERE h.space_id = audit_logs.space_id
                    ORDER BY h.size DESC, h.id DESC LIMIT 1),
  head_signature = (SELECT h.signature FROM audit_heads h WHERE h.space_id = audit_logs.space_id
                    ORDER BY h.size DESC, h.id DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM audit_heads h WHERE h.space_id = audit_logs.space_id);

-- The signed head each auditor was last shown on the audit page, so the page can tell
-- them whether the log now is consistent with it (only grown) or has been cut short
-- or rewritten since. Replaced only by a head consistent with it, so an alarm keeps
-- showing. Rows go when the person erases their account.
CREATE TABLE audit_seen_heads (
  space_id BIGINT NOT NULL REFERENCES audit_logs (space_id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  size BIGINT NOT NULL,
  root TEXT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX audit_seen_heads_by_user ON audit_seen_heads (user_id);
