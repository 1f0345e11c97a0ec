#include "core/lines.hpp"

#include <gtest/gtest.h>

namespace hs::text {

TEST(Lines, TrimmedNonBlankLinesInOrder) {
  using V = std::vector<std::string>;
  EXPECT_EQ(lines("  Listening \r\n\n\t\nTrust\r\n  Equal power"), (V{"Listening", "Trust", "Equal power"}));
  EXPECT_EQ(lines(""), V{});
  EXPECT_EQ(lines("\n \n\r\n"), V{});
  EXPECT_EQ(lines("one"), V{"one"});
  EXPECT_EQ(lines("a\nb\n"), (V{"a", "b"}));
}

TEST(Lines, ParagraphsSplitAtBlankLinesAndJoinTheirLines) {
  using V = std::vector<std::string>;
  const char* text = "  We meet monthly.\r\nEveryone is paid.\r\n \t\r\n\n Bring a friend. \n\n";
  EXPECT_EQ(paragraphs(text, " "), (V{"We meet monthly. Everyone is paid.", "Bring a friend."}));
  EXPECT_EQ(paragraphs(text, "\n"), (V{"We meet monthly.\nEveryone is paid.", "Bring a friend."}));
  EXPECT_EQ(paragraphs("", " "), V{});
  EXPECT_EQ(paragraphs("\n  \n", " "), V{});
  EXPECT_EQ(paragraphs("one", " "), V{"one"});
}

}  // namespace hs::text
