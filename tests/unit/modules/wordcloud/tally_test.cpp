#include <gtest/gtest.h>

#include <map>
#include <random>

#include "modules/wordcloud/module.hpp"
#include "text/language.hpp"

namespace hs::wordcloud {
namespace {

Tally english() {
  auto t = make_tally("en");
  if (!t) throw std::runtime_error(t.error().message_key);
  return std::move(*t);
}

const Group* find(const std::vector<Group>& groups, const std::string& key) {
  for (const auto& g : groups)
    if (g.key == key) return &g;
  return nullptr;
}

TEST(WordcloudTally, GroupsByStemAndShowsTheMostCommonForm) {
  auto t = english();
  ASSERT_TRUE(t.add("e1", "Listening"));
  ASSERT_TRUE(t.add("e2", "listen "));
  ASSERT_TRUE(t.add("e3", "listened"));
  ASSERT_TRUE(t.add("e4", "listening!"));
  ASSERT_TRUE(t.add("e5", "  listening"));
  ASSERT_TRUE(t.add("e6", "respect"));
  auto groups = t.groups();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].key, "listen");
  EXPECT_EQ(groups[0].count, 5);
  EXPECT_EQ(groups[0].shown_text, "listening");  // 2 of 5, against 1 each
  EXPECT_TRUE(groups[0].shown());
  EXPECT_EQ(groups[1].shown_text, "respect");
  EXPECT_EQ(t.entry_count(), 6);
}

TEST(WordcloudTally, TiesGoToTheEarliestForm) {
  auto t = english();
  ASSERT_TRUE(t.add("a", "Respect"));
  ASSERT_TRUE(t.add("b", "respect"));
  EXPECT_EQ(t.groups()[0].shown_text, "Respect");
  ASSERT_TRUE(t.add("c", "respect"));
  EXPECT_EQ(t.groups()[0].shown_text, "respect");
  ASSERT_TRUE(t.withdraw("c"));
  EXPECT_EQ(t.groups()[0].shown_text, "Respect");
}

TEST(WordcloudTally, OrderIsMostEntriesThenEarliestSeen) {
  auto t = english();
  ASSERT_TRUE(t.add("1", "trust"));
  ASSERT_TRUE(t.add("2", "equal"));
  ASSERT_TRUE(t.add("3", "voice"));
  ASSERT_TRUE(t.add("4", "voice"));
  auto g = t.groups();
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].shown_text, "voice");
  EXPECT_EQ(g[1].shown_text, "trust");
  EXPECT_EQ(g[2].shown_text, "equal");
}

TEST(WordcloudTally, StopWordsAreCountedButNotShown) {
  auto t = english();
  ASSERT_TRUE(t.add("1", "The"));
  ASSERT_TRUE(t.add("2", "of the"));
  ASSERT_TRUE(t.add("3", "us"));  // means something here
  ASSERT_TRUE(t.add("4", "the people"));
  auto g = t.groups();
  EXPECT_EQ(find(g, "the")->status, GroupStatus::stop_word);
  EXPECT_EQ(find(g, "of the")->status, GroupStatus::stop_word);
  EXPECT_TRUE(find(g, "us")->shown());
  EXPECT_TRUE(find(g, "the peopl")->shown());
  // A facilitator can still show one.
  t.restore("the");
  EXPECT_TRUE(find(t.groups(), "the")->shown());
}

TEST(WordcloudTally, EventStopWordsAddToTheShippedOnes) {
  auto t = make_tally("en", {}, "co-production\n# comment\n");
  ASSERT_TRUE(t);
  ASSERT_TRUE(t->add("1", "Co-production"));
  ASSERT_TRUE(t->add("2", "the"));
  auto g = t->groups();
  EXPECT_EQ(g[0].status, GroupStatus::stop_word);
  EXPECT_EQ(g[1].status, GroupStatus::stop_word);
}

