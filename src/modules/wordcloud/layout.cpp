#include "modules/wordcloud/layout.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "modules/wordcloud/board.hpp"
#include "modules/wordcloud/font.hpp"

namespace hs::wordcloud {
namespace {

struct Item {
  const LayoutWord* word;
  std::string id;
  TextMetrics metrics;
  double base_size;
  int rotate;
  std::optional<std::pair<double, double>> previous;  // box centre in the previous layout
};

// A word's box relative to its text origin, at a size.
struct Box {
  int left, top, width, height;
};

Box box_at(const TextMetrics& m, double size, int rotate, int pad) {
  double l = m.ink_left * size, t = m.ink_top * size, r = m.ink_right * size, b = m.ink_bottom * size;
  if (r <= l || b <= t) l = 0, r = std::max(m.advance * size, 1.0), t = -size * 0.7, b = 0;  // no ink: a space
  double x0 = l, x1 = r, y0 = t, y1 = b;
  if (rotate == 90) x0 = -b, x1 = -t, y0 = l, y1 = r;        // (u, v) -> (-v, u)
  else if (rotate == -90) x0 = t, x1 = b, y0 = -r, y1 = -l;  // (u, v) -> (v, -u)
  int L = static_cast<int>(std::floor(x0)) - pad, T = static_cast<int>(std::floor(y0)) - pad;
  int R = static_cast<int>(std::ceil(x1)) + pad, B = static_cast<int>(std::ceil(y1)) + pad;
  return {L, T, R - L, B - T};
}

int rotation_for(const std::string& id, const std::vector<int>& rotations) {
  if (rotations.empty()) return 0;
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a: stable across runs and builds
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ULL;
  int r = rotations[h % rotations.size()];
  if (r == 270) r = -90;
  return (r == 90 || r == -90) ? r : 0;
}

double size_at(double base, double scale) { return std::round(base * scale * 100) / 100; }

struct Attempt {
  bool ok = true;
  std::vector<std::optional<PlacedWord>> placed;  // by item
};

// The point an Archimedean spiral (d3-cloud's: r = theta, x stretched by the aspect)
// reaches at step t.
Point spiral_point(int t, double aspect) {
  double theta = 0.1 * t;
  return {static_cast<int>(aspect * theta * std::cos(theta)), static_cast<int>(theta * std::sin(theta))};
}

Attempt attempt(const std::vector<Item>& items, const LayoutOptions& o, double scale, Board& board,
                bool stop_at_first_miss) {
  board.clear();
  Attempt a;
  a.placed.resize(items.size());
  const int c = o.cell;
  auto cells = [c](int px) { return (px + c - 1) / c; };
  auto put = [&](std::size_t i, const Box& box, int bx, int by, double size) {
    board.fill(bx / c, by / c, cells(box.width), cells(box.height));
    PlacedWord p;
    p.text = items[i].word->text;
    p.id = items[i].id;
    p.size = size;
    p.rotate = items[i].rotate;
    p.left = bx, p.top = by, p.width = box.width, p.height = box.height;
    p.x = bx - box.left, p.y = by - box.top;
    p.advance = items[i].metrics.advance * size;
    a.placed[i] = std::move(p);
  };
  // Words from the previous layout first, each where it was if that place is free.
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].previous) continue;
    double size = size_at(items[i].base_size, scale);
    Box box = box_at(items[i].metrics, size, items[i].rotate, o.padding);
    int bx = c * static_cast<int>(std::lround((items[i].previous->first - box.width / 2.0) / c));
    int by = c * static_cast<int>(std::lround((items[i].previous->second - box.height / 2.0) / c));
    if (board.fits(bx / c, by / c, cells(box.width), cells(box.height))) put(i, box, bx, by, size);
  }
  const double aspect = static_cast<double>(o.width) / o.height;
  std::vector<Point> spiral;
  for (int t = 0; t < o.spiral_steps; ++t) {
    Point d = spiral_point(t, aspect);
    d.x /= c, d.y /= c;
    if (spiral.empty() || d.x != spiral.back().x || d.y != spiral.back().y) spiral.push_back(d);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (a.placed[i]) continue;
    double size = size_at(items[i].base_size, scale);
    Box box = box_at(items[i].metrics, size, items[i].rotate, o.padding);
    double cx = items[i].previous ? items[i].previous->first : o.width / 2.0;
    double cy = items[i].previous ? items[i].previous->second : o.height / 2.0;
    int bw = cells(box.width), bh = cells(box.height);
    int tx = static_cast<int>(std::lround((cx - box.width / 2.0) / c));
    int ty = static_cast<int>(std::lround((cy - box.height / 2.0) / c));
    std::optional<Point> at;
    for (std::size_t t = 0; t < spiral.size() && !at; ++t)
      if (board.fits(tx + spiral[t].x, ty + spiral[t].y, bw, bh)) at = Point{tx + spiral[t].x, ty + spiral[t].y};
    // Past the first turns, the exact search: the free place nearest the start.
    if (!at) at = board.nearest_fit(bw, bh, tx, ty);
    if (!at) {
      a.ok = false;
      if (stop_at_first_miss) return a;
      continue;
    }
    put(i, box, at->x * c, at->y * c, size);
  }
  return a;
}

}  // namespace

