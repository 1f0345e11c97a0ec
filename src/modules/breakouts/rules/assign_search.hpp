#pragma once
// The local search behind plan_groups (assign.hpp), for any number of people and any group
// sizes: one round at a time, a greedy start and then swaps and moves of keep-together units
// between groups, weighing hard-constraint breaches above repeat meetings above attribute
// imbalance. Internal to the breakouts rules: assign_plan.cpp drives it.
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace hs::breakouts::search {

constexpr double kHardWeight = 1e6;    // one hard-constraint breach
constexpr double kRepeatWeight = 1e3;  // one repeat meeting
// attribute imbalance: the sum over groups and values of (count - even)^2, weight 1

using Rng = std::mt19937_64;

// Uniform in [0, n) from the raw generator (the standard distributions differ between
// standard libraries; this keeps a seed's plan the same everywhere).
inline std::size_t pick(Rng& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

// The fixed facts of one event, shared by every round.
struct Model {
  int n = 0, groups = 0, lo = 0, hi = 0;
  bool enough_hosts = false;
  std::vector<std::vector<int>> units;  // keep-together units (person indices)
  std::vector<int> unit_of;             // person -> unit
  std::vector<int> unit_hosts;
  std::vector<char> has_apart;            // unit has a keep-apart pair
  std::vector<std::vector<int>> apart;    // person -> people to keep apart from
  std::vector<std::vector<int>> values;   // person -> attribute-value indices
  std::vector<int> value_total;           // attribute-value index -> people with it
  std::vector<int> target;                // group -> planned size
  std::vector<std::vector<double>> even;  // group -> value -> even count
};

struct Cost {
  std::int64_t hard = 0, repeats = 0;
  double imbalance = 0;
  double total() const { return double(hard) * kHardWeight + double(repeats) * kRepeatWeight + imbalance; }
  Cost& operator+=(const Cost& o) {
    hard += o.hard;
    repeats += o.repeats;
    imbalance += o.imbalance;
    return *this;
  }
};
inline bool better(const Cost& a, const Cost& b) {
  if (a.hard != b.hard) return a.hard < b.hard;
  if (a.repeats != b.repeats) return a.repeats < b.repeats;
  return a.imbalance < b.imbalance - 1e-9;
}

// One round being built. `met[p]` lists everyone p shared a group with in earlier rounds,
// once per meeting.
struct Round {
  const Model& m;
  const std::vector<std::vector<int>>& met;
  std::vector<int> group_of;              // person -> group, -1 while unplaced
  std::vector<int> unit_group;            // unit -> group
  std::vector<std::vector<int>> members;  // group -> people
  std::vector<int> hosts;                 // group -> hosts
  std::vector<std::vector<int>> count;    // group -> value -> people
  std::vector<int> mark;                  // scratch, one slot per person
  std::vector<std::pair<int, int>> dv;    // scratch: value, change
  Cost cost;

  Round(const Model& model, const std::vector<std::vector<int>>& met_before)
      : m(model),
        met(met_before),
        group_of(model.n, -1),
        unit_group(model.units.size(), -1),
        members(model.groups),
        hosts(model.groups, 0),
        count(model.groups, std::vector<int>(model.value_total.size(), 0)),
        mark(model.n, 0) {}

  int gsize(int g) const { return static_cast<int>(members[g].size()); }

  // Meetings between unit u's people and group g's people, leaving out unit `skip`.
  std::int64_t meetings(int u, int g, int skip);
  // Keep-apart breaches between unit u's people and group g's people, leaving out unit `skip`.
  std::int64_t aparts(int u, int g, int skip);
  double value_cost(int g, int k, int c) const;
  // The change in cost if unit a (now in group ga, or unplaced) goes to group gb and unit b
  // (in gb; -1 for none) goes to ga.
  Cost delta(int a, int gb, int b);
  void put(int u, int g);
  void apply(int a, int gb, int b, const Cost& d);
  // Greedy start: host units first (spread over groups), then the rest, largest first,
  // each where it costs least.
  void greedy(Rng& rng);
  void recompute();
  // People in a group with someone they met before or must be kept apart from.
  void conflicted(std::vector<int>& out) const;
  // Local search: swaps of units between groups, and moves of a unit where sizes allow;
  // accepts improvements and, half the time, sideways steps. Stops at the budget or when
  // nothing improved for a while (longer while repeats or breaches remain).
  void improve(Rng& rng, std::int64_t budget);
};

// Tabu search over the whole schedule for the repeats alone (after Dotu and Van Hentenryck's
// search for the social golfer problem): in any round, swap two keep-together units that are
// alike (same size, same hosts, same attribute values) when neither lands with someone to
// be kept apart from, so sizes, hosts, keep-apart pairs and spread stay as they are and only
// repeat meetings change. Each step takes the best swap for someone in a repeat meeting that
// is not tabu (a unit just moved in a round stays put there for a while) unless it beats the
// best schedule yet; after a long stall it goes back to the best and shakes a few rounds,
// and stops after 8 shakes in a row found nothing better (or at `budget` swap evaluations). Returns the repeats left.
std::int64_t tabu(const Model& m, const std::vector<std::pair<int, int>>& met_before,
                  std::vector<std::vector<std::vector<int>>>& rounds, Rng& rng, std::int64_t budget);

}  // namespace hs::breakouts::search
