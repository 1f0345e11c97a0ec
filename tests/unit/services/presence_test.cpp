// Who is here: connected pages count while connected (two tabs, one person), a page load
// counts for the window, and topics are kept apart.
#include "services/presence.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace hs::services {
namespace {

bool here(Presence& p, const std::string& topic, const std::string& who, std::int64_t now) {
  auto all = p.present(topic, now, 180);
  return std::find(all.begin(), all.end(), who) != all.end();
}

TEST(Presence, ConnectionsCountUntilTheLastClosesThenTheWindow) {
  Presence p;
  p.connected("event:1", "p1", 100);
  p.connected("event:1", "p1", 100);
  EXPECT_TRUE(here(p, "event:1", "p1", 10000));
  p.disconnected("event:1", "p1", 200);
  EXPECT_TRUE(here(p, "event:1", "p1", 10000));  // one tab still open
  p.disconnected("event:1", "p1", 300);
  EXPECT_TRUE(here(p, "event:1", "p1", 480));  // a reload's gap, or just left
  EXPECT_FALSE(here(p, "event:1", "p1", 481));
  EXPECT_FALSE(here(p, "event:2", "p1", 300));
}

TEST(Presence, APageLoadCountsForTheWindowAndNobodyIsNobody) {
  Presence p;
  p.seen("event:1", "p2", 1000);
  EXPECT_TRUE(here(p, "event:1", "p2", 1180));
  EXPECT_FALSE(here(p, "event:1", "p2", 1181));
  p.seen("event:1", "", 1000);
  p.connected("event:1", "", 1000);
  EXPECT_EQ(p.present("event:1", 1000, 180).size(), 1u);
}

}  // namespace
}  // namespace hs::services
