-- A space's shared library (issue 17): links and files its members share, each with a
-- title, a description, tags and, optionally, the conversation it came from. Only the
-- space's members see it.
--
-- A file's bytes are on disk under the data directory (library/<stored_name>), never in
-- the database and never under the name it was uploaded with: stored_name is 64 random
-- hex characters (libsodium). media_type is what the bytes are (libmagic, checked against
-- an allow-list), never what the name or the browser said. file_name is the uploaded name,
-- only to show and to suggest when downloading.
--
-- kind: link | file. state: shown | removed. A facilitator removes a resource with a
-- reason (its file is deleted; the row stays, with the reason, and the step is in the
-- space's decision log). added_by is NULL once the person's account is erased (their
-- resources and files go with it).
CREATE TABLE library_resources (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  added_by BIGINT REFERENCES users (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  url TEXT,
  stored_name TEXT UNIQUE,
  file_name TEXT,
  media_type TEXT,
  size_bytes BIGINT,
  conversation_id BIGINT,
  state TEXT NOT NULL,
  remove_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX library_resources_by_space ON library_resources (space_id, created_at);
CREATE INDEX library_resources_by_person ON library_resources (added_by);

-- A resource's tags: lower-case words people filter the library by.
CREATE TABLE library_tags (
  resource_id BIGINT NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (resource_id, tag)
);
CREATE INDEX library_tags_by_tag ON library_tags (tag);
