// The accounts rules: password policy, timeouts, links, next paths, emails, devices.
#include <gtest/gtest.h>

#include "core/embedded.hpp"
#include "modules/accounts/rules/device_label.hpp"
#include "modules/accounts/rules/email.hpp"
#include "modules/accounts/rules/next_path.hpp"
#include "modules/accounts/rules/password_policy.hpp"
#include "modules/accounts/rules/profile_fields.hpp"
#include "modules/accounts/rules/relative_time.hpp"
#include "modules/accounts/rules/session_policy.hpp"

namespace hs::accounts::rules {

namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::unordered_set<std::string>& shipped() {
  static const auto list = parse_password_list(embedded::get("resources/common-passwords.txt"));
  return list;
}

std::optional<std::string> check(std::string_view pw) {
  return password_problem(pw, "wren.aldous@example.org", "Wren Aldous", shipped());
}

}  // namespace

TEST(PasswordPolicy, LengthIsCountedInCodePointsNotBytes) {
  EXPECT_EQ(check(repeat("\xC3\xBC", 7)), "accounts_password_too_short");  // 7 x "ü": 14 bytes
  EXPECT_EQ(check(repeat("\xC3\xBC", 8)), std::nullopt);
  EXPECT_EQ(check(repeat("\xF0\x9F\x8C\xBB", 8)), std::nullopt);    // 8 sunflowers: 32 bytes
  EXPECT_EQ(check(repeat("\xF0\x9F\x8C\xBB", 128)), std::nullopt);  // 512 bytes, still allowed
  EXPECT_EQ(check(repeat("\xF0\x9F\x8C\xBB", 129)), "accounts_password_too_long");
  EXPECT_EQ(check("seven77"), "accounts_password_too_short");
  EXPECT_EQ(check("plum kite"), std::nullopt);
  EXPECT_EQ(check(repeat("a1b2", 16)), std::nullopt);  // 64 must be allowed
  EXPECT_EQ(check(repeat("x", 128)), std::nullopt);
  EXPECT_EQ(check(repeat("x", 129)), "accounts_password_too_long");
  EXPECT_EQ(check(""), "accounts_password_too_short");
}

TEST(PasswordPolicy, NoCompositionRules) {
  EXPECT_EQ(check("all lower case words"), std::nullopt);
  EXPECT_EQ(check("98765432109"), std::nullopt);
}

TEST(PasswordPolicy, RefusesTheShippedCommonListWhateverTheCase) {
  ASSERT_GT(shipped().size(), 500u);
  EXPECT_TRUE(shipped().contains("password"));
  EXPECT_EQ(check("password"), "accounts_password_common");
  EXPECT_EQ(check("PassWord"), "accounts_password_common");
  EXPECT_EQ(check("12345678"), "accounts_password_common");
  EXPECT_EQ(check("QWERTYUIOP"), "accounts_password_common");
}

TEST(PasswordPolicy, RefusesTheOwnEmailOrName) {
  EXPECT_EQ(check("wren.aldous@example.org"), "accounts_password_personal");
  EXPECT_EQ(check("WREN.ALDOUS@EXAMPLE.ORG"), "accounts_password_personal");
  EXPECT_EQ(check("wren.aldous"), "accounts_password_personal");
  EXPECT_EQ(check("wren aldous"), "accounts_password_personal");
  EXPECT_EQ(check("wren aldous 1"), std::nullopt);
}

TEST(PasswordPolicy, ListParsingSkipsCommentsAndBlanks) {
  auto list = parse_password_list("# a comment\n\nHunter22\r\n  dragonfly  \n");
  EXPECT_EQ(list.size(), 2u);
  EXPECT_TRUE(list.contains("hunter22"));
  EXPECT_TRUE(list.contains("dragonfly"));
}

