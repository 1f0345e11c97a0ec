// Sessions: finding the one behind a cookie (with its timeouts), listing and ending them.
#include "core/crypto.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/rules/session_policy.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::accounts::commands {

bool elevated(web::App& app, std::int64_t user_id, bool site_steward) {
  if (site_steward) return true;
  return app.holds_elevated_role && app.holds_elevated_role(user_id);
}

std::optional<ResolvedSession> resolve_session(web::App& app, const std::string& token) {
  if (token.empty() || token.size() > 64) return std::nullopt;
  auto s = app.store->with([&](store::Conn& c) { return repo::session_by_hash(c, crypto::sha256_hex(token)); });
  if (!s) return std::nullopt;
  bool steward = s->site_role == "steward";
  auto now = app.clock->now();
  auto limits = rules::timeouts_for(s->keep_signed_in, elevated(app, s->user_id, steward));
  if (rules::session_expired(s->created_at, s->last_seen_at, now, limits)) {
    app.store->write([&](store::Conn& c) -> Result<bool> {
      repo::delete_session(c, s->id);
      return true;
    });
    return std::nullopt;
  }
  if (rules::due_for_touch(s->last_seen_at, now)) {
    app.store->write([&](store::Conn& c) -> Result<bool> {
      repo::touch_session(c, s->id, now, now - rules::kTouchInterval + 1);
      return true;
    });
  }
  return ResolvedSession{s->id, s->user_id, s->display_name, steward};
}

void sign_out(web::App& app, std::int64_t session_id) {
  app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::delete_session(c, session_id);
    return true;
  });
}

void sign_out_everywhere(web::App& app, std::int64_t user_id) {
  app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::delete_sessions_of(c, user_id);
    return true;
  });
}

bool end_session(web::App& app, std::int64_t user_id, std::int64_t session_id) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    if (!repo::delete_session_of(c, session_id, user_id)) return fail(ErrorCode::not_found, "accounts_session_gone");
    return true;
  });
  return r.has_value();
}

std::vector<repo::Session> live_sessions(web::App& app, std::int64_t user_id) {
  auto all = app.store->with([&](store::Conn& c) {
    auto sessions = repo::sessions_of(c, user_id);
    auto user = repo::user_by_id(c, user_id);
    return std::make_pair(std::move(sessions), user ? user->site_role : std::string());
  });
  bool elev = elevated(app, user_id, all.second == "steward");
  auto now = app.clock->now();
  std::vector<repo::Session> out;
  for (auto& s : all.first)
    if (!rules::session_expired(s.created_at, s.last_seen_at, now, rules::timeouts_for(s.keep_signed_in, elev)))
      out.push_back(std::move(s));
  return out;
}

}  // namespace hs::accounts::commands
