// Decisions on a real store: a named consent decision with an objection, withdrawing
// it, closing early only when nobody loses their say, answers refused after closing,
// the decision log entries, reminders sent once, and erasure.
#include <algorithm>

#include "governance_fixture.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/repo.hpp"

namespace hs::decisions {

namespace {

class DecisionFlow : public hs::testing::GovernanceTest {
 protected:
  void SetUp() override {
    GovernanceTest::SetUp();
    if (IsSkipped()) return;
    steward_ = person("Pim Achterberg", "pim@lanternlane.example");
    facilitator_ = person("Nell Ruskin", "nell@lanternlane.example");
    member_ = person("Aziz Farrow", "aziz@lanternlane.example");
    auditor_ = person("Greer Ollerton", "greer@lanternlane.example");
    space_ = space("lantern", steward_);
    join(space_, facilitator_, "facilitator");
    join(space_, member_, "member");
    join(space_, auditor_, "auditor");
  }

  std::int64_t open(Method m, bool anonymous = false, std::int64_t closes_in = 3 * 86400,
                    std::vector<std::string> options = {}) {
    ParsedProposal p;
    p.text = {"Move the meeting to Thursdays", "Thursdays suit more of us."};
    p.settings.method = m;
    p.settings.closes_at = clock_.now() + closes_in;
    p.settings.anonymous = anonymous;
    p.settings.results = ResultsVisibility::after_voting;
    p.options = std::move(options);
    auto id = commands::open(app_, space_, member_, p);
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }

  Result<void> answer(std::int64_t id, std::int64_t who, const std::string& choice, const std::string& reason = "") {
    BallotFields f;
    f.choice = choice;
    f.reason = reason;
    auto r = commands::cast(app_, space_, id, who, f);
    if (!r) return fail(r.error());
    return {};
  }

  std::vector<std::string> kinds() {
    std::vector<std::string> out;
    store_->with([&](store::Conn& c) {
      for (const auto& r : c.q("SELECT entry FROM audit_entries WHERE space_id = ? ORDER BY seq", space_)) {
        auto e = r.text(0);
        auto k = e.find("\"kind\":\"");
        out.push_back(e.substr(k + 8, e.find('"', k + 8) - k - 8));
      }
      return 0;
    });
    return out;
  }

  std::int64_t steward_ = 0, facilitator_ = 0, member_ = 0, auditor_ = 0, space_ = 0;
};

TEST_P(DecisionFlow, ObjectionsNeedReasonsAreNamedAndStopAnEarlyClose) {
  auto id = open(Method::consent);
  auto r = answer(id, facilitator_, "object");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).message_key, "decisions_objection_reason_required");
  ASSERT_TRUE(answer(id, facilitator_, "object", "Thursdays clash with the food bank.").has_value());
  ASSERT_TRUE(answer(id, member_, "consent").has_value());
  ASSERT_TRUE(answer(id, steward_, "consent").has_value());
  EXPECT_EQ(answer(id, auditor_, "consent").error().code, ErrorCode::forbidden);

  auto l = commands::load(app_, space_, id, member_);
  ASSERT_TRUE(l && l->tally);
  EXPECT_EQ(l->tally->outcome, Outcome::objections_stand);
  EXPECT_EQ(l->eligible, 3);  // the auditor does not vote
  EXPECT_FALSE(l->may_close_early);
  auto named = std::find_if(l->named.begin(), l->named.end(), [](auto& a) { return a.ballot.choice == "object"; });
  ASSERT_NE(named, l->named.end());
  EXPECT_EQ(named->name, "Nell Ruskin");

  auto closing = commands::close(app_, space_, id, member_, "Thursdays it is.");
  ASSERT_FALSE(closing.has_value());
  EXPECT_EQ(closing.error().message_key, "decisions_close_early_objection");

  ASSERT_TRUE(commands::withdraw_objection(app_, space_, id, facilitator_, "The food bank moved.").has_value());
  EXPECT_EQ(commands::withdraw_objection(app_, space_, id, facilitator_, "").error().message_key,
            "decisions_objection_none");
  l = commands::load(app_, space_, id, member_);
  EXPECT_TRUE(l->may_close_early);

  // Only a facilitator or the proposer may close, and they must say what was decided.
  EXPECT_EQ(commands::close(app_, space_, id, steward_, "Done").error().code, ErrorCode::forbidden);
  EXPECT_EQ(commands::close(app_, space_, id, member_, "  ").error().fields.at(0).message_key,
            "decisions_statement_required");
  auto outcome = commands::close(app_, space_, id, member_, "We move to Thursdays from June.");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message_key;
  EXPECT_EQ(*outcome, Outcome::passed);

