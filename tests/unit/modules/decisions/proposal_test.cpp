#include "modules/decisions/rules/proposal.hpp"

#include <gtest/gtest.h>

#include <set>

#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/outcome.hpp"

namespace hs::decisions {
namespace {

TEST(DecisionProposal, TitleAndDetailsAreTrimmedAndRequired) {
  auto ok = validate_proposal("  Move the forum to Thursdays ", "\nSo that people who work shifts can come.\n");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->title, "Move the forum to Thursdays");
  EXPECT_EQ(ok->details, "So that people who work shifts can come.");

  auto empty = validate_proposal(" ", "");
  ASSERT_FALSE(empty);
  ASSERT_EQ(empty.error().fields.size(), 2u);
  EXPECT_EQ(empty.error().fields[0].field, "title");
  EXPECT_EQ(empty.error().fields[0].message_key, keys::kTitleRequired);
  EXPECT_EQ(empty.error().fields[1].message_key, keys::kDetailsRequired);

  auto long_title = validate_proposal(std::string(kTitleMax + 1, 'a'), "details");
  ASSERT_FALSE(long_title);
  EXPECT_EQ(long_title.error().fields[0].message_key, keys::kTitleTooLong);
  EXPECT_TRUE(validate_proposal(std::string(kTitleMax, 'a'), "details"));

  auto control = validate_proposal("Title\nwith a break", "ok");
  ASSERT_FALSE(control);
  EXPECT_EQ(control.error().fields[0].message_key, keys::kTitleInvalid);
  EXPECT_FALSE(validate_proposal("ok", "bad \xff byte"));
}

TEST(DecisionProposal, OptionsPerMethod) {
  EXPECT_TRUE(validate_options(Method::consent, {}));
  EXPECT_TRUE(validate_options(Method::majority, {"", "  "}));  // blank form rows are fine
  auto not_allowed = validate_options(Method::consensus, {"Yes"});
  ASSERT_FALSE(not_allowed);
  EXPECT_EQ(not_allowed.error().message_key, keys::kOptionsNotAllowed);

  auto few = validate_options(Method::ranked_choice, {"Only one"});
  ASSERT_FALSE(few);
  EXPECT_EQ(few.error().message_key, keys::kOptionsTooFew);
  EXPECT_TRUE(validate_options(Method::meeting_poll, {"Tue 10:00"}));

  auto ok = validate_options(Method::score, {" Garden ", "Café"});
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, (std::vector<std::string>{"Garden", "Café"}));

  auto dup = validate_options(Method::dot_vote, {"Garden", " garden"});
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().message_key, keys::kOptionDuplicate);
  EXPECT_EQ(dup.error().fields[0].field, "options");

  auto blank = validate_options(Method::dot_vote, {"Garden", ""});
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().message_key, keys::kOptionRequired);

  std::vector<std::string> many;
  for (std::size_t i = 0; i <= kOptionsMax; ++i) many.push_back("Option " + std::to_string(i));
  auto too_many = validate_options(Method::ranked_choice, many);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().message_key, keys::kOptionsTooMany);
}

TEST(DecisionMethod, ParsesNamesAndRuleTexts) {
  std::set<std::string_view> names;
  for (auto m : kAllMethods) {
    EXPECT_EQ(parse_method(to_string(m)), m);
    EXPECT_TRUE(name_key(m).starts_with("decisions_method_"));
    names.insert(to_string(m));
    auto rules = rule_keys(m);
    ASSERT_FALSE(rules.empty());
    EXPECT_EQ(rules.front(), keys::kRuleOneVote) << to_string(m);
    for (auto k : rules) EXPECT_TRUE(k.starts_with("decisions_rule_")) << k;
  }
  EXPECT_EQ(names.size(), 7u);
  EXPECT_FALSE(parse_method("weighted"));
  EXPECT_TRUE(decides_proposal(Method::majority));
  EXPECT_FALSE(decides_proposal(Method::score));
}

TEST(DecisionMethod, RankedChoicePageStatesTieAndExhaustionRules) {
  auto rules = rule_keys(Method::ranked_choice);
  std::set<std::string_view> got(rules.begin(), rules.end());
  for (auto k : {keys::kRuleRankedExhausted, keys::kRuleRankedTieEarlierRound, keys::kRuleRankedTieLot,
                 keys::kRuleRankedMajority})
    EXPECT_TRUE(got.count(k)) << k;
  auto majority = rule_keys(Method::majority);
  EXPECT_NE(std::find(majority.begin(), majority.end(), keys::kRuleMajorityAbstentions), majority.end());
}

TEST(DecisionOutcome, EveryOutcomeHasAKey) {
  std::set<std::string_view> seen;
  for (auto o : {Outcome::passed, Outcome::objections_stand, Outcome::blocked, Outcome::no_agreement,
                 Outcome::threshold_not_met, Outcome::tied, Outcome::no_votes, Outcome::no_quorum}) {
    EXPECT_EQ(outcome_key(o), "decisions_outcome_" + std::string(to_string(o)));
    seen.insert(outcome_key(o));
  }
  EXPECT_EQ(seen.size(), 8u);
}

}  // namespace
}  // namespace hs::decisions
