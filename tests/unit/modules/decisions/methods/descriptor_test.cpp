// The method table: every method's descriptor sits at its method's place, and what it
// stores from the answer form it reads back, counts and writes out as that method.
#include "modules/decisions/methods/descriptor.hpp"

#include <gtest/gtest.h>

namespace hs::decisions {
namespace {

// A valid answer to a proposal with three options (none for methods without options).
BallotFields answer(Method m) {
  BallotFields f;
  switch (m) {
    case Method::consent:
      f.choice = "object";
      f.reason = "It clashes with school pick-up.";
      break;
    case Method::consensus: f.choice = "disagree"; break;
    case Method::majority: f.choice = "abstain"; break;
    case Method::ranked_choice: f.ranks = {"2", "0", ""}; break;
    case Method::score: f.scores = {"1", "5", " 3 "}; break;
    case Method::dot_vote: f.dots = {"", "2", "1"}; break;
    case Method::meeting_poll: f.slots = {"no", "if_need_be", "yes"}; break;
  }
  return f;
}

TEST(MethodTable, EachMethodStoresReadsBackCountsAndExportsAsItself) {
  const std::vector<std::string> options = {"Garden", "Library", "Bikes"};
  for (auto m : kAllMethods) {
    SCOPED_TRACE(std::string(to_string(m)));
    Settings s;
    s.method = m;
    s.dots_per_person = 3;
    const std::size_t n = decides_proposal(m) ? 0 : options.size();
    auto stored = parse_ballot(s, n, answer(m));
    ASSERT_TRUE(stored) << stored.error().message_key;

    // What the page puts back in the form is what was stored.
    BallotFields again;
    descriptor(m).fill_fields(stored->choice, again);
    again.reason = stored->reason;
    auto restored = parse_ballot(s, n, again);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->choice, stored->choice);

    auto t = tally(s, Phase::closed, 1, n, {{VoterKey{"1"}, *stored, 0}}, 1);
    EXPECT_EQ(t.method, m);
    EXPECT_EQ(t.result.index(), static_cast<std::size_t>(m));  // the result type at the method's place
    EXPECT_EQ(t.quorum.turnout, 1);                            // the answer decoded and counted

    auto table = results_table(t, decides_proposal(m) ? std::vector<std::string>{} : options);
    ASSERT_FALSE(table.rows.empty());
    EXPECT_EQ(table.columns.back(), "quorum_met");
    EXPECT_EQ(table.rows[0].size(), table.columns.size());
  }
}

TEST(MethodTable, OnlyMajorityAndDotVoteReadSettingsOfTheirOwn) {
  ProposalFields f;
  f.threshold = "two_thirds";
  f.dots = " 7 ";
  for (auto m : kAllMethods) {
    Settings s;
    Validation v;
    descriptor(m).read_settings(f, s, v);
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(s.threshold, m == Method::majority ? Threshold::two_thirds : Threshold::simple_majority);
    EXPECT_EQ(s.dots_per_person, m == Method::dot_vote ? 7 : 0);
  }
}

}  // namespace
}  // namespace hs::decisions
