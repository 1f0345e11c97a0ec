// Signing up, verifying an email, signing in with a password or an emailed link, and
// resetting a password. None of these tells a stranger whether an address has an
// account: the answers (and roughly the time taken) are the same either way.
#include "core/crypto.hpp"
#include "core/view.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/commands/support.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/email.hpp"
#include "modules/accounts/rules/next_path.hpp"
#include "modules/accounts/rules/password_policy.hpp"
#include "modules/accounts/rules/profile_fields.hpp"
#include "modules/accounts/secrets.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::accounts::commands {

namespace {

void check_email(Validation& v, const std::string& email) {
  if (email.empty()) v.add("email", "accounts_email_missing");
  else if (!rules::email_looks_valid(email)) v.add("email", "accounts_email_invalid");
}

std::string account_key(const std::string& lookup) { return "acct:" + lookup; }

View link_view(const Requester& who, std::string link) {
  View v;
  v.set("link", std::move(link));
  v.set("site", who.site_url);
  return v;
}

}  // namespace

Result<void> sign_up(Services& app, const Requester& who, const SignUpForm& f) {
  auto email = rules::normalise_email(f.email);
  Validation v;
  check_email(v, email);
  if (auto p = rules::display_name_problem(f.display_name)) v.add("display_name", *p);
  if (!f.password.empty())
    if (auto p = rules::password_problem(f.password, email, f.display_name, common_passwords())) v.add("password", *p);
  if (!v.ok()) return fail(v.error());
  if (!take(app, "signup-addr:" + who.address, rules::kSignUpPerAddress))
    return fail(ErrorCode::rate_limited, "accounts_throttled_address");

  auto lookup = secrets::email_lookup(app.master_key, email);
  // Hash before looking: a new account and an existing one take the same time.
  std::optional<std::string> hash;
  if (!f.password.empty()) hash = crypto::hash_password(f.password);
  auto now = app.clock->now();
  bool existing_owner = false;
  std::string token;
  try {
    auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
      auto existing = repo::user_by_lookup(c, lookup);
      if (existing && existing->verified_at) {
        existing_owner = true;
        return existing->id;
      }
      std::int64_t id = 0;
      if (existing) {
        id = existing->id;
        // No session cache to clear: an unverified account has never had a session.
        repo::restart_unverified(c, id, f.display_name, hash, now);
      } else {
        id = repo::insert_user(
            c, {lookup, secrets::seal_email(app.master_key, email), f.display_name, hash, std::nullopt, now});
      }
      LinkExtras extras;
      if (rules::is_local_path(f.next)) extras.next_path = f.next;
      token = new_link(c, app, LinkKind::verify_email, id, extras);
      return id;
    });
    if (!r) return fail(r.error());
  } catch (const store::StoreError& e) {
    if (!e.unique()) throw;
    existing_owner = true;  // someone signed up with this address a moment ago
  }
  if (!take(app, "email-" + account_key(lookup), rules::kEmailPerAccount)) return {};
  if (existing_owner)
    send_email(app, email, "accounts_email_exists_subject", "account_exists", link_view(who, who.site_url + "/signin"));
  else
    send_email(app, email, "accounts_email_verify_subject", "verify", link_view(who, link_url(who, "/verify/", token)));
  return {};
}

Result<SignedIn> sign_in_with_password(Services& app, const Requester& who, const SignInForm& f,
                                       std::optional<std::int64_t> old_session) {
  auto email = rules::normalise_email(f.email);
  Validation v;
  check_email(v, email);
  if (f.password.empty()) v.add("password", "accounts_password_missing");
  if (!v.ok()) return fail(v.error());
  auto lookup = secrets::email_lookup(app.master_key, email);
  if (!take(app, "signin-addr:" + who.address, rules::kSignInPerAddress) ||
      !take(app, "signin-" + account_key(lookup), rules::kSignInPerAccount))
    return fail(ErrorCode::rate_limited, "accounts_signin_throttled");

  auto user = app.store->with([&](store::Conn& c) { return repo::user_by_lookup(c, lookup); });
  bool ok = false;
  if (user && user->password_hash) ok = crypto::verify_password(*user->password_hash, f.password) && user->verified_at;
  else dummy_password_check(f.password);
  if (!ok) return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"email", "accounts_signin_failed"}}});

  std::optional<std::string> rehash;
  if (crypto::password_needs_rehash(*user->password_hash)) rehash = crypto::hash_password(f.password);
  auto r = app.store->write([&](store::Conn& c) -> Result<SignedIn> {
    if (rehash) repo::set_password_hash(c, user->id, *rehash);
    return start_session(c, app, who, user->id, f.keep_signed_in, old_session, rules::after_signin(f.next));
  });
  return forget_after_sign_in(app, std::move(r), old_session);
}

