// GET/POST /signin, POST /signin/link, GET/POST /signin/link/{token},
// GET/POST /reset, GET/POST /reset/{token} and their check-email pages.
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/handlers/handlers.hpp"
#include "modules/accounts/handlers/support.hpp"
#include "modules/accounts/rules/next_path.hpp"
#include "web/parse.hpp"

namespace hs::accounts::handlers {

namespace {

std::string safe_next(std::string_view next) { return rules::is_local_path(next) ? std::string(next) : std::string(); }

Response signin_page(Context& c, const std::string& email, const std::string& next, bool keep, const Error* error) {
  web::View v = c.view("accounts_signin_title");
  v.set("email", email);
  if (!next.empty()) {
    v.set("next", next);
    v.set("signup_link", "/signup?next=" + web::percent_encode(next));
  } else {
    v.set("signup_link", "/signup");
  }
  v.set("keep_signed_in", keep);
  if (c.req.method == "GET" && c.query_param("signed_out") == "everywhere")
    v.set("notice", c.t("accounts_signed_out_everywhere"));
  int status = 200;
  if (error) {
    c.add_errors(v, *error);
    if (error->code == ErrorCode::rate_limited) {
      status = 429;
      v.set("throttled", true);
    } else {
      status = 422;
    }
  }
  return c.page("accounts/signin", v, status);
}

Response check_email_page(Context& c, const char* kind) {
  web::View v = c.view("accounts_check_email_title");
  v.set(kind, true);
  return c.page("accounts/check_email", v);
}

}  // namespace

Response signin_form(Context& c) { return signin_page(c, "", safe_next(c.query_param("next")), false, nullptr); }

Response signin_submit(Context& c) {
  commands::SignInForm f{c.field("email"), raw_field(c, "password"), c.field("next"), c.checked("keep")};
  auto r = commands::sign_in_with_password(c.app, requester(c), f, current_session(c));
  if (!r) return signin_page(c, f.email, safe_next(f.next), f.keep_signed_in, &r.error());
  return signed_in(c, *r);
}

Response signin_link_request(Context& c) {
  auto email = c.field("email");
  auto next = safe_next(c.field("next"));
  auto r = commands::request_sign_in_link(c.app, requester(c), email, next);
  if (!r) return signin_page(c, email, next, c.checked("keep"), &r.error());
  return c.redirect("/signin/check-email");
}

Response signin_check_email(Context& c) { return check_email_page(c, "signin"); }

Response signin_link_form(Context& c) {
  std::string token(c.param("token"));
  if (!commands::link_usable(c.app, commands::LinkKind::sign_in, token)) return link_invalid(c);
  web::View v = c.view("accounts_signin_link_title");
  v.set("token", token);
  return no_store(c.page("accounts/signin_link", v));
}

Response signin_link_submit(Context& c) {
  auto r = commands::use_sign_in_link(c.app, requester(c), std::string(c.param("token")), c.checked("keep"),
                                      current_session(c));
  if (!r) return link_invalid(c);
  return signed_in(c, *r);
}

namespace {

Response reset_page(Context& c, const std::string& email, const Error* error) {
  web::View v = c.view("accounts_reset_title");
  v.set("email", email);
  int status = 200;
  if (error) {
    c.add_errors(v, *error);
    status = error->code == ErrorCode::rate_limited ? 429 : 422;
  }
  return c.page("accounts/reset", v, status);
}

Response new_password_page(Context& c, const std::string& token, const Error* error) {
  web::View v = c.view("accounts_new_password_title");
  v.set("token", token);
  if (error) c.add_errors(v, *error);
  return no_store(c.page("accounts/new_password", v, error ? 422 : 200));
}

}  // namespace

Response reset_form(Context& c) { return reset_page(c, "", nullptr); }

Response reset_request(Context& c) {
  auto email = c.field("email");
  auto r = commands::request_password_reset(c.app, requester(c), email);
  if (!r) return reset_page(c, email, &r.error());
  return c.redirect("/reset/check-email");
}

Response reset_check_email(Context& c) { return check_email_page(c, "reset"); }

Response reset_password_form(Context& c) {
  std::string token(c.param("token"));
  if (!commands::link_usable(c.app, commands::LinkKind::reset_password, token)) return link_invalid(c);
  return new_password_page(c, token, nullptr);
}

Response reset_password_submit(Context& c) {
  std::string token(c.param("token"));
  auto r = commands::reset_password(c.app, requester(c), token, raw_field(c, "password"), current_session(c));
  if (!r && r.error().code == ErrorCode::not_found) return link_invalid(c);
  if (!r) return new_password_page(c, token, &r.error());
  return signed_in(c, *r);
}

}  // namespace hs::accounts::handlers
