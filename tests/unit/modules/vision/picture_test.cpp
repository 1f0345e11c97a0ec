// The three-curves picture: SVG that parses as XML and holds every visible note's words
// as text (and never a hidden one's), PNG and PDF files, both sizes, and the text
// equivalent listing every note by horizon.
#include "modules/vision/picture.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/number.hpp"

namespace hs::vision {
namespace {

PictureWords english() {
  PictureWords w;
  w.title = "Gambling harm in our town: from today to the future we want";
  w.today = "Today";
  w.innovations = "Innovations";
  w.future = "The future we want";
  w.heading_h1 = "H1: today (what is not working, and what to keep)";
  w.heading_h3 = "H3: the future we want";
  w.heading_h2_plus = "H2+: innovations that lead to the future";
  w.heading_h2_minus = "H2-: innovations that prop up today";
  w.heading_h2 = "H2: innovations not sorted yet";
  w.dots = "{n} dots";
  w.one_dot = "1 dot";
  w.more = "{n} more notes are in the list";
  w.no_notes = "No notes";
  return w;
}

// A finished board like the seed's forum's: notes in every horizon, one merged, one
// hidden, a dot vote.
Board finished() {
  Board b;
  auto add = [&](std::int64_t id, const char* text, std::int64_t author) {
    EXPECT_TRUE(add_note(b, id, text, author));
  };
  add(1, "Betting adverts on every football shirt", 11);
  add(2, "Peer support groups that work", 0);
  add(3, "Shame stops people asking for help", 12);
  add(4, "Banks that let you block gambling payments", 13);
  EXPECT_TRUE(move_stage(b, Stage::h3));
  add(10, "Nobody is ashamed to ask for help", 14);
  add(11, "People with lived experience shape every service", 0);
  add(12, "Gambling is no longer advertised to children", 15);
  EXPECT_TRUE(move_stage(b, Stage::h2));
  add(20, "Lived-experience panels that decide funding", 16);
  add(21, "A single number for help, day and night", 0);
  add(22, "One helpline for everyone, 24/7", 17);
  add(23, "A voluntary levy on operators", 18);
  add(24, "Training for GPs to ask about gambling", 19);
  add(25, "Call Dave on 0700 000000, he knows", 20);
  EXPECT_TRUE(move_stage(b, Stage::sort));
  EXPECT_TRUE(merge_notes(b, 21, 22));
  EXPECT_TRUE(hide_note(b, 25, "Shares a person's phone number"));
  for (std::int64_t id : {20, 21, 24}) EXPECT_TRUE(move_note(b, id, Horizon::h2_plus));
  EXPECT_TRUE(move_note(b, 23, Horizon::h2_minus));
  EXPECT_TRUE(move_stage(b, Stage::vote));
  for (std::int64_t voter = 100; voter < 106; ++voter) {
    EXPECT_TRUE(place_dot(b, voter, 20));
    EXPECT_TRUE(place_dot(b, voter, voter % 2 ? 21 : 20));
    EXPECT_TRUE(place_dot(b, voter, 24));
  }
  EXPECT_TRUE(move_stage(b, Stage::done));
  return b;
}

// Every <text> element's content, in document order.
void texts(const boost::property_tree::ptree& tree, std::vector<std::string>& out) {
  for (const auto& [name, child] : tree) {
    if (name == "text") out.push_back(child.get_value<std::string>());
    else if (name != "<xmlattr>") texts(child, out);
  }
}

TEST(VisionPicture, SvgHoldsEveryVisibleNoteAsText) {
  Board b = finished();
  for (PictureSize size : {PictureSize::slide, PictureSize::a4}) {
    auto p = lay_out(b, english(), size);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->overflow.empty());
    std::string svg = to_svg(*p);
    boost::property_tree::ptree tree;
    std::istringstream in(svg);
    ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree));
    std::vector<std::string> lines;
    texts(tree.get_child("svg"), lines);
    std::string all;
    for (const auto& l : lines) all += l + " ";
    for (const auto& n : b.notes) {
      if (!in_results(n)) continue;
      for (const auto& w : n.words) EXPECT_NE(all.find(w.text), std::string::npos) << w.text;
    }
    // Merged words are on their note; hidden ones nowhere, not even in the description.
    EXPECT_NE(all.find("A single number for help, day and night / One helpline for everyone, 24/7"), std::string::npos);
    EXPECT_EQ(svg.find("Dave"), std::string::npos);
    EXPECT_NE(all.find("Today"), std::string::npos);
    EXPECT_NE(all.find("The future we want"), std::string::npos);
    EXPECT_EQ(tree.get<std::string>("svg.title"), english().title);
    EXPECT_NE(tree.get<std::string>("svg.desc").find("Training for GPs"), std::string::npos);
    // The most voted H2+ idea is bolder: a thicker frame and bold words.
    EXPECT_NE(svg.find("font-weight=\"700\" fill=\"#0b0c0c\" textLength"), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#fff7bf\" stroke=\"#1d70b8\" stroke-width=\"" +
                       number::decimal(0.2 * (size == PictureSize::a4 ? 10 : 15), 1) + "\""),
              std::string::npos);
  }
}

