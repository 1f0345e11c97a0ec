#pragma once
// How long a session and an emailed link live. Times are Unix seconds; nothing here
// reads a clock.
#include <cstdint>

namespace hs::accounts::rules {

struct Timeouts {
  std::int64_t idle;      // signed out after this long without a request
  std::int64_t absolute;  // signed out this long after signing in, however active
};

inline constexpr Timeouts kStandardSession{30 * 60, 12 * 60 * 60};
inline constexpr Timeouts kKeptSession{14 * 24 * 60 * 60, 30 * 24 * 60 * 60};
// last_seen is written at most this often per session: writes are costly.
inline constexpr std::int64_t kTouchInterval = 60;

// "Keep me signed in" gives the long timeouts, except to people who can see others'
// data (facilitators, auditors, stewards): their sessions always stay short.
Timeouts timeouts_for(bool keep_signed_in, bool elevated);
bool session_expired(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now, Timeouts t);
bool due_for_touch(std::int64_t last_seen_at, std::int64_t now);
// Max-Age for the cookie: 0 (ends with the browser) unless the long timeouts apply.
std::int64_t cookie_max_age(bool keep_signed_in, bool elevated);

enum class LinkPurpose { verify_email, sign_in, reset_password, change_email };
std::int64_t link_lifetime(LinkPurpose p);
bool link_usable(std::int64_t expires_at, std::int64_t now);

}  // namespace hs::accounts::rules
