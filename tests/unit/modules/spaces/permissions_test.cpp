// The whole permission matrix, written out: who (rows) may do what (columns) in a space
// of each visibility. A change to any predicate shows up here as a changed cell.
#include "modules/spaces/permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hs::spaces {
namespace {

struct Persona {
  const char* name;
  Subject subject;  // visibility filled in per table
};

const std::vector<Persona> kPersonas = {
    {"anonymous", {false, false, Role::none, false, {}}},
    {"anonymous holding an invitation", {false, false, Role::none, true, {}}},
    {"signed-in non-member", {true, false, Role::none, false, {}}},
    {"invited non-member", {true, false, Role::none, true, {}}},
    {"member", {true, false, Role::member, false, {}}},
    {"facilitator", {true, false, Role::facilitator, false, {}}},
    {"auditor", {true, false, Role::auditor, false, {}}},
    {"steward", {true, false, Role::steward, false, {}}},
    {"partner", {true, false, Role::partner, false, {}}},
    {"site steward, not a member", {true, true, Role::none, false, {}}},
};

using Predicate = bool (*)(const Subject&);
struct Action {
  const char* name;
  Predicate allowed;
};
const std::vector<Action> kActions = {
    {"view_space", view_space},
    {"see_in_directory", see_in_directory},
    {"request_join", request_join},
    {"accept_invitation", accept_invitation},
    {"decide_join", decide_join},
    {"invite", invite},
    {"view_members", view_members},
    {"view_access_needs", view_access_needs},
    {"edit_space", edit_space},
    {"change_roles", change_roles},
    {"leave", leave},
    {"create_space", create_space},
};

// One row per persona, in kPersonas order; one column per action, in kActions order:
//   view dir  ask  acc  dec  inv  mem  need edit role leave create
void check(Visibility visibility, const std::vector<std::string>& table) {
  ASSERT_EQ(table.size(), kPersonas.size());
  for (std::size_t p = 0; p < kPersonas.size(); ++p) {
    ASSERT_EQ(table[p].size(), kActions.size()) << kPersonas[p].name;
    Subject s = kPersonas[p].subject;
    s.visibility = visibility;
    for (std::size_t a = 0; a < kActions.size(); ++a) {
      bool expected = table[p][a] == 'Y';
      EXPECT_EQ(kActions[a].allowed(s), expected)
          << kPersonas[p].name << " / " << kActions[a].name << " in a " << to_string(visibility) << " space";
    }
  }
}

TEST(SpacesPermissions, ListedSpace) {
  check(Visibility::listed, {
                                // vdaAditmnerlc
                                "YY----------",  // anonymous
                                "YY----------",  // anonymous holding an invitation
                                "YYY---------",  // signed-in non-member
                                "YYYY--------",  // invited non-member
                                "YY----Y---Y-",  // member
                                "YY--YYYY--Y-",  // facilitator
                                "YY----Y---Y-",  // auditor
                                "YY--YYYYYYY-",  // steward
                                "YY--------Y-",  // partner
                                "YYY--------Y",  // site steward, not a member
                            });
}

TEST(SpacesPermissions, UnlistedSpace) {
  check(Visibility::unlisted, {
                                  "Y-----------",  // anonymous
                                  "Y-----------",  // anonymous holding an invitation
                                  "Y-Y---------",  // signed-in non-member
                                  "Y-YY--------",  // invited non-member
                                  "YY----Y---Y-",  // member
                                  "YY--YYYY--Y-",  // facilitator
                                  "YY----Y---Y-",  // auditor
                                  "YY--YYYYYYY-",  // steward
                                  "YY--------Y-",  // partner
                                  "Y-Y--------Y",  // site steward, not a member
                              });
}

TEST(SpacesPermissions, PrivateSpace) {
  check(Visibility::private_space, {
                                       "------------",  // anonymous
                                       "------------",  // anonymous holding an invitation
                                       "------------",  // signed-in non-member
                                       "Y--Y--------",  // invited non-member
                                       "YY----Y---Y-",  // member
                                       "YY--YYYY--Y-",  // facilitator
                                       "YY----Y---Y-",  // auditor
                                       "YY--YYYYYYY-",  // steward
                                       "YY--------Y-",  // partner: sees the space, not its members
                                       "-----------Y",  // site steward, not a member
                                   });
}

TEST(SpacesPermissions, SignedOutNeverCountsAsMember) {
  // A role can only come with a session; if one slipped through, it grants nothing.
  Subject s{false, false, Role::steward, false, Visibility::private_space};
  for (const auto& a : kActions) EXPECT_FALSE(a.allowed(s)) << a.name;
}

TEST(SpacesRoles, PartnerIsNeitherElevatedNorAMember) {
  EXPECT_EQ(parse_role("partner"), Role::partner);
  EXPECT_EQ(to_string(Role::partner), "partner");
  EXPECT_FALSE(elevated(Role::partner));
  EXPECT_FALSE(is_member(Role::partner));
  EXPECT_FALSE(is_member(Role::none));
  for (auto r : {Role::member, Role::facilitator, Role::auditor, Role::steward}) EXPECT_TRUE(is_member(r));
}

}  // namespace
}  // namespace hs::spaces
