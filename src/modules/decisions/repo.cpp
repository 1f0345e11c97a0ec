#include "modules/decisions/repo.hpp"

#include <algorithm>

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::decisions::repo {

namespace {

constexpr const char* kProposalColumns = R"(
id, space_id, proposer_id, title, details, method, closes_at, quorum_percent, results, reasons_required,
anonymous, threshold, dots_per_person, revision, subject_kind, subject_id, created_at, closed_at, closed_by,
outcome, outcome_statement, eligible, turnout, closed_early)";

constexpr const char* kInsertProposal = R"(
INSERT INTO decision_proposals (space_id, proposer_id, title, details, method, closes_at, quorum_percent, results,
  reasons_required, anonymous, threshold, dots_per_person, revision, subject_kind, subject_id, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)";

constexpr const char* kInsertOption = "INSERT INTO decision_options (proposal_id, position, label) VALUES (?, ?, ?)";

constexpr const char* kOptions = "SELECT label FROM decision_options WHERE proposal_id = ? ORDER BY position";

constexpr const char* kProposalsInSpace = R"(
SELECT p.id, p.title, p.method, p.closes_at, p.closed_at, p.outcome, p.anonymous,
  (SELECT COUNT(*) FROM decision_voters v WHERE v.proposal_id = p.id),
  (SELECT COUNT(*) FROM decision_voters v WHERE v.proposal_id = p.id AND v.user_id = ?)
FROM decision_proposals p
WHERE p.space_id = ?
ORDER BY p.id DESC)";

// A no-op update: the row lock every change to an open proposal takes first, so a vote
// and the closing never pass each other.
constexpr const char* kLockOpen =
    "UPDATE decision_proposals SET revision = revision WHERE id = ? AND closed_at IS NULL";

constexpr const char* kClose = R"(
UPDATE decision_proposals SET closed_at = ?, closed_by = ?, outcome = ?, outcome_statement = ?, eligible = ?,
  turnout = ?, closed_early = ?
WHERE id = ? AND closed_at IS NULL)";

constexpr const char* kHasVoted = "SELECT 1 FROM decision_voters WHERE proposal_id = ? AND user_id = ?";
constexpr const char* kVoterCount = "SELECT COUNT(*) FROM decision_voters WHERE proposal_id = ?";
constexpr const char* kVoterIds = "SELECT user_id FROM decision_voters WHERE proposal_id = ? ORDER BY user_id";

constexpr const char* kRecordVoter = R"(
INSERT INTO decision_voters (proposal_id, user_id, sealed_ballot) VALUES (?, ?, ?)
ON CONFLICT (proposal_id, user_id) DO UPDATE SET sealed_ballot = excluded.sealed_ballot)";

constexpr const char* kForgetVoter = "DELETE FROM decision_voters WHERE proposal_id = ? AND user_id = ?";

constexpr const char* kSealedOf =
    "SELECT sealed_ballot FROM decision_voters WHERE proposal_id = ? AND user_id = ? AND sealed_ballot IS NOT NULL";

constexpr const char* kSealedAll = R"(
SELECT user_id, sealed_ballot FROM decision_voters
WHERE proposal_id = ? AND sealed_ballot IS NOT NULL ORDER BY user_id)";

constexpr const char* kClearSealed = "UPDATE decision_voters SET sealed_ballot = NULL WHERE proposal_id = ?";

constexpr const char* kUpsertNamed = R"(
INSERT INTO decision_ballots (proposal_id, user_id, choice, reason, revision, cast_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (proposal_id, user_id) DO UPDATE SET choice = excluded.choice, reason = excluded.reason,
  revision = excluded.revision, cast_at = excluded.cast_at)";

constexpr const char* kNamedOf = R"(
SELECT user_id, choice, reason, revision, cast_at FROM decision_ballots WHERE proposal_id = ? AND user_id = ?)";

constexpr const char* kNamedAll = R"(
SELECT user_id, choice, reason, revision, cast_at FROM decision_ballots WHERE proposal_id = ? ORDER BY cast_at, id)";

constexpr const char* kInsertKey = "INSERT INTO decision_ballot_keys (proposal_id, key_sealed) VALUES (?, ?)";
constexpr const char* kKey = "SELECT key_sealed FROM decision_ballot_keys WHERE proposal_id = ?";
constexpr const char* kDeleteKey = "DELETE FROM decision_ballot_keys WHERE proposal_id = ?";

constexpr const char* kInsertAnonymous = R"(
INSERT INTO decision_anonymous_ballots (proposal_id, pseudonym, choice, reason, revision) VALUES (?, ?, ?, ?, ?))";

