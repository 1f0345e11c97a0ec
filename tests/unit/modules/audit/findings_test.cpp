#include <gtest/gtest.h>

#include "modules/audit/permissions.hpp"
#include "modules/audit/rules/finding.hpp"

namespace hs::audit {
namespace {

TEST(AuditFindingPermissions, Table) {
  using spaces::Role;
  struct Row {
    Role role;
    bool verify;
    bool record;
    bool view;
  };
  const Row rows[] = {{Role::none, false, false, false},
                      {Role::member, false, false, true},
                      {Role::facilitator, false, false, true},
                      {Role::auditor, true, true, true},
                      {Role::steward, true, false, true}};
  for (const auto& r : rows) {
    spaces::Subject s;
    s.signed_in = true;
    s.role = r.role;
    EXPECT_EQ(permissions::run_verification(s), r.verify);
    EXPECT_EQ(permissions::record_finding(s), r.record);
    EXPECT_EQ(permissions::view_findings(s), r.view);
    s.signed_in = false;
    EXPECT_FALSE(permissions::run_verification(s));
    EXPECT_FALSE(permissions::record_finding(s));
  }
}

TEST(AuditFindingRules, ChecksFields) {
  EXPECT_TRUE(rules::check_finding({"Title", "Text", "no_concerns"}));
  auto r = rules::check_finding({"", std::string(2001, 'a'), "great"});
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].message_key, "audit_finding_title_missing");
  EXPECT_EQ(r.error().fields[1].message_key, "audit_finding_body_long");
  EXPECT_EQ(r.error().fields[2].message_key, "audit_finding_outcome_missing");
  EXPECT_EQ(rules::finding_digest("a", "b"), rules::finding_digest("a", "b"));
  EXPECT_NE(rules::finding_digest("ab", ""), rules::finding_digest("a", "b"));
}

}  // namespace
}  // namespace hs::audit
