// "My data": everything we hold about a person, and erasing it. The only file in the
// module that includes Boost.JSON (it is heavy to compile).
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/view.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/commands/support.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/session_policy.hpp"
#include "modules/accounts/secrets.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "store/scrub.hpp"

namespace hs::accounts::commands {

namespace json = boost::json;

namespace {

json::value opt_string(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

// After the erasure's commit. The database file and SQLite's write-ahead log still hold
// the pages as they were (email sealed, password hash, sessions, join messages) until
// they are overwritten: a checkpoint that empties the log does that now (deleted
// content is zeroed as it goes, secure_delete); PostgreSQL VACUUMs. And the outbox
// (no SMTP server configured) keeps the mail sent to the person, links and all. Neither
// can undo the erasure when it fails; what is left is logged and goes with the next
// checkpoint.
void forget_traces(Services& app, const std::vector<std::string>& addresses) {
  for (const auto& a : addresses) {
    try {
      app.mailer->forget(a);
    } catch (const std::exception& e) {
      spdlog::warn("accounts: erased a person's account, but their mail could not be removed: {}", e.what());
    }
  }
  if (!store::scrub(*app.store, {}, std::chrono::seconds(5)))
    spdlog::warn(
        "accounts: erased a person's account while readers kept the write-ahead log busy; "
        "its older pages go with the next checkpoint");
}

}  // namespace

std::string export_data(Services& app, std::int64_t user_id, std::int64_t current_session) {
  json::object out;
  app.store->with([&](store::Conn& c) {
    auto user = repo::user_by_id(c, user_id);
    if (!user) return;
    json::object account;
    account["id"] = user->id;
    account["email"] =
        opt_string(user->email_sealed ? secrets::open_email(app.master_key, *user->email_sealed) : std::nullopt);
    account["display_name"] = user->display_name;
    account["pronouns"] = opt_string(user->pronouns);
    account["access_needs"] =
        opt_string(user->access_needs_sealed ? secrets::open_access_needs(app.master_key, *user->access_needs_sealed)
                                             : std::nullopt);
    account["site_role"] = user->site_role;
    account["has_password"] = user->password_hash.has_value();
    account["created_at"] = user->created_at;
    account["email_verified_at"] = user->verified_at ? json::value(*user->verified_at) : json::value(nullptr);
    out["account"] = std::move(account);

    // Sessions without their token hashes: those are credentials, not information.
    json::array sessions;
    for (const auto& s : repo::sessions_of(c, user_id)) {
      json::object o;
      o["id"] = s.id;
      o["created_at"] = s.created_at;
      o["last_active_at"] = s.last_seen_at;
      o["keep_signed_in"] = s.keep_signed_in;
      o["browser"] = s.browser;
      o["system"] = s.system;
      o["this_device"] = s.id == current_session;
      sessions.push_back(std::move(o));
    }
    out["sessions"] = std::move(sessions);

    for (const auto& exporter : app.exporters) {
      auto [name, text] = exporter(c, user_id);
      boost::system::error_code ec;
      auto value = json::parse(text, ec);
      out[name] = ec ? json::value(text) : std::move(value);
    }
  });
  return json::serialize(out);
}

Result<void> delete_account(Services& app, std::int64_t user_id, bool confirmed) {
  if (!confirmed)
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"confirm", "accounts_delete_unconfirmed"}}});
  const std::string former = app.words->t("accounts_former_member");
  std::vector<std::string> addresses;  // where mail to the person went
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto user = repo::user_by_id(c, user_id);
    if (!user || user->erased) return fail(ErrorCode::not_found, "accounts_no_such_account");
    if (user->email_sealed)
      if (auto a = secrets::open_email(app.master_key, *user->email_sealed)) addresses.push_back(std::move(*a));
    for (const auto& sealed : repo::pending_emails_sealed(c, user_id))
      if (auto a = secrets::open_email(app.master_key, sealed)) addresses.push_back(std::move(*a));
    repo::delete_sessions_of(c, user_id);
    repo::delete_all_links(c, user_id);
    repo::erase_user(c, user_id, former, app.clock->now());
    // Every module removes or anonymises what it holds, in this same transaction: the
    // erasure happens completely or not at all.
    for (const auto& hook : app.on_erase) hook(c, user_id);
    return true;
  });
  if (!r) return fail(r.error());
  forget_cached_sessions_of(app, user_id);
  forget_traces(app, addresses);
  return {};
}

}  // namespace hs::accounts::commands