Layout layout(const std::vector<LayoutWord>& words, const Font& font, const LayoutOptions& options,
              const Layout* previous) {
  LayoutOptions o = options;
  o.width = std::max(o.width, 1);
  o.height = std::max(o.height, 1);
  o.padding = std::max(o.padding, 0);
  if (!(o.max_scale > 0)) o.max_scale = 1;

  std::unordered_map<std::string, std::pair<double, double>> before;
  if (previous)
    for (const auto& p : previous->words)
      before.emplace(p.id, std::pair{p.left + p.width / 2.0, p.top + p.height / 2.0});

  std::int64_t max_count = 0;
  for (const auto& w : words) max_count = std::max(max_count, w.count);
  std::vector<Item> items;
  for (const auto& w : words) {
    if (w.count <= 0) continue;
    Item it{&w, w.id.empty() ? w.text : w.id, font.measure(w.text), 0, 0, std::nullopt};
    it.base_size = o.min_size + o.size_range * std::sqrt(static_cast<double>(w.count) / max_count);
    it.rotate = rotation_for(it.id, o.rotations);
    if (auto b = before.find(it.id); b != before.end()) it.previous = b->second;
    items.push_back(std::move(it));
  }
  // Largest first. Among words of one size, the shorter boxes and then the narrower
  // words first: every box that follows is then at least as large, so a search can
  // skip the places an earlier one already found full (see Board::nearest_fit).
  auto ink_h = [](const Item& i) { return i.metrics.ink_bottom - i.metrics.ink_top; };
  auto ink_w = [](const Item& i) { return i.metrics.ink_right - i.metrics.ink_left; };
  std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    if (a.base_size != b.base_size) return a.base_size > b.base_size;
    if (a.rotate != b.rotate) return a.rotate < b.rotate;
    if (ink_h(a) != ink_h(b)) return ink_h(a) < ink_h(b);
    return ink_w(a) < ink_w(b);
  });

  Layout out;
  out.width = o.width;
  out.height = o.height;
  out.total = items.size();
  o.cell = std::clamp(std::min({o.cell, o.width, o.height}), 1, 8);
  Board board(o.width / o.cell, o.height / o.cell);

  // The largest scale at which every word fits: try the full size, then shrink until
  // a layout fits, then bisect between the last miss and the fit.
  double scale = o.max_scale;
  Attempt best = attempt(items, o, scale, board, true);
  ++out.attempts;
  if (!best.ok) {
    double fits = 0, misses = scale;
    double area = 0;
    for (const auto& it : items) {
      Box b = box_at(it.metrics, size_at(it.base_size, o.max_scale), it.rotate, o.padding);
      area += static_cast<double>(b.width) * b.height;
    }
    // Words rarely cover more than about 60 % of the canvas.
    double guess = std::min(misses * 0.9, o.max_scale * std::sqrt(0.6 * o.width * o.height / std::max(area, 1.0)));
    for (double s = guess;; s *= 0.75) {
      if (s < 1e-3) break;
      Attempt a = attempt(items, o, s, board, true);
      ++out.attempts;
      if (a.ok) {
        fits = s;
        best = std::move(a);
        break;
      }
      misses = s;
    }
    if (fits == 0) {
      // Not even tiny words fit (a canvas of a few pixels): place what fits.
      scale = 1e-3;
      best = attempt(items, o, scale, board, false);
      ++out.attempts;
    } else {
      while (misses / fits > 1.01 && out.attempts < 16) {
        double mid = std::sqrt(fits * misses);
        Attempt a = attempt(items, o, mid, board, true);
        ++out.attempts;
        if (a.ok) {
          fits = mid;
          best = std::move(a);
        } else {
          misses = mid;
        }
      }
      scale = fits;
    }
  }
  out.scale = scale;

  double moved = 0;
  std::size_t both = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!best.placed[i]) {
      out.unplaced.push_back(items[i].id);
      continue;
    }
    auto& p = *best.placed[i];
    if (items[i].previous) {
      double dx = p.left + p.width / 2.0 - items[i].previous->first;
      double dy = p.top + p.height / 2.0 - items[i].previous->second;
      double d = std::hypot(dx, dy);
      moved += d;
      ++both;
      if (d <= o.cell) ++out.kept;  // centred on the old centre, to the nearest cell
    }
    out.words.push_back(std::move(p));
  }
  out.mean_movement = both ? moved / both : 0;
  return out;
}

}  // namespace hs::wordcloud
