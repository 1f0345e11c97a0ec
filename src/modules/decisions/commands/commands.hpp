#pragma once
// The decisions use cases. Each opens its own transaction, applies the rules, saves and
// appends to the space's decision log in the same transaction; email goes out after
// commit.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/ballot_codec.hpp"
#include "modules/decisions/form.hpp"
#include "modules/decisions/module.hpp"
#include "modules/decisions/repo.hpp"
#include "modules/decisions/tally.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::decisions::commands {

// The settings a stored proposal was opened with.
Settings settings_of(const repo::ProposalRow& p);

// Opens a general proposal in its own transaction. Returns its id.
Result<std::int64_t> open(Services& app, std::int64_t space_id, std::int64_t proposer_id, const ParsedProposal& p);

// What answering gave the person: in an anonymous poll, the ballot code their answer is
// now under (new on a first answer), for them to keep; and when the poll closes.
struct Answered {
  std::optional<std::string> code;
  std::int64_t closes_at = 0;
};

// Records or replaces the person's answer. The person must be able to vote in the space
// (checked again inside the transaction) and the proposal open. code: in anonymous
// polls, the person's ballot code, needed to change an answer (field error
// "ballot_code" without it).
Result<Answered> cast(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
                      const BallotFields& fields, const std::optional<std::string>& code = std::nullopt);
// Consent: withdraws the person's objection; they then count as consenting.
Result<Answered> withdraw_objection(Services& app, std::int64_t space_id, std::int64_t proposal_id,
                                    std::int64_t user_id, const std::string& reason,
                                    const std::optional<std::string>& code = std::nullopt);
// A ballot code the person typed, if their answer in this anonymous poll is under it
// (normalised), so that this device can remember it. Field error "ballot_code".
Result<std::string> check_code(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
                               std::string_view typed);

// Declares the outcome. statement: the closer's words on what was decided (required).
// Field errors: statement. Refusals: see policy.hpp check_close.
Result<Outcome> close(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t closer_id,
                      const std::string& statement);

// --- reading, for pages --------------------------------------------------------------

struct Loaded {
  repo::ProposalRow row;
  Settings settings;
  std::vector<std::string> options;
  bool closed = false;
  std::int64_t eligible = 0;  // now, or as fixed at closing
  std::int64_t turnout = 0;
  bool has_voted = false;               // the viewer
  std::optional<StoredBallot> mine;     // the viewer's current answer, while open
  std::optional<std::string> code;      // anonymous: the viewer's ballot code, when it opened `mine`
  std::optional<Tally> tally;           // none for an anonymous poll before closing
  std::vector<NamedAnswer> named;       // named polls: every answer, oldest first
  std::vector<StoredBallot> anonymous;  // anonymous polls after closing, in pseudonym order
  std::string proposer_name;            // "" when erased
  std::string closer_name;
  bool may_close_early = false;
  std::optional<SubjectLink> subject;  // what the decision is about, when another module opened it
};
// code: the viewer's ballot code for an anonymous poll, if their browser holds one.
std::optional<Loaded> load(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t viewer,
                           const std::optional<std::string>& code = std::nullopt);
std::vector<repo::ProposalCard> list(Services& app, std::int64_t space_id, std::int64_t viewer);
// The results as CSV text with headings from the messages.
std::string results_csv(Services& app, const Loaded& l);

// How many of the space's members can vote (members, facilitators, stewards).
std::int64_t eligible_now(store::Conn& c, std::int64_t space_id);

// Erasure and "download my data".
void erase_person(store::Conn& c, std::int64_t user_id);
std::string export_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::decisions::commands
