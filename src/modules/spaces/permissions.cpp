#include "modules/spaces/permissions.hpp"

namespace hs::spaces {

namespace {

bool member(const Subject& s) { return s.signed_in && is_member(s.role); }
// Members and partners: those the space has let in.
bool let_in(const Subject& s) { return s.signed_in && s.role != Role::none; }
bool runs_membership(const Subject& s) {
  return s.signed_in && (s.role == Role::facilitator || s.role == Role::steward);
}

}  // namespace

bool view_space(const Subject& s) {
  switch (s.visibility) {
    case Visibility::listed:
    case Visibility::unlisted: return true;
    case Visibility::private_space: return let_in(s) || (s.signed_in && s.invited);
  }
  return false;
}

bool see_in_directory(const Subject& s) { return s.visibility == Visibility::listed || let_in(s); }

bool request_join(const Subject& s) {
  return s.signed_in && s.role == Role::none && s.visibility != Visibility::private_space;
}

bool accept_invitation(const Subject& s) { return s.signed_in && s.role == Role::none && s.invited; }

bool decide_join(const Subject& s) { return runs_membership(s); }

bool invite(const Subject& s) { return runs_membership(s); }

bool view_members(const Subject& s) { return member(s); }

bool view_access_needs(const Subject& s) { return runs_membership(s); }

bool edit_space(const Subject& s) { return s.signed_in && s.role == Role::steward; }

bool edit_event_support(const Subject& s) { return runs_membership(s); }

bool change_roles(const Subject& s) { return s.signed_in && s.role == Role::steward; }

bool leave(const Subject& s) { return let_in(s); }

bool create_space(const Subject& s) { return s.signed_in && s.site_steward; }

}  // namespace hs::spaces
