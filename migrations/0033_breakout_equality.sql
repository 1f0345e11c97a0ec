-- Balanced breakout groups may also spread people by their equality answers (issue 15),
-- and only the answers of people who agreed to that use: 1 when the facilitator asked for
-- it. The answers are opened in memory while the groups are made and never stored here.
ALTER TABLE breakout_rounds ADD COLUMN use_equality INTEGER;
