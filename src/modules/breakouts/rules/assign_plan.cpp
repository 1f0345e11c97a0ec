// plan_groups (assign.hpp): checks the input, builds the event's model (sizes, keep-together
// units, keep-apart pairs, hosts, attribute values to spread), chooses between the
// closed-form design (assign_design.hpp) and the local search (assign_search.hpp) for each
// round, restarts while repeats remain, and has check_plan recompute every figure.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>

#include "modules/breakouts/rules/assign.hpp"
#include "modules/breakouts/rules/assign_design.hpp"
#include "modules/breakouts/rules/assign_search.hpp"

namespace hs::breakouts {
namespace {

using search::better;
using search::Cost;
using search::Model;
using search::Rng;
using search::Round;

std::vector<std::string> spread_keys(const PlanInput& in) {
  if (!in.spread.empty()) {
    std::set<std::string> keys(in.spread.begin(), in.spread.end());
    return {keys.begin(), keys.end()};
  }
  std::set<std::string> keys;
  for (const auto& p : in.people)
    for (const auto& [k, v] : p.attributes)
      if (k != in.host_key) keys.insert(k);
  return {keys.begin(), keys.end()};
}

bool is_host(const PlanInput& in, const Person& p) {
  auto it = p.attributes.find(in.host_key);
  return it != p.attributes.end() && it->second == "yes";
}

// Union-find for keep-together chains.
int root(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

int group_count(int people, int min_size, int max_size) {
  if (people <= 0 || min_size < 1 || max_size < min_size) return 0;
  int g = (people + max_size - 1) / max_size;
  return static_cast<std::int64_t>(g) * min_size <= people ? g : 0;
}

Result<Plan> plan_groups(const PlanInput& in) {
  const int n = static_cast<int>(in.people.size());
  if (in.rounds < 1 || in.rounds > 1000) return fail(ErrorCode::invalid, "breakouts_rounds_invalid");
  const int groups = in.groups > 0 ? in.groups : group_count(n, in.min_size, in.max_size);
  if (groups == 0 || in.min_size < 1 || static_cast<std::int64_t>(groups) * in.min_size > n ||
      static_cast<std::int64_t>(groups) * in.max_size < n)
    return fail(ErrorCode::invalid, "breakouts_sizes_invalid");
  auto known = [&](const std::pair<int, int>& pr) {
    return pr.first >= 0 && pr.first < n && pr.second >= 0 && pr.second < n && pr.first != pr.second;
  };
  for (const auto& pr : in.keep_apart)
    if (!known(pr)) return fail(ErrorCode::invalid, "breakouts_person_unknown");
  for (const auto& pr : in.keep_together)
    if (!known(pr)) return fail(ErrorCode::invalid, "breakouts_person_unknown");
  for (const auto& pr : in.met_before)
    if (!known(pr)) return fail(ErrorCode::invalid, "breakouts_person_unknown");

  Model m;
  m.n = n, m.groups = groups, m.lo = in.min_size, m.hi = in.max_size;
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& [a, b] : in.keep_together) parent[root(parent, a)] = root(parent, b);
  std::vector<int> unit_of_root(n, -1);
  m.unit_of.assign(n, -1);
  for (int p = 0; p < n; ++p) {
    int r = root(parent, p);
    if (unit_of_root[r] < 0) unit_of_root[r] = static_cast<int>(m.units.size()), m.units.emplace_back();
    m.unit_of[p] = unit_of_root[r];
    m.units[m.unit_of[p]].push_back(p);
  }
  m.unit_hosts.assign(m.units.size(), 0);
  m.has_apart.assign(m.units.size(), 0);
  int host_total = 0;
  for (int p = 0; p < n; ++p)
    if (is_host(in, in.people[p])) ++m.unit_hosts[m.unit_of[p]], ++host_total;
  m.enough_hosts = host_total >= groups;
  for (const auto& u : m.units)
    if (static_cast<int>(u.size()) > in.max_size) return fail(ErrorCode::invalid, "breakouts_together_too_big");
  m.apart.assign(n, {});
  for (const auto& [a, b] : in.keep_apart) {
    if (m.unit_of[a] == m.unit_of[b]) return fail(ErrorCode::invalid, "breakouts_together_apart");
    m.apart[a].push_back(b), m.apart[b].push_back(a);
    m.has_apart[m.unit_of[a]] = m.has_apart[m.unit_of[b]] = 1;
  }
  for (auto& v : m.apart) std::sort(v.begin(), v.end()), v.erase(std::unique(v.begin(), v.end()), v.end());

  // attribute values to spread, indexed in key then value order
  std::map<std::pair<std::string, std::string>, int> value_index;
  const auto keys = spread_keys(in);
  for (const auto& key : keys)
    for (const auto& p : in.people)
      if (auto it = p.attributes.find(key); it != p.attributes.end())
        value_index.emplace(std::pair(key, it->second), 0);
  {
    int i = 0;
    for (auto& [kv, idx] : value_index) idx = i++;
  }
  m.values.assign(n, {});
  m.value_total.assign(value_index.size(), 0);
  for (int p = 0; p < n; ++p)
    for (const auto& key : keys)
      if (auto it = in.people[p].attributes.find(key); it != in.people[p].attributes.end()) {
        int k = value_index.at({key, it->second});
        m.values[p].push_back(k);
        ++m.value_total[k];
      }
  m.target.assign(groups, n / groups);
  for (int g = 0; g < n % groups; ++g) ++m.target[g];
  m.even.assign(groups, std::vector<double>(m.value_total.size()));
  for (int g = 0; g < groups; ++g)
    for (std::size_t k = 0; k < m.value_total.size(); ++k) m.even[g][k] = double(m.value_total[k]) * m.target[g] / n;

  const std::int64_t budget = in.evaluations_per_round > 0
                                  ? in.evaluations_per_round
                                  : std::max<std::int64_t>(30'000, 200 * static_cast<std::int64_t>(m.units.size()));
  const int attempts = std::max(1, in.restarts);

  // A resolvable design seeds the first rounds when everyone is their own unit and the
  // numbers fit (e.g. 9 people in 3s, 32 people in 4s).
  std::vector<std::vector<int>> design;
  if (in.use_design && static_cast<int>(m.units.size()) == n && n % groups == 0 && n / groups >= in.min_size &&
      n / groups <= in.max_size)
    design = design::design_rounds(n, groups, n / groups);

  std::vector<Groups> best_rounds;
  Cost best_cost;
  bool have_best = false;
  int fruitless = 0;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    Rng rng(in.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(attempt) * 0xD1B54A32D192ED03ULL + 1);
    std::vector<std::vector<int>> met(n);
    for (const auto& [a, b] : in.met_before) {
      met[a].push_back(b);
      met[b].push_back(a);
    }
    std::vector<Groups> rounds;
    // people in a random seat of the design, and its rounds in a random order
    // Same-row people never meet in the design's rounds, so people alike (hosts, then the
    // same attribute values) fill rows together: each round then spreads them one a group.
    // One round at a time (the round page plans each round as it comes, with the rounds
    // before as met_before): the first attempt seats people the same way every time (the
    // seat does not depend on the seed), so that consecutive rounds can be different rounds
    // of one design, and takes the design's round with the fewest repeats.
    const bool steady = in.rounds == 1 && attempt == 0 && !design.empty();
    std::vector<int> seat_order(n);
    std::iota(seat_order.begin(), seat_order.end(), 0);
    if (!steady) std::shuffle(seat_order.begin(), seat_order.end(), rng);
    std::stable_sort(seat_order.begin(), seat_order.end(), [&](int x, int y) {
      return std::pair(m.unit_hosts[m.unit_of[x]] > 0 ? 0 : 1, m.values[x]) <
             std::pair(m.unit_hosts[m.unit_of[y]] > 0 ? 0 : 1, m.values[y]);
    });
    std::vector<int> cell(n);
    for (int i = 0; i < n; ++i) cell[seat_order[i]] = i;
    // keep-apart pairs share a row where someone alike can swap seats (then they never meet)
    if (!design.empty()) {
      std::vector<char> paired(n, 0);
      for (const auto& [a, b] : in.keep_apart) paired[a] = paired[b] = 1;
      auto alike = [&](int x, int y) {
        return m.unit_hosts[m.unit_of[x]] == m.unit_hosts[m.unit_of[y]] && m.values[x] == m.values[y];
      };
      for (const auto& [a, b] : in.keep_apart) {
        const int row = cell[a] / groups;
        if (cell[b] / groups == row) continue;
        for (int i = row * groups; i < (row + 1) * groups; ++i) {
          int c = seat_order[i];  // seat_order: cell -> person
          if (!paired[c] && alike(b, c)) {
            std::swap(seat_order[cell[b]], seat_order[i]);
            std::swap(cell[b], cell[c]);
            break;
          }
        }
      }
    }
    // the affine rounds in a random order; the rows round (if any) stays last
    const std::size_t affine = std::min<std::size_t>(design.size(), static_cast<std::size_t>(groups));
    if (!steady) std::shuffle(design.begin(), design.begin() + static_cast<std::ptrdiff_t>(affine), rng);
    std::size_t first = 0;  // the design round to start from
    if (steady) {
      std::int64_t fewest = -1;
      for (std::size_t d = 0; d < design.size(); ++d) {
        std::int64_t repeats = 0;
        for (int p = 0; p < n; ++p)
          for (int q : met[p]) repeats += design[d][cell[p]] == design[d][cell[q]] ? 1 : 0;
        if (fewest < 0 || repeats < fewest) fewest = repeats, first = d;
      }
    }
    Cost total;
    for (int r = 0; r < in.rounds; ++r) {
      // a few fresh starts for a round that keeps repeats, keeping the best
      std::optional<Round> best_round;
      if (attempt % 2 == 0 && first + r < design.size()) {
        Round round(m, met);
        for (int p = 0; p < n; ++p) round.put(m.unit_of[p], design[first + r][cell[p]]);
        round.recompute();
        round.improve(rng, budget);
        best_round.emplace(std::move(round));
      }
      for (int tryno = 0; tryno < 4; ++tryno) {
        if (best_round && best_round->cost.hard == 0 && best_round->cost.repeats == 0) break;
        Round round(m, met);
        round.greedy(rng);
        round.improve(rng, budget);
        if (!best_round || better(round.cost, best_round->cost)) best_round.emplace(std::move(round));
        else if (tryno > 0) break;  // a fresh start did no better: the repeats look unavoidable
      }
      total += best_round->cost;
      Groups gs = best_round->members;
      for (auto& g : gs) std::sort(g.begin(), g.end());
      for (const auto& g : gs)
        for (int p : g)
          for (int q : g)
            if (p != q) met[p].push_back(q);
      rounds.push_back(std::move(gs));
    }
    if (!have_best || better(total, best_cost)) {
      best_rounds = std::move(rounds), best_cost = total, have_best = true;
      fruitless = 0;
    } else if (++fruitless >= 3) {
      break;  // three attempts in a row did no better
    }
    if (best_cost.hard == 0 && best_cost.repeats == 0) break;
  }

  // Round by round, early rounds cannot leave room for later ones, and one round's search
  // can stop where a few swaps more would clear its last repeats: when repeats remain, the
  // whole schedule (or the one round, against the rounds before) is searched again by tabu
  // search. Its table of meetings is n x n, so only up to 1,000 people (repeats are rare
  // in bigger events anyway); a smaller budget for one round keeps the round page quick.
  if (best_cost.repeats > 0 && in.schedule_budget != 0 && n <= 1000) {
    Rng rng(in.seed * 0xBF58476D1CE4E5B9ULL + 7);
    const std::int64_t schedule_budget =
        in.schedule_budget > 0 ? in.schedule_budget : (in.rounds == 1 ? 10 : 40) * budget;
    search::tabu(m, in.met_before, best_rounds, rng, schedule_budget);
  }

  Plan out;
  out.rounds = std::move(best_rounds);
  out.figures = check_plan(in, out.rounds);
  if (out.figures.violations > 0) return fail(ErrorCode::invalid, "breakouts_constraints_unmet");
  return out;
}

Figures check_plan(const PlanInput& in, const std::vector<Groups>& rounds) {
  Figures f;
  const int n = static_cast<int>(in.people.size());
  int host_total = 0;
  for (const auto& p : in.people) host_total += is_host(in, p) ? 1 : 0;
  const auto keys = spread_keys(in);
  for (const auto& k : keys) f.attribute_spread[k] = 0;
  std::set<std::pair<int, int>> met;
  for (const auto& [a, b] : in.met_before)
    if (a >= 0 && b >= 0 && a < n && b < n && a != b) met.emplace(std::min(a, b), std::max(a, b));
  for (const auto& groups : rounds) {
    const bool enough_hosts = host_total >= static_cast<int>(groups.size());
    std::vector<int> group_of(n, -1);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      int size = static_cast<int>(groups[g].size());
      if (size < in.min_size || size > in.max_size) ++f.violations;
      int hosts = 0;
      for (int p : groups[g]) {
        if (p < 0 || p >= n || group_of[p] >= 0) {
          ++f.violations;  // unknown or placed twice
          continue;
        }
        group_of[p] = static_cast<int>(g);
        hosts += is_host(in, in.people[p]) ? 1 : 0;
      }
      if (enough_hosts ? hosts == 0 : hosts > 1) ++f.violations;
    }
    for (int p = 0; p < n; ++p)
      if (group_of[p] < 0) ++f.violations;  // dropped
    for (const auto& [a, b] : in.keep_apart)
      if (group_of[a] >= 0 && group_of[a] == group_of[b]) ++f.violations;
    for (const auto& [a, b] : in.keep_together)
      if (group_of[a] != group_of[b]) ++f.violations;
    std::vector<std::pair<int, int>> pairs;
    for (const auto& g : groups)
      for (int p : g)
        for (int q : g)
          if (p >= 0 && q >= 0 && p < q) pairs.emplace_back(p, q);
    for (const auto& pr : pairs) f.repeat_meetings += met.count(pr) ? 1 : 0;
    met.insert(pairs.begin(), pairs.end());
    for (const auto& key : keys) {
      std::map<std::string, int> total;
      for (const auto& p : in.people)
        if (auto it = p.attributes.find(key); it != p.attributes.end()) ++total[it->second];
      for (const auto& g : groups) {
        std::map<std::string, int> here;
        for (int p : g)
          if (p >= 0 && p < n)
            if (auto it = in.people[p].attributes.find(key); it != in.people[p].attributes.end()) ++here[it->second];
        for (const auto& [value, t] : total) {
          double even = n ? double(t) * static_cast<double>(g.size()) / n : 0;
          auto it = here.find(value);
          double dev = std::fabs((it == here.end() ? 0 : it->second) - even);
          f.attribute_spread[key] = std::max(f.attribute_spread[key], dev);
        }
      }
    }
  }
  return f;
}

}  // namespace hs::breakouts
