#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "modules/breakouts/module.hpp"

using namespace hs::breakouts;
namespace json = boost::json;

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run(const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  int code = plan_cli(in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST(BreakoutsCli, PlansWithIdsAsGiven) {
  auto r = run(R"({"people":[{"id":"ash"},{"id":7},{"id":"cy","attributes":{"host":"yes"}},{"id":"dee"},
    {"id":"eli","attributes":{"host":"yes"}},{"id":"fen"},{"id":"gus"},{"id":"hal"},{"id":"ivo"},{"id":"jo"}],
    "group_size":{"min":3,"max":4},"rounds":2,"keep_apart":[["ash",7]],"keep_together":[["dee","fen"]],"seed":5})");
  ASSERT_EQ(r.code, 0) << r.err;
  json::value v = json::parse(r.out);
  const auto& rounds = v.at("rounds").as_array();
  ASSERT_EQ(rounds.size(), 2u);
  for (const auto& round : rounds) {
    const auto& groups = round.at("groups").as_array();
    EXPECT_EQ(groups.size(), 3u);
    std::size_t placed = 0;
    bool number_kept = false;
    for (const auto& g : groups) {
      const auto& ids = g.as_array();
      placed += ids.size();
      bool ash = false, seven = false, dee = false, fen = false;
      for (const auto& id : ids) {
        if (id.is_int64() && id.as_int64() == 7) seven = true, number_kept = true;
        if (id.is_string() && id.as_string() == "ash") ash = true;
        if (id.is_string() && id.as_string() == "dee") dee = true;
        if (id.is_string() && id.as_string() == "fen") fen = true;
      }
      EXPECT_FALSE(ash && seven);
      EXPECT_EQ(dee, fen);
    }
    EXPECT_EQ(placed, 10u);
    EXPECT_TRUE(number_kept);
  }
  EXPECT_EQ(v.at("figures").at("violations").as_int64(), 0);
  EXPECT_TRUE(v.at("figures").at("repeat_meetings").is_int64());
  // same input, same output
  EXPECT_EQ(
      run(R"({"people":[{"id":1},{"id":2},{"id":3},{"id":4}],"group_size":{"min":2,"max":2},"rounds":3,"seed":9})").out,
      run(R"({"people":[{"id":1},{"id":2},{"id":3},{"id":4}],"group_size":{"min":2,"max":2},"rounds":3,"seed":9})")
          .out);
}

TEST(BreakoutsCli, ReportsAttributeSpread) {
  std::string people;
  for (int i = 0; i < 12; ++i)
    people += std::string(i ? "," : "") + R"({"id":)" + std::to_string(i) + R"(,"attributes":{"captions":")" +
              (i < 3 ? "yes" : "no") + R"("}})";
  auto r = run(R"({"people":[)" + people + R"(],"group_size":{"min":4,"max":4},"rounds":1})");
  ASSERT_EQ(r.code, 0) << r.err;
  json::value v = json::parse(r.out);
  EXPECT_DOUBLE_EQ(v.at("figures").at("attribute_spread").at("captions").to_number<double>(), 0.0);
}

TEST(BreakoutsCli, InvalidInputIsExplainedWithExitOne) {
  struct Case {
    const char* input;
    const char* says;
  } cases[] = {
      {"not json", "breakouts_input_invalid (json)"},
      {R"({"people":[{"id":1},{"id":1}],"group_size":{"min":1,"max":2},"rounds":1})",
       "breakouts_id_duplicate (people[1].id)"},
      {R"({"people":[{"id":true}],"group_size":{"min":1,"max":2},"rounds":1})",
       "breakouts_input_invalid (people[0].id)"},
      {R"({"people":[{"id":1},{"id":2}],"group_size":{"min":3,"max":2},"rounds":1})",
       "breakouts_sizes_invalid (group_size)"},
      {R"({"people":[{"id":1},{"id":2}],"group_size":{"min":1,"max":2},"rounds":0})",
       "breakouts_rounds_invalid (rounds)"},
      {R"({"people":[{"id":1},{"id":2}],"group_size":{"min":1,"max":2},"rounds":1,"keep_apart":[[1,"1"]]})",
       "breakouts_person_unknown (keep_apart[0])"},
      {R"({"people":[{"id":1},{"id":2},{"id":3}],"group_size":{"min":2,"max":2},"rounds":1})",
       "breakouts_sizes_invalid"},
      {R"({"people":[{"id":1,"attributes":{"a":3}}],"group_size":{"min":1,"max":2},"rounds":1})",
       "breakouts_input_invalid (people[0].attributes.a)"},
  };
  for (const auto& c : cases) {
    auto r = run(c.input);
    EXPECT_EQ(r.code, 1) << c.input;
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
}
