// GET/POST /account/profile, GET/POST /account/email/{token}
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/handlers/handlers.hpp"
#include "modules/accounts/handlers/support.hpp"
#include "modules/accounts/permissions.hpp"

namespace hs::accounts::handlers {

namespace {

Response profile_page(Context& c, const commands::Profile& p, bool has_password, const Error* error) {
  web::View v = c.view("accounts_profile_title");
  v.set("email", p.email);
  v.set("display_name", p.display_name);
  if (!p.pronouns.empty()) v.set("pronouns", p.pronouns);
  if (!p.access_needs.empty()) v.set("access_needs", p.access_needs);
  v.set("has_password", has_password);
  if (error) c.add_errors(v, *error);
  auto done = c.query_param("saved");
  if (done == "1") v.set("notice", c.t("accounts_profile_saved"));
  else if (done == "email") v.set("notice", c.t("accounts_profile_email_sent"));
  else if (done == "email-changed") v.set("notice", c.t("accounts_profile_email_changed"));
  return c.page("accounts/profile", v, error ? 422 : 200);
}

}  // namespace

Response profile_form(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  auto p = commands::load_profile(c.app, c.viewer->user_id);
  if (!p) return c.need_signin();
  return profile_page(c, *p, p->has_password, nullptr);
}

Response profile_submit(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  commands::Profile form{c.field("email"), c.field("display_name"), c.field("pronouns"), c.field("access_needs")};
  auto r = commands::update_profile(c.app, requester(c), c.viewer->user_id, form);
  if (!r) {
    auto current = commands::load_profile(c.app, c.viewer->user_id);
    return profile_page(c, form, current && current->has_password, &r.error());
  }
  return c.redirect(*r ? "/account/profile?saved=email" : "/account/profile?saved=1");
}

Response email_change_form(Context& c) {
  std::string token(c.param("token"));
  if (!commands::link_usable(c.app, commands::LinkKind::change_email, token)) return link_invalid(c);
  web::View v = c.view("accounts_email_change_title");
  v.set("token", token);
  return no_store(c.page("accounts/email_change", v));
}

Response email_change_submit(Context& c) {
  auto r = commands::confirm_email_change(c.app, requester(c), std::string(c.param("token")));
  if (!r && r.error().code == ErrorCode::not_found) return link_invalid(c);
  if (!r) return c.error_page(r.error());
  if (!c.viewer) return c.redirect("/signin?next=%2Faccount%2Fprofile");
  return c.redirect("/account/profile?saved=email-changed");
}

}  // namespace hs::accounts::handlers
