#include "modules/events/rules/percentages.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "modules/events/rules/poll.hpp"

namespace hs::events {

namespace {
int sum(const std::vector<int>& v) { return std::accumulate(v.begin(), v.end(), 0); }
}  // namespace

TEST(Percentages, OneOfSixIsSeventeenNotSixteen) {
  auto p = largest_remainder_percents({1, 5});
  EXPECT_EQ(p, (std::vector<int>{17, 83}));
}

TEST(Percentages, ThirdsAddUpToOneHundred) {
  auto p = largest_remainder_percents({1, 1, 1});
  EXPECT_EQ(sum(p), 100);
  EXPECT_EQ(p, (std::vector<int>{34, 33, 33}));  // equal remainders: the earlier option
}

TEST(Percentages, SixEqualSixths) {
  auto p = largest_remainder_percents({1, 1, 1, 1, 1, 1});
  EXPECT_EQ(sum(p), 100);
  for (int x : p) EXPECT_TRUE(x == 16 || x == 17) << x;
}

TEST(Percentages, LargestRemainderGetsTheMissingPoints) {
  // Exact: 14.2857.., 28.5714.., 57.1428..: floors 14, 28, 57 (99); the largest remainder
  // (.5714, the second) gets the last point.
  EXPECT_EQ(largest_remainder_percents({1, 2, 4}), (std::vector<int>{14, 29, 57}));
}

TEST(Percentages, EveryShareWithinOnePointAndTotalAlways100) {
  for (std::int64_t a = 0; a <= 13; ++a)
    for (std::int64_t b = 0; b <= 13; ++b)
      for (std::int64_t c = 0; c <= 13; ++c) {
        std::vector<std::int64_t> counts{a, b, c};
        auto p = largest_remainder_percents(counts);
        const auto total = a + b + c;
        if (total == 0) {
          EXPECT_EQ(sum(p), 0);
          continue;
        }
        EXPECT_EQ(sum(p), 100) << a << " " << b << " " << c;
        for (std::size_t i = 0; i < 3; ++i) {
          const double exact = 100.0 * double(counts[i]) / double(total);
          EXPECT_LT(std::abs(p[i] - exact), 1.0) << a << " " << b << " " << c;
        }
      }
}

TEST(Percentages, NothingCountedIsAllZeros) {
  EXPECT_EQ(largest_remainder_percents({0, 0}), (std::vector<int>{0, 0}));
  EXPECT_TRUE(largest_remainder_percents({}).empty());
  EXPECT_EQ(largest_remainder_percents({-3, 1}), (std::vector<int>{0, 100}));
}

TEST(Percentages, NearestRoundsHalvesUp) {
  EXPECT_EQ(nearest_percent(1, 6), 17);
  EXPECT_EQ(nearest_percent(1, 8), 13);  // 12.5
  EXPECT_EQ(nearest_percent(1, 3), 33);
  EXPECT_EQ(nearest_percent(2, 3), 67);
  EXPECT_EQ(nearest_percent(0, 3), 0);
  EXPECT_EQ(nearest_percent(3, 0), 0);
}

TEST(Percentages, SingleChoicePollTallyAddsUpTo100) {
  std::vector<PollOption> opts{{1, "A"}, {2, "B"}};
  auto t = tally(opts, {1, 2, 2, 2, 2, 2}, 6);  // one choice each
  EXPECT_EQ(t.counts[0].percent, 17);
  EXPECT_EQ(t.counts[1].percent, 83);
}

TEST(Percentages, MultipleChoicePollTallyIsShareOfPeopleRounded) {
  std::vector<PollOption> opts{{1, "A"}, {2, "B"}, {3, "C"}};
  auto t = tally(opts, {1, 2, 1, 3, 1, 2, 3}, 6);  // 6 people, 7 ticks
  EXPECT_EQ(t.counts[0].percent, 50);
  EXPECT_EQ(t.counts[1].percent, 33);
  EXPECT_EQ(t.counts[2].percent, 33);
}

}  // namespace hs::events
