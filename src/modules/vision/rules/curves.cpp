#include "modules/vision/rules/curves.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

namespace hs::vision {

namespace {

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

// A logistic step from 0 at t=0 to 1 at t=1, steepest at `mid`.
double step(double t, double mid, double steepness) {
  double lo = logistic(-steepness * mid), hi = logistic(steepness * (1 - mid));
  return (logistic(steepness * (t - mid)) - lo) / (hi - lo);
}

// The curves stay between these levels, leaving room above and below for labels.
constexpr double kLow = 0.1, kHigh = 0.88;

// Where along its curve a horizon's notes go first (t from, to).
std::pair<double, double> preferred_span(Horizon h) {
  switch (h) {
    case Horizon::h1: return {0.02, 0.55};
    case Horizon::h3: return {0.45, 0.98};
    case Horizon::h2: return {0.25, 0.75};
    case Horizon::h2_minus: return {0.18, 0.5};
    case Horizon::h2_plus: return {0.5, 0.82};
  }
  return {0, 1};
}

// Boxes already placed, in a grid of cells so a candidate is checked only against its
// neighbours. Each box is stored grown by half the gap on every side, so two stored
// boxes that do not overlap are at least `gap` apart.
class Occupancy {
 public:
  Occupancy(double width, double height, double gap)
      : cols_(std::max(1, static_cast<int>(std::ceil(width / kCell)))),
        rows_(std::max(1, static_cast<int>(std::ceil(height / kCell)))),
        half_gap_(gap / 2),
        cells_(static_cast<std::size_t>(cols_ * rows_)) {}

  bool free(const Box& b) const {
    Box g = grown(b);
    auto [c0, c1, r0, r1] = cells_of(g);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c)
        for (std::size_t i : cells_[static_cast<std::size_t>(r * cols_ + c)])
          if (overlaps(g, boxes_[i])) return false;
    return true;
  }

  void add(const Box& b) {
    Box g = grown(b);
    boxes_.push_back(g);
    auto [c0, c1, r0, r1] = cells_of(g);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) cells_[static_cast<std::size_t>(r * cols_ + c)].push_back(boxes_.size() - 1);
  }

 private:
  static constexpr double kCell = 48;

  Box grown(const Box& b) const {
    return {b.x - half_gap_, b.y - half_gap_, b.width + 2 * half_gap_, b.height + 2 * half_gap_};
  }

  // First and last column and row of the cells the box touches.
  std::array<int, 4> cells_of(const Box& b) const {
    auto at = [](double v, int count) { return std::clamp(static_cast<int>(std::floor(v / kCell)), 0, count - 1); };
    return {at(b.x, cols_), at(b.x + b.width, cols_), at(b.y, rows_), at(b.y + b.height, rows_)};
  }

  int cols_, rows_;
  double half_gap_;
  std::vector<std::vector<std::size_t>> cells_;
  std::vector<Box> boxes_;
};

// Places tried for a box, nearest its preferred place first: steps along the curve
// (kSteps over the plot's width) and up or down from it (kRise px a step), a vertical
// step costing 1.5 times a horizontal pixel, so labels hug their curve before they
// wander along it. The same order serves every box.
constexpr int kSteps = 160;
constexpr double kRise = 5;

struct Offset {
  int along = 0, up = 0;
};

// A label strays at most this share of the plot's height from its curve: any farther and
// it reads as belonging to another.
constexpr double kMaxStray = 0.45;

std::vector<Offset> offsets(const Plot& plot) {
  const double dx = plot.width / kSteps;
  const int rises = static_cast<int>(kMaxStray * plot.height / kRise) + 1;
  std::vector<std::pair<double, Offset>> all;
  all.reserve(static_cast<std::size_t>((2 * kSteps + 1) * (2 * rises + 1)));
  for (int a = -kSteps; a <= kSteps; ++a)
    for (int u = -rises; u <= rises; ++u) all.push_back({std::abs(a) * dx + 1.5 * std::abs(u) * kRise, Offset{a, u}});
  std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Offset> out;
  out.reserve(all.size());
  for (const auto& [cost, o] : all) out.push_back(o);
  return out;
}

