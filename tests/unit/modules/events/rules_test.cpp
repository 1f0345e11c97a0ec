#include <gtest/gtest.h>

#include <set>

#include "core/crypto.hpp"
#include "modules/events/permissions.hpp"
#include "modules/events/rules/cloud.hpp"
#include "modules/events/rules/fields.hpp"
#include "modules/events/rules/join_code.hpp"
#include "modules/events/rules/poll.hpp"
#include "modules/events/rules/questions.hpp"

namespace hs::events {

TEST(JoinCode, AlphabetHasNoLookAlikes) {
  for (char ch : std::string("01OIL")) EXPECT_EQ(kJoinAlphabet.find(ch), std::string_view::npos) << ch;
  EXPECT_EQ(kJoinAlphabet.size(), 31u);
  EXPECT_EQ(kJoinCodeLength, 6u);
}

TEST(JoinCode, GeneratedCodesAreValid) {
  crypto::init();
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto code = crypto::random_from(kJoinAlphabet, kJoinCodeLength);
    EXPECT_TRUE(valid_join_code(code)) << code;
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 190u);
}

TEST(JoinCode, NormalisesWhatPeopleType) {
  EXPECT_EQ(normalise_join_code("kx7 p2m"), "KX7P2M");
  EXPECT_EQ(normalise_join_code(" KX7-P2M "), "KX7P2M");
  EXPECT_FALSE(normalise_join_code("KX7P2"));    // too short
  EXPECT_FALSE(normalise_join_code("KX7P2MM"));  // too long
  EXPECT_FALSE(normalise_join_code("KO7P2M"));   // O is not in the alphabet
  EXPECT_FALSE(normalise_join_code("KX7P1M"));
  EXPECT_FALSE(normalise_join_code(""));
}

TEST(Poll, SingleChoiceTakesExactlyOneKnownOption) {
  std::vector<PollOption> opts{{1, "A"}, {2, "B"}};
  EXPECT_TRUE(check_choice(false, opts, {2}));
  EXPECT_FALSE(check_choice(false, opts, {1, 2}));
  EXPECT_FALSE(check_choice(false, opts, {}));
  EXPECT_FALSE(check_choice(false, opts, {3}));
  auto m = check_choice(true, opts, {1, 2, 1});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->size(), 2u);  // repeats ignored
}

TEST(Poll, TallyCountsVotesAndPercentOfPeople) {
  std::vector<PollOption> opts{{1, "A"}, {2, "B"}, {3, "C"}};
  auto t = tally(opts, {2, 2, 3, 1, 2}, 4);  // multiple choice: 4 people, 5 ticks
  ASSERT_EQ(t.counts.size(), 3u);
  EXPECT_EQ(t.counts[0].votes, 1);
  EXPECT_EQ(t.counts[1].votes, 3);
  EXPECT_EQ(t.counts[1].percent, 75);
  EXPECT_EQ(t.counts[2].percent, 25);
  auto empty = tally(opts, {}, 0);
  EXPECT_EQ(empty.counts[0].percent, 0);
}

TEST(Poll, ChartLongestBarIsFullWidth) {
  std::vector<PollOption> opts{{1, "A"}, {2, "B"}};
  auto l = chart_layout(tally(opts, {2, 2, 1}, 3));
  ASSERT_EQ(l.bars.size(), 2u);
  EXPECT_EQ(l.bars[1].bar_width, l.width - 80);
  EXPECT_EQ(l.bars[0].bar_width, (l.width - 80) / 2);
  EXPECT_GT(l.bars[1].bar_y, l.bars[0].bar_y);
  EXPECT_EQ(chart_layout(tally(opts, {}, 0)).bars[0].bar_width, 2);  // still visible
}

