#include "modules/decisions/rules/ranked_choice.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {
namespace {

// Option positions, as listed on the proposal.
constexpr std::size_t A = 0, B = 1, C = 2, D = 3, E = 4;
const Electorate kAnyone{100, 0};

// n copies of one ranking.
void add(std::vector<RankedBallot>& ballots, int n, std::vector<std::size_t> ranking) {
  for (int i = 0; i < n; ++i) ballots.push_back({ranking});
}

TEST(RankedChoiceValidate, EmptyUnknownAndDuplicateRankingsAreRefused) {
  EXPECT_TRUE(validate_ranked({{C, A}}, 3));
  EXPECT_TRUE(validate_ranked({{B}}, 3));  // ranking only some options is fine

  auto empty = validate_ranked({{}}, 3);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message_key, keys::kRankEmpty);
  ASSERT_EQ(empty.error().fields.size(), 1u);
  EXPECT_EQ(empty.error().fields[0].field, "ranking");

  auto unknown = validate_ranked({{A, 3}}, 3);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message_key, "decisions_ballot_rank_unknown_option");

  auto dup = validate_ranked({{A, B, A}}, 3);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().message_key, "decisions_ballot_rank_duplicate");
}

TEST(RankedChoice, OutrightMajorityWinsInRoundOne) {
  // 5 ballots, majority 3. A has 3 first preferences: done in one round, nobody eliminated.
  std::vector<RankedBallot> ballots;
  add(ballots, 3, {A, B});
  add(ballots, 1, {B});
  add(ballots, 1, {C, B});
  auto r = count_ranked(ballots, 3, 1, kAnyone);
  ASSERT_EQ(r.rounds.size(), 1u);
  EXPECT_EQ(r.rounds[0].votes, (std::vector<std::int64_t>{3, 1, 1}));
  EXPECT_EQ(r.rounds[0].majority, 3);
  EXPECT_EQ(r.rounds[0].winner, A);
  EXPECT_FALSE(r.rounds[0].eliminated);
  EXPECT_EQ(r.winner, A);
  EXPECT_EQ(r.outcome, Outcome::passed);
}

TEST(RankedChoice, ThreeRoundCountWithKnownAnswers) {
  // 15 ballots over A, B, C, D:
  //   6 × A>B, 3 × B>C, 1 × B (ranks nothing else), 3 × C, 2 × D>C
  // Round 1: A 6, B 4, C 3, D 2 – majority of 15 is 8; nobody. D has fewest and leaves.
  // Round 2: D's two ballots move to C: A 6, B 4, C 5. Still nobody; B leaves.
  // Round 3: B>C moves three to C; the lone "B" ballot is exhausted and set aside.
  //          A 6, C 8 of 14 continuing (majority 8): C wins, though A led round 1.
  std::vector<RankedBallot> ballots;
  add(ballots, 6, {A, B});
  add(ballots, 3, {B, C});
  add(ballots, 1, {B});
  add(ballots, 3, {C});
  add(ballots, 2, {D, C});
  auto r = count_ranked(ballots, 4, 1, kAnyone);
  ASSERT_EQ(r.rounds.size(), 3u);

  EXPECT_EQ(r.rounds[0].votes, (std::vector<std::int64_t>{6, 4, 3, 2}));
  EXPECT_EQ(r.rounds[0].majority, 8);
  EXPECT_EQ(r.rounds[0].eliminated, D);
  EXPECT_EQ(r.rounds[0].tie_break, TieBreak::none);

  EXPECT_EQ(r.rounds[1].votes, (std::vector<std::int64_t>{6, 4, 5, 0}));
  EXPECT_EQ(r.rounds[1].continuing, (std::vector<bool>{true, true, true, false}));
  EXPECT_EQ(r.rounds[1].eliminated, B);

  EXPECT_EQ(r.rounds[2].votes, (std::vector<std::int64_t>{6, 0, 8, 0}));
  EXPECT_EQ(r.rounds[2].exhausted, 1);
  EXPECT_EQ(r.rounds[2].continuing_ballots, 14);
  EXPECT_EQ(r.rounds[2].majority, 8);
  EXPECT_EQ(r.rounds[2].winner, C);
  EXPECT_EQ(r.winner, C);
  EXPECT_EQ(r.ballots, 15);
}

