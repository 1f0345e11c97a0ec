// Terms of reference on a real store: first terms from the template, amendments decided
// by the members, one at a time, versions kept, and the review reminder sent once.
#include "../decisions/governance_fixture.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/form.hpp"
#include "modules/terms/commands/commands.hpp"
#include "modules/terms/rules/amendment.hpp"

namespace hs::terms {

namespace {

class TermsFlow : public hs::testing::GovernanceTest {
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

  commands::AmendmentForm form(const std::string& body, const std::string& method = "consent") {
    commands::AmendmentForm f;
    f.body = body;
    f.summary = "Why it changes";
    auto review = iso_day(clock_.now() + 200 * 86400);
    f.review_year = review.substr(0, 4);
    f.review_month = review.substr(5, 2);
    f.review_day = review.substr(8, 2);
    f.decision = decisions::default_fields(clock_.now());
    f.decision.method = method;
    return f;
  }

  void everyone(std::int64_t proposal, const std::string& choice, const std::string& reason = "") {
    for (auto who : {steward_, facilitator_, member_}) {
      decisions::BallotFields b;
      b.choice = choice;
      b.reason = reason;
      auto r = decisions::commands::cast(app_, space_, proposal, who, b);
      ASSERT_TRUE(r.has_value()) << r.error().message_key;
    }
  }

  std::int64_t steward_ = 0, facilitator_ = 0, member_ = 0, auditor_ = 0, space_ = 0;
};

TEST_P(TermsFlow, AVersionBecomesCurrentOnlyThroughADecision) {
  auto text = commands::template_text(app_, "Lantern Lane Carers");
  for (auto section : {"## Purpose", "## Role of the group", "## Membership and term", "## Ways of working",
                       "## Power and decision making", "you said, we did", "## Payment and expenses",
                       "## Confidentiality", "## Review date"})
    EXPECT_NE(text.find(section), std::string::npos) << section;

  auto first = commands::propose_amendment(app_, space_, member_, form(text));
  ASSERT_TRUE(first.has_value()) << first.error().message_key;
  EXPECT_EQ(first->number, 1);
  EXPECT_FALSE(commands::current(app_, space_).has_value());

  // One at a time.
  auto second = commands::propose_amendment(app_, space_, facilitator_, form(text + "\nMore."));
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().message_key, "terms_amendment_open");

  everyone(first->proposal_id, "consent");
  ASSERT_TRUE(decisions::commands::close(app_, space_, first->proposal_id, member_, "Adopted.").has_value());
  auto cur = commands::current(app_, space_);
  ASSERT_TRUE(cur.has_value());
  EXPECT_EQ(cur->number, 1);
  EXPECT_EQ(cur->status, "current");

  // An amendment by majority vote.
  auto changed = text;
  changed.replace(changed.find("## Purpose"), 10, "## Our purpose");
  auto second_ok = commands::propose_amendment(app_, space_, facilitator_, form(changed, "majority"));
  ASSERT_TRUE(second_ok.has_value()) << second_ok.error().message_key;
  EXPECT_EQ(second_ok->number, 2);
  everyone(second_ok->proposal_id, "yes");
  ASSERT_TRUE(decisions::commands::close(app_, space_, second_ok->proposal_id, facilitator_, "Agreed.").has_value());
  EXPECT_EQ(commands::current(app_, space_)->number, 2);
  EXPECT_EQ(commands::version(app_, space_, 1)->status, "superseded");
  EXPECT_EQ(*commands::version(app_, space_, 2)->base_number, 1);

  // One that is not agreed stays readable and changes nothing.
  auto third = commands::propose_amendment(app_, space_, member_, form(changed + "\nWe meet daily."));
  ASSERT_TRUE(third.has_value());
  everyone(third->proposal_id, "object", "Daily is too much for carers.");
  clock_.advance(8 * 86400);
  auto outcome = decisions::commands::close(app_, space_, third->proposal_id, facilitator_, "Not agreed.");
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(*outcome, decisions::Outcome::objections_stand);
  EXPECT_EQ(commands::current(app_, space_)->number, 2);
  EXPECT_EQ(commands::version(app_, space_, 3)->status, "not_adopted");
  EXPECT_EQ(commands::versions(app_, space_).size(), 3u);

  // The same text again is no amendment; auditors propose nothing.
  EXPECT_EQ(commands::propose_amendment(app_, space_, member_, form(changed)).error().fields.at(0).message_key,
            "terms_body_unchanged");
  EXPECT_EQ(commands::propose_amendment(app_, space_, auditor_, form(changed + "x")).error().code,
            ErrorCode::forbidden);

  // Only methods that decide on the proposal itself.
  auto ranked = commands::propose_amendment(app_, space_, member_, form(changed + "\nNew.", "ranked_choice"));
  ASSERT_FALSE(ranked.has_value());
  EXPECT_EQ(ranked.error().fields.at(0).field, "method");

  // The decision log has every step.
  std::vector<std::string> kinds;
  store_->with([&](store::Conn& c) {
    for (const auto& r : c.q("SELECT entry FROM audit_entries WHERE space_id = ? AND entry LIKE '%\"terms.%' "
                             "ORDER BY seq",
                             space_)) {
      auto e = r.text(0);
      auto k = e.find("\"kind\":\"");
      kinds.push_back(e.substr(k + 8, e.find('"', k + 8) - k - 8));
    }
    return 0;
  });
  EXPECT_EQ(kinds, (std::vector<std::string>{"terms.proposed", "terms.ratified", "terms.proposed", "terms.ratified",
                                             "terms.proposed", "terms.not_adopted"}));
}

TEST_P(TermsFlow, FacilitatorsAreRemindedOncePerReviewDate) {
  auto f = form("## Purpose\n\nTo listen.");
  auto today = iso_day(clock_.now() + 86400);
  f.review_year = today.substr(0, 4);
  f.review_month = today.substr(5, 2);
  f.review_day = today.substr(8, 2);
  auto p = commands::propose_amendment(app_, space_, member_, f);
  ASSERT_TRUE(p.has_value()) << p.error().message_key;
  everyone(p->proposal_id, "consent");
  ASSERT_TRUE(decisions::commands::close(app_, space_, p->proposal_id, member_, "Adopted.").has_value());

  EXPECT_EQ(sweep(app_), 0);  // not yet
  clock_.advance(86400);
  EXPECT_EQ(sweep(app_), 1);
  EXPECT_EQ(sweep(app_), 0);
  clock_.advance(86400);
  EXPECT_EQ(sweep(app_), 0);
  auto to_facilitator = mailer_.to("nell@lanternlane.example");
  ASSERT_EQ(to_facilitator.size(), 1u);
  EXPECT_NE(to_facilitator[0].subject.find("Lantern Lane Carers lantern"), std::string::npos);
  EXPECT_NE(to_facilitator[0].body.find("https://forum.example.org/spaces/lantern/terms"), std::string::npos);
  EXPECT_TRUE(mailer_.to("aziz@lanternlane.example").empty());
  EXPECT_TRUE(mailer_.to("pim@lanternlane.example").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, TermsFlow, ::testing::Values("sqlite", "postgres"), hs::testing::engine_name);

}  // namespace

}  // namespace hs::terms
