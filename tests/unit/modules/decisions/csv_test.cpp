#include "modules/decisions/rules/csv.hpp"

#include <gtest/gtest.h>

#include "modules/decisions/methods/descriptor.hpp"
#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {
namespace {

// A result as its method's descriptor writes it out.
CsvTable results_table(Method m, const MethodResult& r, const std::vector<std::string>& options = {}) {
  return descriptor(m).csv(r, options);
}

TEST(DecisionCsv, PlainCellsStayPlain) {
  EXPECT_EQ(csv_cell("Community garden"), "Community garden");
  EXPECT_EQ(csv_cell("12"), "12");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("Café – Sunday’s"), "Café – Sunday’s");
}

TEST(DecisionCsv, QuotesCommasAndNewlinesAreQuoted) {
  EXPECT_EQ(csv_cell("Tea, coffee"), "\"Tea, coffee\"");
  EXPECT_EQ(csv_cell("The \"big\" room"), "\"The \"\"big\"\" room\"");
  EXPECT_EQ(csv_cell("line one\nline two"), "\"line one\nline two\"");
  EXPECT_EQ(csv_cell("a\r\nb"), "\"a\r\nb\"");
}

TEST(DecisionCsv, FormulasAreNeutralised) {
  EXPECT_EQ(csv_cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
  EXPECT_EQ(csv_cell("+44 20 7946 0000"), "'+44 20 7946 0000");
  EXPECT_EQ(csv_cell("-2+3"), "'-2+3");
  EXPECT_EQ(csv_cell("@cmd"), "'@cmd");
  EXPECT_EQ(csv_cell("\t=1"), "'\t=1");
  EXPECT_EQ(csv_cell("  =1"), "'  =1");  // spreadsheets may skip leading spaces
  // Both at once: neutralised, then quoted.
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x.example\",\"click\")"),
            "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\"");
  // Only the start matters.
  EXPECT_EQ(csv_cell("a=b"), "a=b");
  EXPECT_EQ(csv_cell("Drop-in"), "Drop-in");
}

TEST(DecisionCsv, TableHasHeaderRowAndCrlfLines) {
  CsvTable t{{"option", "votes"}, {{"Garden, north", "3"}, {"=cmd", "1"}}};
  EXPECT_EQ(to_csv(t), "option,votes\r\n\"Garden, north\",3\r\n'=cmd,1\r\n");
  auto heading = [](std::string_view c) { return std::string(keys::kCsvPrefix) + std::string(c); };
  EXPECT_EQ(to_csv(t, heading).substr(0, 35), "decisions_csv_option,decisions_csv_");
}

TEST(DecisionCsv, RankedExportHasARowPerRoundAndOption) {
  // 2 × A, 2 × B, 1 × C>A: round 1 A2 B2 C1, C leaves; round 2 A3 B2: A wins.
  std::vector<RankedBallot> ballots{{{0}}, {{0}}, {{1}}, {{1}}, {{2, 0}}};
  auto r = count_ranked(ballots, 3, 1, {5, 50});
  auto t = results_table(Method::ranked_choice, r, {"Garden", "=Café", "Bikes"});
  EXPECT_EQ(t.columns[0], "round");
  EXPECT_EQ(t.columns.back(), "quorum_met");
  // Round 1 has three options in the count; round 2 two.
  ASSERT_EQ(r.rounds.size(), 2u);
  ASSERT_EQ(t.rows.size(), 5u);
  EXPECT_EQ(t.rows[0][0], "1");
  EXPECT_EQ(t.rows[0][1], "Garden");
  EXPECT_EQ(t.rows[0][2], "2");
  EXPECT_EQ(t.rows[1][1], "=Café");  // kept as typed; neutralised when written out
  EXPECT_EQ(t.rows[2][1], "Bikes");
  EXPECT_EQ(t.rows[2][5], "1");     // eliminated
  EXPECT_EQ(t.rows[2][7], "none");  // no tie to break
  EXPECT_EQ(t.rows[3][0], "2");
  EXPECT_EQ(t.rows[3][2], "3");
  EXPECT_EQ(t.rows[3][6], "1");  // winner
  auto csv = to_csv(t);
  EXPECT_NE(csv.find("'=Café"), std::string::npos);
  EXPECT_EQ(csv.find(",=Café"), std::string::npos);
}

TEST(DecisionCsv, ExportsCarryResultsNeverBallots) {
  // Whatever the poll, the export is counts: here four named casts become one row that
  // holds no voter key.
  auto r = count_majority(std::vector<MajorityChoice>{MajorityChoice::yes, MajorityChoice::yes, MajorityChoice::no,
                                                      MajorityChoice::abstain},
                          Threshold::two_thirds, {8, 50});
  auto t = results_table(Method::majority, r);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"yes", "no", "abstain", "cast", "threshold", "outcome", "turnout",
                                                 "eligible", "quorum_required", "quorum_met"}));
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"2", "1", "1", "3", "two_thirds", "passed", "4", "8", "4", "1"}));
}

TEST(DecisionCsv, ScoreDotMeetingConsentConsensusTables) {
  auto score = count_score(std::vector<ScoreBallot>{{{1, 5}}, {{2, 4}}}, 2, {2, 0});
  auto st = results_table(Method::score, score, {"A", "B"});
  ASSERT_EQ(st.rows.size(), 2u);
  EXPECT_EQ(st.rows[0][0], "B");  // best first
  EXPECT_EQ(st.rows[0][2], "4.50");

  auto dots = count_dots(std::vector<DotBallot>{{{1, 2}}}, 2, 3, {1, 0});
  EXPECT_EQ(results_table(Method::dot_vote, dots, {"A", "B"}).rows[0][0], "B");

  using enum Availability;
  auto meet = count_availability(std::vector<AvailabilityBallot>{{{yes, no}}}, 2, {1, 0});
  auto mt = results_table(Method::meeting_poll, meet, {"Tue 10:00", "Wed 14:00"});
  EXPECT_EQ(mt.rows[0][0], "Tue 10:00");
  EXPECT_EQ(mt.rows[0][1], "1");

  ConsentState cs;
  cs.responses[VoterKey{"m1"}] = {ConsentStance::object, "reason", 1, 0};
  auto ct = results_table(Method::consent, consent_result(cs, {3, 0}));
  EXPECT_EQ(ct.rows[0], (std::vector<std::string>{"1", "0", "1", "objections_stand", "1", "3", "0", "1"}));

  ConsensusState ks;
  ks.responses[VoterKey{"m1"}] = {Position::agree, "", 1, 0};
  auto kt = results_table(Method::consensus, consensus_result(ks, {3, 0}));
  EXPECT_EQ(kt.rows[0][1], "1");
  EXPECT_EQ(kt.rows[0][5], "passed");
  // Reasons can name people or places; the export has counts only.
  EXPECT_EQ(to_csv(ct).find("reason"), std::string::npos);
}

}  // namespace
}  // namespace hs::decisions
