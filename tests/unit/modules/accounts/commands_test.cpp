// The accounts use cases on a real SQLite store with a clock the test moves: link
// expiry, session timeouts (kept, elevated), last-seen writes, erasure and export.
#include "modules/accounts/commands/commands.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "../../support/sqlite_app.hpp"
#include "core/crypto.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "services/rate_limit.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::accounts::commands {

namespace {

// The token at the end of the first link in the newest email with the given path.
std::string token_in(const mail::Email& e, const std::string& path) {
  auto at = e.body.find(path);
  if (at == std::string::npos) return {};
  auto start = at + path.size();
  auto end = e.body.find_first_of(" \r\n", start);
  return e.body.substr(start, end - start);
}

class AccountsCommands : public test_support::SqliteApp {
 protected:
  std::int64_t member(const std::string& email, const std::string& password = "quiet harbour lamp") {
    auto id = add_verified_user(app_, email, "Nell Quarry", password);
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  SignedIn sign_in(const std::string& email, bool keep = false, const std::string& password = "quiet harbour lamp") {
    auto r = sign_in_with_password(app_, who_, {email, password, "", keep}, std::nullopt);
    EXPECT_TRUE(r.has_value());
    return r.value_or(SignedIn{});
  }
  bool alive(const std::string& token) { return resolve_session(app_, token).has_value(); }

  Requester who_{"192.0.2.7", "https://forum.example.org", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"};
};

}  // namespace

TEST_F(AccountsCommands, SignInLinkExpiresAfterFifteenMinutesAndWorksOnce) {
  member("nell@example.org");
  ASSERT_TRUE(request_sign_in_link(app_, who_, "Nell@Example.org", "/account/data"));
  ASSERT_EQ(mailer_.sent.size(), 1u);
  auto token = token_in(mailer_.sent.back(), "https://forum.example.org/signin/link/");
  ASSERT_FALSE(token.empty());
  clock_.advance(15 * 60 - 1);
  EXPECT_TRUE(link_usable(app_, LinkKind::sign_in, token));
  auto r = use_sign_in_link(app_, who_, token, false, std::nullopt);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->next, "/account/data");
  EXPECT_FALSE(use_sign_in_link(app_, who_, token, false, std::nullopt).has_value());

  ASSERT_TRUE(request_sign_in_link(app_, who_, "nell@example.org", ""));
  auto late = token_in(mailer_.sent.back(), "https://forum.example.org/signin/link/");
  clock_.advance(15 * 60);
  EXPECT_FALSE(link_usable(app_, LinkKind::sign_in, late));
  auto expired = use_sign_in_link(app_, who_, late, false, std::nullopt);
  ASSERT_FALSE(expired.has_value());
  EXPECT_EQ(expired.error().code, ErrorCode::not_found);
}

TEST_F(AccountsCommands, ASignInLinkToAnUnverifiedAccountDropsThePasswordSetAtSignUp) {
  // Someone signs up with another person's address and a password of their own...
  ASSERT_TRUE(sign_up(app_, who_, {"nell@example.org", "Not Nell", "squatter's own phrase", ""}));
  // ...the owner of the inbox signs in by link instead of opening the verification.
  ASSERT_TRUE(request_sign_in_link(app_, who_, "nell@example.org", ""));
  auto token = token_in(mailer_.sent.back(), "https://forum.example.org/signin/link/");
  ASSERT_TRUE(use_sign_in_link(app_, who_, token, false, std::nullopt).has_value());
  auto r = sign_in_with_password(app_, who_, {"nell@example.org", "squatter's own phrase", "", false}, std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).message_key, "accounts_signin_failed");
}

