#include "modules/breakouts/rules/assign.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <tuple>

namespace hs::breakouts {
namespace {

constexpr double kHardWeight = 1e6;    // one hard-constraint breach
constexpr double kRepeatWeight = 1e3;  // one repeat meeting
// attribute imbalance: the sum over groups and values of (count - even)^2, weight 1

using Rng = std::mt19937_64;

// Uniform in [0, n) from the raw generator (the standard distributions differ between
// standard libraries; this keeps a seed's plan the same everywhere).
std::size_t pick(Rng& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

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

int size_breach(int size, int lo, int hi) { return std::max(0, lo - size) + std::max(0, size - hi); }

int host_breach(int hosts_in_group, bool enough_hosts) {
  return enough_hosts ? (hosts_in_group == 0 ? 1 : 0) : std::max(0, hosts_in_group - 1);
}

// The fixed facts of one event, shared by every round.
struct Model {
  int n = 0, groups = 0, lo = 0, hi = 0;
  bool enough_hosts = false;
  std::vector<std::vector<int>> units;  // keep-together units (person indices)
  std::vector<int> unit_of;             // person -> unit
  std::vector<int> unit_hosts;
  std::vector<char> has_apart;          // unit has a keep-apart pair
  std::vector<std::vector<int>> apart;  // person -> people to keep apart from
  std::vector<std::vector<int>> values; // person -> attribute-value indices
  std::vector<int> value_total;         // attribute-value index -> people with it
  std::vector<int> target;              // group -> planned size
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
bool better(const Cost& a, const Cost& b) {
  if (a.hard != b.hard) return a.hard < b.hard;
  if (a.repeats != b.repeats) return a.repeats < b.repeats;
  return a.imbalance < b.imbalance - 1e-9;
}

// One round being built. `met[p]` lists everyone p shared a group with in earlier rounds,
// once per meeting.
struct Round {
  const Model& m;
  const std::vector<std::vector<int>>& met;
  std::vector<int> group_of;                // person -> group, -1 while unplaced
  std::vector<int> unit_group;              // unit -> group
  std::vector<std::vector<int>> members;    // group -> people
  std::vector<int> hosts;                   // group -> hosts
  std::vector<std::vector<int>> count;      // group -> value -> people
  std::vector<int> mark;                    // scratch, one slot per person
  std::vector<std::pair<int, int>> dv;      // scratch: value, change
  Cost cost;

  Round(const Model& model, const std::vector<std::vector<int>>& met_before)
      : m(model), met(met_before), group_of(model.n, -1), unit_group(model.units.size(), -1),
        members(model.groups), hosts(model.groups, 0),
        count(model.groups, std::vector<int>(model.value_total.size(), 0)), mark(model.n, 0) {}

  int gsize(int g) const { return static_cast<int>(members[g].size()); }

  // Meetings between unit u's people and group g's people, leaving out unit `skip`.
  std::int64_t meetings(int u, int g, int skip) {
    if (g < 0) return 0;
    for (int p : m.units[u])
      for (int q : met[p]) ++mark[q];
    std::int64_t s = 0;
    for (int q : members[g])
      if (m.unit_of[q] != u && m.unit_of[q] != skip) s += mark[q];
    for (int p : m.units[u])
      for (int q : met[p]) mark[q] = 0;
    return s;
  }

  // Keep-apart breaches between unit u's people and group g's people, leaving out unit `skip`.
  std::int64_t aparts(int u, int g, int skip) {
    if (g < 0) return 0;
    std::int64_t s = 0;
    for (int p : m.units[u])
      for (int q : m.apart[p])
        if (group_of[q] == g && m.unit_of[q] != skip) ++s;
    return s;
  }

  double value_cost(int g, int k, int c) const {
    double d = c - m.even[g][k];
    return d * d;
  }

  // The change in cost if unit a (now in group ga, or unplaced) goes to group gb and unit b
  // (in gb; -1 for none) goes to ga.
  Cost delta(int a, int gb, int b) {
    Cost d;
    const int ga = unit_group[a];
    const int sa = static_cast<int>(m.units[a].size());
    const int sb = b < 0 ? 0 : static_cast<int>(m.units[b].size());
    const int ha = m.unit_hosts[a], hb = b < 0 ? 0 : m.unit_hosts[b];
    d.repeats += meetings(a, gb, b) - meetings(a, ga, a);
    d.hard += aparts(a, gb, b) - aparts(a, ga, a);
    if (b >= 0) {
      d.repeats += meetings(b, ga, a) - meetings(b, gb, b);
      d.hard += aparts(b, ga, a) - aparts(b, gb, b);
    }
    d.hard += size_breach(gsize(gb) - sb + sa, m.lo, m.hi) - size_breach(gsize(gb), m.lo, m.hi);
    d.hard += host_breach(hosts[gb] - hb + ha, m.enough_hosts) - host_breach(hosts[gb], m.enough_hosts);
    if (ga >= 0) {
      d.hard += size_breach(gsize(ga) - sa + sb, m.lo, m.hi) - size_breach(gsize(ga), m.lo, m.hi);
      d.hard += host_breach(hosts[ga] - ha + hb, m.enough_hosts) - host_breach(hosts[ga], m.enough_hosts);
    }
    // attribute values: +1 in gb / -1 in ga for a's people, the reverse for b's
    dv.clear();
    for (int p : m.units[a])
      for (int k : m.values[p]) dv.emplace_back(k, 1);
    if (b >= 0)
      for (int p : m.units[b])
        for (int k : m.values[p]) dv.emplace_back(k, -1);
    std::sort(dv.begin(), dv.end());
    for (std::size_t i = 0; i < dv.size();) {
      int k = dv[i].first, c = 0;
      for (; i < dv.size() && dv[i].first == k; ++i) c += dv[i].second;
      if (c == 0) continue;
      d.imbalance += value_cost(gb, k, count[gb][k] + c) - value_cost(gb, k, count[gb][k]);
      if (ga >= 0) d.imbalance += value_cost(ga, k, count[ga][k] - c) - value_cost(ga, k, count[ga][k]);
    }
    return d;
  }

  void put(int u, int g) {
    const int from = unit_group[u];
    for (int p : m.units[u]) {
      if (from >= 0) {
        auto& v = members[from];
        v.erase(std::find(v.begin(), v.end(), p));
        for (int k : m.values[p]) --count[from][k];
      }
      members[g].push_back(p);
      for (int k : m.values[p]) ++count[g][k];
      group_of[p] = g;
    }
    if (from >= 0) hosts[from] -= m.unit_hosts[u];
    hosts[g] += m.unit_hosts[u];
    unit_group[u] = g;
  }

  void apply(int a, int gb, int b, const Cost& d) {
    const int ga = unit_group[a];
    put(a, gb);
    if (b >= 0) put(b, ga);
    cost += d;
  }

  // Greedy start: host units first (spread over groups), then the rest, largest first,
  // each where it costs least.
  void greedy(Rng& rng) {
    std::vector<int> order(m.units.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
      auto key = [&](int u) {
        return std::tuple(m.unit_hosts[u] > 0 ? 0 : 1, -static_cast<int>(m.units[u].size()), m.has_apart[u] ? 0 : 1);
      };
      return key(x) < key(y);
    });
    for (int u : order) {
      const int su = static_cast<int>(m.units[u].size());
      const std::size_t start = pick(rng, m.groups);
      int best = -1;
      Cost best_d;
      for (int pass = 0; pass < 3 && best < 0; ++pass) {
        int fewest_hosts = 1 << 30;
        if (m.unit_hosts[u] > 0)
          for (int g = 0; g < m.groups; ++g)
            if (pass == 2 || gsize(g) + su <= (pass == 0 ? m.target[g] : m.hi)) fewest_hosts = std::min(fewest_hosts, hosts[g]);
        for (int i = 0; i < m.groups; ++i) {
          int g = static_cast<int>((start + i) % m.groups);
          if (pass < 2 && gsize(g) + su > (pass == 0 ? m.target[g] : m.hi)) continue;
          if (m.unit_hosts[u] > 0 && hosts[g] != fewest_hosts) continue;
          Cost d = delta(u, g, -1);
          // during the greedy, groups are still filling: ignore "too small" breaches
          d.hard = aparts(u, g, -1);
          if (best < 0 || d.total() < best_d.total() - 1e-9) best = g, best_d = d;
        }
      }
      put(u, best);
    }
    recompute();
  }

  void recompute() {
    cost = {};
    for (int g = 0; g < m.groups; ++g) {
      cost.hard += size_breach(gsize(g), m.lo, m.hi) + host_breach(hosts[g], m.enough_hosts);
      for (std::size_t k = 0; k < m.value_total.size(); ++k) cost.imbalance += value_cost(g, static_cast<int>(k), count[g][k]);
    }
    for (int p = 0; p < m.n; ++p) {
      for (int q : met[p])
        if (q > p && group_of[q] == group_of[p]) ++cost.repeats;
      for (int q : m.apart[p])
        if (q > p && group_of[q] == group_of[p]) ++cost.hard;
    }
  }

  // People in a group with someone they met before or must be kept apart from.
  void conflicted(std::vector<int>& out) const {
    out.clear();
    for (int p = 0; p < m.n; ++p) {
      bool c = false;
      for (int q : met[p]) c = c || group_of[q] == group_of[p];
      for (int q : m.apart[p]) c = c || group_of[q] == group_of[p];
      if (c) out.push_back(p);
    }
  }

  // Local search: swaps of units between groups, and moves of a unit where sizes allow;
  // accepts improvements and, half the time, sideways steps. Stops at the budget or when
  // nothing improved for a while (longer while repeats or breaches remain).
  void improve(Rng& rng, std::int64_t budget) {
    const std::int64_t units = static_cast<std::int64_t>(m.units.size());
    if (m.groups < 2 || units < 2) return;
    const std::int64_t stall_limit = std::max<std::int64_t>(2000, 30 * units);
    std::int64_t stall = 0;
    std::vector<int> hot;
    bool dirty = true;
    for (std::int64_t it = 0; it < budget; ++it) {
      if (stall > (cost.hard == 0 && cost.repeats == 0 ? stall_limit : 4 * stall_limit)) break;
      if (cost.hard == 0 && cost.repeats == 0 && cost.imbalance < 1e-9) break;
      int a;
      if ((cost.repeats > 0 || cost.hard > 0) && pick(rng, 10) < 8) {
        if (dirty) conflicted(hot), dirty = false;
        a = hot.empty() ? static_cast<int>(pick(rng, units)) : m.unit_of[hot[pick(rng, hot.size())]];
      } else {
        a = static_cast<int>(pick(rng, units));
      }
      const int ga = unit_group[a];
      int b = -1, gb;
      if (pick(rng, 10) < 9) {
        int tries = 0;
        do b = static_cast<int>(pick(rng, units));
        while (unit_group[b] == ga && ++tries < 16);
        if (unit_group[b] == ga) continue;
        gb = unit_group[b];
      } else {
        gb = static_cast<int>(pick(rng, m.groups));
        if (gb == ga) continue;
      }
      Cost d = delta(a, gb, b);
      const double t = d.total();
      if (t < -1e-9) {
        apply(a, gb, b, d);
        stall = 0;
        dirty = true;
      } else {
        ++stall;
        if (t < 1e-9 && (rng() & 1)) apply(a, gb, b, d), dirty = true;
      }
    }
  }
};

// A finite field GF(q), q = p^k <= 256, as addition and multiplication tables; empty when
// q is not a prime power.
struct Field {
  int q = 0;
  std::vector<int> add, mul;  // q*q tables
  int sub(int a, int b) const {
    for (int c = 0; c < q; ++c)
      if (add[b * q + c] == a) return c;
    return 0;
  }
};

std::optional<Field> make_field(int q) {
  if (q < 2 || q > 256) return std::nullopt;
  int p = 2;
  while (q % p) ++p;
  int k = 0;
  for (int r = q; r > 1; r /= p) {
    if (r % p) return std::nullopt;
    ++k;
  }
  auto digits = [&](int v) {
    std::vector<int> d(k);
    for (int i = 0; i < k; ++i) d[i] = v % p, v /= p;
    return d;
  };
  auto number = [&](const std::vector<int>& d) {
    int v = 0;
    for (int i = k - 1; i >= 0; --i) v = v * p + d[i];
    return v;
  };
  Field f;
  f.q = q;
  f.add.assign(q * q, 0);
  for (int a = 0; a < q; ++a)
    for (int b = 0; b < q; ++b) {
      auto x = digits(a), y = digits(b);
      for (int i = 0; i < k; ++i) x[i] = (x[i] + y[i]) % p;
      f.add[a * q + b] = number(x);
    }
  // try monic polynomials x^k + c(x) until the products make a field
  for (int c = 0; c < q; ++c) {
    auto low = digits(c);  // x^k = -low(x)
    f.mul.assign(q * q, 0);
    for (int a = 0; a < q; ++a)
      for (int b = 0; b < q; ++b) {
        auto x = digits(a), y = digits(b);
        std::vector<int> prod(2 * k, 0);
        for (int i = 0; i < k; ++i)
          for (int j = 0; j < k; ++j) prod[i + j] = (prod[i + j] + x[i] * y[j]) % p;
        for (int d = 2 * k - 1; d >= k; --d) {
          int t = prod[d];
          prod[d] = 0;
          for (int i = 0; i < k; ++i) prod[d - k + i] = ((prod[d - k + i] - t * low[i]) % p + p) % p;
        }
        prod.resize(k);
        f.mul[a * q + b] = number(prod);
      }
    bool field = true;
    for (int a = 1; a < q && field; ++a) {
      bool inverse = false;
      for (int b = 1; b < q && !inverse; ++b) inverse = f.mul[a * q + b] == 1;
      field = inverse;
    }
    if (field) return f;
  }
  return std::nullopt;
}

// A resolvable design for n = g * q people in q groups of g (q a prime power, g <= q): people
// sit in a g-by-q grid; in round a, the person at (row i, column c) joins group c - a*x_i,
// x_i = i. Two people in different rows share a group in exactly one of the q rounds; a last
// round splits each row into groups of g when g divides q. Returns the rounds as
// cell -> group, or nothing when the numbers do not fit.
std::vector<std::vector<int>> design_rounds(int n, int groups, int g) {
  if (g < 2 || groups < g || n != g * groups) return {};
  auto field = make_field(groups);
  if (!field) return {};
  const int q = groups;
  std::vector<std::vector<int>> out;
  for (int a = 0; a < q; ++a) {
    std::vector<int> group_of(n);
    for (int i = 0; i < g; ++i)
      for (int c = 0; c < q; ++c) group_of[i * q + c] = field->sub(c, field->mul[a * q + i]);
    out.push_back(std::move(group_of));
  }
  if (q % g == 0) {
    std::vector<int> group_of(n);
    for (int i = 0; i < g; ++i)
      for (int c = 0; c < q; ++c) group_of[i * q + c] = i * (q / g) + c / g;
    out.push_back(std::move(group_of));
  }
  return out;
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
      if (auto it = p.attributes.find(key); it != p.attributes.end()) value_index.emplace(std::pair(key, it->second), 0);
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
    design = design_rounds(n, groups, n / groups);

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
    std::vector<int> seat_order(n);
    std::iota(seat_order.begin(), seat_order.end(), 0);
    std::shuffle(seat_order.begin(), seat_order.end(), rng);
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
    std::shuffle(design.begin(), design.begin() + static_cast<std::ptrdiff_t>(affine), rng);
    Cost total;
    for (int r = 0; r < in.rounds; ++r) {
      // a few fresh starts for a round that keeps repeats, keeping the best
      std::optional<Round> best_round;
      if (attempt % 2 == 0 && r < static_cast<int>(design.size())) {
        Round round(m, met);
        for (int p = 0; p < n; ++p) round.put(m.unit_of[p], design[r][cell[p]]);
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
