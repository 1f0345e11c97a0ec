// Who may do what with decisions, role by role: the whole table, so that a change to
// any one permission shows up here.
#include "modules/decisions/permissions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "modules/decisions/module.hpp"

namespace hs::decisions::permissions {

namespace {

using spaces::Role;

spaces::Subject who(Role role, bool signed_in = true) {
  spaces::Subject s;
  s.signed_in = signed_in;
  s.role = role;
  s.visibility = spaces::Visibility::listed;
  return s;
}

Settings named_after_close() {
  Settings s;
  s.results = ResultsVisibility::after_close;
  return s;
}

TEST(DecisionPermissions, RoleByActionTable) {
  struct Row {
    bool view, open, vote, close_others, close_own, results_closed, export_closed, names;
  };
  const std::map<Role, Row> expected = {
      //                  view   open   vote   close  own    results export names
      {Role::none, {false, false, false, false, false, false, false, false}},
      {Role::member, {true, true, true, false, true, true, true, true}},
      {Role::facilitator, {true, true, true, true, true, true, true, true}},
      {Role::auditor, {true, false, false, false, false, true, true, true}},
      {Role::steward, {true, true, true, false, true, true, true, true}},
      // A partner answers for an organisation: like someone outside the space here.
      {Role::partner, {false, false, false, false, false, false, false, false}},
  };
  const Settings s = named_after_close();
  for (const auto& [role, row] : expected) {
    SCOPED_TRACE(std::string(spaces::to_string(role)));
    auto sub = who(role);
    EXPECT_EQ(view_decisions(sub), row.view);
    EXPECT_EQ(open_proposal(sub), row.open);
    EXPECT_EQ(vote(sub), row.vote);
    EXPECT_EQ(close_proposal(sub, false), row.close_others);
    EXPECT_EQ(close_proposal(sub, true), row.close_own);
    EXPECT_EQ(view_results(sub, s, false, true), row.results_closed);
    EXPECT_EQ(export_results(sub, s, false, true), row.export_closed);
    EXPECT_EQ(view_names(sub, s), row.names);
  }
}

TEST(DecisionPermissions, SignedOutMayDoNothingWhateverTheRole) {
  for (auto role : {Role::none, Role::member, Role::facilitator, Role::auditor, Role::steward}) {
    auto sub = who(role, false);
    EXPECT_FALSE(view_decisions(sub));
    EXPECT_FALSE(open_proposal(sub));
    EXPECT_FALSE(vote(sub));
    EXPECT_FALSE(close_proposal(sub, true));
    EXPECT_FALSE(view_results(sub, named_after_close(), true, true));
  }
}

TEST(DecisionPermissions, ResultsFollowTheSettingsWhileOpen) {
  Settings s;
  s.results = ResultsVisibility::after_close;
  EXPECT_FALSE(view_results(who(Role::facilitator), s, true, false));
  s.results = ResultsVisibility::after_voting;
  EXPECT_FALSE(view_results(who(Role::member), s, false, false));
  EXPECT_TRUE(view_results(who(Role::member), s, true, false));
}

TEST(DecisionPermissions, NobodySeesNamesInAnAnonymousPoll) {
  Settings s;
  s.anonymous = true;
  for (auto role : {Role::member, Role::facilitator, Role::auditor, Role::steward})
    EXPECT_FALSE(view_names(who(role), s));
}

TEST(DecisionPermissions, EveryVotingRoleCountsOnceAndAuditorsNotAtAll) {
  EXPECT_TRUE(votes(Role::member));
  EXPECT_TRUE(votes(Role::facilitator));
  EXPECT_TRUE(votes(Role::steward));
  EXPECT_FALSE(votes(Role::auditor));
  EXPECT_FALSE(votes(Role::partner));
  EXPECT_FALSE(votes(Role::none));
  EXPECT_FALSE(may_vote(Role::partner));
}

}  // namespace

}  // namespace hs::decisions::permissions
