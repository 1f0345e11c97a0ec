#include "modules/decisions/rules/ballot.hpp"

#include <gtest/gtest.h>

#include <type_traits>

#include "modules/decisions/rules/dot_vote.hpp"
#include "modules/decisions/rules/majority.hpp"
#include "modules/decisions/rules/meeting_poll.hpp"
#include "modules/decisions/rules/ranked_choice.hpp"
#include "modules/decisions/rules/score.hpp"

namespace hs::decisions {
namespace {

using enum MajorityChoice;

// The ballots the counts take hold the choice and nothing else: no voter, no role, no
// weight. A field added to any of them changes its size and fails here, so whoever adds
// it has to come and read why.
static_assert(std::is_enum_v<MajorityChoice>);
static_assert(sizeof(RankedBallot) == sizeof(std::vector<std::size_t>));
static_assert(sizeof(ScoreBallot) == sizeof(std::vector<int>));
static_assert(sizeof(DotBallot) == sizeof(std::vector<std::int64_t>));
static_assert(sizeof(AvailabilityBallot) == sizeof(std::vector<Availability>));

constexpr std::int64_t kCloses = 2'000'000'000;

TEST(DecisionBallots, LatestBallotPerVoterCounts) {
  std::vector<Cast<MajorityChoice>> casts{
      {{"m1"}, 100, 1, no},
      {{"m2"}, 100, 2, yes},
      {{"m1"}, 200, 3, yes},  // m1 changes their mind
      {{"m3"}, 150, 4, abstain},
  };
  auto ballots = latest_per_voter(casts, kCloses);
  ASSERT_EQ(ballots.size(), 3u);
  auto r = count_majority(ballots, Threshold::simple_majority, {3, 0});
  EXPECT_EQ(r.yes, 2);
  EXPECT_EQ(r.no, 0);
  EXPECT_EQ(r.abstain, 1);
}

TEST(DecisionBallots, SameSecondIsOrderedByStoreSequence) {
  std::vector<Cast<MajorityChoice>> casts{{{"m1"}, 100, 9, no}, {{"m1"}, 100, 8, yes}};
  auto ballots = latest_per_voter(casts, kCloses);
  ASSERT_EQ(ballots.size(), 1u);
  EXPECT_EQ(ballots[0], no);
}

TEST(DecisionBallots, CastsAtOrAfterClosingAreIgnored) {
  std::vector<Cast<MajorityChoice>> casts{
      {{"m1"}, kCloses - 1, 1, yes},
      {{"m1"}, kCloses, 2, no},       // too late: the yes stands
      {{"m2"}, kCloses + 60, 3, no},  // too late: m2 did not vote
  };
  auto ballots = latest_per_voter(casts, kCloses);
  EXPECT_EQ(ballots, (std::vector<MajorityChoice>{yes}));
}

TEST(DecisionBallots, WorksForEveryBallotType) {
  std::vector<Cast<RankedBallot>> casts{{{"a"}, 1, 1, {{0, 1}}}, {{"a"}, 2, 2, {{1}}}, {{"b"}, 1, 3, {{0}}}};
  auto ballots = latest_per_voter(casts, kCloses);
  ASSERT_EQ(ballots.size(), 2u);
  auto r = count_ranked(ballots, 2, 1, {2, 0});
  EXPECT_EQ(r.rounds[0].votes, (std::vector<std::int64_t>{1, 1}));
}

}  // namespace
}  // namespace hs::decisions
