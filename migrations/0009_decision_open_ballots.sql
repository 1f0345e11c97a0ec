-- Answers in open anonymous polls, kept apart from the people who gave them.
--
-- pseudonym: hex SHA-256 of the proposal id and a ballot code that only the person
-- holds (a cookie in their browser, and a code they can write down); the server never
-- stores the code, so nobody can compute whose pseudonym is whose – not with the
-- database and the master key together.
-- sealed: the answer, padded to one length and sealed under the proposal's ballot key
-- (decision_ballot_keys), bound to its pseudonym.
-- Every answer or change rewrites all of a proposal's rows at once, in pseudonym order,
-- so that neither SQLite's hidden rowid nor PostgreSQL's physical order or transaction
-- ids say who answered first; deleted copies are scrubbed (Store::scrub). At closing
-- the answers move to decision_anonymous_ballots under fresh pseudonyms and these rows
-- are deleted. decision_voters.sealed_ballot is no longer written (rows from before
-- this migration are still counted at closing).
CREATE TABLE decision_open_ballots (
  proposal_id BIGINT NOT NULL REFERENCES decision_proposals (id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL,
  sealed TEXT NOT NULL,
  PRIMARY KEY (proposal_id, pseudonym)
);
