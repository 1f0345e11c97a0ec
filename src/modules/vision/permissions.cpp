#include "modules/vision/permissions.hpp"

namespace hs::vision::permissions {

namespace {

using spaces::Role;

bool any_of(const spaces::Subject& s, std::initializer_list<Role> roles) {
  if (!s.signed_in) return false;
  for (auto r : roles)
    if (s.role == r) return true;
  return false;
}

}  // namespace

// A treasurer is a member who also approves claims: they see and take part as any member.
bool view_boards(const spaces::Subject& s) {
  return any_of(s, {Role::member, Role::facilitator, Role::steward, Role::treasurer, Role::auditor});
}

bool take_part(const spaces::Subject& s) {
  return any_of(s, {Role::member, Role::facilitator, Role::steward, Role::treasurer});
}

bool facilitate(const spaces::Subject& s) { return any_of(s, {Role::facilitator, Role::steward}); }

}  // namespace hs::vision::permissions