struct Attempt {
  std::vector<std::pair<std::size_t, PlacedLabel>> notes;  // with the label's index
  std::vector<std::size_t> overflow;                       // the labels' indexes
};

class Placer {
 public:
  Placer(const CurvesOptions& options, const Plot& plot, const std::vector<Offset>& order)
      : plot_(plot), order_(order), occupied_(options.width, options.height, options.gap) {
    for (int c = 0; c < 3; ++c)
      for (int s = 0; s <= kSteps; ++s)
        points_[static_cast<std::size_t>(c)][static_cast<std::size_t>(s)] =
            point_on(plot_, static_cast<Curve>(c), static_cast<double>(s) / kSteps);
  }

  // The nearest free place to t_pref on the curve, or false. `lift` shifts the preferred
  // place up (negative: down) by that many px from centred on the curve.
  bool place(Curve curve, double t_pref, double width, double height, double lift, PlacedLabel& out) {
    if (width <= 0 || height <= 0 || width > plot_.width || height > plot_.height) return false;
    const int base = static_cast<int>(std::lround(t_pref * kSteps));
    for (const Offset& o : order_) {
      int s = base + o.along;
      if (s < 0 || s > kSteps) continue;
      const Xy p = points_[static_cast<std::size_t>(curve)][static_cast<std::size_t>(s)];
      Box b{std::clamp(p.x - width / 2, plot_.left, plot_.left + plot_.width - width),
            p.y - height / 2 - lift - o.up * kRise, width, height};
      if (b.y < plot_.top || b.y + b.height > plot_.top + plot_.height) continue;
      if (!occupied_.free(b)) continue;
      occupied_.add(b);
      out.curve = curve;
      out.box = b;
      out.anchor = p;
      return true;
    }
    return false;
  }

 private:
  Plot plot_;
  const std::vector<Offset>& order_;
  Occupancy occupied_;
  std::array<std::array<Xy, kSteps + 1>, 3> points_;  // each curve at each step
};

}  // namespace

Curve curve_of(Horizon h) {
  switch (h) {
    case Horizon::h1: return Curve::h1;
    case Horizon::h3: return Curve::h3;
    default: return Curve::h2;
  }
}

