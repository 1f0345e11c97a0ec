// Who may see, raise and move actions: a table over every role, in a listed space whose
// page is public or members only, for a partner of the owning organisation and of another.
#include "modules/actions/permissions.hpp"

#include <gtest/gtest.h>

namespace hs::actions::permissions {
namespace {

using spaces::Role;

constexpr std::int64_t kOwner = 7, kOther = 9;

Actor as(Role role, bool signed_in = true, std::int64_t organisation = 0) {
  Actor a;
  a.subject.signed_in = signed_in;
  a.subject.role = role;
  a.subject.visibility = spaces::Visibility::listed;
  a.organisation_id = organisation;
  return a;
}

struct Row {
  const char* who;
  Actor actor;
  bool view_members_only, view_public, raise_owner, raise_other, move_owner, settings;
};

TEST(ActionPermissions, EveryRole) {
  const Row rows[] = {
      {"signed out", as(Role::none, false), false, true, false, false, false, false},
      {"signed in, not a member", as(Role::none), false, true, false, false, false, false},
      {"member", as(Role::member), true, true, false, false, false, false},
      {"auditor", as(Role::auditor), true, true, false, false, false, false},
      {"facilitator", as(Role::facilitator), true, true, true, true, true, false},
      {"steward", as(Role::steward), true, true, true, true, false, true},
      {"partner of the owner", as(Role::partner, true, kOwner), true, true, true, false, true, false},
      {"partner of another organisation", as(Role::partner, true, kOther), true, true, false, true, false, false},
      {"partner without an organisation", as(Role::partner), true, true, false, false, false, false},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(view_actions(r.actor.subject, false), r.view_members_only) << r.who;
    EXPECT_EQ(view_actions(r.actor.subject, true), r.view_public) << r.who;
    EXPECT_EQ(raise_action(r.actor, kOwner), r.raise_owner) << r.who;
    EXPECT_EQ(raise_action(r.actor, kOther), r.raise_other) << r.who;
    EXPECT_EQ(raise_any(r.actor), r.raise_owner || r.raise_other) << r.who;
    EXPECT_EQ(move_action(r.actor, kOwner), r.move_owner) << r.who;
    EXPECT_EQ(manage_settings(r.actor.subject), r.settings) << r.who;
    EXPECT_FALSE(raise_action(r.actor, 0)) << r.who;
  }
}

// Themes of event reports: only facilitators raise from one (they draw them from what people
// said); their titles are for whoever may read the space's event reports.
TEST(ActionPermissions, ThemesOfEventReports) {
  struct ThemeRow {
    const char* who;
    Actor actor;
    bool raise, read;
  };
  const ThemeRow rows[] = {
      {"signed out", as(Role::none, false), false, false},
      {"signed in, not a member", as(Role::none), false, false},
      {"member", as(Role::member), false, true},
      {"auditor", as(Role::auditor), false, true},
      {"facilitator", as(Role::facilitator), true, true},
      {"signed-out facilitator role", as(Role::facilitator, false), false, false},
      {"steward", as(Role::steward), false, true},
      {"partner of the owner", as(Role::partner, true, kOwner), false, false},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(raise_from_theme(r.actor), r.raise) << r.who;
    EXPECT_EQ(read_theme(r.actor.subject), r.read) << r.who;
  }
}

TEST(ActionPermissions, APrivateSpacesPageIsNeverPublic) {
  auto outsider = as(Role::none, false);
  outsider.subject.visibility = spaces::Visibility::private_space;
  EXPECT_FALSE(view_actions(outsider.subject, true));
  auto member = as(Role::member);
  member.subject.visibility = spaces::Visibility::private_space;
  EXPECT_TRUE(view_actions(member.subject, false));
}

TEST(ActionPermissions, ASignedOutPartnerRoleCountsForNothing) {
  auto a = as(Role::partner, false, kOwner);
  EXPECT_FALSE(move_action(a, kOwner));
  EXPECT_FALSE(raise_action(a, kOwner));
}

}  // namespace
}  // namespace hs::actions::permissions
