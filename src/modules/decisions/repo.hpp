#pragma once
// The only place the decisions module's SQL lives. Functions take a connection, so the
// caller decides the transaction. Rows come back as plain structs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::decisions::repo {

struct ProposalRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::optional<std::int64_t> proposer_id;
  std::string title, details, method;
  std::int64_t closes_at = 0;
  int quorum_percent = 0;
  std::string results;
  bool reasons_required = false;
  bool anonymous = false;
  std::string threshold;
  int dots_per_person = 0;
  int revision = 1;
  std::string subject_kind = "general";
  std::optional<std::int64_t> subject_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> closed_at;
  std::optional<std::int64_t> closed_by;
  std::optional<std::string> outcome;
  std::optional<std::string> outcome_statement;
  std::optional<std::int64_t> eligible;
  std::optional<std::int64_t> turnout;
  bool closed_early = false;
};

struct ProposalCard {
  std::int64_t id = 0;
  std::string title, method;
  std::int64_t closes_at = 0;
  std::optional<std::int64_t> closed_at;
  std::optional<std::string> outcome;
  bool anonymous = false;
  std::int64_t answered = 0;
  bool i_answered = false;
};

struct NamedBallotRow {
  std::optional<std::int64_t> user_id;  // none once the account is erased
  std::string choice, reason;
  int revision = 1;
  std::int64_t cast_at = 0;
};

struct AnonymousBallotRow {
  std::string pseudonym, choice, reason;
  int revision = 1;
};

// Before migration 0009: an open anonymous poll's answer sealed in the turnout row.
struct SealedBallotRow {
  std::int64_t user_id = 0;
  std::string sealed;
};

// An open anonymous poll's answer: under a pseudonym only its giver can compute.
struct OpenBallotRow {
  std::string pseudonym;
  std::string sealed;
};

// Proposals
std::int64_t insert_proposal(store::Conn& c, const ProposalRow& p);
void insert_option(store::Conn& c, std::int64_t proposal_id, std::int64_t position, const std::string& label);
std::optional<ProposalRow> proposal(store::Conn& c, std::int64_t space_id, std::int64_t id);
std::optional<ProposalRow> proposal_by_id(store::Conn& c, std::int64_t id);
std::vector<std::string> options(store::Conn& c, std::int64_t proposal_id);
// Newest first; i_answered for this viewer.
std::vector<ProposalCard> proposals_in_space(store::Conn& c, std::int64_t space_id, std::int64_t viewer);
// The ids and titles of the space's proposals among these ids (a page's worth), in one read.
std::vector<std::pair<std::int64_t, std::string>> proposal_titles(store::Conn& c, std::int64_t space_id,
                                                                  const std::vector<std::int64_t>& ids);
// Takes the proposal's row lock while it is open; false once it has closed.
bool lock_open(store::Conn& c, std::int64_t id);
void close_proposal(store::Conn& c, const ProposalRow& closed);

// Turnout (both kinds of poll)
bool has_voted(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id);
std::int64_t voter_count(store::Conn& c, std::int64_t proposal_id);
// sealed: the padded, sealed answer of an anonymous poll; nothing for named polls.
void record_voter(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id,
                  const std::optional<std::string>& sealed);
// Takes back a turnout row (an answer undone, see cast_vote.cpp).
void forget_voter(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id);
std::optional<std::string> sealed_ballot_of(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id);
std::vector<SealedBallotRow> sealed_ballots(store::Conn& c, std::int64_t proposal_id);
void clear_sealed_ballots(store::Conn& c, std::int64_t proposal_id);
std::vector<std::int64_t> voter_ids(store::Conn& c, std::int64_t proposal_id);

// Named polls
void upsert_named_ballot(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id, const std::string& choice,
                         const std::string& reason, int revision, std::int64_t at);
std::optional<NamedBallotRow> named_ballot_of(store::Conn& c, std::int64_t proposal_id, std::int64_t user_id);
std::vector<NamedBallotRow> named_ballots(store::Conn& c, std::int64_t proposal_id);

// Anonymous polls
void insert_ballot_key(store::Conn& c, std::int64_t proposal_id, const std::string& key_sealed);
std::optional<std::string> ballot_key(store::Conn& c, std::int64_t proposal_id);
void delete_ballot_key(store::Conn& c, std::int64_t proposal_id);
void insert_anonymous_ballot(store::Conn& c, std::int64_t proposal_id, const AnonymousBallotRow& b);
// Open anonymous polls: all of a proposal's answers in pseudonym order; one of them;
// and a rewrite of all of them at once (delete, then insert in pseudonym order).
std::vector<OpenBallotRow> open_ballots(store::Conn& c, std::int64_t proposal_id);
std::optional<std::string> open_ballot_of(store::Conn& c, std::int64_t proposal_id, const std::string& pseudonym);
void replace_open_ballots(store::Conn& c, std::int64_t proposal_id, std::vector<OpenBallotRow> rows);
void delete_open_ballots(store::Conn& c, std::int64_t proposal_id);
// The tables that hold links or copies to scrub after an anonymous answer or closing.
inline constexpr std::string_view kAnonymityTables[] = {"decision_open_ballots", "decision_voters",
                                                        "decision_ballot_keys"};
std::vector<AnonymousBallotRow> anonymous_ballots(store::Conn& c, std::int64_t proposal_id);

// Reminder sweep. Each claim is a conditional update: true for the one caller that
// made it, so two servers sweeping at once send one email.
std::vector<ProposalRow> closing_soon_unreminded(store::Conn& c, std::int64_t now, std::int64_t until);
bool claim_reminder(store::Conn& c, std::int64_t id, std::int64_t now);
std::vector<ProposalRow> due_unnoticed(store::Conn& c, std::int64_t now);
bool claim_due_notice(store::Conn& c, std::int64_t id, std::int64_t now);

// Erasure and export
// Open proposals lose the person's answers (they are no longer there to hold them);
// closed ones keep named answers without the person, so results stay as declared.
void erase_person(store::Conn& c, std::int64_t user_id);
struct ProposedExport {
  std::int64_t space_id = 0;
  std::string title;
  std::int64_t created_at = 0;
};
struct AnswerExport {
  std::int64_t space_id = 0;
  std::string title, choice, reason;
  std::int64_t cast_at = 0;
};
struct TookPartExport {
  std::int64_t space_id = 0;
  std::string title;
};
std::vector<ProposedExport> proposed_by(store::Conn& c, std::int64_t user_id);
std::vector<AnswerExport> named_answers_of(store::Conn& c, std::int64_t user_id);
std::vector<TookPartExport> anonymous_polls_of(store::Conn& c, std::int64_t user_id);

}  // namespace hs::decisions::repo
