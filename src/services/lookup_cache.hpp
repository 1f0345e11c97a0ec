#pragma once
// A short-lived cache for lookups that pages repeat on every request (a space and the
// viewer's role in it, whether someone holds an elevated role). Two things bound what
// it can get wrong:
//  - The write epoch: dispatch advances it after every state-changing request finishes
//    in this process (after its transaction committed). An entry counts only while the
//    epoch it was read under is still current, so a change made through this server
//    shows on the very next request. Take write_epoch() BEFORE reading the store.
//  - The time to live: a change made by another process (a second server, the command
//    line) shows within ttl seconds. docs/security.md lists these bounds.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace hs::services {

// State-changing requests finished in this process.
std::uint64_t write_epoch();
void advance_write_epoch();

template <class Key, class Value>
class LookupCache {
 public:
  LookupCache(std::int64_t ttl_seconds, std::size_t max_entries) : ttl_(ttl_seconds), max_(max_entries) {}

  std::optional<Value> find(const Key& key, std::int64_t now) const {
    std::lock_guard g(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    const Entry& e = it->second;
    if (e.epoch != write_epoch() || now < e.read_at || now - e.read_at >= ttl_) return std::nullopt;
    return e.value;
  }
  // epoch: write_epoch() as it was before the store was read.
  void put(Key key, Value value, std::int64_t now, std::uint64_t epoch) {
    if (ttl_ <= 0 || epoch != write_epoch()) return;
    std::lock_guard g(mu_);
    if (entries_.size() >= max_) entries_.clear();
    entries_.insert_or_assign(std::move(key), Entry{std::move(value), now, epoch});
  }
  std::size_t size() const {
    std::lock_guard g(mu_);
    return entries_.size();
  }

 private:
  struct Entry {
    Value value;
    std::int64_t read_at;
    std::uint64_t epoch;
  };
  const std::int64_t ttl_;
  const std::size_t max_;
  mutable std::mutex mu_;
  std::map<Key, Entry, std::less<>> entries_;
};

}  // namespace hs::services
