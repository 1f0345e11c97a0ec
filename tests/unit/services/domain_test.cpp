// The domain stands below the web (docs/architecture.md): use cases run on a plain
// services::Services, wired here by hand with a store, a clock, a mailer, words and the
// decision log, and nothing from src/web. This file includes no web/ header; the
// boundary check (tools/check_boundaries.py --links) fails if a command's object file
// uses a web symbol.
#include <gtest/gtest.h>

#include <string>

#include "../support/plain_services.hpp"
#include "modules/accounts/module.hpp"
#include "modules/audit/module.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs {
namespace {

using DomainWithoutWeb = test_support::PlainServices;

TEST_F(DomainWithoutWeb, CreatingASpaceRecordsItInTheDecisionLog) {
  auto steward = accounts::add_user(s_, "rowan@example.org", "Rowan", "a long enough passphrase");
  ASSERT_TRUE(steward);
  spaces::commands::Actor who{*steward, "Rowan", s_.base_url};
  auto slug = spaces::commands::create_space(
      s_, who, {"Harbour Carers Forum", "", "forum", "Carers meeting as equals.", "listed", "Be kind."});
  ASSERT_TRUE(slug) << slug.error().message_key;
  auto id = store_->with([&](store::Conn& c) { return spaces::space_id_by_slug(c, *slug); });
  ASSERT_TRUE(id);
  // The space's creation and its steward's joining, through the audit module's appender.
  auto head = audit::sign_head(s_, *id);
  ASSERT_TRUE(head) << head.error().message_key;
  EXPECT_EQ(head->size, 2);
}

TEST_F(DomainWithoutWeb, NoDecisionLogMeansNoSpaceRatherThanAnUnloggedOne) {
  s_.audit = nullptr;
  auto steward = accounts::add_user(s_, "kit@example.org", "Kit", "a long enough passphrase");
  ASSERT_TRUE(steward);
  auto slug = spaces::commands::create_space(s_, {*steward, "Kit", s_.base_url},
                                             {"Quay Forum", "", "forum", "Purpose.", "listed", "Be kind."});
  ASSERT_FALSE(slug);
  EXPECT_EQ(slug.error().code, ErrorCode::unavailable);
}

TEST_F(DomainWithoutWeb, RegisteringForAnEventEmailsWordsTheServicesRender) {
  auto steward = accounts::add_user(s_, "ash@example.org", "Ash", "a long enough passphrase");
  ASSERT_TRUE(steward);
  auto slug = spaces::commands::create_space(s_, {*steward, "Ash", s_.base_url},
                                             {"Lighthouse Network", "", "network", "Purpose.", "listed", "Be kind."});
  ASSERT_TRUE(slug);
  auto space_id = store_->with([&](store::Conn& c) { return spaces::space_id_by_slug(c, *slug); });
  ASSERT_TRUE(space_id);
  auto event = events::commands::create_event(
      s_, *space_id, *steward, {"Spring gathering", "Talk and tea.", "2027-03-14T10:00", "2027-03-14T12:00"});
  ASSERT_TRUE(event) << event.error().message_key;
  auto access = events::commands::access(s_, *event, *steward, "");
  ASSERT_TRUE(access);
  const auto before = mail_.sent.size();
  auto registered = events::commands::register_member(
      s_, *access, {s_.link("/events/" + std::to_string(*event)), s_.link("/events/1.ics")});
  ASSERT_TRUE(registered) << registered.error().message_key;
  ASSERT_EQ(mail_.sent.size(), before + 1);
  const auto& e = mail_.sent.back();
  EXPECT_EQ(e.to, "ash@example.org");
  EXPECT_EQ(e.subject, "events_email_registered_subject event=Spring gathering");
  EXPECT_EQ(e.body.rfind("events/email_registered", 0), 0u) << e.body;
  EXPECT_NE(e.body.find("https://forum.example.org/events/"), std::string::npos) << e.body;
}

// What a module keeps between requests is one per server, never process-wide: two
// servers in one process (two stores, whose item ids mean different things) keep apart.
TEST(ServicesKept, OnePerServerMadeOnFirstUse) {
  struct Tally {
    int n = 0;
  };
  services::Services a, b;
  a.kept<Tally>().n = 5;
  EXPECT_EQ(a.kept<Tally>().n, 5);
  EXPECT_EQ(b.kept<Tally>().n, 0);
  EXPECT_NE(&a.kept<Tally>(), &b.kept<Tally>());
}

}  // namespace
}  // namespace hs
