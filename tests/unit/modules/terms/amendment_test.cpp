// What an amendment must hold, one amendment at a time, review dates, and who may read
// and propose (the role × action table).
#include "modules/terms/rules/amendment.hpp"

#include <gtest/gtest.h>

#include "modules/terms/permissions.hpp"

namespace hs::terms {

namespace {

constexpr std::int64_t kNow = 1'900'000'000;  // 2030-03-17 UTC

bool has_field(const Error& e, const std::string& field, const std::string& key) {
  for (const auto& f : e.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

TEST(Amendment, AGoodAmendment) {
  auto a =
      validate_amendment("  ## Purpose\n\nTo listen.  ", " Shorter purpose ", "1", "4", "2031", std::nullopt, kNow);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->body, "## Purpose\n\nTo listen.");
  EXPECT_EQ(a->summary, "Shorter purpose");
  EXPECT_EQ(a->review_on, "2031-04-01");
}

TEST(Amendment, EveryProblemBesideItsField) {
  auto a = validate_amendment("", "", "31", "2", "2031", std::nullopt, kNow);
  ASSERT_FALSE(a.has_value());
  EXPECT_TRUE(has_field(a.error(), "body", "terms_body_required"));
  EXPECT_TRUE(has_field(a.error(), "summary", "terms_summary_required"));
  EXPECT_TRUE(has_field(a.error(), "review", "terms_review_invalid"));

  a = validate_amendment("Text", std::string(301, 's'), "16", "3", "2030", std::nullopt, kNow);
  EXPECT_TRUE(has_field(a.error(), "summary", "terms_summary_too_long"));
  EXPECT_TRUE(has_field(a.error(), "review", "terms_review_past"));

  a = validate_amendment("Text", "Why", "18", "3", "2035", std::nullopt, kNow);
  EXPECT_TRUE(has_field(a.error(), "review", "terms_review_too_far"));
  EXPECT_TRUE(validate_amendment("Text", "Why", "17", "3", "2035", std::nullopt, kNow).has_value());
  EXPECT_TRUE(validate_amendment("Text", "Why", "17", "3", "2030", std::nullopt, kNow).has_value());  // today

  a = validate_amendment(std::string(kBodyMax + 1, 'x'), "Why", "1", "1", "2031", std::nullopt, kNow);
  EXPECT_TRUE(has_field(a.error(), "body", "terms_body_too_long"));
  a = validate_amendment("Bad \x01 text", "Why", "1", "1", "2031", std::nullopt, kNow);
  EXPECT_TRUE(has_field(a.error(), "body", "terms_body_invalid"));
}

TEST(Amendment, TheSameTextIsNoAmendment) {
  std::optional<std::string> current = "## Purpose\n\nTo listen.\n";
  auto a = validate_amendment("## Purpose   \r\n\r\nTo listen.", "Nothing", "1", "1", "2031", current, kNow);
  ASSERT_FALSE(a.has_value());
  EXPECT_TRUE(has_field(a.error(), "body", "terms_body_unchanged"));
  EXPECT_TRUE(validate_amendment("## Purpose\n\nTo listen well.", "Better", "1", "1", "2031", current, kNow));
}

TEST(Amendment, OneAtATime) {
  EXPECT_TRUE(check_may_propose(false).has_value());
  auto r = check_may_propose(true);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(r.error().message_key, "terms_amendment_open");
}

TEST(Amendment, DecidedStatusesAndReviewDates) {
  EXPECT_EQ(decided(true), Status::current);
  EXPECT_EQ(decided(false), Status::not_adopted);
  EXPECT_EQ(parse_status("superseded"), Status::superseded);
  EXPECT_FALSE(parse_status("draft"));
  EXPECT_EQ(iso_day(kNow), "2030-03-17");
  EXPECT_TRUE(review_due("2030-03-17", kNow));
  EXPECT_TRUE(review_due("2029-12-01", kNow));
  EXPECT_FALSE(review_due("2030-03-18", kNow));
  EXPECT_FALSE(review_due("", kNow));
}

TEST(Amendment, ReviewDayMustBeOnTheCalendar) {
  EXPECT_EQ(iso_day("29", "2", "2032"), "2032-02-29");
  EXPECT_EQ(iso_day(" 7 ", "03", "2031"), "2031-03-07");
  EXPECT_FALSE(iso_day("29", "2", "2031"));
  EXPECT_FALSE(iso_day("31", "4", "2031"));
  EXPECT_FALSE(iso_day("1", "13", "2031"));
  EXPECT_FALSE(iso_day("0", "1", "2031"));
  EXPECT_FALSE(iso_day("1", "1", "1969"));
  EXPECT_FALSE(iso_day("1", "1", "10000"));
  EXPECT_FALSE(iso_day("one", "1", "2031"));
}

TEST(TermsPermissions, RoleByActionTable) {
  using spaces::Role;
  struct Row {
    Role role;
    bool view, propose;
  };
  for (auto [role, view, propose] :
       {Row{Role::none, false, false}, Row{Role::member, true, true}, Row{Role::facilitator, true, true},
        Row{Role::auditor, true, false}, Row{Role::steward, true, true}, Row{Role::partner, false, false}}) {
    spaces::Subject s;
    s.signed_in = true;
    s.role = role;
    EXPECT_EQ(permissions::view_terms(s), view) << spaces::to_string(role);
    EXPECT_EQ(permissions::propose_amendment(s), propose) << spaces::to_string(role);
    s.signed_in = false;
    EXPECT_FALSE(permissions::view_terms(s));
    EXPECT_FALSE(permissions::propose_amendment(s));
  }
}

}  // namespace

}  // namespace hs::terms
