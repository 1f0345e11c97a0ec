#pragma once
// Sessions recently read from the store, kept in this process for a few seconds so that
// a burst of requests (a page and its assets, a busy person) does not query the store
// for every one. Keyed by the token's hash, never the token.
//
// Correctness rests on two rules, followed by the accounts module:
//  - Everything that ends a session or changes what a session shows (sign out, sign out
//    everywhere, ending one session, password reset, sign-in replacing an old session,
//    profile and site-role changes, erasure) calls forget_* AFTER its transaction
//    commits, so this process never serves a session the store no longer has.
//  - A reader takes generation() BEFORE it reads the store and passes it to put(); a
//    put is ignored when anything was forgotten in between, so a read that raced a sign
//    out cannot bring the ended session back.
// Other processes sharing the database (another server, the command line) cannot reach
// this cache: their changes show here within ttl seconds (docs/security.md).
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hs::services {

struct CachedSession {
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;  // as the store held it (or as we last wrote it)
  bool keep_signed_in = false;
  std::string display_name;
  std::string site_role;
};

class SessionCache {
 public:
  static constexpr std::int64_t kDefaultTtl = 5;  // seconds
  explicit SessionCache(std::int64_t ttl_seconds = kDefaultTtl, std::size_t max_entries = 100000);

  // The entry for a token hash read less than ttl seconds ago.
  std::optional<CachedSession> find(std::string_view token_hash, std::int64_t now) const;
  // Read before querying the store; hand it to put().
  std::uint64_t generation() const;
  // Keeps what the store said at `now`, unless something was forgotten since `generation`.
  void put(std::string token_hash, CachedSession s, std::int64_t now, std::uint64_t generation);

  void forget_session(std::int64_t session_id);
  void forget_user(std::int64_t user_id);
  void clear();
  std::size_t size() const;
  std::int64_t ttl() const { return ttl_; }

 private:
  struct Entry {
    CachedSession session;
    std::int64_t read_at = 0;
  };
  template <class Pred>
  void forget_if(Pred pred);

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  const std::int64_t ttl_;
  const std::size_t max_entries_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace hs::services