TEST(RankedChoice, MajorityIsOfContinuingBallotsOnceSomeAreExhausted) {
  // 9 ballots: 4 × A, 3 × B, 2 × C (ranking only C).
  // Round 1: 4 / 3 / 2, majority of 9 is 5: nobody. C leaves.
  // Round 2: both C ballots are exhausted and set aside: 7 continue, majority 4, and
  //          A's 4 wins – though 4 is not more than half of all 9 ballots.
  std::vector<RankedBallot> ballots;
  add(ballots, 4, {A});
  add(ballots, 3, {B});
  add(ballots, 2, {C});
  auto r = count_ranked(ballots, 3, 1, kAnyone);
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_EQ(r.rounds[0].exhausted, 0);
  EXPECT_EQ(r.rounds[0].eliminated, C);
  EXPECT_EQ(r.rounds[1].exhausted, 2);
  EXPECT_EQ(r.rounds[1].continuing_ballots, 7);
  EXPECT_EQ(r.rounds[1].majority, 4);
  EXPECT_EQ(r.rounds[1].winner, A);
  EXPECT_EQ(r.outcome, Outcome::passed);
}

TEST(RankedChoice, ExhaustedCountIsCumulativeAcrossRounds) {
  // 10 ballots: 4 × A, 2 × B>C, 2 × C, 1 × D, 1 × E (majority 6). Proposal 2.
  // R1: A4 B2 C2 D1 E1. D and E tie, no earlier round: lot "2:1:4" < "2:1:5", D leaves.
  // R2: D's ballot is exhausted (1). A4 B2 C2 E1: E leaves.
  // R3: E's ballot is exhausted too (2). A4 B2 C2: B and C tie, equal in rounds 1 and 2
  //     as well, so the lot for round 3 decides: "2:3:2" < "2:3:3", B leaves.
  // R4: B>C moves two to C: A4 C4, still 2 exhausted, majority of 8 is 5. A and C tie;
  //     in round 1 A had 4 and C 2, so C leaves.
  // R5: all four C ballots are exhausted (6): A has 4 of 4 continuing and wins.
  std::vector<RankedBallot> ballots;
  add(ballots, 4, {A});
  add(ballots, 2, {B, C});
  add(ballots, 2, {C});
  add(ballots, 1, {D});
  add(ballots, 1, {E});
  auto r = count_ranked(ballots, 5, 2, kAnyone);
  ASSERT_EQ(r.rounds.size(), 5u);
  std::int64_t previous = 0;
  for (const auto& round : r.rounds) {
    EXPECT_GE(round.exhausted, previous) << "round " << round.number;
    EXPECT_EQ(round.exhausted + round.continuing_ballots, 10);
    previous = round.exhausted;
  }
  EXPECT_EQ(r.rounds[0].eliminated, D);
  EXPECT_EQ(r.rounds[0].tie_break, TieBreak::lot);
  EXPECT_EQ(r.rounds[1].exhausted, 1);
  EXPECT_EQ(r.rounds[1].eliminated, E);
  EXPECT_EQ(r.rounds[1].tie_break, TieBreak::none);
  EXPECT_EQ(r.rounds[2].exhausted, 2);
  EXPECT_EQ(r.rounds[2].eliminated, B);
  EXPECT_EQ(r.rounds[2].tie_break, TieBreak::lot);
  EXPECT_EQ(r.rounds[3].votes, (std::vector<std::int64_t>{4, 0, 4, 0, 0}));
  EXPECT_EQ(r.rounds[3].majority, 5);
  EXPECT_EQ(r.rounds[3].eliminated, C);
  EXPECT_EQ(r.rounds[3].tie_break, TieBreak::earlier_round);
  EXPECT_EQ(r.rounds[3].tie_break_round, 1);
  EXPECT_EQ(r.rounds[4].exhausted, 6);
  EXPECT_EQ(r.rounds[4].continuing_ballots, 4);
  EXPECT_EQ(r.rounds[4].winner, A);
  EXPECT_EQ(r.winner, A);
}

