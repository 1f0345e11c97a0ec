#include "modules/accounts/commands/support.hpp"

#include "core/crypto.hpp"
#include "core/embedded.hpp"
#include "core/view.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/device_label.hpp"
#include "modules/accounts/rules/password_policy.hpp"
#include "services/rate_limit.hpp"
#include "services/services.hpp"
#include "services/session_cache.hpp"
#include "store/db.hpp"

namespace hs::accounts::commands {

const std::unordered_set<std::string>& common_passwords() {
  static const auto list = rules::parse_password_list(embedded::get("resources/common-passwords.txt"));
  return list;
}

bool take(Services& app, const std::string& key, rules::Rate rate) {
  if (!app.limiter) return true;
  return app.limiter->take(key, {rate.burst, rate.per_second}, static_cast<double>(app.clock->now()));
}

void dummy_password_check(std::string_view password) {
  static const std::string dummy = crypto::hash_password(crypto::random_token(16));
  (void)crypto::verify_password(dummy, password);
}

rules::LinkPurpose purpose_of(LinkKind kind) {
  switch (kind) {
    case LinkKind::verify_email: return rules::LinkPurpose::verify_email;
    case LinkKind::sign_in: return rules::LinkPurpose::sign_in;
    case LinkKind::reset_password: return rules::LinkPurpose::reset_password;
    case LinkKind::change_email: return rules::LinkPurpose::change_email;
  }
  return rules::LinkPurpose::sign_in;
}

std::string purpose_name(LinkKind kind) {
  switch (kind) {
    case LinkKind::verify_email: return "verify";
    case LinkKind::sign_in: return "signin";
    case LinkKind::reset_password: return "reset";
    case LinkKind::change_email: return "email";
  }
  return "none";
}

std::string new_link(store::Conn& c, Services& app, LinkKind kind, std::int64_t user_id, const LinkExtras& extras) {
  auto now = app.clock->now();
  repo::delete_expired_links(c, now);
  repo::delete_links(c, user_id, purpose_name(kind));
  auto token = crypto::random_token();
  repo::NewLink l;
  l.token_hash = crypto::sha256_hex(token);
  l.purpose = purpose_name(kind);
  l.user_id = user_id;
  l.new_email_lookup = extras.new_email_lookup;
  l.new_email_sealed = extras.new_email_sealed;
  l.next_path = extras.next_path;
  l.created_at = now;
  l.expires_at = now + rules::link_lifetime(purpose_of(kind));
  repo::insert_link(c, l);
  return token;
}

std::optional<repo::Link> take_usable_link(store::Conn& c, Services& app, LinkKind kind, const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto link = repo::link_by_hash(c, crypto::sha256_hex(token), purpose_name(kind));
  if (!link) return std::nullopt;
  if (!repo::take_link(c, link->id)) return std::nullopt;
  if (!rules::link_usable(link->expires_at, app.clock->now())) return std::nullopt;
  return link;
}

void forget_cached_sessions_of(Services& app, std::int64_t user_id) {
  if (app.session_cache) app.session_cache->forget_user(user_id);
}

void forget_cached_session(Services& app, std::int64_t session_id) {
  if (app.session_cache) app.session_cache->forget_session(session_id);
}

Result<SignedIn> forget_after_sign_in(Services& app, Result<SignedIn> r, std::optional<std::int64_t> old_session) {
  if (!r) return r;
  if (old_session) forget_cached_session(app, *old_session);
  forget_cached_sessions_of(app, r->user_id);
  return r;
}

SignedIn start_session(store::Conn& c, Services& app, const Requester& who, std::int64_t user_id, bool keep_signed_in,
                       std::optional<std::int64_t> old_session, std::string next) {
  auto now = app.clock->now();
  if (old_session) repo::delete_session(c, *old_session);
  repo::delete_stale_sessions(c, user_id, now - rules::kKeptSession.idle, now - rules::kKeptSession.absolute);
  auto device = rules::device_from_user_agent(who.user_agent);
  SignedIn s;
  s.token = crypto::random_token();
  repo::NewSession ns;
  ns.user_id = user_id;
  ns.token_hash = crypto::sha256_hex(s.token);
  ns.now = now;
  ns.keep_signed_in = keep_signed_in;
  ns.browser = device.browser;
  ns.system = device.system;
  repo::insert_session(c, ns);
  s.user_id = user_id;
  s.keep_signed_in = keep_signed_in;
  auto user = repo::user_by_id(c, user_id);
  s.site_steward = user && user->site_role == "steward";
  s.next = std::move(next);
  return s;
}

void send_email(Services& app, const std::string& to, const std::string& subject_key, const std::string& name,
                View view) {
  mail::Email e;
  e.to = to;
  e.subject = app.words->t(subject_key);
  e.body = app.words->render_text("email/accounts_" + name, view);
  app.mailer->send(e);
}

std::string link_url(const Requester& who, std::string_view path, std::string_view token) {
  return who.site_url + std::string(path) + std::string(token);
}

}  // namespace hs::accounts::commands
