// The actions commands on a plain services::Services (no web layer), on SQLite: who may
// raise and move, every raise and move in the decision log without personal data, a
// withdrawn story's action showing nothing of its words, the figures, and reminders sent
// once each.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../support/forum_services.hpp"
#include "modules/accounts/module.hpp"
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/module.hpp"
#include "modules/audit/module.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/module.hpp"
#include "services/lookup_cache.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions {
namespace {

class ActionsFlow : public test_support::ForumServices {
 protected:
  void SetUp() override {
    ForumServices::SetUp();
    auto org = stories::list_organisation(s_, space_, steward_, "Harbour Housing Team");
    ASSERT_TRUE(org);
    org_ = *org;
    ASSERT_TRUE(stories::add_partner(s_, space_, steward_, "morgan@example.org", org_));
    auto other = stories::list_organisation(s_, space_, steward_, "Coastline Health Board");
    ASSERT_TRUE(other);
    other_org_ = *other;
    other_partner_ = person("sam@example.org", "Sam Orrin");
    ASSERT_TRUE(stories::add_partner(s_, space_, steward_, "sam@example.org", other_org_));
    stories::NewStory st{"Eleven weeks", "Nobody rang me back.", "", "", "anyone", "anonymous", "", {org_}};
    auto story = stories::share_story(s_, space_, author_, st);
    ASSERT_TRUE(story) << story.error().message_key;
    story_ = *story;
  }

  std::vector<std::string> log() {
    return store_->with([&](store::Conn& c) {
      std::vector<std::string> out;
      for (const auto& r : c.q("SELECT entry FROM audit_entries WHERE space_id = ? ORDER BY seq", space_))
        out.push_back(r.text(0));
      return out;
    });
  }
  std::int64_t raise(std::int64_t by, std::int64_t org = 0, const std::string& due = "") {
    auto id = raise_action(s_, space_, by, story_, org ? org : org_, "Ring people back within two days", "", due);
    EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
    return id ? *id : 0;
  }

  // The board as a page reads it. Dispatch advances the write epoch after every
  // state-changing request, which ends the figures kept between requests; these tests
  // write through commands, so they do the same before each read.
  commands::Board board_as(std::int64_t who) {
    services::advance_write_epoch();
    return commands::board(s_, space_, subject(who), who);
  }
  commands::Board board_page_as(std::int64_t who, const commands::BoardQuery& q) {
    services::advance_write_epoch();
    return commands::board_page(s_, space_, subject(who), who, q);
  }

  std::int64_t other_partner_ = 0;
  std::int64_t org_ = 0, other_org_ = 0, story_ = 0;
};

TEST_F(ActionsFlow, WhoMayRaise) {
  EXPECT_EQ(raise_action(s_, space_, author_, story_, org_, "Ring back", "", "").error().code, ErrorCode::forbidden);
  EXPECT_TRUE(raise(facilitator_));
  EXPECT_TRUE(raise(steward_));
  EXPECT_TRUE(raise(partner_));  // for their own organisation
  auto other = raise_action(s_, space_, partner_, story_, other_org_, "Not ours", "", "");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().fields.at(0).field, "organisation");
  auto missing = raise_action(s_, space_, facilitator_, 0, 0, "", "", "");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.size(), 3u);
}

TEST_F(ActionsFlow, OnlyTheOwnersAndFacilitatorsMoveIt) {
  auto id = raise(facilitator_);
  EXPECT_EQ(move_action(s_, id, other_partner_, "looking_at", "").error().code, ErrorCode::forbidden);
  EXPECT_EQ(move_action(s_, id, steward_, "looking_at", "").error().code, ErrorCode::forbidden);
  EXPECT_EQ(move_action(s_, id, author_, "looking_at", "").error().code, ErrorCode::forbidden);
  ASSERT_TRUE(move_action(s_, id, partner_, "looking_at", "Sam has it."));
  ASSERT_TRUE(move_action(s_, id, facilitator_, "planned", ""));
  auto empty = move_action(s_, id, partner_, "made", "  ");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields.at(0).message_key, "actions_account_required");
  ASSERT_TRUE(move_action(s_, id, partner_, "made", "Call-backs within two days since May.", "https://example.org/x"));
  EXPECT_EQ(move_action(s_, id, partner_, "not_changing", "Changed our minds.").error().message_key, "actions_closed");
  auto a = commands::action(s_, space_, id, subject(0), 0);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->row.status, "made");
  ASSERT_EQ(a->history.size(), 4u);
  EXPECT_EQ(a->history[1].text, "Sam has it.");
  EXPECT_EQ(a->history[3].text, "Call-backs within two days since May.");
  EXPECT_EQ(*a->history[3].link, "https://example.org/x");
}

