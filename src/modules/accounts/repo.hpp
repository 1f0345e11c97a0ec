#pragma once
// The only place the accounts module's SQL lives.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/accounts/records.hpp"

namespace hs::store {
class Conn;
}

namespace hs::accounts::repo {

using accounts::Session;

struct User {
  std::int64_t id = 0;
  std::optional<std::string> email_sealed;
  std::string display_name;
  std::optional<std::string> pronouns;
  std::optional<std::string> access_needs_sealed;
  std::optional<std::string> password_hash;
  std::string site_role;
  std::optional<std::int64_t> verified_at;
  std::int64_t created_at = 0;
  bool erased = false;
};

struct NewUser {
  std::string email_lookup;
  std::string email_sealed;
  std::string display_name;
  std::optional<std::string> password_hash;
  std::optional<std::int64_t> verified_at;
  std::int64_t created_at = 0;
};

std::optional<User> user_by_lookup(store::Conn& c, const std::string& email_lookup);
std::optional<User> user_by_id(store::Conn& c, std::int64_t id);
// Display names of many accounts at once (those that exist).
std::vector<std::pair<std::int64_t, std::string>> display_names(store::Conn& c, const std::vector<std::int64_t>& ids);
// Sealed access needs of many accounts at once (those not erased that gave some).
std::vector<std::pair<std::int64_t, std::string>> sealed_access_needs(store::Conn& c,
                                                                      const std::vector<std::int64_t>& ids);
std::int64_t insert_user(store::Conn& c, const NewUser& u);
// An account nobody has verified yet is taken over by whoever signs up again with the
// address: only the owner of the inbox can ever use it.
void restart_unverified(store::Conn& c, std::int64_t id, const std::string& display_name,
                        const std::optional<std::string>& password_hash, std::int64_t now);
// True when the account was not verified before.
bool mark_verified(store::Conn& c, std::int64_t id, std::int64_t now);
void clear_password(store::Conn& c, std::int64_t id);
void set_password_hash(store::Conn& c, std::int64_t id, const std::string& hash);
void update_profile(store::Conn& c, std::int64_t id, const std::string& display_name,
                    const std::optional<std::string>& pronouns, const std::optional<std::string>& access_needs_sealed);
void set_email(store::Conn& c, std::int64_t id, const std::string& lookup, const std::string& sealed);
void set_site_role(store::Conn& c, std::int64_t id, const std::string& role);
void erase_user(store::Conn& c, std::int64_t id, const std::string& former_name, std::int64_t now);

struct NewLink {
  std::string token_hash;
  std::string purpose;
  std::int64_t user_id = 0;
  std::optional<std::string> new_email_lookup;
  std::optional<std::string> new_email_sealed;
  std::optional<std::string> next_path;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};
struct Link {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::optional<std::string> new_email_lookup;
  std::optional<std::string> new_email_sealed;
  std::optional<std::string> next_path;
  std::int64_t expires_at = 0;
};
void insert_link(store::Conn& c, const NewLink& l);
std::optional<Link> link_by_hash(store::Conn& c, const std::string& token_hash, const std::string& purpose);
// True only for the one caller that removed it: that is what makes a link single-use.
bool take_link(store::Conn& c, std::int64_t id);
void delete_links(store::Conn& c, std::int64_t user_id, const std::string& purpose);
void delete_all_links(store::Conn& c, std::int64_t user_id);
// Sealed addresses the person asked to change their email to (links not yet used).
std::vector<std::string> pending_emails_sealed(store::Conn& c, std::int64_t user_id);
void delete_expired_links(store::Conn& c, std::int64_t now);

struct NewSession {
  std::int64_t user_id = 0;
  std::string token_hash;
  std::int64_t now = 0;
  bool keep_signed_in = false;
  std::string browser, system;
};
std::int64_t insert_session(store::Conn& c, const NewSession& s);
std::optional<Session> session_by_hash(store::Conn& c, const std::string& token_hash);
std::vector<Session> sessions_of(store::Conn& c, std::int64_t user_id);
// Only when last seen before seen_before: concurrent requests write once.
void touch_session(store::Conn& c, std::int64_t id, std::int64_t now, std::int64_t seen_before);
void delete_session(store::Conn& c, std::int64_t id);
bool delete_session_of(store::Conn& c, std::int64_t id, std::int64_t user_id);
void delete_sessions_of(store::Conn& c, std::int64_t user_id);
void delete_other_sessions(store::Conn& c, std::int64_t user_id, std::int64_t keep_id);
// Sessions past the longest timeouts can never be used again.
void delete_stale_sessions(store::Conn& c, std::int64_t user_id, std::int64_t idle_before, std::int64_t created_before);

}  // namespace hs::accounts::repo
