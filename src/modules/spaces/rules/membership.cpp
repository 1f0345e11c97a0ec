#include "modules/spaces/rules/membership.hpp"

namespace hs::spaces {

Result<void> check_may_leave(Role role, std::int64_t stewards) {
  if (role == Role::none) return fail(ErrorCode::conflict, "spaces_not_a_member");
  if (role == Role::steward && stewards <= 1) return fail(ErrorCode::conflict, "spaces_only_steward_cannot_leave");
  return {};
}

Result<void> check_role_change(Role current, Role next, std::int64_t stewards) {
  if (next == Role::none) return fail(ErrorCode::invalid, "spaces_role_invalid");
  if (current == Role::steward && next != Role::steward && stewards <= 1)
    return fail(ErrorCode::conflict, "spaces_only_steward_cannot_change");
  return {};
}

}  // namespace hs::spaces
