// The three-curves layout: the curves' shapes, and on many random boards (sizes of
// canvas, counts and sizes of notes) that no two boxes overlap, every box is inside the
// canvas, and every note is either placed or in the overflow, once.
#include "modules/vision/rules/curves.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>

namespace hs::vision {
namespace {

double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

TEST(VisionCurves, H1FallsH3RisesH2SwellsBetween) {
  EXPECT_GT(level(Curve::h1, 0), 0.8);
  EXPECT_LT(level(Curve::h1, 1), 0.2);
  EXPECT_LT(level(Curve::h3, 0), 0.2);
  EXPECT_GT(level(Curve::h3, 1), 0.8);
  for (double t = 0; t < 1; t += 0.05) {
    EXPECT_GE(level(Curve::h1, t), level(Curve::h1, t + 0.05));
    EXPECT_LE(level(Curve::h3, t), level(Curve::h3, t + 0.05));
  }
  // H2 is low at both ends, highest in the middle, and crosses both other curves.
  EXPECT_LT(level(Curve::h2, 0), level(Curve::h1, 0));
  EXPECT_LT(level(Curve::h2, 1), level(Curve::h3, 1));
  EXPECT_GT(level(Curve::h2, 0.5), level(Curve::h2, 0.2));
  EXPECT_GT(level(Curve::h2, 0.5), level(Curve::h2, 0.8));
  EXPECT_GT(level(Curve::h2, 0.5), level(Curve::h1, 0.5));
  EXPECT_GT(level(Curve::h2, 0.5), level(Curve::h3, 0.5));
  EXPECT_EQ(curve_of(Horizon::h2_plus), Curve::h2);
  Plot plot{10, 20, 100, 50};
  EXPECT_DOUBLE_EQ(point_on(plot, Curve::h1, 0).x, 10);
  EXPECT_DOUBLE_EQ(point_on(plot, Curve::h3, 1).x, 110);
  EXPECT_GT(point_on(plot, Curve::h3, 0).y, point_on(plot, Curve::h3, 1).y);  // y grows downwards
}

void expect_valid(const std::vector<LabelSize>& labels, const CurvesOptions& o, const CurvesLayout& l) {
  std::vector<Box> boxes;
  for (const auto& c : l.curve_labels)
    if (c.box.width > 0) boxes.push_back(c.box);
  for (const auto& n : l.notes) boxes.push_back(n.box);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Box& b = boxes[i];
    ASSERT_GE(b.x, 0);
    ASSERT_GE(b.y, 0);
    ASSERT_LE(b.x + b.width, o.width + 1e-9);
    ASSERT_LE(b.y + b.height, o.height + 1e-9);
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      Box g{boxes[j].x - o.gap + 1e-6, boxes[j].y - o.gap + 1e-6, boxes[j].width + 2 * o.gap - 2e-6,
            boxes[j].height + 2 * o.gap - 2e-6};
      ASSERT_FALSE(overlaps(b, g)) << "boxes " << i << " and " << j << " are closer than the gap";
    }
  }
  std::multiset<std::int64_t> seen;
  for (const auto& n : l.notes) {
    seen.insert(n.id);
    for (const auto& s : labels)
      if (s.id == n.id) {
        EXPECT_NEAR(n.box.width, s.width * l.scale, 1e-9);
        EXPECT_NEAR(n.box.height, s.height * l.scale, 1e-9);
        EXPECT_EQ(n.curve, curve_of(s.horizon));
      }
  }
  for (auto id : l.overflow) seen.insert(id);
  std::multiset<std::int64_t> given;
  for (const auto& s : labels) given.insert(s.id);
  EXPECT_EQ(seen, given);
  EXPECT_GE(l.scale, o.min_scale - 1e-9);
  EXPECT_LE(l.scale, 1 + 1e-9);
  // Overflow only when shrunk as far as allowed.
  if (!l.overflow.empty()) {
    EXPECT_NEAR(l.scale, o.min_scale, 1e-9);
  }
}

