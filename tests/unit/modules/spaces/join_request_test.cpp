#include "modules/spaces/rules/join_request.hpp"

#include <gtest/gtest.h>

#include "modules/spaces/rules/membership.hpp"

namespace hs::spaces {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;

TEST(SpacesJoinRequest, WhoMayAsk) {
  EXPECT_TRUE(check_may_request(Role::none, std::nullopt, kNow));
  auto member = check_may_request(Role::member, std::nullopt, kNow);
  ASSERT_FALSE(member);
  EXPECT_EQ(member.error().message_key, "spaces_already_member");
  auto pending = check_may_request(Role::none, LastRequest{RequestStatus::pending, 0}, kNow);
  ASSERT_FALSE(pending);
  EXPECT_EQ(pending.error().message_key, "spaces_request_already_pending");
  // Approved, then left: may ask to come back.
  EXPECT_TRUE(check_may_request(Role::none, LastRequest{RequestStatus::approved, kNow - 10}, kNow));
}

TEST(SpacesJoinRequest, AfterANoWaitAWeek) {
  auto soon = check_may_request(Role::none, LastRequest{RequestStatus::declined, kNow - kAskAgainAfter + 1}, kNow);
  ASSERT_FALSE(soon);
  EXPECT_EQ(soon.error().message_key, "spaces_request_ask_again_later");
  EXPECT_TRUE(check_may_request(Role::none, LastRequest{RequestStatus::declined, kNow - kAskAgainAfter}, kNow));
}

TEST(SpacesJoinRequest, MessageAndCode) {
  EXPECT_TRUE(validate_request("", true));
  EXPECT_TRUE(validate_request("Hello,\r\nI care for my dad.", true));
  auto no_code = validate_request("hi", false);
  ASSERT_FALSE(no_code);
  ASSERT_EQ(no_code.error().fields.size(), 1u);
  EXPECT_EQ(no_code.error().fields[0].field, "accept_code");
  EXPECT_FALSE(validate_request(std::string(kRequestMessageMax + 1, 'a'), true));
  // Length counts characters, not bytes.
  std::string accents;
  for (std::size_t i = 0; i < kRequestMessageMax; ++i) accents += "\xC3\xA9";
  EXPECT_TRUE(validate_request(accents, true));
  EXPECT_FALSE(validate_request("bell\a", true));
  EXPECT_FALSE(validate_request("\xFF", true));
}

TEST(SpacesJoinRequest, OnlyPendingCanBeDecided) {
  EXPECT_EQ(decide_request(RequestStatus::pending, true), RequestStatus::approved);
  EXPECT_EQ(decide_request(RequestStatus::pending, false), RequestStatus::declined);
  for (auto s : {RequestStatus::approved, RequestStatus::declined})
    for (bool approve : {true, false}) {
      auto r = decide_request(s, approve);
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::conflict);
    }
}

TEST(SpacesJoinRequest, StatusSpelling) {
  for (auto s : {RequestStatus::pending, RequestStatus::approved, RequestStatus::declined})
    EXPECT_EQ(parse_request_status(to_string(s)), s);
  EXPECT_FALSE(parse_request_status("maybe"));
}

TEST(SpacesMembership, TheOnlyStewardStays) {
  auto alone = check_may_leave(Role::steward, 1);
  ASSERT_FALSE(alone);
  EXPECT_EQ(alone.error().message_key, "spaces_only_steward_cannot_leave");
  EXPECT_TRUE(check_may_leave(Role::steward, 2));
  EXPECT_TRUE(check_may_leave(Role::member, 1));
  EXPECT_TRUE(check_may_leave(Role::auditor, 1));
  EXPECT_FALSE(check_may_leave(Role::none, 3));

  EXPECT_FALSE(check_role_change(Role::steward, Role::member, 1));
  EXPECT_TRUE(check_role_change(Role::steward, Role::member, 2));
  EXPECT_TRUE(check_role_change(Role::steward, Role::steward, 1));
  EXPECT_TRUE(check_role_change(Role::member, Role::steward, 1));
  EXPECT_FALSE(check_role_change(Role::member, Role::none, 1));
}

}  // namespace
}  // namespace hs::spaces