TEST(RankedChoice, TieForFewestSettledByEarliestRoundWhereTheyDiffer) {
  // 11 ballots: 5 × A, 3 × B, 2 × C, 1 × D>C. Majority 6.
  // R1: A5 B3 C2 D1 → D leaves.
  // R2: D's ballot moves to C: A5 B3 C3. B and C tie for fewest. In round 1 B had 3 and
  //     C 2, so C leaves (tie_break earlier_round, settled by round 1).
  // R3: every C ballot is exhausted: A5 B3 of 8 continuing (majority 5): A wins.
  std::vector<RankedBallot> ballots;
  add(ballots, 5, {A});
  add(ballots, 3, {B});
  add(ballots, 2, {C});
  add(ballots, 1, {D, C});
  auto r = count_ranked(ballots, 4, 1, kAnyone);
  ASSERT_EQ(r.rounds.size(), 3u);
  EXPECT_EQ(r.rounds[1].votes, (std::vector<std::int64_t>{5, 3, 3, 0}));
  EXPECT_EQ(r.rounds[1].tied, (std::vector<std::size_t>{B, C}));
  EXPECT_EQ(r.rounds[1].eliminated, C);
  EXPECT_EQ(r.rounds[1].tie_break, TieBreak::earlier_round);
  EXPECT_EQ(r.rounds[1].tie_break_round, 1);
  EXPECT_EQ(r.rounds[2].exhausted, 3);
  EXPECT_EQ(r.rounds[2].winner, A);
}

TEST(RankedChoice, EarlierRoundTieBreakStartsFromRoundOne) {
  // The tied options differ in round 1 one way and in round 2 the other way; the rule
  // looks at the EARLIEST round first (first preferences), so round 1 decides.
  // 22 ballots: 10 × A, 3 × B>A, 4 × C, 1 × D>C, 2 × D, 2 × E>B.
  // R1: A10 B3 C4 D3 E2 (majority 12) → E leaves.
  // R2: E's two move to B: A10 B5 C4 D3 → D leaves.
  // R3: D>C moves one to C, the two "D" ballots are exhausted: A10 B5 C5, majority 11.
  //     B and C tie. Round 1: B3 < C4, so B leaves – even though in round 2 B (5) had
  //     more than C (4), which is what a latest-round-first rule would have used.
  // R4: B>A moves three to A, E>B two are exhausted: A13 C5 of 18 (majority 10): A wins.
  std::vector<RankedBallot> ballots;
  add(ballots, 10, {A});
  add(ballots, 3, {B, A});
  add(ballots, 4, {C});
  add(ballots, 1, {D, C});
  add(ballots, 2, {D});
  add(ballots, 2, {E, B});
  auto r = count_ranked(ballots, 5, 1, kAnyone);
  ASSERT_EQ(r.rounds.size(), 4u);
  EXPECT_EQ(r.rounds[0].eliminated, E);
  EXPECT_EQ(r.rounds[1].votes, (std::vector<std::int64_t>{10, 5, 4, 3, 0}));
  EXPECT_EQ(r.rounds[1].eliminated, D);
  EXPECT_EQ(r.rounds[2].votes, (std::vector<std::int64_t>{10, 5, 5, 0, 0}));
  EXPECT_EQ(r.rounds[2].eliminated, B);
  EXPECT_EQ(r.rounds[2].tie_break, TieBreak::earlier_round);
  EXPECT_EQ(r.rounds[2].tie_break_round, 1);
  EXPECT_EQ(r.rounds[3].votes, (std::vector<std::int64_t>{13, 0, 5, 0, 0}));
  EXPECT_EQ(r.rounds[3].exhausted, 4);
  EXPECT_EQ(r.rounds[3].majority, 10);
  EXPECT_EQ(r.winner, A);
}

TEST(RankedChoice, LotIsSha256OfProposalRoundAndPosition) {
  // Repeatable by anyone: printf '42:1:1' | sha256sum
  EXPECT_EQ(ranked_lot(42, 1, A), "b774d9ea71ac1a5247ba85dcdd555f934fd3a706bf633a176ab51cfad12ea44b");
}

TEST(RankedChoice, FinalTieSettledByLotSeededByProposalId) {
  // Two options, 2 ballots each: nobody has more than half and no earlier round exists,
  // so a lot removes one. Lots computed independently (sha256sum):
  //   proposal 1: "1:1:1" → 9b4e3f…, "1:1:2" → 92bc30…: B's is lower, B leaves, A wins.
  //   proposal 3: "3:1:1" → 3e0e88…, "3:1:2" → 7e4722…: A's is lower, A leaves, B wins.
  std::vector<RankedBallot> ballots;
  add(ballots, 2, {A});
  add(ballots, 2, {B});
  auto one = count_ranked(ballots, 2, 1, kAnyone);
  ASSERT_EQ(one.rounds.size(), 2u);
  EXPECT_EQ(one.rounds[0].tie_break, TieBreak::lot);
  EXPECT_EQ(one.rounds[0].eliminated, B);
  EXPECT_EQ(one.winner, A);

  auto three = count_ranked(ballots, 2, 3, kAnyone);
  EXPECT_EQ(three.rounds[0].eliminated, A);
  EXPECT_EQ(three.winner, B);

  // Same proposal, same ballots in another order: the same answer, every time.
  std::reverse(ballots.begin(), ballots.end());
  auto again = count_ranked(ballots, 2, 1, kAnyone);
  EXPECT_EQ(again.rounds[0].eliminated, B);
  EXPECT_EQ(again.winner, A);
}

