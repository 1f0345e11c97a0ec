// Emails of new signed heads on a real SQLite store, with a clock the test moves: who
// may have them, at most one email in 24 hours per person (to the second), only when a
// log has a new head, one email for every log a person follows, no more once the role
// is gone, and the stop link's key.
#include <gtest/gtest.h>

#include "../../support/sqlite_app.hpp"
#include "modules/accounts/module.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/module.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/spaces/repo.hpp"
#include "store/db.hpp"

namespace hs::audit {

namespace {

TEST(AuditDigestPermissions, AuditorsAndStewardsOnly) {
  using spaces::Role;
  const std::pair<Role, bool> rows[] = {{Role::none, false},
                                        {Role::member, false},
                                        {Role::facilitator, false},
                                        {Role::auditor, true},
                                        {Role::steward, true}};
  for (const auto& [role, may] : rows) {
    spaces::Subject s;
    s.signed_in = true;
    s.role = role;
    EXPECT_EQ(permissions::email_heads(s), may);
    s.signed_in = false;
    EXPECT_FALSE(permissions::email_heads(s));
  }
}

class AuditDigest : public test_support::SqliteApp {
 protected:
  std::int64_t person(const std::string& email, const std::string& name) {
    auto id = accounts::add_user(app_, email, name, "a long enough passphrase");
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  // A space as the spaces module would have made it, by `creator`.
  std::int64_t space(const std::string& slug, std::int64_t creator) {
    return store_->with([&](store::Conn& c) {
      return spaces::repo::insert_space(c, slug, "Fenwick Carers " + slug, "forum", "Purpose", "listed", "Be kind",
                                        creator, clock_.now());
    });
  }
  void role(std::int64_t space_id, std::int64_t user_id, const std::string& r) {
    store_->with([&](store::Conn& c) {
      if (!spaces::repo::add_member(c, space_id, user_id, r, clock_.now(), clock_.now()))
        spaces::repo::set_role(c, space_id, user_id, r);
    });
  }
  // Appends `count` entries and signs a head over them.
  SignedHead grow(std::int64_t space_id, int count) {
    for (int i = 0; i < count; ++i) {
      auto r = store_->write([&](store::Conn& c) { return append(app_, c, space_id, "note.added", {{"n", i}}); });
      EXPECT_TRUE(r.has_value());
    }
    auto h = sign_head(app_, space_id);
    EXPECT_TRUE(h.has_value());
    return h.value_or(SignedHead{});
  }
  std::size_t sent_to(const std::string& email) {
    std::size_t n = 0;
    for (const auto& m : mailer_.sent) n += m.to == email;
    return n;
  }
};

TEST_F(AuditDigest, OneEmailADayAndOnlyForANewHead) {
  const auto ada = person("ada@example.org", "Ada Fenwick");
  const auto id = space("a", ada);
  role(id, ada, "auditor");
  commands::start_digest(app_, id, ada);
  EXPECT_TRUE(commands::digest_on(app_, id, ada));
  auto h = grow(id, 3);

  EXPECT_EQ(commands::send_digests(app_), 1);
  ASSERT_EQ(mailer_.sent.size(), 1u);
  const auto& mail = mailer_.sent.back();
  EXPECT_EQ(mail.subject, "Decision log of Fenwick Carers a: signed record for 3 entries");
  EXPECT_NE(mail.body.find("Entries: 3\n"), std::string::npos);
  EXPECT_NE(mail.body.find("Fingerprint of the log (root hash): " + h.root + "\n"), std::string::npos);
  EXPECT_NE(mail.body.find("Signature: " + h.signature + "\n"), std::string::npos);
  EXPECT_NE(mail.body.find(head_json(h) + "\n"), std::string::npos);
  EXPECT_NE(mail.body.find("humanspace audit verify a-decision-log.json --head a-signed-head.json"), std::string::npos);
  EXPECT_NE(mail.body.find("/spaces/a/audit/digest/stop?key=" + commands::digest_stop_key(app_, id, ada)),
            std::string::npos);

  EXPECT_EQ(commands::send_digests(app_), 0) << "no new head";
  grow(id, 1);
  clock_.advance(24 * 60 * 60 - 1);
  EXPECT_EQ(commands::send_digests(app_), 0) << "a new head, but within 24 hours";
  clock_.advance(1);
  EXPECT_EQ(commands::send_digests(app_), 1) << "24 hours on";
  EXPECT_NE(mailer_.sent.back().body.find("Entries: 4\n"), std::string::npos);
  clock_.advance(3 * 24 * 60 * 60);
  EXPECT_EQ(commands::send_digests(app_), 0) << "days on, but no new head";

  EXPECT_TRUE(commands::stop_digest(app_, id, ada));
  EXPECT_FALSE(commands::stop_digest(app_, id, ada));
  grow(id, 1);
  EXPECT_EQ(commands::send_digests(app_), 0);
  EXPECT_EQ(sent_to("ada@example.org"), 2u);
}

TEST_F(AuditDigest, OneEmailCoversEveryLogAndTheDayCountsAcrossThem) {
  const auto bo = person("bo@example.org", "Bo Fenwick");
  const auto a = space("a", bo), b = space("b", bo);
  role(a, bo, "steward");
  role(b, bo, "auditor");
  commands::start_digest(app_, a, bo);
  grow(a, 2);
  EXPECT_EQ(commands::send_digests(app_), 1);
  // A second log followed later waits for the day to pass, then comes with the first's
  // new head in one email.
  commands::start_digest(app_, b, bo);
  grow(b, 5);
  grow(a, 1);
  EXPECT_EQ(commands::send_digests(app_), 0);
  clock_.advance(24 * 60 * 60);
  EXPECT_EQ(commands::send_digests(app_), 1);
  EXPECT_EQ(mailer_.sent.back().subject, "New signed records of 2 decision logs");
  EXPECT_NE(mailer_.sent.back().body.find("/spaces/a/audit/digest/stop"), std::string::npos);
  EXPECT_NE(mailer_.sent.back().body.find("/spaces/b/audit/digest/stop"), std::string::npos);
}

TEST_F(AuditDigest, NoMoreOnceTheRoleIsGoneAndTheSubscriptionGoesWithIt) {
  const auto cy = person("cy@example.org", "Cy Fenwick");
  const auto id = space("a", cy);
  role(id, cy, "auditor");
  commands::start_digest(app_, id, cy);
  role(id, cy, "member");
  grow(id, 2);
  EXPECT_EQ(commands::send_digests(app_), 0);
  EXPECT_FALSE(commands::digest_on(app_, id, cy));
  EXPECT_EQ(sent_to("cy@example.org"), 0u);
}

TEST_F(AuditDigest, TheStopKeyIsForOnePersonAndOneSpace) {
  const auto key = commands::digest_stop_key(app_, 7, 42);
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 7, key), 42);
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 8, key), 0) << "another space";
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 7, "43" + key.substr(2)), 0) << "another person";
  auto flipped = key;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 7, flipped), 0);
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 7, ""), 0);
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 7, "42"), 0);
  EXPECT_EQ(commands::digest_stop_key_owner(app_, 7, "-1." + key.substr(3)), 0);
}

}  // namespace

}  // namespace hs::audit
