#include "modules/vision/rules/opinions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <utility>

namespace hs::vision {

namespace {

// A number in [0, 1) from the generator's bits: the same on every standard library,
// which std::uniform_real_distribution is not.
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double value_of(Vote v) {
  switch (v) {
    case Vote::agree: return 1;
    case Vote::disagree: return -1;
    default: return 0;
  }
}

// Vectors for loops the compiler at -O2 would leave one cell at a time (GCC's and Clang's
// vector extensions: plain SSE2 on x86-64, NEON on ARM). Loaded and stored through
// memcpy: a vector type's pointer into an array may be compiled to aligned moves (with
// -mavx2 GCC 12 emits vmovaps whatever the typedef says) that fault on a row that is not
// 32-byte aligned.
typedef float Float8 __attribute__((vector_size(32)));
typedef std::int16_t Short16 __attribute__((vector_size(32)));

// The covariance of the chosen rows' votes (statements x statements, row-major), and the
// statements' means. X'X is summed exactly, in whole numbers: in 16-bit integers, sixteen
// cells at a time, while no cell can pass 32,767 (fewer rows than that), else in float
// (exact below 2^24), eight at a time. Each row adds (or takes away, for a disagree)
// itself to the rows of X'X of the statements it voted on; rows are padded with zeros
// to whole vectors, and only the upper triangle (from the vector holding the diagonal)
// is summed.
template <typename T, typename V>
std::vector<double> covariance_as(const VoteMatrix& votes, const std::vector<std::size_t>& rows,
                                  std::vector<double>& mean) {
  constexpr std::size_t lanes = sizeof(V) / sizeof(T);
  const std::size_t n = rows.size(), m = votes.statements, stride = (m + lanes - 1) / lanes * lanes;
  std::vector<T> xtx(m * stride, T{0}), row(stride, T{0});
  std::vector<std::size_t> nonzero;
  nonzero.reserve(m);
  std::vector<std::int64_t> sum(m, 0);
  for (std::size_t p : rows) {
    nonzero.clear();
    for (std::size_t j = 0; j < m; ++j) {
      const Vote v = votes.at(p, j);
      const int value = v == Vote::agree ? 1 : v == Vote::disagree ? -1 : 0;
      row[j] = static_cast<T>(value);
      sum[j] += value;
      if (value != 0) nonzero.push_back(j);
    }
    for (std::size_t j : nonzero) {
      T* out = &xtx[j * stride];
      const bool agree = row[j] > 0;
      for (std::size_t k = j / lanes * lanes; k < stride; k += lanes) {
        V o, r;
        std::memcpy(&o, out + k, sizeof o);
        std::memcpy(&r, row.data() + k, sizeof r);
        if (agree) o += r;
        else o -= r;
        std::memcpy(out + k, &o, sizeof o);
      }
    }
  }
  mean.assign(m, 0.0);
  for (std::size_t j = 0; j < m; ++j) mean[j] = static_cast<double>(sum[j]) / static_cast<double>(n);
  std::vector<double> cov(m * m);
  for (std::size_t j = 0; j < m; ++j)
    for (std::size_t k = j; k < m; ++k) {
      double c = static_cast<double>(xtx[j * stride + k]) / static_cast<double>(n) - mean[j] * mean[k];
      cov[j * m + k] = c;
      cov[k * m + j] = c;
    }
  return cov;
}

std::vector<double> covariance(const VoteMatrix& votes, const std::vector<std::size_t>& rows,
                               std::vector<double>& mean) {
  return rows.size() <= 32767 ? covariance_as<std::int16_t, Short16>(votes, rows, mean)
                              : covariance_as<float, Float8>(votes, rows, mean);
}

// The covariance's leading eigenvector orthogonal to `found`, by power iteration (the
// found ones deflated away by projecting them out each step). Its sign is fixed so that
// its largest entry is positive, so the picture does not flip between runs.
std::vector<double> leading_component(const std::vector<double>& cov, std::size_t m,
                                      const std::vector<std::vector<double>>& found, std::mt19937_64& rng,
                                      double& eigenvalue) {
  std::vector<double> v(m), w(m);
  for (auto& e : v) e = uniform(rng) - 0.5;
  auto orthonormalise = [&](std::vector<double>& u) {
    for (const auto& f : found) {
      double d = std::inner_product(u.begin(), u.end(), f.begin(), 0.0);
      for (std::size_t i = 0; i < m; ++i) u[i] -= d * f[i];
    }
    double norm = std::sqrt(std::inner_product(u.begin(), u.end(), u.begin(), 0.0));
    if (norm == 0) return false;
    for (auto& e : u) e /= norm;
    return true;
  };
  eigenvalue = 0;
  if (!orthonormalise(v)) return std::vector<double>(m, 0.0);
  // Converges as (second / first eigenvalue)^steps: fast when there are groups to find.
  // Without them the leading directions are nearly equal, any of them draws as good a
  // map, and the cap bounds the time.
  for (int step = 0; step < 1000; ++step) {
    for (std::size_t i = 0; i < m; ++i) {
      const double* row = &cov[i * m];
      double s = 0;
      // Four sums side by side: one alone waits on each addition in turn.
      double s1 = 0, s2 = 0, s3 = 0;
      std::size_t k = 0;
      for (; k + 4 <= m; k += 4) {
        s += row[k] * v[k];
        s1 += row[k + 1] * v[k + 1];
        s2 += row[k + 2] * v[k + 2];
        s3 += row[k + 3] * v[k + 3];
      }
      for (; k < m; ++k) s += row[k] * v[k];
      w[i] = (s + s1) + (s2 + s3);
    }
    eigenvalue = std::inner_product(w.begin(), w.end(), v.begin(), 0.0);
    if (!orthonormalise(w)) {
      eigenvalue = 0;
      return std::vector<double>(m, 0.0);
    }
    double change = 0;
    for (std::size_t i = 0; i < m; ++i) change = std::max(change, std::abs(w[i] - v[i]));
    std::swap(v, w);
    if (change < 1e-9) break;
  }
  std::size_t top = 0;
  for (std::size_t i = 1; i < m; ++i)
    if (std::abs(v[i]) > std::abs(v[top]) + 1e-12) top = i;
  if (v[top] < 0)
    for (auto& e : v) e = -e;
  return v;
}

double distance2(Point a, Point b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

struct Clustering {
  std::vector<int> label;
  double inertia = std::numeric_limits<double>::infinity();
};

// k-means with k-means++ seeding (Arthur and Vassilvitskii): each next centre drawn with
// probability proportional to its squared distance from the nearest centre so far.
// Empty when the points have fewer than k distinct places.
Clustering kmeans(const std::vector<Point>& pts, std::size_t k, std::mt19937_64& rng) {
  const std::size_t n = pts.size();
  std::vector<Point> centre;
  centre.push_back(pts[static_cast<std::size_t>(uniform(rng) * static_cast<double>(n))]);
  std::vector<double> nearest(n);
  for (std::size_t i = 0; i < n; ++i) nearest[i] = distance2(pts[i], centre[0]);
  while (centre.size() < k) {
    double total = std::accumulate(nearest.begin(), nearest.end(), 0.0);
    if (total <= 0) return {};
    double r = uniform(rng) * total;
    std::size_t pick = n - 1;
    for (std::size_t i = 0; i < n; ++i) {
      r -= nearest[i];
      if (r < 0 && nearest[i] > 0) {
        pick = i;
        break;
      }
    }
    if (nearest[pick] <= 0) {
      // Rounding ran off the end: the last point with any weight.
      while (pick > 0 && nearest[pick] <= 0) --pick;
    }
    centre.push_back(pts[pick]);
    for (std::size_t i = 0; i < n; ++i) nearest[i] = std::min(nearest[i], distance2(pts[i], centre.back()));
  }

  Clustering c;
  c.label.assign(n, -1);
  std::vector<double> sx(k), sy(k);
  std::vector<std::size_t> count(k);
  for (int iteration = 0; iteration < 300; ++iteration) {
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      int best = 0;
      double bd = distance2(pts[i], centre[0]);
      for (std::size_t j = 1; j < k; ++j) {
        double d = distance2(pts[i], centre[j]);
        if (d < bd) bd = d, best = static_cast<int>(j);
      }
      if (c.label[i] != best) c.label[i] = best, changed = true;
    }
    if (!changed) break;
    std::fill(sx.begin(), sx.end(), 0.0);
    std::fill(sy.begin(), sy.end(), 0.0);
    std::fill(count.begin(), count.end(), 0);
    for (std::size_t i = 0; i < n; ++i) {
      auto l = static_cast<std::size_t>(c.label[i]);
      sx[l] += pts[i].x, sy[l] += pts[i].y, ++count[l];
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (count[j] > 0) {
        centre[j] = {sx[j] / static_cast<double>(count[j]), sy[j] / static_cast<double>(count[j])};
        continue;
      }
      // An empty group takes the point farthest from its own centre.
      std::size_t far = 0;
      double fd = -1;
      for (std::size_t i = 0; i < n; ++i) {
        double d = distance2(pts[i], centre[static_cast<std::size_t>(c.label[i])]);
        if (d > fd) fd = d, far = i;
      }
      centre[j] = pts[far];
      c.label[far] = static_cast<int>(j);
    }
  }
  c.inertia = 0;
  for (std::size_t i = 0; i < n; ++i) c.inertia += distance2(pts[i], centre[static_cast<std::size_t>(c.label[i])]);
  return c;
}

// Mean silhouette of each grouping of the same points, in one pass over the pairs: each
// point's distances are worked out once and added into every grouping's sums. Above
// kSilhouetteSample points, an evenly spread sample of them is scored (against every
// point), as scikit-learn's sample_size does, to keep the time bounded. The distances are
// in float (the square roots are most of the time); the sums are in double.
constexpr std::size_t kSilhouetteSample = 2500;

std::vector<double> silhouettes(const std::vector<Point>& pts, const std::vector<Clustering>& groupings,
                                const std::vector<std::size_t>& ks) {
  const std::size_t n = pts.size(), g = groupings.size();
  std::vector<double> total(g, 0.0);
  if (g == 0) return total;
  // Each grouping's members, group by group, so a group's distances are summed in a
  // register rather than into memory one point at a time.
  std::vector<std::vector<std::vector<std::uint32_t>>> members(g);
  for (std::size_t a = 0; a < g; ++a) {
    members[a].resize(ks[a]);
    for (std::size_t j = 0; j < n; ++j)
      members[a][static_cast<std::size_t>(groupings[a].label[j])].push_back(static_cast<std::uint32_t>(j));
  }
  const std::size_t step = n > kSilhouetteSample ? (n + kSilhouetteSample - 1) / kSilhouetteSample : 1;
  std::size_t scored = 0;
  // The points' coordinates apart, in float, so the distances can be worked out several at a time.
  std::vector<float> xs(n), ys(n), d(n);
  for (std::size_t j = 0; j < n; ++j) xs[j] = static_cast<float>(pts[j].x), ys[j] = static_cast<float>(pts[j].y);
  std::vector<double> sums;
  for (std::size_t i = 0; i < n; i += step) {
    ++scored;
    const float xi = xs[i], yi = ys[i];
    for (std::size_t j = 0; j < n; ++j) d[j] = std::sqrt((xs[j] - xi) * (xs[j] - xi) + (ys[j] - yi) * (ys[j] - yi));
    for (std::size_t a = 0; a < g; ++a) {
      sums.assign(ks[a], 0.0);
      for (std::size_t c = 0; c < ks[a]; ++c) {
        const auto& of = members[a][c];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        std::size_t j = 0;
        for (; j + 4 <= of.size(); j += 4) s0 += d[of[j]], s1 += d[of[j + 1]], s2 += d[of[j + 2]], s3 += d[of[j + 3]];
        for (; j < of.size(); ++j) s0 += d[of[j]];
        sums[c] = (s0 + s1) + (s2 + s3);
      }
      auto own = static_cast<std::size_t>(groupings[a].label[i]);
      const std::size_t own_size = members[a][own].size();
      if (own_size <= 1) continue;  // a group of one scores 0
      double in = sums[own] / static_cast<double>(own_size - 1);
      double out = std::numeric_limits<double>::infinity();
      for (std::size_t c = 0; c < ks[a]; ++c)
        if (c != own && !members[a][c].empty())
          out = std::min(out, sums[c] / static_cast<double>(members[a][c].size()));
      double top = std::max(in, out);
      if (top > 0 && std::isfinite(out)) total[a] += (out - in) / top;
    }
  }
  for (auto& t : total) t /= static_cast<double>(scored);
  return total;
}

double smoothed(std::size_t yes, std::size_t answered) {
  return (static_cast<double>(yes) + 1) / (static_cast<double>(answered) + 2);
}

}  // namespace

OpinionMap opinion_map(const VoteMatrix& votes, const OpinionOptions& options) {
  OpinionMap out;
  const std::size_t people = votes.participants, m = votes.statements;
  out.points.assign(people, Point{});
  out.group.assign(people, -1);
  if (people == 0 || m == 0) return out;

  // Who is grouped.
  const std::size_t needed = std::min(options.min_votes, m);
  std::vector<std::size_t> rows;
  for (std::size_t p = 0; p < people; ++p) {
    std::size_t answered = 0;
    for (std::size_t s = 0; s < m; ++s) answered += votes.at(p, s) != Vote::unseen;
    if (answered >= needed && answered > 0) rows.push_back(p);
  }
  const std::size_t n = rows.size();
  if (n == 0) return out;

  // Two principal components of the centred votes.
  std::mt19937_64 rng(options.seed);
  std::vector<double> mean;
  auto cov = covariance(votes, rows, mean);
  std::vector<std::vector<double>> components;
  double explained = 0;
  for (int c = 0; c < 2; ++c) {
    double eigenvalue = 0;
    components.push_back(leading_component(cov, m, components, rng, eigenvalue));
    explained += std::max(0.0, eigenvalue);
  }
  double trace = 0;
  for (std::size_t s = 0; s < m; ++s) trace += cov[s * m + s];
  out.explained = trace > 0 ? std::min(1.0, explained / trace) : 0;

  // Everyone's point, those not grouped too (the caller may show them apart).
  std::vector<double> centred(m);
  for (std::size_t p = 0; p < people; ++p) {
    for (std::size_t s = 0; s < m; ++s) centred[s] = value_of(votes.at(p, s)) - mean[s];
    out.points[p] = {std::inner_product(centred.begin(), centred.end(), components[0].begin(), 0.0),
                     std::inner_product(centred.begin(), centred.end(), components[1].begin(), 0.0)};
  }
  std::vector<Point> pts(n);
  for (std::size_t i = 0; i < n; ++i) pts[i] = out.points[rows[i]];

  // Groups: the best k-means run for each k, then the k with the best silhouette
  // (ties to the fewer groups).
  std::vector<int> label(n, 0);
  std::size_t k_best = 1;
  const std::size_t k_max = std::min(options.max_groups, n - 1);
  std::vector<Clustering> groupings;
  std::vector<std::size_t> ks;
  for (std::size_t k = 2; k <= k_max; ++k) {
    Clustering best;
    for (int r = 0; r < std::max(1, options.restarts); ++r) {
      auto c = kmeans(pts, k, rng);
      if (!c.label.empty() && c.inertia < best.inertia) best = std::move(c);
    }
    if (best.label.empty()) break;  // fewer distinct points than k
    groupings.push_back(std::move(best));
    ks.push_back(k);
  }
  auto scores = silhouettes(pts, groupings, ks);
  for (std::size_t a = 0; a < groupings.size(); ++a) {
    if (k_best == 1 || scores[a] > out.silhouette + 1e-12) {
      out.silhouette = scores[a];
      k_best = ks[a];
      label = groupings[a].label;
    }
  }

  // Groups numbered by size, largest first (then by their first member), so the same
  // votes always give the same numbers.
  std::vector<std::vector<std::size_t>> members(k_best);
  for (std::size_t i = 0; i < n; ++i) members[static_cast<std::size_t>(label[i])].push_back(rows[i]);
  std::erase_if(members, [](const auto& g) { return g.empty(); });
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  const std::size_t groups = members.size();
  out.groups.resize(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::size_t p : members[g]) out.group[p] = static_cast<int>(g);
    out.groups[g].members = members[g];
  }
  out.grouped = n;

