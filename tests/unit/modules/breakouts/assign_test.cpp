#include "modules/breakouts/rules/assign.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>

using namespace hs::breakouts;

namespace {

PlanInput people(int n, int lo, int hi, int rounds, std::uint64_t seed = 1) {
  PlanInput in;
  in.people.resize(n);
  in.min_size = lo;
  in.max_size = hi;
  in.rounds = rounds;
  in.seed = seed;
  return in;
}

int group_with(const Groups& groups, int p) {
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (std::find(groups[g].begin(), groups[g].end(), p) != groups[g].end()) return static_cast<int>(g);
  return -1;
}

}  // namespace

TEST(BreakoutsGroupCount, FewestGroupsThatFit) {
  EXPECT_EQ(group_count(10, 3, 4), 3);
  EXPECT_EQ(group_count(32, 4, 4), 8);
  EXPECT_EQ(group_count(9, 3, 3), 3);
  EXPECT_EQ(group_count(10, 4, 4), 0);  // 10 people cannot make groups of exactly 4
  EXPECT_EQ(group_count(5, 6, 8), 0);
  EXPECT_EQ(group_count(0, 1, 2), 0);
  EXPECT_EQ(group_count(5, 3, 2), 0);
}

TEST(BreakoutsPlan, NinePeopleInThreesMeetNoOneTwiceOverFourRounds) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto plan = plan_groups(people(9, 3, 3, 4, seed));
    ASSERT_TRUE(plan) << plan.error().message_key;
    EXPECT_EQ(plan->figures.repeat_meetings, 0) << "seed " << seed;
    EXPECT_EQ(plan->figures.violations, 0);
    // and each pair of the 36 met exactly once
    std::set<std::pair<int, int>> met;
    for (const auto& groups : plan->rounds)
      for (const auto& g : groups)
        for (int a : g)
          for (int b : g)
            if (a < b) {
              EXPECT_TRUE(met.emplace(a, b).second);
            }
    EXPECT_EQ(met.size(), 36u);
  }
}

TEST(BreakoutsPlan, ThirtyTwoInFoursMeetNoOneTwiceOverEightRoundsWithinASecond) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    auto start = std::chrono::steady_clock::now();
    auto plan = plan_groups(people(32, 4, 4, 8, seed));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->figures.repeat_meetings, 0);
    EXPECT_LT(seconds, 1.0);
  }
  // and nine rounds too (the design plus its rows)
  auto nine = plan_groups(people(32, 4, 4, 9, 3));
  ASSERT_TRUE(nine);
  EXPECT_EQ(nine->figures.repeat_meetings, 0);
}

TEST(BreakoutsPlan, LeftoverPeopleArePlacedWithinBounds) {
  for (int n : {10, 11, 13, 17, 23}) {
    auto plan = plan_groups(people(n, 3, 4, 3));
    ASSERT_TRUE(plan) << n;
    for (const auto& groups : plan->rounds) {
      std::set<int> seen;
      for (const auto& g : groups) {
        EXPECT_GE(g.size(), 3u);
        EXPECT_LE(g.size(), 4u);
        seen.insert(g.begin(), g.end());
      }
      EXPECT_EQ(static_cast<int>(seen.size()), n);  // nobody dropped
    }
    EXPECT_EQ(plan->figures.violations, 0);
  }
}

TEST(BreakoutsPlan, ImpossibleSizesAreAnError) {
  auto plan = plan_groups(people(10, 4, 4, 1));
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message_key, "breakouts_sizes_invalid");
  auto rounds = plan_groups(people(10, 3, 4, 0));
  ASSERT_FALSE(rounds);
  EXPECT_EQ(rounds.error().message_key, "breakouts_rounds_invalid");
}

TEST(BreakoutsPlan, ContradictoryPairsAreAnError) {
  auto in = people(8, 2, 4, 1);
  in.keep_together = {{0, 1}, {1, 2}};
  in.keep_apart = {{0, 2}};
  auto plan = plan_groups(in);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message_key, "breakouts_together_apart");
  in.keep_apart.clear();
  in.keep_together = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
  plan = plan_groups(in);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message_key, "breakouts_together_too_big");
  in.keep_together = {{0, 9}};
  EXPECT_EQ(plan_groups(in).error().message_key, "breakouts_person_unknown");
}

