-- A breakout round that ends by itself: when its time is up, a 60-second countdown
-- tells everyone, then the round ends and brings them back to the main event.
-- 1: ends by itself; NULL or 0: the facilitator ends it.
ALTER TABLE breakout_rounds ADD COLUMN auto_end INTEGER;
