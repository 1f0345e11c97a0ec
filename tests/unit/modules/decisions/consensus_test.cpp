#include "modules/decisions/rules/consensus.hpp"

#include <gtest/gtest.h>

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {
namespace {

constexpr std::int64_t kOpened = 1'800'000'000;
constexpr std::int64_t kCloses = kOpened + 3 * 86400;

Settings consensus_settings() {
  Settings s;
  s.method = Method::consensus;
  s.closes_at = kCloses;
  return s;
}

ConsensusEvent say(const char* who, Position p, const char* reason = "", std::int64_t at = kOpened + 10) {
  return {ConsensusAction::respond, VoterKey{who}, p, reason, at};
}
ConsensusEvent close_at(std::int64_t at = kCloses) { return {ConsensusAction::close, {}, Position::agree, "", at}; }

// Applies events in order from a fresh state, failing the test on the first refusal.
ConsensusState run(std::vector<ConsensusEvent> events, const Settings& s = consensus_settings()) {
  ConsensusState state;
  for (const auto& e : events) {
    auto r = apply(state, e, s);
    EXPECT_TRUE(r) << (r ? "" : r.error().message_key);
    if (!r) return ConsensusState{};
    state = std::move(*r);
  }
  return state;
}

TEST(ConsensusProcess, PassesWithAgreementAndNoBlock) {
  auto state = run({say("m1", Position::agree), say("m2", Position::agree), say("m3", Position::abstain), close_at()});
  auto r = consensus_result(state, {5, 0});
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.agree, 2);
  EXPECT_EQ(r.abstain, 1);
}

TEST(ConsensusProcess, DisagreeingStandsAsideAndDoesNotStopIt) {
  auto state = run({say("m1", Position::agree), say("m2", Position::disagree, "I would rather meet monthly"),
                    say("m3", Position::disagree), close_at()});
  auto r = consensus_result(state, {5, 0});
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.disagree, 2);
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].position, Position::disagree);
  EXPECT_EQ(r.reasons[0].reason, "I would rather meet monthly");
}

TEST(ConsensusProcess, OneBlockStopsIt) {
  auto state = run({say("m1", Position::agree), say("m2", Position::agree),
                    say("m3", Position::block, "Breaks our promise to pay people for their time"), close_at()});
  auto r = consensus_result(state, {3, 100});
  EXPECT_EQ(r.outcome, Outcome::blocked);
  EXPECT_EQ(r.block, 1);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_EQ(r.reasons[0].position, Position::block);  // blocks are listed first
}

TEST(ConsensusProcess, BlockRequiresAReason) {
  auto r = apply(ConsensusState{}, say("m1", Position::block, "  "), consensus_settings());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kBlockReasonRequired);
  EXPECT_EQ(r.error().fields[0].field, "reason");
  // Other positions need none unless the poll asks for reasons.
  EXPECT_TRUE(apply(ConsensusState{}, say("m1", Position::disagree), consensus_settings()));
  auto strict = consensus_settings();
  strict.reasons_required = true;
  auto agree = apply(ConsensusState{}, say("m1", Position::agree), strict);
  ASSERT_FALSE(agree);
  EXPECT_EQ(agree.error().message_key, keys::kReasonRequired);
}

TEST(ConsensusProcess, NobodyAgreeingIsNotConsensus) {
  auto state = run({say("m1", Position::abstain), say("m2", Position::disagree), close_at()});
  EXPECT_EQ(consensus_result(state, {4, 0}).outcome, Outcome::no_agreement);
  EXPECT_EQ(consensus_result(run({close_at()}), {4, 0}).outcome, Outcome::no_agreement);
}

TEST(ConsensusProcess, BlockStaysAfterUnrelatedEventsUntilChanged) {
  auto state = run({say("m1", Position::block, "Leaves out people who cannot travel"), say("m2", Position::agree),
                    say("m3", Position::abstain), say("m2", Position::disagree, "", kOpened + 20)});
  EXPECT_EQ(consensus_result(state, {5, 0}).outcome, Outcome::blocked);

  // The blocker changes their own position: the block is gone.
  auto changed = apply(state, say("m1", Position::disagree, "", kOpened + 30), consensus_settings());
  ASSERT_TRUE(changed);
  EXPECT_EQ(consensus_result(*changed, {5, 0}).block, 0);
}

TEST(ConsensusProcess, ClosedMeansClosed) {
  auto s = consensus_settings();
  auto late = apply(ConsensusState{}, say("m1", Position::agree, "", kCloses), s);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().message_key, keys::kClosed);
  auto early = apply(ConsensusState{}, close_at(kCloses - 60), s);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message_key, keys::kCloseTooEarly);
  auto closed = run({say("m1", Position::agree), close_at()});
  EXPECT_EQ(closed.phase, Phase::closed);
  EXPECT_FALSE(apply(closed, say("m2", Position::agree, "", kOpened + 50), s));
}

TEST(ConsensusProcess, QuorumCountsEveryPositionAndComesFirst) {
  // 7 members, 50 %: ceil(3.5) = 4 must take part. Abstaining and standing aside count.
  auto three = run({say("m1", Position::agree), say("m2", Position::abstain), say("m3", Position::disagree)});
  auto r3 = consensus_result(three, {7, 50});
  EXPECT_EQ(r3.quorum.required, 4);
  EXPECT_EQ(r3.outcome, Outcome::no_quorum);
  auto four = apply(three, say("m4", Position::block, "Not safe"), consensus_settings());
  ASSERT_TRUE(four);
  EXPECT_EQ(consensus_result(*four, {7, 50}).outcome, Outcome::blocked);
}

TEST(ConsensusProcess, PositionsParseFromForms) {
  EXPECT_EQ(parse_position("block"), Position::block);
  EXPECT_EQ(parse_position("disagree"), Position::disagree);
  EXPECT_FALSE(parse_position("veto"));
  EXPECT_FALSE(parse_position("Block"));
  for (auto p : {Position::agree, Position::abstain, Position::disagree, Position::block})
    EXPECT_EQ(parse_position(to_string(p)), p);
}

}  // namespace
}  // namespace hs::decisions
