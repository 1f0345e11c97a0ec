-- Decisions: proposals a space decides on, with the method and settings fixed when
-- they open, and the answers members give. docs/governance.md explains the design,
-- above all how anonymous answers are kept apart from the people who gave them.

-- method: consent | consensus | majority | ranked_choice | score | dot_vote |
-- meeting_poll. results: after_voting | after_close. threshold: majority only.
-- subject_kind/subject_id: what a decision is about when another module opened it
-- (e.g. terms_version and the version's id); 'general' otherwise.
-- outcome: an Outcome code once closed; eligible/turnout are fixed at closing.
-- reminded_at: the "closes soon" email went out; due_notice_at: the "time to close"
-- email went out. Both make the reminder sweep send each at most once.
CREATE TABLE decision_proposals (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  proposer_id BIGINT REFERENCES users (id),
  title TEXT NOT NULL,
  details TEXT NOT NULL,
  method TEXT NOT NULL,
  closes_at BIGINT NOT NULL,
  quorum_percent BIGINT NOT NULL,
  results TEXT NOT NULL,
  reasons_required INTEGER NOT NULL,
  anonymous INTEGER NOT NULL,
  threshold TEXT NOT NULL,
  dots_per_person BIGINT NOT NULL,
  revision BIGINT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id BIGINT,
  created_at BIGINT NOT NULL,
  closed_at BIGINT,
  closed_by BIGINT REFERENCES users (id),
  outcome TEXT,
  outcome_statement TEXT,
  eligible BIGINT,
  turnout BIGINT,
  closed_early INTEGER,
  reminded_at BIGINT,
  due_notice_at BIGINT
);
CREATE INDEX decision_proposals_by_space ON decision_proposals (space_id, closed_at, closes_at);
CREATE INDEX decision_proposals_open ON decision_proposals (closed_at, closes_at);

-- The options of methods that choose among them, in the order listed (position from 0).
CREATE TABLE decision_options (
  proposal_id BIGINT NOT NULL REFERENCES decision_proposals (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (proposal_id, position)
);

-- Who has taken part (turnout), for named and anonymous polls alike: no answer here.
-- sealed_ballot: anonymous polls only, while open: the person's answer sealed with the
-- proposal's ballot key and padded to one length, so that they can see and change it.
-- It is emptied when the proposal closes and the answers move, unlinked, to
-- decision_anonymous_ballots.
CREATE TABLE decision_voters (
  proposal_id BIGINT NOT NULL REFERENCES decision_proposals (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  sealed_ballot TEXT,
  PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX decision_voters_by_user ON decision_voters (user_id);

-- Answers in named polls: one per person, replaced when they change it. choice is the
-- ballot's text form (see decisions/ballot_codec.hpp). user_id becomes NULL when the
-- account is erased; the answer stays, without the person.
CREATE TABLE decision_ballots (
  id AUTO_ID,
  proposal_id BIGINT NOT NULL REFERENCES decision_proposals (id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users (id),
  choice TEXT NOT NULL,
  reason TEXT,
  revision BIGINT NOT NULL,
  cast_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX decision_ballots_one_each ON decision_ballots (proposal_id, user_id);

-- Answers in anonymous polls, written only when the proposal closes, all at once and in
-- pseudonym order. pseudonym: hex HMAC-SHA256 of the user id under the proposal's ballot
-- key, which is destroyed in the same transaction. No user id, no time, no sequence
-- number. (SQLite keeps a hidden rowid; rows are inserted in pseudonym order, so it
-- carries no order of voting. The store has no WITHOUT ROWID spelling for PostgreSQL.)
CREATE TABLE decision_anonymous_ballots (
  proposal_id BIGINT NOT NULL REFERENCES decision_proposals (id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL,
  choice TEXT NOT NULL,
  reason TEXT,
  revision BIGINT NOT NULL,
  PRIMARY KEY (proposal_id, pseudonym)
);

-- The random ballot key of an open anonymous poll, sealed under a key derived from the
-- master key. Deleted when the proposal closes: after that nobody can link.
CREATE TABLE decision_ballot_keys (
  proposal_id BIGINT PRIMARY KEY REFERENCES decision_proposals (id) ON DELETE CASCADE,
  key_sealed TEXT NOT NULL
);
