#pragma once
// The only place the spaces module's SQL lives. Functions take a connection, so the
// caller decides the transaction. Rows come back as plain structs.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/spaces/permissions.hpp"
#include "modules/spaces/space.hpp"

namespace hs::store {
class Conn;
}

namespace hs::spaces::repo {

using spaces::InvitationRow;
using spaces::MemberRow;
using spaces::RequestRow;
using spaces::SpaceCard;
using spaces::SpaceForViewer;

using SpaceRow = spaces::Space;  // the front door's plain type

// One query: the space, the viewer's role and latest request (viewer 0: signed out).
std::optional<SpaceForViewer> space_for_viewer(store::Conn& c, const std::string& slug, std::int64_t viewer);
std::optional<SpaceRow> space_by_id(store::Conn& c, std::int64_t id);
// Where people can find support at the space's events, as a new event starts (nothing:
// the built-in text).
std::optional<std::string> event_support_default(store::Conn& c, std::int64_t space_id);
void set_event_support_default(store::Conn& c, std::int64_t space_id, const std::optional<std::string>& text);
std::optional<std::int64_t> space_id_by_slug(store::Conn& c, const std::string& slug);
std::vector<SpaceCard> listed_spaces(store::Conn& c);
std::vector<SpaceCard> spaces_of(store::Conn& c, std::int64_t user_id);
// Every slug equal to base or base-something.
std::vector<std::string> slugs_like(store::Conn& c, const std::string& base);
bool slug_taken(store::Conn& c, const std::string& slug, std::int64_t except_space);
std::int64_t insert_space(store::Conn& c, const std::string& slug, const std::string& name, const std::string& kind,
                          const std::string& purpose, const std::string& visibility, const std::string& code,
                          std::int64_t created_by, std::int64_t now);
void update_space(store::Conn& c, std::int64_t id, const std::string& slug, const std::string& name,
                  const std::string& kind, const std::string& purpose, const std::string& visibility,
                  const std::string& code, std::int64_t now);
// Takes the space's row lock (PostgreSQL; SQLite writers are serial anyway), so rules
// that count stewards see a settled number.
void lock_space(store::Conn& c, std::int64_t space_id);

// Memberships
std::string role_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id);  // "" when none
std::int64_t count_stewards(store::Conn& c, std::int64_t space_id);
// Adds a membership; false when the person already was a member.
bool add_member(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const std::string& role,
                std::optional<std::int64_t> code_accepted_at, std::int64_t now);
void set_role(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const std::string& role);
void remove_member(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
std::vector<MemberRow> members(store::Conn& c, std::int64_t space_id);
// Ids and roles only, in no order: for other modules that count or notify members.
std::vector<std::pair<std::int64_t, std::string>> member_roles(store::Conn& c, std::int64_t space_id);
// Facilitators and stewards: the people told about new requests.
std::vector<std::int64_t> deciders(store::Conn& c, std::int64_t space_id);
bool holds_elevated_role(store::Conn& c, std::int64_t user_id);

// Join requests
struct LatestRequest {
  std::string status;
  std::int64_t decided_at = 0;
};
std::optional<LatestRequest> latest_request(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
std::int64_t insert_request(store::Conn& c, std::int64_t space_id, std::int64_t user_id,
                            const std::optional<std::string>& message, std::int64_t now);
std::vector<RequestRow> pending_requests(store::Conn& c, std::int64_t space_id);
std::optional<RequestRow> request_in_space(store::Conn& c, std::int64_t space_id, std::int64_t id);
// false when it was no longer pending.
bool set_request_status(store::Conn& c, std::int64_t id, const std::string& status, std::int64_t decided_by,
                        std::int64_t now);
// A joining person's pending request is settled when they join another way.
void approve_pending_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t now);

// Invitations
std::int64_t insert_invitation(store::Conn& c, std::int64_t space_id, const std::string& token_hash,
                               const std::optional<std::string>& email_sealed, std::int64_t created_by,
                               std::int64_t now, std::int64_t expires_at);
std::vector<InvitationRow> invitations(store::Conn& c, std::int64_t space_id);
std::optional<InvitationRow> invitation_by_hash(store::Conn& c, const std::string& token_hash);
// false when someone used it first.
bool use_invitation(store::Conn& c, std::int64_t id, std::int64_t user_id, std::int64_t now);

// Erasure and export
void erase_person(store::Conn& c, std::int64_t user_id);
struct MembershipExport {
  std::string space_name, space_slug, role;
  std::int64_t joined_at = 0;
  std::optional<std::int64_t> code_accepted_at;
};
struct RequestExport {
  std::string space_name, space_slug, status;
  std::optional<std::string> message;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
};
std::vector<MembershipExport> memberships_of(store::Conn& c, std::int64_t user_id);
std::vector<RequestExport> requests_of(store::Conn& c, std::int64_t user_id);

}  // namespace hs::spaces::repo
