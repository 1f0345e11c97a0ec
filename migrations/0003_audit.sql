-- The decision log of each space: append-only, a Merkle tree as in Certificate
-- Transparency (RFC 6962/9162), with tree heads signed by the space's Ed25519 key.
-- Entries hold no personal data: people appear as keyed commitments.

-- One row per space with a log. size: entries so far. Appending takes the next number
-- by incrementing it, which also locks the log until the transaction ends. The row is
-- kept small on purpose: a transaction that appends many entries updates it each time.
CREATE TABLE audit_logs (
  space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
  size BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

-- The space's signing key: public_key hex, the secret key sealed under a key derived
-- from the master key.
CREATE TABLE audit_keys (
  space_id BIGINT PRIMARY KEY REFERENCES audit_logs (space_id) ON DELETE CASCADE,
  public_key TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- seq counts from 0. entry: canonical JSON, exactly the bytes hashed. leaf: hex
-- SHA-256(0x00 || entry). Rows are only ever inserted.
CREATE TABLE audit_entries (
  space_id BIGINT NOT NULL REFERENCES audit_logs (space_id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  entry TEXT NOT NULL,
  leaf TEXT NOT NULL,
  PRIMARY KEY (space_id, seq)
);

-- Hashes of complete perfect subtrees of 16 leaves and more (level 4 and up: leaves
-- idx * 2^level to (idx + 1) * 2^level - 1), written as they fill. Every other hash of
-- the tree is one of these or is rehashed from at most 16 leaves, so a proof or a root
-- reads a few dozen rows however long the log is.
CREATE TABLE audit_nodes (
  space_id BIGINT NOT NULL REFERENCES audit_logs (space_id) ON DELETE CASCADE,
  level BIGINT NOT NULL,
  idx BIGINT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (space_id, level, idx)
);

-- Signed tree heads: the signature (hex) covers the canonical JSON
-- {"root":..,"size":..,"space":..,"timestamp":..} where timestamp is signed_at.
CREATE TABLE audit_heads (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES audit_logs (space_id) ON DELETE CASCADE,
  size BIGINT NOT NULL,
  root TEXT NOT NULL,
  signed_at BIGINT NOT NULL,
  signature TEXT NOT NULL
);
CREATE INDEX audit_heads_by_space ON audit_heads (space_id, id);