TEST_F(AccountsCommands, ResetLinkLastsAnHour) {
  member("nell@example.org");
  ASSERT_TRUE(request_password_reset(app_, who_, "nell@example.org"));
  auto token = token_in(mailer_.sent.back(), "https://forum.example.org/reset/");
  clock_.advance(3600);
  auto r = reset_password(app_, who_, token, "a brand new phrase", std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
}

TEST_F(AccountsCommands, UnknownAddressesGetANoteAndNoLink) {
  ASSERT_TRUE(request_sign_in_link(app_, who_, "stranger@example.org", ""));
  ASSERT_EQ(mailer_.sent.size(), 1u);
  EXPECT_EQ(mailer_.sent[0].to, "stranger@example.org");
  EXPECT_EQ(mailer_.sent[0].body.find("/signin/link/"), std::string::npos);
}

TEST_F(AccountsCommands, EmailsPerAccountAreLimitedToThreeInFifteenMinutes) {
  member("nell@example.org");
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(request_sign_in_link(app_, who_, "nell@example.org", ""));
  EXPECT_EQ(mailer_.sent.size(), 3u);
  clock_.advance(5 * 60);
  ASSERT_TRUE(request_sign_in_link(app_, who_, "nell@example.org", ""));
  EXPECT_EQ(mailer_.sent.size(), 4u);
}

TEST_F(AccountsCommands, StandardSessionEndsAfterThirtyIdleMinutesOrTwelveHours) {
  member("nell@example.org");
  auto s = sign_in("nell@example.org");
  clock_.advance(29 * 60);
  EXPECT_TRUE(alive(s.token));
  clock_.advance(29 * 60);  // activity above moved the idle window
  EXPECT_TRUE(alive(s.token));
  clock_.advance(30 * 60);
  EXPECT_FALSE(alive(s.token));
  clock_.advance(-30 * 60);
  EXPECT_FALSE(alive(s.token)) << "an expired session is deleted, not just refused";

  auto busy = sign_in("nell@example.org");
  for (int i = 0; i < 35; ++i) {
    clock_.advance(20 * 60);
    EXPECT_EQ(alive(busy.token), (i + 1) * 20 * 60 < 12 * 3600) << i;
  }
}

TEST_F(AccountsCommands, KeptSessionLastsDaysUnlessThePersonHoldsAnElevatedRole) {
  member("nell@example.org");
  bool elevated_now = false;
  app_.holds_elevated_role = [&](std::int64_t) { return elevated_now; };
  auto kept = sign_in("nell@example.org", true);
  clock_.advance(13 * 86400);
  EXPECT_TRUE(alive(kept.token));

  auto facilitator = sign_in("nell@example.org", true);
  elevated_now = true;
  clock_.advance(31 * 60);
  EXPECT_FALSE(alive(facilitator.token));
  EXPECT_FALSE(alive(kept.token));

  // An empty holds_elevated_role counts as not elevated; a site steward always is.
  app_.holds_elevated_role = nullptr;
  auto again = sign_in("nell@example.org", true);
  clock_.advance(2 * 3600);
  EXPECT_TRUE(alive(again.token));
  ASSERT_TRUE(set_site_role(app_, "nell@example.org", "steward"));
  auto steward = sign_in("nell@example.org", true);
  EXPECT_TRUE(steward.site_steward);
  clock_.advance(31 * 60);
  EXPECT_FALSE(alive(steward.token));
}

TEST_F(AccountsCommands, LastSeenIsWrittenAtMostOnceAMinute) {
  auto id = member("nell@example.org");
  auto s = sign_in("nell@example.org");
  auto seen = [&] { return live_sessions(app_, id).at(0).last_seen_at; };
  auto start = seen();
  clock_.advance(30);
  ASSERT_TRUE(alive(s.token));
  EXPECT_EQ(seen(), start);
  clock_.advance(30);
  ASSERT_TRUE(alive(s.token));
  EXPECT_EQ(seen(), start + 60);
}

TEST_F(AccountsCommands, SessionsKeepACoarseDeviceOnly) {
  auto id = member("nell@example.org");
  sign_in("nell@example.org");
  auto sessions = live_sessions(app_, id);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].browser, "Firefox");
  EXPECT_EQ(sessions[0].system, "Linux");
}

