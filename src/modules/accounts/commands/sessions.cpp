// Sessions: finding the one behind a cookie (with its timeouts), listing and ending them.
#include "core/crypto.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/commands/support.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/session_policy.hpp"
#include "services/services.hpp"
#include "services/session_cache.hpp"
#include "store/db.hpp"

namespace hs::accounts::commands {

bool elevated(Services& app, std::int64_t user_id, bool site_steward) {
  if (site_steward) return true;
  return app.holds_elevated_role && app.holds_elevated_role(user_id);
}

namespace {

services::CachedSession cached(const repo::Session& s) {
  return services::CachedSession{s.id,           s.user_id,  s.created_at, s.last_seen_at, s.keep_signed_in,
                                 s.display_name, s.site_role};
}

}  // namespace

std::optional<ResolvedSession> resolve_session(Services& app, const std::string& token) {
  if (token.empty() || token.size() > 64) return std::nullopt;
  const auto hash = crypto::sha256_hex(token);
  const auto now = app.clock->now();
  auto* cache = app.session_cache.get();
  std::uint64_t generation = 0;
  if (cache) {
    generation = cache->generation();  // before the store is read: see services/session_cache.hpp
    // A cached session answers only while nothing needs writing: not due for a last-seen
    // write (so its idle time is under a minute and cannot have run out) and within its
    // absolute timeout; anything else takes the path below, which reads the store.
    if (auto hit = cache->find(hash, now); hit && !rules::due_for_touch(hit->last_seen_at, now)) {
      bool steward = hit->site_role == "steward";
      auto limits = rules::timeouts_for(hit->keep_signed_in, elevated(app, hit->user_id, steward));
      if (!rules::session_expired(hit->created_at, hit->last_seen_at, now, limits))
        return ResolvedSession{hit->session_id, hit->user_id, hit->display_name, steward};
    }
  }
  auto s = app.store->with([&](store::Conn& c) { return repo::session_by_hash(c, hash); });
  if (!s) return std::nullopt;
  bool steward = s->site_role == "steward";
  auto limits = rules::timeouts_for(s->keep_signed_in, elevated(app, s->user_id, steward));
  if (rules::session_expired(s->created_at, s->last_seen_at, now, limits)) {
    app.store->write([&](store::Conn& c) -> Result<bool> {
      repo::delete_session(c, s->id);
      return true;
    });
    forget_cached_session(app, s->id);
    return std::nullopt;
  }
  if (rules::due_for_touch(s->last_seen_at, now)) {
    app.store->write([&](store::Conn& c) -> Result<bool> {
      repo::touch_session(c, s->id, now, now - rules::kTouchInterval + 1);
      return true;
    });
    s->last_seen_at = now;
  }
  if (cache) cache->put(hash, cached(*s), now, generation);
  return ResolvedSession{s->id, s->user_id, s->display_name, steward};
}

void sign_out(Services& app, std::int64_t session_id) {
  app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::delete_session(c, session_id);
    return true;
  });
  forget_cached_session(app, session_id);
}

void sign_out_everywhere(Services& app, std::int64_t user_id) {
  app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::delete_sessions_of(c, user_id);
    return true;
  });
  forget_cached_sessions_of(app, user_id);
}

bool end_session(Services& app, std::int64_t user_id, std::int64_t session_id) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    if (!repo::delete_session_of(c, session_id, user_id)) return fail(ErrorCode::not_found, "accounts_session_gone");
    return true;
  });
  if (r) forget_cached_session(app, session_id);
  return r.has_value();
}

std::vector<repo::Session> live_sessions(Services& app, std::int64_t user_id) {
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
