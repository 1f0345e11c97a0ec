// A post's fields and the quoting of one.
#include "modules/conversations/rules/post.hpp"

#include <gtest/gtest.h>

namespace hs::conversations {
namespace {

PostInput input(std::string title, std::string body, std::string note, std::string kind) {
  PostInput in;
  in.title = std::move(title);
  in.body = std::move(body);
  in.content_note = std::move(note);
  in.kind = std::move(kind);
  return in;
}

TEST(ConversationsPost, Validates) {
  PostInput in = input("  What helped  ", "  Peer support.\n\nEvery week. ", "", "learning");
  auto ok = validate_post(in, true);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->title, "What helped");
  EXPECT_EQ(ok->body, "Peer support.\n\nEvery week.");
  EXPECT_EQ(ok->kind, Kind::learning);
  auto bad = validate_post(input("", " ", std::string(201, 'x'), "rant"), true);
  ASSERT_FALSE(bad);
  std::vector<std::string> fields;
  for (const auto& f : bad.error().fields) fields.push_back(f.field + ":" + f.message_key);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"title:conversations_title_required", "kind:conversations_kind_required",
                                      "body:conversations_body_required", "content_note:conversations_note_too_long"}));
  // A reply has no title or kind.
  EXPECT_TRUE(validate_post(input("", "Same here.", "", ""), false));
  EXPECT_FALSE(validate_post(input("", std::string("a\0b", 3), "", ""), false));
}

TEST(ConversationsPost, Quotes) {
  EXPECT_EQ(quote("One.\n\nTwo."), "> One.\n>\n> Two.\n\n");
  const auto long_quote = quote(std::string(kQuoteMax + 5, 'x'));
  EXPECT_NE(long_quote.find("…"), std::string::npos);
  // Cut between characters, never inside one.
  std::string accents;
  for (std::size_t i = 0; i < kQuoteMax + 3; ++i) accents += "é";
  const auto q = quote(accents);
  EXPECT_EQ(q.substr(0, 2), "> ");
  EXPECT_EQ(q.size(), 2 + kQuoteMax * 2 + std::string("…").size() + 2);
}

TEST(ConversationsPost, Names) {
  for (auto k : kKinds) EXPECT_EQ(parse_kind(to_string(k)), k);
  for (auto r : kReactions) EXPECT_EQ(parse_reaction(to_string(r)), r);
  EXPECT_FALSE(parse_reaction("angry"));
}

}  // namespace
}  // namespace hs::conversations
