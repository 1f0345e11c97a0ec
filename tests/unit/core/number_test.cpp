// Whole numbers from paths, forms and query strings: digits only, nothing around them.
#include <gtest/gtest.h>

#include "core/number.hpp"

namespace hs {
namespace {

TEST(Number, WholeTakesDigitsOnly) {
  EXPECT_EQ(number::whole("0"), 0);
  EXPECT_EQ(number::whole("42"), 42);
  EXPECT_EQ(number::whole("999999999999999999"), 999999999999999999);
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "12abc", "0x10", "1.5", "9999999999999999999"})
    EXPECT_FALSE(number::whole(bad).has_value()) << bad;
}

TEST(Number, AnIdIsOneOrMore) {
  EXPECT_FALSE(number::id("0").has_value());
  EXPECT_EQ(number::id("7"), 7);
  EXPECT_FALSE(number::id("7/").has_value());
}

}  // namespace
}  // namespace hs
