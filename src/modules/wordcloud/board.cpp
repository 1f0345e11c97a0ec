#include "modules/wordcloud/board.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>

namespace hs::wordcloud {
namespace {

constexpr std::size_t kBands = 4;

// Bits x .. x+w-1 of one word-aligned span: the mask for word k.
inline std::uint64_t span_mask(int k, int x, int w) {
  int lo = std::max(x - 64 * k, 0), hi = std::min(x + w - 64 * k, 64);
  if (hi <= lo) return 0;
  std::uint64_t upper = hi == 64 ? ~0ULL : ((1ULL << hi) - 1);
  return upper & ~((1ULL << lo) - 1);
}

}  // namespace

Board::Board(int width, int height) : w_(std::max(width, 1)), h_(std::max(height, 1)), stride_((w_ + 63) / 64) {
  clear();
}

void Board::clear() {
  bits_.assign(static_cast<std::size_t>(stride_) * h_, 0);
  // Columns past the right edge count as occupied, so runs of free pixels end there.
  if (w_ % 64 != 0) {
    std::uint64_t past = ~((1ULL << (w_ % 64)) - 1);
    for (int y = 0; y < h_; ++y) bits_[static_cast<std::size_t>(y) * stride_ + stride_ - 1] = past;
  }
  bands_.clear();
  hint_ = 0;
}

bool Board::fits(int x, int y, int w, int h) const {
  if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > w_ || y + h > h_) return false;
  int k0 = x >> 6, k1 = (x + w - 1) >> 6;
  // Check the middle row first: words sit in rows of similar words, so a collision
  // shows there soonest.
  auto row_free = [&](int r) {
    const std::uint64_t* row = bits_.data() + static_cast<std::size_t>(r) * stride_;
    for (int k = k0; k <= k1; ++k)
      if (row[k] & span_mask(k, x, w)) return false;
    return true;
  };
  if (!row_free(y + h / 2)) return false;
  for (int r = y; r < y + h; ++r)
    if (!row_free(r)) return false;
  return true;
}

void Board::mark(std::vector<std::uint64_t>& rows, int y0, int y1, int x, int w) const {
  int k0 = x >> 6, k1 = (x + w - 1) >> 6;
  for (int r = y0; r < y1; ++r) {
    std::uint64_t* row = rows.data() + static_cast<std::size_t>(r) * stride_;
    for (int k = k0; k <= k1; ++k) row[k] |= span_mask(k, x, w);
  }
}

void Board::fill(int x, int y, int w, int h) {
  int x0 = std::max(x, 0), y0 = std::max(y, 0), x1 = std::min(x + w, w_), y1 = std::min(y + h, h_);
  if (x1 <= x0 || y1 <= y0) return;
  mark(bits_, y0, y1, x0, x1 - x0);
  // A band row y covers canvas rows y .. y+bh-1, so rows y0-bh+1 .. y1-1 change.
  for (auto& b : bands_) mark(b.rows, std::max(0, y0 - b.h + 1), std::min(y1, h_ - b.h + 1), x0, x1 - x0);
}

Board::Band& Board::band(int h) {
  ++clock_;
  for (auto& b : bands_)
    if (b.h == h) {
      b.used = clock_;
      return b;
    }
  Band* b;
  if (bands_.size() < kBands) {
    bands_.emplace_back();
    b = &bands_.back();
  } else {
    b = &*std::min_element(bands_.begin(), bands_.end(), [](const Band& p, const Band& q) { return p.used < q.used; });
  }
  b->h = h;
  b->used = clock_;
  b->rows = bits_;
  b->known_w.assign(static_cast<std::size_t>(h_), -1);
  b->known_lo.assign(static_cast<std::size_t>(h_), 0);
  b->known_hi.assign(static_cast<std::size_t>(h_), -1);
  // OR over windows of doubling height, then one last overlapping step: rows y .. y+h-1.
  const std::size_t s = static_cast<std::size_t>(stride_);
  int have = 1;
  while (have * 2 <= h) {
    for (int y = 0; y + have < h_; ++y) {
      std::uint64_t* a = b->rows.data() + y * s;
      const std::uint64_t* c = a + have * s;
      for (std::size_t k = 0; k < s; ++k) a[k] |= c[k];
    }
    have *= 2;
  }
  if (have < h) {
    int shift = h - have;
    for (int y = 0; y + shift < h_; ++y) {
      std::uint64_t* a = b->rows.data() + y * s;
      const std::uint64_t* c = a + shift * s;
      for (std::size_t k = 0; k < s; ++k) a[k] |= c[k];
    }
  }
  return *b;
}

