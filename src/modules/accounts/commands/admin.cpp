// Command-line account management: `humanspace user add` and `user set-role`.
#include "core/crypto.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/commands/support.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/email.hpp"
#include "modules/accounts/rules/password_policy.hpp"
#include "modules/accounts/rules/profile_fields.hpp"
#include "modules/accounts/secrets.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::accounts::commands {

Result<std::int64_t> add_verified_user(Services& app, const std::string& typed_email, const std::string& display_name,
                                       const std::string& password) {
  auto email = rules::normalise_email(typed_email);
  std::string name(display_name);
  Validation v;
  if (!rules::email_looks_valid(email)) v.add("email", "accounts_email_invalid");
  if (auto p = rules::display_name_problem(name)) v.add("display_name", *p);
  if (!password.empty())
    if (auto p = rules::password_problem(password, email, name, common_passwords())) v.add("password", *p);
  if (!v.ok()) return fail(v.error());
  std::optional<std::string> hash;
  if (!password.empty()) hash = crypto::hash_password(password);
  auto lookup = secrets::email_lookup(app.master_key, email);
  try {
    return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
      if (repo::user_by_lookup(c, lookup)) return fail(ErrorCode::conflict, "accounts_email_taken");
      auto now = app.clock->now();
      return repo::insert_user(c, {lookup, secrets::seal_email(app.master_key, email), name, hash, now, now});
    });
  } catch (const store::StoreError& e) {
    if (!e.unique()) throw;
    return fail(ErrorCode::conflict, "accounts_email_taken");
  }
}

Result<std::int64_t> set_site_role(Services& app, const std::string& email, const std::string& role) {
  if (role != "steward" && role != "member") return fail(ErrorCode::invalid, "accounts_role_invalid");
  auto lookup = secrets::email_lookup(app.master_key, rules::normalise_email(email));
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto user = repo::user_by_lookup(c, lookup);
    if (!user) return fail(ErrorCode::not_found, "accounts_no_such_account");
    repo::set_site_role(c, user->id, role);
    return user->id;
  });
  // In this process; a server running beside the command line sees it within the
  // cache's few seconds (docs/security.md).
  if (r) forget_cached_sessions_of(app, *r);
  return r;
}

std::optional<std::int64_t> find_user(Services& app, const std::string& email) {
  auto lookup = secrets::email_lookup(app.master_key, rules::normalise_email(email));
  auto user = app.store->with([&](store::Conn& c) { return repo::user_by_lookup(c, lookup); });
  if (!user) return std::nullopt;
  return user->id;
}

}  // namespace hs::accounts::commands
