#include "services/coalescer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

#include "services/hub.hpp"

namespace hs::services {

using Clock = std::chrono::steady_clock;

Coalescer::Coalescer(Hub& hub, int per_second)
    : hub_(hub), interval_(std::chrono::milliseconds(1000 / std::max(1, per_second))), thread_([this] { run(); }) {}

Coalescer::~Coalescer() {
  {
    std::lock_guard g(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Coalescer::on(std::string prefix, Snapshot snapshot) {
  std::lock_guard g(mu_);
  builders_.emplace_back(std::move(prefix), std::move(snapshot));
}

void Coalescer::changed(const std::string& topic) {
  std::lock_guard g(mu_);
  // Every change is relayed: other servers gather them (at most one notice per topic
  // every 50 ms), and their own coalescers pace their snapshots.
  if (relay_) relay_(topic);
  mark(topic);
}

void Coalescer::refresh(const std::string& topic) {
  std::lock_guard g(mu_);
  mark(topic);
}

void Coalescer::refresh_at(const std::string& topic, Clock::time_point when) {
  std::lock_guard g(mu_);
  auto [it, added] = timers_.emplace(topic, when);
  if (!added && when < it->second) it->second = when;
  cv_.notify_one();
}

void Coalescer::relay(std::function<void(const std::string& topic)> to) {
  std::lock_guard g(mu_);
  relay_ = std::move(to);
}

void Coalescer::mark(const std::string& topic) {
  if (dirty_.contains(topic)) return;  // already due: this change rides along
  auto now = Clock::now();
  auto it = last_.find(topic);
  auto due = it == last_.end() ? now : std::max(now, it->second + interval_);
  dirty_.emplace(topic, due);
  cv_.notify_one();
}

unsigned long Coalescer::sent() const {
  std::lock_guard g(mu_);
  return sent_;
}

void Coalescer::run() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    auto now = Clock::now();
    auto next = Clock::time_point::max();
    // Timers that are due make their topics due like a change would.
    for (auto it = timers_.begin(); it != timers_.end();) {
      if (it->second <= now) {
        mark(it->first);
        it = timers_.erase(it);
      } else {
        next = std::min(next, it->second);
        ++it;
      }
    }
    if (dirty_.empty()) {
      if (timers_.empty()) cv_.wait(lock, [&] { return stop_ || !dirty_.empty() || !timers_.empty(); });
      else cv_.wait_until(lock, next);
      continue;
    }
    std::vector<std::string> ready;
    for (const auto& [topic, due] : dirty_) {
      if (due <= now) ready.push_back(topic);
      else next = std::min(next, due);
    }
    if (ready.empty()) {
      cv_.wait_until(lock, next);
      continue;
    }
    for (const auto& topic : ready) {
      dirty_.erase(topic);
      last_[topic] = now;
      Snapshot build;
      for (const auto& [prefix, b] : builders_)
        if (topic.starts_with(prefix)) build = b;
      if (!build) continue;
      lock.unlock();
      // Changes arriving while the snapshot is built mark the topic dirty again, due
      // one interval from now: nothing is lost and nothing floods.
      try {
        hub_.publish(topic, build(topic));
      } catch (const std::exception& e) {
        spdlog::error("live snapshot for {} failed: {}", topic, e.what());
      }
      lock.lock();
      ++sent_;
    }
  }
}

}  // namespace hs::services
