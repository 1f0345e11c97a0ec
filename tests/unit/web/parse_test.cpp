#include "web/parse.hpp"

#include <gtest/gtest.h>

namespace hs::web {

TEST(ParseForm, DecodesPlusAndEscapes) {
  auto f = parse_form("name=Ada+Lovelace&note=caf%C3%A9%21&empty=&flag");
  ASSERT_TRUE(f);
  EXPECT_EQ(find(*f, "name"), "Ada Lovelace");
  EXPECT_EQ(find(*f, "note"), "café!");
  EXPECT_EQ(find(*f, "empty"), "");
  EXPECT_EQ(f->size(), 4u);
}

TEST(ParseForm, RejectsBrokenEscapesAndInvalidUtf8) {
  EXPECT_FALSE(parse_form("a=%"));
  EXPECT_FALSE(parse_form("a=%4"));
  EXPECT_FALSE(parse_form("a=%zz"));
  EXPECT_FALSE(parse_form("a=%C3%28"));     // broken two-byte sequence
  EXPECT_FALSE(parse_form("a=%ED%A0%80"));  // a UTF-16 surrogate
  EXPECT_FALSE(parse_form("a=%C0%AF"));     // overlong '/'
  EXPECT_FALSE(parse_form("a=b|c"));        // a character that must be escaped
}

TEST(ParseForm, SkipsEmptyPiecesAndKeepsOrder) {
  auto f = parse_form("b=2&&a=1&b=3&");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->size(), 3u);
  EXPECT_EQ((*f)[0], (std::pair<std::string, std::string>{"b", "2"}));
  EXPECT_EQ((*f)[2], (std::pair<std::string, std::string>{"b", "3"}));
  EXPECT_EQ(find(*f, "b"), "2");
  ASSERT_TRUE(parse_form(""));
  EXPECT_TRUE(parse_form("")->empty());
}

TEST(ParseCookies, SplitsAndTrims) {
  auto c = parse_cookies(" a=1; __Host-hs_session=abc ; broken; q=\"quoted\"");
  EXPECT_EQ(find(c, "a"), "1");
  EXPECT_EQ(find(c, "__Host-hs_session"), "abc");
  EXPECT_EQ(find(c, "q"), "quoted");
  EXPECT_EQ(c.size(), 3u);
}

TEST(ParseTarget, SplitsPathAndQuery) {
  auto t = parse_target("/spaces/caf%C3%A9?x=1&y=2");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/spaces/café");
  EXPECT_EQ(t->query, "x=1&y=2");
}

TEST(ParseTarget, RejectsWhatCouldEscapeOrConfuse) {
  EXPECT_FALSE(parse_target("http://example.org/"));
  EXPECT_FALSE(parse_target("/static/../secret.key"));
  EXPECT_FALSE(parse_target("/static/%2e%2e/secret.key"));
  EXPECT_FALSE(parse_target("/a/./b"));
  EXPECT_FALSE(parse_target("/a%00b"));
  EXPECT_FALSE(parse_target("/a%FF"));
  EXPECT_FALSE(parse_target(""));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("/a#b"));
  EXPECT_FALSE(parse_target("/a%zz"));
  EXPECT_FALSE(parse_target("/a%2Fb"));  // an escaped '/' is not a second segment
  EXPECT_FALSE(parse_target("/static/..%2Fsecret"));
  EXPECT_FALSE(parse_target("/a b"));
  EXPECT_FALSE(parse_target("/caf\xC3\xA9"));  // raw bytes must be escaped
  EXPECT_TRUE(parse_target("/a/..b/c"));
  auto t = parse_target("/a//b?");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/a//b");
  EXPECT_EQ(t->query, "");
}

TEST(PercentEncode, RoundTrips) {
  std::string s = "/spaces?next=a b&c=é";
  auto enc = percent_encode(s);
  EXPECT_EQ(enc.find(' '), std::string::npos);
  EXPECT_EQ(*percent_decode(enc, false), s);
}

}  // namespace hs::web
