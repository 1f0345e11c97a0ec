#include "modules/wordcloud/palette.hpp"

#include <gtest/gtest.h>

#include <set>

#include "modules/events/cloud.hpp"
#include "modules/wordcloud/layout.hpp"
#include "modules/wordcloud/svg.hpp"
#include "shipped_font.hpp"

namespace hs::wordcloud {
namespace {

TEST(WordcloudPalette, ContrastRatioIsWcags) {
  EXPECT_NEAR(contrast_ratio("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio("#ffffff", "#ffffff"), 1.0, 1e-9);
  EXPECT_NEAR(contrast_ratio("#767676", "#FFFFFF"), 4.54, 0.01);  // the lightest grey that passes
  EXPECT_NEAR(contrast_ratio("#777777", "#ffffff"), 4.48, 0.01);  // and the next, which fails
  EXPECT_EQ(contrast_ratio("#12345", "#ffffff"), 0);
  EXPECT_EQ(contrast_ratio("red", "#ffffff"), 0);
}

TEST(WordcloudPalette, EveryColourMeetsFourAndAHalfToOneOnItsBackground) {
  for (auto contrast : {Contrast::standard, Contrast::high}) {
    const auto& p = palette(contrast);
    ASSERT_FALSE(p.text.empty());
    for (const auto& colour : p.text)
      EXPECT_GE(contrast_ratio(colour, p.background), 4.5) << colour << " on " << p.background;
  }
  // The standard palette is more than one colour; high contrast is white on black.
  EXPECT_GE(
      std::set<std::string>(palette(Contrast::standard).text.begin(), palette(Contrast::standard).text.end()).size(),
      5u);
  EXPECT_EQ(palette(Contrast::high).background, "#000000");
  EXPECT_EQ(palette(Contrast::high).text, std::vector<std::string>{"#ffffff"});
  EXPECT_EQ(contrast_from("high"), Contrast::high);
  EXPECT_EQ(contrast_from(""), Contrast::standard);
  EXPECT_EQ(contrast_from("HIGH; drop"), Contrast::standard);
}

TEST(WordcloudPalette, AWordKeepsItsColour) {
  const auto& p = palette(Contrast::standard);
  EXPECT_EQ(colour_for(p, "listen"), colour_for(p, "listen"));
  std::set<std::string> used;
  for (const char* id : {"listen", "respect", "trust", "equal", "power", "voice", "share", "care"})
    used.insert(colour_for(p, id));
  EXPECT_GE(used.size(), 3u);  // neighbours are told apart by colour, not all one
}

TEST(WordcloudPalette, TheSvgDrawsEveryWordInAPaletteColourOnItsBackground) {
  std::vector<LayoutWord> words{{"listening", 5, "listen"}, {"respect", 3, "respect"}, {"trust", 2, "trust"}};
  LayoutOptions o;
  o.width = 400;
  o.height = 200;
  auto l = layout(words, test_support::font(), o);
  for (auto contrast : {Contrast::standard, Contrast::high}) {
    SvgOptions so;
    so.contrast = contrast;
    auto svg = to_svg(l, test_support::font(), so);
    const auto& p = palette(contrast);
    EXPECT_NE(svg.find("<rect width=\"100%\" height=\"100%\" fill=\"" + p.background + "\"/>"), std::string::npos);
    for (const auto& w : l.words) {
      auto end = svg.find(">" + w.text + "</text>");
      ASSERT_NE(end, std::string::npos) << w.text;
      auto element = svg.substr(svg.rfind("<text", end), end - svg.rfind("<text", end));
      EXPECT_NE(element.find("fill=\"" + colour_for(p, w.id) + "\""), std::string::npos) << element;
    }
  }
}

// Two words' ink is at least the gap apart: the box of each, measured again from the
// font (not from the box the layout reserved), does not come within `gap` px of another.
TEST(WordcloudLayoutGap, NoTwoWordsComeWithinTheGapOfEachOther) {
  std::vector<LayoutWord> words;
  const char* base[] = {"trust",   "respect",  "listening", "equal",    "power",    "voice", "share", "care",
                        "honesty", "together", "learning",  "kindness", "openness", "time",  "money", "fairness"};
  for (int i = 0; i < 60; ++i) {
    std::string text = std::string(base[i % 16]) + (i >= 16 ? std::to_string(i) : "");
    words.push_back({text, 60 - i, text});
  }
  LayoutOptions o;
  o.width = events::cloud::kWidth;
  o.height = events::cloud::kHeight;
  o.padding = events::cloud::kPadding;
  const int gap = 2 * o.padding;
  ASSERT_GE(gap, 4);
  auto l = layout(words, test_support::font(), o);
  ASSERT_EQ(l.words.size(), 60u);
  struct Ink {
    double l, t, r, b;
  };
  std::vector<Ink> ink;
  for (const auto& w : l.words) {
    ASSERT_EQ(w.rotate, 0);
    auto m = test_support::font().measure(w.text);
    ink.push_back(
        {w.x + m.ink_left * w.size, w.y + m.ink_top * w.size, w.x + m.ink_right * w.size, w.y + m.ink_bottom * w.size});
  }
  int too_close = 0;
  for (std::size_t i = 0; i < ink.size(); ++i)
    for (std::size_t j = i + 1; j < ink.size(); ++j) {
      double dx = std::max(ink[j].l - ink[i].r, ink[i].l - ink[j].r);
      double dy = std::max(ink[j].t - ink[i].b, ink[i].t - ink[j].b);
      if (std::max(dx, dy) < gap - 1e-6) {
        ++too_close;
        ADD_FAILURE() << l.words[i].text << " and " << l.words[j].text << " are " << std::max(dx, dy) << " px apart";
      }
    }
  EXPECT_EQ(too_close, 0);
}

}  // namespace
}  // namespace hs::wordcloud
