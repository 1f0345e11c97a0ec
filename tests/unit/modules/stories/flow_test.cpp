// The stories commands on a plain services::Services (no web layer), on SQLite: consent
// recorded with the story, withdrawal taking it out of every list but its author's own
// download, the author told of a response, and each command checking who may run it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../support/forum_services.hpp"
#include "modules/accounts/module.hpp"
#include "modules/audit/module.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories {
namespace {

class StoriesFlow : public test_support::ForumServices {
 protected:
  void SetUp() override {
    ForumServices::SetUp();
    auto org = commands::add_organisation(s_, space_, steward_, "Harbour Housing Team");
    ASSERT_TRUE(org);
    ASSERT_TRUE(commands::add_partner(s_, space_, steward_, "morgan@example.org", *org));
  }

  std::size_t readable_by(std::int64_t user_id) {
    return commands::readable(s_, space_, subject(user_id), user_id).size();
  }
  StoryInput story(const std::string& audience = "partners") {
    StoryInput in;
    in.title = "Eleven weeks";
    in.body = "Nobody rang me back.";
    in.audience = audience;
    in.shown_as = "anonymous";
    in.consent = true;
    return in;
  }
};

TEST_F(StoriesFlow, SearchFindsStemsInStoriesAndResponsesAndNeverAWithdrawnStory) {
  auto in = story("partners");
  in.body = "They did not respect my time.";
  auto id = commands::share_story(s_, space_, author_, in, {});
  ASSERT_TRUE(id);
  auto found = [&](std::int64_t who, const std::string& words) {
    commands::SearchInput q;
    q.words = words;
    return commands::search(s_, space_, subject(who), who, q).stories.size();
  };
  EXPECT_EQ(found(author_, "respecting"), 1u);
  EXPECT_EQ(found(partner_, "Respected"), 1u);
  EXPECT_EQ(found(0, "respect"), 0u);  // for members and partners only
  EXPECT_EQ(found(author_, "caseworkers"), 0u);
  ASSERT_TRUE(commands::answer(s_, *id, partner_, "A caseworker will call you."));
  EXPECT_EQ(found(author_, "caseworkers respect"), 1u);
  ASSERT_TRUE(commands::withdraw_story(s_, *id, author_));
  for (auto who : {std::int64_t{0}, steward_, author_, facilitator_, partner_}) EXPECT_EQ(found(who, "respect"), 0u);
  EXPECT_EQ(store_->with([&](store::Conn& c) { return c.one("SELECT COUNT(*) FROM story_search")->i64(0); }), 0);
}

TEST_F(StoriesFlow, ErasingTheAuthorTakesTheirStoriesOutOfTheSearchIndexToo) {
  auto in = story("partners");
  in.body = "They did not respect my time.";
  ASSERT_TRUE(commands::share_story(s_, space_, author_, in, {}));
  auto indexed = [&] {
    return store_->with([&](store::Conn& c) {
      // The FTS5 index itself, not only its content table: a stale entry would still match.
      return c.one("SELECT COUNT(*) FROM story_search_fts WHERE story_search_fts MATCH '\"respect\"'")->i64(0);
    });
  };
  EXPECT_EQ(indexed(), 1);
  store_->write([&](store::Conn& c) -> Result<int> {
    commands::erase_person(c, author_);
    return 0;
  });
  EXPECT_EQ(indexed(), 0);
}

TEST_F(StoriesFlow, ConsentIsRecordedWithTheStory) {
  auto id = commands::share_story(s_, space_, author_, story(), {});
  ASSERT_TRUE(id) << id.error().message_key;
  auto s = commands::story(s_, space_, *id, subject(author_), author_);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->row.consent_version, 0);  // the built-in text
  EXPECT_EQ(s->row.consent_sha256, crypto::sha256_hex("stories_consent_text"));
  EXPECT_EQ(s->row.consented_at, 1'800'000'000);
  auto refused = story();
  refused.consent = false;
  EXPECT_FALSE(commands::share_story(s_, space_, author_, refused, {}));
}

TEST_F(StoriesFlow, AWithdrawnStoryLeavesEveryListButTheAuthorsDownload) {
  auto id = commands::share_story(s_, space_, author_, story("anyone"), {});
  ASSERT_TRUE(id);
  for (auto who : {std::int64_t{0}, steward_, author_, facilitator_, partner_}) EXPECT_EQ(readable_by(who), 1u) << who;
  ASSERT_TRUE(commands::hold_story(s_, *id, facilitator_, "It names a member of staff."));
  EXPECT_EQ(readable_by(partner_), 0u);
  EXPECT_EQ(readable_by(author_), 1u);
  // The author can withdraw even while it is held, and only the author.
  EXPECT_FALSE(commands::withdraw_story(s_, *id, facilitator_));
  ASSERT_TRUE(commands::withdraw_story(s_, *id, author_));
  for (auto who : {std::int64_t{0}, steward_, author_, facilitator_, partner_}) EXPECT_EQ(readable_by(who), 0u) << who;
  EXPECT_FALSE(commands::withdraw_story(s_, *id, author_));
  EXPECT_FALSE(commands::answer(s_, *id, partner_, "Too late."));
  auto mine = store_->with([&](store::Conn& c) { return commands::export_person(s_, c, author_); });
  EXPECT_NE(mine.find("Nobody rang me back."), std::string::npos);
  EXPECT_NE(mine.find("\"withdrawn\""), std::string::npos);
  auto theirs = store_->with([&](store::Conn& c) { return commands::export_person(s_, c, facilitator_); });
  EXPECT_EQ(theirs.find("Nobody rang me back."), std::string::npos);
}

TEST_F(StoriesFlow, APartnersResponseTellsTheAuthorAndOnlyTheAuthorReplies) {
  auto id = commands::share_story(s_, space_, author_, story(), {});
  ASSERT_TRUE(id);
  auto early = commands::answer(s_, *id, author_, "Nobody has answered yet.");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message_key, "stories_reply_needs_response");
  const auto before = mail_.sent.size();
  ASSERT_TRUE(commands::answer(s_, *id, partner_, "Thank you for telling us."));
  ASSERT_EQ(mail_.sent.size(), before + 1);
  EXPECT_EQ(mail_.sent.back().to, "jo@example.org");
  EXPECT_EQ(mail_.sent.back().subject.rfind("stories_email_response_subject", 0), 0u);
  EXPECT_FALSE(commands::answer(s_, *id, facilitator_, "Facilitators do not answer for organisations."));
  auto shown = commands::story(s_, space_, *id, subject(partner_), partner_);
  ASSERT_TRUE(shown);
  auto answers = commands::responses(s_, *shown);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].by, "Harbour Housing Team");
  ASSERT_TRUE(commands::answer(s_, *id, author_, "Thank you."));
  answers = commands::responses(s_, *shown);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[1].row.kind, "reply");
  EXPECT_EQ(answers[1].by, "");  // an anonymous author is not named, even on their reply
}

TEST_F(StoriesFlow, FacilitatorsNeverChangeTheWords) {
  auto id = commands::share_story(s_, space_, author_, story(), {});
  ASSERT_TRUE(id);
  auto edit = story();
  edit.body = "Changed by someone else.";
  EXPECT_EQ(commands::edit_story(s_, *id, facilitator_, edit, {}).error().code, ErrorCode::forbidden);
  auto g = commands::suggest_change(s_, *id, facilitator_, {"Kinder wording.", "Eleven weeks", "Nobody called.", ""});
  ASSERT_TRUE(g) << g.error().message_key;
  EXPECT_FALSE(commands::decide_suggestion(s_, *id, *g, facilitator_, true));
  auto before = commands::story(s_, space_, *id, subject(author_), author_);
  EXPECT_EQ(before->row.body, "Nobody rang me back.");
  ASSERT_TRUE(commands::decide_suggestion(s_, *id, *g, author_, true));
  auto after = commands::story(s_, space_, *id, subject(author_), author_);
  EXPECT_EQ(after->row.body, "Nobody called.");
  EXPECT_EQ(after->row.number, 2);
}

}  // namespace
}  // namespace hs::stories