constexpr const char* kOpenAll =
    "SELECT pseudonym, sealed FROM decision_open_ballots WHERE proposal_id = ? ORDER BY pseudonym";
constexpr const char* kOpenOf = "SELECT sealed FROM decision_open_ballots WHERE proposal_id = ? AND pseudonym = ?";
constexpr const char* kOpenDelete = "DELETE FROM decision_open_ballots WHERE proposal_id = ?";
constexpr const char* kOpenInsert =
    "INSERT INTO decision_open_ballots (proposal_id, pseudonym, sealed) VALUES (?, ?, ?)";

constexpr const char* kAnonymousAll = R"(
SELECT pseudonym, choice, reason, revision FROM decision_anonymous_ballots WHERE proposal_id = ?
ORDER BY pseudonym)";

constexpr const char* kClosingSoon = R"(
SELECT id FROM decision_proposals
WHERE closed_at IS NULL AND reminded_at IS NULL AND closes_at > ? AND closes_at <= ?
ORDER BY closes_at, id)";

constexpr const char* kClaimReminder =
    "UPDATE decision_proposals SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND closed_at IS NULL";

constexpr const char* kDue = R"(
SELECT id FROM decision_proposals
WHERE closed_at IS NULL AND due_notice_at IS NULL AND closes_at <= ?
ORDER BY closes_at, id)";

constexpr const char* kClaimDue =
    "UPDATE decision_proposals SET due_notice_at = ? WHERE id = ? AND due_notice_at IS NULL AND closed_at IS NULL";

constexpr const char* kEraseProposer = "UPDATE decision_proposals SET proposer_id = NULL WHERE proposer_id = ?";
constexpr const char* kEraseCloser = "UPDATE decision_proposals SET closed_by = NULL WHERE closed_by = ?";
constexpr const char* kEraseOpenNamed = R"(
DELETE FROM decision_ballots WHERE user_id = ?
AND proposal_id IN (SELECT id FROM decision_proposals WHERE closed_at IS NULL))";
constexpr const char* kEraseClosedNamed = "UPDATE decision_ballots SET user_id = NULL WHERE user_id = ?";
constexpr const char* kEraseVoters = "DELETE FROM decision_voters WHERE user_id = ?";

constexpr const char* kProposedBy = R"(
SELECT space_id, title, created_at FROM decision_proposals WHERE proposer_id = ? ORDER BY id)";

constexpr const char* kNamedAnswersOf = R"(
SELECT p.space_id, p.title, b.choice, b.reason, b.cast_at
FROM decision_ballots b JOIN decision_proposals p ON p.id = b.proposal_id
WHERE b.user_id = ? ORDER BY b.id)";

constexpr const char* kAnonymousOf = R"(
SELECT p.space_id, p.title
FROM decision_voters v JOIN decision_proposals p ON p.id = v.proposal_id
WHERE v.user_id = ? AND p.anonymous = 1 ORDER BY p.id)";

std::string select_proposal(const char* where) {
  return std::string("SELECT ") + kProposalColumns + " FROM decision_proposals WHERE " + where;
}

ProposalRow proposal_from(const store::Row& r) {
  ProposalRow p;
  p.id = r.i64(0);
  p.space_id = r.i64(1);
  p.proposer_id = r.opt_i64(2);
  p.title = r.text(3);
  p.details = r.text(4);
  p.method = r.text(5);
  p.closes_at = r.i64(6);
  p.quorum_percent = static_cast<int>(r.i64(7));
  p.results = r.text(8);
  p.reasons_required = r.i64(9) != 0;
  p.anonymous = r.i64(10) != 0;
  p.threshold = r.text(11);
  p.dots_per_person = static_cast<int>(r.i64(12));
  p.revision = static_cast<int>(r.i64(13));
  p.subject_kind = r.text(14);
  p.subject_id = r.opt_i64(15);
  p.created_at = r.i64(16);
  p.closed_at = r.opt_i64(17);
  p.closed_by = r.opt_i64(18);
  p.outcome = r.opt_text(19);
  p.outcome_statement = r.opt_text(20);
  p.eligible = r.opt_i64(21);
  p.turnout = r.opt_i64(22);
  p.closed_early = r.i64(23) != 0;
  return p;
}

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

std::vector<ProposalRow> proposals_by_ids(store::Conn& c, const store::Rows& ids) {
  std::vector<ProposalRow> out;
  for (const auto& r : ids)
    if (auto p = proposal_by_id(c, r.i64(0))) out.push_back(std::move(*p));
  return out;
}

}  // namespace

