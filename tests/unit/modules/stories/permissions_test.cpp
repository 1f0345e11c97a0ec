// Who may read which story: the whole table, every role (and the author) by every choice
// of readers and every state, so that a change to any rule shows up here as a cell.
#include "modules/stories/permissions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace hs::stories::permissions {
namespace {

using spaces::Role;

struct Persona {
  const char* name;
  bool signed_in;
  Role role;
  bool is_author;
};

// A partner of another space has no role in this one: in this space they are "signed in,
// no role", and must see no more than anyone signed in.
const std::vector<Persona> kPersonas = {
    {"signed out", false, Role::none, false},
    {"signed in, no role (a partner of another space)", true, Role::none, false},
    {"member", true, Role::member, false},
    {"partner of this space", true, Role::partner, false},
    {"facilitator", true, Role::facilitator, false},
    {"auditor", true, Role::auditor, false},
    {"steward", true, Role::steward, false},
    {"the author (a member)", true, Role::member, true},
    {"the author, having left the space", true, Role::none, true},
};

constexpr Audience kAudiences[] = {Audience::members, Audience::partners, Audience::anyone};
constexpr Status kStates[] = {Status::published, Status::held, Status::withdrawn};

Reader reader(const Persona& p, spaces::Visibility v) {
  Reader r;
  r.subject.signed_in = p.signed_in;
  r.subject.role = p.role;
  r.subject.visibility = v;
  r.is_author = p.is_author;
  return r;
}

// One row per persona; columns: readers members (published, held, withdrawn), then
// members and partners (p h w), then anyone (p h w).
void check(spaces::Visibility v, const std::vector<std::string>& table) {
  ASSERT_EQ(table.size(), kPersonas.size());
  for (std::size_t p = 0; p < kPersonas.size(); ++p) {
    ASSERT_EQ(table[p].size(), 9u) << kPersonas[p].name;
    std::size_t col = 0;
    for (auto a : kAudiences)
      for (auto s : kStates) {
        const bool expected = table[p][col++] == 'Y';
        EXPECT_EQ(read_story(reader(kPersonas[p], v), {a, s}), expected)
            << kPersonas[p].name << " reading a " << to_string(s) << " story for " << to_string(a) << " in a "
            << spaces::to_string(v) << " space";
      }
  }
}

TEST(StoriesPermissions, WhoReadsWhichStoryInAListedSpace) {
  check(spaces::Visibility::listed, {
                                        // m:phw p:phw a:phw
                                        "------Y--",  // signed out
                                        "------Y--",  // signed in, no role
                                        "Y--Y--Y--",  // member
                                        "---Y--Y--",  // partner
                                        "YY-YY-YY-",  // facilitator
                                        "Y--Y--Y--",  // auditor
                                        "Y--Y--Y--",  // steward
                                        "YY-YY-YY-",  // author
                                        "YY-YY-YY-",  // author, left
                                    });
}

TEST(StoriesPermissions, WhoReadsWhichStoryInAPrivateSpace) {
  // "Anyone" means anyone who can see the space: a private space's stories stay inside.
  check(spaces::Visibility::private_space, {
                                               "---------",  // signed out
                                               "---------",  // signed in, no role
                                               "Y--Y--Y--",  // member
                                               "---Y--Y--",  // partner
                                               "YY-YY-YY-",  // facilitator
                                               "Y--Y--Y--",  // auditor
                                               "Y--Y--Y--",  // steward
                                               "YY-YY-YY-",  // author
                                               "YY-YY-YY-",  // author, left
                                           });
}

TEST(StoriesPermissions, NobodyReadsAWithdrawnStoryNotEvenOnItsPage) {
  for (const auto& p : kPersonas)
    for (auto a : kAudiences)
      EXPECT_FALSE(read_story(reader(p, spaces::Visibility::listed), {a, Status::withdrawn})) << p.name;
}

TEST(StoriesPermissions, OnlyTheAuthorChangesOrWithdrawsUntilWithdrawn) {
  for (const auto& p : kPersonas) {
    auto r = reader(p, spaces::Visibility::listed);
    for (auto s : {Status::published, Status::held}) {
      EXPECT_EQ(edit_story(r, {Audience::members, s}), p.is_author) << p.name;
      EXPECT_EQ(withdraw_story(r, {Audience::members, s}), p.is_author) << p.name;
    }
    EXPECT_FALSE(edit_story(r, {Audience::members, Status::withdrawn})) << p.name;
    EXPECT_FALSE(withdraw_story(r, {Audience::members, Status::withdrawn})) << p.name;
  }
  // A signed-out request can never count as the author.
  Reader ghost;
  ghost.is_author = true;
  EXPECT_FALSE(edit_story(ghost, {Audience::anyone, Status::published}));
}

TEST(StoriesPermissions, OnlyFacilitatorsModerateAndOnlyWhatTheyCanRead) {
  for (const auto& p : kPersonas) {
    auto r = reader(p, spaces::Visibility::listed);
    const bool facilitator = p.role == Role::facilitator;
    EXPECT_EQ(moderate(r, {Audience::members, Status::published}), facilitator) << p.name;
    EXPECT_EQ(moderate(r, {Audience::partners, Status::held}), facilitator) << p.name;
    EXPECT_FALSE(moderate(r, {Audience::members, Status::withdrawn})) << p.name;
  }
}

TEST(StoriesPermissions, EarlierVersionsOnlyForTheAuthorAndFacilitators) {
  for (const auto& p : kPersonas) {
    auto r = reader(p, spaces::Visibility::listed);
    const bool expected = p.is_author || p.role == Role::facilitator;
    EXPECT_EQ(view_versions(r, {Audience::anyone, Status::published}), expected) << p.name;
    EXPECT_FALSE(view_versions(r, {Audience::anyone, Status::withdrawn})) << p.name;
  }
}

TEST(StoriesPermissions, PartnersRespondToPublishedStoriesTheyMayRead) {
  Reader partner = reader(kPersonas[3], spaces::Visibility::listed);
  EXPECT_FALSE(respond(partner, {Audience::members, Status::published}));
  EXPECT_TRUE(respond(partner, {Audience::partners, Status::published}));
  EXPECT_TRUE(respond(partner, {Audience::anyone, Status::published}));
  EXPECT_FALSE(respond(partner, {Audience::partners, Status::held}));
  EXPECT_FALSE(respond(partner, {Audience::partners, Status::withdrawn}));
  for (const auto& p : kPersonas) {
    if (p.role == Role::partner) continue;
    EXPECT_FALSE(respond(reader(p, spaces::Visibility::listed), {Audience::anyone, Status::published})) << p.name;
  }
}

TEST(StoriesPermissions, OnlyTheAuthorRepliesAndOnlyWhilePublished) {
  for (const auto& p : kPersonas) {
    auto r = reader(p, spaces::Visibility::listed);
    EXPECT_EQ(reply(r, {Audience::partners, Status::published}), p.is_author) << p.name;
    EXPECT_FALSE(reply(r, {Audience::partners, Status::held})) << p.name;
    EXPECT_FALSE(reply(r, {Audience::partners, Status::withdrawn})) << p.name;
  }
}

TEST(StoriesPermissions, MembersShareStoriesStewardsListPartners) {
  for (const auto& p : kPersonas) {
    spaces::Subject s = reader(p, spaces::Visibility::listed).subject;
    const bool member = p.signed_in && p.role != Role::none && p.role != Role::partner;
    EXPECT_EQ(write_story(s), member) << p.name;
    EXPECT_EQ(manage_partners(s), p.role == Role::steward) << p.name;
  }
}

TEST(StoriesPermissions, ReadableKindsAreExactlyWhatReadStoryAllows) {
  // Lists and search filter in SQL by these kinds: they must be read_story's table, no more.
  for (auto v : {spaces::Visibility::listed, spaces::Visibility::unlisted, spaces::Visibility::private_space})
    for (const auto& p : kPersonas) {
      auto r = reader(p, v);
      auto kinds = readable_kinds(r);
      for (auto a : kAudiences)
        for (auto st : kStates) {
          const bool listed = std::any_of(kinds.begin(), kinds.end(),
                                          [&](const StoryFacts& f) { return f.audience == a && f.status == st; });
          EXPECT_EQ(listed, read_story(r, {a, st})) << p.name << " " << to_string(a) << " " << to_string(st);
        }
    }
}

}  // namespace
}  // namespace hs::stories::permissions
