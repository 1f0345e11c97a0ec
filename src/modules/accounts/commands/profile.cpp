// The profile: name, pronouns, access needs and a contact email that changes only once
// the new address is proven.
#include "core/view.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/commands/support.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/email.hpp"
#include "modules/accounts/rules/profile_fields.hpp"
#include "modules/accounts/secrets.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::accounts::commands {

std::optional<Profile> load_profile(Services& app, std::int64_t user_id) {
  auto user = app.store->with([&](store::Conn& c) { return repo::user_by_id(c, user_id); });
  if (!user || user->erased) return std::nullopt;
  Profile p;
  if (user->email_sealed) p.email = secrets::open_email(app.master_key, *user->email_sealed).value_or("");
  p.display_name = user->display_name;
  p.pronouns = user->pronouns.value_or("");
  if (user->access_needs_sealed)
    p.access_needs = secrets::open_access_needs(app.master_key, *user->access_needs_sealed).value_or("");
  p.has_password = user->password_hash.has_value();
  return p;
}

Result<bool> update_profile(Services& app, const Requester& who, std::int64_t user_id, const Profile& form) {
  auto current = load_profile(app, user_id);
  if (!current) return fail(ErrorCode::not_found, "accounts_no_such_account");
  auto email = rules::normalise_email(form.email);
  Validation v;
  if (auto p = rules::display_name_problem(form.display_name)) v.add("display_name", *p);
  if (auto p = rules::pronouns_problem(form.pronouns)) v.add("pronouns", *p);
  if (auto p = rules::access_needs_problem(form.access_needs)) v.add("access_needs", *p);
  bool email_changes = !email.empty() && email != current->email;
  if (email.empty()) v.add("email", "accounts_email_missing");
  else if (email_changes && !rules::email_looks_valid(email)) v.add("email", "accounts_email_invalid");
  if (!v.ok()) return fail(v.error());

  auto lookup = secrets::email_lookup(app.master_key, email);
  bool taken = false;
  std::string token;
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    std::optional<std::string> pronouns, needs;
    if (!form.pronouns.empty()) pronouns = form.pronouns;
    if (!form.access_needs.empty()) needs = secrets::seal_access_needs(app.master_key, form.access_needs);
    repo::update_profile(c, user_id, form.display_name, pronouns, needs);
    if (!email_changes) return false;
    auto other = repo::user_by_lookup(c, lookup);
    if (other) {
      taken = other->id != user_id;
      return taken;
    }
    token = new_link(c, app, LinkKind::change_email, user_id,
                     {lookup, secrets::seal_email(app.master_key, email), std::nullopt});
    return true;
  });
  if (r) forget_cached_sessions_of(app, user_id);  // the name in the page header
  if (!r || !*r) return r;
  if (!take(app, "email-acct:" + lookup, rules::kEmailPerAccount)) return true;
  View view;
  view.set("site", who.site_url);
  if (taken) {
    view.set("link", who.site_url + "/signin");
    send_email(app, email, "accounts_email_in_use_subject", "email_in_use", view);
  } else {
    view.set("link", link_url(who, "/account/email/", token));
    send_email(app, email, "accounts_email_change_subject", "change_email", view);
  }
  return true;
}

Result<void> confirm_email_change(Services& app, const Requester& who, const std::string& token) {
  std::optional<std::string> old_email;
  try {
    auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
      auto link = take_usable_link(c, app, LinkKind::change_email, token);
      if (!link || !link->new_email_lookup || !link->new_email_sealed)
        return fail(ErrorCode::not_found, "accounts_link_invalid");
      auto user = repo::user_by_id(c, link->user_id);
      if (!user || user->erased) return fail(ErrorCode::not_found, "accounts_link_invalid");
      if (user->email_sealed) old_email = secrets::open_email(app.master_key, *user->email_sealed);
      repo::set_email(c, link->user_id, *link->new_email_lookup, *link->new_email_sealed);
      return true;
    });
    if (!r) return fail(r.error());
  } catch (const store::StoreError& e) {
    if (!e.unique()) throw;
    return fail(ErrorCode::conflict, "accounts_email_taken");
  }
  // The old address hears of it too: if this was not them, they can act.
  if (old_email) {
    View view;
    view.set("site", who.site_url);
    view.set("link", who.site_url + "/account/sessions");
    send_email(app, *old_email, "accounts_email_changed_subject", "email_changed", view);
  }
  return {};
}

}  // namespace hs::accounts::commands
