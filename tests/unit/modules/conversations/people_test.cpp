// People who can connect: an entry's fields, a message's words and the limits on getting
// in touch; and the snippets search results show.
#include "modules/conversations/rules/people.hpp"

#include <gtest/gtest.h>

#include "modules/conversations/commands/search.hpp"
#include "text/search.hpp"
#include "text/stemmer.hpp"

namespace hs::conversations {
namespace {

TEST(ConversationsPeople, AnEntryIsTrimmedAndItsAreasSplit) {
  auto e = validate_entry({"  Jo  ", " she/her ", " Speaking at committees. ", "housing\n peer support ,housing\n\n"});
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->name, "Jo");
  EXPECT_EQ(e->pronouns, "she/her");
  EXPECT_EQ(e->ask_me_about, "Speaking at committees.");
  EXPECT_EQ(e->areas, (std::vector<std::string>{"housing", "peer support"}));
  auto no_pronouns = validate_entry({"Jo", "   ", "Things.", ""});
  ASSERT_TRUE(no_pronouns.has_value());
  EXPECT_FALSE(no_pronouns->pronouns.has_value());
  EXPECT_TRUE(no_pronouns->areas.empty());
}

TEST(ConversationsPeople, AnEntryNeedsANameAndWhatToAskAbout) {
  auto e = validate_entry({"", "", "", ""});
  ASSERT_FALSE(e.has_value());
  ASSERT_EQ(e.error().fields.size(), 2u);
  EXPECT_EQ(e.error().fields[0].field, "name");
  EXPECT_EQ(e.error().fields[1].field, "ask_me_about");
  std::string areas;
  for (int i = 0; i < 13; ++i) areas += "area " + std::to_string(i) + "\n";
  auto many = validate_entry({"Jo", "", "x", areas});
  ASSERT_FALSE(many.has_value());
  EXPECT_EQ(many.error().fields[0].message_key, "conversations_people_areas_too_many");
  EXPECT_FALSE(validate_entry({"Jo\x01", "", "x", ""}).has_value());
  EXPECT_FALSE(validate_entry({std::string(81, 'a'), "", "x", ""}).has_value());
}

TEST(ConversationsPeople, AMessageHasWordsWithinItsLength) {
  EXPECT_EQ(validate_contact("  Hello.\n\nThursday? ").value(), "Hello.\n\nThursday?");
  EXPECT_FALSE(validate_contact("   ").has_value());
  EXPECT_FALSE(validate_contact(std::string(2001, 'a')).has_value());
  EXPECT_TRUE(validate_contact(std::string(2000, 'a')).has_value());
}

TEST(ConversationsPeople, GettingInTouchWaitsForAnAnswerAndStopsAtFiveADay) {
  EXPECT_EQ(contact_allowed(0, false), ContactLimit::ok);
  EXPECT_EQ(contact_allowed(4, false), ContactLimit::ok);
  EXPECT_EQ(contact_allowed(5, false), ContactLimit::too_many_today);
  EXPECT_EQ(contact_allowed(0, true), ContactLimit::waiting_for_answer);
}

std::string joined(const std::vector<commands::Segment>& s, bool marks) {
  std::string out;
  for (const auto& x : s) out += marks && x.match ? "[" + x.text + "]" : x.text;
  return out;
}

TEST(ConversationsSearch, ASnippetMarksEveryFormOfTheWordsAroundTheFirst) {
  auto stemmer = text::Stemmer::english();
  const auto terms = text::search_terms("walking", stemmer);
  auto s = commands::snippet("We walked by the canal. Walks help, and walking more.", terms, stemmer);
  EXPECT_EQ(joined(s, true), "We [walked] by the canal. [Walks] help, and [walking] more.");
  // Far into a long text: the words around it, with "…" at the ends.
  std::string longer;
  for (int i = 0; i < 100; ++i) longer += "word" + std::to_string(i) + " ";
  longer += "kingfisher ";
  for (int i = 0; i < 100; ++i) longer += "more" + std::to_string(i) + " ";
  s = commands::snippet(longer, text::search_terms("kingfishers", stemmer), stemmer);
  const auto shown = joined(s, true);
  EXPECT_EQ(shown.rfind("… ", 0), 0u) << shown;
  EXPECT_NE(shown.find("[kingfisher]"), std::string::npos) << shown;
  EXPECT_EQ(shown.substr(shown.size() - 4), " …") << shown;
  // No match: the start of the text, nothing marked.
  s = commands::snippet("Nothing here.", terms, stemmer);
  EXPECT_EQ(joined(s, true), "Nothing here.");
}

}  // namespace
}  // namespace hs::conversations
