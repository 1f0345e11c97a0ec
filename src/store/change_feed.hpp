#pragma once
// Live updates across servers. Several `humanspace serve` nodes may share one
// PostgreSQL database behind a load balancer; a change committed on one node must reach
// the people whose live page is connected to another. Each node tells the others which
// topics changed ("event:12") through PostgreSQL's LISTEN/NOTIFY, and rebuilds those
// topics' snapshots from the database itself. What travels is a topic name, never data.
//
// SQLite is one file for one server process: it has no feed (open_change_feed answers
// null) and needs none.
#include <functional>
#include <memory>
#include <string>

namespace hs::store {

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // Tells the other nodes that topic changed. Cheap and never blocks on the network:
  // topics are gathered and sent at most every 50 ms, each once.
  virtual void publish(const std::string& topic) = 0;
};

// on_change(topic) runs on the feed's own thread for each topic another node changed;
// an empty topic means "anything may have changed" (the feed was cut off for a while and
// may have missed notices). Null for an engine without a feed.
std::unique_ptr<ChangeFeed> open_change_feed(const std::string& url,
                                             std::function<void(const std::string& topic)> on_change);

}  // namespace hs::store
