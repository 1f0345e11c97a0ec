#pragma once
// Helpers shared by the accounts commands (not used outside commands/).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/view.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/rules/session_policy.hpp"
#include "modules/accounts/rules/throttle.hpp"
#include "services/fwd.hpp"
#include "services/services.hpp"

namespace hs::store {
class Conn;
}

namespace hs::accounts::commands {

// The shipped list of common passwords, lower-cased, parsed once.
const std::unordered_set<std::string>& common_passwords();

// Takes one attempt from a token bucket; false when it is empty.
bool take(Services& app, const std::string& key, rules::Rate rate);

// Spends about as long as checking a real password, for addresses without one.
void dummy_password_check(std::string_view password);

rules::LinkPurpose purpose_of(LinkKind kind);
std::string purpose_name(LinkKind kind);

struct LinkExtras {
  std::optional<std::string> new_email_lookup, new_email_sealed, next_path;
};
// Stores a new single-use link (replacing earlier ones of the same kind) and returns
// the token that goes in the email.
std::string new_link(store::Conn& c, Services& app, LinkKind kind, std::int64_t user_id, const LinkExtras& extras = {});

// Takes a usable link out of the store: it cannot be used again. nullopt when unknown,
// expired or already used.
std::optional<repo::Link> take_usable_link(store::Conn& c, Services& app, LinkKind kind, const std::string& token);

// Starts a session inside the caller's transaction, ending old_session (a fresh token
// on every sign-in: no session fixation).
SignedIn start_session(store::Conn& c, Services& app, const Requester& who, std::int64_t user_id, bool keep_signed_in,
                       std::optional<std::int64_t> old_session, std::string next);

// After a commit that ended sessions or changed what a session shows (display name, site
// role): this process stops answering from its session cache at once. Only after the
// commit: see services/session_cache.hpp.
void forget_cached_sessions_of(Services& app, std::int64_t user_id);
void forget_cached_session(Services& app, std::int64_t session_id);
// For the commands that sign someone in: once committed, the old session and the
// person's cached sessions (some may have been ended) are forgotten.
Result<SignedIn> forget_after_sign_in(Services& app, Result<SignedIn> r, std::optional<std::int64_t> old_session);

// Renders templates/email/accounts_<name> with link and site, subject from the message catalogue.
void send_email(Services& app, const std::string& to, const std::string& subject_key, const std::string& name,
                View view);

std::string link_url(const Requester& who, std::string_view path, std::string_view token);

}  // namespace hs::accounts::commands
