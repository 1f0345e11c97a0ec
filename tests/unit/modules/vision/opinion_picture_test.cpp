// The opinion map as people see it: a mark for everyone (nobody named), one shape and
// colour per group, and a text equivalent naming each group's distinctive statements and
// the common ground.
#include "modules/vision/opinion_picture.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <gtest/gtest.h>

#include <sstream>

namespace hs::vision {
namespace {

OpinionWords english() {
  OpinionWords w;
  w.title = "What would reduce gambling harm here?";
  w.group = "Group {g}";
  w.people = "{n} people";
  w.one_person = "1 person";
  w.not_grouped = "Not in a group yet: {n}";
  w.agreed = "{p}% of the group agreed, {q}% of everyone else";
  w.disagreed = "{p}% of the group disagreed, {q}% of everyone else";
  w.common_ground = "Common ground";
  w.common_line = "at least {p}% of every group agreed";
  w.none = "None yet";
  return w;
}

// 20 people in two camps of 12 and 8 and one who answered two statements; statement 0
// everyone agrees with, 1 and 2 split the camps, and everyone passed on the others.
VoteMatrix twenty() {
  VoteMatrix v(21, 8);
  for (std::size_t p = 0; p < 20; ++p) {
    bool first = p < 12;
    v.at(p, 0) = Vote::agree;
    v.at(p, 1) = first ? Vote::agree : Vote::disagree;
    v.at(p, 2) = first ? Vote::disagree : Vote::agree;
    for (std::size_t s = 3; s < 8; ++s) v.at(p, s) = Vote::pass;
  }
  v.at(20, 0) = Vote::agree;
  v.at(20, 1) = Vote::agree;
  return v;
}

const std::vector<std::string> kStatements = {"Help should be free and easy to find",
                                              "Gambling adverts should be banned",
                                              "Adults should be free to gamble as they like",
                                              "s3",
                                              "s4",
                                              "s5",
                                              "s6",
                                              "s7"};

TEST(VisionOpinionPicture, EveryoneAMarkAndTheGroupsNamed) {
  auto map = opinion_map(twenty());
  ASSERT_EQ(map.groups.size(), 2u);
  EXPECT_EQ(map.groups[0].members.size(), 12u);
  std::string svg = opinion_svg(map, kStatements, english());
  boost::property_tree::ptree tree;
  std::istringstream in(svg);
  ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree));
  const auto& root = tree.get_child("svg");
  std::size_t marks = 0;
  for (const auto& [name, g] : root)
    if (name == "g")
      for (const auto& [shape, child] : g) marks += shape == "circle" || shape == "rect" || shape == "path";
  EXPECT_EQ(marks, 21u + 2u);  // everyone, and the legend's two
  EXPECT_NE(svg.find("Group A (12 people)"), std::string::npos);
  EXPECT_NE(svg.find("Group B (8 people)"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"none\" stroke=\"#505a5f\""), std::string::npos);  // the one not grouped
  EXPECT_NE(root.get<std::string>("desc").find("Common ground\n- Help should be free and easy to find"),
            std::string::npos);

  std::string text = opinion_text(map, kStatements, english());
  EXPECT_NE(text.find("Group A: 12 people\n- Gambling adverts should be banned ("), std::string::npos) << text;
  EXPECT_NE(text.find("Not in a group yet: 1"), std::string::npos);
  EXPECT_EQ(text.find("Common ground\n- Help should be free and easy to find (at least"), text.rfind("Common ground"));
  EXPECT_EQ(group_letter(0), "A");
  EXPECT_EQ(group_letter(25), "Z");
  EXPECT_EQ(group_letter(26), "AA");
}

TEST(VisionOpinionPicture, AnEmptyMap) {
  auto map = opinion_map(VoteMatrix(0, 0));
  std::string svg = opinion_svg(map, {}, english());
  boost::property_tree::ptree tree;
  std::istringstream in(svg);
  EXPECT_NO_THROW(boost::property_tree::read_xml(in, tree));
  EXPECT_NE(opinion_text(map, {}, english()).find("Common ground\n- None yet"), std::string::npos);
}

}  // namespace
}  // namespace hs::vision
