#include "modules/decisions/rules/ranking.hpp"

#include <algorithm>
#include <numeric>

namespace hs::decisions {

Standing rank_options(const std::vector<RankKey>& keys) {
  const std::size_t n = keys.size();
  Standing s;
  s.rank.assign(n, 0);
  s.tied.assign(n, false);
  s.order.resize(n);
  std::iota(s.order.begin(), s.order.end(), std::size_t{0});
  std::stable_sort(s.order.begin(), s.order.end(), [&](auto a, auto b) { return keys[a] > keys[b]; });
  for (std::size_t i = 0; i < n; ++i) {
    auto o = s.order[i];
    if (i > 0 && keys[s.order[i - 1]] == keys[o]) {
      s.rank[o] = s.rank[s.order[i - 1]];
      s.tied[o] = s.tied[s.order[i - 1]] = true;
    } else {
      s.rank[o] = static_cast<int>(i) + 1;
    }
    if (s.rank[o] == 1) s.top.push_back(o);
  }
  return s;
}

Outcome options_outcome(const QuorumReport& quorum, bool counted, std::size_t first_places) {
  if (!quorum.met) return Outcome::no_quorum;
  if (!counted || first_places == 0) return Outcome::no_votes;
  if (first_places > 1) return Outcome::tied;
  return Outcome::passed;
}

}  // namespace hs::decisions
