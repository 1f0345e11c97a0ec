#include "modules/breakouts/rules/assign_search.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

namespace hs::breakouts::search {
namespace {

int size_breach(int size, int lo, int hi) { return std::max(0, lo - size) + std::max(0, size - hi); }

int host_breach(int hosts_in_group, bool enough_hosts) {
  return enough_hosts ? (hosts_in_group == 0 ? 1 : 0) : std::max(0, hosts_in_group - 1);
}
}  // namespace

std::int64_t Round::meetings(int u, int g, int skip) {
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

std::int64_t Round::aparts(int u, int g, int skip) {
  if (g < 0) return 0;
  std::int64_t s = 0;
  for (int p : m.units[u])
    for (int q : m.apart[p])
      if (group_of[q] == g && m.unit_of[q] != skip) ++s;
  return s;
}

double Round::value_cost(int g, int k, int c) const {
  double d = c - m.even[g][k];
  return d * d;
}

Cost Round::delta(int a, int gb, int b) {
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

void Round::put(int u, int g) {
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

void Round::apply(int a, int gb, int b, const Cost& d) {
  const int ga = unit_group[a];
  put(a, gb);
  if (b >= 0) put(b, ga);
  cost += d;
}

void Round::greedy(Rng& rng) {
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
          if (pass == 2 || gsize(g) + su <= (pass == 0 ? m.target[g] : m.hi))
            fewest_hosts = std::min(fewest_hosts, hosts[g]);
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

void Round::recompute() {
  cost = {};
  for (int g = 0; g < m.groups; ++g) {
    cost.hard += size_breach(gsize(g), m.lo, m.hi) + host_breach(hosts[g], m.enough_hosts);
    for (std::size_t k = 0; k < m.value_total.size(); ++k)
      cost.imbalance += value_cost(g, static_cast<int>(k), count[g][k]);
  }
  for (int p = 0; p < m.n; ++p) {
    for (int q : met[p])
      if (q > p && group_of[q] == group_of[p]) ++cost.repeats;
    for (int q : m.apart[p])
      if (q > p && group_of[q] == group_of[p]) ++cost.hard;
  }
}

void Round::conflicted(std::vector<int>& out) const {
  out.clear();
  for (int p = 0; p < m.n; ++p) {
    bool c = false;
    for (int q : met[p]) c = c || group_of[q] == group_of[p];
    for (int q : m.apart[p]) c = c || group_of[q] == group_of[p];
    if (c) out.push_back(p);
  }
}

void Round::improve(Rng& rng, std::int64_t budget) {
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

std::int64_t tabu(const Model& m, const std::vector<std::pair<int, int>>& met_before,
                  std::vector<std::vector<std::vector<int>>>& rounds, Rng& rng, std::int64_t budget) {
  const int n = m.n, R = static_cast<int>(rounds.size());
  const int U = static_cast<int>(m.units.size());
  if (R == 0 || m.groups < 2) return 0;
  // M[p*n+q]: meetings of p and q over every round, plus 1 if they met before
  std::vector<std::uint16_t> M(static_cast<std::size_t>(n) * n, 0);
  for (const auto& [a, b] : met_before)
    if (M[a * n + b] == 0) M[a * n + b] = M[b * n + a] = 1;
  std::vector<std::vector<int>> grp(R, std::vector<int>(n, -1));
  std::vector<std::vector<std::vector<int>>> members(R);  // round -> group -> units
  for (int r = 0; r < R; ++r) {
    members[r].assign(rounds[r].size(), {});
    for (std::size_t g = 0; g < rounds[r].size(); ++g)
      for (int p : rounds[r][g]) grp[r][p] = static_cast<int>(g);
    for (int u = 0; u < U; ++u) members[r][grp[r][m.units[u].front()]].push_back(u);
    for (const auto& g : rounds[r])
      for (int p : g)
        for (int q : g)
          if (p != q) ++M[p * n + q];
  }
  auto cost = [&] {
    std::int64_t s = 0;
    for (int p = 0; p < n; ++p)
      for (int q = p + 1; q < n; ++q) s += std::max(0, M[p * n + q] - 1);
    return s;
  };
  std::int64_t f = cost();
  if (f == 0) return 0;
  // units alike: same size, hosts and attribute values
  std::vector<int> kind(U);
  {
    std::map<std::tuple<std::size_t, int, std::vector<int>>, int> kinds;
    for (int u = 0; u < U; ++u) {
      std::vector<int> v;
      for (int p : m.units[u]) v.insert(v.end(), m.values[p].begin(), m.values[p].end());
      std::sort(v.begin(), v.end());
      kind[u] = kinds.emplace(std::tuple(m.units[u].size(), m.unit_hosts[u], v), static_cast<int>(kinds.size()))
                    .first->second;
    }
  }
  auto in_group = [&](int r, int g, auto&& fn) {
    for (int u : members[r][g])
      for (int p : m.units[u]) fn(u, p);
  };
  // the change in repeats if units a (group ga) and b (group gb) swap in round r; INT_MAX
  // when either would land with someone to keep apart from
  constexpr std::int64_t kNo = std::numeric_limits<std::int64_t>::max();
  auto delta = [&](int r, int a, int b) -> std::int64_t {
    const int ga = grp[r][m.units[a].front()], gb = grp[r][m.units[b].front()];
    std::int64_t d = 0;
    for (int side = 0; side < 2; ++side) {
      const int x = side ? b : a, y = side ? a : b, gx = side ? gb : ga, gy = side ? ga : gb;
      for (int p : m.units[x]) {
        for (int q : m.apart[p])
          if (grp[r][q] == gy && m.unit_of[q] != y) return kNo;
        in_group(r, gx, [&](int u, int q) {
          if (u != x && M[p * n + q] >= 2) --d;
        });
        in_group(r, gy, [&](int u, int q) {
          if (u != y && M[p * n + q] >= 1) ++d;
        });
      }
    }
    return d;
  };
  auto swap_units = [&](int r, int a, int b) {
    const int ga = grp[r][m.units[a].front()], gb = grp[r][m.units[b].front()];
    for (int side = 0; side < 2; ++side) {
      const int x = side ? b : a, y = side ? a : b, gx = side ? gb : ga, gy = side ? ga : gb;
      for (int p : m.units[x]) {
        in_group(r, gx, [&](int u, int q) {
          if (u != x) --M[p * n + q], --M[q * n + p];
        });
        in_group(r, gy, [&](int u, int q) {
          if (u != y) ++M[p * n + q], ++M[q * n + p];
        });
      }
    }
    auto& A = members[r][ga];
    auto& B = members[r][gb];
    *std::find(A.begin(), A.end(), a) = b;
    *std::find(B.begin(), B.end(), b) = a;
    for (int p : m.units[a]) grp[r][p] = gb;
    for (int p : m.units[b]) grp[r][p] = ga;
  };
  auto best_grp = grp;
  auto best_members = members;
  auto best_M = M;
  std::int64_t best = f;
  std::vector<std::int64_t> tabu_until(static_cast<std::size_t>(R) * U, 0);
  std::vector<std::pair<int, int>> hot;  // round, unit in a repeat meeting
  std::int64_t iter = 0, stall = 0;
  int shakes_without_better = 0;  // 8 in a row: the repeats left look unavoidable
  const std::int64_t stall_limit = std::max<std::int64_t>(100, 2L * U * R);
  while (f > 0 && budget > 0 && shakes_without_better < 8) {
    ++iter;
    hot.clear();
    for (int r = 0; r < R; ++r)
      for (int u = 0; u < U; ++u) {
        bool c = false;
        for (int p : m.units[u]) in_group(r, grp[r][p], [&](int v, int q) { c = c || (v != u && M[p * n + q] >= 2); });
        if (c) hot.emplace_back(r, u);
      }
    std::int64_t best_d = kNo;
    int br = -1, ba = -1, bb = -1, ties = 0;
    for (auto [r, a] : hot) {
      const int ga = grp[r][m.units[a].front()];
      for (int b = 0; b < U; ++b) {
        if (kind[b] != kind[a] || grp[r][m.units[b].front()] == ga) continue;
        const std::int64_t d = delta(r, a, b);
        --budget;
        if (d == kNo) continue;
        const bool allowed = (tabu_until[r * U + a] <= iter && tabu_until[r * U + b] <= iter) || f + d < best;
        if (!allowed) continue;
        if (d < best_d) best_d = d, br = r, ba = a, bb = b, ties = 1;
        else if (d == best_d && pick(rng, static_cast<std::size_t>(++ties)) == 0) br = r, ba = a, bb = b;
      }
    }
    if (br < 0) {  // every move tabu or barred: shake
      stall = stall_limit;
    } else {
      swap_units(br, ba, bb);
      f += best_d;
      const std::int64_t tenure = 3 + static_cast<std::int64_t>(pick(rng, 10));
      tabu_until[br * U + ba] = tabu_until[br * U + bb] = iter + tenure;
      if (f < best) {
        best = f, best_grp = grp, best_members = members, best_M = M, stall = 0, shakes_without_better = 0;
        continue;
      }
      ++stall;
    }
    if (stall >= stall_limit) {  // back to the best, then a few random swaps in random rounds
      ++shakes_without_better;
      grp = best_grp, members = best_members, M = best_M, f = best;
      for (int k = 0, shakes = 2 + static_cast<int>(pick(rng, 4)); k < shakes * 3; ++k) {
        const int r = static_cast<int>(pick(rng, R));
        const int a = static_cast<int>(pick(rng, U)), b = static_cast<int>(pick(rng, U));
        if (kind[a] != kind[b] || grp[r][m.units[a].front()] == grp[r][m.units[b].front()]) continue;
        const std::int64_t d = delta(r, a, b);
        if (d == kNo) continue;
        swap_units(r, a, b);
        f += d;
      }
      stall = 0;
    }
  }
  for (int r = 0; r < R; ++r) {
    for (auto& g : rounds[r]) g.clear();
    for (int p = 0; p < n; ++p) rounds[r][best_grp[r][p]].push_back(p);
  }
  return best;
}

}  // namespace hs::breakouts::search
