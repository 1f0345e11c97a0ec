#include "modules/report/plain_text.hpp"

#include <gtest/gtest.h>

namespace hs::report {

namespace {
const Paragraph& para(const Block& b) { return std::get<Paragraph>(b); }
const BulletList& list(const Block& b) { return std::get<BulletList>(b); }
}  // namespace

TEST(PlainText, ParagraphsSplitAtBlankLines) {
  auto b = blocks_of_text("One.\nStill one.\n\n  \nTwo.");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(para(b[0]).text, "One.\nStill one.");
  EXPECT_EQ(para(b[1]).text, "Two.");
}

TEST(PlainText, BulletLinesBecomeAListEvenRightAfterAParagraph) {
  auto b = blocks_of_text("We will:\n- meet the services\n* write back\r\n\u2022 pay people\n\nThanks.");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(para(b[0]).text, "We will:");
  EXPECT_EQ(list(b[1]).items, (std::vector<std::string>{"meet the services", "write back", "pay people"}));
  EXPECT_FALSE(list(b[1]).ordered);
  EXPECT_EQ(para(b[2]).text, "Thanks.");
}

TEST(PlainText, NumberedLinesBecomeANumberedList) {
  auto b = blocks_of_text("1. First\n2) Second\n10. Tenth");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_TRUE(list(b[0]).ordered);
  EXPECT_EQ(list(b[0]).items.size(), 3u);
}

TEST(PlainText, AnItemCarriesOnOntoTheNextLine) {
  auto b = blocks_of_text("- a long item\n  that wraps\n- next");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(list(b[0]).items, (std::vector<std::string>{"a long item that wraps", "next"}));
}

TEST(PlainText, NotListsWhenTheMarkHasNoSpaceOrIsAYear) {
  auto b = blocks_of_text("-5 degrees\n2026 was busy\n*emphasis*");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(para(b[0]).text, "-5 degrees\n2026 was busy\n*emphasis*");
}

TEST(PlainText, BulletsThenNumbersAreTwoLists) {
  auto b = blocks_of_text("- a\n1. b");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_FALSE(list(b[0]).ordered);
  EXPECT_TRUE(list(b[1]).ordered);
}

TEST(PlainText, NothingBlankIsKept) {
  EXPECT_TRUE(blocks_of_text("").empty());
  EXPECT_TRUE(blocks_of_text("\n \n\t\n").empty());
  EXPECT_TRUE(blocks_of_text("- \n").empty() == false);  // "-" alone is text, not an empty item
}

}  // namespace hs::report