bool overlaps(const Box& a, const Box& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

double level(Curve c, double t) {
  t = std::clamp(t, 0.0, 1.0);
  switch (c) {
    case Curve::h1: return kHigh - (kHigh - kLow) * step(t, 0.5, 9);
    case Curve::h3: return kLow + (kHigh - kLow) * step(t, 0.55, 9);
    case Curve::h2: {
      double d = (t - 0.5) / 0.2;
      return kLow + 0.05 + 0.5 * std::exp(-d * d);
    }
  }
  return 0;
}

Xy point_on(const Plot& plot, Curve c, double t) {
  return {plot.left + plot.width * std::clamp(t, 0.0, 1.0), plot.top + plot.height * (1 - level(c, t))};
}

CurvesLayout place_labels(const std::vector<LabelSize>& labels, const CurvesOptions& options) {
  CurvesLayout out;
  out.width = options.width;
  out.height = options.height;
  const double m = options.margin;
  auto plot_with = [&](double footer) {
    return Plot{m, m + options.title_height, std::max(0.0, options.width - 2 * m),
                std::max(0.0, options.height - 2 * m - options.title_height - footer)};
  };
  out.plot = plot_with(options.footer_height);
  const auto order = offsets(out.plot);

  // The highlighted first, each horizon's in the order given; and where each goes first:
  // spread evenly over its horizon's span of the curve.
  // The rest take turns by horizon, so that when not all fit, each horizon keeps its
  // share of the picture rather than the first listed taking it all.
  std::vector<std::size_t> sequence;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i].highlighted) sequence.push_back(i);
  {
    std::array<std::vector<std::size_t>, 5> by_horizon;
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (!labels[i].highlighted) by_horizon[static_cast<std::size_t>(labels[i].horizon)].push_back(i);
    for (std::size_t turn = 0; sequence.size() < labels.size(); ++turn)
      for (const auto& of : by_horizon)
        if (turn < of.size()) sequence.push_back(of[turn]);
  }
  std::vector<double> t_pref(labels.size());
  for (Horizon h : {Horizon::h1, Horizon::h2, Horizon::h2_plus, Horizon::h2_minus, Horizon::h3}) {
    std::vector<std::size_t> of;
    for (std::size_t i : sequence)
      if (labels[i].horizon == h) of.push_back(i);
    auto [a, b] = preferred_span(h);
    // Left to right in the order given.
    for (std::size_t j = 0; j < of.size(); ++j)
      t_pref[of[j]] = a + (b - a) * (static_cast<double>(j) + 0.5) / static_cast<double>(of.size());
  }
  double area = 0;
  for (const auto& l : labels) area += l.width * l.height;
  const double room = out.plot.width * out.plot.height;

  auto attempt = [&](const Plot& plot, double scale, bool keep_going,
                     std::array<PlacedLabel, 3>& titles) -> std::optional<Attempt> {
    Placer placer(options, plot, order);
    // The curves' own labels: H1's at its start, H3's at its end, H2's over its swell,
    // each just above its curve.
    const double prefs[3] = {0.0, 0.5, 1.0};
    for (int c = 0; c < 3; ++c) {
      const auto& l = options.curve_labels[static_cast<std::size_t>(c)];
      PlacedLabel p;
      p.id = l.id;
      if (!placer.place(static_cast<Curve>(c), prefs[c], l.width, l.height, l.height / 2 + options.gap, p)) {
        p.curve = static_cast<Curve>(c);
        p.box = {};  // did not fit: not drawn
      }
      titles[static_cast<std::size_t>(c)] = p;
    }
    Attempt a;
    // A box as large or larger than one that found no place finds none either.
    std::vector<std::pair<double, double>> failed;
    for (std::size_t i : sequence) {
      const auto& l = labels[i];
      double w = l.width * scale, h = l.height * scale;
      bool hopeless = std::any_of(failed.begin(), failed.end(), [&](auto f) { return w >= f.first && h >= f.second; });
      PlacedLabel p;
      p.id = l.id;
      p.highlighted = l.highlighted;
      if (!hopeless && placer.place(curve_of(l.horizon), t_pref[i], w, h, 0, p)) {
        a.notes.push_back({i, p});
        continue;
      }
      if (!keep_going) return std::nullopt;
      if (!hopeless) failed.push_back({w, h});
      a.overflow.push_back(i);
    }
    return a;
  };

  // Shrink in steps until everything fits; boxes filling more than half the plot will
  // not fit, so those scales are not tried.
  std::optional<Attempt> done;
  double scale = 1;
  for (; scale > options.min_scale + 1e-9; scale -= 0.1) {
    if (area * scale * scale > 0.5 * room) continue;
    done = attempt(out.plot, scale, false, out.curve_labels);
    if (done) break;
  }
  if (!done) {
    // The last try may leave notes out: it keeps room at the bottom to say so.
    scale = std::min(1.0, options.min_scale);
    out.plot = plot_with(options.footer_height + options.overflow_footer);
    done = attempt(out.plot, scale, true, out.curve_labels);
  }
  out.scale = scale;
  // Back in the order given.
  std::sort(done->notes.begin(), done->notes.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [i, p] : done->notes) out.notes.push_back(std::move(p));
  std::sort(done->overflow.begin(), done->overflow.end());
  for (std::size_t i : done->overflow) out.overflow.push_back(labels[i].id);
  return out;
}

}  // namespace hs::vision
