#include "modules/decisions/rules/majority.hpp"

#include <gtest/gtest.h>

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {
namespace {

using enum MajorityChoice;

std::vector<MajorityChoice> votes(int y, int n, int a) {
  std::vector<MajorityChoice> v;
  v.insert(v.end(), y, yes);
  v.insert(v.end(), n, no);
  v.insert(v.end(), a, abstain);
  return v;
}

Outcome outcome(Threshold t, int y, int n, int a = 0) { return count_majority(votes(y, n, a), t, {100, 0}).outcome; }

TEST(TallyMajority, SimpleMajorityNeedsMoreThanHalfOfVotesCast) {
  EXPECT_EQ(outcome(Threshold::simple_majority, 2, 1), Outcome::passed);
  EXPECT_EQ(outcome(Threshold::simple_majority, 51, 49), Outcome::passed);
  EXPECT_EQ(outcome(Threshold::simple_majority, 1, 2), Outcome::threshold_not_met);
  EXPECT_EQ(outcome(Threshold::simple_majority, 1, 0), Outcome::passed);
}

TEST(TallyMajority, TiesFailWhateverTheThreshold) {
  for (auto t : kAllThresholds) {
    EXPECT_EQ(outcome(t, 1, 1), Outcome::tied) << to_string(t);
    EXPECT_EQ(outcome(t, 5, 5, 3), Outcome::tied) << to_string(t);
  }
}

TEST(TallyMajority, TwoThirdsAtExactlyTwoThirdsPasses) {
  EXPECT_EQ(outcome(Threshold::two_thirds, 2, 1), Outcome::passed);               // exactly 2/3
  EXPECT_EQ(outcome(Threshold::two_thirds, 6, 3), Outcome::passed);               // exactly 2/3
  EXPECT_EQ(outcome(Threshold::two_thirds, 5, 3), Outcome::threshold_not_met);    // 62.5 %
  EXPECT_EQ(outcome(Threshold::two_thirds, 66, 34), Outcome::threshold_not_met);  // 66 % < 66.67 %
  EXPECT_EQ(outcome(Threshold::two_thirds, 67, 33), Outcome::passed);
}

TEST(TallyMajority, ThreeQuartersAtExactlyThreeQuartersPasses) {
  EXPECT_EQ(outcome(Threshold::three_quarters, 3, 1), Outcome::passed);
  EXPECT_EQ(outcome(Threshold::three_quarters, 74, 26), Outcome::threshold_not_met);
  EXPECT_EQ(outcome(Threshold::three_quarters, 75, 25), Outcome::passed);
  EXPECT_EQ(outcome(Threshold::three_quarters, 2, 1), Outcome::threshold_not_met);
}

TEST(TallyMajority, AbstentionsAreReportedButNotInTheShare) {
  // 3 yes, 2 no, 10 abstain: 3 of 5 cast is a simple majority, though only 3 of 15 voters.
  auto r = count_majority(votes(3, 2, 10), Threshold::simple_majority, {20, 0});
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.abstain, 10);
  EXPECT_EQ(r.cast(), 5);
  // With a two-thirds threshold, 3 of 5 (60 %) falls short; abstaining did not count as no.
  EXPECT_EQ(count_majority(votes(3, 2, 10), Threshold::two_thirds, {20, 0}).outcome, Outcome::threshold_not_met);
}

TEST(TallyMajority, OnlyAbstentionsOrNothingIsNoVotes) {
  EXPECT_EQ(outcome(Threshold::simple_majority, 0, 0, 4), Outcome::no_votes);
  EXPECT_EQ(outcome(Threshold::two_thirds, 0, 0, 0), Outcome::no_votes);
  EXPECT_FALSE(threshold_met(Threshold::two_thirds, 0, 0));
}

TEST(TallyMajority, AbstainingCountsTowardsQuorum) {
  // 10 members, 40 %: 4 must take part. 1 yes + 3 abstain = 4: quorum met, and it passes.
  auto r = count_majority(votes(1, 0, 3), Threshold::simple_majority, {10, 40});
  EXPECT_TRUE(r.quorum.met);
  EXPECT_EQ(r.outcome, Outcome::passed);
  auto short_one = count_majority(votes(1, 0, 2), Threshold::simple_majority, {10, 40});
  EXPECT_EQ(short_one.outcome, Outcome::no_quorum);
}

TEST(TallyMajority, OrderOfBallotsDoesNotMatter) {
  std::vector<MajorityChoice> a{yes, no, yes, abstain, no, yes};
  std::vector<MajorityChoice> b{no, no, abstain, yes, yes, yes};
  auto ra = count_majority(a, Threshold::simple_majority, {6, 0});
  auto rb = count_majority(b, Threshold::simple_majority, {6, 0});
  EXPECT_EQ(ra.yes, rb.yes);
  EXPECT_EQ(ra.outcome, rb.outcome);
}

TEST(DecisionThreshold, ParsesAndNames) {
  for (auto t : kAllThresholds) {
    EXPECT_EQ(parse_threshold(to_string(t)), t);
    EXPECT_TRUE(name_key(t).starts_with("decisions_threshold_"));
  }
  EXPECT_FALSE(parse_threshold("60_percent"));
  EXPECT_EQ(parse_majority_choice("abstain"), abstain);
  EXPECT_FALSE(parse_majority_choice("maybe"));
}

}  // namespace
}  // namespace hs::decisions
