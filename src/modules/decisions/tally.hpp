#pragma once
// From stored answers to a result, for any method: the method's descriptor
// (methods/descriptor.hpp) rebuilds what its rules count from (consent and consensus
// states, or plain ballots) and calls their counting function. Pure: no I/O. Answers
// that do not decode are skipped, never trusted.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "modules/decisions/ballot_codec.hpp"
#include "modules/decisions/rules/csv.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/process.hpp"
#include "modules/decisions/rules/quorum.hpp"
#include "modules/decisions/rules/settings.hpp"

namespace hs::decisions {

// An answer with whoever gave it as an opaque key (a user id in named polls, a
// pseudonym in anonymous ones) and when (0 when unknown, as for anonymous answers).
struct KeyedBallot {
  VoterKey voter;
  StoredBallot ballot;
  std::int64_t at = 0;
};

// An answer with the name of whoever gave it ("" once the account is erased), for the
// reasons shown beside named polls' results.
struct NamedAnswer {
  std::string name;
  StoredBallot ballot;
  std::int64_t at = 0;
};

// In the order of Method: the result of each method's count.
using MethodResult =
    std::variant<ConsentResult, ConsensusResult, MajorityResult, RankedResult, ScoreResult, DotResult, MeetingResult>;

struct Tally {
  Method method = Method::consent;
  Outcome outcome = Outcome::no_votes;
  QuorumReport quorum;
  MethodResult result;
};

// proposal_id feeds ranked choice's lot; options are in listed order.
Tally tally(const Settings& settings, Phase phase, std::int64_t proposal_id, std::size_t option_count,
            const std::vector<KeyedBallot>& ballots, std::int64_t eligible);

// The results as a CSV table (rules/results_csv.hpp): counts only, never ballots.
CsvTable results_table(const Tally& t, const std::vector<std::string>& options);

// Whether an objection (consent) or a block (consensus) stands in these answers.
bool objection_stands(Method m, const std::vector<KeyedBallot>& ballots);

}  // namespace hs::decisions
