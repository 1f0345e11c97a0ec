-- How a breakout round's groups are made, beyond sizes and mode.
--
-- Hard constraints, as the facilitator typed them: pairs of names
-- (as the event shows them), one pair a line. keep_apart: never in the same group
-- (safeguarding); keep_together: always in the same group (a person and their support
-- worker). Matched to the people taking part each time the groups are made; names that
-- match nobody are reported, never guessed.
ALTER TABLE breakout_rounds ADD COLUMN keep_apart TEXT;
ALTER TABLE breakout_rounds ADD COLUMN keep_together TEXT;
-- group_count: an exact number of groups instead of the sizes (NULL: the fewest that fit).
-- attributes: what to spread evenly, per person ("name, detail, key: value" lines),
-- sealed under a key derived from the master key: it can say who has lived experience
-- or needs captions. space_history: 1 to also keep apart people who met in groups at
-- the space's earlier events.
ALTER TABLE breakout_rounds ADD COLUMN group_count BIGINT;
ALTER TABLE breakout_rounds ADD COLUMN attributes_sealed TEXT;
ALTER TABLE breakout_rounds ADD COLUMN space_history INTEGER;