TEST_F(AccountsCommands, EmailIsStoredSealedAndFoundByKeyedHash) {
  auto id = member("Nell@Example.org");
  auto row = store_->with(
      [&](store::Conn& c) { return c.one("SELECT email_lookup, email_sealed FROM users WHERE id = ?", id); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0).find("nell"), std::string::npos);
  EXPECT_EQ(row->text(1).find("nell"), std::string::npos);
  EXPECT_EQ(find_user(app_, "  NELL@example.org "), id);
  auto email = store_->with([&](store::Conn& c) { return contact_email(app_, c, id); });
  EXPECT_EQ(email, "nell@example.org");
}

TEST_F(AccountsCommands, ErasureRunsEveryHookInOneTransactionAndFreesTheEmail) {
  auto id = member("nell@example.org");
  sign_in("nell@example.org");
  ASSERT_TRUE(update_profile(app_, who_, id, {"nell@example.org", "Nell Quarry", "she/her", "Quiet room"}));
  std::string seen_name;
  app_.on_erase.push_back([&](store::Conn& c, std::int64_t user) { seen_name = display_name(app_, c, user); });
  EXPECT_FALSE(delete_account(app_, id, false).has_value());
  ASSERT_TRUE(delete_account(app_, id, true).has_value());
  EXPECT_EQ(seen_name, "Former member");  // the hook ran inside the same transaction
  store_->with([&](store::Conn& c) {
    EXPECT_EQ(display_name(app_, c, id), "Former member");
    EXPECT_EQ(access_needs(app_, c, id), std::nullopt);
    EXPECT_EQ(pronouns(app_, c, id), std::nullopt);
    EXPECT_EQ(c.one("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)->i64(0), 0);
    return 0;
  });
  EXPECT_EQ(find_user(app_, "nell@example.org"), std::nullopt);
  EXPECT_TRUE(add_verified_user(app_, "nell@example.org", "Nell", "quiet harbour lamp").has_value());
}

TEST_F(AccountsCommands, AFailingHookUndoesTheWholeErasure) {
  auto id = member("nell@example.org");
  app_.on_erase.push_back([](store::Conn&, std::int64_t) { throw std::runtime_error("disk full"); });
  EXPECT_THROW((void)delete_account(app_, id, true), std::runtime_error);
  EXPECT_EQ(find_user(app_, "nell@example.org"), id);
}

TEST_F(AccountsCommands, ExportHoldsEveryModulesSection) {
  auto id = member("nell@example.org");
  ASSERT_TRUE(update_profile(app_, who_, id, {"nell@example.org", "Nell Quarry", "", "Breaks, please"}));
  app_.exporters.push_back([](store::Conn&, std::int64_t) {
    return std::pair<std::string, std::string>("spaces", R"([{"slug":"riverside"}])");
  });
  auto text = export_data(app_, id, 0);
  EXPECT_NE(text.find(R"("email":"nell@example.org")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("access_needs":"Breaks, please")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("spaces":[{"slug":"riverside"}])"), std::string::npos) << text;
}

TEST_F(AccountsCommands, CommandLineRolesAndPasswords) {
  EXPECT_EQ(add_verified_user(app_, "nell@example.org", "Nell", "password").error().fields.at(0).message_key,
            "accounts_password_common");
  member("nell@example.org");
  EXPECT_EQ(add_verified_user(app_, "nell@example.org", "Nell", "").error().code, ErrorCode::conflict);
  EXPECT_EQ(set_site_role(app_, "nell@example.org", "king").error().code, ErrorCode::invalid);
  EXPECT_EQ(set_site_role(app_, "nobody@example.org", "steward").error().code, ErrorCode::not_found);
  EXPECT_TRUE(set_site_role(app_, "nell@example.org", "steward").has_value());
}

}  // namespace hs::accounts::commands