TEST(WordcloudTally, ProfanityIsHeldForTheFacilitator) {
  auto t = english();
  for (auto [id, text] : std::vector<std::pair<const char*, const char*>>{{"1", "Fucking"},
                                                                          {"2", "shit show"},
                                                                          {"3", "f u c k"},
                                                                          {"4", "WANKERS!"},
                                                                          {"5", "Scunthorpe"},
                                                                          {"6", "assess"},
                                                                          {"7", "classic"},
                                                                          {"8", "listening"}}) {
    ASSERT_TRUE(t.add(id, text)) << text;
  }
  auto g = t.groups();
  auto status = [&](const char* id) { return find(g, *t.key_of(id))->status; };
  EXPECT_EQ(status("1"), GroupStatus::held);
  EXPECT_EQ(status("2"), GroupStatus::held);
  EXPECT_EQ(status("3"), GroupStatus::held);
  EXPECT_EQ(status("4"), GroupStatus::held);
  EXPECT_EQ(status("5"), GroupStatus::shown);
  EXPECT_EQ(status("6"), GroupStatus::shown);
  EXPECT_EQ(status("7"), GroupStatus::shown);
  EXPECT_EQ(status("8"), GroupStatus::shown);
  t.restore(*t.key_of("4"));
  EXPECT_TRUE(find(t.groups(), *t.key_of("4"))->shown());
}

TEST(WordcloudTally, HideAndRestore) {
  auto t = english();
  ASSERT_TRUE(t.add("1", "trust"));
  t.hide("trust");
  EXPECT_EQ(t.groups()[0].status, GroupStatus::hidden);
  ASSERT_TRUE(t.add("2", "Trusting"));  // still hidden as it grows
  EXPECT_EQ(t.groups()[0].status, GroupStatus::hidden);
  EXPECT_EQ(t.groups()[0].count, 2);
  t.restore("trust");
  EXPECT_TRUE(t.groups()[0].shown());
}

TEST(WordcloudTally, MergeCountsOneGroupInAnother) {
  auto t = english();
  ASSERT_TRUE(t.add("1", "equity"));
  ASSERT_TRUE(t.add("2", "equal"));
  ASSERT_TRUE(t.add("3", "equal"));
  ASSERT_TRUE(t.add("4", "fairness"));
  auto k_equality = *t.key_of("1"), k_equal = *t.key_of("2"), k_fair = *t.key_of("4");
  ASSERT_NE(k_equality, k_equal);
  ASSERT_TRUE(t.merge(k_equality, k_equal));
  auto g = t.groups();
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].key, k_equal);
  EXPECT_EQ(g[0].count, 3);
  EXPECT_EQ(g[0].shown_text, "equal");
  EXPECT_EQ(g[0].merged, std::vector<std::string>{k_equality});
  // Later entries follow the merge.
  ASSERT_TRUE(t.add("5", "Equity"));
  EXPECT_EQ(t.groups()[0].count, 4);
  // Merging the target on: everything goes along.
  ASSERT_TRUE(t.merge(k_equal, k_fair));
  g = t.groups();
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].key, k_fair);
  EXPECT_EQ(g[0].count, 5);
  EXPECT_EQ(t.resolve(k_equality), k_fair);
  // Twice into the same group, or into itself: refused.
  auto same = t.merge(k_equality, k_fair);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().message_key, "wordcloud_merge_same");
  EXPECT_FALSE(t.merge(k_fair, k_equal));
  t.unmerge(k_equal);
  g = t.groups();
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(find(g, k_fair)->count, 3);  // fairness and the two "equity"
  EXPECT_EQ(find(g, k_equal)->count, 2);
}

TEST(WordcloudTally, RenameOverridesTheShownText) {
  auto t = english();
  ASSERT_TRUE(t.add("1", "coproduction"));
  ASSERT_TRUE(t.rename("coproduct", "  co-production "));
  EXPECT_EQ(t.groups()[0].shown_text, "co-production");
  auto bad = t.rename("coproduct", std::string(41, 'x'));
  ASSERT_FALSE(bad);
  EXPECT_EQ(t.groups()[0].shown_text, "co-production");
  ASSERT_TRUE(t.rename("coproduct", ""));
  EXPECT_EQ(t.groups()[0].shown_text, "coproduction");
}

