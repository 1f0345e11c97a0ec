#include "modules/decisions/rules/settings.hpp"

#include <gtest/gtest.h>

#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/quorum.hpp"

namespace hs::decisions {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

Settings valid() {
  Settings s;
  s.method = Method::majority;
  s.closes_at = kNow + 86400;
  s.quorum_percent = 25;
  s.threshold = Threshold::two_thirds;
  return s;
}

std::vector<std::string> field_keys(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

TEST(DecisionSettings, ValidSettingsPass) { EXPECT_TRUE(validate_settings(valid(), kNow)); }

TEST(DecisionSettings, ClosingTimeMustBeAheadButNotTooFar) {
  auto s = valid();
  s.closes_at = kNow;
  auto past = validate_settings(s, kNow);
  ASSERT_FALSE(past);
  EXPECT_EQ(field_keys(past.error()), (std::vector<std::string>{"closes_at:decisions_settings_closes_past"}));
  s.closes_at = kNow + kClosesMaxAhead;
  EXPECT_TRUE(validate_settings(s, kNow));
  s.closes_at = kNow + kClosesMaxAhead + 1;
  auto far = validate_settings(s, kNow);
  ASSERT_FALSE(far);
  EXPECT_EQ(far.error().fields[0].message_key, keys::kClosesTooFar);
}

TEST(DecisionSettings, QuorumIsAShareFromZeroToHundred) {
  auto s = valid();
  for (int ok : {0, 1, 100}) {
    s.quorum_percent = ok;
    EXPECT_TRUE(validate_settings(s, kNow)) << ok;
  }
  for (int bad : {-1, 101}) {
    s.quorum_percent = bad;
    auto r = validate_settings(s, kNow);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(field_keys(r.error()), (std::vector<std::string>{"quorum:decisions_settings_quorum_range"}));
  }
  EXPECT_EQ(parse_quorum_percent("0"), 0);
  EXPECT_EQ(parse_quorum_percent("100"), 100);
  for (auto bad : {"", "101", "-1", "50%", "12.5", " 5", "x"}) EXPECT_FALSE(parse_quorum_percent(bad)) << bad;
}

TEST(DecisionSettings, DotVoteNeedsDotsPerPerson) {
  auto s = valid();
  s.method = Method::dot_vote;
  s.dots_per_person = 0;
  auto r = validate_settings(s, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].field, "dots");
  s.dots_per_person = 5;
  EXPECT_TRUE(validate_settings(s, kNow));
  s.dots_per_person = kDotsMax + 1;
  EXPECT_FALSE(validate_settings(s, kNow));
  EXPECT_EQ(parse_dots_per_person("3"), 3);
  EXPECT_FALSE(parse_dots_per_person("0"));
}

TEST(DecisionSettings, SeveralProblemsAreReportedTogether) {
  auto s = valid();
  s.closes_at = kNow - 1;
  s.quorum_percent = 200;
  auto r = validate_settings(s, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.size(), 2u);
}

TEST(DecisionSettings, AnonymityCannotBeSwitchedOffOnceOpen) {
  auto current = valid();
  current.anonymous = true;
  auto proposed = current;
  proposed.anonymous = false;
  auto r = check_settings_change(current, proposed, /*opened=*/true, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kAnonymityLocked);
  EXPECT_EQ(r.error().fields[0].field, "anonymous");
  // Even when other settings change in the same request, the anonymity refusal is given.
  proposed.quorum_percent = 0;
  EXPECT_EQ(check_settings_change(current, proposed, true, kNow).error().message_key, keys::kAnonymityLocked);
  // Before opening, a draft may still change its mind.
  EXPECT_TRUE(check_settings_change(current, proposed, /*opened=*/false, kNow));
}

TEST(DecisionSettings, EverythingIsFixedOnceOpen) {
  auto current = valid();
  EXPECT_TRUE(check_settings_change(current, current, true, kNow));
  auto later = current;
  later.closes_at += 86400;
  auto r = check_settings_change(current, later, true, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(r.error().message_key, keys::kSettingsLocked);
  auto lower = current;
  lower.threshold = Threshold::simple_majority;
  EXPECT_FALSE(check_settings_change(current, lower, true, kNow));
  auto anonymous = current;
  anonymous.anonymous = true;  // switching on after people voted by name cannot hide them either
  EXPECT_EQ(check_settings_change(current, anonymous, true, kNow).error().message_key, keys::kSettingsLocked);
  // Unopened changes are checked like new settings.
  auto bad = current;
  bad.quorum_percent = 101;
  EXPECT_FALSE(check_settings_change(current, bad, false, kNow));
}

TEST(DecisionSettings, ResultsVisibility) {
  auto s = valid();
  s.results = ResultsVisibility::after_close;
  EXPECT_FALSE(can_see_results(s, false, false));
  EXPECT_FALSE(can_see_results(s, true, false));
  EXPECT_TRUE(can_see_results(s, false, true));
  s.results = ResultsVisibility::after_voting;
  EXPECT_FALSE(can_see_results(s, false, false));
  EXPECT_TRUE(can_see_results(s, true, false));
  EXPECT_TRUE(can_see_results(s, false, true));
  EXPECT_EQ(parse_visibility("after_voting"), ResultsVisibility::after_voting);
  EXPECT_FALSE(parse_visibility("always"));
}

TEST(DecisionSettings, OpenUntilTheClosingSecond) {
  auto s = valid();
  EXPECT_TRUE(is_open(s, s.closes_at - 1));
  EXPECT_FALSE(is_open(s, s.closes_at));
  EXPECT_TRUE(check_open(s, s.closes_at - 1));
  auto r = check_open(s, s.closes_at);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kClosed);
}

TEST(DecisionQuorum, RequiredIsRoundedUp) {
  auto q = check_quorum({10, 25}, 2);  // 2.5 → 3
  EXPECT_EQ(q.required, 3);
  EXPECT_FALSE(q.met);
  EXPECT_TRUE(check_quorum({10, 25}, 3).met);
  EXPECT_EQ(check_quorum({3, 50}, 0).required, 2);      // 1.5 → 2
  EXPECT_EQ(check_quorum({7, 1}, 0).required, 1);       // 0.07 → 1: any quorum needs someone
  EXPECT_EQ(check_quorum({200, 50}, 0).required, 100);  // exact: no rounding
}

TEST(DecisionQuorum, EdgeCases) {
  EXPECT_TRUE(check_quorum({10, 0}, 0).met);  // 0 %: always met
  EXPECT_EQ(check_quorum({10, 0}, 0).required, 0);
  auto all = check_quorum({10, 100}, 9);
  EXPECT_EQ(all.required, 10);
  EXPECT_FALSE(all.met);
  EXPECT_TRUE(check_quorum({10, 100}, 10).met);
  EXPECT_TRUE(check_quorum({0, 50}, 0).met);  // nobody eligible: nothing required
  // Out-of-range percents are clamped, never trusted.
  EXPECT_EQ(check_quorum({10, 250}, 0).required, 10);
  EXPECT_EQ(check_quorum({10, -5}, 0).required, 0);
  EXPECT_EQ(check_quorum({10, 50}, 7).turnout, 7);
  EXPECT_EQ(electorate(valid(), 12).quorum_percent, 25);
}

}  // namespace
}  // namespace hs::decisions