namespace {

// The shared shape of "email me a link": same answer for every address.
Result<void> email_a_link(Services& app, const Requester& who, const std::string& typed, LinkKind kind,
                          const std::string& next) {
  auto email = rules::normalise_email(typed);
  Validation v;
  check_email(v, email);
  if (!v.ok()) return fail(v.error());
  if (!take(app, "email-addr:" + who.address, rules::kEmailPerAddress))
    return fail(ErrorCode::rate_limited, "accounts_throttled_address");
  auto lookup = secrets::email_lookup(app.master_key, email);
  // Over the per-account limit nothing is sent, silently: the answer stays the same.
  if (!take(app, "email-" + account_key(lookup), rules::kEmailPerAccount)) return {};
  std::string token;
  app.store->write([&](store::Conn& c) -> Result<bool> {
    auto user = repo::user_by_lookup(c, lookup);
    if (!user) return false;
    LinkExtras extras;
    if (kind == LinkKind::sign_in && rules::is_local_path(next)) extras.next_path = next;
    token = new_link(c, app, kind, user->id, extras);
    return true;
  });
  if (token.empty())
    send_email(app, email, "accounts_email_no_account_subject", "no_account", link_view(who, who.site_url + "/signup"));
  else if (kind == LinkKind::sign_in)
    send_email(app, email, "accounts_email_signin_subject", "signin_link",
               link_view(who, link_url(who, "/signin/link/", token)));
  else send_email(app, email, "accounts_email_reset_subject", "reset", link_view(who, link_url(who, "/reset/", token)));
  return {};
}

std::optional<repo::Link> peek_link(Services& app, LinkKind kind, const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto link = app.store->with(
      [&](store::Conn& c) { return repo::link_by_hash(c, crypto::sha256_hex(token), purpose_name(kind)); });
  if (!link || !rules::link_usable(link->expires_at, app.clock->now())) return std::nullopt;
  return link;
}

Result<SignedIn> link_invalid() { return fail(ErrorCode::not_found, "accounts_link_invalid"); }

}  // namespace

Result<void> request_sign_in_link(Services& app, const Requester& who, const std::string& email,
                                  const std::string& next) {
  return email_a_link(app, who, email, LinkKind::sign_in, next);
}

Result<void> request_password_reset(Services& app, const Requester& who, const std::string& email) {
  return email_a_link(app, who, email, LinkKind::reset_password, "");
}

bool link_usable(Services& app, LinkKind kind, const std::string& token) {
  return peek_link(app, kind, token).has_value();
}

Result<SignedIn> verify_email(Services& app, const Requester& who, const std::string& token,
                              std::optional<std::int64_t> old_session) {
  auto r = app.store->write([&](store::Conn& c) -> Result<SignedIn> {
    auto link = take_usable_link(c, app, LinkKind::verify_email, token);
    if (!link) return link_invalid();
    repo::mark_verified(c, link->user_id, app.clock->now());
    return start_session(c, app, who, link->user_id, false, old_session,
                         rules::after_signin(link->next_path.value_or("")));
  });
  return forget_after_sign_in(app, std::move(r), old_session);
}

Result<SignedIn> use_sign_in_link(Services& app, const Requester& who, const std::string& token, bool keep_signed_in,
                                  std::optional<std::int64_t> old_session) {
  auto r = app.store->write([&](store::Conn& c) -> Result<SignedIn> {
    auto link = take_usable_link(c, app, LinkKind::sign_in, token);
    if (!link) return link_invalid();
    // The link reached the inbox, so the address is proven too. A password set by
    // whoever signed up unverified is not the inbox owner's: it goes (no pre-hijack).
    if (repo::mark_verified(c, link->user_id, app.clock->now())) repo::clear_password(c, link->user_id);
    return start_session(c, app, who, link->user_id, keep_signed_in, old_session,
                         rules::after_signin(link->next_path.value_or("")));
  });
  return forget_after_sign_in(app, std::move(r), old_session);
}

Result<SignedIn> reset_password(Services& app, const Requester& who, const std::string& token,
                                const std::string& password, std::optional<std::int64_t> old_session) {
  auto link = peek_link(app, LinkKind::reset_password, token);
  if (!link) return link_invalid();
  auto user = app.store->with([&](store::Conn& c) { return repo::user_by_id(c, link->user_id); });
  if (!user || user->erased) return link_invalid();
  auto email = user->email_sealed ? secrets::open_email(app.master_key, *user->email_sealed) : std::nullopt;
  Validation v;
  if (password.empty()) v.add("password", "accounts_password_missing");
  else if (auto p = rules::password_problem(password, email.value_or(""), user->display_name, common_passwords()))
    v.add("password", *p);
  if (!v.ok()) return fail(v.error());
  auto hash = crypto::hash_password(password);
  auto r = app.store->write([&](store::Conn& c) -> Result<SignedIn> {
    auto taken = take_usable_link(c, app, LinkKind::reset_password, token);
    if (!taken) return link_invalid();
    repo::set_password_hash(c, taken->user_id, hash);
    repo::mark_verified(c, taken->user_id, app.clock->now());
    // Whoever knew the old password is signed out everywhere.
    repo::delete_sessions_of(c, taken->user_id);
    return start_session(c, app, who, taken->user_id, false, old_session, "/spaces");
  });
  return forget_after_sign_in(app, std::move(r), old_session);
}

}  // namespace hs::accounts::commands