TEST(SessionPolicy, StandardSessionsAreThirtyMinutesIdleAndTwelveHours) {
  auto t = timeouts_for(false, false);
  EXPECT_EQ(t.idle, 30 * 60);
  EXPECT_EQ(t.absolute, 12 * 3600);
  EXPECT_FALSE(session_expired(0, 0, 30 * 60 - 1, t));
  EXPECT_TRUE(session_expired(0, 0, 30 * 60, t));
  // Busy all day is still signed out after twelve hours.
  EXPECT_FALSE(session_expired(0, 12 * 3600 - 10, 12 * 3600 - 1, t));
  EXPECT_TRUE(session_expired(0, 12 * 3600 - 10, 12 * 3600, t));
}

TEST(SessionPolicy, KeepMeSignedInGivesFourteenDaysIdleAndThirtyInAll) {
  auto t = timeouts_for(true, false);
  EXPECT_EQ(t.idle, 14 * 86400);
  EXPECT_EQ(t.absolute, 30 * 86400);
  EXPECT_FALSE(session_expired(0, 0, 13 * 86400, t));
  EXPECT_TRUE(session_expired(0, 0, 14 * 86400, t));
  EXPECT_TRUE(session_expired(0, 29 * 86400, 30 * 86400, t));
  EXPECT_EQ(cookie_max_age(true, false), 30 * 86400);
  EXPECT_EQ(cookie_max_age(false, false), 0);
}

TEST(SessionPolicy, ElevatedRolesAlwaysGetTheShortTimeouts) {
  auto t = timeouts_for(true, true);
  EXPECT_EQ(t.idle, 30 * 60);
  EXPECT_EQ(t.absolute, 12 * 3600);
  EXPECT_TRUE(session_expired(0, 0, 31 * 60, t));
  EXPECT_EQ(cookie_max_age(true, true), 0);
  EXPECT_EQ(timeouts_for(false, true).idle, 30 * 60);
}

TEST(SessionPolicy, LastSeenIsWrittenAtMostOnceAMinute) {
  EXPECT_FALSE(due_for_touch(1000, 1000));
  EXPECT_FALSE(due_for_touch(1000, 1059));
  EXPECT_TRUE(due_for_touch(1000, 1060));
}

TEST(LinkPolicy, LifetimesAndExpiry) {
  EXPECT_EQ(link_lifetime(LinkPurpose::sign_in), 15 * 60);
  EXPECT_EQ(link_lifetime(LinkPurpose::reset_password), 3600);
  EXPECT_EQ(link_lifetime(LinkPurpose::verify_email), 24 * 3600);
  EXPECT_EQ(link_lifetime(LinkPurpose::change_email), 24 * 3600);
  std::int64_t issued = 5000;
  auto expires = issued + link_lifetime(LinkPurpose::sign_in);
  EXPECT_TRUE(link_usable(expires, issued));
  EXPECT_TRUE(link_usable(expires, issued + 15 * 60 - 1));
  EXPECT_FALSE(link_usable(expires, issued + 15 * 60));
  EXPECT_FALSE(link_usable(expires, issued + 3600));
}

TEST(NextPath, OnlyPathsOnThisSite) {
  EXPECT_EQ(after_signin(""), "/spaces");
  EXPECT_EQ(after_signin("/account/profile"), "/account/profile");
  EXPECT_EQ(after_signin("/spaces/riverside?tab=events#x"), "/spaces/riverside?tab=events#x");
  EXPECT_EQ(after_signin("/"), "/");
  EXPECT_EQ(after_signin("//evil.example/"), "/");
  EXPECT_EQ(after_signin("/\\evil.example"), "/");
  EXPECT_EQ(after_signin("https://evil.example/"), "/");
  EXPECT_EQ(after_signin("javascript:alert(1)"), "/");
  EXPECT_EQ(after_signin("account"), "/");
  EXPECT_EQ(after_signin("/a\r\nSet-Cookie: x=y"), "/");
  EXPECT_EQ(after_signin("/a\\b"), "/");
  EXPECT_FALSE(is_local_path(""));
}

TEST(Email, NormalisedByTrimmingAndLowerCase) {
  EXPECT_EQ(normalise_email("  Nell.Quarry@Example.ORG \t"), "nell.quarry@example.org");
  EXPECT_EQ(normalise_email("a@b.co"), "a@b.co");
  EXPECT_EQ(normalise_email("   "), "");
}

