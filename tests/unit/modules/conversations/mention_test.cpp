// @mentions: the handle form, and that nothing in code, links, addresses or quotes counts.
#include "modules/conversations/rules/mention.hpp"

#include <gtest/gtest.h>

namespace hs::conversations {
namespace {

using V = std::vector<std::string>;

TEST(ConversationsMention, HandleFromName) {
  EXPECT_EQ(handle_of("Saffron Ridley-Achebe"), "saffron-ridley-achebe");
  EXPECT_EQ(handle_of("  Seán O'Neill "), "seán-o-neill");
  EXPECT_EQ(handle_of("Ana"), "ana");
  EXPECT_EQ(handle_of("---"), "");
}

TEST(ConversationsMention, FindsHandlesInProse) {
  EXPECT_EQ(mentions("Thanks @ana and @Saffron-Ridley-Achebe, see @ana again."), (V{"ana", "saffron-ridley-achebe"}));
  EXPECT_EQ(mentions("(@ana)"), V{"ana"});
  EXPECT_EQ(mentions("@seán-o-neill: yes"), V{"seán-o-neill"});
  EXPECT_EQ(mentions("- a list item for @ben"), V{"ben"});
  // A trailing hyphen or full stop ends the handle.
  EXPECT_EQ(mentions("ask @ben- or @cara."), (V{"ben", "cara"}));
}

TEST(ConversationsMention, NotInAddressesOrAlone) {
  EXPECT_TRUE(mentions("write to ana@example.org").empty());
  EXPECT_TRUE(mentions("@ alone, and @@").empty());
  EXPECT_TRUE(mentions("meet @ben.example.org").empty());
}

TEST(ConversationsMention, NotInCode) {
  EXPECT_TRUE(mentions("run `notify @ana` now").empty());
  EXPECT_TRUE(mentions("``code with ` and @ana``").empty());
  EXPECT_TRUE(mentions("```\n@ana\n```").empty());
  EXPECT_TRUE(mentions("~~~sh\necho @ana\n~~~").empty());
  EXPECT_TRUE(mentions("    @ana in an indented block").empty());
  EXPECT_EQ(mentions("```\n@ana\n```\nafter: @ben"), V{"ben"});
  // An unclosed fence runs to the end.
  EXPECT_TRUE(mentions("```\n@ana").empty());
  // Inside a paragraph, indentation is a continuation, not code.
  EXPECT_EQ(mentions("first line\n    @cara continues"), V{"cara"});
}

TEST(ConversationsMention, NotInLinks) {
  EXPECT_TRUE(mentions("[@ana's page](https://example.org/@ana)").empty());
  EXPECT_TRUE(mentions("see https://social.example/@ana").empty());
  EXPECT_TRUE(mentions("<https://example.org/@ana>").empty());
  EXPECT_EQ(mentions("[a link](https://x.example) then @ben"), V{"ben"});
}

TEST(ConversationsMention, NotInQuotes) {
  EXPECT_EQ(mentions("> @ana said this\n\n@ben what do you think?"), V{"ben"});
}

TEST(ConversationsMention, AtMostTwenty) {
  std::string many;
  for (int i = 0; i < 30; ++i) many += "@p" + std::to_string(i) + " ";
  EXPECT_EQ(mentions(many).size(), kMaxMentions);
}

}  // namespace
}  // namespace hs::conversations