TEST(VisionPicture, PngAndPdfInBothSizes) {
  Board b = finished();
  for (PictureSize size : {PictureSize::slide, PictureSize::a4}) {
    auto p = lay_out(b, english(), size);
    ASSERT_TRUE(p);
    auto png = to_png(*p, size == PictureSize::a4 ? 2 : 1);
    ASSERT_TRUE(png);
    ASSERT_GT(png->size(), 1000u);
    EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    // Width and height in the IHDR chunk, big-endian.
    auto be32 = [&](std::size_t at) {
      return (static_cast<unsigned char>((*png)[at]) << 24) | (static_cast<unsigned char>((*png)[at + 1]) << 16) |
             (static_cast<unsigned char>((*png)[at + 2]) << 8) | static_cast<unsigned char>((*png)[at + 3]);
    };
    EXPECT_EQ(be32(16), size == PictureSize::a4 ? 1684u : 1280u);
    EXPECT_EQ(be32(20), size == PictureSize::a4 ? 1190u : 720u);
    auto pdf = to_pdf(*p);
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
    EXPECT_NE(pdf->find(size == PictureSize::a4 ? "/MediaBox [ 0 0 842 595 ]" : "/MediaBox [ 0 0 960 540 ]"),
              std::string::npos);
    // HS_VISION_PICTURES=dir keeps the files to look at.
    if (const char* dir = std::getenv("HS_VISION_PICTURES")) {
      std::string name = std::string(dir) + "/board-" + (size == PictureSize::a4 ? "a4" : "slide");
      std::ofstream(name + ".png", std::ios::binary) << *png;
      std::ofstream(name + ".pdf", std::ios::binary) << *pdf;
      std::ofstream(name + ".svg", std::ios::binary) << to_svg(*p);
    }
  }
}