std::int64_t insert_proposal(store::Conn& c, const ProposalRow& p) {
  const store::Value args[] = {p.space_id,
                               opt_id(p.proposer_id),
                               p.title,
                               p.details,
                               p.method,
                               p.closes_at,
                               std::int64_t{p.quorum_percent},
                               p.results,
                               std::int64_t{p.reasons_required ? 1 : 0},
                               std::int64_t{p.anonymous ? 1 : 0},
                               p.threshold,
                               std::int64_t{p.dots_per_person},
                               std::int64_t{p.revision},
                               p.subject_kind,
                               opt_id(p.subject_id),
                               p.created_at};
  return c.query(kInsertProposal, args).at(0).i64(0);
}

void insert_option(store::Conn& c, std::int64_t proposal_id, std::int64_t position, const std::string& label) {
  c.q(kInsertOption, proposal_id, position, label);
}

std::optional<ProposalRow> proposal(store::Conn& c, std::int64_t space_id, std::int64_t id) {
  static const std::string sql = select_proposal("space_id = ? AND id = ?");
  auto r = c.one(sql, space_id, id);
  if (!r) return std::nullopt;
  return proposal_from(*r);
}

std::optional<ProposalRow> proposal_by_id(store::Conn& c, std::int64_t id) {
  static const std::string sql = select_proposal("id = ?");
  auto r = c.one(sql, id);
  if (!r) return std::nullopt;
  return proposal_from(*r);
}

std::vector<std::string> options(store::Conn& c, std::int64_t proposal_id) {
  std::vector<std::string> out;
  for (const auto& r : c.q(kOptions, proposal_id)) out.push_back(r.text(0));
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> proposal_titles(store::Conn& c, std::int64_t space_id,
                                                                  const std::vector<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  store::for_id_slices(ids, {space_id}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r : c.query("SELECT id, title FROM decision_proposals WHERE space_id = ? AND id IN " + in, args))
      out.emplace_back(r.i64(0), r.text(1));
  });
  return out;
}

std::vector<ProposalCard> proposals_in_space(store::Conn& c, std::int64_t space_id, std::int64_t viewer) {
  std::vector<ProposalCard> out;
  for (const auto& r : c.q(kProposalsInSpace, viewer, space_id)) {
    ProposalCard p;
    p.id = r.i64(0);
    p.title = r.text(1);
    p.method = r.text(2);
    p.closes_at = r.i64(3);
    p.closed_at = r.opt_i64(4);
    p.outcome = r.opt_text(5);
    p.anonymous = r.i64(6) != 0;
    p.answered = r.i64(7);
    p.i_answered = r.i64(8) > 0;
    out.push_back(std::move(p));
  }
  return out;
}

bool lock_open(store::Conn& c, std::int64_t id) {
  c.q(kLockOpen, id);
  return c.changes() == 1;
}

void close_proposal(store::Conn& c, const ProposalRow& p) {
  const store::Value args[] = {opt_id(p.closed_at),
                               opt_id(p.closed_by),
                               store::opt(p.outcome),
                               store::opt(p.outcome_statement),
                               opt_id(p.eligible),
                               opt_id(p.turnout),
                               std::int64_t{p.closed_early ? 1 : 0},
                               p.id};
  c.query(kClose, args);
}

bool has_voted(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id) {
  return c.one(kHasVoted, proposal_id, user_id).has_value();
}

std::int64_t voter_count(store::Conn& c, std::int64_t proposal_id) { return c.one(kVoterCount, proposal_id)->i64(0); }

std::vector<std::int64_t> voter_ids(store::Conn& c, std::int64_t proposal_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q(kVoterIds, proposal_id)) out.push_back(r.i64(0));
  return out;
}

void record_voter(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id,
                  const std::optional<std::string>& sealed) {
  c.q(kRecordVoter, proposal_id, user_id, sealed);
}

void forget_voter(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id) {
  c.q(kForgetVoter, proposal_id, user_id);
}

