#include "modules/accounts/handlers/support.hpp"

#include <spdlog/spdlog.h>

#include <atomic>

#include "modules/accounts/rules/relative_time.hpp"
#include "modules/accounts/rules/session_policy.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::accounts::handlers {

commands::Requester requester(web::Context& c) {
  if (c.app.base_url.empty()) {
    // Emailed links then name whatever host the request named: fine on loopback, a
    // risk (reset links pointing elsewhere) anywhere else.
    auto host = c.req.header("host");
    bool loopback = host.starts_with("127.0.0.1") || host.starts_with("localhost") || host.starts_with("[::1]");
    static std::atomic<bool> warned{false};
    if (!loopback && !warned.exchange(true))
      spdlog::warn("--base-url is not set: links in emails are built from the request's Host header");
  }
  return {c.req.remote, c.absolute_url(""), std::string(c.req.header("user-agent"))};
}

std::optional<std::int64_t> current_session(const web::Context& c) {
  if (!c.viewer) return std::nullopt;
  return c.viewer->session_id;
}

web::Response signed_in(web::Context& c, const commands::SignedIn& s) {
  bool elev = commands::elevated(c.app, s.user_id, s.site_steward);
  c.set_cookie("session", s.token, rules::cookie_max_age(s.keep_signed_in, elev));
  return c.redirect(s.next);
}

web::Response link_invalid(web::Context& c) {
  web::View v = c.view("accounts_link_invalid_title");
  return no_store(c.page("accounts/link_invalid", v, 404));
}

web::Response no_store(web::Response r) {
  r.set("Cache-Control", "no-store");
  return r;
}

std::string raw_field(web::Context& c, std::string_view name) { return std::string(web::find(c.form(), name)); }

std::string ago_text(web::Context& c, std::int64_t then) {
  auto a = rules::ago(then, c.app.clock->now());
  auto n = std::to_string(a.count);
  switch (a.unit) {
    case rules::TimeUnit::just_now: return c.t("accounts_ago_just_now");
    case rules::TimeUnit::minutes:
      return c.app.renderer->format(a.count == 1 ? "accounts_ago_minute" : "accounts_ago_minutes", {{"n", n}});
    case rules::TimeUnit::hours:
      return c.app.renderer->format(a.count == 1 ? "accounts_ago_hour" : "accounts_ago_hours", {{"n", n}});
    case rules::TimeUnit::days:
      return c.app.renderer->format(a.count == 1 ? "accounts_ago_day" : "accounts_ago_days", {{"n", n}});
  }
  return {};
}

}  // namespace hs::accounts::handlers
