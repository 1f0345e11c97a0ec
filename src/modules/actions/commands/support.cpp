#include "modules/actions/commands/support.hpp"

#include "modules/stories/module.hpp"

namespace hs::actions::commands {

permissions::Actor actor_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  permissions::Actor a;
  a.subject.signed_in = user_id > 0;
  a.subject.role = user_id > 0 ? spaces::role_in(c, space_id, user_id) : spaces::Role::none;
  if (auto space = spaces::space_by_id(c, space_id))
    a.subject.visibility = spaces::parse_visibility(space->visibility).value_or(spaces::Visibility::private_space);
  if (auto org = stories::partner_organisation_of(c, space_id, user_id)) a.organisation_id = org->id;
  return a;
}

}  // namespace hs::actions::commands
