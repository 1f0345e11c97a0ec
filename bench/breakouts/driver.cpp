// Breakout-groups benchmark driver: our balanced assignment against random assignment
// (what "automatic" means in common video-call tools), on the same people, in one run.
// Built by bench/breakouts/run.sh straight from the module's sources.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>

#include "modules/breakouts/rules/assign.hpp"

using namespace hs::breakouts;
using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Random assignment: shuffle, then deal into groups of the sizes ours uses.
static std::vector<Groups> random_rounds(const PlanInput& in, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const int n = static_cast<int>(in.people.size());
  const int groups = group_count(n, in.min_size, in.max_size);
  std::vector<Groups> out;
  for (int r = 0; r < in.rounds; ++r) {
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    Groups gs(groups);
    for (int i = 0; i < n; ++i) gs[i % groups].push_back(order[i]);
    for (auto& g : gs) std::sort(g.begin(), g.end());
    out.push_back(std::move(gs));
  }
  return out;
}

// Sizes people meet: most have no closed-form design, and keep-apart pairs are common.
// For each, the rounds from 2 up to the counting bound floor((n-1)/(g-1)) (each round meets
// g-1 new people, so no schedule without repeats can be longer; 1 when there are fewer
// groups than people in a group), planned two ways:
//  - all rounds at once (`humanspace breakouts plan`, and the design where one fits);
//  - one round at a time, as the round page does (rounds = 1, met_before = every pair of the
//    rounds before): it cannot look ahead.
// Against random assignment of the same sizes (the peer), over the same seeds.
struct Case {
  const char* name;
  int n, lo, hi;
  int apart;    // keep-apart pairs (0-1, 2-3, ...)
  bool design;  // a finite-field design fits these numbers
};

static void general_sizes(int seeds) {
  const Case cases[] = {
      {"24 in fours", 24, 4, 4, 0, false},
      {"24 in fours, 3 keep-apart", 24, 4, 4, 3, false},
      {"20 in fours (design: 5 rounds)", 20, 4, 4, 0, true},
      {"30 in fives", 30, 5, 5, 0, false},
      {"30 in sixes", 30, 6, 6, 0, false},
      {"30 in fives, 3 keep-apart", 30, 5, 5, 3, false},
      {"40 in fours", 40, 4, 4, 0, false},
      {"25 in fives (design: 6 rounds)", 25, 5, 5, 0, true},
      {"32 in fours, 3 keep-apart (design: 9)", 32, 4, 4, 3, true},
  };
  std::printf(
      "\nsizes with no closed-form design (and three with one), and keep-apart pairs; mean repeats over %d seeds "
      "(random: the same seeds)\n",
      seeds);
  std::printf("%-36s | %6s | %6s | %14s | %12s | %11s | %15s | %15s\n", "people", "rounds", "bound", "random repeats",
              "all at once", "ms med/max", "one at a time", "ms/round max");
  for (const auto& c : cases) {
    // each round meets hi-1 new people; and with fewer groups than people in a group, any
    // second round puts two people of one earlier group together
    const int bound = c.hi > c.n / c.hi ? 1 : (c.n - 1) / (c.hi - 1);
    for (int rounds = 2; rounds <= std::max(bound, 5); ++rounds) {
      double rnd = 0, all = 0, one = 0, one_max_ms = 0;
      std::vector<double> times;
      for (int s = 1; s <= seeds; ++s) {
        PlanInput in;
        in.people.resize(c.n);
        in.min_size = c.lo, in.max_size = c.hi, in.rounds = rounds, in.seed = static_cast<std::uint64_t>(s);
        for (int i = 0; i < c.apart; ++i) in.keep_apart.emplace_back(2 * i, 2 * i + 1);
        rnd += static_cast<double>(check_plan(in, random_rounds(in, 1000 + s)).repeat_meetings);
        auto t = Clock::now();
        auto plan = plan_groups(in);
        times.push_back(ms_since(t));
        if (!plan) std::printf("error %s\n", plan.error().message_key.c_str()), std::exit(1);
        all += static_cast<double>(plan->figures.repeat_meetings);
        // one at a time: each round sees every pair of the rounds before as met
        PlanInput step = in;
        step.rounds = 1;
        std::vector<Groups> held;
        for (int r = 0; r < rounds; ++r) {
          step.seed = static_cast<std::uint64_t>(s * 100 + r);
          t = Clock::now();
          auto p = plan_groups(step);
          one_max_ms = std::max(one_max_ms, ms_since(t));
          if (!p) std::printf("error %s\n", p.error().message_key.c_str()), std::exit(1);
          for (const auto& g : p->rounds.front())
            for (int a : g)
              for (int b : g)
                if (a < b) step.met_before.emplace_back(a, b);
          held.push_back(p->rounds.front());
        }
        one += static_cast<double>(check_plan(in, held).repeat_meetings);
      }
      std::sort(times.begin(), times.end());
      char ms[32];
      std::snprintf(ms, sizeof ms, "%.1f/%.1f", times[seeds / 2], times.back());
      std::printf("%-36s | %6d | %6d | %14.1f | %12.1f | %11s | %15.1f | %15.1f\n", rounds == 2 ? c.name : "", rounds,
                  bound, rnd / seeds, all / seeds, ms, one / seeds, one_max_ms);
    }
  }
}

