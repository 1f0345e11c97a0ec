#include "modules/accounts/repo.hpp"

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::accounts::repo {

namespace {

constexpr const char* kUserByLookup =
    "SELECT id, email_sealed, display_name, pronouns, access_needs_sealed, password_hash, site_role, verified_at, "
    "created_at, erased_at FROM users WHERE email_lookup = ?";
constexpr const char* kUserById =
    "SELECT id, email_sealed, display_name, pronouns, access_needs_sealed, password_hash, site_role, verified_at, "
    "created_at, erased_at FROM users WHERE id = ?";
constexpr const char* kInsertUser =
    "INSERT INTO users (email_lookup, email_sealed, display_name, password_hash, site_role, verified_at, created_at) "
    "VALUES (?, ?, ?, ?, 'member', ?, ?) RETURNING id";
constexpr const char* kRestartUnverified =
    "UPDATE users SET display_name = ?, password_hash = ?, created_at = ? WHERE id = ? AND verified_at IS NULL";
constexpr const char* kMarkVerified = "UPDATE users SET verified_at = ? WHERE id = ? AND verified_at IS NULL";
constexpr const char* kClearPassword = "UPDATE users SET password_hash = NULL WHERE id = ?";
constexpr const char* kSetPasswordHash = "UPDATE users SET password_hash = ? WHERE id = ?";
constexpr const char* kUpdateProfile =
    "UPDATE users SET display_name = ?, pronouns = ?, access_needs_sealed = ? WHERE id = ?";
constexpr const char* kSetEmail = "UPDATE users SET email_lookup = ?, email_sealed = ? WHERE id = ?";
constexpr const char* kSetSiteRole = "UPDATE users SET site_role = ? WHERE id = ?";
constexpr const char* kEraseUser =
    "UPDATE users SET email_lookup = NULL, email_sealed = NULL, display_name = ?, pronouns = NULL, "
    "access_needs_sealed = NULL, password_hash = NULL, site_role = 'member', erased_at = ? WHERE id = ?";

constexpr const char* kPendingEmails =
    "SELECT new_email_sealed FROM account_links WHERE user_id = ? AND new_email_sealed IS NOT NULL";

constexpr const char* kInsertLink =
    "INSERT INTO account_links (token_hash, purpose, user_id, new_email_lookup, new_email_sealed, next_path, "
    "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kLinkByHash =
    "SELECT id, user_id, new_email_lookup, new_email_sealed, next_path, expires_at FROM account_links "
    "WHERE token_hash = ? AND purpose = ?";
constexpr const char* kTakeLink = "DELETE FROM account_links WHERE id = ?";
constexpr const char* kDeleteLinks = "DELETE FROM account_links WHERE user_id = ? AND purpose = ?";
constexpr const char* kDeleteAllLinks = "DELETE FROM account_links WHERE user_id = ?";
constexpr const char* kDeleteExpiredLinks = "DELETE FROM account_links WHERE expires_at < ?";

constexpr const char* kInsertSession =
    "INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, keep_signed_in, device_browser, "
    "device_system) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSessionByHash =
    "SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.keep_signed_in, s.device_browser, s.device_system, "
    "u.display_name, u.site_role FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = ? AND u.erased_at IS NULL";
constexpr const char* kSessionsOf =
    "SELECT id, user_id, created_at, last_seen_at, keep_signed_in, device_browser, device_system "
    "FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC, id DESC";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE id = ?";
constexpr const char* kDeleteSessionOf = "DELETE FROM sessions WHERE id = ? AND user_id = ?";
constexpr const char* kDeleteSessionsOf = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kDeleteOtherSessions = "DELETE FROM sessions WHERE user_id = ? AND id <> ?";
constexpr const char* kDeleteStaleSessions =
    "DELETE FROM sessions WHERE user_id = ? AND (last_seen_at < ? OR created_at < ?)";

User to_user(const store::Row& r) {
  User u;
  u.id = r.i64(0);
  u.email_sealed = r.opt_text(1);
  u.display_name = r.text(2);
  u.pronouns = r.opt_text(3);
  u.access_needs_sealed = r.opt_text(4);
  u.password_hash = r.opt_text(5);
  u.site_role = r.text(6);
  u.verified_at = r.opt_i64(7);
  u.created_at = r.i64(8);
  u.erased = !r.is_null(9);
  return u;
}

Session to_session(const store::Row& r) {
  Session s;
  s.id = r.i64(0);
  s.user_id = r.i64(1);
  s.created_at = r.i64(2);
  s.last_seen_at = r.i64(3);
  s.keep_signed_in = r.i64(4) != 0;
  s.browser = r.text(5);
  s.system = r.text(6);
  if (r.size() > 8) {
    s.display_name = r.text(7);
    s.site_role = r.text(8);
  }
  return s;
}

std::optional<std::string> non_empty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

std::optional<User> user_by_lookup(store::Conn& c, const std::string& email_lookup) {
  auto r = c.one(kUserByLookup, email_lookup);
  if (!r) return std::nullopt;
  return to_user(*r);
}

std::optional<User> user_by_id(store::Conn& c, std::int64_t id) {
  auto r = c.one(kUserById, id);
  if (!r) return std::nullopt;
  return to_user(*r);
}

std::int64_t insert_user(store::Conn& c, const NewUser& u) {
  store::Value verified = u.verified_at ? store::Value(*u.verified_at) : store::Value(store::Null{});
  const store::Value args[] = {u.email_lookup, u.email_sealed, u.display_name, store::opt(u.password_hash),
                               verified,       u.created_at};
  return c.query(kInsertUser, args).at(0).i64(0);
}

void restart_unverified(store::Conn& c, std::int64_t id, const std::string& display_name,
                        const std::optional<std::string>& password_hash, std::int64_t now) {
  c.q(kRestartUnverified, display_name, password_hash, now, id);
}

bool mark_verified(store::Conn& c, std::int64_t id, std::int64_t now) {
  c.q(kMarkVerified, now, id);
  return c.changes() == 1;
}

void clear_password(store::Conn& c, std::int64_t id) { c.q(kClearPassword, id); }

void set_password_hash(store::Conn& c, std::int64_t id, const std::string& hash) { c.q(kSetPasswordHash, hash, id); }

void update_profile(store::Conn& c, std::int64_t id, const std::string& display_name,
                    const std::optional<std::string>& pronouns, const std::optional<std::string>& access_needs_sealed) {
  c.q(kUpdateProfile, display_name, pronouns, access_needs_sealed, id);
}

void set_email(store::Conn& c, std::int64_t id, const std::string& lookup, const std::string& sealed) {
  c.q(kSetEmail, lookup, sealed, id);
}

void set_site_role(store::Conn& c, std::int64_t id, const std::string& role) { c.q(kSetSiteRole, role, id); }

void erase_user(store::Conn& c, std::int64_t id, const std::string& former_name, std::int64_t now) {
  c.q(kEraseUser, former_name, now, id);
}

void insert_link(store::Conn& c, const NewLink& l) {
  c.q(kInsertLink, l.token_hash, l.purpose, l.user_id, l.new_email_lookup, l.new_email_sealed, l.next_path,
      l.created_at, l.expires_at);
}

std::optional<Link> link_by_hash(store::Conn& c, const std::string& token_hash, const std::string& purpose) {
  auto r = c.one(kLinkByHash, token_hash, purpose);
  if (!r) return std::nullopt;
  Link l;
  l.id = r->i64(0);
  l.user_id = r->i64(1);
  l.new_email_lookup = r->opt_text(2);
  l.new_email_sealed = r->opt_text(3);
  l.next_path = r->opt_text(4);
  l.expires_at = r->i64(5);
  return l;
}

bool take_link(store::Conn& c, std::int64_t id) {
  c.q(kTakeLink, id);
  return c.changes() == 1;
}

void delete_links(store::Conn& c, std::int64_t user_id, const std::string& purpose) {
  c.q(kDeleteLinks, user_id, purpose);
}

void delete_all_links(store::Conn& c, std::int64_t user_id) { c.q(kDeleteAllLinks, user_id); }

std::vector<std::string> pending_emails_sealed(store::Conn& c, std::int64_t user_id) {
  std::vector<std::string> out;
  for (const auto& r : c.q(kPendingEmails, user_id)) out.push_back(r.text(0));
  return out;
}

void delete_expired_links(store::Conn& c, std::int64_t now) { c.q(kDeleteExpiredLinks, now); }

std::int64_t insert_session(store::Conn& c, const NewSession& s) {
  return c
      .one(kInsertSession, s.user_id, s.token_hash, s.now, s.now, s.keep_signed_in, non_empty(s.browser),
           non_empty(s.system))
      ->i64(0);
}

std::optional<Session> session_by_hash(store::Conn& c, const std::string& token_hash) {
  auto r = c.one(kSessionByHash, token_hash);
  if (!r) return std::nullopt;
  return to_session(*r);
}

std::vector<Session> sessions_of(store::Conn& c, std::int64_t user_id) {
  std::vector<Session> out;
  for (const auto& r : c.q(kSessionsOf, user_id)) out.push_back(to_session(r));
  return out;
}

void touch_session(store::Conn& c, std::int64_t id, std::int64_t now, std::int64_t seen_before) {
  c.q(kTouchSession, now, id, seen_before);
}

void delete_session(store::Conn& c, std::int64_t id) { c.q(kDeleteSession, id); }

bool delete_session_of(store::Conn& c, std::int64_t id, std::int64_t user_id) {
  c.q(kDeleteSessionOf, id, user_id);
  return c.changes() == 1;
}

void delete_sessions_of(store::Conn& c, std::int64_t user_id) { c.q(kDeleteSessionsOf, user_id); }

void delete_other_sessions(store::Conn& c, std::int64_t user_id, std::int64_t keep_id) {
  c.q(kDeleteOtherSessions, user_id, keep_id);
}

void delete_stale_sessions(store::Conn& c, std::int64_t user_id, std::int64_t idle_before,
                           std::int64_t created_before) {
  c.q(kDeleteStaleSessions, user_id, idle_before, created_before);
}

std::vector<std::pair<std::int64_t, std::string>> display_names(store::Conn& c, const std::vector<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  store::for_id_slices(ids, {}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r : c.query("SELECT id, display_name FROM users WHERE id IN " + in, args))
      out.emplace_back(r.i64(0), r.text(1));
  });
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> sealed_access_needs(store::Conn& c,
                                                                      const std::vector<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  store::for_id_slices(ids, {}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r : c.query("SELECT id, access_needs_sealed FROM users WHERE erased_at IS NULL AND "
                                 "access_needs_sealed IS NOT NULL AND id IN " + in,
                                 args))
      out.emplace_back(r.i64(0), r.text(1));
  });
  return out;
}

}  // namespace hs::accounts::repo
