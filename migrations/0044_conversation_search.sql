-- Searching a space's conversations and replies (issue 17), the same full-text approach as
-- stories (migrations 0026 and 0029): one row per post that shows to the space's members
-- (state 'visible'), its words (the title too, for an opening post, and the content note)
-- normalised and stemmed in the space's language by Humanspace itself
-- (src/text/search.hpp), so both engines match the same posts. A post that is waiting,
-- hidden or removed has no row: nobody finds it. Kept in step by the conversations
-- commands in the transaction of each write; posts from before this migration are indexed
-- when Humanspace starts (conversations::register_module), since SQL cannot stem.

-- only: sqlite
CREATE TABLE conversation_search (
  post_id INTEGER PRIMARY KEY REFERENCES conversation_posts (id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL,
  space_id BIGINT NOT NULL,
  language TEXT NOT NULL,
  words TEXT NOT NULL
);
CREATE VIRTUAL TABLE conversation_search_fts USING fts5(
  words, content = 'conversation_search', content_rowid = 'post_id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER conversation_search_inserted AFTER INSERT ON conversation_search BEGIN INSERT INTO conversation_search_fts (rowid, words) VALUES (new.post_id, new.words); END;
CREATE TRIGGER conversation_search_deleted AFTER DELETE ON conversation_search BEGIN INSERT INTO conversation_search_fts (conversation_search_fts, rowid, words) VALUES ('delete', old.post_id, old.words); END;
CREATE TRIGGER conversation_search_updated AFTER UPDATE ON conversation_search BEGIN INSERT INTO conversation_search_fts (conversation_search_fts, rowid, words) VALUES ('delete', old.post_id, old.words); INSERT INTO conversation_search_fts (rowid, words) VALUES (new.post_id, new.words); END;

-- only: postgres
-- tokens holds the space as the lexeme "#<space id>" besides the words (no parsed word can
-- be one), so a search asks the GIN index for its own space's matches only.
CREATE TABLE conversation_search (
  post_id BIGINT PRIMARY KEY REFERENCES conversation_posts (id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL,
  space_id BIGINT NOT NULL,
  language TEXT NOT NULL,
  words TEXT NOT NULL,
  tokens TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words) || ('#' || space_id::text)::tsvector) STORED
);
CREATE INDEX conversation_search_tokens ON conversation_search USING GIN (tokens);
-- A space's newest posts first, for a common word (commands/search.cpp walks them).
CREATE INDEX conversation_search_by_space ON conversation_search (space_id, post_id);
-- only: all
