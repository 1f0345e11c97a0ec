// Setting up a breakout round (pure checks), reading a pasted list of groups, who may
// do what, and that the balanced assignment avoids people who met in earlier rounds.
#include "modules/breakouts/rules/round.hpp"

#include <gtest/gtest.h>

#include <set>

#include "modules/breakouts/permissions.hpp"
#include "modules/breakouts/rules/assign.hpp"

namespace hs::breakouts {
namespace {

std::set<std::string> fields_of(const Error& e) {
  std::set<std::string> out;
  for (const auto& f : e.fields) out.insert(f.field);
  return out;
}

TEST(BreakoutRound, AGoodRoundIsRead) {
  auto r = check_round({"What helps?\n\n  What gets in the way?  \n", "3", "5", "20", " Hard topics ", "self_select"});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->prompts, (std::vector<std::string>{"What helps?", "What gets in the way?"}));
  EXPECT_EQ(r->min_size, 3);
  EXPECT_EQ(r->max_size, 5);
  EXPECT_EQ(r->duration_minutes, 20);
  EXPECT_EQ(r->content_note, "Hard topics");
  EXPECT_EQ(r->mode, Mode::self_select);
}

TEST(BreakoutRound, EveryMistakeIsNamedByItsField) {
  auto r = check_round({"", "1", "x", "181", std::string(501, 'a'), "random"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(fields_of(r.error()),
            (std::set<std::string>{"prompts", "min_size", "max_size", "duration", "content_note", "mode"}));
  auto order = check_round({"Q", "5", "3", "10", "", "balanced"});
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error().fields.front().message_key, "breakouts_size_order");
  auto many = check_round({"a\nb\nc\nd\ne\nf", "2", "3", "10", "", ""});
  ASSERT_FALSE(many.has_value());
  EXPECT_EQ(many.error().fields.front().message_key, "breakouts_prompts_too_many");
}

TEST(BreakoutCsv, ReadsNamesAndGroupsAndReportsBadLines) {
  auto plan = parse_csv_places(
      "\xEF\xBB\xBFname,group\r\nAda Brennan,1\r\n\"Okafor, Sam\",2\n\n,3\nLena,zero\nno comma here\n\"open quote,1\n");
  ASSERT_EQ(plan.places.size(), 2u);
  EXPECT_EQ(plan.places[0].name, "Ada Brennan");
  EXPECT_EQ(plan.places[0].group, 1);
  EXPECT_EQ(plan.places[1].name, "Okafor, Sam");
  EXPECT_EQ(plan.places[1].group, 2);
  ASSERT_EQ(plan.problems.size(), 4u);
  EXPECT_EQ(plan.problems[0].line, 5u);
  EXPECT_EQ(plan.problems[0].key, "breakouts_csv_name_missing");
  EXPECT_EQ(plan.problems[1].key, "breakouts_csv_group_invalid");
  EXPECT_EQ(plan.problems[2].key, "breakouts_csv_line_invalid");
  EXPECT_EQ(plan.problems[3].key, "breakouts_csv_line_invalid");
}

TEST(BreakoutPairs, NamesInPairsAreReadAndWrittenBack) {
  auto pairs = parse_pairs("Ada Brennan, Sam Okafor\n\n\"Lee, Jo\", Mo Baines\n");
  ASSERT_TRUE(pairs.has_value());
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[1].first, "Lee, Jo");
  EXPECT_EQ(parse_pairs(format_pairs(*pairs)), pairs);
  EXPECT_FALSE(parse_pairs("just one name").has_value());
  EXPECT_FALSE(parse_pairs("Ada, ada").has_value()) << "a person paired with themselves";
  EXPECT_FALSE(parse_pairs("Ada, Sam, Lee").has_value());
  auto r = check_round({"Q", "2", "3", "10", "", "balanced", "Ada", "Sam, Lee"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(fields_of(r.error()), (std::set<std::string>{"keep_apart"}));
}

TEST(BreakoutDetails, DetailsToSpreadAreReadPerPerson) {
  auto d =
      parse_attributes("Ada Brennan, lived experience, organisation: Riverbend Trust\nSam Okafor, Needs Captions\n");
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->size(), 2u);
  EXPECT_EQ((*d)[0].attributes.at("lived experience"), "yes");
  EXPECT_EQ((*d)[0].attributes.at("organisation"), "Riverbend Trust");
  EXPECT_EQ((*d)[1].attributes.at("needs captions"), "yes");
  EXPECT_FALSE(parse_attributes("Ada Brennan").has_value()) << "a name with no detail";
  EXPECT_FALSE(parse_attributes("Ada, host: yes").has_value()) << "hosts come from roles, not from the list";
  EXPECT_FALSE(parse_attributes("Ada, : x").has_value());
  auto r = check_round({"Q", "2", "3", "10", "", "balanced", "", "", "0", "nobody", false});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(fields_of(r.error()), (std::set<std::string>{"groups", "attributes"}));
  auto ok = check_round({"Q", "2", "3", "10", "", "balanced", "", "", "4", "", true});
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->group_count, 4);
  EXPECT_TRUE(ok->space_history);
}

TEST(BreakoutAssign, AnExactNumberOfGroupsWithEvenSizes) {
  PlanInput in;
  in.people.resize(10);
  in.groups = 3;
  in.min_size = 3;
  in.max_size = 4;
  auto plan = plan_groups(in);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->rounds.front().size(), 3u);
  for (const auto& g : plan->rounds.front()) EXPECT_TRUE(g.size() == 3 || g.size() == 4);
  in.groups = 5;  // 5 groups of 3 to 4 cannot hold 10 people
  EXPECT_FALSE(plan_groups(in).has_value());
}