TEST(VisionPicture, TextEquivalentListsEveryNoteByHorizon) {
  Board b = finished();
  auto lists = note_lists(b);
  ASSERT_EQ(lists.size(), 4u);  // H1, H3, H2+, H2- (nothing left unsorted)
  EXPECT_EQ(lists[0].horizon, Horizon::h1);
  EXPECT_EQ(lists[0].notes.size(), 4u);
  EXPECT_EQ(lists[1].horizon, Horizon::h3);
  EXPECT_EQ(lists[2].horizon, Horizon::h2_plus);
  ASSERT_EQ(lists[2].notes.size(), 3u);
  EXPECT_EQ(lists[2].notes[0].id, 20);  // 6 + 3 dots
  EXPECT_EQ(lists[2].notes[0].dots, 9);
  EXPECT_TRUE(lists[2].notes[0].highlighted);
  EXPECT_EQ(lists[2].notes[1].id, 24);            // 6 dots
  EXPECT_EQ(lists[2].notes[2].words.size(), 2u);  // the merged note keeps both authors' words
  EXPECT_EQ(lists[3].horizon, Horizon::h2_minus);

  std::string text = plain_text(b, english());
  EXPECT_NE(
      text.find("H2+: innovations that lead to the future\n- Lived-experience panels that decide funding (9 dots)\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("- A single number for help, day and night / One helpline for everyone, 24/7 (3 dots)\n"),
            std::string::npos);
  EXPECT_EQ(text.find("Dave"), std::string::npos);
  EXPECT_EQ(text.find("phone number"), std::string::npos);

  // Before sorting: H1, H3 and H2 only, and an empty horizon says so.
  Board early;
  ASSERT_TRUE(add_note(early, 1, "Stigma", 0));
  auto first = plain_text(early, english());
  EXPECT_NE(first.find("H3: the future we want\n- No notes\n"), std::string::npos) << first;
  EXPECT_EQ(first.find("H2+"), std::string::npos);
  EXPECT_NE(first.find("H2: innovations not sorted yet"), std::string::npos);
}

TEST(VisionPicture, AnEmptyBoardAndALongTitle) {
  Board b;
  auto words = english();
  words.title = std::string(60, 'W') + " " + std::string(60, 'W');
  auto p = lay_out(b, words, PictureSize::a4);
  ASSERT_TRUE(p);
  std::string svg = to_svg(*p);
  boost::property_tree::ptree tree;
  std::istringstream in(svg);
  ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree));
  std::vector<std::string> lines;
  texts(tree.get_child("svg"), lines);
  ASSERT_EQ(lines.size(), 4u);  // the title and the three curves' labels
  EXPECT_EQ(lines[0].substr(lines[0].size() - 3), "...");
  for (const auto& l : p->labels) EXPECT_LE(l.box.x + l.box.width, p->width - 20);
  EXPECT_EQ(tree.get<std::string>("svg.title"), words.title);  // whole
  EXPECT_TRUE(to_png(*p));
  EXPECT_TRUE(to_pdf(*p));
}

// 500 notes on a slide: many overflow to the list, and the picture says so. Prints the
// time to lay out and draw; fails only far beyond it.
TEST(VisionPicture, FiveHundredNotes) {
  Board b;
  const char* sample[] = {"More support in the places people already go", "Adverts everywhere", "Shame",
                          "Debt advice that understands gambling", "Nobody left alone with it"};
  for (std::int64_t i = 1; i <= 500; ++i) {
    if (i == 170 || i == 340) {
      ASSERT_TRUE(move_stage(b, b.stage == Stage::h1 ? Stage::h3 : Stage::h2));
    }
    ASSERT_TRUE(add_note(b, i, std::string(sample[i % 5]) + " " + std::to_string(i), i));
  }
  auto start = std::chrono::steady_clock::now();
  auto p = lay_out(b, english(), PictureSize::slide);
  ASSERT_TRUE(p);
  auto laid = std::chrono::steady_clock::now();
  auto png = to_png(*p);
  auto end = std::chrono::steady_clock::now();
  ASSERT_TRUE(png);
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("picture of 500 notes: laid out in %.1f ms, PNG in %.1f ms; %zu in the picture, %zu only in the list\n",
              ms(start, laid), ms(laid, end), 500 - p->overflow.size(), p->overflow.size());
  EXPECT_FALSE(p->overflow.empty());
  std::string more = std::to_string(p->overflow.size()) + " more notes are in the list";
  EXPECT_NE(to_svg(*p).find(more), std::string::npos);
  EXPECT_LT(ms(start, end), 5000);
  if (const char* dir = std::getenv("HS_VISION_PICTURES"))
    std::ofstream(std::string(dir) + "/500.png", std::ios::binary) << *png;
}

}  // namespace
}  // namespace hs::vision
