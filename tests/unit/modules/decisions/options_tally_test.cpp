// Score, dot vote and meeting-time poll: the methods that order options.
#include <gtest/gtest.h>

#include "modules/decisions/rules/dot_vote.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/meeting_poll.hpp"
#include "modules/decisions/rules/ranking.hpp"
#include "modules/decisions/rules/score.hpp"

namespace hs::decisions {
namespace {

const Electorate kAnyone{50, 0};

TEST(TallyScore, ValidationChecksCountAndRange) {
  EXPECT_TRUE(validate_score({{0, 5, 3}}, 3));
  auto short_ballot = validate_score({{1, 2}}, 3);
  ASSERT_FALSE(short_ballot);
  EXPECT_EQ(short_ballot.error().message_key, keys::kScoreCount);
  EXPECT_EQ(short_ballot.error().fields[0].field, "scores");
  for (int bad : {-1, 6, 100}) {
    auto r = validate_score({{1, bad, 2}}, 3);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().message_key, keys::kScoreRange);
  }
}

TEST(TallyScore, SumMeanAndRank) {
  // Three people score a community garden (0), a drop-in café (1) and a bike scheme (2).
  std::vector<ScoreBallot> ballots{{{5, 3, 0}}, {{4, 5, 1}}, {{2, 4, 0}}};
  auto r = count_score(ballots, 3, kAnyone);
  EXPECT_EQ(r.options[0].sum, 11);
  EXPECT_EQ(r.options[1].sum, 12);
  EXPECT_EQ(r.options[2].sum, 1);
  EXPECT_EQ(r.options[0].mean(), "3.67");  // 11 / 3 = 3.666…
  EXPECT_EQ(r.options[1].mean(), "4.00");
  EXPECT_EQ(r.options[2].mean(), "0.33");
  EXPECT_EQ(r.order, (std::vector<std::size_t>{1, 0, 2}));
  EXPECT_EQ(r.options[1].rank, 1);
  EXPECT_EQ(r.options[0].rank, 2);
  EXPECT_EQ(r.options[2].rank, 3);
  EXPECT_EQ(r.top, (std::vector<std::size_t>{1}));
  EXPECT_EQ(r.outcome, Outcome::passed);
}

TEST(TallyScore, TiesAreReportedAsTies) {
  std::vector<ScoreBallot> ballots{{{5, 3, 2}}, {{3, 5, 2}}};
  auto r = count_score(ballots, 3, kAnyone);
  EXPECT_EQ(r.outcome, Outcome::tied);
  EXPECT_EQ(r.top, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.options[0].rank, 1);
  EXPECT_EQ(r.options[1].rank, 1);
  EXPECT_TRUE(r.options[0].tied);
  EXPECT_TRUE(r.options[1].tied);
  EXPECT_EQ(r.options[2].rank, 3);  // the next rank skips: 1, 1, 3
  EXPECT_FALSE(r.options[2].tied);
}

TEST(TallyScore, MeanRoundsHalvesUp) {
  EXPECT_EQ(format_mean(1, 8), "0.13");  // 0.125
  EXPECT_EQ(format_mean(5, 2), "2.50");
  EXPECT_EQ(format_mean(2, 3), "0.67");
  EXPECT_EQ(format_mean(0, 0), "0.00");
  EXPECT_EQ(format_mean(500, 100), "5.00");
}

TEST(TallyScore, NoBallotsAndNoQuorum) {
  EXPECT_EQ(count_score({}, 2, kAnyone).outcome, Outcome::no_votes);
  std::vector<ScoreBallot> one{{{1, 2}}};
  EXPECT_EQ(count_score(one, 2, {4, 50}).outcome, Outcome::no_quorum);
}

TEST(TallyDots, ValidationSpreadsAtMostN) {
  EXPECT_TRUE(validate_dots({{3, 0, 2}}, 3, 5));
  EXPECT_TRUE(validate_dots({{0, 0, 1}}, 3, 5));
  EXPECT_TRUE(validate_dots({{5, 0, 0}}, 3, 5));  // exactly N, all on one
  auto over = validate_dots({{3, 1, 2}}, 3, 5);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().message_key, keys::kDotsOver);
  EXPECT_EQ(over.error().fields[0].field, "dots");
  auto negative = validate_dots({{6, -1, 0}}, 3, 5);  // adds up to 5, but -1 is not a dot
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().message_key, keys::kDotsNegative);
  auto none = validate_dots({{0, 0, 0}}, 3, 5);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message_key, keys::kDotsNone);
  auto count = validate_dots({{1, 1}}, 3, 5);
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().message_key, keys::kDotsCount);
  // Huge numbers cannot wrap round to look small.
  auto huge = validate_dots({{INT64_MAX, INT64_MAX, 2}}, 3, 5);
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().message_key, keys::kDotsOver);
}

