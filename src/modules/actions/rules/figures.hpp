#pragma once
// The "You said, we did" figures, in the Care Opinion way. Pure.
//
// A story "raises a concern" when its author named at least one organisation it is about
// (that is what sends it to an organisation to answer); only published stories count, so
// a withdrawn story leaves the figures as it leaves every page.
#include <cstdint>
#include <optional>
#include <vector>

namespace hs::actions {

struct Concern {
  std::int64_t shared_at = 0;
  std::optional<std::int64_t> first_response_at;  // a partner's first response
  bool change = false;                            // an action raised from it has a change planned or made
};

struct Figures {
  int concerns = 0;
  int answered = 0;  // got a partner's response
  int changed = 0;   // of those answered: a change planned or made
  // Whole percentages, rounded half up; nothing when there is nothing to divide by.
  std::optional<int> answered_percent, changed_percent;
  // Median whole days from sharing to the first response, of the answered concerns
  // (an even count takes the mean of the middle two, rounded half up).
  std::optional<std::int64_t> median_days;
};

Figures figures(const std::vector<Concern>& concerns);
// The same from totals counted elsewhere (SQL aggregates): the percentages and the median
// as given. changed counts answered concerns only.
Figures figures_of(int concerns, int answered, int changed, std::optional<std::int64_t> median_days);

}  // namespace hs::actions
