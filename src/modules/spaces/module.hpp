#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace hs::web {
class App;
}

namespace hs::spaces {

// Spaces, join requests, invitations, roles, code of conduct and the member directory.
void register_module(web::App& app);

// For `humanspace user set-role EMAIL ROLE --space SLUG`: makes the person a member with
// that role (member, facilitator, auditor, steward).
Result<std::int64_t> set_role(web::App& app, std::int64_t user_id, const std::string& space_slug,
                              const std::string& role);

// Where people can find support at the space's events, as its stewards or facilitators
// wrote it for new events to start from; nothing when they have not (use the built-in
// text).
std::optional<std::string> event_support_default(web::App& app, std::int64_t space_id);

}  // namespace hs::spaces
