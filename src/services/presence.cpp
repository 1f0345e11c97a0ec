#include "services/presence.hpp"

namespace hs::services {

void Presence::connected(const std::string& topic, const std::string& who, std::int64_t now) {
  if (who.empty()) return;
  std::lock_guard g(mu_);
  auto& h = topics_[topic][who];
  ++h.connections;
  h.last_seen = now;
}

void Presence::disconnected(const std::string& topic, const std::string& who, std::int64_t now) {
  if (who.empty()) return;
  std::lock_guard g(mu_);
  auto t = topics_.find(topic);
  if (t == topics_.end()) return;
  auto h = t->second.find(who);
  if (h == t->second.end()) return;
  if (h->second.connections > 0) --h->second.connections;
  h->second.last_seen = now;
}

void Presence::seen(const std::string& topic, const std::string& who, std::int64_t now) {
  if (who.empty()) return;
  std::lock_guard g(mu_);
  auto& h = topics_[topic][who];
  if (now > h.last_seen) h.last_seen = now;
}

std::vector<std::string> Presence::present(const std::string& topic, std::int64_t now, std::int64_t window) {
  std::vector<std::string> out;
  std::lock_guard g(mu_);
  auto t = topics_.find(topic);
  if (t == topics_.end()) return out;
  // Forgets people long gone on the way, so a topic's table stays as big as its crowd.
  for (auto it = t->second.begin(); it != t->second.end();) {
    const auto& h = it->second;
    if (h.connections > 0 || now - h.last_seen <= window) {
      out.push_back(it->first);
      ++it;
    } else if (now - h.last_seen > 24 * 3600) {
      it = t->second.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

}  // namespace hs::services
