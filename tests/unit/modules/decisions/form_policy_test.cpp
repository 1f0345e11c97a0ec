// Reading the proposal and answer forms, the stored form of answers, sealing at one
// length, the count over stored answers, and the closing-early policy.
#include <gtest/gtest.h>

#include "modules/decisions/ballot_codec.hpp"
#include "modules/decisions/form.hpp"
#include "modules/decisions/policy.hpp"
#include "modules/decisions/tally.hpp"

namespace hs::decisions {

namespace {

constexpr std::int64_t kNow = 1'900'000'000;  // 2030-03-17 17:46:40 UTC

ProposalFields good() {
  ProposalFields f;
  f.title = "Meet every two weeks";
  f.details = "Monthly is too far apart.";
  f.method = "consent";
  auto d = date_parts(kNow + 3 * 86400);
  f.closes_day = d.day;
  f.closes_month = d.month;
  f.closes_year = d.year;
  f.closes_time = "17:00";
  f.quorum = "50";
  f.results = "after_close";
  f.threshold = "simple_majority";
  f.dots = "5";
  return f;
}

bool has_field(const Error& e, const std::string& field, const std::string& key) {
  for (const auto& f : e.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

TEST(UtcTime, ReadsRealDatesAndTimesOnly) {
  EXPECT_EQ(utc_time("1", "1", "1970", "00:00"), 0);
  EXPECT_EQ(utc_time("29", "2", "2028", "17:30"), 1835458200);
  EXPECT_FALSE(utc_time("29", "2", "2027", "17:30"));
  EXPECT_FALSE(utc_time("31", "4", "2027", "10:00"));
  EXPECT_FALSE(utc_time("1", "13", "2027", "10:00"));
  EXPECT_FALSE(utc_time("1", "1", "2027", "24:00"));
  EXPECT_FALSE(utc_time("1", "1", "2027", "9:5"));
  EXPECT_FALSE(utc_time("x", "1", "2027", "10:00"));
  EXPECT_EQ(utc_time(" 2 ", "1", "2027", "9.05"), utc_time("2", "1", "2027", "09:05"));
  auto p = date_parts(1835458200);
  EXPECT_EQ(p.day, "29");
  EXPECT_EQ(p.month, "2");
  EXPECT_EQ(p.year, "2028");
  EXPECT_EQ(p.time, "17:30");
}

TEST(ParseProposal, GoodFormsOpen) {
  auto p = parse_proposal(good(), kNow);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->settings.method, Method::consent);
  EXPECT_EQ(p->settings.quorum_percent, 50);
  EXPECT_TRUE(p->options.empty());

  auto f = good();
  f.method = "ranked_choice";
  f.options = "  Library \n\n Harbour room\r\nOnline ";
  p = parse_proposal(f, kNow);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->options, (std::vector<std::string>{"Library", "Harbour room", "Online"}));
}

TEST(ParseProposal, EveryProblemIsReportedAtOnceBesideItsField) {
  ProposalFields f;
  f.method = "lottery";
  f.quorum = "120";
  f.results = "never";
  auto p = parse_proposal(f, kNow);
  ASSERT_FALSE(p.has_value());
  EXPECT_TRUE(has_field(p.error(), "title", "decisions_title_required"));
  EXPECT_TRUE(has_field(p.error(), "details", "decisions_details_required"));
  EXPECT_TRUE(has_field(p.error(), "method", "decisions_method_unknown"));
  EXPECT_TRUE(has_field(p.error(), "closes_at", "decisions_closes_invalid"));
  EXPECT_TRUE(has_field(p.error(), "quorum", "decisions_settings_quorum_range"));
  EXPECT_TRUE(has_field(p.error(), "results", "decisions_settings_visibility_unknown"));
}

TEST(ParseProposal, ClosingTimeMustBeAheadAndOptionsMustSuitTheMethod) {
  auto f = good();
  auto d = date_parts(kNow - 3600);
  f.closes_day = d.day;
  f.closes_month = d.month;
  f.closes_year = d.year;
  f.closes_time = d.time;
  auto p = parse_proposal(f, kNow);
  ASSERT_FALSE(p.has_value());
  EXPECT_TRUE(has_field(p.error(), "closes_at", "decisions_settings_closes_past"));

  f = good();
  f.options = "Yes\nNo";
  p = parse_proposal(f, kNow);
  ASSERT_FALSE(p.has_value());
  EXPECT_TRUE(has_field(p.error(), "options", "decisions_options_not_allowed"));

  f = good();
  f.method = "dot_vote";
  f.options = "A\nB";
  f.dots = "0";
  p = parse_proposal(f, kNow);
  ASSERT_FALSE(p.has_value());
  EXPECT_TRUE(has_field(p.error(), "dots", "decisions_settings_dots_range"));
}

Settings with(Method m) {
  Settings s;
  s.method = m;
  s.dots_per_person = 3;
  return s;
}

TEST(ParseBallot, EachMethodReadsItsOwnFields) {
  BallotFields f;
  f.ranks = {"2", "", "0"};
  auto b = parse_ballot(with(Method::ranked_choice), 3, f);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->choice, "2,0");

