#include "modules/decisions/rules/threshold.hpp"

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

std::optional<Threshold> parse_threshold(std::string_view s) {
  for (auto t : kAllThresholds)
    if (to_string(t) == s) return t;
  return std::nullopt;
}

std::string_view to_string(Threshold t) {
  switch (t) {
    case Threshold::simple_majority: return "simple_majority";
    case Threshold::two_thirds: return "two_thirds";
    case Threshold::three_quarters: return "three_quarters";
  }
  return "simple_majority";
}

std::string_view name_key(Threshold t) {
  switch (t) {
    case Threshold::simple_majority: return keys::kThresholdSimpleMajority;
    case Threshold::two_thirds: return keys::kThresholdTwoThirds;
    case Threshold::three_quarters: return keys::kThresholdThreeQuarters;
  }
  return keys::kThresholdSimpleMajority;
}

bool threshold_met(Threshold t, std::int64_t yes, std::int64_t no) {
  if (yes <= 0 || no < 0) return false;
  const std::int64_t cast = yes + no;
  switch (t) {
    case Threshold::simple_majority: return 2 * yes > cast;
    case Threshold::two_thirds: return 3 * yes >= 2 * cast;
    case Threshold::three_quarters: return 4 * yes >= 3 * cast;
  }
  return false;
}

}  // namespace hs::decisions
