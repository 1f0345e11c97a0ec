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

namespace {
std::vector<CloudCount> counts(const std::vector<std::string>& texts, const std::vector<CloudDecision>& d = {}) {
  std::vector<CloudEntry> entries;
  std::int64_t id = 0;
  for (const auto& t : texts) entries.push_back({++id, t});
  auto t = build_tally("en", 40, entries, d);
  EXPECT_TRUE(t);
  return all_groups(*t);
}
}  // namespace

TEST(Cloud, GroupsByStemsShowingTheMostCommonForm) {
  auto g = counts({"Listening", "listen ", "listened", "Listening!", "power  sharing", "Power sharing", "the"});
  ASSERT_GE(g.size(), 3u);
  EXPECT_EQ(g[0].text, "Listening");
  EXPECT_EQ(g[0].count, 4);
  EXPECT_EQ(g[0].status, "shown");
  EXPECT_EQ(g[1].text, "power sharing");
  EXPECT_EQ(g[1].count, 2);
  EXPECT_EQ(g[2].status, "stop_word");
  auto shown = shown_groups(g);
  EXPECT_EQ(shown.size(), 2u);
}

TEST(Cloud, ListedWordsAreHeldAndDecisionsReplay) {
  auto g = counts({"bollocks", "trust", "Trusting"});
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].text, "trust");
  EXPECT_EQ(g[0].count, 2);
  EXPECT_EQ(g[1].status, "held");
  EXPECT_EQ(shown_groups(g).size(), 1u);

  // Released, the other hidden, merged and renamed: stored as rows and replayed.
  std::vector<CloudEntry> entries{{1, "bollocks"}, {2, "trust"}, {3, "hope"}};
  auto t = build_tally("en", 40, entries, {});
  ASSERT_TRUE(t);
  t->restore(g[1].key);
  ASSERT_TRUE(t->merge(t->groups()[2].key, g[0].key));  // hope counted as trust
  ASSERT_TRUE(t->rename(g[0].key, "Trust and hope"));
  auto rows = to_decisions(t->moderation());
  auto again = counts({"bollocks", "trust", "hope"}, rows);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].text, "Trust and hope");
  EXPECT_EQ(again[0].count, 2);
  EXPECT_EQ(again[1].status, "shown");
}

TEST(Cloud, EntryLimitPerPerson) {
  EXPECT_TRUE(check_entry("equals", 2, 3));
  auto full = check_entry("equals", 3, 3);
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().fields.at(0).message_key, "events_entry_limit");
  EXPECT_FALSE(check_entry(std::string(41, 'x'), 0, 3));
  EXPECT_TRUE(check_entry(std::string(60, 'x'), 0, 3, 60));
  EXPECT_EQ(*check_entry("  Listening!! ", 0, 3), "Listening");
}

TEST(Fields, EventTimesMustBeInOrder) {
  EXPECT_TRUE(check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T16:00"}));
  auto bad = check_event({"", "", "2030-02-31T10:00", "2030-05-01T09:00"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 2u);  // title, starts (ends cannot be judged without a start)
  EXPECT_FALSE(check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T09:59"}));
  EXPECT_EQ(format_local_datetime(*parse_local_datetime("2030-05-01T10:00")), "2030-05-01T10:00");
}

TEST(Fields, LocalDateTimesAreReadStrictly) {
  EXPECT_EQ(parse_local_datetime("2028-02-29T23:59"), 1835481540);     // a leap day
  EXPECT_EQ(parse_local_datetime("2028-02-29T23:59:30"), 1835481540);  // seconds are dropped
  EXPECT_FALSE(parse_local_datetime("2029-02-29T10:00"));
  EXPECT_FALSE(parse_local_datetime("2030-05-01T24:00"));
  EXPECT_FALSE(parse_local_datetime("2030-05-01 10:00"));
  EXPECT_FALSE(parse_local_datetime("2030-05-01T10:00:60"));
  EXPECT_FALSE(parse_local_datetime("2030-05-01T10:00xyz"));
  EXPECT_FALSE(parse_local_datetime("1999-12-31T10:00"));  // outside the years events use
  EXPECT_FALSE(parse_local_datetime("2201-01-01T10:00"));
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
  in.max_entries = "10";
  EXPECT_TRUE(check_item(in));
  in.max_entries = "11";
  EXPECT_FALSE(check_item(in));
  in.max_entries = "";
  in.max_chars = "9";
  EXPECT_FALSE(check_item(in));
  in.max_chars = "80";
  EXPECT_EQ(check_item(in)->max_chars, 80);
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
