#pragma once
// Small helpers the spaces commands share.
#include <string>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/spaces/rules/model.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::spaces::commands {

// The error for a web address someone else's space has.
Error slug_taken_error();
Role role_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// The key that seals the address an invitation was emailed to.
crypto::Key invitation_email_key(const crypto::Key& master);
std::string space_link(const std::string& site_url, const std::string& slug, const std::string& rest = "");

// Appends a membership change to the space's decision log, in the caller's transaction.
// The person appears only as a keyed commitment, never by name or id.
Result<void> log_membership(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            std::int64_t user_id, std::string_view role = {});

}  // namespace hs::spaces::commands
