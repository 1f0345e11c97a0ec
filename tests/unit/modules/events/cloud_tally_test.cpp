// The kept tally gives what a fresh build gives, whatever happened to the entries
// between builds.
#include "modules/events/commands/cloud_tally.hpp"

#include <gtest/gtest.h>

#include <random>

#include "services/services.hpp"

namespace hs::events {
namespace {

std::vector<CloudCount> fresh(const std::vector<CloudEntry>& entries, const std::vector<CloudDecision>& d,
                              std::string_view lang = "en") {
  auto t = build_tally(lang, 40, entries, d);
  EXPECT_TRUE(t);
  return all_groups(*t);
}

void expect_same(const std::vector<CloudCount>& a, const std::vector<CloudCount>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << i;
    EXPECT_EQ(a[i].count, b[i].count) << i;
    EXPECT_EQ(a[i].key, b[i].key) << i;
    EXPECT_EQ(a[i].status, b[i].status) << i;
  }
}

// The server whose tallies these tests keep.
services::Services& server() {
  static services::Services s;
  return s;
}

std::vector<CloudCount> kept(std::int64_t item, const std::vector<CloudEntry>& entries,
                             const std::vector<CloudDecision>& d, std::string_view lang = "en") {
  auto g = commands::cloud_groups(server(), item, lang, 40, entries, d);
  EXPECT_TRUE(g);
  return g ? *g : std::vector<CloudCount>{};
}

TEST(CloudTally, AddingEntriesBetweenBuildsMatchesAFreshBuild) {
  commands::forget_cloud_tallies(server());
  const char* words[] = {"Listening", "listen ", "listened", "Trust", "trust", "respect", "Equal power", "the"};
  std::mt19937 rng(7);
  std::vector<CloudEntry> entries;
  std::int64_t id = 0;
  for (int round = 0; round < 30; ++round) {
    for (int i = 0; i < 7; ++i) entries.push_back({++id, words[rng() % 8]});
    expect_same(kept(1, entries, {}), fresh(entries, {}));
  }
}

TEST(CloudTally, WithdrawalsReusedIdsAndLateIdsGiveAFreshBuild) {
  commands::forget_cloud_tallies(server());
  std::vector<CloudEntry> entries{{1, "listen"}, {2, "trust"}, {3, "trust"}, {4, "Listening"}};
  expect_same(kept(2, entries, {}), fresh(entries, {}));
  // Entry 2 withdrawn: "listen" now came first, and trust has one.
  entries.erase(entries.begin() + 1);
  expect_same(kept(2, entries, {}), fresh(entries, {}));
  // The last row's id used again with other text (SQLite may reuse the largest rowid).
  entries.back() = {4, "respect"};
  auto got = kept(2, entries, {});
  expect_same(got, fresh(entries, {}));
  bool respect = false;
  for (const auto& g : got) respect = respect || g.text == "respect";
  EXPECT_TRUE(respect);
  // An id below one already seen (another writer's commit landing later).
  entries.insert(entries.begin() + 1, CloudEntry{2, "Trust"});
  expect_same(kept(2, entries, {}), fresh(entries, {}));
}

TEST(CloudTally, ModerationAndLanguageApplyEveryTime) {
  commands::forget_cloud_tallies(server());
  std::vector<CloudEntry> entries{{1, "listen"}, {2, "trust"}, {3, "trust"}};
  expect_same(kept(3, entries, {}), fresh(entries, {}));
  auto all = fresh(entries, {});
  std::string trust_key;
  for (const auto& g : all)
    if (g.text == "trust") trust_key = g.key;
  std::vector<CloudDecision> hide{{"visibility", trust_key, "hidden"}};
  auto got = kept(3, entries, hide);
  expect_same(got, fresh(entries, hide));
  for (const auto& g : got) {
    if (g.key == trust_key) {
      EXPECT_EQ(g.status, "hidden");
    }
  }
  // Restored again: the decision rows are what counts, not what was kept.
  expect_same(kept(3, entries, {}), fresh(entries, {}));
  // Another language stems differently and is built afresh.
  expect_same(kept(3, entries, {}, "fr"), fresh(entries, {}, "fr"));
}

TEST(CloudTally, AnUnknownLanguageFails) {
  commands::forget_cloud_tallies(server());
  EXPECT_FALSE(commands::cloud_groups(server(), 4, "klingon", 40, {{1, "listen"}}, {}));
}

}  // namespace
}  // namespace hs::events
