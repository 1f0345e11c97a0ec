#include "modules/spaces/rules/membership.hpp"

namespace hs::spaces {

Result<void> check_may_leave(Role role, std::int64_t stewards) {
  if (role == Role::none) return fail(ErrorCode::conflict, "spaces_not_a_member");
  if (role == Role::steward && stewards <= 1) return fail(ErrorCode::conflict, "spaces_only_steward_cannot_leave");
  return {};
}

Result<void> check_role_change(Role current, Role next, std::int64_t stewards) {
  if (next == Role::none) return fail(ErrorCode::invalid, "spaces_role_invalid");
  // A partner answers for an organisation the space lists: that role is given, with the
  // organisation, on the space's partners page, never by changing a member's role here.
  if ((current == Role::partner) != (next == Role::partner))
    return fail(ErrorCode::invalid, "spaces_role_partner_elsewhere");
  if (current == Role::steward && next != Role::steward && stewards <= 1)
    return fail(ErrorCode::conflict, "spaces_only_steward_cannot_change");
  return {};
}

Result<void> check_may_become_partner(Role current) {
  if (current == Role::none || current == Role::partner) return {};
  return fail(ErrorCode::conflict, "spaces_partner_already_member");
}

}  // namespace hs::spaces