// Randomised property test: over many seeds and random problems, keep-apart and
// keep-together pairs are always honoured, sizes within bounds, one host per group.
TEST(BreakoutsPlan, HardConstraintsHoldOverManySeeds) {
  std::mt19937_64 rng(2024);
  int unmet = 0, planned = 0;
  for (int trial = 0; trial < 150; ++trial) {
    int n = 8 + static_cast<int>(rng() % 40);
    int lo = 2 + static_cast<int>(rng() % 3);
    int hi = lo + static_cast<int>(rng() % 3);
    if (group_count(n, lo, hi) == 0) continue;
    auto in = people(n, lo, hi, 1 + static_cast<int>(rng() % 5), rng());
    std::set<std::pair<int, int>> used;
    auto fresh_pair = [&]() -> std::pair<int, int> {
      for (;;) {
        int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
        if (a != b && used.insert({std::min(a, b), std::max(a, b)}).second) {
          used.insert({std::max(a, b), std::min(a, b)});
          return {a, b};
        }
      }
    };
    // support workers: disjoint pairs kept together
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    int together = static_cast<int>(rng() % (n / 6 + 1));
    for (int i = 0; i < together; ++i) {
      in.keep_together.emplace_back(order[2 * i], order[2 * i + 1]);
      used.insert({order[2 * i], order[2 * i + 1]});
      used.insert({order[2 * i + 1], order[2 * i]});
    }
    int apart = static_cast<int>(rng() % (n / 4 + 1));
    for (int i = 0; i < apart; ++i) {
      auto [a, b] = fresh_pair();
      // never ask to keep apart two people already tied together through units
      bool tied = false;
      for (auto [x, y] : in.keep_together) tied = tied || ((x == a || y == a) && (x == b || y == b));
      if (!tied) in.keep_apart.emplace_back(a, b);
    }
    int hosts = static_cast<int>(rng() % (n / 3 + 1));
    for (int i = 0; i < hosts; ++i) in.people[order[n - 1 - i]].attributes["host"] = "yes";
    for (int i = 0; i < n; ++i) in.people[i].attributes["lived_experience"] = rng() % 2 ? "yes" : "no";

    auto plan = plan_groups(in);
    if (!plan) {
      // only an honest "could not keep every constraint", never a silent breach
      EXPECT_EQ(plan.error().message_key, "breakouts_constraints_unmet") << "trial " << trial;
      ++unmet;
      continue;
    }
    ++planned;
    EXPECT_EQ(plan->figures.violations, 0);
    const int groups = group_count(n, lo, hi);
    for (const auto& round : plan->rounds) {
      ASSERT_EQ(static_cast<int>(round.size()), groups);
      int placed = 0;
      for (const auto& g : round) {
        EXPECT_GE(static_cast<int>(g.size()), lo);
        EXPECT_LE(static_cast<int>(g.size()), hi);
        placed += static_cast<int>(g.size());
        int h = 0;
        for (int p : g) h += in.people[p].attributes.count("host") ? 1 : 0;
        if (hosts >= groups) {
          EXPECT_GE(h, 1) << "trial " << trial;
        } else {
          EXPECT_LE(h, 1) << "trial " << trial;
        }
      }
      EXPECT_EQ(placed, n);
      for (auto [a, b] : in.keep_apart) EXPECT_NE(group_with(round, a), group_with(round, b)) << "trial " << trial;
      for (auto [a, b] : in.keep_together) EXPECT_EQ(group_with(round, a), group_with(round, b)) << "trial " << trial;
    }
  }
  // the problems are mostly satisfiable: the planner must solve nearly all of them
  EXPECT_GT(planned, 100);
  EXPECT_LE(unmet, 5);
  std::printf("planned %d, could not keep every constraint in %d\n", planned, unmet);
}

