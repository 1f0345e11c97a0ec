#pragma once
// Ordering options by a result where more is better, with ties kept as ties: equal
// results share a rank and the next rank skips ("1, 2, 2, 4"). Nothing breaks a tie –
// not the order the options were listed in – because a tie is the honest answer.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"

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

// Choosing among options (score, dot vote, meeting poll): no_quorum first; no_votes when
// nothing was counted or there is no option; a shared first place is tied; else passed.
Outcome options_outcome(const QuorumReport& quorum, bool counted, std::size_t first_places);

// Finishes a count of options: ranks `lines` by key(line) – setting each line's rank and
// tied, and r.order best first – and returns the option(s) ranked first; sets r.quorum
// from r.ballots and r.outcome (`counted`: whether anything was counted).
template <class R, class Line, class Key>
std::vector<std::size_t> finish_ranking(R& r, std::vector<Line>& lines, Key key, bool counted,
                                        const Electorate& electorate) {
  std::vector<RankKey> keys;
  for (const auto& line : lines) keys.push_back(key(line));
  auto standing = rank_options(keys);
  for (std::size_t o = 0; o < lines.size(); ++o) {
    lines[o].rank = standing.rank[o];
    lines[o].tied = standing.tied[o];
  }
  r.order = std::move(standing.order);
  r.quorum = check_quorum(electorate, r.ballots);
  r.outcome = options_outcome(r.quorum, counted, standing.top.size());
  return std::move(standing.top);
}

}  // namespace hs::decisions
