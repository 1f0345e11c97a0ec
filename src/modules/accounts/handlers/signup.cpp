// GET/POST /signup, GET /signup/check-email, GET/POST /verify/{token}
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/handlers/handlers.hpp"
#include "modules/accounts/handlers/support.hpp"
#include "modules/accounts/rules/next_path.hpp"
#include "web/parse.hpp"

namespace hs::accounts::handlers {

namespace {

Response signup_page(Context& c, const std::string& email, const std::string& name, const std::string& next,
                     const Error* error) {
  web::View v = c.view("accounts_signup_title");
  v.set("email", email);
  v.set("display_name", name);
  if (rules::is_local_path(next)) {
    v.set("next", next);
    v.set("signin_link", "/signin?next=" + web::percent_encode(next));
  } else {
    v.set("signin_link", "/signin");
  }
  int status = 200;
  if (error) {
    c.add_errors(v, *error);
    status = error->code == ErrorCode::rate_limited ? 429 : 422;
  }
  return c.page("accounts/signup", v, status);
}

}  // namespace

Response signup_form(Context& c) { return signup_page(c, "", "", std::string(c.query_param("next")), nullptr); }

Response signup_submit(Context& c) {
  commands::SignUpForm f{c.field("email"), c.field("display_name"), raw_field(c, "password"), c.field("next")};
  auto r = commands::sign_up(c.app, requester(c), f);
  if (!r) return signup_page(c, f.email, f.display_name, f.next, &r.error());
  return c.redirect("/signup/check-email");
}

Response signup_check_email(Context& c) {
  web::View v = c.view("accounts_check_email_title");
  v.set("signup", true);
  return c.page("accounts/check_email", v);
}

Response verify_form(Context& c) {
  std::string token(c.param("token"));
  if (!commands::link_usable(c.app, commands::LinkKind::verify_email, token)) return link_invalid(c);
  web::View v = c.view("accounts_verify_title");
  v.set("token", token);
  return no_store(c.page("accounts/verify", v));
}

Response verify_submit(Context& c) {
  auto r = commands::verify_email(c.app, requester(c), std::string(c.param("token")), current_session(c));
  if (!r) return link_invalid(c);
  return signed_in(c, *r);
}

}  // namespace hs::accounts::handlers
