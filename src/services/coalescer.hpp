#pragma once
// Live updates without a message per submission: a topic is marked changed as often as
// anything happens, and at most `per_second` times a second its latest snapshot is built
// once and handed to every subscriber (who keep only the newest; see Hub).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace hs::services {

class Hub;

class Coalescer {
 public:
  // snapshot(topic) builds the message for a topic; called on the coalescer's thread.
  using Snapshot = std::function<std::string(const std::string& topic)>;

  Coalescer(Hub& hub, int per_second = 5);
  ~Coalescer();
  Coalescer(const Coalescer&) = delete;
  Coalescer& operator=(const Coalescer&) = delete;

  // Registers how to build snapshots for topics starting with prefix.
  void on(std::string prefix, Snapshot snapshot);
  // Notes that a topic changed here; cheap, never blocks on subscribers. The change is
  // also relayed (see relay()).
  void changed(const std::string& topic);
  // Has a topic's snapshot built and sent again, without relaying: for a change another
  // server made, or for the first to listen to a topic.
  void refresh(const std::string& topic);
  // Has a topic's snapshot built again at a time to come (a countdown's end), whether or
  // not anything happens then; not relayed (each server keeps its own). A topic keeps
  // its earliest such time: a builder that wants a later one asks again when it runs.
  void refresh_at(const std::string& topic, std::chrono::steady_clock::time_point when);
  // Where changes made here are told to other servers (store::ChangeFeed::publish);
  // an empty function stops relaying.
  void relay(std::function<void(const std::string& topic)> to);
  // Messages sent so far (for tests and metrics).
  unsigned long sent() const;

 private:
  void run();
  void mark(const std::string& topic);  // with mu_ held
  Hub& hub_;
  std::function<void(const std::string&)> relay_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> dirty_;  // topic -> due time
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> last_;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> timers_;  // topic -> refresh_at
  std::vector<std::pair<std::string, Snapshot>> builders_;
  unsigned long sent_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace hs::services
