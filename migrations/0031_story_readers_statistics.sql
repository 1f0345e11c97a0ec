-- How many stories there are of each "status/audience" (what stories::repo::search reads
-- them by), so PostgreSQL's planner knows a signed-out visitor may read about one story in
-- five rather than one in two hundred (without it, it sorted the whole table rather than
-- read the newest stories from stories_newest_by_space, migration 0029). PostgreSQL only:
-- statistics on an expression need PostgreSQL 14 or later; SQLite has nothing to add.
-- only: postgres
CREATE STATISTICS stories_readers ON (status || '/' || audience) FROM stories;
-- only: all