TEST(VisionCurves, RandomBoardsNeverOverlapAndStayInside) {
  const Horizon horizons[] = {Horizon::h1, Horizon::h2, Horizon::h2_plus, Horizon::h2_minus, Horizon::h3};
  int overflowed = 0, shrunk = 0;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    std::mt19937_64 rng(seed);
    CurvesOptions o;
    o.width = 320 + uniform(rng) * 1400;
    o.height = 240 + uniform(rng) * 800;
    o.margin = uniform(rng) * 30;
    o.title_height = uniform(rng) * 60;
    o.gap = 1 + uniform(rng) * 8;
    o.footer_height = uniform(rng) < 0.3 ? uniform(rng) * 40 : 0;
    o.overflow_footer = uniform(rng) * 30;
    for (int c = 0; c < 3; ++c)
      o.curve_labels[static_cast<std::size_t>(c)] = {-1 - c, Horizon::h1, 60 + uniform(rng) * 120,
                                                     18 + uniform(rng) * 12};
    std::vector<LabelSize> labels;
    std::size_t count = static_cast<std::size_t>(uniform(rng) * (seed % 5 == 0 ? 300 : 60));
    for (std::size_t i = 0; i < count; ++i) {
      LabelSize s;
      s.id = static_cast<std::int64_t>(i + 1);
      s.horizon = horizons[static_cast<std::size_t>(uniform(rng) * 5)];
      s.width = 30 + uniform(rng) * 200;
      s.height = 14 + uniform(rng) * 50;
      s.highlighted = uniform(rng) < 0.1;
      labels.push_back(s);
    }
    auto l = place_labels(labels, o);
    SCOPED_TRACE("seed " + std::to_string(seed));
    expect_valid(labels, o, l);
    overflowed += !l.overflow.empty();
    shrunk += l.scale < 1;
  }
  // The boards were varied enough to exercise shrinking and overflowing too.
  EXPECT_GT(overflowed, 0);
  EXPECT_GT(shrunk, overflowed);
}

TEST(VisionCurves, NotesSitNearTheirCurveAndSideOfIt) {
  CurvesOptions o;
  o.curve_labels = {LabelSize{-1, Horizon::h1, 140, 28, false}, LabelSize{-2, Horizon::h2, 160, 28, false},
                    LabelSize{-3, Horizon::h3, 220, 28, false}};
  std::vector<LabelSize> labels = {{1, Horizon::h1, 120, 24, false},
                                   {2, Horizon::h3, 120, 24, false},
                                   {3, Horizon::h2_minus, 120, 24, false},
                                   {4, Horizon::h2_plus, 120, 24, true}};
  auto l = place_labels(labels, o);
  ASSERT_EQ(l.notes.size(), 4u);
  EXPECT_TRUE(l.overflow.empty());
  EXPECT_DOUBLE_EQ(l.scale, 1);
  auto centre_x = [](const PlacedLabel& p) { return p.box.x + p.box.width / 2; };
  EXPECT_LT(centre_x(l.notes[0]), o.width / 2);           // H1 notes where today's system is strong
  EXPECT_GT(centre_x(l.notes[1]), o.width / 2);           // H3 where the future has grown
  EXPECT_LT(centre_x(l.notes[2]), centre_x(l.notes[3]));  // H2- towards H1, H2+ towards H3
  for (const auto& n : l.notes) {
    // On its curve: the box holds its anchor's point.
    EXPECT_LE(n.box.y, n.anchor.y);
    EXPECT_GE(n.box.y + n.box.height, n.anchor.y);
  }
  EXPECT_TRUE(l.notes[3].highlighted);
  // The curves' labels sit above their curve's start, swell and end.
  EXPECT_LT(l.curve_labels[0].box.x, o.width / 4);
  EXPECT_GT(l.curve_labels[2].box.x, o.width / 2);
  EXPECT_LT(l.curve_labels[0].box.y + l.curve_labels[0].box.height, l.curve_labels[0].anchor.y);
}

// 500 notes on a slide: prints the time; fails only far beyond it.
TEST(VisionCurves, FiveHundredNotes) {
  std::mt19937_64 rng(7);
  const Horizon horizons[] = {Horizon::h1, Horizon::h2_plus, Horizon::h2_minus, Horizon::h3};
  std::vector<LabelSize> labels;
  for (int i = 0; i < 500; ++i)
    labels.push_back({i + 1, horizons[i % 4], 60 + uniform(rng) * 100, 18 + uniform(rng) * 18, i < 3});
  CurvesOptions o;
  auto start = std::chrono::steady_clock::now();
  auto l = place_labels(labels, o);
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("place_labels 500 notes on 1280 x 720: %.1f ms, %zu placed at scale %.1f, %zu overflow\n", ms,
              l.notes.size(), l.scale, l.overflow.size());
  expect_valid(labels, o, l);
  EXPECT_LT(ms, 3000);
}

}  // namespace
}  // namespace hs::vision