TEST_F(ActionsFlow, EveryRaiseAndMoveIsLoggedWithoutPersonalData) {
  auto id = raise(facilitator_, 0, "2099-01-01");
  ASSERT_TRUE(move_action(s_, id, partner_, "not_changing", "The council decides this, not us."));
  std::vector<std::string> ours;
  for (const auto& e : log())
    if (e.find("\"action.") != std::string::npos) ours.push_back(e);
  ASSERT_EQ(ours.size(), 2u);
  EXPECT_NE(ours[0].find("\"kind\":\"action.raised\""), std::string::npos);
  EXPECT_NE(ours[0].find("\"due_on\":\"2099-01-01\""), std::string::npos);
  EXPECT_NE(ours[1].find("\"kind\":\"action.moved\""), std::string::npos);
  EXPECT_NE(ours[1].find("\"to\":\"not_changing\""), std::string::npos);
  EXPECT_NE(ours[1].find(audit::person_commitment(s_, space_, partner_)), std::string::npos);
  for (const auto& e : ours) {
    EXPECT_EQ(e.find("Morgan"), std::string::npos) << e;
    EXPECT_EQ(e.find("morgan@"), std::string::npos) << e;
    EXPECT_EQ(e.find("council decides"), std::string::npos) << e;  // only its hash
    EXPECT_EQ(e.find("Ring people back"), std::string::npos) << e;
  }
}

TEST_F(ActionsFlow, AWithdrawnStoryShowsNothingOfItsWords) {
  auto id = raise(facilitator_);
  auto before = commands::action(s_, space_, id, subject(0), 0);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->source.title, "Eleven weeks");
  EXPECT_NE(commands::to_json(board_as(0), slug_).find("Eleven weeks"), std::string::npos);
  ASSERT_TRUE(stories::commands::withdraw_story(s_, story_, author_));
  for (auto who : {std::int64_t{0}, facilitator_, partner_, author_}) {
    auto b = board_as(who);
    ASSERT_EQ(b.actions.size(), 1u);
    EXPECT_TRUE(b.actions[0].source.withdrawn);
    EXPECT_EQ(b.actions[0].source.title, "");
    EXPECT_EQ(commands::to_json(b, slug_).find("Eleven weeks"), std::string::npos);
    EXPECT_EQ(commands::to_csv(b).find("Eleven weeks"), std::string::npos);
    EXPECT_NE(commands::to_csv(b).find("withdrawn by its author"), std::string::npos);
    EXPECT_EQ(b.figures.concerns, 0);  // and it leaves the figures
  }
  // An action cannot be raised from it any more.
  EXPECT_FALSE(raise_action(s_, space_, facilitator_, story_, org_, "Too late", "", ""));
}

TEST_F(ActionsFlow, FiguresCountResponsesAndChanges) {
  auto b = board_as(0);
  EXPECT_EQ(b.figures.concerns, 1);
  EXPECT_EQ(b.figures.answered, 0);
  clock_.advance(3 * 86400);
  ASSERT_TRUE(stories::answer_story(s_, story_, partner_, "Thank you for telling us."));
  auto id = raise(partner_);
  b = board_as(0);
  EXPECT_EQ(b.figures.answered, 1);
  EXPECT_EQ(*b.figures.median_days, 3);
  EXPECT_EQ(*b.figures.changed_percent, 0);
  ASSERT_TRUE(move_action(s_, id, partner_, "planned", ""));
  b = board_as(0);
  EXPECT_EQ(*b.figures.changed_percent, 100);
}

TEST_F(ActionsFlow, RemindersGoOnceEach) {
  auto id = raise(facilitator_, 0, "2027-01-20");  // the clock is at 2027-01-15
  mail_.sent.clear();
  EXPECT_EQ(sweep(s_), 1);
  ASSERT_EQ(mail_.sent.size(), 1u);
  EXPECT_EQ(mail_.sent[0].to, "morgan@example.org");
  EXPECT_EQ(mail_.sent[0].subject.rfind("actions_email_due_subject", 0), 0u) << mail_.sent[0].subject;
  EXPECT_EQ(sweep(s_), 0);
  clock_.advance(30 * 86400);
  mail_.sent.clear();
  EXPECT_EQ(sweep(s_), 1);  // stale now; the due reminder went already
  ASSERT_EQ(mail_.sent.size(), 1u);
  EXPECT_EQ(mail_.sent[0].subject.rfind("actions_email_stale_subject", 0), 0u) << mail_.sent[0].subject;
  EXPECT_EQ(sweep(s_), 0);
  ASSERT_TRUE(move_action(s_, id, partner_, "looking_at", ""));
  clock_.advance(30 * 86400);
  EXPECT_EQ(sweep(s_), 1);  // a new quiet stretch
  ASSERT_TRUE(move_action(s_, id, partner_, "made", "Done."));
  clock_.advance(60 * 86400);
  EXPECT_EQ(sweep(s_), 0);  // closed actions are left alone
}

