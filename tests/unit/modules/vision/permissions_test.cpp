// Who may see, take part in and run a space's Three Horizons boards: a table over every
// role, signed in and out, in a listed and a private space. Deny by default.
#include "modules/vision/permissions.hpp"

#include <gtest/gtest.h>

namespace hs::vision::permissions {
namespace {

using spaces::Role;
using spaces::Visibility;

spaces::Subject as(Role role, bool signed_in = true, Visibility visibility = Visibility::listed) {
  spaces::Subject s;
  s.signed_in = signed_in;
  s.role = role;
  s.visibility = visibility;
  return s;
}

struct Row {
  const char* who;
  Role role;
  bool signed_in, view, take_part, facilitate;
};

TEST(VisionPermissions, EveryRole) {
  const Row rows[] = {
      {"signed out", Role::none, false, false, false, false},
      {"signed in, not a member", Role::none, true, false, false, false},
      {"member", Role::member, true, true, true, false},
      {"auditor", Role::auditor, true, true, false, false},
      {"facilitator", Role::facilitator, true, true, true, true},
      {"steward", Role::steward, true, true, true, true},
      {"partner", Role::partner, true, false, false, false},
      {"treasurer (a member who also approves claims)", Role::treasurer, true, true, true, false},
      // A role left on a session that ended counts for nothing.
      {"member, signed out", Role::member, false, false, false, false},
      {"facilitator, signed out", Role::facilitator, false, false, false, false},
  };
  for (auto visibility : {Visibility::listed, Visibility::unlisted, Visibility::private_space}) {
    for (const auto& r : rows) {
      const auto s = as(r.role, r.signed_in, visibility);
      EXPECT_EQ(view_boards(s), r.view) << r.who;
      EXPECT_EQ(take_part(s), r.take_part) << r.who;
      EXPECT_EQ(facilitate(s), r.facilitate) << r.who;
      // Whoever takes part or runs a board can see it.
      if (take_part(s) || facilitate(s)) {
        EXPECT_TRUE(view_boards(s)) << r.who;
      }
    }
  }
}

}  // namespace
}  // namespace hs::vision::permissions
