#include "services/hub.hpp"

namespace hs::services {

bool Hub::subscribe(const std::string& topic, const std::shared_ptr<Subscriber>& s) {
  std::lock_guard g(mu_);
  auto& t = topics_[topic];
  t.subscribers.push_back(s);
  if (!t.latest) return false;
  // Under the lock, so that a publish racing with this reaches s after it, never before:
  // the newest message is always the last one s gets. (deliver only queues.)
  s->deliver(t.latest);
  return true;
}

void Hub::unsubscribe(const std::string& topic, const Subscriber* s) {
  std::lock_guard g(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return;
  std::erase_if(it->second.subscribers, [s](const auto& w) {
    auto p = w.lock();
    return !p || p.get() == s;
  });
  if (it->second.subscribers.empty()) topics_.erase(it);  // and its latest message
}

std::size_t Hub::publish(const std::string& topic, std::string message) {
  auto shared = std::make_shared<const std::string>(std::move(message));
  std::vector<std::shared_ptr<Subscriber>> targets;
  {
    std::lock_guard g(mu_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) return 0;
    it->second.latest = shared;
    for (const auto& w : it->second.subscribers)
      if (auto p = w.lock()) targets.push_back(std::move(p));
  }
  for (auto& t : targets) t->deliver(shared);
  return targets.size();
}

std::size_t Hub::subscribers(const std::string& topic) {
  std::lock_guard g(mu_);
  auto it = topics_.find(topic);
  return it == topics_.end() ? 0 : it->second.subscribers.size();
}

std::vector<std::string> Hub::topics() {
  std::lock_guard g(mu_);
  std::vector<std::string> out;
  out.reserve(topics_.size());
  for (const auto& [t, subs] : topics_) out.push_back(t);
  return out;
}

}  // namespace hs::services
