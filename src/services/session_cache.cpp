#include "services/session_cache.hpp"

namespace hs::services {

SessionCache::SessionCache(std::int64_t ttl_seconds, std::size_t max_entries)
    : ttl_(ttl_seconds), max_entries_(max_entries) {}

std::optional<CachedSession> SessionCache::find(std::string_view token_hash, std::int64_t now) const {
  std::lock_guard g(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  // A clock that went back counts as stale too.
  if (now < it->second.read_at || now - it->second.read_at >= ttl_) return std::nullopt;
  return it->second.session;
}

std::uint64_t SessionCache::generation() const {
  std::lock_guard g(mu_);
  return generation_;
}

void SessionCache::put(std::string token_hash, CachedSession s, std::int64_t now, std::uint64_t generation) {
  if (ttl_ <= 0) return;
  std::lock_guard g(mu_);
  if (generation != generation_) return;
  if (entries_.size() >= max_entries_ && !entries_.contains(token_hash)) {
    std::erase_if(entries_, [&](const auto& e) { return now - e.second.read_at >= ttl_ || now < e.second.read_at; });
    if (entries_.size() >= max_entries_) entries_.clear();
  }
  entries_.insert_or_assign(std::move(token_hash), Entry{std::move(s), now});
}

template <class Pred>
void SessionCache::forget_if(Pred pred) {
  std::lock_guard g(mu_);
  ++generation_;
  std::erase_if(entries_, [&](const auto& e) { return pred(e.second.session); });
}

void SessionCache::forget_session(std::int64_t session_id) {
  forget_if([&](const CachedSession& s) { return s.session_id == session_id; });
}

void SessionCache::forget_user(std::int64_t user_id) {
  forget_if([&](const CachedSession& s) { return s.user_id == user_id; });
}

void SessionCache::clear() {
  forget_if([](const CachedSession&) { return true; });
}

std::size_t SessionCache::size() const {
  std::lock_guard g(mu_);
  return entries_.size();
}

}  // namespace hs::services
