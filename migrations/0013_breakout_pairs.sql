-- A breakout round's hard constraints, as the facilitator typed them: pairs of names
-- (as the event shows them), one pair a line. keep_apart: never in the same group
-- (safeguarding); keep_together: always in the same group (a person and their support
-- worker). Matched to the people taking part each time the groups are made; names that
-- match nobody are reported, never guessed.
ALTER TABLE breakout_rounds ADD COLUMN keep_apart TEXT;
ALTER TABLE breakout_rounds ADD COLUMN keep_together TEXT;
