// Who may do what with paid involvement: a table over every role. Deny by default.
#include "modules/involvement/permissions.hpp"

#include <gtest/gtest.h>

namespace hs::involvement::permissions {
namespace {

using spaces::Role;

spaces::Subject as(Role role, bool signed_in = true) {
  spaces::Subject s;
  s.signed_in = signed_in;
  s.role = role;
  s.visibility = spaces::Visibility::listed;
  return s;
}

TEST(InvolvementPermissions, EveryRole) {
  struct Row {
    const char* who;
    spaces::Subject s;
    bool view, take_part, rates, opportunities, treasure;
  };
  const Row rows[] = {
      {"signed out", as(Role::none, false), false, false, false, false, false},
      {"signed in, not a member", as(Role::none), false, false, false, false, false},
      {"member", as(Role::member), true, true, false, false, false},
      {"auditor", as(Role::auditor), true, true, false, false, false},
      {"facilitator", as(Role::facilitator), true, true, false, true, false},
      {"steward", as(Role::steward), true, true, true, true, false},
      {"treasurer", as(Role::treasurer), true, true, true, false, true},
      {"treasurer's role, signed out", as(Role::treasurer, false), false, false, false, false, false},
      {"partner", as(Role::partner), false, false, false, false, false},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(view(r.s), r.view) << r.who;
    EXPECT_EQ(take_part(r.s), r.take_part) << r.who;
    EXPECT_EQ(manage_rates(r.s), r.rates) << r.who;
    EXPECT_EQ(run_opportunities(r.s), r.opportunities) << r.who;
    EXPECT_EQ(treasure(r.s), r.treasure) << r.who;
  }
}

}  // namespace
}  // namespace hs::involvement::permissions
