-- Full-text search over stories and their responses. One row per story that is not
-- withdrawn: its title, words, content note, topics and every response and reply as they
-- stand now, each word normalised (NFKC, case folded) and stemmed with Snowball in the
-- space's language by Humanspace itself (src/text/search.hpp), so that "respecting" finds
-- "respect" and both engines match the same stories. Only letters and digits are kept,
-- words separated by single spaces, so SQLite's unicode61 tokeniser and PostgreSQL's
-- 'simple' configuration read the same tokens. Kept in step by the stories commands in the
-- transaction of each write; a withdrawn story's row is deleted, and an erased author's
-- stories take theirs with them (ON DELETE CASCADE). Stories shared before this migration
-- are indexed when Humanspace starts (stories::register_module), since SQL cannot stem.
-- language: the ISO 639-1 code the words were stemmed in.

-- only: sqlite
CREATE TABLE story_search (
  story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL,
  language TEXT NOT NULL,
  words TEXT NOT NULL
);
-- An FTS5 index over story_search.words (external content: the words are stored once),
-- kept in step by triggers. remove_diacritics 0: the words are already folded, and
-- PostgreSQL's 'simple' configuration keeps accents too.
CREATE VIRTUAL TABLE story_search_fts USING fts5(
  words, content = 'story_search', content_rowid = 'story_id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER story_search_inserted AFTER INSERT ON story_search BEGIN INSERT INTO story_search_fts (rowid, words) VALUES (new.story_id, new.words); END;
CREATE TRIGGER story_search_deleted AFTER DELETE ON story_search BEGIN INSERT INTO story_search_fts (story_search_fts, rowid, words) VALUES ('delete', old.story_id, old.words); END;
CREATE TRIGGER story_search_updated AFTER UPDATE ON story_search BEGIN INSERT INTO story_search_fts (story_search_fts, rowid, words) VALUES ('delete', old.story_id, old.words); INSERT INTO story_search_fts (rowid, words) VALUES (new.story_id, new.words); END;

-- only: postgres
CREATE TABLE story_search (
  story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL,
  language TEXT NOT NULL,
  words TEXT NOT NULL,
  tokens TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED
);
CREATE INDEX story_search_tokens ON story_search USING GIN (tokens);
