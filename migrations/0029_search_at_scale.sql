-- Search and the "You said, we did" page at scale (bench/stories: 100,000 stories, 10,000
-- actions). PostgreSQL only: on SQLite this migration does nothing (FTS5 walks its matches
-- newest first without help, bm25 reads positions from the FTS5 index itself, and every
-- SQLite index already ends in the rowid).
--
-- Searches now rank only the newest matches a reader may read (stories::repo::search).
-- For a rarer word PostgreSQL starts from the GIN index, and what costs is then reading
-- the rows the index points at. So story_search is made again, narrow, and with each
-- story's space in its tokens:
-- - tokens holds, besides the words, the lexeme "#<space id>" (no parsed word can be one:
--   the parser never keeps a '#'), so a search asks the index for its space's matches only;
-- - toast_tuple_target = 128: a row's words and tokens are moved out of line (to the
--   TOAST table) as soon as the row is long enough to be toasted at all, so the table's
--   own pages hold little more than the ids (35 MB rather than 115 MB at 100,000 stories),
--   and reading thousands of matches' ids reads a few thousand pages.
-- The rows are copied as they are (no stemming again); `words || ''` makes each value
-- fresh so that it is stored the new way. The constraints and index keep their names.

-- only: postgres
CREATE TABLE story_search_0029 (
  story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  space_id BIGINT NOT NULL,
  language TEXT NOT NULL,
  words TEXT NOT NULL,
  tokens TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words) || ('#' || space_id::text)::tsvector) STORED,
  kind TEXT NOT NULL DEFAULT '',
  author_id BIGINT
) WITH (toast_tuple_target = 128);
INSERT INTO story_search_0029 (story_id, space_id, language, words, kind, author_id)
SELECT x.story_id, x.space_id, x.language, x.words || '', s.status || '/' || s.audience, s.author_id
FROM story_search x JOIN stories s ON s.id = x.story_id;
DROP TABLE story_search;
ALTER TABLE story_search_0029 RENAME TO story_search;
ALTER INDEX story_search_0029_pkey RENAME TO story_search_pkey;
ALTER TABLE story_search RENAME CONSTRAINT story_search_0029_story_id_fkey TO story_search_story_id_fkey;
CREATE INDEX story_search_tokens ON story_search USING GIN (tokens);
-- kind and author_id: the story's "status/audience" and author as they stand in stories,
-- so that reading the index's matches can leave out at once those the reader may not read
-- (a signed-out visitor may read one story in five here). Copied from stories by a trigger
-- on each write of a row, and again when a story's status, audience or author changes.
-- The search still checks each result against stories itself.
CREATE FUNCTION story_search_readers() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN SELECT s.status || '/' || s.audience, s.author_id INTO NEW.kind, NEW.author_id FROM stories s WHERE s.id = NEW.story_id; RETURN NEW; END $$;
CREATE TRIGGER story_search_readers BEFORE INSERT OR UPDATE ON story_search FOR EACH ROW EXECUTE FUNCTION story_search_readers();
CREATE FUNCTION stories_readers_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE story_search SET kind = NEW.status || '/' || NEW.audience, author_id = NEW.author_id WHERE story_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER stories_readers_changed AFTER UPDATE OF status, audience, author_id ON stories FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.audience IS DISTINCT FROM NEW.audience OR OLD.author_id IS DISTINCT FROM NEW.author_id) EXECUTE FUNCTION stories_readers_changed();
-- Ranking reads the tokens of the stories it ranks, and so does a search for a common word,
-- which tests the reader's newest stories one by one; a value kept out of line costs a
-- look-up in the TOAST table each time (about 25 us here, thousands of them a search). So
-- each story's tokens are kept a second time where they can be read at once: inline
-- (STORAGE MAIN: compressed in the row, out of line only if still too long), one row per
-- story, read by story_id only. Kept in step with story_search by a trigger; deleted with
-- its story_search row.
CREATE TABLE story_search_ranks (
  story_id BIGINT PRIMARY KEY REFERENCES story_search (story_id) ON DELETE CASCADE,
  tokens TSVECTOR NOT NULL
);
ALTER TABLE story_search_ranks ALTER COLUMN tokens SET STORAGE MAIN;
CREATE FUNCTION story_search_ranks_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO story_search_ranks (story_id, tokens) VALUES (NEW.story_id, NEW.tokens) ON CONFLICT (story_id) DO UPDATE SET tokens = excluded.tokens; RETURN NULL; END $$;
CREATE TRIGGER story_search_ranked AFTER INSERT OR UPDATE ON story_search FOR EACH ROW EXECUTE FUNCTION story_search_ranks_kept();
INSERT INTO story_search_ranks (story_id, tokens) SELECT story_id, tokens FROM story_search;
-- A space's stories newest first with who may read them, read from the index alone: the
-- search reads a reader's newest stories this way (and stories_by_space is in created_at
-- order within each status).
CREATE INDEX stories_newest_by_space ON stories (space_id, id) INCLUDE (status, audience, author_id, created_at);

-- "You said, we did" pages (actions::repo::page_in) take a page's ids from the index alone,
-- newest first (created_at, then id): PostgreSQL's indexes need the id written in to be
-- read that way (SQLite's end in the rowid already). Page 200 of 10,000 actions read and
-- sorted every action of the space before.
DROP INDEX actions_by_space;
CREATE INDEX actions_by_space ON actions (space_id, created_at, id);
DROP INDEX actions_by_space_status;
CREATE INDEX actions_by_space_status ON actions (space_id, status, created_at, id);
DROP INDEX actions_by_space_organisation;
CREATE INDEX actions_by_space_organisation ON actions (space_id, organisation_id, created_at, id);
-- only: all
