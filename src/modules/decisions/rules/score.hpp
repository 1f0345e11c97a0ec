#pragma once
// Score voting: each person gives every option a whole number from 0 to 5. Options are
// ordered by total score; the mean (total ÷ ballots) is shown beside it. Because every
// ballot scores every option, ordering by total and by mean agree. Equal totals are
// reported as ties, and a shared top place is the outcome `tied`, not a hidden pick.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"

namespace hs::decisions {

inline constexpr int kScoreMin = 0;
inline constexpr int kScoreMax = 5;

// The whole ballot: a score per option, in listed order.
struct ScoreBallot {
  std::vector<int> scores;
};

// Field: scores. Keys: decisions_ballot_score_count, decisions_ballot_score_range.
Result<void> validate_score(const ScoreBallot& ballot, std::size_t option_count);

struct ScoreLine {
  std::int64_t sum = 0;
  std::int64_t ballots = 0;  // ballots that scored this option
  int rank = 0;
  bool tied = false;
  std::string mean() const;  // "3.25": two decimals, halves rounded up, "0.00" with no ballots
};

struct ScoreResult {
  Outcome outcome = Outcome::no_votes;  // passed, tied, no_votes or no_quorum
  std::int64_t ballots = 0;
  std::vector<ScoreLine> options;  // in listed order
  std::vector<std::size_t> order;  // best first
  std::vector<std::size_t> top;    // the option(s) ranked first
  QuorumReport quorum;
};

ScoreResult count_score(std::span<const ScoreBallot> ballots, std::size_t option_count, const Electorate& electorate);

// sum ÷ count with two decimals, rounding halves up, in whole-number arithmetic so the
// text is the same on every machine.
std::string format_mean(std::int64_t sum, std::int64_t count);

}  // namespace hs::decisions
