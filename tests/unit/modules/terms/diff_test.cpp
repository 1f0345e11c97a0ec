// The differences between two versions of the terms: lines added, removed and changed
// (word by word), unchanged stretches folded, blank lines ignored.
#include "modules/terms/rules/diff.hpp"

#include <gtest/gtest.h>

namespace hs::terms {

namespace {

using Kind = DiffLine::Kind;

std::vector<Kind> kinds(const TextDiff& d) {
  std::vector<Kind> out;
  for (const auto& l : d.lines) out.push_back(l.kind);
  return out;
}

TEST(Diff, SameTextIsIdenticalEvenWithDifferentBlankLinesAndLineEnds) {
  auto d = diff_texts("## Purpose\n\nWe listen.\n", "## Purpose\r\n\r\n\r\nWe listen.   \r\n");
  EXPECT_TRUE(d.identical());
  for (const auto& l : d.lines) EXPECT_NE(l.kind, Kind::added);
}

TEST(Diff, AddedAndRemovedLines) {
  auto d = diff_texts("A\nB\nC\n", "A\nC\nD\n");
  EXPECT_EQ(kinds(d), (std::vector<Kind>{Kind::same, Kind::removed, Kind::same, Kind::added}));
  EXPECT_EQ(d.lines[1].text, "B");
  EXPECT_EQ(d.lines[3].text, "D");
  EXPECT_EQ(d.added, 1u);
  EXPECT_EQ(d.removed, 1u);
}

TEST(Diff, AChangedLineShowsTheWordsThatChanged) {
  auto d = diff_texts("We meet monthly on Tuesdays.\n", "We meet every two weeks on Tuesdays.\n");
  ASSERT_EQ(d.lines.size(), 1u);
  ASSERT_EQ(d.lines[0].kind, Kind::changed);
  std::string removed, added, same;
  for (const auto& s : d.lines[0].segments) {
    if (s.change == Change::removed) removed += s.text;
    if (s.change == Change::added) added += s.text;
    if (s.change == Change::same) same += s.text;
  }
  EXPECT_EQ(removed, "monthly");
  EXPECT_EQ(added, "every two weeks");
  EXPECT_NE(same.find("We meet"), std::string::npos);
  EXPECT_NE(same.find("on Tuesdays."), std::string::npos);
  // Removed words come before the words that replace them.
  std::size_t r = 0, a = 0;
  for (std::size_t i = 0; i < d.lines[0].segments.size(); ++i) {
    if (d.lines[0].segments[i].change == Change::removed) r = i;
    if (d.lines[0].segments[i].change == Change::added) a = i;
  }
  EXPECT_LT(r, a);
}

TEST(Diff, UnrelatedLinesAreShownAsRemovedAndAddedNotAsAJumble) {
  auto d = diff_texts("Payment is by bank transfer.\n", "Confidentiality matters to everyone here.\n");
  EXPECT_EQ(kinds(d), (std::vector<Kind>{Kind::removed, Kind::added}));
}

TEST(Diff, LongUnchangedStretchesAreFoldedWithContextKept) {
  std::string a, b;
  for (int i = 0; i < 20; ++i) a += "Line " + std::to_string(i) + "\n";
  b = a;
  b.replace(b.find("Line 10"), 7, "Line ten");
  auto d = diff_texts(a, b, 2);
  EXPECT_EQ(kinds(d), (std::vector<Kind>{Kind::folded, Kind::same, Kind::same, Kind::changed, Kind::same, Kind::same,
                                         Kind::folded}));
  EXPECT_EQ(d.lines.front().folded, 8u);
  EXPECT_EQ(d.lines.back().folded, 7u);
}

TEST(Diff, WorksOnNonAsciiText) {
  auto d = diff_texts("Café at noon — all welcome\n", "Café at one — all welcome\n");
  ASSERT_EQ(d.lines.size(), 1u);
  EXPECT_EQ(d.lines[0].kind, Kind::changed);
}

TEST(Diff, FromNothingEverythingIsAdded) {
  auto d = diff_texts("", "# Terms\n\nPurpose\n");
  EXPECT_EQ(kinds(d), (std::vector<Kind>{Kind::added, Kind::added}));
}

TEST(Tokens, SplitWordsAndSpaces) {
  EXPECT_EQ(tokens("a  b\tc"), (std::vector<std::string>{"a", "  ", "b", "\t", "c"}));
  EXPECT_TRUE(tokens("").empty());
}

}  // namespace

}  // namespace hs::terms
