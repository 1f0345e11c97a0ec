// Whole numbers from paths, forms and query strings: digits only, nothing around them.
#include "core/number.hpp"

#include <gtest/gtest.h>

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

TEST(Number, DecimalDropsTrailingZeros) {
  EXPECT_EQ(number::decimal(12.5), "12.5");
  EXPECT_EQ(number::decimal(3.0), "3");
  EXPECT_EQ(number::decimal(0.25), "0.25");
  EXPECT_EQ(number::decimal(0.125), "0.12");  // rounds half to even, as printf did
  EXPECT_EQ(number::decimal(2.999), "3");
  EXPECT_EQ(number::decimal(100.0), "100");  // zeros before the point stay
  EXPECT_EQ(number::decimal(-0.001), "0");
  EXPECT_EQ(number::decimal(-1.5), "-1.5");
  EXPECT_EQ(number::decimal(1.23456, 4), "1.2346");
  EXPECT_EQ(number::decimal(7.0, 0), "7");
}

}  // namespace
}  // namespace hs
