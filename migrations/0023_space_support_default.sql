-- A space's starting text for where people can find support at its events (its
-- stewards and facilitators set it): the form for a new event starts from it. NULL: the
-- built-in UK helplines.
ALTER TABLE spaces ADD COLUMN event_support_default TEXT;
