#include "modules/wordcloud/board.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace hs::wordcloud {
namespace {

// The same questions answered pixel by pixel.
struct Naive {
  int w, h;
  std::vector<char> px;
  Naive(int w_, int h_) : w(w_), h(h_), px(static_cast<std::size_t>(w_ * h_), 0) {}
  void fill(int x, int y, int bw, int bh) {
    for (int r = std::max(y, 0); r < std::min(y + bh, h); ++r)
      for (int c = std::max(x, 0); c < std::min(x + bw, w); ++c) px[r * w + c] = 1;
  }
  bool fits(int x, int y, int bw, int bh) const {
    if (x < 0 || y < 0 || x + bw > w || y + bh > h) return false;
    for (int r = y; r < y + bh; ++r)
      for (int c = x; c < x + bw; ++c)
        if (px[r * w + c]) return false;
    return true;
  }
  // Smallest (dx/aspect)^2 + dy^2 over every fitting position.
  std::optional<std::int64_t> nearest(int bw, int bh, int tx, int ty) const {
    std::optional<std::int64_t> best;
    for (int y = 0; y + bh <= h; ++y)
      for (int x = 0; x + bw <= w; ++x)
        if (fits(x, y, bw, bh)) {
          std::int64_t dx = x - tx, dy = y - ty, d = dx * dx * h * h + dy * dy * w * w;
          if (!best || d < *best) best = d;
        }
    return best;
  }
};

TEST(WordcloudBoard, FitsAndFill) {
  Board b(100, 50);
  EXPECT_TRUE(b.fits(0, 0, 100, 50));
  EXPECT_FALSE(b.fits(1, 0, 100, 50));
  EXPECT_FALSE(b.fits(-1, 0, 10, 10));
  b.fill(60, 10, 10, 10);
  EXPECT_FALSE(b.fits(55, 5, 10, 10));
  EXPECT_TRUE(b.fits(50, 10, 10, 10));
  EXPECT_TRUE(b.fits(70, 10, 10, 10));
  EXPECT_TRUE(b.fits(60, 20, 10, 10));
  EXPECT_FALSE(b.fits(69, 19, 2, 2));
}

TEST(WordcloudBoard, NearestFitIsTheTrueNearestOnRandomBoards) {
  std::mt19937 rng(42);
  for (int round = 0; round < 60; ++round) {
    int w = 40 + static_cast<int>(rng() % 160), h = 20 + static_cast<int>(rng() % 90);
    Board b(w, h);
    Naive n(w, h);
    int boxes = static_cast<int>(rng() % 40);
    for (int i = 0; i < boxes; ++i) {
      int bx = static_cast<int>(rng() % w), by = static_cast<int>(rng() % h);
      int bw = 1 + static_cast<int>(rng() % 40), bh = 1 + static_cast<int>(rng() % 15);
      // Ask first, so the cached bands must follow the fills that come after.
      if (i % 3 == 0) b.nearest_fit(bw, bh, w / 2, h / 2);
      b.fill(bx, by, bw, bh);
      n.fill(bx, by, bw, bh);
    }
    for (int q = 0; q < 20; ++q) {
      int bw = 1 + static_cast<int>(rng() % 50), bh = 1 + static_cast<int>(rng() % 20);
      int tx = static_cast<int>(rng() % (w + 20)) - 10, ty = static_cast<int>(rng() % (h + 10)) - 5;
      auto got = b.nearest_fit(bw, bh, tx, ty);
      auto want = n.nearest(bw, bh, tx, ty);
      ASSERT_EQ(got.has_value(), want.has_value()) << "round " << round << " query " << q;
      if (!got) continue;
      EXPECT_TRUE(n.fits(got->x, got->y, bw, bh));
      std::int64_t dx = got->x - tx, dy = got->y - ty;
      EXPECT_EQ(dx * dx * h * h + dy * dy * w * w, *want) << "round " << round << " query " << q;
    }
  }
}

// As the layout uses it: boxes of one height, each a little wider, each placed where
// the search put it. What earlier searches learnt must stay true as the board fills.
TEST(WordcloudBoard, NearestFitStaysExactWhileTheBoardFills) {
  std::mt19937 rng(3);
  for (int round = 0; round < 5; ++round) {
    int w = 100 + static_cast<int>(rng() % 200), h = 60 + static_cast<int>(rng() % 60);
    Board b(w, h);
    Naive n(w, h);
    int bh = 3 + static_cast<int>(rng() % 6), bw = 2;
    for (int i = 0; i < 200; ++i) {
      if (rng() % 10 == 0) bh = 3 + static_cast<int>(rng() % 6);
      bw = rng() % 8 == 0 ? 2 + static_cast<int>(rng() % 10) : bw + static_cast<int>(rng() % 3);
      int tx = w / 2 - bw / 2 + static_cast<int>(rng() % 5) - 2, ty = h / 2 - bh / 2;
      auto got = b.nearest_fit(bw, bh, tx, ty);
      auto want = n.nearest(bw, bh, tx, ty);
      ASSERT_EQ(got.has_value(), want.has_value()) << "round " << round << " box " << i;
      if (!got) break;
      std::int64_t dx = got->x - tx, dy = got->y - ty;
      ASSERT_EQ(dx * dx * h * h + dy * dy * w * w, *want) << "round " << round << " box " << i;
      ASSERT_TRUE(n.fits(got->x, got->y, bw, bh));
      b.fill(got->x, got->y, bw, bh);
      n.fill(got->x, got->y, bw, bh);
    }
  }
}

TEST(WordcloudBoard, NoRoomMeansNothing) {
  Board b(64, 32);
  b.fill(0, 0, 64, 32);
  EXPECT_FALSE(b.nearest_fit(1, 1, 10, 10).has_value());
  EXPECT_FALSE(Board(10, 10).nearest_fit(11, 1, 0, 0).has_value());
}

}  // namespace
}  // namespace hs::wordcloud
