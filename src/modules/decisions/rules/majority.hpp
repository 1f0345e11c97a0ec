#pragma once
// A majority vote on the proposal: yes, no or abstain, against a threshold stated when it
// opened (threshold.hpp). Abstentions are reported and count towards the quorum, but not
// in the share: yes is compared with yes + no only. A tie (yes equals no) never passes,
// whatever the threshold.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"
#include "modules/decisions/rules/threshold.hpp"

namespace hs::decisions {

// The whole ballot: nothing about who cast it.
enum class MajorityChoice { yes, no, abstain };

std::optional<MajorityChoice> parse_majority_choice(std::string_view s);
std::string_view to_string(MajorityChoice c);  // "yes", "no", "abstain"

struct MajorityResult {
  Outcome outcome = Outcome::no_votes;
  Threshold threshold = Threshold::simple_majority;
  std::int64_t yes = 0;
  std::int64_t no = 0;
  std::int64_t abstain = 0;
  std::int64_t cast() const { return yes + no; }  // the denominator
  QuorumReport quorum;
};

// One ballot per member (see ballot.hpp).
MajorityResult count_majority(std::span<const MajorityChoice> ballots, Threshold threshold,
                              const Electorate& electorate);

}  // namespace hs::decisions
