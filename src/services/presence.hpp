#pragma once
// Who is here now, per live topic ("event:12"): a person counts while a page of theirs
// listens on the topic (a WebSocket: connections are counted, so two tabs make one
// person who leaves when both have closed), and for a while after they last loaded a
// page or closed their last connection (pages without JavaScript, and a reload). Held
// in memory by each server: with several nodes, each knows its own listeners.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace hs::services {

class Presence {
 public:
  void connected(const std::string& topic, const std::string& who, std::int64_t now);
  void disconnected(const std::string& topic, const std::string& who, std::int64_t now);
  // A page load (or any sign of life) without a connection.
  void seen(const std::string& topic, const std::string& who, std::int64_t now);
  // Everyone connected now, or seen in the last `window` seconds.
  std::vector<std::string> present(const std::string& topic, std::int64_t now, std::int64_t window);

 private:
  struct Here {
    int connections = 0;
    std::int64_t last_seen = 0;
  };
  std::mutex mu_;
  std::unordered_map<std::string, std::unordered_map<std::string, Here>> topics_;
};

}  // namespace hs::services
