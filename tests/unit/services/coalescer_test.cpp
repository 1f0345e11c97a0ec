#include "services/coalescer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "services/hub.hpp"

namespace hs::services {

namespace {
struct Collector : Subscriber {
  std::mutex mu;
  std::vector<std::string> got;
  void deliver(std::shared_ptr<const std::string> m) override {
    std::lock_guard g(mu);
    got.push_back(*m);
  }
  std::vector<std::string> all() {
    std::lock_guard g(mu);
    return got;
  }
};
}  // namespace

TEST(Coalescer, ManyChangesBecomeAFewSnapshotsAndTheLastIsCurrent) {
  Hub hub;
  auto sub = std::make_shared<Collector>();
  hub.subscribe("event:1", sub);
  std::atomic<int> count{0};
  {
    Coalescer co(hub, 5);
    co.on("event:", [&](const std::string&) { return std::to_string(count.load()); });
    // 1,000 submissions over about 0.6 s.
    for (int i = 1; i <= 1000; ++i) {
      count = i;
      co.changed("event:1");
      if (i % 100 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(60));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(450));
  }
  auto got = sub->all();
  ASSERT_FALSE(got.empty());
  EXPECT_LE(got.size(), 6u) << "at most 5 a second, never one per submission";
  EXPECT_EQ(got.back(), "1000") << "the final state always goes out";
}

TEST(Coalescer, ASnapshotIsBuiltAtATimeAskedForThoughNothingChanges) {
  Hub hub;
  auto sub = std::make_shared<Collector>();
  hub.subscribe("event:1", sub);
  std::atomic<int> built{0};
  Coalescer co(hub, 5);
  co.on("event:", [&](const std::string&) { return std::to_string(++built); });
  const auto start = std::chrono::steady_clock::now();
  // Asked twice: the earlier time counts, and it comes once.
  co.refresh_at("event:1", start + std::chrono::milliseconds(400));
  co.refresh_at("event:1", start + std::chrono::milliseconds(150));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(built.load(), 0) << "not before its time";
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(built.load(), 1) << "at its time, with no change to prompt it";
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(built.load(), 1) << "once";
  EXPECT_EQ(sub->all(), std::vector<std::string>{"1"});
}

TEST(Coalescer, TopicsWithoutABuilderAreIgnored) {
  Hub hub;
  Coalescer co(hub, 5);
  co.changed("nobody:1");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(co.sent(), 0u);
}

TEST(Coalescer, ChangesMadeHereAreRelayedAndChangesFromElsewhereAreNot) {
  Hub hub;
  auto sub = std::make_shared<Collector>();
  hub.subscribe("event:1", sub);
  std::mutex mu;
  std::vector<std::string> relayed;
  {
    Coalescer co(hub, 5);
    co.on("event:", [](const std::string& t) { return t; });
    co.relay([&](const std::string& t) {
      std::lock_guard g(mu);
      relayed.push_back(t);
    });
    co.changed("event:1");
    co.refresh("event:2");  // another server's change: not sent back
    co.relay(nullptr);
    co.changed("event:3");  // no longer relayed
    for (int i = 0; i < 100 && sub->all().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    // A change from elsewhere still reaches this server's subscribers.
    co.refresh("event:1");
    for (int i = 0; i < 100 && sub->all().size() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(relayed, std::vector<std::string>{"event:1"});
  EXPECT_EQ(sub->all().size(), 2u);
  EXPECT_EQ(hub.topics(), std::vector<std::string>{"event:1"});
}

TEST(Hub, OneWhoJoinsGetsTheLatestMessageAtOnceAndItGoesWithTheLastListener) {
  Hub hub;
  auto first = std::make_shared<Collector>();
  EXPECT_FALSE(hub.subscribe("event:1", first));  // nothing yet: the caller has one built
  EXPECT_EQ(hub.publish("event:1", "one"), 1u);
  EXPECT_EQ(hub.publish("event:1", "two"), 1u);
  auto late = std::make_shared<Collector>();
  EXPECT_TRUE(hub.subscribe("event:1", late));
  EXPECT_EQ(late->all(), std::vector<std::string>{"two"});
  // A topic nobody listens to keeps nothing.
  EXPECT_EQ(hub.publish("event:2", "unheard"), 0u);
  EXPECT_FALSE(hub.subscribe("event:2", std::make_shared<Collector>()));
  hub.unsubscribe("event:1", first.get());
  hub.unsubscribe("event:1", late.get());
  EXPECT_FALSE(hub.subscribe("event:1", std::make_shared<Collector>()));
}

}  // namespace hs::services