  // Each statement's answers in each group, and among all grouped.
  struct Count {
    std::size_t agree = 0, disagree = 0, answered = 0;
  };
  std::vector<Count> in(groups * m), all(m);
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t p : members[g])
      for (std::size_t s = 0; s < m; ++s) {
        Vote v = votes.at(p, s);
        if (v == Vote::unseen) continue;
        Count& c = in[g * m + s];
        ++c.answered;
        c.agree += v == Vote::agree;
        c.disagree += v == Vote::disagree;
      }
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t s = 0; s < m; ++s) {
      all[s].agree += in[g * m + s].agree;
      all[s].disagree += in[g * m + s].disagree;
      all[s].answered += in[g * m + s].answered;
    }

  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<std::pair<double, StatementInGroup>> found;
    for (std::size_t s = 0; s < m; ++s) {
      const Count& c = in[g * m + s];
      if (c.answered < options.min_group_votes) continue;
      Count o{all[s].agree - c.agree, all[s].disagree - c.disagree, all[s].answered - c.answered};
      double agree = smoothed(c.agree, c.answered), agree_out = smoothed(o.agree, o.answered);
      double disagree = smoothed(c.disagree, c.answered), disagree_out = smoothed(o.disagree, o.answered);
      double by_agree = agree - agree_out, by_disagree = disagree - disagree_out;
      bool agrees = by_agree >= by_disagree;
      double rate = agrees ? agree : disagree, by = agrees ? by_agree : by_disagree;
      if (rate <= 0.5 || by < options.distinct_by) continue;
      found.push_back({by, StatementInGroup{s, agrees, rate, agrees ? agree_out : disagree_out, c.answered}});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > options.max_distinctive) found.resize(options.max_distinctive);
    for (auto& f : found) out.groups[g].distinctive.push_back(f.second);
  }

  for (std::size_t s = 0; s < m; ++s) {
    double lowest = 1;
    bool every = groups > 0;
    for (std::size_t g = 0; g < groups && every; ++g) {
      const Count& c = in[g * m + s];
      double rate = smoothed(c.agree, c.answered);
      every = c.answered >= options.min_group_votes && rate >= options.common_ground;
      lowest = std::min(lowest, rate);
    }
    if (every) out.common_ground.push_back({s, lowest});
  }
  return out;
}

double adjusted_rand_index(const std::vector<int>& a, const std::vector<int>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n < 2) return 1;
  // Labels below 0 become one group of their own in each grouping.
  auto key = [](int l) { return std::max(l, -1); };
  std::map<std::pair<int, int>, double> cells;
  std::map<int, double> rows, cols;
  for (std::size_t i = 0; i < n; ++i) {
    ++cells[{key(a[i]), key(b[i])}];
    ++rows[key(a[i])];
    ++cols[key(b[i])];
  }
  auto pairs = [](double c) { return c * (c - 1) / 2; };
  double index = 0, sum_rows = 0, sum_cols = 0;
  for (const auto& [k, c] : cells) index += pairs(c);
  for (const auto& [k, c] : rows) sum_rows += pairs(c);
  for (const auto& [k, c] : cols) sum_cols += pairs(c);
  double expected = sum_rows * sum_cols / pairs(static_cast<double>(n));
  double most = (sum_rows + sum_cols) / 2;
  if (most == expected) return 1;  // both put everyone together (or everyone apart)
  return (index - expected) / (most - expected);
}

}  // namespace hs::vision
