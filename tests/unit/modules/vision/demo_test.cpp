// The demo community's shared vision (resources/demo/vision.json), played through the
// rules as the demo seed will store it: the board reaches "done" with every note, merge,
// hiding, sort and dot the file lists, and the opinion map finds the two groups and the
// common ground it was written to have.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "modules/vision/picture.hpp"
#include "modules/vision/rules/horizons.hpp"
#include "modules/vision/rules/opinions.hpp"

namespace hs::vision {
namespace {

namespace json = boost::json;

json::object demo() {
  auto text = embedded::get("resources/demo/vision.json");
  EXPECT_FALSE(text.empty());
  return json::parse(text).as_object();
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

// The picture's words from messages/en/vision.txt, as the pages will take them from the
// catalogue: every key the picture names is there.
PictureWords words_from_messages() {
  std::map<std::string, std::string> m;
  for (auto line : text::content_lines(embedded::get("messages/en/vision.txt"))) {
    auto eq = line.find(" = ");
    if (eq != std::string_view::npos) m[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 3));
  }
  auto at = [&](const char* key) {
    EXPECT_TRUE(m.contains(key)) << key;
    return m[key];
  };
  PictureWords w;
  w.h1 = at("vision_h1_short");
  w.h2 = at("vision_h2_short");
  w.h3 = at("vision_h3_short");
  w.today = at("vision_h1_name");
  w.innovations = at("vision_h2_name");
  w.future = at("vision_h3_name");
  w.heading_h1 = at("vision_heading_h1");
  w.heading_h3 = at("vision_heading_h3");
  w.heading_h2_plus = at("vision_heading_h2_plus");
  w.heading_h2_minus = at("vision_heading_h2_minus");
  w.heading_h2 = at("vision_heading_h2");
  w.dots = at("vision_dots");
  w.one_dot = at("vision_one_dot");
  w.more = at("vision_more_notes");
  w.no_notes = at("vision_no_notes");
  return w;
}

TEST(VisionDemo, TheBoardPlaysThroughEveryStage) {
  const auto doc = demo();
  const auto& b = doc.at("board").as_object();
  Board board;
  board.settings.dots_per_person = static_cast<int>(b.at("dots_per_person").as_int64());
  std::map<std::string, std::int64_t> id_of, person;
  auto person_id = [&](const json::value& email) -> std::int64_t {
    if (email.is_null()) return 0;
    auto [it, added] = person.emplace(str(email), static_cast<std::int64_t>(person.size()) + 1);
    return it->second;
  };
  for (const char* stage : {"h1", "h3", "h2"}) {
    if (std::string(stage) != "h1") {
      ASSERT_TRUE(move_stage(board, *stage_of(stage)));
    }
    for (const auto& n : b.at("notes").at(stage).as_array()) {
      const auto& note = n.as_array();
      std::int64_t id = static_cast<std::int64_t>(id_of.size()) + 1;
      id_of[str(note[0])] = id;
      ASSERT_TRUE(add_note(board, id, note[1].as_string(), person_id(note[2]))) << note[1];
    }
  }
  ASSERT_TRUE(move_stage(board, Stage::sort));
  for (const auto& m : b.at("merges").as_array())
    ASSERT_TRUE(merge_notes(board, id_of.at(str(m.at(0))), id_of.at(str(m.at(1)))));
  for (const auto& h : b.at("hidden").as_array())
    ASSERT_TRUE(hide_note(board, id_of.at(str(h.at(0))), h.at(1).as_string()));
  for (const char* to : {"h2_plus", "h2_minus"})
    for (const auto& key : b.at("sort").at(to).as_array())
      ASSERT_TRUE(move_note(board, id_of.at(str(key)), *horizon_of(to)));
  ASSERT_TRUE(move_stage(board, Stage::vote));
  for (const auto& d : b.at("dots").as_array())
    ASSERT_TRUE(place_dot(board, person_id(d.at(0)), id_of.at(str(d.at(1))))) << d;
  ASSERT_TRUE(move_stage(board, Stage::done));

  EXPECT_TRUE(notes_in(board, Horizon::h2).empty());  // every innovation sorted
  auto results = vote_results(board);
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].note_id, id_of.at("panels"));
  EXPECT_EQ(results[0].dots, 5);
  PictureWords words = words_from_messages();
  words.title = str(b.at("title"));
  auto picture = lay_out(board, words);
  ASSERT_TRUE(picture);
  EXPECT_TRUE(picture->overflow.empty());
  EXPECT_EQ(to_svg(*picture).find("07700"), std::string::npos);
  EXPECT_NE(plain_text(board, words).find("- Lived-experience panels that decide what gets funded (5 dots)"),
            std::string::npos);
  // HS_VISION_PICTURES=dir keeps the pictures to look at.
  if (const char* dir = std::getenv("HS_VISION_PICTURES")) {
    std::ofstream(std::string(dir) + "/demo-slide.png", std::ios::binary) << to_png(*picture).value();
    auto a4 = lay_out(board, words, PictureSize::a4);
    std::ofstream(std::string(dir) + "/demo-a4.pdf", std::ios::binary) << to_pdf(*a4).value();
  }
}

TEST(VisionDemo, TheOpinionMapHasTwoGroupsAndCommonGround) {
  const auto doc = demo();
  const auto& o = doc.at("opinion_map").as_object();
  const auto& statements = o.at("statements").as_array();
  const auto& rows = o.at("votes").as_array();
  VoteMatrix votes(rows.size(), statements.size());
  for (std::size_t p = 0; p < rows.size(); ++p) {
    const auto& row = rows[p].as_string();
    ASSERT_EQ(row.size(), statements.size());
    for (std::size_t s = 0; s < row.size(); ++s)
      votes.at(p, s) = row[s] == '+'   ? Vote::agree
                       : row[s] == '-' ? Vote::disagree
                       : row[s] == '0' ? Vote::pass
                                       : Vote::unseen;
  }
  auto map = opinion_map(votes);
  EXPECT_EQ(map.grouped, 20u);
  ASSERT_EQ(map.groups.size(), 2u);
  EXPECT_EQ(map.groups[0].members.size(), 12u);
  EXPECT_EQ(map.groups[1].members.size(), 8u);
  std::set<std::size_t> common;
  for (const auto& c : map.common_ground) common.insert(c.statement);
  EXPECT_EQ(common, (std::set<std::size_t>{0, 1, 2}));
  ASSERT_FALSE(map.groups[1].distinctive.empty());
}

}  // namespace
}  // namespace hs::vision
