#include "services/rate_limit.hpp"

#include <algorithm>

namespace hs::services {

namespace {
constexpr std::size_t kMaxBuckets = 100000;
}

bool RateLimiter::take(const std::string& key, Limit limit, double now, double* retry_after) {
  std::lock_guard g(mu_);
  if (buckets_.size() > kMaxBuckets) prune(now);
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{limit.burst, now, now});
  auto& b = it->second;
  b.tokens = std::min(limit.burst, b.tokens + (now - b.at) * limit.per_second);
  b.at = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    b.full_at = now + (limit.burst - b.tokens) / limit.per_second;
    return true;
  }
  if (retry_after) *retry_after = (1.0 - b.tokens) / limit.per_second;
  return false;
}

bool RateLimiter::would_allow(const std::string& key, Limit limit, double now) {
  std::lock_guard g(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) return true;
  return std::min(limit.burst, it->second.tokens + (now - it->second.at) * limit.per_second) >= 1.0;
}

bool RateLimiter::take_all(std::initializer_list<std::pair<const std::string&, Limit>> buckets, double now,
                           double* retry_after) {
  std::lock_guard g(mu_);
  if (buckets_.size() > kMaxBuckets) prune(now);
  double wait = 0;
  for (const auto& [key, limit] : buckets) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) continue;
    double tokens = std::min(limit.burst, it->second.tokens + (now - it->second.at) * limit.per_second);
    if (tokens < 1.0) wait = std::max(wait, (1.0 - tokens) / limit.per_second);
  }
  if (wait > 0) {
    if (retry_after) *retry_after = wait;
    return false;
  }
  for (const auto& [key, limit] : buckets) {
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{limit.burst, now, now});
    auto& b = it->second;
    b.tokens = std::min(limit.burst, b.tokens + (now - b.at) * limit.per_second) - 1.0;
    b.at = now;
    b.full_at = now + (limit.burst - b.tokens) / limit.per_second;
  }
  return true;
}

bool take_part_allowed(RateLimiter& limiter, std::int64_t event_id, const std::string& person,
                       const std::string& address, double now, double* retry_after) {
  const auto event = std::to_string(event_id);
  const std::string by_person = "take-part:" + event + ":" + person;
  const std::string by_address = "take-part-address:" + event + ":" + address;
  return limiter.take_all({{by_person, kPersonActions}, {by_address, kAddressActions}}, now, retry_after);
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard g(mu_);
  buckets_.erase(key);
}

void RateLimiter::prune(double now) {
  std::erase_if(buckets_, [now](const auto& kv) { return kv.second.full_at <= now; });
}

}  // namespace hs::services
