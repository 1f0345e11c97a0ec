#include "modules/wordcloud/font.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/embedded.hpp"

namespace hs::wordcloud {
namespace {

TEST(WordcloudFont, ReadsTheShippedWoff2) {
  for (int weight : {400, 700}) {
    auto f = Font::shipped(weight);
    ASSERT_TRUE(f) << weight;
    EXPECT_EQ(f->family(), "Atkinson Hyperlegible Next");
    EXPECT_EQ(f->weight(), weight);
  }
  EXPECT_FALSE(Font::shipped(300));
  EXPECT_FALSE(Font::from_memory("not a font", "x", 400));
}

TEST(WordcloudFont, MeasuresShapedText) {
  auto f = Font::shipped(400);
  ASSERT_TRUE(f);
  auto m = f->measure("listening");
  EXPECT_GT(m.advance, 3);  // em units: nine letters
  EXPECT_LT(m.advance, 6);
  EXPECT_LT(m.ink_top, -0.5);    // ascenders above the baseline
  EXPECT_GT(m.ink_bottom, 0.1);  // the descender of "g"
  EXPECT_EQ(m.missing, 0);
  // Longer text is wider; bold is wider still.
  EXPECT_GT(f->measure("listening together").advance, m.advance);
  auto bold = Font::shipped(700);
  ASSERT_TRUE(bold);
  EXPECT_GT(bold->measure("listening").advance, m.advance);
  // Kerning: "AV" is tighter than "A" and "V" apart.
  EXPECT_LT(f->measure("AV").advance, f->measure("A").advance + f->measure("V").advance);
}

TEST(WordcloudFont, EstimatesCharactersTheFontLacks) {
  auto f = Font::shipped(400);
  ASSERT_TRUE(f);
  auto m = f->measure("\u6F22\u5B57");  // not in the latin subset
  EXPECT_EQ(m.missing, 2);
  EXPECT_DOUBLE_EQ(m.advance, 2.0);  // wide characters: an em each
  EXPECT_LT(m.ink_top, 0);
}

// The server must measure with the very font the browser draws: the shipped copy is
// the npm package's file, byte for byte.
TEST(WordcloudFont, ShippedFontIsTheSitesFont) {
  const std::filesystem::path npm = "node_modules/@fontsource/atkinson-hyperlegible-next/files";
  std::filesystem::path root = std::filesystem::current_path();
  while (!root.empty() && !std::filesystem::exists(root / npm) && root != root.root_path()) root = root.parent_path();
  if (!std::filesystem::exists(root / npm)) GTEST_SKIP() << "node_modules not installed";
  for (const char* name :
       {"atkinson-hyperlegible-next-latin-400-normal.woff2", "atkinson-hyperlegible-next-latin-700-normal.woff2"}) {
    std::ifstream in(root / npm / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(hs::embedded::get(std::string("resources/wordcloud/fonts/") + name), ss.str()) << name;
  }
}

}  // namespace
}  // namespace hs::wordcloud
