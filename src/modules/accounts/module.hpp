#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "modules/accounts/commands/commands.hpp"  // re-exported: the use cases the demo drives
#include "services/fwd.hpp"

namespace hs {
class View;
}
namespace hs::web {
class App;
using View = ::hs::View;
}  // namespace hs::web
namespace hs::store {
class Conn;
}

namespace hs::accounts {

// Sign up, email verification, sign in (password or magic link), reset, sessions,
// profile, my data and erasure. Also installs app.resolve_session.
void register_module(web::App& app);

// For `humanspace user add`: an account whose email is taken as verified.
Result<std::int64_t> add_user(Services& app, const std::string& email, const std::string& display_name,
                              const std::string& password);
// For `humanspace user set-role EMAIL steward|member` (site-wide: who may create spaces).
Result<std::int64_t> set_site_role(Services& app, const std::string& email, const std::string& role);
std::optional<std::int64_t> find_user(Services& app, const std::string& email);

// For other modules, inside their own transaction or read.
// The name shown to others ("Former member" once an account is deleted); empty when
// there is no such person.
std::string display_name(Services& app, store::Conn& c, std::int64_t user_id);
// The same for many people in one query (a page of a list): by account id.
std::map<std::int64_t, std::string> display_names(Services& app, store::Conn& c,
                                                  const std::vector<std::int64_t>& user_ids);
// Pronouns when the person gave them.
std::optional<std::string> pronouns(Services& app, store::Conn& c, std::int64_t user_id);
// Decrypted access needs, when given. Show them only to facilitators of a space the
// person has joined: that is the promise the profile page makes.
std::optional<std::string> access_needs(Services& app, store::Conn& c, std::int64_t user_id);
// The same for many people in one query (a list of who registered), by account id.
std::map<std::int64_t, std::string> access_needs_of(Services& app, store::Conn& c,
                                                    const std::vector<std::int64_t>& user_ids);
// Decrypted contact email of a verified, not deleted account: for sending a person
// email (never for showing it to others).
std::optional<std::string> contact_email(Services& app, store::Conn& c, std::int64_t user_id);

// Email, rendered from templates/email/<template_name> as plain text, with the subject
// from the message catalogue. A failure to hand it over is logged and never undoes what
// the caller saved, so call these after the transaction commits.
void email_address(Services& app, const std::string& to, const std::string& subject_key,
                   const std::vector<std::pair<std::string, std::string>>& subject_args,
                   const std::string& template_name, const web::View& view);
// To the person's verified contact address; nobody when the account is erased or unverified.
void email_person(Services& app, std::int64_t user_id, const std::string& subject_key,
                  const std::vector<std::pair<std::string, std::string>>& subject_args,
                  const std::string& template_name, const web::View& view);

}  // namespace hs::accounts
