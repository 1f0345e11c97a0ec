// Notification levels: who is told of what, how email reaches them, and that mute wins.
#include "modules/conversations/rules/notify.hpp"

#include <gtest/gtest.h>

namespace hs::conversations {
namespace {

Happening happening(bool new_conversation, bool is_actor, bool mentioned, bool took_part) {
  Happening h;
  h.new_conversation = new_conversation;
  h.is_actor = is_actor;
  h.mentioned = mentioned;
  h.took_part = took_part;
  return h;
}
Happening reply() { return {}; }
Happening opening() { return happening(true, false, false, false); }
Happening mention(bool opening = false) { return happening(opening, false, true, false); }
Happening reply_taken_part() { return happening(false, false, false, true); }
Choices choices(Level space, std::optional<Level> conversation = std::nullopt, Email email = Email::at_once) {
  Choices c;
  c.space = space;
  c.conversation = conversation;
  c.email = email;
  return c;
}

TEST(ConversationsNotify, NormalIsMentionsAndOwnConversations) {
  Choices c;  // normal, email at once
  EXPECT_EQ(decide(c, opening()).reason, Reason::none);
  EXPECT_EQ(decide(c, reply()).reason, Reason::none);
  EXPECT_EQ(decide(c, reply_taken_part()).reason, Reason::reply);
  EXPECT_EQ(decide(c, mention()).reason, Reason::mention);
  EXPECT_EQ(decide(c, mention(true)).reason, Reason::mention);
  EXPECT_EQ(decide(c, mention()).email, When::now);
}

TEST(ConversationsNotify, WatchIsEverything) {
  Choices c = choices(Level::watch);
  EXPECT_EQ(decide(c, opening()).reason, Reason::new_conversation);
  EXPECT_EQ(decide(c, reply()).reason, Reason::reply);
  EXPECT_EQ(decide(c, mention()).reason, Reason::mention);
  // A conversation watched in a space left at normal.
  Choices one = choices(Level::normal, Level::watch);
  EXPECT_EQ(decide(one, reply()).reason, Reason::reply);
  // A conversation set back to normal in a watched space.
  Choices quieter = choices(Level::watch, Level::normal);
  EXPECT_EQ(decide(quieter, reply()).reason, Reason::none);
}

TEST(ConversationsNotify, MuteWinsEverywhere) {
  const Happening all[] = {opening(), reply(),       reply_taken_part(),
                           mention(), mention(true), happening(false, false, true, true)};
  const Choices muted[] = {
      choices(Level::mute),
      choices(Level::mute, Level::watch),  // the space's mute wins
      choices(Level::watch, Level::mute),  // a muted conversation's mentions too
      choices(Level::normal, Level::mute),
  };
  for (const auto& c : muted)
    for (auto e : {Email::at_once, Email::daily, Email::weekly, Email::never})
      for (const auto& h : all) {
        auto cc = c;
        cc.email = e;
        const auto d = decide(cc, h);
        EXPECT_EQ(d.reason, Reason::none);
        EXPECT_EQ(d.email, When::never);
      }
  EXPECT_EQ(effective_level(choices(Level::mute, Level::watch)), Level::mute);
}

TEST(ConversationsNotify, NobodyIsToldOfTheirOwnPost) {
  Choices c = choices(Level::watch);
  EXPECT_EQ(decide(c, happening(true, true, true, false)).reason, Reason::none);
}

TEST(ConversationsNotify, EmailAsChosen) {
  for (auto [e, w] : {std::pair{Email::at_once, When::now}, std::pair{Email::daily, When::daily},
                      std::pair{Email::weekly, When::weekly}, std::pair{Email::never, When::never}}) {
    Choices c = choices(Level::normal, std::nullopt, e);
    EXPECT_EQ(decide(c, mention()).email, w);
    EXPECT_EQ(decide(c, mention()).reason, Reason::mention);  // in the app whatever the email
    // Nothing by email that is not in the app.
    EXPECT_EQ(decide(c, opening()).email, When::never);
  }
}

TEST(ConversationsNotify, DigestsWhenDue) {
  constexpr std::int64_t day = 24 * 60 * 60, now = 1'800'000'000;
  // The first digest a day (or a week) after the oldest notification waiting for it.
  EXPECT_FALSE(digest_due(Email::daily, std::nullopt, now - day + 1, now));
  EXPECT_TRUE(digest_due(Email::daily, std::nullopt, now - day, now));
  EXPECT_FALSE(digest_due(Email::weekly, std::nullopt, now - 6 * day, now));
  EXPECT_TRUE(digest_due(Email::weekly, std::nullopt, now - 7 * day, now));
  // Then at most once a day (a week) since the last, however new what waits.
  EXPECT_FALSE(digest_due(Email::daily, now - day + 1, now - 2 * day, now));
  EXPECT_TRUE(digest_due(Email::daily, now - day, now - 60, now));
  EXPECT_FALSE(digest_due(Email::weekly, now - 6 * day, now - 6 * day, now));
  EXPECT_TRUE(digest_due(Email::weekly, now - 7 * day, now, now));
  // Never for the other choices.
  EXPECT_FALSE(digest_due(Email::at_once, std::nullopt, now - 30 * day, now));
  EXPECT_FALSE(digest_due(Email::never, std::nullopt, now - 30 * day, now));
  for (auto l : {Level::watch, Level::normal, Level::mute}) EXPECT_EQ(parse_level(to_string(l)), l);
  for (auto e : {Email::at_once, Email::daily, Email::weekly, Email::never}) EXPECT_EQ(parse_email(to_string(e)), e);
}

}  // namespace
}  // namespace hs::conversations
