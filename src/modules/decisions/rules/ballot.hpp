#pragma once
// One member, one vote, and people may change their mind until closing.
//
// The counting functions (majority.hpp, ranked_choice.hpp, score.hpp, ...) take ballots
// alone: a ballot type holds what was chosen and nothing else – no voter, no role, no
// weight – so no role can count for more and a count can never reveal who voted how.
// Getting from stored casts to "one ballot per person" happens here, before counting:
//
//   named poll:      store every cast with the member's VoterKey; latest_per_voter()
//                    keeps each person's last cast before closing and drops the keys.
//   anonymous poll:  the store keeps one ballot per per-poll pseudonym (overwritten on
//                    change), so the command hands the count a plain list of ballots and
//                    no member id ever reaches the counting path.
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hs::decisions {

// Whoever cast a ballot, as an opaque text that is the same for one person within one
// proposal: a member id for named polls, a per-proposal pseudonym for anonymous ones.
struct VoterKey {
  std::string value;
  auto operator<=>(const VoterKey&) const = default;
};

template <class B>
struct Cast {
  VoterKey voter;
  std::int64_t cast_at = 0;   // unix seconds
  std::int64_t sequence = 0;  // store order, to tell apart casts in the same second
  B ballot;
};

// Each person's latest ballot cast before closes_at, without who cast it. Later casts
// win; casts at or after closing are ignored. The order of the result is by voter key and
// carries no meaning; every count gives the same answer in any order.
template <class B>
std::vector<B> latest_per_voter(const std::vector<Cast<B>>& casts, std::int64_t closes_at) {
  std::map<VoterKey, const Cast<B>*> latest;
  for (const auto& c : casts) {
    if (c.cast_at >= closes_at) continue;
    auto [it, inserted] = latest.try_emplace(c.voter, &c);
    if (!inserted && std::pair(c.cast_at, c.sequence) > std::pair(it->second->cast_at, it->second->sequence))
      it->second = &c;
  }
  std::vector<B> out;
  out.reserve(latest.size());
  for (const auto& [voter, c] : latest) out.push_back(c->ballot);
  return out;
}

}  // namespace hs::decisions