TEST(RankedChoice, ThreeWayTieNarrowedByRoundOneThenSettledByLot) {
  // 21 ballots: 9 × A, 3 × B, 3 × C, 4 × D, 1 × E>B, 1 × E>C. Majority 11.
  // R1: A9 B3 C3 D4 E2 → E leaves; one ballot each to B and C.
  // R2: A9 B4 C4 D4: B, C and D tie. Round 1 (B3 C3 D4) rules D out but leaves B and C
  //     tied, so the lot decides between them, drawn for round 2:
  //     proposal 42: "42:2:2" → d04bbe…, "42:2:3" → 38c7bc…: C's is lower, C leaves.
  //     proposal 7:  "7:2:2"  → 22a4ba…, "7:2:3"  → afd5c6…: B's is lower, B leaves.
  std::vector<RankedBallot> ballots;
  add(ballots, 9, {A});
  add(ballots, 3, {B});
  add(ballots, 3, {C});
  add(ballots, 4, {D});
  add(ballots, 1, {E, B});
  add(ballots, 1, {E, C});
  auto r42 = count_ranked(ballots, 5, 42, kAnyone);
  ASSERT_GE(r42.rounds.size(), 2u);
  EXPECT_EQ(r42.rounds[1].tied, (std::vector<std::size_t>{B, C, D}));
  EXPECT_EQ(r42.rounds[1].tie_break, TieBreak::lot);
  EXPECT_EQ(r42.rounds[1].eliminated, C);

  auto r7 = count_ranked(ballots, 5, 7, kAnyone);
  EXPECT_EQ(r7.rounds[1].eliminated, B);
}

TEST(RankedChoice, EveryRoundIsReturnedForDisplay) {
  // Four options, one ballot each: three eliminations (all by lot) and a winner in round 4.
  std::vector<RankedBallot> ballots{{{A}}, {{B}}, {{C}}, {{D}}};
  auto r = count_ranked(ballots, 4, 5, kAnyone);
  ASSERT_EQ(r.rounds.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.rounds[i].number, static_cast<int>(i) + 1);
    EXPECT_TRUE(r.rounds[i].eliminated);
  }
  EXPECT_TRUE(r.rounds[3].winner);
  EXPECT_EQ(r.rounds[3].continuing_ballots, 1);
  EXPECT_EQ(r.rounds[3].exhausted, 3);
}

TEST(RankedChoice, NoBallotsMeansNoWinner) {
  auto r = count_ranked({}, 3, 1, kAnyone);
  ASSERT_EQ(r.rounds.size(), 1u);
  EXPECT_EQ(r.rounds[0].continuing_ballots, 0);
  EXPECT_FALSE(r.winner);
  EXPECT_EQ(r.outcome, Outcome::no_votes);
}

TEST(RankedChoice, WithoutQuorumTheCountIsShownButNothingIsDecided) {
  // 10 members, 50 % quorum: 5 must take part; 4 did.
  std::vector<RankedBallot> ballots;
  add(ballots, 3, {A});
  add(ballots, 1, {B});
  auto r = count_ranked(ballots, 2, 1, {10, 50});
  EXPECT_EQ(r.outcome, Outcome::no_quorum);
  EXPECT_FALSE(r.winner);
  EXPECT_EQ(r.leader, A);
  EXPECT_EQ(r.quorum.required, 5);
  EXPECT_EQ(r.quorum.turnout, 4);
}

TEST(RankedChoice, InvalidPositionsAreSkippedNotTrusted) {
  // Never stored, but if one arrived: the unknown 7 and the repeat of A are ignored, so
  // this ballot counts as A then B.
  std::vector<RankedBallot> ballots{{{7, A, A, B}}, {{B}}, {{B}}};
  auto r = count_ranked(ballots, 2, 1, kAnyone);
  EXPECT_EQ(r.rounds[0].votes, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(r.winner, B);
}

}  // namespace
}  // namespace hs::decisions
