#include "services/lookup_cache.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hs::services {

TEST(LookupCache, AnswersWithinItsTimeAndUntilAWriteFinishesHere) {
  LookupCache<std::string, int> c(2, 100);
  c.put("river", 1, 1000, write_epoch());
  ASSERT_EQ(c.find("river", 1001), 1);
  EXPECT_FALSE(c.find("river", 1002)) << "two seconds at most";
  EXPECT_FALSE(c.find("river", 999)) << "a clock that went back does not stretch it";

  c.put("river", 2, 1000, write_epoch());
  advance_write_epoch();  // a POST finished on this server
  EXPECT_FALSE(c.find("river", 1000));
}

TEST(LookupCache, AReadThatRacedAWriteIsNotKept) {
  LookupCache<int, bool> c(30, 100);
  auto before_read = write_epoch();
  advance_write_epoch();  // the write commits while the reader is still reading
  c.put(7, true, 1000, before_read);
  EXPECT_FALSE(c.find(7, 1000));
  c.put(7, true, 1000, write_epoch());
  EXPECT_EQ(c.find(7, 1000), true);
}

TEST(LookupCache, StaysWithinItsSize) {
  LookupCache<int, int> c(30, 4);
  for (int i = 0; i < 10; ++i) c.put(i, i, 1000, write_epoch());
  EXPECT_LE(c.size(), 4u);
  EXPECT_EQ(c.find(9, 1000), 9);
  LookupCache<int, int> off(0, 4);
  off.put(1, 1, 1000, write_epoch());
  EXPECT_FALSE(off.find(1, 1000));
}

}  // namespace hs::services