std::optional<Point> Board::nearest_fit(int w, int h, int tx, int ty) {
  if (w <= 0 || h <= 0 || w > w_ || h > h_) return std::nullopt;
  Band& b = band(h);
  const std::size_t s = static_cast<std::size_t>(stride_);
  const std::int64_t W = w_, H = h_;
  const int ymax = h_ - h;
  std::optional<Point> best;
  std::int64_t best_d = INT64_MAX;
  std::int64_t cap = INT64_MAX;  // this pass looks no further than this

  // The first column in [p, stop) whose bit is `set`, else stop; the last in
  // [stop, p], else stop - 1. Both skip 64 columns a step.
  auto next = [&](const std::uint64_t* row, int p, bool set, int stop) {
    if (p >= stop) return stop;
    int k = p >> 6, kend = (stop - 1) >> 6;
    std::uint64_t v = (set ? row[k] : ~row[k]) & (~0ULL << (p & 63));
    while (v == 0) {
      if (++k > kend) return stop;
      v = set ? row[k] : ~row[k];
    }
    return std::min(64 * k + std::countr_zero(v), stop);
  };
  auto prev = [&](const std::uint64_t* row, int p, bool set, int stop) {
    if (p < stop) return stop - 1;
    int k = p >> 6, kend = stop >> 6;
    std::uint64_t v = (set ? row[k] : ~row[k]) & (~0ULL >> (63 - (p & 63)));
    while (v == 0) {
      if (--k < kend) return stop - 1;
      v = set ? row[k] : ~row[k];
    }
    return std::max(64 * k + 63 - std::countl_zero(v), stop - 1);
  };

  // The first start x in [from, stop) where w columns are free, else -1; the last
  // start x in [stop, from], else -1.
  auto fit_right = [&](const std::uint64_t* row, int from, int stop) {
    stop = std::min(stop, w_ - w + 1);
    for (int x = std::max(from, 0); x < stop;) {
      x = next(row, x, false, stop);
      if (x >= stop) break;
      int e = next(row, x, true, x + w);
      if (e == x + w) return x;
      x = e + 1;
    }
    return -1;
  };
  auto fit_left = [&](const std::uint64_t* row, int from, int stop) {
    stop = std::max(stop, 0);
    for (int x = std::min(from, w_ - w); x >= stop;) {
      int e = prev(row, x + w - 1, true, x);
      if (e < x) return x;
      // The box must end on a free column left of e.
      int f = prev(row, e, false, stop);
      if (f < stop) break;
      x = f - w + 1;
    }
    return -1;
  };

  auto scan_row = [&](int y) {
    const std::uint64_t* row = b.rows.data() + static_cast<std::size_t>(y) * s;
    const std::int64_t dy = y - ty, dyy = dy * dy * W * W;
    auto consider = [&](int cx) {
      std::int64_t dx = cx - tx, d = dx * dx * H * H + dyy;
      if (d < best_d) {
        best_d = d;
        best = Point{cx, y};
      }
    };
    // How far from tx a start can lie and still beat the best (or stay in this pass).
    const std::int64_t room = std::min(best_d, cap) - dyy;
    if (room <= 0) return;
    auto& lo = b.known_lo[y];
    auto& hi = b.known_hi[y];
    auto& kw = b.known_w[y];
    const bool known = kw >= 0 && w >= kw && lo <= tx && tx <= hi;
    if (known) {
      std::int64_t near = std::min(tx - lo + 1, hi + 1 - tx);
      if (near * near * H * H >= room) return;  // all this row could offer is too far
    }
    // Single precision is plenty for a bound (and +2 covers its rounding); it is faster.
    const int reach =
        std::min(static_cast<int>(std::sqrt(static_cast<float>(room)) / static_cast<float>(H)) + 2, 2 * w_);
    const int right_from = known ? hi + 1 : tx, left_from = known ? lo - 1 : tx - 1;
    const int right_stop = static_cast<int>(std::min<std::int64_t>(w_, static_cast<std::int64_t>(tx) + reach + 1));
    const int left_stop = std::max(0, tx - reach);
    // The side that can come nearer first; the other only if it still can.
    int r = -1, l = -1;
    const int right_near = right_from - tx, left_near = tx - left_from;
    if (right_near <= left_near) {
      r = fit_right(row, right_from, right_stop);
      if (r >= 0) consider(r);
      if (r < 0 || r - tx > left_near) l = fit_left(row, left_from, left_stop);
      if (l >= 0) consider(l);
    } else {
      l = fit_left(row, left_from, left_stop);
      if (l >= 0) consider(l);
      if (l < 0 || tx - l > right_near) r = fit_right(row, right_from, right_stop);
      if (r >= 0) consider(r);
    }
    // What was not searched is not known: keep the record to what was.
    if (r < 0 && l >= 0 && tx - l <= right_near) r = right_from;  // right side untouched
    if (l < 0 && r >= 0 && r - tx <= left_near) l = left_from;    // left side untouched
    if (r != tx) {
      hi = r >= 0 ? r - 1 : std::max(right_stop - 1, right_from - 1);
      lo = l >= 0 ? l + 1 : std::min(left_stop, left_from + 1);
      kw = w;
    }
  };

  // Passes over growing ellipses around the target, so a crowded centre costs only
  // the rows and columns near it; within a pass, rows in order of distance from ty,
  // stopping once no row can beat the best so far.
  const std::int64_t far = (W * W + H * H) * W * W * 4;
  // Words of a size usually land near where the last one did: start there.
  for (std::int64_t r = std::max<std::int64_t>({8, h, hint_ * 5 / 4 + 2});; r *= 2) {
    cap = std::min(r * r * W * W + 1, far);
    for (int step = 0;; ++step) {
      int up = ty - step, down = ty + step;
      if (up < 0 && down > ymax) break;
      if (static_cast<std::int64_t>(step) * step * W * W >= std::min(best_d, cap)) break;
      if (down >= 0 && down <= ymax) scan_row(down);
      if (step > 0 && up >= 0 && up <= ymax) scan_row(up);
    }
    if (best_d < cap || cap == far) break;
  }
  if (best) hint_ = static_cast<std::int64_t>(std::sqrt(static_cast<double>(best_d))) / W;
  return best;
}

}  // namespace hs::wordcloud
