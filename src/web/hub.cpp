#include "web/hub.hpp"

namespace hs::web {

void Hub::subscribe(const std::string& topic, const std::shared_ptr<Subscriber>& s) {
  std::lock_guard g(mu_);
  topics_[topic].push_back(s);
}

void Hub::unsubscribe(const std::string& topic, const Subscriber* s) {
  std::lock_guard g(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return;
  std::erase_if(it->second, [s](const auto& w) {
    auto p = w.lock();
    return !p || p.get() == s;
  });
  if (it->second.empty()) topics_.erase(it);
}

std::size_t Hub::publish(const std::string& topic, std::string message) {
  auto shared = std::make_shared<const std::string>(std::move(message));
  std::vector<std::shared_ptr<Subscriber>> targets;
  {
    std::lock_guard g(mu_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) return 0;
    for (const auto& w : it->second)
      if (auto p = w.lock()) targets.push_back(std::move(p));
  }
  for (auto& t : targets) t->deliver(shared);
  return targets.size();
}

std::size_t Hub::subscribers(const std::string& topic) {
  std::lock_guard g(mu_);
  auto it = topics_.find(topic);
  return it == topics_.end() ? 0 : it->second.size();
}

std::vector<std::string> Hub::topics() {
  std::lock_guard g(mu_);
  std::vector<std::string> out;
  out.reserve(topics_.size());
  for (const auto& [t, subs] : topics_) out.push_back(t);
  return out;
}

}  // namespace hs::web