  // Closed: answers are refused, and closing again too.
  auto late = answer(id, member_, "object", "Changed my mind.");
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().message_key, "decisions_closed");
  EXPECT_EQ(commands::close(app_, space_, id, member_, "Again").error().message_key, "decisions_closed");

  auto k = kinds();
  EXPECT_EQ(k, (std::vector<std::string>{"decision.opened", "decision.answered", "decision.objected",
                                         "decision.answered", "decision.answered", "decision.answered",
                                         "decision.objection_withdrawn", "decision.closed"}));
  auto signed_heads = store_->with(
      [&](store::Conn& c) { return c.one("SELECT COUNT(*) FROM audit_heads WHERE space_id = ?", space_)->i64(0); });
  EXPECT_EQ(signed_heads, 1);
}

TEST_P(DecisionFlow, AtTheClosingTimeTheRulesAloneDecide) {
  auto id = open(Method::majority);
  ASSERT_TRUE(answer(id, member_, "yes").has_value());
  EXPECT_EQ(commands::close(app_, space_, id, facilitator_, "Too soon").error().message_key,
            "decisions_close_early_not_everyone");
  ASSERT_TRUE(answer(id, member_, "no").has_value());  // a change of mind
  clock_.advance(3 * 86400);
  EXPECT_EQ(answer(id, steward_, "yes").error().message_key, "decisions_closed");
  auto outcome = commands::close(app_, space_, id, facilitator_, "Not agreed; we stay on Tuesdays.");
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(*outcome, Outcome::threshold_not_met);
  auto l = commands::load(app_, space_, id, steward_);
  EXPECT_EQ(std::get<MajorityResult>(l->tally->result).no, 1);
  EXPECT_EQ(std::get<MajorityResult>(l->tally->result).yes, 0);
  EXPECT_EQ(l->row.turnout, 1);
  EXPECT_FALSE(l->row.closed_early);
}

TEST_P(DecisionFlow, RemindersGoOutOnceToThoseWhoHaveNotAnswered) {
  auto id = open(Method::consent, false, 20 * 3600);
  ASSERT_TRUE(answer(id, member_, "consent").has_value());
  auto first = sweep(app_);
  EXPECT_EQ(first.closing_soon, 1);
  EXPECT_EQ(sweep(app_).closing_soon, 0);
  EXPECT_EQ(mailer_.to("nell@lanternlane.example").size(), 1u);
  EXPECT_EQ(mailer_.to("pim@lanternlane.example").size(), 1u);
  EXPECT_TRUE(mailer_.to("aziz@lanternlane.example").empty());   // answered
  EXPECT_TRUE(mailer_.to("greer@lanternlane.example").empty());  // auditors do not vote
  auto mail = mailer_.to("nell@lanternlane.example").front();
  EXPECT_NE(mail.subject.find("Move the meeting to Thursdays"), std::string::npos);
  EXPECT_NE(mail.body.find("https://forum.example.org/spaces/lantern/decisions/" + std::to_string(id)),
            std::string::npos);

  clock_.advance(21 * 3600);
  EXPECT_EQ(sweep(app_).due, 1);
  EXPECT_EQ(sweep(app_).due, 0);
  // The proposer and the facilitator are told it is time to record the outcome.
  EXPECT_EQ(mailer_.to("aziz@lanternlane.example").size(), 1u);
  EXPECT_EQ(mailer_.to("nell@lanternlane.example").size(), 2u);
  EXPECT_EQ(mailer_.to("pim@lanternlane.example").size(), 1u);
}

TEST_P(DecisionFlow, ErasingAPersonKeepsClosedResultsWithoutThem) {
  auto id = open(Method::majority);
  ASSERT_TRUE(answer(id, member_, "yes").has_value());
  ASSERT_TRUE(answer(id, steward_, "yes").has_value());
  ASSERT_TRUE(answer(id, facilitator_, "no").has_value());
  ASSERT_TRUE(commands::close(app_, space_, id, facilitator_, "Thursdays from June.").has_value());
  auto exported = store_->with([&](store::Conn& c) { return commands::export_person(c, member_); });
  EXPECT_NE(exported.find("Move the meeting to Thursdays"), std::string::npos);
  store_->with([&](store::Conn& c) {
    commands::erase_person(c, member_);
    return 0;
  });
  auto l = commands::load(app_, space_, id, steward_);
  EXPECT_EQ(std::get<MajorityResult>(l->tally->result).yes, 2);
  EXPECT_FALSE(l->row.proposer_id.has_value());
  auto still_named = store_->with([&](store::Conn& c) {
    return c.one("SELECT COUNT(*) FROM decision_ballots WHERE user_id = ?", member_)->i64(0);
  });
  EXPECT_EQ(still_named, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, DecisionFlow, ::testing::Values("sqlite", "postgres"), hs::testing::engine_name);

}  // namespace

}  // namespace hs::decisions
