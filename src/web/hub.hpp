#pragma once
// Fan-out of live messages to WebSocket subscribers by topic. Publishing never waits
// for a subscriber: each has a bounded queue where the latest message wins.
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace hs::web {

class Subscriber {
 public:
  virtual ~Subscriber() = default;
  virtual void deliver(std::shared_ptr<const std::string> message) = 0;
};

class Hub {
 public:
  void subscribe(const std::string& topic, const std::shared_ptr<Subscriber>& s);
  void unsubscribe(const std::string& topic, const Subscriber* s);
  // Returns how many subscribers it reached.
  std::size_t publish(const std::string& topic, std::string message);
  std::size_t subscribers(const std::string& topic);
  // Every topic with a subscriber.
  std::vector<std::string> topics();

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<std::weak_ptr<Subscriber>>> topics_;
};

}  // namespace hs::web
