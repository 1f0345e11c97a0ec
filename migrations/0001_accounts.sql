-- Accounts: people, their sessions and the single-use links we email them.
-- Email is never stored in the clear: email_lookup is a keyed hash of the normalised
-- address (for finding an account), email_sealed the address encrypted with a key
-- derived from the server's master key. Access needs are sealed the same way.
CREATE TABLE users (
  id AUTO_ID,
  email_lookup TEXT UNIQUE,
  email_sealed TEXT,
  display_name TEXT NOT NULL,
  pronouns TEXT,
  access_needs_sealed TEXT,
  password_hash TEXT,
  site_role TEXT NOT NULL DEFAULT 'member',
  verified_at BIGINT,
  created_at BIGINT NOT NULL,
  erased_at BIGINT
);

-- Only the SHA-256 of a session token is kept. The device is a coarse label from the
-- User-Agent at sign-in; neither the User-Agent nor the address is stored.
CREATE TABLE sessions (
  id AUTO_ID,
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  keep_signed_in INTEGER NOT NULL DEFAULT 0,
  device_browser TEXT,
  device_system TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Emailed links (verify, sign in, reset, change email): the SHA-256 of the token,
-- deleted when used, so each works once.
CREATE TABLE account_links (
  id AUTO_ID,
  token_hash TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  new_email_lookup TEXT,
  new_email_sealed TEXT,
  next_path TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX account_links_by_user ON account_links (user_id);
