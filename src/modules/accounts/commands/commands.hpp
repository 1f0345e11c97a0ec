#pragma once
// The accounts use cases. Each opens its own transaction, applies the rules and saves;
// emails go out after commit. Handlers call these and nothing below them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/accounts/records.hpp"
#include "services/fwd.hpp"

namespace hs::accounts::commands {

// Who is asking, as far as the use cases need to know.
struct Requester {
  std::string address;     // for per-address throttling; never stored
  std::string site_url;    // for links in email, e.g. https://forum.example.org
  std::string user_agent;  // reduced to a coarse device label; never stored
};

// A new session: the cookie value (shown to nobody else) and where to go next.
struct SignedIn {
  std::string token;
  std::int64_t user_id = 0;
  bool keep_signed_in = false;
  bool site_steward = false;
  std::string next;
};

// --- signing up and in -------------------------------------------------------------

struct SignUpForm {
  std::string email, display_name, password;
  std::string next;  // a local path to go to once the email is verified
};
// Validation errors name fields. Otherwise the same outcome whether or not the address
// already has an account: a verification link for a new account, a note for an owner.
Result<void> sign_up(Services& app, const Requester& who, const SignUpForm& form);

struct SignInForm {
  std::string email, password, next;
  bool keep_signed_in = false;
};
// Fails the same way for an unknown email, a wrong password and an account without a
// password; rate_limited when throttled (also the same either way).
Result<SignedIn> sign_in_with_password(Services& app, const Requester& who, const SignInForm& form,
                                       std::optional<std::int64_t> old_session);

// Emails a sign-in link (or, for an unknown address, a note saying there is no account).
Result<void> request_sign_in_link(Services& app, const Requester& who, const std::string& email,
                                  const std::string& next);
// Emails a link to set a new password (or the same note for an unknown address).
Result<void> request_password_reset(Services& app, const Requester& who, const std::string& email);

enum class LinkKind { verify_email, sign_in, reset_password, change_email };
// Whether an emailed link can still be used (read only: for the confirm pages).
bool link_usable(Services& app, LinkKind kind, const std::string& token);

Result<SignedIn> verify_email(Services& app, const Requester& who, const std::string& token,
                              std::optional<std::int64_t> old_session);
Result<SignedIn> use_sign_in_link(Services& app, const Requester& who, const std::string& token, bool keep_signed_in,
                                  std::optional<std::int64_t> old_session);
// Sets the password, signs out every session and signs in this one.
Result<SignedIn> reset_password(Services& app, const Requester& who, const std::string& token,
                                const std::string& password, std::optional<std::int64_t> old_session);

// --- sessions ----------------------------------------------------------------------

struct ResolvedSession {
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
  std::string display_name;
  bool site_steward = false;
};
// The live session behind a cookie value; an expired one is deleted on the way.
std::optional<ResolvedSession> resolve_session(Services& app, const std::string& token);
// Elevated: a site steward, or holding a role that can see others' data.
bool elevated(Services& app, std::int64_t user_id, bool site_steward);
void sign_out(Services& app, std::int64_t session_id);
void sign_out_everywhere(Services& app, std::int64_t user_id);
// False when that session is not the person's own (or already ended).
bool end_session(Services& app, std::int64_t user_id, std::int64_t session_id);
std::vector<Session> live_sessions(Services& app, std::int64_t user_id);

// --- profile -----------------------------------------------------------------------

struct Profile {
  std::string email, display_name, pronouns, access_needs;
  bool has_password = false;
};
std::optional<Profile> load_profile(Services& app, std::int64_t user_id);
// Saves name, pronouns and access needs. A different email is not changed here: a
// link goes to the new address and the change applies when it is opened. Returns
// whether such a link was sent.
Result<bool> update_profile(Services& app, const Requester& who, std::int64_t user_id, const Profile& form);
Result<void> confirm_email_change(Services& app, const Requester& who, const std::string& token);

// --- my data -----------------------------------------------------------------------

// Everything we hold about the person, as JSON text.
std::string export_data(Services& app, std::int64_t user_id, std::int64_t current_session);
// Erases the account in one transaction with every module's on_erase hook.
Result<void> delete_account(Services& app, std::int64_t user_id, bool confirmed);

// --- command line ------------------------------------------------------------------

Result<std::int64_t> add_verified_user(Services& app, const std::string& email, const std::string& display_name,
                                       const std::string& password);
Result<std::int64_t> set_site_role(Services& app, const std::string& email, const std::string& role);
std::optional<std::int64_t> find_user(Services& app, const std::string& email);

}  // namespace hs::accounts::commands