TEST(BreakoutsPlan, SameSeedSamePlanOtherSeedOtherPlan) {
  auto in = people(30, 3, 5, 4, 42);
  for (int i = 0; i < 30; ++i) in.people[i].attributes["captions"] = i % 4 ? "no" : "yes";
  in.keep_apart = {{0, 1}, {2, 3}};
  in.keep_together = {{4, 5}};
  auto a = plan_groups(in), b = plan_groups(in);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->rounds, b->rounds);
  in.seed = 43;
  auto c = plan_groups(in);
  ASSERT_TRUE(c);
  EXPECT_NE(a->rounds, c->rounds);
}

TEST(BreakoutsPlan, TwoThousandPeopleSpreadWithinOneInUnderTwoSeconds) {
  auto in = people(2000, 5, 6, 3, 7);
  std::mt19937_64 rng(11);
  for (auto& p : in.people) {
    p.attributes["lived_experience"] = rng() % 10 < 3 ? "yes" : "no";
    p.attributes["organisation"] = "org" + std::to_string(rng() % 100 < 40 ? 0 : rng() % 6);
  }
  auto start = std::chrono::steady_clock::now();
  auto plan = plan_groups(in);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(plan);
  EXPECT_LT(seconds, 2.0);
  EXPECT_LE(plan->figures.attribute_spread.at("lived_experience"), 1.0);
  EXPECT_LE(plan->figures.attribute_spread.at("organisation"), 1.0);
  EXPECT_EQ(plan->figures.repeat_meetings, 0);
  EXPECT_EQ(plan->figures.violations, 0);
}

TEST(BreakoutsCheck, CountsWhatTheOptimiserMightHide) {
  auto in = people(6, 2, 3, 2);
  in.keep_apart = {{0, 1}};
  in.keep_together = {{2, 3}};
  in.people[0].attributes["host"] = "yes";
  in.people[4].attributes["host"] = "yes";
  // round 1: 0 and 1 together (breach), 2 and 3 apart (breach), one group without a host
  // when there are two hosts for two groups (breach), person 5 dropped (breach)
  std::vector<Groups> rounds = {{{0, 1, 2}, {3, 4}}, {{0, 1, 2}, {3, 4, 5}}};
  auto f = check_plan(in, rounds);
  // round 1: apart, together, dropped = 3 (hosts: 0 and 4 in different groups, fine)
  // round 2: apart, together = 2; repeats: 0-1, 0-2, 1-2, 3-4 = 4
  EXPECT_EQ(f.violations, 5);
  EXPECT_EQ(f.repeat_meetings, 4);
}

TEST(BreakoutsCheck, AttributeSpreadIsDeviationFromEven) {
  auto in = people(8, 4, 4, 1);
  for (int i = 0; i < 8; ++i) in.people[i].attributes["captions"] = i < 4 ? "yes" : "no";
  auto bunched = check_plan(in, {{{0, 1, 2, 3}, {4, 5, 6, 7}}});
  EXPECT_DOUBLE_EQ(bunched.attribute_spread.at("captions"), 2.0);
  auto even = check_plan(in, {{{0, 1, 4, 5}, {2, 3, 6, 7}}});
  EXPECT_DOUBLE_EQ(even.attribute_spread.at("captions"), 0.0);
  auto planned = plan_groups(in);
  ASSERT_TRUE(planned);
  EXPECT_DOUBLE_EQ(planned->figures.attribute_spread.at("captions"), 0.0);
}

TEST(BreakoutsPlan, DesignSeedStillKeepsConstraintsAndSpread) {
  auto in = people(32, 4, 4, 8, 5);
  in.keep_apart = {{0, 1}, {2, 3}, {4, 5}};
  for (int i = 0; i < 8; ++i) in.people[i * 4].attributes["host"] = "yes";
  for (int i = 0; i < 32; ++i) in.people[i].attributes["captions"] = i % 4 == 1 ? "yes" : "no";
  auto plan = plan_groups(in);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->figures.violations, 0);
  // Hosts fill one row of the design and captions users another, so both spread one a
  // group; keep-apart pairs in different rows meet once, and moving one of them costs a few
  // repeats (measured over 30 seeds: 14 on average) and, where a repeat weighs more than
  // evenness, sometimes a group with one captions user too many. Still far below random
  // assignment's ~108 repeats and ~2-3 spread.
  EXPECT_LE(plan->figures.attribute_spread.at("captions"), 2.0);
  EXPECT_LE(plan->figures.repeat_meetings, 24);
  std::printf("32 in 4s, 8 rounds, hosts + keep-apart + captions: %lld repeats, captions spread %.2f\n",
              static_cast<long long>(plan->figures.repeat_meetings), plan->figures.attribute_spread.at("captions"));
}