TEST(Questions, OrderByVotesThenTimeWithAnsweredLast) {
  std::vector<QuestionKey> qs{{1, 2, 100, false}, {2, 5, 200, false}, {3, 9, 50, true}, {4, 2, 90, false}};
  order_questions(qs, QuestionSort::votes);
  EXPECT_EQ(qs[0].id, 2);
  EXPECT_EQ(qs[1].id, 4);  // same votes: asked earlier first
  EXPECT_EQ(qs[2].id, 1);
  EXPECT_EQ(qs[3].id, 3);  // answered go last
  order_questions(qs, QuestionSort::time);
  EXPECT_EQ(qs[0].id, 4);
  EXPECT_EQ(qs[1].id, 1);
  EXPECT_EQ(qs[2].id, 2);
  EXPECT_EQ(qs[3].id, 3);
}

TEST(Questions, BodyAndNicknameLimits) {
  EXPECT_FALSE(check_question("   "));
  EXPECT_FALSE(check_question(std::string(501, 'a')));
  EXPECT_EQ(*check_question("  Why?  "), "Why?");
  EXPECT_EQ(*check_nickname(""), "");
  EXPECT_FALSE(check_nickname(std::string(41, 'a')));
}

TEST(Cloud, GroupsByTrimmedLowerCaseText) {
  auto g = group_entries({"Trust", " trust ", "power  sharing", "Power sharing", "TRUST", "listening"});
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].text, "Trust");
  EXPECT_EQ(g[0].count, 3);
  EXPECT_EQ(g[1].text, "power  sharing");
  EXPECT_EQ(g[1].count, 2);
  EXPECT_EQ(g[2].count, 1);
}

TEST(Cloud, EntryLimitPerPerson) {
  EXPECT_TRUE(check_entry("equals", 2, 3));
  auto full = check_entry("equals", 3, 3);
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().fields.at(0).message_key, "events_entry_limit");
  EXPECT_FALSE(check_entry(std::string(41, 'x'), 0, 3));
}

TEST(Fields, EventTimesMustBeInOrder) {
  EXPECT_TRUE(check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T16:00"}));
  auto bad = check_event({"", "", "2030-02-31T10:00", "2030-05-01T09:00"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 2u);  // title, starts (ends cannot be judged without a start)
  EXPECT_FALSE(check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T09:59"}));
  EXPECT_EQ(format_local_datetime(*parse_local_datetime("2030-05-01T10:00")), "2030-05-01T10:00");
}

TEST(Fields, PollNeedsTwoToTwelveAnswers) {
  ItemInput in;
  in.kind = "poll";
  in.title = "Where next?";
  in.options = "Library\n";
  EXPECT_FALSE(check_item(in));
  in.options = "Library\n\n  Online  \n";
  auto ok = check_item(in);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->options, (std::vector<std::string>{"Library", "Online"}));
  in.kind = "cloud";
  in.max_entries = "12";
  EXPECT_FALSE(check_item(in));
}

TEST(Fields, SpeakersCarryTheirOwnLine) {
  auto s = parse_speakers("Ada Quill | peer researcher, in recovery\nBo Lindqvist\n");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].about, "peer researcher, in recovery");
  EXPECT_EQ(s[1].about, "");
}

TEST(Permissions, RoleByAction) {
  using S = Standing;
  struct Row {
    S s;
    bool view, take, run, create, pres, steps, code;
  };
  const Row table[] = {
      {S::nobody, false, false, false, false, false, false, false},
      {S::participant, true, true, false, false, false, false, false},
      {S::member, true, true, false, false, false, false, true},
      {S::auditor, true, true, false, false, false, false, true},
      {S::facilitator, true, true, true, true, true, true, true},
      {S::steward, true, true, true, true, true, true, true},
  };
  for (const auto& r : table) {
    EXPECT_EQ(view_event(r.s), r.view) << static_cast<int>(r.s);
    EXPECT_EQ(take_part(r.s), r.take) << static_cast<int>(r.s);
    EXPECT_EQ(run_event(r.s), r.run) << static_cast<int>(r.s);
    EXPECT_EQ(create_event(r.s), r.create) << static_cast<int>(r.s);
    EXPECT_EQ(present(r.s), r.pres) << static_cast<int>(r.s);
    EXPECT_EQ(see_step_outs(r.s), r.steps) << static_cast<int>(r.s);
    EXPECT_EQ(see_join_code(r.s), r.code) << static_cast<int>(r.s);
  }
}

}  // namespace hs::events