  f = {};
  f.ranks = {"1", "1"};
  b = parse_ballot(with(Method::ranked_choice), 3, f);
  ASSERT_FALSE(b.has_value());
  EXPECT_TRUE(has_field(b.error(), "ranking", "decisions_ballot_rank_duplicate"));

  f = {};
  f.scores = {"5", "0", "3"};
  EXPECT_EQ(parse_ballot(with(Method::score), 3, f)->choice, "5,0,3");
  f.scores = {"5", "", "3"};
  EXPECT_FALSE(parse_ballot(with(Method::score), 3, f).has_value());
  f.scores = {"6", "0", "3"};
  EXPECT_TRUE(has_field(parse_ballot(with(Method::score), 3, f).error(), "scores", "decisions_ballot_score_range"));

  f = {};
  f.dots = {"2", "", "1"};
  EXPECT_EQ(parse_ballot(with(Method::dot_vote), 3, f)->choice, "2,0,1");
  f.dots = {"2", "2", "0"};
  EXPECT_TRUE(has_field(parse_ballot(with(Method::dot_vote), 3, f).error(), "dots", "decisions_ballot_dots_over"));

  f = {};
  f.slots = {"yes", "if_need_be"};
  EXPECT_EQ(parse_ballot(with(Method::meeting_poll), 2, f)->choice, "yes,if_need_be");
  f.slots = {"yes", ""};
  EXPECT_FALSE(parse_ballot(with(Method::meeting_poll), 2, f).has_value());