TEST(Email, LooseCheckCatchesSlips) {
  EXPECT_TRUE(email_looks_valid("nell@example.org"));
  EXPECT_TRUE(email_looks_valid("nell+forum@mail.example.co.uk"));
  EXPECT_FALSE(email_looks_valid(""));
  EXPECT_FALSE(email_looks_valid("nell"));
  EXPECT_FALSE(email_looks_valid("nell@example"));
  EXPECT_FALSE(email_looks_valid("@example.org"));
  EXPECT_FALSE(email_looks_valid("nell@@example.org"));
  EXPECT_FALSE(email_looks_valid("nell @example.org"));
  EXPECT_FALSE(email_looks_valid("nell@example.org."));
  EXPECT_FALSE(email_looks_valid("nell@example..org"));
  EXPECT_FALSE(email_looks_valid("a@b.org\nBcc: x@y.org"));
  EXPECT_FALSE(email_looks_valid("<nell@example.org>"));
  EXPECT_FALSE(email_looks_valid(std::string(250, 'a') + "@e.org"));
}

TEST(DeviceLabel, CoarseBrowserAndSystem) {
  auto d = device_from_user_agent(
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile "
      "Safari/537.36");
  EXPECT_EQ(d.browser, "Chrome");
  EXPECT_EQ(d.system, "Android");
  d = device_from_user_agent(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
      "Mobile/15E148 Safari/604.1");
  EXPECT_EQ(d.browser, "Safari");
  EXPECT_EQ(d.system, "iPhone");
  d = device_from_user_agent(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
      "Safari/537.36 Edg/126.0.0.0");
  EXPECT_EQ(d.browser, "Edge");
  EXPECT_EQ(d.system, "Windows");
  d = device_from_user_agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0");
  EXPECT_EQ(d.browser, "Firefox");
  EXPECT_EQ(d.system, "macOS");
  d = device_from_user_agent(
      "Mozilla/5.0 (Linux; Android 13; SM-A145R) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 "
      "Chrome/115.0.0.0 Mobile Safari/537.36");
  EXPECT_EQ(d.browser, "Samsung Internet");
  EXPECT_EQ(d.system, "Android");
  d = device_from_user_agent("curl/8.0");
  EXPECT_EQ(d.browser, "");
  EXPECT_EQ(d.system, "");
  d = device_from_user_agent("");
  EXPECT_EQ(d.browser, "");
}

TEST(ProfileFields, Limits) {
  EXPECT_EQ(display_name_problem(""), "accounts_name_missing");
  EXPECT_EQ(display_name_problem("Nell"), std::nullopt);
  EXPECT_EQ(display_name_problem(repeat("\xC3\xA9", 50)), std::nullopt);
  EXPECT_EQ(display_name_problem(repeat("e", 51)), "accounts_name_too_long");
  EXPECT_EQ(display_name_problem("Ne\x01ll"), "accounts_name_invalid");
  EXPECT_EQ(pronouns_problem(""), std::nullopt);
  EXPECT_EQ(pronouns_problem(repeat("x", 31)), "accounts_pronouns_too_long");
  EXPECT_EQ(access_needs_problem("Breaks every hour\nLarge print"), std::nullopt);
  EXPECT_EQ(access_needs_problem(repeat("x", 2001)), "accounts_access_needs_too_long");
}

TEST(RelativeTime, LargestWholeUnit) {
  EXPECT_EQ(ago(1000, 1030).unit, TimeUnit::just_now);
  EXPECT_EQ(ago(1000, 900).unit, TimeUnit::just_now);  // clocks disagree: never "in the future"
  auto a = ago(0, 5 * 60 + 59);
  EXPECT_EQ(a.unit, TimeUnit::minutes);
  EXPECT_EQ(a.count, 5);
  a = ago(0, 2 * 3600);
  EXPECT_EQ(a.unit, TimeUnit::hours);
  EXPECT_EQ(a.count, 2);
  a = ago(0, 3 * 86400 + 5);
  EXPECT_EQ(a.unit, TimeUnit::days);
  EXPECT_EQ(a.count, 3);
}

}  // namespace hs::accounts::rules
