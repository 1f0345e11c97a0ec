#pragma once
// The share of yes votes a majority vote needs, stated when the proposal opens.
//
// The share is of votes cast: yes and no. Abstentions are reported beside the result but
// are not in the denominator, so abstaining never works as a hidden "no".
//   simple_majority  yes is MORE than half of yes + no (so a tie fails)
//   two_thirds       yes is AT LEAST two-thirds of yes + no (6 of 9 passes)
//   three_quarters   yes is AT LEAST three-quarters of yes + no (3 of 4 passes)
// Nothing passes when no yes or no vote was cast. Arithmetic is on whole numbers, so an
// exact two-thirds is never lost to rounding.
#include <cstdint>
#include <optional>
#include <string_view>

namespace hs::decisions {

enum class Threshold { simple_majority, two_thirds, three_quarters };

inline constexpr Threshold kAllThresholds[] = {Threshold::simple_majority, Threshold::two_thirds,
                                               Threshold::three_quarters};

std::optional<Threshold> parse_threshold(std::string_view s);
std::string_view to_string(Threshold t);  // "simple_majority", "two_thirds", "three_quarters"
std::string_view name_key(Threshold t);   // decisions_threshold_<name>

bool threshold_met(Threshold t, std::int64_t yes, std::int64_t no);

}  // namespace hs::decisions
