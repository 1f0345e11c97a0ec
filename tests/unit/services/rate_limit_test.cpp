#include "services/rate_limit.hpp"

#include <gtest/gtest.h>

namespace hs::services {

TEST(RateLimiter, AllowsABurstThenRefills) {
  RateLimiter rl;
  RateLimiter::Limit lim{3, 1.0 / 60};  // three, then one a minute
  EXPECT_TRUE(rl.take("k", lim, 0));
  EXPECT_TRUE(rl.take("k", lim, 0));
  EXPECT_TRUE(rl.take("k", lim, 0));
  double retry = 0;
  EXPECT_FALSE(rl.take("k", lim, 1, &retry));
  EXPECT_NEAR(retry, 59, 0.01);
  EXPECT_TRUE(rl.take("other", lim, 1));
  EXPECT_TRUE(rl.take("k", lim, 61));
  EXPECT_FALSE(rl.take("k", lim, 62));
  rl.reset("k");
  EXPECT_TRUE(rl.take("k", lim, 62));
}

}  // namespace hs::services
