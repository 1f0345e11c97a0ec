#pragma once
// Who may do what in a space: deny-by-default pure predicates, one per action. Each
// takes only what it needs to know about the person and the space.
#include "modules/spaces/rules/model.hpp"

namespace hs::spaces {

struct Subject {
  bool signed_in = false;
  bool site_steward = false;  // may create spaces (site-wide)
  Role role = Role::none;     // the person's role in this space
  bool invited = false;       // holds an invitation to this space that can still be used
  Visibility visibility = Visibility::private_space;
};

// See the space's page at all. Private spaces are invisible (404) to everyone else.
bool view_space(const Subject& s);
// Appear in the /spaces directory for this person.
bool see_in_directory(const Subject& s);
bool request_join(const Subject& s);
// Accept an invitation held (the link itself is the proof).
bool accept_invitation(const Subject& s);
bool decide_join(const Subject& s);
bool invite(const Subject& s);
bool view_members(const Subject& s);
bool view_access_needs(const Subject& s);
bool edit_space(const Subject& s);
// The text new events start from for where people can find support: those who run events.
bool edit_event_support(const Subject& s);
bool change_roles(const Subject& s);
bool leave(const Subject& s);
bool create_space(const Subject& s);

}  // namespace hs::spaces
