#pragma once
// Statistical disclosure control for counts of people, as Public Health Scotland publishes
// them: a count from 1 to 4 is shown as "fewer than 5" (primary suppression), and more
// cells are hidden (secondary suppression) so that no hidden count can be worked out from
// what is published with it. Pure.
//
// A table is counts by row (an answer to a question) and column (a group: one space, or
// each event of it); it is published with its row totals (when it has more than one
// column), its column totals (when it has more than one row) and its grand total. A hidden cell could be worked out:
//  - by solving the linear system those totals make (a row or column with one hidden cell
//    gives it away; so can a chain of them); or
//  - from bounds: hidden primaries are known to be 1 to 4, so two of them in a line that
//    add up to 2 must both be 1.
// suppress() hides more cells until neither works for any of them.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hs::equity {

inline constexpr std::int64_t kSmallest = 5;  // counts from 1 to kSmallest - 1 are hidden

struct Table {
  std::size_t rows = 0, cols = 1;
  std::vector<std::int64_t> counts;  // row-major, rows * cols
  std::int64_t at(std::size_t r, std::size_t c) const { return counts[r * cols + c]; }
};

struct Shown {
  std::int64_t count = 0;
  bool hidden = false;   // shown as "fewer than 5" (primary) or as hidden (secondary)
  bool primary = false;  // 1 to 4
};

// Each cell as it may be published beside the table's totals (row-major, like counts).
// Zeros are shown (an answer nobody gave discloses nobody) unless a zero beside a hidden
// cell would give it away. Secondary cells are chosen smallest first, so as little as
// possible is hidden.
std::vector<Shown> suppress(const Table& t);

// Whether the table may be published as suppress() left it: no hidden cell follows from
// the totals, by the linear system or by the bounds. False only when hiding everything
// still leaves one to deduce (every answer was given by 1 to 4 people, say 4, 4 and 4 of
// 12): the report then says the question's answers are too few to show.
bool publishable(const Table& t, const std::vector<Shown>& cells);

// For each cell: whether it is hidden and yet the published totals determine it (the
// linear system's row space holds that cell alone). For tests and as a last check.
std::vector<bool> linearly_recoverable(const Table& t, const std::vector<Shown>& cells);

}  // namespace hs::equity