TEST_F(ActionsFlow, WithNobodyAnsweringForTheOrganisationTheFacilitatorsAreReminded) {
  auto nobody = stories::list_organisation(s_, space_, steward_, "Harbour Parks Team");
  ASSERT_TRUE(nobody);
  raise(facilitator_, *nobody, "2027-01-16");
  mail_.sent.clear();
  EXPECT_EQ(sweep(s_), 1);
  ASSERT_EQ(mail_.sent.size(), 1u);
  EXPECT_EQ(mail_.sent[0].to, "priya@example.org");
}

TEST_F(ActionsFlow, TheStorytellerIsToldOfEachMoveUntilTheyWithdrawTheStory) {
  auto id = raise(facilitator_);
  mail_.sent.clear();
  ASSERT_TRUE(move_action(s_, id, partner_, "planned", "New rota from June."));
  ASSERT_EQ(mail_.sent.size(), 1u);
  EXPECT_EQ(mail_.sent[0].to, "jo@example.org");
  EXPECT_EQ(mail_.sent[0].subject.rfind("actions_email_story_moved_subject", 0), 0u) << mail_.sent[0].subject;
  // On their own page of their stories, in words.
  auto notes = commands::story_notes(s_, space_, {story_});
  ASSERT_EQ(notes[story_].size(), 1u);
  EXPECT_EQ(notes[story_][0].rfind("actions_story_note", 0), 0u) << notes[story_][0];
  ASSERT_TRUE(stories::commands::withdraw_story(s_, story_, author_));
  mail_.sent.clear();
  ASSERT_TRUE(move_action(s_, id, partner_, "made", "The rota started."));
  EXPECT_TRUE(mail_.sent.empty());
}

TEST_F(ActionsFlow, TheBoardComesAPageAtATimeWithTheFiguresOfTheWholeSpace) {
  for (int i = 1; i <= 120; ++i)
    ASSERT_TRUE(raise_action(s_, space_, facilitator_, story_, i % 2 ? org_ : other_org_, "Action " + std::to_string(i),
                             "", ""));
  commands::BoardQuery q;
  auto b = board_page_as(facilitator_, q);
  EXPECT_EQ(b.total, 120);
  EXPECT_EQ(b.paging.pages, 3);
  ASSERT_EQ(b.actions.size(), 50u);
  EXPECT_EQ(b.actions[0].row.title, "Action 120");
  EXPECT_EQ(b.actions[0].source.title, "Eleven weeks");
  EXPECT_EQ(b.actions[0].history.size(), 1u);
  q.page = 3;
  b = board_page_as(facilitator_, q);
  ASSERT_EQ(b.actions.size(), 20u);
  EXPECT_EQ(b.actions.back().row.title, "Action 1");
  EXPECT_EQ(b.figures.concerns, 1);
  q = {};
  q.organisation_id = org_;
  EXPECT_EQ(board_page_as(facilitator_, q).total, 60);
  ASSERT_TRUE(move_action(s_, b.actions.back().row.id, partner_, "looking_at", ""));
  q = {};
  q.status = "looking_at";
  b = board_page_as(facilitator_, q);
  ASSERT_EQ(b.actions.size(), 1u);
  EXPECT_EQ(b.actions[0].row.title, "Action 1");
  q.status = "not a status";  // ignored, not an error
  EXPECT_EQ(board_page_as(facilitator_, q).total, 120);
  EXPECT_EQ(board_as(facilitator_).actions.size(), 120u);
}

TEST_F(ActionsFlow, OnlyStewardsMakeThePagePublic) {
  EXPECT_FALSE(commands::page_public(s_, space_));
  EXPECT_EQ(set_page_public(s_, space_, facilitator_, true).error().code, ErrorCode::forbidden);
  ASSERT_TRUE(set_page_public(s_, space_, steward_, true));
  EXPECT_TRUE(commands::page_public(s_, space_));
}

}  // namespace
}  // namespace hs::actions
