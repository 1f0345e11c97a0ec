#pragma once
// Dot voting: each person has the same number of dots (fixed when the proposal opens) to
// spread across the options as they like – all on one, or a few on several. Options are
// ordered by dots received; equal totals are ties, and a shared top place is `tied`.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"

namespace hs::decisions {

// The whole ballot: dots per option, in listed order.
struct DotBallot {
  std::vector<std::int64_t> dots;
};

// Field: dots. A number for every option, none below zero, at least one dot placed, and
// no more in total than dots_per_person. Keys: decisions_ballot_dots_count, _negative,
// _none, _over.
Result<void> validate_dots(const DotBallot& ballot, std::size_t option_count, int dots_per_person);

struct DotLine {
  std::int64_t dots = 0;
  int rank = 0;
  bool tied = false;
};

struct DotResult {
  Outcome outcome = Outcome::no_votes;  // passed, tied, no_votes or no_quorum
  std::int64_t ballots = 0;
  std::int64_t dots_placed = 0;
  std::vector<DotLine> options;    // in listed order
  std::vector<std::size_t> order;  // most dots first
  std::vector<std::size_t> top;
  QuorumReport quorum;
};

// Ballots that fail validate_dots (never stored) are skipped, but still count as turnout.
DotResult count_dots(std::span<const DotBallot> ballots, std::size_t option_count, int dots_per_person,
                     const Electorate& electorate);

}  // namespace hs::decisions
