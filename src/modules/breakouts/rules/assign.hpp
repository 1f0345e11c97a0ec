#pragma once
// Balanced breakout groups: a pure function (no I/O). For each round of an event it places
// every person in a group so that people meet as few others twice as possible, chosen
// attributes are spread evenly, and the hard constraints hold: group size bounds, keep-apart
// pairs (safeguarding), keep-together pairs (a person and their support worker), and one
// host per group where there are enough hosts. Deterministic for a given seed.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace hs::breakouts {

struct Person {
  std::map<std::string, std::string> attributes;  // e.g. {"lived_experience": "yes"}
};

struct PlanInput {
  std::vector<Person> people;  // people are referred to by index
  int min_size = 3;
  int max_size = 4;
  int rounds = 1;
  // An exact number of groups instead of the fewest that fit the sizes (0). The sizes
  // still bound every group: with 10 people in 3 groups, pass min 3 and max 4.
  int groups = 0;
  std::vector<std::pair<int, int>> keep_apart;     // never in the same group
  std::vector<std::pair<int, int>> keep_together;  // always in the same group
  // Pairs who already shared a group before these rounds (earlier rounds of the event, or
  // the space's earlier events): meeting again counts as a repeat meeting.
  std::vector<std::pair<int, int>> met_before;
  // Attributes to spread evenly; empty means every attribute key seen except the host key.
  std::vector<std::string> spread;
  std::string host_key = "host";  // a host has attributes[host_key] == "yes"
  std::uint64_t seed = 1;
  // Work budget (deterministic: counted in swap evaluations, never in wall time).
  int restarts = 12;                       // whole-event attempts while repeats remain
  std::int64_t evaluations_per_round = 0;  // 0: chosen from the size of the problem
  bool use_design = true;                  // seed rounds from a resolvable design where one fits
  // Swap evaluations for the tabu search over the whole schedule (or the one round) when
  // planning round by round left repeats: -1 chosen from the size of the problem, 0 none.
  std::int64_t schedule_budget = -1;
};

using Groups = std::vector<std::vector<int>>;  // each group: person indices, ascending

struct Figures {
  std::int64_t repeat_meetings = 0;                // pairs in one group who shared a group in an earlier round
  std::map<std::string, double> attribute_spread;  // per attribute: max |count - even| over values, groups, rounds
  std::int64_t violations = 0;                     // hard-constraint breaches (size, apart, together, host)
};

struct Plan {
  std::vector<Groups> rounds;
  Figures figures;
};

// How many groups `people` people make with sizes in [min_size, max_size] (the fewest that
// fit), or 0 when no count fits.
int group_count(int people, int min_size, int max_size);

// Plans every round. Errors (ErrorCode::invalid): breakouts_sizes_invalid (bounds make no
// sense or no group count fits), breakouts_person_unknown (a pair names no one),
// breakouts_together_apart (a pair is both kept together and kept apart),
// breakouts_together_too_big (a keep-together chain exceeds the largest group),
// breakouts_rounds_invalid, breakouts_constraints_unmet (no plan found that keeps every hard
// constraint: the input asks for the impossible, or is very tight).
Result<Plan> plan_groups(const PlanInput& in);

// Independent checker: recomputes every figure from the rounds alone, trusting nothing from
// the optimiser.
Figures check_plan(const PlanInput& in, const std::vector<Groups>& rounds);

}  // namespace hs::breakouts
