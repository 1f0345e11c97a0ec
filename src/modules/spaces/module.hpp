#pragma once
// The spaces module's front door: what other modules may ask of it. Spaces hold
// everything else (events, decisions, terms, the decision log), so most modules use it:
// to find a space, to know a person's role in it (roles are functions, not ranks), and
// to show the space their pages live under.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "modules/spaces/commands/commands.hpp"  // re-exported: the use cases the demo drives
#include "modules/spaces/permissions.hpp"        // Role, Visibility, Subject: who may do what (pure)
#include "modules/spaces/space.hpp"              // Space: a space as it is kept
#include "services/fwd.hpp"

namespace hs {
class View;
}
namespace hs::web {
class App;
class Context;
struct Response;
using View = ::hs::View;
}  // namespace hs::web
namespace hs::store {
class Conn;
}

namespace hs::spaces {

// Spaces, join requests, invitations, roles, code of conduct and the member directory.
void register_module(web::App& app);

// For `humanspace user set-role EMAIL ROLE --space SLUG`: makes the person a member with
// that role (member, facilitator, auditor, steward).
Result<std::int64_t> set_role(Services& app, std::int64_t user_id, const std::string& space_slug,
                              const std::string& role);

// Queries for other modules, inside the caller's transaction or read.
std::optional<Space> space_by_id(store::Conn& c, std::int64_t id);
std::optional<std::int64_t> space_id_by_slug(store::Conn& c, const std::string& slug);
// The person's role in the space; Role::none when they are not a member.
Role role_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
struct Member {
  std::int64_t user_id = 0;
  Role role = Role::none;
};
// Every member's account and role, in no particular order (light: no names).
std::vector<Member> members(store::Conn& c, std::int64_t space_id);
// Gives the person the partner role, inside the caller's transaction: they join the space
// as a partner (recorded in the decision log), or already are one. Fails with conflict
// when they are a member in another role: one role per person and space. Which
// organisation they answer for is kept by the module that asks (stories).
Result<void> make_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Ends a person's partner role, inside the caller's transaction (recorded like leaving).
// Fails with not_found when they are not a partner of the space.
Result<void> end_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Holds the space's row until the transaction ends, so that commands changing one
// space's records one after another (amending its terms) do not interleave.
void lock_space(store::Conn& c, std::int64_t space_id);

// For pages of other modules under /spaces/{slug}/...: the space named by {slug} as the
// viewer may see it, or nothing when it does not exist or this person may not know it
// exists (answer 404 for both). Pages that only read may see roles up to two seconds old.
struct SpaceInPath {
  Space row;
  Subject subject;  // the viewer in this space
  const Space& space() const { return row; }
};
std::optional<SpaceInPath> space_in_path(web::Context& c);
// The same for a given account (0: signed out), e.g. the owner of a feed key.
std::optional<SpaceInPath> space_as(Services& app, const std::string& slug, std::int64_t user_id, bool site_steward);
// What every page of a space shows of it: {id, slug, name, kind, kind_label, kind_about,
// visibility_label, purpose (paragraphs)}.
web::View space_view(web::Context& c, const Space& space);
// A page of a space: the view of `title_key`, its page title formatted with {space} (and
// `args`), and `space` set to space_view.
web::View space_page(web::Context& c, const SpaceInPath& s, const std::string& title_key,
                     const std::vector<std::pair<std::string, std::string>>& args = {});
// Refusing a page of a space: "sign in first" when signed out, else 403 saying `key`.
web::Response refuse(web::Context& c, const std::string& key);
// The signed-in person's account, 0 when signed out.
std::int64_t viewer_id(const web::Context& c);

// Where people can find support at the space's events, as its stewards or facilitators
// wrote it for new events to start from; nothing when they have not (use the built-in
// text).
std::optional<std::string> event_support_default(Services& app, std::int64_t space_id);

}  // namespace hs::spaces
