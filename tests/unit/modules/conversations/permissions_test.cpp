// Who may do what with conversations: the whole table, every role (and the author) by
// every moderation state, so that a change to any rule shows up here as a cell.
#include "modules/conversations/permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hs::conversations::permissions {
namespace {

using spaces::Role;

struct Persona {
  const char* name;
  bool signed_in;
  Role role;
  bool is_author;
};

const std::vector<Persona> kPersonas = {
    {"signed out", false, Role::none, false},
    {"signed in, no role (a member of another space)", true, Role::none, false},
    {"partner", true, Role::partner, false},
    {"member", true, Role::member, false},
    {"facilitator", true, Role::facilitator, false},
    {"steward", true, Role::steward, false},
    {"auditor", true, Role::auditor, false},
    {"author (member)", true, Role::member, true},
};

Reader reader(const Persona& p, spaces::Visibility v = spaces::Visibility::listed) {
  Reader r;
  r.subject.signed_in = p.signed_in;
  r.subject.role = p.role;
  r.subject.visibility = v;
  r.is_author = p.is_author;
  return r;
}

// One letter a predicate, in this order: Read (the post or its notice), Words, Edit
// (and remove), reAct (and flag), ask reView, see the Author of an anonymous post.
// "-" where refused.
std::string row(const Reader& r, State s) {
  PostFacts f{s, true};
  std::string out;
  out += read_post(r, f) ? 'R' : '-';
  out += read_words(r, f) ? 'W' : '-';
  out += edit_post(r, f) ? 'E' : '-';
  EXPECT_EQ(edit_post(r, f), remove_post(r, f));
  out += react(r, f) ? 'A' : '-';
  EXPECT_EQ(react(r, f), flag(r, f));
  out += ask_review(r, f) ? 'V' : '-';
  out += see_author(r, f) ? 'N' : '-';
  return out;
}

TEST(ConversationsPermissions, TheTable) {
  // persona -> {visible, pending, hidden, review, removed}
  const std::vector<std::vector<std::string>> expected = {
      {"------", "------", "------", "------", "------"},  // signed out
      {"------", "------", "------", "------", "------"},  // no role
      {"------", "------", "------", "------", "------"},  // partner
      {"RW-A--", "------", "R-----", "R-----", "R-----"},  // member
      {"RW-A--", "RW----", "RW----", "RW----", "R-----"},  // facilitator: never the author's name
      {"RW-A--", "------", "R-----", "R-----", "R-----"},  // steward
      {"RW-A--", "------", "R-----", "R-----", "R-----"},  // auditor
      {"RWE--N", "RWE--N", "RWE-VN", "RWE--N", "R----N"},  // author
  };
  const State states[] = {State::visible, State::pending, State::hidden, State::review, State::removed};
  for (std::size_t i = 0; i < kPersonas.size(); ++i)
    for (std::size_t j = 0; j < 5; ++j) {
      // The space's visibility changes nothing: conversations are the members' own.
      for (auto v : {spaces::Visibility::listed, spaces::Visibility::unlisted, spaces::Visibility::private_space})
        EXPECT_EQ(row(reader(kPersonas[i], v), states[j]), expected[i][j])
            << kPersonas[i].name << " / " << to_string(states[j]);
    }
}

TEST(ConversationsPermissions, NamedPostsShowTheirAuthorToReaders) {
  Reader member = reader(kPersonas[3]);
  EXPECT_TRUE(see_author(member, {State::visible, false}));
  EXPECT_FALSE(see_author(reader(kPersonas[2]), {State::visible, false}));
}

TEST(ConversationsPermissions, SpaceWide) {
  for (const auto& p : kPersonas) {
    const auto s = reader(p).subject;
    const bool member = p.signed_in && p.role != Role::none && p.role != Role::partner;
    EXPECT_EQ(view_conversations(s), member) << p.name;
    EXPECT_EQ(start_conversation(s), member) << p.name;
    EXPECT_EQ(post_anonymously(s, true), member) << p.name;
    EXPECT_FALSE(post_anonymously(s, false)) << p.name;
    EXPECT_EQ(moderate(s), p.role == Role::facilitator) << p.name;
    EXPECT_EQ(manage_settings(s), p.role == Role::facilitator || p.role == Role::steward) << p.name;
    EXPECT_EQ(reply(reader(p), {State::visible, false}), member) << p.name;
    for (auto st : {State::pending, State::hidden, State::review, State::removed})
      EXPECT_FALSE(reply(reader(p), {st, false})) << p.name;
  }
}

}  // namespace
}  // namespace hs::conversations::permissions
