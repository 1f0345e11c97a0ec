#include "modules/accounts/rules/session_policy.hpp"

namespace hs::accounts::rules {

Timeouts timeouts_for(bool keep_signed_in, bool elevated) {
  return keep_signed_in && !elevated ? kKeptSession : kStandardSession;
}

bool session_expired(std::int64_t created_at, std::int64_t last_seen_at, std::int64_t now, Timeouts t) {
  return now - last_seen_at >= t.idle || now - created_at >= t.absolute;
}

bool due_for_touch(std::int64_t last_seen_at, std::int64_t now) { return now - last_seen_at >= kTouchInterval; }

std::int64_t cookie_max_age(bool keep_signed_in, bool elevated) {
  return keep_signed_in && !elevated ? kKeptSession.absolute : 0;
}

std::int64_t link_lifetime(LinkPurpose p) {
  switch (p) {
    case LinkPurpose::verify_email: return 24 * 60 * 60;
    case LinkPurpose::sign_in: return 15 * 60;
    case LinkPurpose::reset_password: return 60 * 60;
    case LinkPurpose::change_email: return 24 * 60 * 60;
  }
  return 0;
}

bool link_usable(std::int64_t expires_at, std::int64_t now) { return now < expires_at; }

}  // namespace hs::accounts::rules