  f = {};
  f.choice = "maybe";
  EXPECT_TRUE(
      has_field(parse_ballot(with(Method::majority), 0, f).error(), "choice", "decisions_ballot_choice_required"));
  f.choice = "object";
  EXPECT_EQ(parse_ballot(with(Method::consent), 0, f)->choice, "object");
  f.choice = "block";
  EXPECT_EQ(parse_ballot(with(Method::consensus), 0, f)->choice, "block");
}

TEST(ParseBallot, ReasonsAreCheckedWhereThePollAsksForThem) {
  auto s = with(Method::majority);
  s.reasons_required = true;
  BallotFields f;
  f.choice = "yes";
  EXPECT_TRUE(has_field(parse_ballot(s, 0, f).error(), "reason", "decisions_reason_required"));
  f.reason = "  Because fortnightly suits carers.  ";
  EXPECT_EQ(parse_ballot(s, 0, f)->reason, "Because fortnightly suits carers.");
}

TEST(BallotCodec, RoundTripsAndPacksToOneLength) {
  EXPECT_EQ(decode_ranked("2,0,1")->ranking, (std::vector<std::size_t>{2, 0, 1}));
  EXPECT_FALSE(decode_ranked("2,,1"));
  EXPECT_FALSE(decode_score(""));
  EXPECT_EQ(encode(*decode_availability("yes,no,if_need_be")), "yes,no,if_need_be");

  StoredBallot a{"yes", "", 1};
  StoredBallot b{"abstain", std::string(2000, 'x') + "\xE2\x80\x94 a long reason", 3};
  auto pa = pack(a), pb = pack(b);
  EXPECT_EQ(pa.size(), kPackedBallotSize);
  EXPECT_EQ(pb.size(), kPackedBallotSize);
  EXPECT_EQ(unpack(pa), a);
  EXPECT_EQ(unpack(pb), b);
  EXPECT_FALSE(unpack("no newline"));
}

TEST(Tally, CountsStoredAnswersForEveryMethod) {
  Settings s = with(Method::majority);
  std::vector<KeyedBallot> ballots = {{{"1"}, {"yes", "", 1}, 0},
                                      {{"2"}, {"no", "", 1}, 0},
                                      {{"3"}, {"yes", "", 1}, 0},
                                      {{"4"}, {"garbage", "", 1}, 0}};
  auto t = tally(s, Phase::closed, 1, 0, ballots, 4);
  EXPECT_EQ(t.outcome, Outcome::passed);
  EXPECT_EQ(std::get<MajorityResult>(t.result).yes, 2);
  auto csv = to_csv(results_table(t, {}));
  EXPECT_NE(csv.find("passed"), std::string::npos);

  s = with(Method::consent);
  ballots = {{{"1"}, {"consent", "", 1}, 5}, {{"2"}, {"object", "It clashes with school pick-up.", 1}, 6}};
  t = tally(s, Phase::closed, 1, 0, ballots, 2);
  EXPECT_EQ(t.outcome, Outcome::objections_stand);
  EXPECT_TRUE(objection_stands(Method::consent, ballots));
  EXPECT_FALSE(objection_stands(Method::majority, ballots));

  s = with(Method::ranked_choice);
  ballots = {{{"1"}, {"0,1", "", 1}, 0}, {{"2"}, {"1", "", 1}, 0}, {{"3"}, {"0", "", 1}, 0}};
  t = tally(s, Phase::closed, 9, 2, ballots, 3);
  EXPECT_EQ(std::get<RankedResult>(t.result).winner, std::optional<std::size_t>(0));
}

TEST(Policy, AnonymousPollsShowNoResultsBeforeClosing) {
  Settings s;
  s.anonymous = true;
  s.results = ResultsVisibility::after_voting;
  EXPECT_EQ(settings_for_opening(s).results, ResultsVisibility::after_close);
  s.anonymous = false;
  EXPECT_EQ(settings_for_opening(s).results, ResultsVisibility::after_voting);
}

TEST(Policy, ClosingEarlyOnlyWhenNobodyLosesTheirSay) {
  Settings s = with(Method::majority);
  s.closes_at = kNow + 100;
  EXPECT_EQ(check_close(Phase::open, s, kNow, {4, 5, false}).error().message_key, "decisions_close_early_not_everyone");
  EXPECT_TRUE(check_close(Phase::open, s, kNow, {5, 5, false}).has_value());
  EXPECT_EQ(check_close(Phase::open, s, kNow, {0, 0, false}).error().message_key, "decisions_close_early_not_everyone");

  s.method = Method::consent;
  EXPECT_EQ(check_close(Phase::open, s, kNow, {5, 5, true}).error().message_key, "decisions_close_early_objection");
  s.anonymous = true;  // answers are not looked at before closing
  EXPECT_TRUE(check_close(Phase::open, s, kNow, {5, 5, true}).has_value());

  // At and after the closing time the rules alone decide.
  EXPECT_TRUE(check_close(Phase::open, s, kNow + 100, {0, 5, true}).has_value());
  EXPECT_EQ(check_close(Phase::closed, s, kNow + 100, {5, 5, false}).error().message_key, "decisions_closed");
  EXPECT_TRUE(closes_early(s, kNow));
  EXPECT_FALSE(closes_early(s, kNow + 100));
}

}  // namespace

}  // namespace hs::decisions
