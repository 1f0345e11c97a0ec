#pragma once
// Whole-number percentages that people can add up. Pure.
#include <cstdint>
#include <vector>

namespace hs::events {

// Each count as a whole percentage of their sum, by the largest-remainder method: every
// share is first rounded down, then the points still missing to reach 100 go one each to
// the shares that lost the most in rounding (ties: the larger count, then the earlier
// one). So they always add up to exactly 100, and no share is more than one point from
// its exact value: 1 of 6 shows 17, not 16. All zeros when the sum is 0; a negative count
// is taken as 0.
std::vector<int> largest_remainder_percents(const std::vector<std::int64_t>& counts);

// part of whole, rounded to the nearest whole percentage (halves up); 0 when whole <= 0.
// For shares that are not parts of one whole, such as a multiple-choice poll's options,
// each a share of the people who answered.
int nearest_percent(std::int64_t part, std::int64_t whole);

}  // namespace hs::events
