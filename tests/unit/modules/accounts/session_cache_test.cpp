// The session cache in use: every way a session ends or changes shows on this server at
// once, however long entries would otherwise live; a change made elsewhere (another
// server, the command line) shows within the cache's few seconds.
#include "services/session_cache.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "../../support/sqlite_app.hpp"
#include "core/crypto.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/module.hpp"
#include "services/rate_limit.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::accounts::commands {

namespace {

class SessionCacheInUse : public test_support::SqliteApp {
 protected:
  void SetUp() override {
    SqliteApp::SetUp();
    // An hour, so that only forgetting (not the entry running out) can pass these tests.
    app_.session_cache = std::make_shared<services::SessionCache>(3600);
  }

  std::int64_t member(const std::string& email) {
    auto id = add_verified_user(app_, email, "Ivo Brannock", kPassword);
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  SignedIn sign_in(const std::string& email, std::optional<std::int64_t> old_session = std::nullopt) {
    auto r = sign_in_with_password(app_, who_, {email, kPassword, "", false}, old_session);
    EXPECT_TRUE(r.has_value());
    return r.value_or(SignedIn{});
  }
  // Resolves twice: the second answer comes from the cache when the first was kept.
  std::optional<ResolvedSession> resolve(const std::string& token) { return resolve_session(app_, token); }
  bool alive(const std::string& token) { return resolve(token).has_value(); }
  std::int64_t session_id(const std::string& token) { return resolve(token).value_or(ResolvedSession{}).session_id; }
  // What another server or the command line would do: change the store behind our back.
  void elsewhere(const std::string& sql) {
    store_->write([&](store::Conn& c) -> Result<bool> {
      c.q(sql);
      return true;
    });
  }

  static constexpr const char* kPassword = "copper kettle meadow";
  Requester who_{"192.0.2.9", "https://forum.example.org", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"};
};

}  // namespace

TEST_F(SessionCacheInUse, ARecentSessionIsAnsweredFromMemory) {
  member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(s.token));
  EXPECT_EQ(app_.session_cache->size(), 1u);
  elsewhere("DELETE FROM sessions");
  EXPECT_TRUE(alive(s.token)) << "the store was not asked again";
}

TEST_F(SessionCacheInUse, AChangeMadeElsewhereShowsWithinTheDefaultFewSeconds) {
  app_.session_cache = std::make_shared<services::SessionCache>();
  member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(s.token));
  elsewhere("DELETE FROM sessions");
  clock_.advance(services::SessionCache::kDefaultTtl);
  EXPECT_FALSE(alive(s.token));
  EXPECT_LE(services::SessionCache::kDefaultTtl, 5) << "docs/security.md promises at most five seconds";
}

TEST_F(SessionCacheInUse, SignOutEndsTheSessionAtOnce) {
  member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  auto other = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(s.token));
  ASSERT_TRUE(alive(other.token));
  sign_out(app_, session_id(s.token));
  EXPECT_FALSE(alive(s.token));
  EXPECT_TRUE(alive(other.token));
}

TEST_F(SessionCacheInUse, SignOutEverywhereEndsEverySessionOfThatPersonOnly) {
  auto ivo = member("ivo@example.org");
  member("wren@example.org");
  auto a = sign_in("ivo@example.org");
  auto b = sign_in("ivo@example.org");
  auto wren = sign_in("wren@example.org");
  ASSERT_TRUE(alive(a.token) && alive(b.token) && alive(wren.token));
  sign_out_everywhere(app_, ivo);
  EXPECT_FALSE(alive(a.token));
  EXPECT_FALSE(alive(b.token));
  EXPECT_TRUE(alive(wren.token));
}

TEST_F(SessionCacheInUse, EndingOneSessionFromTheSessionsPageIsAtOnce) {
  auto ivo = member("ivo@example.org");
  auto lost_phone = sign_in("ivo@example.org");
  auto here = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(lost_phone.token));
  EXPECT_FALSE(end_session(app_, ivo + 1000, session_id(lost_phone.token))) << "not someone else's";
  EXPECT_TRUE(alive(lost_phone.token));
  EXPECT_TRUE(end_session(app_, ivo, session_id(lost_phone.token)));
  EXPECT_FALSE(alive(lost_phone.token));
  EXPECT_TRUE(alive(here.token));
}

TEST_F(SessionCacheInUse, SigningInAgainEndsTheOldSessionAtOnce) {
  member("ivo@example.org");
  member("wren@example.org");
  auto first = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(first.token));
  auto second = sign_in("wren@example.org", session_id(first.token));
  EXPECT_FALSE(alive(first.token));
  EXPECT_EQ(resolve(second.token)->display_name, "Ivo Brannock");
}

TEST_F(SessionCacheInUse, SiteRoleAndNameChangesShowAtOnce) {
  auto ivo = member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  ASSERT_FALSE(resolve(s.token)->site_steward);
  ASSERT_TRUE(set_site_role(app_, "ivo@example.org", "steward"));
  EXPECT_TRUE(resolve(s.token)->site_steward);
  ASSERT_TRUE(set_site_role(app_, "ivo@example.org", "member"));
  EXPECT_FALSE(resolve(s.token)->site_steward);

  auto profile = load_profile(app_, ivo);
  ASSERT_TRUE(profile);
  profile->display_name = "Ivo B.";
  ASSERT_TRUE(update_profile(app_, who_, ivo, *profile));
  EXPECT_EQ(resolve(s.token)->display_name, "Ivo B.");
}

TEST_F(SessionCacheInUse, ErasureEndsEverySessionAtOnce) {
  auto ivo = member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(s.token));
  ASSERT_TRUE(delete_account(app_, ivo, true));
  EXPECT_FALSE(alive(s.token));
}

TEST_F(SessionCacheInUse, APasswordResetSignsOutEverywhereAtOnce) {
  member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(s.token));
  ASSERT_TRUE(request_password_reset(app_, who_, "ivo@example.org"));
  ASSERT_FALSE(mailer_.sent.empty());
  const auto& body = mailer_.sent.back().body;
  auto at = body.find("/reset/");
  ASSERT_NE(at, std::string::npos);
  auto token = body.substr(at + 7, body.find_first_of(" \r\n", at + 7) - at - 7);
  auto fresh = reset_password(app_, who_, token, "lantern orchard violet", std::nullopt);
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(alive(s.token));
  EXPECT_TRUE(alive(fresh->token));
}

TEST_F(SessionCacheInUse, TimeoutsStillApplyToCachedSessions) {
  member("ivo@example.org");
  auto s = sign_in("ivo@example.org");
  ASSERT_TRUE(alive(s.token));
  clock_.advance(31 * 60);
  EXPECT_FALSE(alive(s.token)) << "idle for half an hour";
  auto busy = sign_in("ivo@example.org");
  for (int i = 0; i < 25; ++i) {
    clock_.advance(30 * 60 - 1);
    EXPECT_EQ(alive(busy.token), (i + 1) * (30 * 60 - 1) < 12 * 3600) << i;
  }
}

}  // namespace hs::accounts::commands
