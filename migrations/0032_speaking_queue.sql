-- Who holds the floor (issue 15): a speaking queue for an event's main room and for each
-- breakout group, the turns people had speaking, and a running count of each
-- participant's contributions.

-- A speaking queue: the event's main room (group_id 0) or one breakout group (its id).
-- open: the main room's queue is offered to everyone only once the facilitator opens it (a
-- group's is always offered while its round runs). progressive: the host's "progressive
-- stack" (those who have spoken least first). A go-round asks everyone in turn:
-- round_order is the participants' ids in turn, comma-separated, round_done those who have
-- spoken or passed; both NULL when no go-round is on. version grows with every change, so
-- the live channel can tell pages which queue changed.
CREATE TABLE event_floors (
  id AUTO_ID,
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL,
  open INTEGER NOT NULL DEFAULT 0,
  progressive INTEGER NOT NULL DEFAULT 0,
  round_order TEXT,
  round_done TEXT,
  version BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX event_floors_room ON event_floors (event_id, group_id);

-- A hand up, until the host gives that person the floor or they lower it.
CREATE TABLE event_hands (
  floor_id BIGINT NOT NULL REFERENCES event_floors (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  raised_at BIGINT NOT NULL,
  PRIMARY KEY (floor_id, participant_id)
);

-- A turn speaking: seconds is NULL while the person has the floor (at most one open turn
-- a queue), then how long they spoke.
CREATE TABLE event_turns (
  id AUTO_ID,
  floor_id BIGINT NOT NULL REFERENCES event_floors (id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
  started_at BIGINT NOT NULL,
  seconds BIGINT
);
CREATE INDEX event_turns_by_floor ON event_turns (floor_id, participant_id);
CREATE INDEX event_turns_by_participant ON event_turns (participant_id);

-- How many times each participant has contributed (words, poll answers, questions, named
-- breakout notes, turns speaking), kept by triggers as those rows come and go, so the run
-- page's spread of who has been heard reads one row a person instead of grouping every
-- contribution of the event on each load. A poll counts once a person however many options
-- they chose; an anonymous question or note keeps no author and counts for nobody.
CREATE TABLE event_contribution_counts (
  participant_id BIGINT PRIMARY KEY REFERENCES event_participants (id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL,
  n BIGINT NOT NULL
);
CREATE INDEX event_contribution_counts_by_event ON event_contribution_counts (event_id);

INSERT INTO event_contribution_counts (participant_id, event_id, n)
SELECT p.id, p.event_id,
  (SELECT COUNT(*) FROM event_cloud_entries e WHERE e.participant_id = p.id)
  + (SELECT COUNT(DISTINCT v.item_id) FROM event_poll_votes v WHERE v.participant_id = p.id)
  + (SELECT COUNT(*) FROM event_questions q WHERE q.participant_id = p.id)
  + (SELECT COUNT(*) FROM breakout_notes b WHERE b.participant_id = p.id)
FROM event_participants p;

-- only: sqlite
CREATE TRIGGER event_cloud_counted AFTER INSERT ON event_cloud_entries BEGIN INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER event_cloud_uncounted AFTER DELETE ON event_cloud_entries BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; END;
CREATE TRIGGER event_poll_counted AFTER INSERT ON event_poll_votes WHEN (SELECT COUNT(*) FROM event_poll_votes v WHERE v.item_id = new.item_id AND v.participant_id = new.participant_id) = 1 BEGIN INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER event_poll_uncounted AFTER DELETE ON event_poll_votes WHEN NOT EXISTS (SELECT 1 FROM event_poll_votes v WHERE v.item_id = old.item_id AND v.participant_id = old.participant_id) BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; END;
CREATE TRIGGER event_question_counted AFTER INSERT ON event_questions WHEN new.participant_id IS NOT NULL BEGIN INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER event_question_uncounted AFTER DELETE ON event_questions WHEN old.participant_id IS NOT NULL BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; END;
CREATE TRIGGER event_question_untied AFTER UPDATE OF participant_id ON event_questions WHEN old.participant_id IS NOT new.participant_id BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER breakout_note_counted AFTER INSERT ON breakout_notes WHEN new.participant_id IS NOT NULL BEGIN INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER breakout_note_uncounted AFTER DELETE ON breakout_notes WHEN old.participant_id IS NOT NULL BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; END;
CREATE TRIGGER breakout_note_untied AFTER UPDATE OF participant_id ON breakout_notes WHEN old.participant_id IS NOT new.participant_id BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER event_turn_counted AFTER INSERT ON event_turns BEGIN INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, 1 FROM event_participants p WHERE p.id = new.participant_id ON CONFLICT (participant_id) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER event_turn_uncounted AFTER DELETE ON event_turns BEGIN UPDATE event_contribution_counts SET n = n - 1 WHERE participant_id = old.participant_id; END;

-- only: postgres
CREATE FUNCTION event_contribution_step(who BIGINT, delta BIGINT) RETURNS void LANGUAGE plpgsql AS $$ BEGIN IF who IS NULL THEN RETURN; END IF; INSERT INTO event_contribution_counts (participant_id, event_id, n) SELECT p.id, p.event_id, delta FROM event_participants p WHERE p.id = who ON CONFLICT (participant_id) DO UPDATE SET n = event_contribution_counts.n + delta; END $$;
CREATE FUNCTION event_contribution_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM event_contribution_step(NEW.participant_id, 1); ELSIF TG_OP = 'DELETE' THEN PERFORM event_contribution_step(OLD.participant_id, -1); ELSIF OLD.participant_id IS DISTINCT FROM NEW.participant_id THEN PERFORM event_contribution_step(OLD.participant_id, -1); PERFORM event_contribution_step(NEW.participant_id, 1); END IF; RETURN NULL; END $$;
-- A statement may add or clear several of a person's options at once, and PostgreSQL runs
-- row triggers after the whole statement: so a poll is counted per statement, from the rows
-- it added or removed (a person's first options for a poll, their last ones).
CREATE FUNCTION event_poll_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM event_contribution_step(d.participant_id, 1) FROM (SELECT DISTINCT item_id, participant_id FROM added) d WHERE (SELECT COUNT(*) FROM event_poll_votes v WHERE v.item_id = d.item_id AND v.participant_id = d.participant_id) = (SELECT COUNT(*) FROM added a WHERE a.item_id = d.item_id AND a.participant_id = d.participant_id); RETURN NULL; END $$;
CREATE FUNCTION event_poll_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM event_contribution_step(d.participant_id, -1) FROM (SELECT DISTINCT item_id, participant_id FROM removed) d WHERE NOT EXISTS (SELECT 1 FROM event_poll_votes v WHERE v.item_id = d.item_id AND v.participant_id = d.participant_id); RETURN NULL; END $$;
CREATE TRIGGER event_cloud_counted AFTER INSERT OR DELETE ON event_cloud_entries FOR EACH ROW EXECUTE FUNCTION event_contribution_row();
CREATE TRIGGER event_poll_counted AFTER INSERT ON event_poll_votes REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_poll_added();
CREATE TRIGGER event_poll_uncounted AFTER DELETE ON event_poll_votes REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION event_poll_removed();
CREATE TRIGGER event_question_counted AFTER INSERT OR DELETE OR UPDATE OF participant_id ON event_questions FOR EACH ROW EXECUTE FUNCTION event_contribution_row();
CREATE TRIGGER breakout_note_counted AFTER INSERT OR DELETE OR UPDATE OF participant_id ON breakout_notes FOR EACH ROW EXECUTE FUNCTION event_contribution_row();
CREATE TRIGGER event_turn_counted AFTER INSERT OR DELETE ON event_turns FOR EACH ROW EXECUTE FUNCTION event_contribution_row();
-- only: all
