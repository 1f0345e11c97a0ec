#pragma once
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hs::services {

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
  // Takes one token from each bucket, or from none when any of them is empty.
  bool take_all(std::initializer_list<std::pair<const std::string&, Limit>> buckets, double now,
                double* retry_after = nullptr);

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

// People taking part in a live event, with an account or by code alone: each person has
// an allowance of actions (words, questions, upvotes, votes, notes, asking for help), and
// so has each address within one event, a larger one since a whole venue may share it.
// Joining by code has its own allowance per address.
inline constexpr RateLimiter::Limit kPersonActions{20, 1.0};  // 20 at once, then one a second
inline constexpr RateLimiter::Limit kAddressActions{600, 40.0};
inline constexpr RateLimiter::Limit kAddressJoins{60, 5.0};  // 300 a minute from one venue
// person: a stable name for who acts ("p12" for a participant, "u7" for an account).
bool take_part_allowed(RateLimiter& limiter, std::int64_t event_id, const std::string& person,
                       const std::string& address, double now, double* retry_after = nullptr);

}  // namespace hs::services
