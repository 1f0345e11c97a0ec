// Canonical JSON: what the log hashes must be the same bytes for every writer and
// every auditor's tool (RFC 8785 style: keys sorted, no white space, JCS escapes).
#include "modules/audit/rules/canonical.hpp"

#include <gtest/gtest.h>

#include "modules/audit/verify.hpp"

namespace hs::audit::canonical {

TEST(Canonical, EntryKeysAreSortedWithoutWhiteSpace) {
  auto e = entry_text({7, 3, 1800000000}, "decision.closed",
                      {{"outcome", "agreed"},
                       {"for", std::int64_t{9}},
                       {"against", std::int64_t{-2}},
                       {"quorum", true},
                       {"ranking", std::vector<std::string>{"b", "a"}},
                       {"blank", false}});
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(*e,
            "{\"at\":1800000000,\"data\":{\"against\":-2,\"blank\":false,\"for\":9,\"outcome\":\"agreed\","
            "\"quorum\":true,\"ranking\":[\"b\",\"a\"]},\"kind\":\"decision.closed\",\"seq\":3,\"space\":7,\"v\":1}");
  auto empty = entry_text({1, 0, 5}, "log.opened", {});
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(*empty, "{\"at\":5,\"data\":{},\"kind\":\"log.opened\",\"seq\":0,\"space\":1,\"v\":1}");
}

TEST(Canonical, StringsAreEscapedAsJcsEscapesThem) {
  std::string out;
  append_string(out, std::string("a\"b\\c\b\f\n\r\t\x01\x1f\x7f/é€😀", 23));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\x7f/é€😀\"");
}

TEST(Canonical, RefusesWhatCannotBeWrittenCanonically) {
  EXPECT_FALSE(entry_text({1, 0, 0}, "Decision", {}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "", {}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "decision closed", {}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "vote", {{"Outcome", "x"}}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "vote", {{"1st", "x"}}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "vote", {{"a", "x"}, {"a", "y"}}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "vote", {{"a", std::string("\xff\xfe", 2)}}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "vote", {{"a", std::vector<std::string>{"ok", "\xc3"}}}));
  EXPECT_FALSE(entry_text({1, 0, 0}, "vote", {{"a", std::string(kMaxEntryBytes, 'x')}}));
  EXPECT_TRUE(entry_text({1, 0, 0}, "vote.cast_2", {{"option_3", "x"}}));
}

TEST(Canonical, AnyWriterOfTheSameValueGivesTheSameBytes) {
  auto e = entry_text({42, 1000, 1800000123}, "proposal.opened",
                      {{"title_hash", "ab12"},
                       {"note", "Line one\nline \"two\" – ça va? \x01"},
                       {"options", std::vector<std::string>{"yes", "no", "😀"}},
                       {"count", std::int64_t{-9}}});
  ASSERT_TRUE(e.has_value());
  // The same value, spelt loosely: other key order, white space, needless escapes.
  const std::string loose =
      "{ \"v\": 1, \"space\": 42, \"seq\": 1000, \"kind\": \"proposal.opened\", \"at\": 1800000123,\n"
      "  \"data\": {\"options\": [\"yes\", \"n\\u006f\", \"\\ud83d\\ude00\"], \"count\": -9,\n"
      "    \"note\": \"Line one\\nline \\\"two\\\" \\u2013 \\u00e7a va? \\u0001\", \"title_hash\": \"ab\\u00312\"} }";
  EXPECT_EQ(recanonicalize(loose), e);
  EXPECT_EQ(recanonicalize(*e), e);
  EXPECT_FALSE(recanonicalize("{\"a\":1.5}"));
  EXPECT_FALSE(recanonicalize("{\"a\":1e3}"));
  EXPECT_FALSE(recanonicalize("{\"a\":"));
}

TEST(Canonical, HeadTextIsWhatIsSigned) {
  EXPECT_EQ(head_text(3, 10, "ab", 1800000000), "{\"root\":\"ab\",\"size\":10,\"space\":3,\"timestamp\":1800000000}");
}

}  // namespace hs::audit::canonical
