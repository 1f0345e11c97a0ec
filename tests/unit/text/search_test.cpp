// Words for full-text search: what is indexed and what is asked go through the same
// steps, so a query's stems are found among a text's.
#include "text/search.hpp"

#include <gtest/gtest.h>

namespace hs::text {
namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    out.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

TEST(StoriesSearchWords, StemsSoThatRespectingFindsRespect) {
  auto en = Stemmer::english();
  EXPECT_EQ(search_terms("respecting", en), std::vector<std::string>{"respect"});
  EXPECT_EQ(search_words("They did not RESPECT me.", en), "they did not respect me");
  EXPECT_EQ(search_words("Respected, respectful; respects!", en), "respect respect respect");
  EXPECT_EQ(search_words("housing", en), search_terms("Houses", en).at(0));
}

TEST(StoriesSearchWords, LeavesOnlyLettersAndDigitsSoBothEnginesReadTheSameTokens) {
  auto en = Stemmer::english();
  // Hyphens and slashes split words; inner apostrophes and dots become spaces; a
  // possessive is stemmed away first.
  EXPECT_EQ(search_words("co-production and/or people's don't e.g. 24/7", en),
            "co product and or peopl don t e g 24 7");
  EXPECT_EQ(search_words("«Café» — naïve ÉCOLE", en), "café naïv école");
  for (const auto& t : split(search_words("a \"quoted\" (text) with * and : and ' and NEAR", en)))
    for (char ch : t) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(ch))) << t;
}

TEST(StoriesSearchWords, QueryTermsAreDistinctAndFew) {
  auto en = Stemmer::english();
  EXPECT_EQ(search_terms("Housing houses HOUSED respect", en), (std::vector<std::string>{"hous", "respect"}));
  EXPECT_EQ(search_terms("one two three four five six seven eight nine ten", en).size(), kSearchTermsMax);
  EXPECT_TRUE(search_terms("", en).empty());
  EXPECT_TRUE(search_terms("  ?!  -- ", en).empty());
  EXPECT_TRUE(search_terms("\xff\xfe bad utf-8", en).empty());
  EXPECT_TRUE(search_words("\xc3", en).empty());
}

}  // namespace
}  // namespace hs::text
