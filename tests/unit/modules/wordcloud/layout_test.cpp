#include "modules/wordcloud/layout.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "modules/wordcloud/font.hpp"
#include "shipped_font.hpp"

namespace hs::wordcloud {
namespace {

using test_support::font;

// n distinct made-up words; the i-th is entered about 1/i as often as the first.
std::vector<LayoutWord> zipf_words(int n, std::uint32_t seed = 7) {
  static const char* syllables[] = {"co",    "pro", "duc", "tion",  "lis",  "ten", "ing",  "re",   "spect", "trust",
                                    "share", "pow", "er",  "voice", "hear", "com", "mun",  "i",    "ty",    "car",
                                    "equal", "val", "ue",  "learn", "o",    "pen", "kind", "hope", "to",    "geth"};
  std::set<std::string> seen;
  std::vector<LayoutWord> out;
  while (static_cast<int>(out.size()) < n) {
    std::string w;
    seed = seed * 1664525u + 1013904223u;
    int parts = 1 + static_cast<int>((seed >> 16) % 3);
    for (int k = 0; k < parts; ++k) {
      seed = seed * 1664525u + 1013904223u;
      w += syllables[(seed >> 16) % 30];
    }
    if (w.size() < 3 || !seen.insert(w).second) continue;
    out.push_back({w, std::max<std::int64_t>(1, 300 / static_cast<std::int64_t>(out.size() + 1)), ""});
  }
  return out;
}

void expect_sound(const Layout& l, int width, int height) {
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    const auto& a = l.words[i];
    ASSERT_GE(a.left, 0) << a.text;
    ASSERT_GE(a.top, 0) << a.text;
    ASSERT_LE(a.left + a.width, width) << a.text;
    ASSERT_LE(a.top + a.height, height) << a.text;
    for (std::size_t j = i + 1; j < l.words.size(); ++j) {
      const auto& b = l.words[j];
      bool apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top ||
                   b.top + b.height <= a.top;
      ASSERT_TRUE(apart) << a.text << " overlaps " << b.text;
    }
  }
}

std::string fingerprint(const Layout& l) {
  std::string s = std::to_string(l.scale) + ";";
  for (const auto& w : l.words)
    s += w.text + "@" + std::to_string(w.x) + "," + std::to_string(w.y) + "," + std::to_string(w.size) + ";";
  return s;
}

TEST(WordcloudLayout, SizesFollowTheSquareRootOfTheCount) {
  LayoutOptions o;
  auto l = layout({{"trust", 100, ""}, {"hope", 25, ""}, {"care", 1, ""}}, font(), o);
  ASSERT_EQ(l.words.size(), 3u);
  EXPECT_DOUBLE_EQ(l.scale, 1);
  EXPECT_DOUBLE_EQ(l.words[0].size, 80);  // 10 + 70
  EXPECT_DOUBLE_EQ(l.words[1].size, 45);  // 10 + 70 * 0.5
  EXPECT_DOUBLE_EQ(l.words[2].size, 17);  // 10 + 70 * 0.1
  // The largest starts at the centre.
  const auto& w = l.words[0];
  EXPECT_NEAR(w.left + w.width / 2.0, 512, 2);
  EXPECT_NEAR(w.top + w.height / 2.0, 384, 2);
}

TEST(WordcloudLayout, WordsWithoutEntriesAreLeftOut) {
  auto l = layout({{"trust", 3, ""}, {"nobody", 0, ""}}, font(), LayoutOptions{});
  EXPECT_EQ(l.total, 1u);
  ASSERT_EQ(l.words.size(), 1u);
  EXPECT_EQ(l.words[0].text, "trust");
  EXPECT_TRUE(layout({}, font(), LayoutOptions{}).words.empty());
}

TEST(WordcloudLayout, BoxesHoldTheInkWithPadding) {
  LayoutOptions o;
  auto l = layout({{"Hyperlegible", 1, ""}}, font(), o);
  ASSERT_EQ(l.words.size(), 1u);
  const auto& w = l.words[0];
  auto m = font().measure("Hyperlegible");
  EXPECT_LE(w.left, w.x + m.ink_left * w.size - 1);
  EXPECT_GE(w.left + w.width, w.x + m.ink_right * w.size + 1);
  EXPECT_LE(w.top, w.y + m.ink_top * w.size - 1);                // cap height above the baseline
  EXPECT_GE(w.top + w.height, w.y + m.ink_bottom * w.size + 1);  // the descender of "y" and "g"
  EXPECT_GT(w.height, w.size * 0.9);
}

TEST(WordcloudLayout, PlacesAll500And1000ZipfWordsWithoutOverlap) {
  for (int n : {500, 1000}) {
    auto words = zipf_words(n);
    LayoutOptions o;
    auto l = layout(words, font(), o);
    EXPECT_EQ(l.total, static_cast<std::size_t>(n));
    EXPECT_EQ(l.words.size(), static_cast<std::size_t>(n)) << "placed at n=" << n;
    EXPECT_TRUE(l.unplaced.empty());
    EXPECT_GT(l.scale, 0.5) << n;
    expect_sound(l, 1024, 768);
  }
}

TEST(WordcloudLayout, ShrinksTheWholeCloudUntilEverythingFits) {
  auto words = zipf_words(300);
  LayoutOptions o;
  o.width = 320;
  o.height = 240;
  auto l = layout(words, font(), o);
  EXPECT_EQ(l.words.size(), 300u);
  EXPECT_LT(l.scale, 1);
  EXPECT_GT(l.attempts, 1u);
  expect_sound(l, 320, 240);
  // A larger scale would not have fitted everything: the search went as far as it could.
  o.max_scale = l.scale * 1.05;
  EXPECT_LE(layout(words, font(), o).scale, o.max_scale);
}

TEST(WordcloudLayout, SameInputSameLayout) {
  auto words = zipf_words(400);
  LayoutOptions o;
  EXPECT_EQ(fingerprint(layout(words, font(), o)), fingerprint(layout(words, font(), o)));
}

TEST(WordcloudLayout, RotatedWordsStayApartAndInside) {
  auto words = zipf_words(200);
  LayoutOptions o;
  o.rotations = {0, 90, -90};
  auto l = layout(words, font(), o);
  EXPECT_EQ(l.words.size(), 200u);
  std::set<int> seen;
  for (const auto& w : l.words) seen.insert(w.rotate);
  EXPECT_EQ(seen.size(), 3u);
  for (const auto& w : l.words) {
    if (w.rotate != 0) {
      EXPECT_GT(w.height, w.width) << w.text;  // upright words are taller than wide
    }
  }
  expect_sound(l, 1024, 768);
}

TEST(WordcloudLayout, IncrementalLayoutKeepsMostWordsStill) {
  auto words = zipf_words(320);
  std::vector<LayoutWord> before(words.begin(), words.begin() + 300);
  LayoutOptions o;
  auto first = layout(before, font(), o);
  ASSERT_EQ(first.words.size(), 300u);
  // Twenty new words arrive and one word gains an entry.
  before[5].count += 1;
  auto second = layout(words, font(), o, &first);
  EXPECT_EQ(second.words.size(), 320u);
  expect_sound(second, 1024, 768);
  EXPECT_GE(second.kept, 270u) << "mean movement " << second.mean_movement;
  EXPECT_LT(second.mean_movement, 10);
  // Without the previous layout many more words move.
  std::size_t moved_fresh = 0;
  std::map<std::string, std::pair<int, int>> was;
  for (const auto& w : first.words) was[w.id] = {w.left + w.width / 2, w.top + w.height / 2};
  for (const auto& w : layout(words, font(), o).words)
    if (was.contains(w.id) && was[w.id] != std::pair{w.left + w.width / 2, w.top + w.height / 2}) ++moved_fresh;
  EXPECT_GT(moved_fresh, 300u - second.kept);
}

TEST(WordcloudLayout, ACanvasTooSmallPlacesWhatFits) {
  LayoutOptions o;
  o.width = 4;
  o.height = 4;
  auto l = layout(zipf_words(50), font(), o);
  EXPECT_LT(l.words.size(), 50u);
  EXPECT_EQ(l.words.size() + l.unplaced.size(), 50u);
  expect_sound(l, 4, 4);
}

}  // namespace
}  // namespace hs::wordcloud
