#pragma once
// The spaces use cases. Each opens its own transaction, applies the rules and saves;
// email and live updates go out after commit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/spaces/space.hpp"
#include "modules/spaces/rules/invitation.hpp"
#include "modules/spaces/rules/space_fields.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::spaces::commands {

// The person acting, as far as the use cases need to know.
struct Actor {
  std::int64_t user_id = 0;
  std::string display_name;
  std::string site_url;  // for links in email, e.g. https://forum.example.org
};

// Returns the new space's slug. The creator becomes its steward.
Result<std::string> create_space(Services& app, const Actor& who, SpaceFields fields);
// Returns the (possibly new) slug.
Result<std::string> update_space(Services& app, std::int64_t space_id, const SpaceFields& fields);
// The text a new event's "where people can find support" starts from; blank: back to the
// built-in text (nothing stored). Errors name the field support_text.
Result<bool> set_event_support_default(Services& app, std::int64_t space_id, const std::string& text);
std::optional<std::string> event_support_default(Services& app, std::int64_t space_id);

Result<void> request_join(Services& app, const Actor& who, const Space& space, const std::string& message,
                          bool accepted_code);
Result<void> decide_join(Services& app, const Actor& who, const Space& space, std::int64_t request_id,
                         bool approve);

struct NewInvitation {
  std::string link;  // shown once: only its hash is kept
  std::int64_t expires_at = 0;
  bool emailed = false;
};
Result<NewInvitation> create_invitation(Services& app, const Actor& who, const Space& space,
                                        const std::string& email, const std::string& days);

struct FoundInvitation {
  Space space;
  InvitationState state = InvitationState::expired;
};
std::optional<FoundInvitation> find_invitation(Services& app, const std::string& token);
// Returns the space's slug.
Result<std::string> accept_invitation(Services& app, const Actor& who, const std::string& token, bool accepted_code);

Result<void> leave_space(Services& app, std::int64_t space_id, std::int64_t user_id);
Result<void> change_role(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& role);
// For the command line: adds the membership when needed. Returns the space id.
Result<std::int64_t> set_role(Services& app, std::int64_t user_id, const std::string& slug, const std::string& role);

// --- reading, for pages ------------------------------------------------------------

// viewer 0: signed out.
std::optional<SpaceForViewer> space_for_viewer(Services& app, const std::string& slug, std::int64_t viewer);
// The same, kept for up to two seconds (services/lookup_cache.hpp), for pages that only read:
// actions (POST) always use space_for_viewer.
std::optional<SpaceForViewer> space_for_viewer_cached(Services& app, const std::string& slug,
                                                            std::int64_t viewer);
struct Directory {
  std::vector<SpaceCard> listed;
  std::vector<SpaceCard> mine;
};
Directory directory(Services& app, std::int64_t viewer);
struct Member {
  MemberRow row;
  std::optional<std::string> access_needs;  // only when asked for and given
};
std::vector<Member> members(Services& app, std::int64_t space_id, bool with_access_needs);
std::vector<RequestRow> pending_requests(Services& app, std::int64_t space_id);
struct InvitationItem {
  InvitationRow row;
  InvitationState state = InvitationState::expired;
  std::optional<std::string> email;  // where it was sent, if anywhere
};
std::vector<InvitationItem> invitations(Services& app, std::int64_t space_id);

bool holds_elevated_role(Services& app, std::int64_t user_id);
// In the caller's transaction (spaces/module.hpp says what it does).
Result<void> make_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id);
Result<void> end_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Account erasure and "download my data".
void erase_person(store::Conn& c, std::int64_t user_id);
std::string export_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::spaces::commands
