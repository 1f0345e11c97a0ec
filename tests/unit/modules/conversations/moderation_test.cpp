// Moderation states: every act from every state, and what each reader is shown.
#include "modules/conversations/rules/moderation.hpp"

#include <gtest/gtest.h>

#include <map>

namespace hs::conversations {
namespace {

constexpr State kAll[] = {State::visible, State::pending, State::hidden, State::review, State::removed};
constexpr Act kActs[] = {Act::approve, Act::hide, Act::ask_review, Act::restore, Act::keep_hidden, Act::remove};

TEST(ConversationsModeration, EveryTransition) {
  // The whole table: (state, act) -> the next state; every pair not listed is refused.
  const std::map<std::pair<State, Act>, State> allowed = {
      {{State::pending, Act::approve}, State::visible},   {{State::visible, Act::hide}, State::hidden},
      {{State::pending, Act::hide}, State::hidden},       {{State::hidden, Act::ask_review}, State::review},
      {{State::hidden, Act::restore}, State::visible},    {{State::review, Act::restore}, State::visible},
      {{State::review, Act::keep_hidden}, State::hidden}, {{State::visible, Act::remove}, State::removed},
      {{State::pending, Act::remove}, State::removed},    {{State::hidden, Act::remove}, State::removed},
      {{State::review, Act::remove}, State::removed},
  };
  for (auto s : kAll)
    for (auto a : kActs) {
      auto r = next_state(s, a);
      auto it = allowed.find({s, a});
      SCOPED_TRACE(std::string(to_string(s)) + " / " + std::string(to_string(a)));
      if (it == allowed.end()) {
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().message_key, "conversations_state_" + std::string(to_string(a)));
      } else {
        ASSERT_TRUE(r);
        EXPECT_EQ(*r, it->second);
      }
    }
}

TEST(ConversationsModeration, AnonymousPostsWaitForAFacilitator) {
  EXPECT_EQ(initial_state(true), State::pending);
  EXPECT_EQ(initial_state(false), State::visible);
}

TEST(ConversationsModeration, WhatEachReaderIsShown) {
  // {state, author, facilitator} -> shown
  EXPECT_EQ(shown(State::visible, false, false), Shown::text);
  EXPECT_EQ(shown(State::pending, false, false), Shown::nothing);
  EXPECT_EQ(shown(State::pending, true, false), Shown::text);
  EXPECT_EQ(shown(State::pending, false, true), Shown::text);
  for (auto s : {State::hidden, State::review}) {
    EXPECT_EQ(shown(s, false, false), Shown::hidden_notice);
    EXPECT_EQ(shown(s, true, false), Shown::text);
    EXPECT_EQ(shown(s, false, true), Shown::text);
  }
  // Removed: nobody reads the words any more, not the author nor the facilitators.
  for (bool a : {false, true})
    for (bool f : {false, true}) EXPECT_EQ(shown(State::removed, a, f), Shown::removed_notice);
  EXPECT_FALSE(editable(State::removed));
  EXPECT_TRUE(editable(State::hidden));
}

TEST(ConversationsModeration, ReasonsAreChecked) {
  EXPECT_FALSE(validate_reason("  "));
  EXPECT_FALSE(validate_reason(std::string(1001, 'x')));
  EXPECT_EQ(*validate_reason("  Names a person who asked not to be named.  "),
            "Names a person who asked not to be named.");
  for (auto s : kAll) EXPECT_EQ(parse_state(to_string(s)), s);
  for (auto a : kActs) EXPECT_EQ(parse_act(to_string(a)), a);
}

}  // namespace
}  // namespace hs::conversations
