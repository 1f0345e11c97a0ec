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

}  // namespace hs::text