TEST(WordcloudTally, ModerationCanBeStoredAndReplayed) {
  auto t = english();
  ASSERT_TRUE(t.add("1", "equity"));
  ASSERT_TRUE(t.add("2", "equal"));
  ASSERT_TRUE(t.merge(*t.key_of("1"), *t.key_of("2")));
  t.hide(*t.key_of("2"));
  auto u = english();
  u.set_moderation(t.moderation());
  ASSERT_TRUE(u.add("a", "equal"));
  ASSERT_TRUE(u.add("b", "equity"));
  ASSERT_EQ(u.groups().size(), 1u);
  EXPECT_EQ(u.groups()[0].status, GroupStatus::hidden);
}

TEST(WordcloudTally, InvalidEntriesAreNotCounted) {
  auto t = english();
  auto r = t.add("1", "!!!");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].message_key, "wordcloud_entry_empty");
  EXPECT_EQ(t.entry_count(), 0);
  EXPECT_TRUE(t.groups().empty());
}

TEST(WordcloudTally, CountsStayExactUnderAddWithdrawAndReplace) {
  auto t = english();
  const std::vector<std::string> words = {"listen",  "listening",   "Listened",      "trust", "Trusting",
                                          "respect", "being heard", "co-production", "equal", "voice"};
  std::map<std::string, std::string> model;  // entry -> key
  std::mt19937 rng(7);
  for (int i = 0; i < 5000; ++i) {
    std::string id = "e" + std::to_string(rng() % 300);
    if (rng() % 3 == 0) {
      EXPECT_EQ(t.withdraw(id), model.erase(id) == 1);
    } else {
      auto key = t.add(id, words[rng() % words.size()]);
      ASSERT_TRUE(key);
      model[id] = *key;
    }
  }
  std::map<std::string, std::int64_t> want;
  for (const auto& [id, key] : model) ++want[key];
  std::map<std::string, std::int64_t> got;
  std::int64_t total = 0;
  for (const auto& g : t.groups()) {
    got[g.key] = g.count;
    total += g.count;
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(total, static_cast<std::int64_t>(model.size()));
  EXPECT_EQ(t.entry_count(), static_cast<std::int64_t>(model.size()));
  EXPECT_FALSE(t.withdraw("never"));
}

TEST(WordcloudTally, SameCallsSameGroups) {
  auto run = [] {
    auto t = english();
    for (int i = 0; i < 200; ++i) {
      const char* w[] = {"care", "caring", "Cared", "hope", "trust", "the", "shit"};
      EXPECT_TRUE(t.add(std::to_string(i), w[(i * 7) % 7 == 0 ? i % 7 : (i * 3) % 7]));
    }
    std::string out;
    for (const auto& g : t.groups())
      out += g.key + "|" + g.shown_text + "|" + std::to_string(g.count) + "|" +
             std::to_string(static_cast<int>(g.status)) + ";";
    return out;
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
}  // namespace hs::wordcloud

namespace hs::wordcloud {
namespace {

TEST(WordcloudLanguage, PerEventLanguage) {
  auto fr = make_tally("fr");
  ASSERT_TRUE(fr);
  ASSERT_TRUE(fr->add("1", "écoute"));
  ASSERT_TRUE(fr->add("2", "écouter"));
  ASSERT_EQ(fr->groups().size(), 1u);
  EXPECT_EQ(fr->groups()[0].count, 2);
  // No shipped French lists: nothing is a stop word unless the event says so.
  ASSERT_TRUE(fr->add("3", "the"));
  EXPECT_TRUE(fr->groups()[1].shown());
  for (const char* bad : {"klingon", "../en", "EN", ""}) {
    auto t = make_tally(bad);
    ASSERT_FALSE(t) << bad;
    EXPECT_EQ(t.error().message_key, "wordcloud_language_unknown");
  }
}

}  // namespace
}  // namespace hs::wordcloud
