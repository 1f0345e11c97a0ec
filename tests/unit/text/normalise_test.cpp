#include "text/normalise.hpp"

#include <gtest/gtest.h>

#include "modules/wordcloud/module.hpp"
#include "text/stemmer.hpp"

namespace hs::text {
namespace {
using namespace hs::wordcloud;

TEST(WordcloudNormalise, TrimsFoldsAndStripsEndPunctuation) {
  EXPECT_EQ(normalise("  Listening!! "), "listening");
  EXPECT_EQ(display_form("  Listening!! "), "Listening");
  EXPECT_EQ(normalise("\"Respect.\""), "respect");
  EXPECT_EQ(normalise("(trust)."), "trust");
  EXPECT_EQ(normalise("#coproduction"), "coproduction");
  EXPECT_EQ(normalise("...being heard?!"), "being heard");
  EXPECT_EQ(normalise("¡Hola!"), "hola");
}

TEST(WordcloudNormalise, KeepsWhatIsInside) {
  EXPECT_EQ(normalise("Co-Production"), "co-production");
  EXPECT_EQ(normalise("don't"), "don't");
  EXPECT_EQ(normalise("C++"), "c++");  // symbols are not punctuation
  EXPECT_EQ(normalise("give & take"), "give & take");
}

TEST(WordcloudNormalise, CollapsesInnerSpace) {
  EXPECT_EQ(normalise("working   together"), "working together");
  EXPECT_EQ(normalise("working\t\u00A0together\n"), "working together");
  EXPECT_EQ(normalise("working , together"), "working , together");
}

TEST(WordcloudNormalise, NfkcAndCaseFolding) {
  EXPECT_EQ(normalise("\uFB01ne"), "fine");                                // the "fi" ligature
  EXPECT_EQ(normalise("\uFF2C\uFF29\uFF33\uFF34\uFF25\uFF2E"), "listen");  // full-width letters
  EXPECT_EQ(normalise("STRASSE"), normalise("Straße"));
  EXPECT_EQ(normalise("Cafe\u0301"), "caf\u00E9");  // combining accent composed
  EXPECT_EQ(display_form("\uFB01ne"), "fine");
  EXPECT_EQ(display_form("Cafe\u0301"), "Caf\u00E9");
}

TEST(WordcloudNormalise, DropsInvisibleCharactersButNotEmojiJoiners) {
  EXPECT_EQ(normalise("lis\u200Bten"), "listen");
  EXPECT_EQ(display_form("lis\u00ADten"), "listen");
  const char* family = "\U0001F469\u200D\U0001F467";
  EXPECT_EQ(display_form(family), family);
}

TEST(WordcloudNormalise, NothingFromInvalidUtf8OrPunctuationAlone) {
  EXPECT_EQ(normalise("caf\xC3"), "");
  EXPECT_EQ(normalise("\xC0\xAF"), "");
  EXPECT_EQ(normalise(" !!! ... "), "");
  EXPECT_EQ(normalise(""), "");
}

TEST(WordcloudNormalise, SplitsWordsAtSpacesAndHyphens) {
  EXPECT_EQ(split_words(normalise("People\u2019s co-production,")),
            (std::vector<std::string>{"people's", "co", "production"}));
  EXPECT_EQ(split_words("a - b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(split_words("").empty());
}

TEST(WordcloudEntry, AcceptsAWordOrShortPhrase) {
  auto ok = validate_entry("  Listening!! ");
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "Listening");
  EXPECT_TRUE(validate_entry("nothing about us without"));  // four words
  EXPECT_TRUE(validate_entry(std::string(40, 'a')));
  EXPECT_TRUE(validate_entry("person-centred co-production"));
}

std::string key_of(Result<std::string> r) {
  if (r) return "ok";
  return r.error().fields.empty() ? r.error().message_key : r.error().fields[0].message_key;
}

TEST(WordcloudEntry, RejectsWhatIsNotAWord) {
  EXPECT_EQ(key_of(validate_entry("  ?! ")), "wordcloud_entry_empty");
  EXPECT_EQ(key_of(validate_entry("")), "wordcloud_entry_empty");
  EXPECT_EQ(key_of(validate_entry(std::string(41, 'a'))), "wordcloud_entry_too_long");
  EXPECT_EQ(key_of(validate_entry("nothing about us without us")), "wordcloud_entry_too_many_words");
  EXPECT_EQ(key_of(validate_entry("bell\x07")), "wordcloud_entry_invalid");
  EXPECT_EQ(key_of(validate_entry("two\nlines")), "wordcloud_entry_invalid");
  EXPECT_EQ(key_of(validate_entry("c1 \xC2\x85 control")), "wordcloud_entry_invalid");
  EXPECT_EQ(key_of(validate_entry("caf\xC3")), "wordcloud_entry_invalid");
  auto e = validate_entry(std::string(41, 'a'));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().fields[0].field, "entry");
}

TEST(WordcloudEntry, LimitsAreConfigurable) {
  EntryRules rules{.max_chars = 5, .max_words = 1};
  EXPECT_TRUE(validate_entry("trust", rules));
  EXPECT_EQ(key_of(validate_entry("trusts", rules)), "wordcloud_entry_too_long");
  EXPECT_EQ(key_of(validate_entry("a b", rules)), "wordcloud_entry_too_many_words");
  // Length counts characters, not bytes.
  EXPECT_TRUE(validate_entry("\u00E9\u00E9\u00E9\u00E9\u00E9", rules));
}

TEST(WordcloudStemmer, GroupsFormsOfAWord) {
  auto s = Stemmer::english();
  EXPECT_EQ(group_key("Listening", s), "listen");
  EXPECT_EQ(group_key("listen ", s), "listen");
  EXPECT_EQ(group_key("listened!", s), "listen");
  EXPECT_EQ(group_key("Co-production", s), group_key("co production", s));
  EXPECT_EQ(group_key("Being Heard", s), group_key("being heard", s));
  EXPECT_NE(group_key("listening", s), group_key("hearing", s));
}

TEST(WordcloudStemmer, LanguagesByNameOrCode) {
  EXPECT_TRUE(Stemmer::make("en"));
  EXPECT_TRUE(Stemmer::make("french"));
  auto unknown = Stemmer::make("klingon");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message_key, "wordcloud_language_unknown");
  auto fr = Stemmer::make("fr");
  ASSERT_TRUE(fr);
  EXPECT_EQ(group_key("écoute", *fr), group_key("écouter", *fr));
}

}  // namespace
}  // namespace hs::text
