#pragma once
// Fan-out of live messages to WebSocket subscribers by topic. Publishing never waits
// for a subscriber: each has a bounded queue where the latest message wins. The latest
// message of a topic is kept while it has subscribers, so that one who joins (or
// rejoins) gets the whole current state at once, without building it again.
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace hs::services {

class Subscriber {
 public:
  virtual ~Subscriber() = default;
  // Queues the message and returns at once; it must not call back into the Hub.
  virtual void deliver(std::shared_ptr<const std::string> message) = 0;
};

class Hub {
 public:
  // Delivers the topic's latest message to s straight away; false when there is none
  // yet (then the caller has the topic's snapshot built, which reaches s too).
  bool subscribe(const std::string& topic, const std::shared_ptr<Subscriber>& s);
  void unsubscribe(const std::string& topic, const Subscriber* s);
  // Returns how many subscribers it reached.
  std::size_t publish(const std::string& topic, std::string message);
  std::size_t subscribers(const std::string& topic);
  // Every topic with a subscriber.
  std::vector<std::string> topics();

 private:
  std::mutex mu_;
  struct Topic {
    std::vector<std::weak_ptr<Subscriber>> subscribers;
    std::shared_ptr<const std::string> latest;
  };
  std::unordered_map<std::string, Topic> topics_;
};

}  // namespace hs::services
