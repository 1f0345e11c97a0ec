#pragma once
// Whether enough members took part for a decision to count.
//
// required = ceil(percent × eligible / 100): with 10 members and a 25 % quorum, 3 must
// take part (2.5 rounds up), never 2. Turnout is the number of members who took part in
// any way, abstaining included – abstaining is taking part. A quorum of 0 % is always
// met; with no eligible members nothing is required.
#include <cstdint>

namespace hs::decisions {

inline constexpr int kQuorumMax = 100;

// Who could take part and how many must: the two numbers a count needs besides ballots.
struct Electorate {
  std::int64_t eligible = 0;  // members entitled to take part when counting
  int quorum_percent = 0;     // 0..100
};

struct QuorumReport {
  int percent = 0;
  std::int64_t eligible = 0;
  std::int64_t required = 0;
  std::int64_t turnout = 0;
  bool met = true;
};

// A percent outside 0..100 (which validate_settings refuses) is clamped, never trusted.
QuorumReport check_quorum(const Electorate& electorate, std::int64_t turnout);

}  // namespace hs::decisions
