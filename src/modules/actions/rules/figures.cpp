#include "modules/actions/rules/figures.hpp"

#include <algorithm>

namespace hs::actions {

namespace {

int percent(int part, int whole) { return static_cast<int>((200LL * part + whole) / (2LL * whole)); }

}  // namespace

Figures figures(const std::vector<Concern>& concerns) {
  Figures f;
  std::vector<std::int64_t> days;
  for (const auto& c : concerns) {
    ++f.concerns;
    if (!c.first_response_at) continue;
    ++f.answered;
    if (c.change) ++f.changed;
    days.push_back(std::max<std::int64_t>(0, *c.first_response_at - c.shared_at) / 86400);
  }
  std::optional<std::int64_t> median;
  if (!days.empty()) {
    std::sort(days.begin(), days.end());
    const auto n = days.size();
    median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2] + 1) / 2;
  }
  return figures_of(f.concerns, f.answered, f.changed, median);
}

Figures figures_of(int concerns, int answered, int changed, std::optional<std::int64_t> median_days) {
  Figures f;
  f.concerns = std::max(0, concerns);
  f.answered = std::clamp(answered, 0, f.concerns);
  f.changed = std::clamp(changed, 0, f.answered);
  if (f.concerns > 0) f.answered_percent = percent(f.answered, f.concerns);
  if (f.answered > 0) {
    f.changed_percent = percent(f.changed, f.answered);
    f.median_days = median_days;
  }
  return f;
}

}  // namespace hs::actions
