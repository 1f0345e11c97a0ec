#include "web/rate_limit.hpp"

#include <algorithm>

namespace hs::web {

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

void RateLimiter::reset(const std::string& key) {
  std::lock_guard g(mu_);
  buckets_.erase(key);
}

void RateLimiter::prune(double now) {
  std::erase_if(buckets_, [now](const auto& kv) { return kv.second.full_at <= now; });
}

}  // namespace hs::web
