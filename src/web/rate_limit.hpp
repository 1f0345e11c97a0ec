#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hs::web {

// Token buckets by key ("signin-ip:1.2.3.4"). Memory is bounded: when the table grows
// past its limit, buckets that have refilled are dropped.
class RateLimiter {
 public:
  struct Limit {
    double burst;       // tokens a full bucket holds
    double per_second;  // refill rate
  };
  // Takes one token; false (and how long until one is back) when empty.
  bool take(const std::string& key, Limit limit, double now, double* retry_after = nullptr);
  // Peeks without taking.
  bool would_allow(const std::string& key, Limit limit, double now);
  void reset(const std::string& key);

 private:
  struct Bucket {
    double tokens;
    double at;
    double full_at;
  };
  void prune(double now);
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace hs::web