int main() {
  const int seeds = 10;
  std::printf("32 people, 8 groups of 4 (median time and mean repeats over %d seeds; random: mean over %d seeds)\n",
              seeds, seeds);
  std::printf("%6s | %14s | %14s | %12s | %12s | %20s | %16s\n", "rounds", "ours repeats", "random repeats",
              "ours ms med", "ours ms max", "search-only repeats", "search-only ms");
  for (int rounds = 1; rounds <= 10; ++rounds) {
    PlanInput in;
    in.people.resize(32);
    in.min_size = in.max_size = 4;
    in.rounds = rounds;
    double ours = 0, rnd = 0, search = 0;
    std::vector<double> times, search_times;
    for (int s = 1; s <= seeds; ++s) {
      in.seed = static_cast<std::uint64_t>(s);
      auto t = Clock::now();
      auto plan = plan_groups(in);
      times.push_back(ms_since(t));
      if (!plan) return std::printf("error %s\n", plan.error().message_key.c_str()), 1;
      ours += static_cast<double>(plan->figures.repeat_meetings);
      rnd += static_cast<double>(check_plan(in, random_rounds(in, 1000 + s)).repeat_meetings);
      PlanInput bare = in;  // local search with restarts only, no design seed
      bare.use_design = false;
      t = Clock::now();
      auto plain = plan_groups(bare);
      search_times.push_back(ms_since(t));
      if (!plain) return 1;
      search += static_cast<double>(plain->figures.repeat_meetings);
    }
    std::sort(times.begin(), times.end());
    std::sort(search_times.begin(), search_times.end());
    std::printf("%6d | %14.1f | %14.1f | %12.1f | %12.1f | %20.1f | %16.1f\n", rounds, ours / seeds, rnd / seeds,
                times[seeds / 2], times.back(), search / seeds, search_times[seeds / 2]);
  }

  std::printf(
      "\n2,000 people, groups of 5-6 (330 of 6 and 4 of 5), 3 rounds, attributes lived_experience (yes 30%%) and "
      "organisation (7 values, uneven)\n");
  std::printf("%6s | %10s | %12s | %22s | %18s\n", "who", "ms", "repeats", "lived_experience dev", "organisation dev");
  PlanInput in;
  in.min_size = 5;
  in.max_size = 6;
  in.rounds = 3;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    Person p;
    p.attributes["lived_experience"] = rng() % 10 < 3 ? "yes" : "no";
    static const int weights[] = {30, 20, 15, 12, 10, 8, 5};
    int w = static_cast<int>(rng() % 100), k = 0;
    while (w >= weights[k]) w -= weights[k++];
    p.attributes["organisation"] = "org" + std::to_string(k);
    in.people.push_back(p);
  }
  auto t = Clock::now();
  auto plan = plan_groups(in);
  double ms = ms_since(t);
  if (!plan) return std::printf("error %s\n", plan.error().message_key.c_str()), 1;
  std::printf("%6s | %10.1f | %12lld | %22.2f | %18.2f\n", "ours", ms,
              static_cast<long long>(plan->figures.repeat_meetings), plan->figures.attribute_spread["lived_experience"],
              plan->figures.attribute_spread["organisation"]);
  auto rf = check_plan(in, random_rounds(in, 99));
  std::printf("%6s | %10s | %12lld | %22.2f | %18.2f\n", "random", "-", static_cast<long long>(rf.repeat_meetings),
              rf.attribute_spread["lived_experience"], rf.attribute_spread["organisation"]);
  general_sizes(seeds);
  return 0;
}
