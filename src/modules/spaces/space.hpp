#pragma once
// A space as it is kept, and the records the spaces front door hands out about it
// (offered by spaces/module.hpp; its own header so the module's repo can use them
// without including the front door).
#include <cstdint>
#include <optional>
#include <string>

namespace hs::spaces {

// kind: practice|forum|network; visibility: listed|unlisted|private.
struct Space {
  std::int64_t id = 0;
  std::string slug, name, kind, purpose, visibility, code_of_conduct;
};

// A space as one person sees it: their role and latest request, and counts.
struct SpaceForViewer {
  Space space;
  std::string role;            // "" when not a member
  std::string request_status;  // of their latest request; "" when none
  std::int64_t request_created_at = 0;
  std::int64_t request_decided_at = 0;
  std::int64_t members = 0;
  std::int64_t pending_requests = 0;
};
struct SpaceCard {
  std::int64_t id = 0;
  std::string slug, name, kind, purpose, visibility;
  std::int64_t members = 0;
  std::string role;  // my spaces only
};
struct MemberRow {
  std::int64_t user_id = 0;
  std::string display_name;
  std::optional<std::string> pronouns;
  std::string role;
};
struct RequestRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string display_name;
  std::optional<std::string> pronouns;
  std::optional<std::string> message;
  std::string status;
  std::int64_t created_at = 0;
};
struct InvitationRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::optional<std::string> email_sealed;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  std::string created_by_name;  // "" when that account is gone
  std::string used_by_name;
};

}  // namespace hs::spaces
