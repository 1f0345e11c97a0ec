// Small counts hidden so that nobody can be picked out: counts of 1 to 4 hidden, and more
// cells hidden until no hidden count follows from the published totals, by the linear
// system they make or by the bounds a hidden count is known to lie in.
#include "modules/equity/rules/suppression.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

namespace hs::equity {
namespace {

Table column(std::vector<std::int64_t> counts) { return Table{counts.size(), 1, std::move(counts)}; }

std::vector<bool> hidden_of(const std::vector<Shown>& cells) {
  std::vector<bool> out;
  for (const auto& c : cells) out.push_back(c.hidden);
  return out;
}

TEST(EquitySuppression, SmallCountsAreHiddenAndZerosShown) {
  auto cells = suppress(column({12, 0, 3, 20, 7}));
  EXPECT_EQ(hidden_of(cells), (std::vector<bool>{false, false, true, false, true}));
  EXPECT_TRUE(cells[2].primary);
  EXPECT_FALSE(cells[4].primary);  // 7, hidden so that 3 is not the total less the rest
}

TEST(EquitySuppression, NothingSmallHidesNothing) {
  auto cells = suppress(column({12, 0, 5, 20}));
  EXPECT_EQ(hidden_of(cells), (std::vector<bool>{false, false, false, false}));
}

TEST(EquitySuppression, TwoOnesThatAddUpToTwoAreNotLeftAlone) {
  // Hidden 1 and 1 beside a total that leaves 2 for them: each must be 1. A third goes.
  auto cells = suppress(column({1, 1, 30, 40}));
  EXPECT_EQ(hidden_of(cells), (std::vector<bool>{true, true, true, false}));
  // 4 and 4 leave 8, the most two primaries can be: the same.
  cells = suppress(column({4, 4, 30, 40}));
  EXPECT_EQ(hidden_of(cells), (std::vector<bool>{true, true, true, false}));
  // 1 and 3 leave 4: either could be 1, 2 or 3. Enough.
  cells = suppress(column({1, 3, 30, 40}));
  EXPECT_EQ(hidden_of(cells), (std::vector<bool>{true, true, false, false}));
}

TEST(EquitySuppression, ATableOfOnlySmallCountsIsWithheld) {
  Table t = column({4, 4, 4});
  EXPECT_FALSE(publishable(t, suppress(t)));
  t = column({4, 3, 4});  // 11: 4, 3 and 4 or 4, 4 and 3 or ...
  EXPECT_TRUE(publishable(t, suppress(t)));
}

TEST(EquitySuppression, ATwoWayTableHidesAcrossRowsAndColumns) {
  // Rows are answers, columns two events.
  Table t{3, 2, {2, 10, 9, 11, 8, 12}};
  auto cells = suppress(t);
  EXPECT_TRUE(cells[0].hidden);
  for (bool known : linearly_recoverable(t, cells)) EXPECT_FALSE(known);
}

// For a one-column table: every way the hidden cells could be filled in that agrees with the
// published total, a hidden primary being 1 to 4 and a hidden secondary anything from 0;
// a cell is given away when only one value of it is possible.
std::vector<bool> given_away_by_bounds(const Table& t, const std::vector<Shown>& cells) {
  std::int64_t total = 0, shown = 0;
  std::vector<std::size_t> hidden;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    total += t.counts[k];
    if (cells[k].hidden) hidden.push_back(k);
    else shown += t.counts[k];
  }
  const std::int64_t sum = total - shown;
  std::vector<std::set<std::int64_t>> seen(hidden.size());
  std::vector<std::int64_t> value(hidden.size());
  std::function<void(std::size_t, std::int64_t)> fill = [&](std::size_t i, std::int64_t left) {
    if (i == hidden.size()) {
      if (left == 0)
        for (std::size_t j = 0; j < hidden.size(); ++j) seen[j].insert(value[j]);
      return;
    }
    const bool primary = cells[hidden[i]].primary;
    for (std::int64_t v = primary ? 1 : 0; v <= (primary ? kSmallest - 1 : left); ++v) {
      value[i] = v;
      fill(i + 1, left - v);
    }
  };
  fill(0, sum);
  std::vector<bool> out(cells.size(), false);
  for (std::size_t j = 0; j < hidden.size(); ++j) out[hidden[j]] = seen[j].size() <= 1;
  return out;
}

// Every small table we can think of, at random: whatever suppress() publishes, no hidden
// cell is determined by the row, column and grand totals.
TEST(EquitySuppression, NoHiddenCellFollowsFromTheTotalsOnRandomTables) {
  std::mt19937 rng(15);
  std::uniform_int_distribution<int> dim(1, 5), small(0, 6), big(0, 40);
  int checked = 0, with_hidden = 0, withheld = 0;
  for (int i = 0; i < 20000; ++i) {
    Table t;
    t.rows = static_cast<std::size_t>(dim(rng));
    t.cols = static_cast<std::size_t>(std::uniform_int_distribution<int>(1, 4)(rng));
    std::int64_t total = 0;
    for (std::size_t k = 0; k < t.rows * t.cols; ++k) {
      const std::int64_t n = (rng() % 3 == 0) ? big(rng) : small(rng);
      t.counts.push_back(n);
      total += n;
    }
    if (total < 10) continue;  // reports are refused under 10 people
    ++checked;
    auto cells = suppress(t);
    bool any = false;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (t.counts[k] > 0 && t.counts[k] < kSmallest) {
        EXPECT_TRUE(cells[k].hidden) << "cell " << k;
      }
      any = any || cells[k].hidden;
    }
    with_hidden += any;
    if (!publishable(t, cells)) {
      ++withheld;
      continue;  // the report says these answers are too few to show
    }
    auto known = linearly_recoverable(t, cells);
    for (std::size_t k = 0; k < cells.size(); ++k)
      ASSERT_FALSE(known[k]) << "table " << i << " (" << t.rows << "x" << t.cols << ") cell " << k
                             << " follows from the totals";
    if (t.cols == 1) {
      auto bounded = given_away_by_bounds(t, cells);
      for (std::size_t k = 0; k < cells.size(); ++k)
        ASSERT_FALSE(bounded[k]) << "table " << i << " cell " << k << " follows from the bounds: " << [&] {
          std::string d;
          for (std::size_t m = 0; m < cells.size(); ++m)
            d += std::to_string(t.counts[m]) + (cells[m].hidden ? (cells[m].primary ? "p " : "s ") : " ");
          return d;
        }();
    }
  }
  EXPECT_GT(checked, 10000);
  EXPECT_GT(with_hidden, 5000);
  // Random tables here are mostly small counts; even so, few are withheld whole.
  EXPECT_LT(withheld, checked / 20) << "withheld " << withheld << " of " << checked;
}

}  // namespace
}  // namespace hs::equity
