#include "modules/events/rules/percentages.hpp"

#include <algorithm>
#include <numeric>

namespace hs::events {

std::vector<int> largest_remainder_percents(const std::vector<std::int64_t>& counts_in) {
  std::vector<std::int64_t> counts(counts_in.size());
  std::transform(counts_in.begin(), counts_in.end(), counts.begin(),
                 [](std::int64_t c) { return std::max<std::int64_t>(c, 0); });
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  std::vector<int> out(counts.size(), 0);
  if (total <= 0) return out;
  // Exact arithmetic: share i is counts[i] * 100 / total, remainder (counts[i] * 100) % total.
  std::int64_t given = 0;
  std::vector<std::size_t> order(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out[i] = static_cast<int>(counts[i] * 100 / total);
    given += out[i];
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto ra = counts[a] * 100 % total, rb = counts[b] * 100 % total;
    if (ra != rb) return ra > rb;
    return counts[a] > counts[b];
  });
  for (std::size_t k = 0; given < 100 && k < order.size(); ++k, ++given) ++out[order[k]];
  return out;
}

int nearest_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0 || part <= 0) return 0;
  return static_cast<int>((part * 200 + whole) / (2 * whole));
}

}  // namespace hs::events