TEST(TallyDots, TotalsAndTies) {
  std::vector<DotBallot> ballots{{{3, 0, 0}}, {{1, 2, 0}}, {{0, 1, 2}}};
  auto r = count_dots(ballots, 3, 3, kAnyone);
  EXPECT_EQ(r.options[0].dots, 4);
  EXPECT_EQ(r.options[1].dots, 3);
  EXPECT_EQ(r.options[2].dots, 2);
  EXPECT_EQ(r.dots_placed, 9);
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.top, (std::vector<std::size_t>{0}));

  std::vector<DotBallot> tie{{{2, 1, 0}}, {{1, 2, 0}}};
  auto t = count_dots(tie, 3, 3, kAnyone);
  EXPECT_EQ(t.outcome, Outcome::tied);
  EXPECT_EQ(t.top, (std::vector<std::size_t>{0, 1}));
}

TEST(TallyDots, InvalidBallotsAreNotCounted) {
  std::vector<DotBallot> ballots{{{1, 0}}, {{9, 0}}};
  auto r = count_dots(ballots, 2, 3, kAnyone);
  EXPECT_EQ(r.options[0].dots, 1);
  EXPECT_EQ(r.ballots, 2);
}

TEST(TallyMeeting, BestSlotHasMostYesThenMostIfNeedBe) {
  using enum Availability;
  // Tuesday 10:00 (0), Wednesday 14:00 (1), Thursday 18:00 (2)
  std::vector<AvailabilityBallot> ballots{
      {{yes, yes, no}},
      {{yes, if_need_be, yes}},
      {{no, yes, yes}},
      {{if_need_be, no, if_need_be}},
  };
  // Tue: 2 yes 1 inb; Wed: 2 yes 1 inb; Thu: 2 yes 1 inb – all tied. Add one more.
  ballots.push_back({{no, if_need_be, no}});
  // Now Wed: 2 yes 2 inb – best; Tue and Thu 2 yes 1 inb tie for second.
  auto r = count_availability(ballots, 3, kAnyone);
  EXPECT_EQ(r.best, (std::vector<std::size_t>{1}));
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.slots[1].yes, 2);
  EXPECT_EQ(r.slots[1].if_need_be, 2);
  EXPECT_EQ(r.slots[1].no, 1);
  EXPECT_EQ(r.slots[0].rank, 2);
  EXPECT_EQ(r.slots[2].rank, 2);
  EXPECT_TRUE(r.slots[0].tied);
  EXPECT_EQ(r.order, (std::vector<std::size_t>{1, 0, 2}));
}

TEST(TallyMeeting, YesOutweighsAnyNumberOfIfNeedBe) {
  using enum Availability;
  std::vector<AvailabilityBallot> ballots{{{yes, if_need_be}}, {{no, if_need_be}}, {{no, if_need_be}}};
  auto r = count_availability(ballots, 2, kAnyone);
  EXPECT_EQ(r.best, (std::vector<std::size_t>{0}));
}

TEST(TallyMeeting, EqualSlotsAreReportedAsTied) {
  using enum Availability;
  std::vector<AvailabilityBallot> ballots{{{yes, yes}}, {{if_need_be, if_need_be}}};
  auto r = count_availability(ballots, 2, kAnyone);
  EXPECT_EQ(r.outcome, Outcome::tied);
  EXPECT_EQ(r.best, (std::vector<std::size_t>{0, 1}));
}

TEST(TallyMeeting, ValidationAndParsing) {
  using enum Availability;
  EXPECT_TRUE(validate_availability({{yes, no}}, 2));
  auto r = validate_availability({{yes}}, 2);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kSlotCount);
  EXPECT_EQ(parse_availability("if_need_be"), if_need_be);
  EXPECT_FALSE(parse_availability("maybe"));
}

TEST(DecisionRanking, CompetitionRanksKeepTies) {
  auto s = rank_options({{3, 0}, {5, 0}, {3, 0}, {1, 0}, {5, 0}});
  EXPECT_EQ(s.rank, (std::vector<int>{3, 1, 3, 5, 1}));
  EXPECT_EQ(s.order, (std::vector<std::size_t>{1, 4, 0, 2, 3}));
  EXPECT_EQ(s.top, (std::vector<std::size_t>{1, 4}));
  EXPECT_EQ(s.tied, (std::vector<bool>{true, true, true, false, true}));
  EXPECT_TRUE(rank_options({}).top.empty());
}

}  // namespace
}  // namespace hs::decisions
