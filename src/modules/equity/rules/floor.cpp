#include "modules/equity/rules/floor.hpp"

#include <algorithm>
#include <functional>

namespace hs::equity {

const std::vector<std::int64_t>& band_floors() {
  static const std::vector<std::int64_t> floors = {0, 1, 2, 4, 8};
  return floors;
}

Spread spread_of(std::vector<std::int64_t> counts) {
  Spread s;
  s.present = static_cast<std::int64_t>(counts.size());
  s.bands.assign(band_floors().size(), 0);
  for (auto n : counts) {
    const auto c = std::max<std::int64_t>(0, n);
    s.contributions += c;
    s.contributed += c > 0;
    std::size_t band = 0;
    for (std::size_t b = 0; b < band_floors().size(); ++b)
      if (c >= band_floors()[b]) band = b;
    ++s.bands[band];
  }
  // The most active fifth: a fifth of those present, rounded up (one of four people).
  s.top_fifth_people = static_cast<std::int64_t>((counts.size() + 4) / 5);
  if (s.contributions > 0 && !counts.empty()) {
    const auto fifth = static_cast<std::size_t>(s.top_fifth_people);
    std::partial_sort(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(fifth), counts.end(),
                      std::greater<>());
    std::int64_t top = 0;
    for (std::size_t i = 0; i < fifth; ++i) top += std::max<std::int64_t>(0, counts[i]);
    s.top_fifth_percent = static_cast<int>((top * 100 + s.contributions / 2) / s.contributions);
  }
  return s;
}

std::vector<Hand> queue_order(std::vector<Hand> hands, bool progressive) {
  std::stable_sort(hands.begin(), hands.end(), [progressive](const Hand& a, const Hand& b) {
    if (progressive) {
      // Talk time first: one long turn is more of the floor than two short ones.
      if (a.spoken_seconds != b.spoken_seconds) return a.spoken_seconds < b.spoken_seconds;
      if (a.turns != b.turns) return a.turns < b.turns;
    }
    if (a.raised_at != b.raised_at) return a.raised_at < b.raised_at;
    return a.participant_id < b.participant_id;
  });
  return hands;
}

std::int64_t next_in_round(const std::vector<std::int64_t>& order, const std::vector<std::int64_t>& done) {
  for (auto id : order)
    if (std::find(done.begin(), done.end(), id) == done.end()) return id;
  return 0;
}

SpreadSummary summary_of(const Spread& s) { return {s.contributed, s.present, s.top_fifth_percent}; }

}  // namespace hs::equity
