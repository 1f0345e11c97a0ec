// POST /signout, POST /signout/everywhere, GET /account/sessions,
// POST /account/sessions/{id}/end

#include "core/number.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/handlers/handlers.hpp"
#include "modules/accounts/handlers/support.hpp"
#include "modules/accounts/permissions.hpp"
#include "modules/accounts/repo.hpp"
#include "web/render.hpp"

namespace hs::accounts::handlers {

namespace {

std::string device_text(Context& c, const repo::Session& s) {
  if (!s.browser.empty() && !s.system.empty())
    return c.app.renderer->format("accounts_device_label", {{"browser", s.browser}, {"system", s.system}});
  if (!s.browser.empty()) return s.browser;
  if (!s.system.empty()) return s.system;
  return c.t("accounts_device_unknown");
}

}  // namespace

Response signout(Context& c) {
  if (c.viewer) commands::sign_out(c.app, c.viewer->session_id);
  c.clear_cookie("session");
  c.viewer.reset();
  return c.redirect("/");
}

Response signout_everywhere(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  commands::sign_out_everywhere(c.app, c.viewer->user_id);
  c.clear_cookie("session");
  c.viewer.reset();
  return c.redirect("/signin?signed_out=everywhere");
}

Response sessions_page(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  web::View v = c.view("accounts_sessions_title");
  web::View list = web::View::list();
  for (const auto& s : commands::live_sessions(c.app, c.viewer->user_id)) {
    web::View item;
    item.set("id", s.id);
    item.set("device", device_text(c, s));
    item.set("signed_in", ago_text(c, s.created_at));
    item.set("last_active", ago_text(c, s.last_seen_at));
    item.set("this_device", s.id == c.viewer->session_id);
    item.set("kept", s.keep_signed_in);
    list.push(std::move(item));
  }
  v.set("many", list.items().size() > 1);
  v.set("sessions", std::move(list));
  if (c.query_param("ended") == "1") v.set("notice", c.t("accounts_session_ended"));
  return c.page("accounts/sessions", v);
}

Response session_end(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  auto id = number::id(c.param("id"));
  if (!id || !commands::end_session(c.app, c.viewer->user_id, *id))
    return c.error_page(Error::of(ErrorCode::not_found, "accounts_session_gone"));
  if (id == c.viewer->session_id) {
    c.clear_cookie("session");
    c.viewer.reset();
    return c.redirect("/");
  }
  return c.redirect("/account/sessions?ended=1");
}

}  // namespace hs::accounts::handlers
