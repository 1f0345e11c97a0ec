#include "services/session_cache.hpp"

#include <gtest/gtest.h>

namespace hs::services {

namespace {

CachedSession session(std::int64_t id, std::int64_t user) {
  CachedSession s;
  s.session_id = id;
  s.user_id = user;
  s.display_name = "Ros Tamsin";
  return s;
}

}  // namespace

TEST(SessionCache, AnswersForTtlSecondsOnly) {
  SessionCache c(5);
  c.put("h1", session(1, 10), 1000, c.generation());
  ASSERT_TRUE(c.find("h1", 1000));
  EXPECT_EQ(c.find("h1", 1004)->display_name, "Ros Tamsin");
  EXPECT_FALSE(c.find("h1", 1005));
  EXPECT_FALSE(c.find("h1", 999)) << "a clock that went back does not stretch the entry";
  EXPECT_FALSE(c.find("h2", 1000));
}

TEST(SessionCache, ForgetsOneSessionOrEveryOneOfAPerson) {
  SessionCache c(60);
  c.put("a", session(1, 10), 1000, c.generation());
  c.put("b", session(2, 10), 1000, c.generation());
  c.put("c", session(3, 11), 1000, c.generation());
  c.forget_session(1);
  EXPECT_FALSE(c.find("a", 1001));
  EXPECT_TRUE(c.find("b", 1001));
  c.forget_user(10);
  EXPECT_FALSE(c.find("b", 1001));
  EXPECT_TRUE(c.find("c", 1001)) << "someone else's session stays";
  c.clear();
  EXPECT_EQ(c.size(), 0u);
}

TEST(SessionCache, AReadThatRacedASignOutIsNotKept) {
  SessionCache c(60);
  auto before_read = c.generation();
  // ... the reader finds the session in the store; meanwhile it is signed out and
  // forgotten; then the reader tries to keep what it read.
  c.forget_session(1);
  c.put("a", session(1, 10), 1000, before_read);
  EXPECT_FALSE(c.find("a", 1000));
  c.put("a", session(1, 10), 1000, c.generation());
  EXPECT_TRUE(c.find("a", 1000));
}

TEST(SessionCache, StaysWithinItsSizeAndCanBeOff) {
  SessionCache c(60, 3);
  for (int i = 0; i < 10; ++i) c.put("h" + std::to_string(i), session(i, i), 1000, c.generation());
  EXPECT_LE(c.size(), 3u);
  EXPECT_TRUE(c.find("h9", 1000));
  SessionCache off(0);
  off.put("a", session(1, 1), 1000, off.generation());
  EXPECT_FALSE(off.find("a", 1000));
}

}  // namespace hs::services
