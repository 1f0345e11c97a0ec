-- repairs: 0013_breakout_pairs.sql
--
-- 0013 landed first as 0013_breakout_pairs.sql (keep_apart and keep_together only) and
-- was then replaced under the same number by 0013_breakout_options.sql, which adds three
-- more columns. A database that ran the first version never got them. This migration
-- runs only on such a database (the runner reads the "repairs" line above) and adds
-- what it lacks; on every other database it is recorded without running.
ALTER TABLE breakout_rounds ADD COLUMN group_count BIGINT;
ALTER TABLE breakout_rounds ADD COLUMN attributes_sealed TEXT;
ALTER TABLE breakout_rounds ADD COLUMN space_history INTEGER;
