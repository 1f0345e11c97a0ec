#include "modules/accounts/module.hpp"

#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/handlers/handlers.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/secrets.hpp"
#include "services/session_cache.hpp"
#include "web/app.hpp"

namespace hs::accounts {

void register_module(web::App& app) {
  namespace h = handlers;
  auto& r = app.router;
  // Fixed paths come before the {token} patterns that would also match them.
  r.get("/signup", h::signup_form);
  r.post("/signup", h::signup_submit);
  r.get("/signup/check-email", h::signup_check_email);
  r.get("/verify/{token}", h::verify_form);
  r.post("/verify/{token}", h::verify_submit);

  r.get("/signin", h::signin_form);
  r.post("/signin", h::signin_submit);
  r.get("/signin/check-email", h::signin_check_email);
  r.post("/signin/link", h::signin_link_request);
  r.get("/signin/link/{token}", h::signin_link_form);
  r.post("/signin/link/{token}", h::signin_link_submit);

  r.get("/reset", h::reset_form);
  r.post("/reset", h::reset_request);
  r.get("/reset/check-email", h::reset_check_email);
  r.get("/reset/{token}", h::reset_password_form);
  r.post("/reset/{token}", h::reset_password_submit);

  r.post("/signout", h::signout);
  r.post("/signout/everywhere", h::signout_everywhere);
  r.get("/account/sessions", h::sessions_page);
  r.post("/account/sessions/{id}/end", h::session_end);

  r.get("/account/profile", h::profile_form);
  r.post("/account/profile", h::profile_submit);
  r.get("/account/email/{token}", h::email_change_form);
  r.post("/account/email/{token}", h::email_change_submit);

  r.get("/account/data", h::data_page);
  r.get("/account/data.json", h::data_download);
  r.post("/account/delete", h::account_delete);

  // Sessions read in the last few seconds are answered from memory; every command that
  // ends a session or changes what it shows forgets it here after committing.
  app.session_cache = std::make_shared<services::SessionCache>();
  app.resolve_session = [](web::Context& c) -> std::optional<web::Viewer> {
    auto s = commands::resolve_session(c.app, c.cookie("session"));
    if (!s) return std::nullopt;
    return web::Viewer{s->user_id, s->session_id, s->display_name, s->site_steward};
  };
}

Result<std::int64_t> add_user(Services& app, const std::string& email, const std::string& display_name,
                              const std::string& password) {
  return commands::add_verified_user(app, email, display_name, password);
}

Result<std::int64_t> set_site_role(Services& app, const std::string& email, const std::string& role) {
  return commands::set_site_role(app, email, role);
}

std::optional<std::int64_t> find_user(Services& app, const std::string& email) {
  return commands::find_user(app, email);
}

std::string display_name(Services&, store::Conn& c, std::int64_t user_id) {
  auto u = repo::user_by_id(c, user_id);
  return u ? u->display_name : std::string();
}

std::map<std::int64_t, std::string> display_names(Services&, store::Conn& c,
                                                  const std::vector<std::int64_t>& user_ids) {
  std::map<std::int64_t, std::string> out;
  for (auto& [id, name] : repo::display_names(c, user_ids)) out.emplace(id, std::move(name));
  return out;
}

std::optional<std::string> pronouns(Services&, store::Conn& c, std::int64_t user_id) {
  auto u = repo::user_by_id(c, user_id);
  if (!u) return std::nullopt;
  return u->pronouns;
}

std::optional<std::string> access_needs(Services& app, store::Conn& c, std::int64_t user_id) {
  auto u = repo::user_by_id(c, user_id);
  if (!u || u->erased || !u->access_needs_sealed) return std::nullopt;
  return secrets::open_access_needs(app.master_key, *u->access_needs_sealed);
}

std::map<std::int64_t, std::string> access_needs_of(Services& app, store::Conn& c,
                                                    const std::vector<std::int64_t>& user_ids) {
  std::map<std::int64_t, std::string> out;
  for (const auto& [id, sealed] : repo::sealed_access_needs(c, user_ids))
    if (auto plain = secrets::open_access_needs(app.master_key, sealed)) out.emplace(id, std::move(*plain));
  return out;
}

std::optional<std::string> contact_email(Services& app, store::Conn& c, std::int64_t user_id) {
  auto u = repo::user_by_id(c, user_id);
  if (!u || u->erased || !u->verified_at || !u->email_sealed) return std::nullopt;
  return secrets::open_email(app.master_key, *u->email_sealed);
}

}  // namespace hs::accounts
