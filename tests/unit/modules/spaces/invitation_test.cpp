#include "modules/spaces/rules/invitation.hpp"

#include <gtest/gtest.h>

namespace hs::spaces {
namespace {

constexpr std::int64_t kMade = 1'700'000'000;

TEST(SpacesInvitation, ExpiresAfterTheChosenDays) {
  auto expires = invitation_expires_at(kMade, kInvitationDefaultDays);
  EXPECT_EQ(expires, kMade + 7 * 86400);
  EXPECT_EQ(invitation_state(kMade, expires, std::nullopt), InvitationState::valid);
  EXPECT_EQ(invitation_state(expires - 1, expires, std::nullopt), InvitationState::valid);
  EXPECT_EQ(invitation_state(expires, expires, std::nullopt), InvitationState::expired);
  EXPECT_EQ(invitation_state(expires + 86400, expires, std::nullopt), InvitationState::expired);
}

TEST(SpacesInvitation, SingleUse) {
  auto expires = invitation_expires_at(kMade, 7);
  EXPECT_EQ(invitation_state(kMade + 10, expires, kMade + 5), InvitationState::used);
  // Used stays used, whatever the time.
  EXPECT_EQ(invitation_state(expires + 10, expires, kMade + 5), InvitationState::used);
}

TEST(SpacesInvitation, DaysChoice) {
  EXPECT_EQ(parse_invitation_days(""), kInvitationDefaultDays);
  EXPECT_EQ(parse_invitation_days("1"), 1);
  EXPECT_EQ(parse_invitation_days("30"), 30);
  for (auto bad : {"0", "31", "-1", "7 days", "x", "1.5", "99999999999999999999"}) {
    auto r = parse_invitation_days(bad);
    ASSERT_FALSE(r) << bad;
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "days");
  }
}

TEST(SpacesInvitation, AddressCheckIsLoose) {
  EXPECT_TRUE(address_looks_valid("sam@example.org"));
  EXPECT_TRUE(address_looks_valid("o'neill+spaces@mail.example.co.uk"));
  EXPECT_FALSE(address_looks_valid("sam@example"));
  EXPECT_FALSE(address_looks_valid("sam example@example.org"));
  EXPECT_FALSE(address_looks_valid("@example.org"));
  EXPECT_FALSE(address_looks_valid("sam@@example.org"));
  EXPECT_FALSE(address_looks_valid("sam@example.org\r\nBcc: x@y.z"));
}

}  // namespace
}  // namespace hs::spaces