TEST(BreakoutPermissions, TheWholeTable) {
  using S = events::Standing;
  struct Row {
    S s;
    bool run, take_part, notes_in_group, notes_elsewhere, for_group_as_host;
  };
  const Row table[] = {
      {S::nobody, false, false, false, false, false}, {S::participant, false, true, true, false, true},
      {S::member, false, true, true, false, true},    {S::facilitator, true, true, true, true, true},
      {S::steward, true, true, true, true, true},     {S::auditor, false, false, false, false, false},
  };
  for (const auto& r : table) {
    EXPECT_EQ(permissions::run_rounds(r.s), r.run) << int(r.s);
    EXPECT_EQ(permissions::take_part(r.s), r.take_part) << int(r.s);
    EXPECT_EQ(permissions::read_group_notes(r.s, true), r.notes_in_group) << int(r.s);
    EXPECT_EQ(permissions::read_group_notes(r.s, false), r.notes_elsewhere) << int(r.s);
    EXPECT_EQ(permissions::write_for_group(r.s, true), r.for_group_as_host) << int(r.s);
    EXPECT_FALSE(permissions::write_for_group(r.s, false)) << int(r.s);
  }
}

TEST(BreakoutAssign, PeopleWhoMetInEarlierRoundsAreKeptApart) {
  PlanInput in;
  in.people.resize(8);
  in.min_size = in.max_size = 2;
  // Earlier: {0,1,2,3} and {4,5,6,7} were groups.
  for (int g : {0, 4})
    for (int a = g; a < g + 4; ++a)
      for (int b = a + 1; b < g + 4; ++b) in.met_before.emplace_back(a, b);
  auto plan = plan_groups(in);
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->figures.repeat_meetings, 0);
  for (const auto& group : plan->rounds.front()) EXPECT_NE(group[0] / 4, group[1] / 4);
  // Without room to avoid it, the checker counts the repeats honestly.
  in.min_size = in.max_size = 4;
  auto forced = plan_groups(in);
  ASSERT_TRUE(forced.has_value());
  EXPECT_GT(forced->figures.repeat_meetings, 0);
  EXPECT_EQ(check_plan(in, forced->rounds).repeat_meetings, forced->figures.repeat_meetings);
  in.met_before.emplace_back(0, 9);
  EXPECT_FALSE(plan_groups(in).has_value());
}

TEST(BreakoutNames, TheSameNameIsToldApartInJoiningOrder) {
  EXPECT_EQ(told_apart({"Ana", "Bex", "ana", "Ana", "Cai"}),
            (std::vector<std::string>{"Ana", "Bex", "ana (2)", "Ana (3)", "Cai"}));
  EXPECT_TRUE(told_apart({}).empty());
}

TEST(BreakoutTimer, MinutesAndSecondsAndTheEndByItself) {
  EXPECT_EQ(clock_text(0), "0:00");
  EXPECT_EQ(clock_text(59), "0:59");
  EXPECT_EQ(clock_text(605), "10:05");
  EXPECT_EQ(clock_text(-3), "0:00");
  EXPECT_FALSE(due_to_end(1000, true, 1000));  // time is up: the countdown starts
  EXPECT_FALSE(due_to_end(1000, true, 1000 + kBringBackSeconds - 1));
  EXPECT_TRUE(due_to_end(1000, true, 1000 + kBringBackSeconds));
  EXPECT_FALSE(due_to_end(1000, false, 99999));  // the facilitator ends it
  EXPECT_FALSE(due_to_end(std::nullopt, true, 99999));
}

}  // namespace
}  // namespace hs::breakouts