std::optional<std::string> sealed_ballot_of(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id) {
  auto r = c.one(kSealedOf, proposal_id, user_id);
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<SealedBallotRow> sealed_ballots(store::Conn& c, std::int64_t proposal_id) {
  std::vector<SealedBallotRow> out;
  for (const auto& r : c.q(kSealedAll, proposal_id)) out.push_back({r.i64(0), r.text(1)});
  return out;
}

void clear_sealed_ballots(store::Conn& c, std::int64_t proposal_id) { c.q(kClearSealed, proposal_id); }

void upsert_named_ballot(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id, const std::string& choice,
                         const std::string& reason, int revision, std::int64_t at) {
  c.q(kUpsertNamed, proposal_id, user_id, choice, reason, std::int64_t{revision}, at);
}

namespace {
NamedBallotRow named_from(const store::Row& r) {
  return NamedBallotRow{r.opt_i64(0), r.text(1), r.text(2), static_cast<int>(r.i64(3)), r.i64(4)};
}
}  // namespace

std::optional<NamedBallotRow> named_ballot_of(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id) {
  auto r = c.one(kNamedOf, proposal_id, user_id);
  if (!r) return std::nullopt;
  return named_from(*r);
}

std::vector<NamedBallotRow> named_ballots(store::Conn& c, std::int64_t proposal_id) {
  std::vector<NamedBallotRow> out;
  for (const auto& r : c.q(kNamedAll, proposal_id)) out.push_back(named_from(r));
  return out;
}

void insert_ballot_key(store::Conn& c, std::int64_t proposal_id, const std::string& key_sealed) {
  c.q(kInsertKey, proposal_id, key_sealed);
}

std::optional<std::string> ballot_key(store::Conn& c, std::int64_t proposal_id) {
  auto r = c.one(kKey, proposal_id);
  if (!r) return std::nullopt;
  return r->text(0);
}

void delete_ballot_key(store::Conn& c, std::int64_t proposal_id) { c.q(kDeleteKey, proposal_id); }

void insert_anonymous_ballot(store::Conn& c, std::int64_t proposal_id, const AnonymousBallotRow& b) {
  c.q(kInsertAnonymous, proposal_id, b.pseudonym, b.choice, b.reason, std::int64_t{b.revision});
}

std::vector<OpenBallotRow> open_ballots(store::Conn& c, std::int64_t proposal_id) {
  std::vector<OpenBallotRow> out;
  for (const auto& r : c.q(kOpenAll, proposal_id)) out.push_back({r.text(0), r.text(1)});
  return out;
}

std::optional<std::string> open_ballot_of(store::Conn& c, std::int64_t proposal_id, const std::string& pseudonym) {
  auto r = c.one(kOpenOf, proposal_id, pseudonym);
  if (!r) return std::nullopt;
  return r->text(0);
}

void replace_open_ballots(store::Conn& c, std::int64_t proposal_id, std::vector<OpenBallotRow> rows) {
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.pseudonym < b.pseudonym; });
  c.q(kOpenDelete, proposal_id);
  for (const auto& r : rows) c.q(kOpenInsert, proposal_id, r.pseudonym, r.sealed);
}

void delete_open_ballots(store::Conn& c, std::int64_t proposal_id) { c.q(kOpenDelete, proposal_id); }

std::vector<AnonymousBallotRow> anonymous_ballots(store::Conn& c, std::int64_t proposal_id) {
  std::vector<AnonymousBallotRow> out;
  for (const auto& r : c.q(kAnonymousAll, proposal_id))
    out.push_back({r.text(0), r.text(1), r.text(2), static_cast<int>(r.i64(3))});
  return out;
}

std::vector<ProposalRow> closing_soon_unreminded(store::Conn& c, std::int64_t now, std::int64_t until) {
  return proposals_by_ids(c, c.q(kClosingSoon, now, until));
}

bool claim_reminder(store::Conn& c, std::int64_t id, std::int64_t now) {
  c.q(kClaimReminder, now, id);
  return c.changes() == 1;
}

std::vector<ProposalRow> due_unnoticed(store::Conn& c, std::int64_t now) { return proposals_by_ids(c, c.q(kDue, now)); }

bool claim_due_notice(store::Conn& c, std::int64_t id, std::int64_t now) {
  c.q(kClaimDue, now, id);
  return c.changes() == 1;
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q(kEraseProposer, user_id);
  c.q(kEraseCloser, user_id);
  c.q(kEraseOpenNamed, user_id);
  c.q(kEraseClosedNamed, user_id);
  c.q(kEraseVoters, user_id);
}

std::vector<ProposedExport> proposed_by(store::Conn& c, std::int64_t user_id) {
  std::vector<ProposedExport> out;
  for (const auto& r : c.q(kProposedBy, user_id)) out.push_back({r.i64(0), r.text(1), r.i64(2)});
  return out;
}

std::vector<AnswerExport> named_answers_of(store::Conn& c, std::int64_t user_id) {
  std::vector<AnswerExport> out;
  for (const auto& r : c.q(kNamedAnswersOf, user_id))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4)});
  return out;
}

std::vector<TookPartExport> anonymous_polls_of(store::Conn& c, std::int64_t user_id) {
  std::vector<TookPartExport> out;
  for (const auto& r : c.q(kAnonymousOf, user_id)) out.push_back({r.i64(0), r.text(1)});
  return out;
}

}  // namespace hs::decisions::repo
