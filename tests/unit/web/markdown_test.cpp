#include "web/markdown.hpp"

#include <gtest/gtest.h>

namespace hs::web {
namespace {

using Type = MarkdownBlock::Type;

std::string everything(const std::vector<MarkdownBlock>& blocks) {
  std::string all;
  for (const auto& b : blocks) {
    all += b.text + "|";
    for (const auto& i : b.items) all += i + "|";
  }
  return all;
}

TEST(SpacesMarkdown, HeadingsParagraphsAndLists) {
  auto b = markdown_blocks("# Be kind\n\nListen *first*,\nthen speak.\n\n- one\n- two **bold**\n\n1. a\n2. b\n");
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].type, Type::heading);
  EXPECT_EQ(b[0].text, "Be kind");
  EXPECT_EQ(b[1].type, Type::paragraph);
  EXPECT_EQ(b[1].text, "Listen first, then speak.");
  EXPECT_EQ(b[2].type, Type::list);
  EXPECT_FALSE(b[2].ordered);
  EXPECT_EQ(b[2].items, (std::vector<std::string>{"one", "two bold"}));
  EXPECT_TRUE(b[3].ordered);
  EXPECT_EQ(b[3].items, (std::vector<std::string>{"a", "b"}));
}

TEST(SpacesMarkdown, RawHtmlAndScriptAreDropped) {
  auto b = markdown_blocks(
      "<script>alert(1)</script>\n\nHello <b onclick=\"x()\">there</b> <img src=x onerror=alert(2)>\n\n"
      "<div>\nblock html\n</div>\n\n[a link](javascript:alert(3)) and ![pic](http://x/y.png)\n");
  auto all = everything(b);
  EXPECT_EQ(all.find("script"), std::string::npos) << all;
  EXPECT_EQ(all.find("alert"), std::string::npos) << all;
  EXPECT_EQ(all.find('<'), std::string::npos) << all;
  EXPECT_EQ(all.find("onclick"), std::string::npos) << all;
  EXPECT_EQ(all.find("javascript"), std::string::npos) << all;
  EXPECT_EQ(all.find("block html"), std::string::npos) << all;
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].text, "Hello there");
  EXPECT_EQ(b[1].text, "a link and pic");
}

TEST(SpacesMarkdown, TextThatLooksLikeHtmlStaysText) {
  // Characters are kept as text: the template escapes them on the way out.
  auto b = markdown_blocks("Use `<b>` for bold & 5 > 3\n");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].text, "Use <b> for bold & 5 > 3");
}

TEST(SpacesMarkdown, QuotesNestedListsAndEmptyInput) {
  EXPECT_TRUE(markdown_blocks("").empty());
  EXPECT_TRUE(markdown_blocks("\n\n---\n").empty());
  auto b = markdown_blocks("> quoted words\n\n- outer\n  - inner\n");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].text, "quoted words");
  ASSERT_EQ(b[1].items.size(), 1u);
  EXPECT_EQ(b[1].items[0], "outer inner");
}

}  // namespace
}  // namespace hs::web
