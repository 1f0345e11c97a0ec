#pragma once
// Ordering options by a result where more is better, with ties kept as ties: equal
// results share a rank and the next rank skips ("1, 2, 2, 4"). Nothing breaks a tie –
// not the order the options were listed in – because a tie is the honest answer.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace hs::decisions {

// What ranks by: compared first by .first, then .second; higher is better.
using RankKey = std::pair<std::int64_t, std::int64_t>;

struct Standing {
  std::vector<int> rank;           // per option, from 1
  std::vector<bool> tied;          // per option: shares its rank with another
  std::vector<std::size_t> order;  // options best first; tied ones in listed order
  std::vector<std::size_t> top;    // every option ranked 1 (empty when there are none)
};

Standing rank_options(const std::vector<RankKey>& keys);

}  // namespace hs::decisions
