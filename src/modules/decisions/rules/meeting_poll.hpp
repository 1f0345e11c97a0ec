#pragma once
// Finding a meeting time: each person marks every proposed time yes, if need be, or no.
// The best time has the most yes answers; among those, the most if-need-be answers.
// Every time is reported with its counts and rank; times equal on both are tied, and a
// shared best place is the outcome `tied` – the group chooses, not the software.
// "Best" is only the best of the times offered: the counts show when nobody can come.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"

namespace hs::decisions {

enum class Availability { yes, if_need_be, no };

std::optional<Availability> parse_availability(std::string_view s);
std::string_view to_string(Availability a);  // "yes", "if_need_be", "no"

// The whole ballot: an answer per time, in listed order.
struct AvailabilityBallot {
  std::vector<Availability> slots;
};

// Field: slots. Key: decisions_ballot_slot_count.
Result<void> validate_availability(const AvailabilityBallot& ballot, std::size_t slot_count);

struct SlotLine {
  std::int64_t yes = 0;
  std::int64_t if_need_be = 0;
  std::int64_t no = 0;
  int rank = 0;
  bool tied = false;
};

struct MeetingResult {
  Outcome outcome = Outcome::no_votes;  // passed, tied, no_votes or no_quorum
  std::int64_t ballots = 0;
  std::vector<SlotLine> slots;     // in listed order
  std::vector<std::size_t> order;  // best first
  std::vector<std::size_t> best;   // the time(s) ranked first
  QuorumReport quorum;
};

MeetingResult count_availability(std::span<const AvailabilityBallot> ballots, std::size_t slot_count,
                                 const Electorate& electorate);

}  // namespace hs::decisions
