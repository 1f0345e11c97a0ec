#pragma once
// Ranked choice by instant runoff. The rule, as every ranked-choice page states it
// (keys in order: method.hpp rule_keys(Method::ranked_choice)):
//
//  1. Count (decisions_rule_ranked_count): each ballot counts for the option it ranks
//     highest among those still in the count.
//  2. Win (decisions_rule_ranked_majority): an option with MORE than half of the ballots
//     still counting this round wins (majority = floor(continuing / 2) + 1).
//  3. Exhausted ballots (decisions_rule_ranked_exhausted): a ballot that ranks no option
//     still in the count is set aside for the rest of the count. It is reported each
//     round (cumulative) and is not in the "half" – the majority is of continuing
//     ballots only, recomputed every round.
//  4. Otherwise (decisions_rule_ranked_eliminate) the option with fewest votes leaves
//     the count and the next round begins. One option leaves per round, so every step
//     is visible.
//  5. A tie for fewest (decisions_rule_ranked_tie_earlier_round): look at the earlier
//     rounds, starting from round 1 (first preferences) and moving forward; in the
//     earliest round where the tied options' votes differ, whichever of them had fewest
//     leaves. When that narrows a tie of three or more down without settling it, the
//     rest are compared in the following rounds the same way.
//  6. Still tied (decisions_rule_ranked_tie_lot): a lot anyone can repeat. Each tied
//     option's lot is the SHA-256, in lower-case hex, of the text
//     "<proposal id>:<round>:<option position>" (position counted from 1 in the order
//     the options are listed, e.g. "42:3:2"); the option with the lowest lot leaves.
//     The proposal id fixes the lot before anyone votes.
//  A tie between the last two options is a tie for fewest like any other. When no
//  ballot is left counting, there is no winner (no_votes).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"

namespace hs::decisions {

// The whole ballot: option positions (0-based, as listed), most preferred first. A person
// need not rank every option.
struct RankedBallot {
  std::vector<std::size_t> ranking;
};

// Field: ranking. Keys: decisions_ballot_rank_empty, _unknown_option, _duplicate.
Result<void> validate_ranked(const RankedBallot& ballot, std::size_t option_count);

enum class TieBreak { none, earlier_round, lot };
std::string_view to_string(TieBreak t);  // "none", "earlier_round", "lot"

struct RankedRound {
  int number = 1;
  std::vector<std::int64_t> votes;      // per option; 0 for options out of the count
  std::vector<bool> continuing;         // options in the count this round
  std::int64_t continuing_ballots = 0;  // ballots counting for some option
  std::int64_t exhausted = 0;           // ballots set aside so far
  std::int64_t majority = 0;            // votes needed to win this round
  std::optional<std::size_t> winner;
  std::optional<std::size_t> eliminated;
  std::vector<std::size_t> tied;        // options tied for fewest, when there was a tie
  TieBreak tie_break = TieBreak::none;  // how `eliminated` was chosen among `tied`
  int tie_break_round = 0;              // earlier_round: the round that settled it
};

struct RankedResult {
  Outcome outcome = Outcome::no_votes;  // passed, no_votes or no_quorum
  std::size_t options = 0;
  std::int64_t ballots = 0;           // turnout
  std::vector<RankedRound> rounds;    // always at least one when there are options
  std::optional<std::size_t> winner;  // only when passed
  std::optional<std::size_t> leader;  // the count's winner even without a quorum
  QuorumReport quorum;
};

// One ballot per member (see ballot.hpp). Ballots are validated before they are stored;
// should an invalid one arrive, unknown and repeated positions are skipped rather than
// trusted. The answer does not depend on the order of the ballots.
RankedResult count_ranked(std::span<const RankedBallot> ballots, std::size_t option_count, std::int64_t proposal_id,
                          const Electorate& electorate);

// The lot of rule 6, for showing on the page and for anyone repeating it.
std::string ranked_lot(std::int64_t proposal_id, int round, std::size_t option);

}  // namespace hs::decisions