namespace {

std::int64_t one_round_at_a_time(PlanInput in, int rounds) {
  in.rounds = 1;
  std::vector<Groups> held;
  for (int r = 0; r < rounds; ++r) {
    in.seed = 100 + static_cast<std::uint64_t>(r);  // the round page seeds each round with its id
    auto plan = plan_groups(in);
    EXPECT_TRUE(plan);
    if (!plan) return -1;
    EXPECT_EQ(plan->figures.violations, 0);
    for (const auto& g : plan->rounds.front())
      for (int a : g)
        for (int b : g)
          if (a < b) in.met_before.emplace_back(a, b);
    held.push_back(plan->rounds.front());
  }
  in.met_before.clear();
  in.rounds = rounds;
  return check_plan(in, held).repeat_meetings;
}

}  // namespace

// The round page plans one round at a time. Where a design fits, consecutive rounds are
// rounds of one design: nobody meets anyone twice for as many rounds as the design has,
// keep-apart pairs included. (Before: 5.7 repeats on average at 8 rounds of 32 in fours.)
TEST(BreakoutsPlan, OneRoundAtATimeFollowsTheDesign) {
  auto in = people(32, 4, 4, 1);
  in.keep_apart = {{0, 1}, {2, 3}, {4, 5}};
  EXPECT_EQ(one_round_at_a_time(in, 9), 0);
  EXPECT_EQ(one_round_at_a_time(people(25, 5, 5, 1), 6), 0);  // before: 17.6 at 6 rounds
  EXPECT_EQ(one_round_at_a_time(people(20, 4, 4, 1), 5), 0);  // 4 rows of 5: before, 2.3 at 5 rounds
}

// Without a design, one round at a time: when the round's own search stops with repeats, the
// tabu search takes off what it can. 30 in sixes (5 groups of 6, so at least 5 repeats a
// round after the first, 20 in 5 rounds): 48 to 51 repeats without it, 37 to 40 with it.
TEST(BreakoutsPlan, OneRoundAtATimeWithoutADesignTakesOffRepeats) {
  auto repeats = one_round_at_a_time(people(30, 6, 6, 1), 5);
  EXPECT_GE(repeats, 20);
  EXPECT_LE(repeats, 42);
}

// Sizes with no closed-form design, all rounds at once: the whole-schedule search finds
// schedules without repeats where the round-by-round search left some (before, on average
// over 10 seeds: 0.3 at 5 rounds of 24 in fours, 0.3 at 4 rounds of 30 in fives, 0.7 at 9
// rounds of 40 in fours).
TEST(BreakoutsPlan, NoDesignSizesMeetNoOneTwiceWhereTheSearchCan) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    auto in = people(24, 4, 4, 5, seed);
    in.keep_apart = {{0, 1}, {2, 3}, {4, 5}};
    auto a = plan_groups(in);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->figures.repeat_meetings, 0) << "24 in fours, seed " << seed;
    EXPECT_EQ(a->figures.violations, 0);
    auto b = plan_groups(people(30, 5, 5, 4, seed));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->figures.repeat_meetings, 0) << "30 in fives, seed " << seed;
    auto c = plan_groups(people(40, 4, 4, 9, seed));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->figures.repeat_meetings, 0) << "40 in fours, seed " << seed;
  }
}

// 30 in sixes: 5 groups of 6, so every later round puts two people of some earlier group
// together in each group (at least 5 repeats a round). Round by round the search left 49.5
// at 5 rounds; the whole-schedule search comes near the least possible (20).
TEST(BreakoutsPlan, ThirtyInSixesComesNearTheLeastRepeatsPossible) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    auto plan = plan_groups(people(30, 6, 6, 5, seed));
    ASSERT_TRUE(plan);
    EXPECT_GE(plan->figures.repeat_meetings, 20);
    EXPECT_LE(plan->figures.repeat_meetings, 25) << "seed " << seed;
  }
}
